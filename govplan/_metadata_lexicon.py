"""Data tables of :mod:`govplan.metadata`: header labels, types, organ names, furniture.

Every table holds simplified characters as :func:`govplan.normalize.normalize`
produces them (traditional labels such as 索引號 are matched after folding).

>>> LABELS["公文生成日期"].key, LABELS["来源"].generic
('date_written', True)
"""

from __future__ import annotations

from typing import Final, NamedTuple

__all__ = [
    "BYLINE_POSITIONS",
    "CONNECTOR_ENDS",
    "CONNECTOR_STARTS",
    "DATE_KEYS",
    "DOC_TYPES",
    "EMPTY_VALUES",
    "FURNITURE_LABELS",
    "FURNITURE_LINES",
    "FURNITURE_SUFFIXES",
    "INTERPRETED_TYPES",
    "ISSUING_VERBS",
    "LABELS",
    "ORGAN_SUFFIXES",
    "PLAN_WORDS",
    "SUMMARY_PLAN_TYPES",
    "SUMMARY_WORDS",
    "TITLE_NOTE_WORDS",
    "TOC_LINES",
    "Label",
]


class Label(NamedTuple):
    """What a header label means: its canonical key, and whether it is generic.

    A generic label (来源, 时间) is only read in the header block above the
    first paragraph, where it cannot be a line of the body.
    """

    key: str
    generic: bool = False


#: Header labels (inner spaces removed) and what they hold.
LABELS: Final[dict[str, Label]] = {
    # index numbers
    "索引号": Label("index_number"),
    "信息索引号": Label("index_number"),
    "信息索引": Label("index_number"),
    "索引": Label("index_number"),
    # document numbers
    "文号": Label("doc_number"),
    "备注/文号": Label("doc_number"),
    "发文字号": Label("doc_number"),
    "发文文号": Label("doc_number"),
    "发布文号": Label("doc_number"),
    "文件编号": Label("doc_number"),
    "文件字号": Label("doc_number"),
    "发文号": Label("doc_number"),
    "文件文号": Label("doc_number"),
    "发文编号": Label("doc_number"),
    # publishers
    "发布机构": Label("publisher"),
    "发布机关": Label("publisher"),
    "发文机关": Label("publisher"),
    "发文机构": Label("publisher"),
    "发文单位": Label("publisher"),
    "发布单位": Label("publisher"),
    "发布部门": Label("publisher"),
    "发文部门": Label("publisher"),
    "制发机关": Label("publisher"),
    "成文单位": Label("publisher"),
    "发布单位名称": Label("publisher"),
    "公开单位": Label("publisher"),
    "信息公开单位": Label("publisher"),
    "制发单位": Label("publisher"),
    "发文机关名称": Label("publisher"),
    # dates, by how much they say about the document itself
    "公文生成日期": Label("date_written"),
    "生成日期": Label("date_written"),
    "成文日期": Label("date_written"),
    "成文时间": Label("date_written"),
    "发文日期": Label("date_written"),
    "发文时间": Label("date_written"),
    "印发日期": Label("date_written"),
    "签发日期": Label("date_written"),
    "签署日期": Label("date_written"),
    "印发时间": Label("date_written"),
    "生成时间": Label("date_written"),
    "发布日期": Label("date_published"),
    "发布时间": Label("date_published"),
    "公开日期": Label("date_published"),
    "公开时间": Label("date_published"),
    "公布日期": Label("date_published"),
    "公布时间": Label("date_published"),
    "发稿时间": Label("date_published"),
    "信息时间": Label("date_published"),
    "上传时间": Label("date_published"),
    "更新时间": Label("date_other", generic=True),
    "日期": Label("date_other", generic=True),
    "时间": Label("date_other", generic=True),
    "实施日期": Label("date_effective"),
    "生效日期": Label("date_effective"),
    "施行日期": Label("date_effective"),
    "废止日期": Label("date_expired"),
    "失效日期": Label("date_expired"),
    # catalogue fields
    "主题分类": Label("category"),
    "分类": Label("category"),
    "信息类别": Label("category"),
    "公开类别": Label("category"),
    "所属主题": Label("category"),
    "主题": Label("category", generic=True),
    "文种": Label("category"),
    "文种分类": Label("category"),
    "机构分类": Label("category"),
    "信息分类": Label("category"),
    "体裁分类": Label("category"),
    "组配分类": Label("category"),
    "服务对象分类": Label("category"),
    "内容分类": Label("category"),
    "公文种类": Label("category"),
    "文件类型": Label("category"),
    "主题词": Label("keywords"),
    "关键词": Label("keywords"),
    "有效性": Label("validity"),
    "时效性": Label("validity"),
    "效力状态": Label("validity"),
    "是否有效": Label("validity"),
    "公开方式": Label("disclosure"),
    "公开形式": Label("disclosure"),
    "公开范围": Label("disclosure"),
    "公开时限": Label("disclosure"),
    "公开属性": Label("disclosure"),
    "责任部门": Label("office"),
    "所属机构": Label("office"),
    "标题": Label("title"),
    "名称": Label("title"),
    "信息名称": Label("title"),
    "文件名称": Label("title"),
    "文件标题": Label("title"),
    "信息标题": Label("title"),
    "公文标题": Label("title"),
    "文章标题": Label("title"),
    "题名": Label("title"),
    "内容概述": Label("summary"),
    "统一编号": Label("register"),
    "登记号": Label("register"),
    # page furniture that sites print as fields
    "来源": Label("source", generic=True),
    "信息来源": Label("source", generic=True),
    "文章来源": Label("source", generic=True),
    "作者": Label("author", generic=True),
    "撰写人": Label("author", generic=True),
    "撰稿人": Label("author", generic=True),
    "起草人": Label("author", generic=True),
    "述职人": Label("author", generic=True),
    "报告人": Label("author", generic=True),
    "浏览次数": Label("views", generic=True),
    "访问次数": Label("views", generic=True),
    "点击数": Label("views", generic=True),
    "阅读次数": Label("views", generic=True),
}

#: Date keys of :data:`LABELS` in the order the header date is chosen from.
DATE_KEYS: Final[tuple[str, ...]] = ("date_written", "date_published", "date_other")

#: Values that mean "no value": the field is recorded with value None.
EMPTY_VALUES: Final[frozenset[str]] = frozenset(
    {
        "无",
        "暂无",
        "空",
        "无文号",
        "暂无文号",
        "无号",
        "未编号",
        "-",
        "--",
        "—",
        "——",
        "/",
        "\\",
        "null",
        "None",
        "none",
        "NULL",
    }
)

#: Document-type words of a title and the type they name, longest first.
DOC_TYPES: Final[tuple[tuple[str, str], ...]] = (
    ("政府信息公开工作年度报告", "政府信息公开工作年度报告"),
    ("政府信息公开年度报告", "政府信息公开工作年度报告"),
    ("政府信息公开工作报告", "政府信息公开工作年度报告"),
    ("政府工作报告", "政府工作报告"),
    ("工作总结", "工作总结"),
    ("工作计划", "工作计划"),
    ("工作要点", "工作要点"),
    ("实施方案", "实施方案"),
    ("工作方案", "工作方案"),
    ("行动方案", "行动方案"),
    ("行动计划", "行动计划"),
    ("实施意见", "意见"),
    ("指导意见", "意见"),
    ("工作报告", "工作报告"),
    ("述职报告", "述职报告"),
    ("述职述廉报告", "述职报告"),
    ("述责述廉报告", "述职报告"),
    ("实施细则", "实施细则"),
    ("工作思路", "工作思路"),
    ("工作安排", "工作安排"),
    ("总结", "工作总结"),
    ("计划", "工作计划"),
    ("要点", "工作要点"),
    ("方案", "方案"),
    ("意见", "意见"),
    ("通知", "通知"),
    ("通报", "通报"),
    ("决定", "决定"),
    ("报告", "报告"),
    ("办法", "办法"),
    ("规定", "规定"),
    ("规划", "规划"),
    ("纲要", "纲要"),
    ("批复", "批复"),
    ("公告", "公告"),
    ("讲话", "讲话"),
)

#: Types whose interpretation (解读, 图解) is a type of its own: …年度报告解读.
INTERPRETED_TYPES: Final[frozenset[str]] = frozenset({"政府信息公开工作年度报告"})

#: A title that names a summary and, after it, a plan is a 总结和计划.
SUMMARY_WORDS: Final[tuple[str, ...]] = ("总结", "回顾")
PLAN_WORDS: Final[tuple[str, ...]] = ("计划", "打算", "思路", "安排", "要点")
#: The types a 总结和计划 title is first read as: its summary or its plan.
SUMMARY_PLAN_TYPES: Final[frozenset[str]] = frozenset(
    {"工作总结", "工作计划", "工作要点", "工作思路", "工作安排"}
)

#: Verbs of a notice that issues another text: 关于印发…的通知.
ISSUING_VERBS: Final[tuple[str, ...]] = ("印发", "转发", "下发", "发布", "颁布")

#: Characters that end a title line which goes on on the next line.
CONNECTOR_ENDS: Final[tuple[str, ...]] = (
    "的",
    "和",
    "及",
    "与",
    "暨",
    "关于",
    "、",
    "之",
    "以及",
    "并",
)

#: Words that start the second line of a wrapped title.
CONNECTOR_STARTS: Final[tuple[str, ...]] = (
    "和",
    "及",
    "与",
    "暨",
    "以及",
    "并",
    "的",
    "关于",
    "之",
    "(",
)

#: How the name of an organ (a line of a signature block) ends.
ORGAN_SUFFIXES: Final[tuple[str, ...]] = (
    "人民政府",
    "政府",
    "委员会",
    "办公室",
    "办公厅",
    "办事处",
    "管委会",
    "党委",
    "党组",
    "县委",
    "市委",
    "区委",
    "省委",
    "工委",
    "团委",
    "支部",
    "总支",
    "教育局",
    "局",
    "厅",
    "委",
    "办",
    "部",
    "院",
    "署",
    "司",
    "处",
    "科",
    "室",
    "中心",
    "学校",
    "小学",
    "中学",
    "幼儿园",
    "大学",
    "学院",
    "医院",
    "街道",
    "镇",
    "乡",
    "所",
    "站",
    "队",
    "馆",
    "社",
    "会",
    "联",
    "组",
    "公司",
    "集团",
)

#: Positions that end the first half of a byline: 临县县委书记 李双会.
BYLINE_POSITIONS: Final[tuple[str, ...]] = (
    "书记",
    "副书记",
    "总理",
    "副总理",
    "盟长",
    "省长",
    "市长",
    "县长",
    "区长",
    "州长",
    "旗长",
    "镇长",
    "乡长",
    "局长",
    "厅长",
    "部长",
    "处长",
    "科长",
    "主任",
    "主席",
    "院长",
    "校长",
    "园长",
    "会长",
    "委员",
    "代表",
    "董事长",
    "总经理",
    "记者",
    "通讯员",
)

#: Whole lines that are page furniture: toolbars, menus, catalogue names.
FURNITURE_LINES: Final[frozenset[str]] = frozenset(
    {
        "下载",
        "打印",
        "全屏",
        "收藏",
        "分享",
        "关闭",
        "返回",
        "返回顶部",
        "加大",
        "还原",
        "减小",
        "放大",
        "缩小",
        "默认",
        "大",
        "中",
        "小",
        "字号",
        "字体",
        "首页",
        "移动门户",
        "无障碍",
        "长者模式",
        "网站地图",
        "政务公开",
        "信息公开",
        "政府信息公开",
        "通知公告",
        "工作动态",
        "政策文件",
        "规划计划",
        "计划总结",
        "正文",
        "附件",
        "相关报道",
        "相关文件",
        "相关阅读",
        "(此件公开发布)",
        "(此件主动公开)",
        "(此件不公开)",
        "(此件依申请公开)",
    }
)

#: Endings of lines that name a site or a letterhead, not a title.
FURNITURE_SUFFIXES: Final[tuple[str, ...]] = ("门户网站", "政府网", "门户网", "网站", "文件")

#: Labels of lines that credit the page's staff (编辑:某某), never a title.
FURNITURE_LABELS: Final[tuple[str, ...]] = (
    "编辑",
    "审核",
    "校对",
    "摄影",
    "供稿",
    "撰稿",
    "发布者",
    "发布人",
    "录入",
    "信息员",
    "通讯员",
    "记者",
    "责编",
)

#: Lines that open a table of contents.
TOC_LINES: Final[frozenset[str]] = frozenset({"目录", "目次", "目录:", "内容目录"})

#: Words of a bracketed note that a site prints around a title: (仅供学习参考).
TITLE_NOTE_WORDS: Final[tuple[str, ...]] = (
    "仅供",
    "参考",
    "切勿",
    "学习",
    "范文",
    "精选",
    "推荐",
    "原创",
    "转载",
    "模板",
    "通用",
    "收藏",
    "下载",
    "热门",
    "最新",
    "word",
    "Word",
    "WORD",
    "doc",
)
