"""Data tables for claims: units, qualifiers, comparison and modality cues, slogans.

Only data lives here; :mod:`govplan.claims`, :mod:`govplan.subjects` and
:mod:`govplan.modality` compile these tables into patterns.  Every entry is
written in simplified characters and half-width ASCII, the way
:func:`govplan.normalize.normalize` leaves the text.

>>> "所" in UNITS_ANY and "分" in UNITS_ARABIC and BOUND_PREFIXES["不低于"]
'min'
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "ACHIEVED_CUES",
    "ACHIEVED_HEADINGS",
    "ACHIEVED_WEAK_CUES",
    "APPROX_PREFIXES",
    "APPROX_SUFFIXES",
    "BOUND_PREFIXES",
    "BOUND_SUFFIXES",
    "CHANGE_DOWN",
    "CHANGE_UP",
    "COMPARISON_BASELINES",
    "CUE_NOT_AFTER",
    "CUE_NOT_BEFORE",
    "EVENT_UNITS",
    "FREQUENT_LETTERS",
    "GE_SUBUNITS",
    "MAGNITUDES",
    "MAGNITUDE_NOT_BEFORE",
    "NOUN_VERBS",
    "PLAN_DOC_TYPES",
    "SCOPE_WORDS",
    "SLOGANS",
    "SUBJECT_AFTER_STOPS",
    "SUBJECT_KEEP_ENDINGS",
    "SUBJECT_LEADING_NOT_BEFORE",
    "SUBJECT_LEADING_VERBS",
    "SUBJECT_TRAILERS",
    "SUBJECT_VERBS",
    "SUBJECT_VERB_NOT_AFTER",
    "SUBJECT_VERB_NOT_BEFORE",
    "SUMMARY_DOC_TYPES",
    "TARGET_AFTER_CUES",
    "TARGET_CUES",
    "TARGET_HEADINGS",
    "TARGET_WEAK_CUES",
    "TIME_UNITS",
    "UNITS_ANY",
    "UNITS_ARABIC",
    "UNIT_NOT_BEFORE",
    "VOICE_ACHIEVED",
    "VOICE_TARGET",
    "VOICE_WEAK",
]

# --- units and measure words -------------------------------------------------------

#: Units and measure words read after any numeral, Arabic or Chinese (五个, 两所).
UNITS_ANY: Final[tuple[str, ...]] = (
    # people and organisations
    "人次", "户次", "家次", "人", "名", "位", "户", "家", "所", "支", "队",
    # things and events
    "个", "项", "件", "次", "场次", "场", "批次", "批", "条", "类", "种", "轮", "届",
    "座", "栋", "幢", "间", "套", "辆", "台", "部", "本", "册", "篇", "门", "封",
    "处", "宗", "例", "起", "列", "架", "艘", "头", "只", "株", "棵", "份", "节", "课时",
    "学时", "组", "段", "县", "剂次", "剂", "车次", "辆次", "架次", "班次", "盏",
    # time
    "周年", "周岁", "年", "天", "周", "小时", "分钟", "季度", "岁",
    # ratios
    "倍", "百分点", "成", "折",
)  # fmt: skip

#: Units read only after Arabic figures: after a Chinese numeral they are words
#: (十分, 二元结构, 一道, 一片, 一张图) far more often than measures.
UNITS_ARABIC: Final[tuple[str, ...]] = (
    # money
    "美元", "欧元", "港元", "元",
    # length, area, volume, mass
    "平方公里", "平方千米", "平方米", "立方米", "公里", "千米", "厘米", "毫米", "米",
    "公顷", "亩", "吨", "公斤", "千克", "克", "斤", "升", "毫升",
    # energy and power
    "千瓦时", "万千瓦", "千瓦", "兆瓦", "吉瓦", "千伏", "瓦", "度",
    # concentrations
    "微克每立方米", "微克/立方米", "毫克/升",
    # other measure words that are words after Chinese numerals
    "分", "秒", "期", "道", "片", "张", "口", "眼", "孔", "张床", "床", "层", "对", "双",
    "级", "分贝",
    "万人次",
)  # fmt: skip

#: Units that may follow the classifier 个, which is then dropped (一个多月 → 月).
GE_SUBUNITS: Final[tuple[str, ...]] = (
    "百分点", "工作日", "季度", "学期", "小时", "月", "年头",
)  # fmt: skip

#: Units that measure time: 一 before them is a real duration (一年来, 一个多月).
TIME_UNITS: Final[frozenset[str]] = frozenset(
    {"年", "月", "天", "周", "小时", "分钟", "季度", "工作日", "学期"}
)

#: What may not follow a unit for it to be one: 年级, 年度, 次性, 部分, 个人 ...
UNIT_NOT_BEFORE: Final[dict[str, str]] = {
    "年": "级度代纪龄轻薪金终底初末份",  # 年级 2023年度 年代 (三年内 is kept)
    "次": "性序产",  # 一次性, 次序, 三次产业
    "部": "分署门委队长",  # 一部分, 部署, 三部门
    "个": "人体性别案",  # 个人, 个体, 个性, 个别, 个案
    "名": "单称义额牌",  # 名单, 名称, 名义
    "位": "于置数次",  # 位于, 位置, 位数
    "家": "长庭乡属园人里",  # 家长, 家庭, 家乡 (万家)
    "所": "有以在得属谓长",  # 所有, 所以, 所在, 所得
    "条": "件例款线",  # 条件, 条例
    "件": "事",
    "期": "间待望限末中刊",  # 期间, 期待
    "级": "别",
    "周": "边围期转",  # 周边, 周围, 周期
    "天": "然地津下府",  # 天然, 天下, 天府
    "门": "类户诊槛",  # 门类, 门户, 门诊
    "节": "约能日点",  # 节约, 节能, 节日
    "处": "理置分长室",  # 处理, 处置, 处长
    "起": "来步点草到",  # 起来, 起步
    "头": "条脑",
    "只": "是要有能",
    "段": "时",
    "组": "织建成长",  # 组织, 组建
    "队": "伍长员",  # 队伍, 队长
    "台": "账阶",  # 台账, 台阶
    "道": "路德理",  # 道路, 道德
    "片": "区",
    "口": "岸径号",
    "分": "之类别配析享钟管",  # 三分之一, 分类, 分配, 分析 (分钟 is its own unit)
    "度": "假",
    "层": "次面级",
    "本": "科地领届质",  # 本科, 本地
    "例": "如",
    "县": "城域区级委长",  # 县城, 县域
    "届": "中",  # 十九届四中全会
    "成": "员立为果效本长绩功熟就交型",  # 成员, 成立, 成为
    "折": "合算旧扣射",  # 折合, 折算
    "对": "于象接口比照应外话",  # 对于, 对象
    "双": "方向重语",  # 双方
}

#: Magnitude words folded into the value (30.90万 → 309000).
MAGNITUDES: Final[dict[str, int]] = {
    "万亿": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "亿": 10**8,
    "千万": 10**7,
    "百万": 10**6,
    "万": 10**4,
    "千": 10**3,
}

#: Letters after which a magnitude is the start of a unit instead (5千米, 1.6百分点).
MAGNITUDE_NOT_BEFORE: Final[dict[str, str]] = {"千": "米瓦克伏"}

# --- qualifiers ------------------------------------------------------------------------

#: Words standing right before a figure that make it approximate.
APPROX_PREFIXES: Final[tuple[str, ...]] = ("大约", "将近", "接近", "约", "近")

#: Words right after a figure (and its unit) that make it approximate.
APPROX_SUFFIXES: Final[tuple[str, ...]] = ("左右", "上下")

#: Words right before a figure that bound it: ``min`` (at least) or ``max`` (at most).
BOUND_PREFIXES: Final[dict[str, str]] = {
    "不低于": "min",
    "不少于": "min",
    "不小于": "min",
    "不下于": "min",
    "至少": "min",
    "超过": "min",
    "多于": "min",
    "大于": "min",
    "高于": "min",
    "逾": "min",
    "超": "min",
    "不超过": "max",
    "不高于": "max",
    "不多于": "max",
    "不大于": "max",
    "不到": "max",
    "不足": "max",
    "低于": "max",
    "少于": "max",
    "小于": "max",
    "最多": "max",
    "至多": "max",
}

#: Words right after a figure that bound it.
BOUND_SUFFIXES: Final[dict[str, str]] = {
    "及以上": "min",
    "以上": "min",
    "及以下": "max",
    "以下": "max",
    "以内": "max",
}

# --- comparisons -------------------------------------------------------------------

#: Baselines a change is measured against, as written (比去年, 同比, 较上年 ...).
COMPARISON_BASELINES: Final[tuple[str, ...]] = (
    "去年同期", "上年同期", "去年", "上年", "前年", "上一年", "上半年", "上季度", "上月",
    "年初", "同期", "全国", "全省", "全市", "平均水平", "计划", "目标",
)  # fmt: skip

#: Verbs of change upwards.
CHANGE_UP: Final[tuple[str, ...]] = (
    "提高", "增长", "增加", "上升", "提升", "扩大", "上涨", "增", "高", "多", "超",
)  # fmt: skip

#: Verbs of change downwards.
CHANGE_DOWN: Final[tuple[str, ...]] = (
    "下降", "减少", "降低", "压降", "压减", "缩小", "回落", "下滑", "降", "减", "低", "少",
)  # fmt: skip

# --- names and slogans that hold numerals --------------------------------------------

#: Names and slogans whose numerals count nothing, matched literally where they are
#: not quoted (quoted text is left out anyway).
SLOGANS: Final[tuple[str, ...]] = (
    "八项规定", "五项管理", "三项制度", "十项措施", "两个维护", "两个确立", "四个意识",
    "四个自信", "四个全面", "五位一体", "三个代表", "两个一百年", "两个毫不动摇",
    "两个大局", "两个务必", "两个结合", "三个务必", "四个服务", "三个面向", "三个区分开来",
    "两个责任", "两个覆盖", "四个最严", "两个大计", "三个全域", "五个一", "八个一",
    "三个百分百", "一岗双责", "三会一课", "两学一做", "三严三实", "一国两制", "一带一路",
    "四个着力", "两个只增不减", "三个转变", "五大发展理念", "三个一百", "四个统一",
    "一票否决", "三级联动", "一把手",
)  # fmt: skip

# --- subjects ------------------------------------------------------------------------

#: Verbs and prepositions that end the phrase before a figure: the subject is what
#: follows the last of them (新建公办幼儿园7所 → 公办幼儿园).  Longest first is not
#: needed: the last occurrence wins.
SUBJECT_VERBS: Final[tuple[str, ...]] = (
    "新建", "改扩建", "扩建", "改建", "建成", "新增", "新开工", "开工", "增加", "增补", "认定",
    "扶持", "撤并", "招收", "招聘", "招录", "培训", "发放", "追回", "培育", "新设", "投入",
    "开通", "召开", "开展", "组织", "查处", "退还", "上交", "发现", "推荐", "选取", "选送",
    "实现", "完成", "实施", "举办", "接待", "引进", "带动", "兑现", "发行", "识别", "改造",
    "办理", "出台", "制定", "废止", "修改", "修订", "提出", "审议", "出让", "解决",
    "优化", "重组", "组建", "治理", "提升", "释放", "开发", "吸纳", "扶持创业",
    "纳入", "签约", "评选", "新评", "获得", "荣获", "获评", "达到", "达", "为", "是",
    "累计", "涉及", "覆盖", "惠及", "帮助", "慰问", "走访", "排查", "整改",
    "检查", "督查", "受理", "处理", "调解", "化解", "收回", "拨付",
    "安排", "落实", "争取", "筹集", "募集", "捐赠", "对", "向", "给", "使", "让",
    "于", "从", "由", "按", "将", "把", "被", "的", "及", "和", "与", "或",
    "其中", "包括", "拥有", "现有", "保持", "稳定在", "增至", "降至", "提高到", "增加到",
    "上线", "录取", "参加", "参与", "观看", "培养", "评定", "命名", "挂牌", "授予",
    "交付", "分为", "推进", "推动", "打造", "创建", "申报", "设立", "设置", "升格",
    "力争", "确保", "计划", "争取", "力求", "预计", "拟", "占",
)  # fmt: skip

#: Words that end the phrase after a figure (16件作品获市级一等奖 → 作品).
SUBJECT_AFTER_STOPS: Final[tuple[str, ...]] = (
    "参评", "参与", "参加", "参赛", "加入", "开通", "成功", "开展", "进行", "正在", "通过",
    "获得", "荣获", "获", "入选", "进入", "实现", "完成", "揭牌", "建设", "加快", "全部",
    "居民", "位居",
    "全面", "全覆盖", "提前", "发放", "实施", "追回", "挂牌", "主板", "投入", "新建",
    "深入", "被", "在", "于", "的", "已", "均", "都", "为", "是", "将", "居全国", "居全省",
    "居全市", "居全县", "位列", "排名", "用于", "托底",
    "来", "内", "以", "到",
    "分别", "接受", "纳入", "得到", "受到", "落实", "竣工", "完工", "投用", "运行",
    "启动", "办学", "推进", "参训", "受益", "就读", "签约", "上市", "达标", "认定", "用于",
    "下放", "盘活", "成为", "形成", "同时", "整体", "统一", "达到",
)  # fmt: skip

#: Verbs that end noun phrases as well (研发投入, 交通投资): a phrase ending in one
#: keeps it as the subject, where other verbs at the end are dropped (基站建成).
NOUN_VERBS: Final[tuple[str, ...]] = ("投入", "投资", "支出", "收入", "消费", "产出", "补贴")

#: Letters after which a one-character verb of :data:`SUBJECT_VERBS` is part of a
#: word instead (对象, 对口, 为民, 和谐, 及时, 由于, 从事).
SUBJECT_VERB_NOT_BEFORE: Final[dict[str, str]] = {
    "对": "象口外接比照标应话",
    "培训": "班师",
    "建成": "区",
    "占": "比地有用领",
    "为": "民主人期",
    "于": "是",
    "和": "谐美平",
    "及": "时格",
    "与": "会",
    "由": "于此",
    "从": "事业",
    "给": "予",
    "使": "用命",
    "让": "利",
    "按": "照时",
    "把": "关握",
    "向": "导往",
    "将": "来士",
    "是": "非否",
    "达": "标成",
}

#: Endings that hold a trailer word but are words themselves (人均, 平均).
SUBJECT_KEEP_ENDINGS: Final[tuple[str, ...]] = (
    "人均", "平均", "生均", "户均", "校均", "亩均", "行为", "作为",
)  # fmt: skip

#: Units that count events: the activity counted may end in a verb (安全检查52次).
EVENT_UNITS: Final[frozenset[str]] = frozenset(
    {"次", "场", "场次", "期", "轮", "届", "批次", "遍", "趟", "人次"}
)

#: Verbs that open the phrase before a figure (推广优良品种11种 → 优良品种).  Unlike
#: :data:`SUBJECT_VERBS` they count only at the start of the phrase, since inside
#: one they are often part of a noun (城镇小区配套建设幼儿园).
SUBJECT_LEADING_VERBS: Final[tuple[str, ...]] = (
    "邀请", "帮扶", "抽检", "梳理", "推广", "更新", "配备", "安装", "编印", "发表", "开设",
    "寄出", "整治", "办结", "开行", "投放", "存栏", "出栏", "放养", "补植", "栽种", "种植",
    "签订", "吸引", "划定", "清理", "铺设", "加固", "建设", "回收", "修复", "结成", "选拔",
    "选派", "派出", "派驻", "输送", "输转", "转移", "安置", "救助", "慰问", "联系", "指导",
    "培养", "打造", "创办", "举行", "开办", "新开", "复航", "加密", "改善", "增设", "成立",
    "召集", "承办", "主办", "执行", "印发", "下发", "发布", "颁布", "审批", "审核", "审查",
    "核查", "巡查", "抽查", "普查", "调查", "查办", "立案", "结案", "调处", "纠正", "关停",
    "取缔", "拆除", "挽回", "减免", "减少", "节约", "节省", "降低", "削减", "清退", "上缴",
    "缴纳", "征收", "征缴", "收缴", "下达", "统筹", "引入", "招引", "融资", "授信", "表彰",
    "授予", "评为", "赢得", "接诊", "诊疗", "救治", "收治", "轮训", "宣讲", "印制", "制作",
    "播放", "研发", "攻克", "申请", "授权", "登记", "注册", "备案", "完工", "投用", "启用",
    "接入", "连通", "贯通", "打通", "建立", "健全", "完善", "植树", "造林", "保护", "绿化",
    "硬化", "亮化", "清运", "清淤", "疏浚", "处置", "分流", "转岗", "录用", "聘用", "聘请",
    "遴选", "选聘", "交流", "轮岗", "挂职", "提拔", "调整", "整合", "合并", "撤销", "关闭",
    "退出", "淘汰", "压缩", "精简", "核减", "扩大", "扩容", "新招", "开辟", "开拓", "拓展",
    "推出", "推介", "展示", "展出", "展演", "演出", "放映", "出版", "编写", "编制", "编纂",
    "撰写", "报送", "上报", "采集", "收集", "汇编", "建档", "录入", "核发", "颁发", "换发",
    "补发", "认领", "捐献", "捐款", "捐助", "支持", "援助", "帮建", "共建", "创设", "配齐",
    "配足", "配置", "购置", "购买", "采购", "租赁", "更换", "维修", "维护", "检修", "升级",
    "迁建", "搬迁", "移交", "划转", "收购", "并购", "入驻", "落户", "进驻", "签署", "达成",
    "走访", "培训", "新评", "评选", "评定", "表扬", "奖励", "资助", "补助", "补贴", "新认定",
    "新培育", "新引进", "新签约", "新开通", "新成立", "新招聘", "新录用",
)  # fmt: skip

#: What may not follow a leading verb for it to be one (建设用地, 培训中心, 保护区).
SUBJECT_LEADING_NOT_BEFORE: Final[dict[str, str]] = {
    "建设": "用项资单工者局部厅规任内标",
    "培训": "中班费基机学",
    "保护": "区地费",
    "交流": "会",
    "奖励": "金资",
    "资助": "金资",
    "补助": "金资标",
    "补贴": "金资标",
    "救助": "金资站",
    "支持": "资",
    "注册": "资",
    "审批": "事",
    "调查": "对",
    "展示": "区",
    "维护": "费",
    "演出": "团",
    "服务": "中站",
    "造林": "面地",
    "帮扶": "项对单资干责工措监",
    "植树": "节造",
    "绿化": "率面带",
    "研发": "投费经中",
    "种植": "面业户基",
}

#: Letters before a one-character verb that make it part of a word (行为, 作为, 所有).
SUBJECT_VERB_NOT_AFTER: Final[dict[str, str]] = {
    "为": "行作认成以因称视更",
    "对": "面相绝针应",
    "向": "方导面意倾",
    "于": "用由关对位属等处至",
    "与": "参给赋",
    "和": "总温平缓",
    "及": "普涉以",
    "是": "还或就总但于",
    "使": "大行",
    "给": "供补配",
}

#: Scope and time words stripped from the start of a subject (全县幼儿园56所 → 幼儿园).
SCOPE_WORDS: Final[tuple[str, ...]] = (
    "目前", "现在", "今年", "去年", "当年", "年内", "全县", "全区", "全市", "全省", "全州",
    "全镇", "全乡", "全系统", "全局", "全校", "全年", "其中", "现有", "已有", "共有",
    "共", "累计", "总计", "合计", "共计", "另有", "另", "首批", "各类", "各级", "各",
    "主动", "精准", "直接", "全部", "分别", "已", "还", "并", "再", "又", "均",
)  # fmt: skip

#: Words stripped from the end of a subject before the figure (津贴每月不低于500元).
SUBJECT_TRAILERS: Final[tuple[str, ...]] = (
    "等", "的", "了", "在", "打", "控制在", "保持", "维持在", "提高", "提升", "增长", "下降",
    "每月", "每年", "每人", "每天", "每周", "每学期", "达到", "达", "为", "共", "约",
    "累计", "总计", "合计", "共计", "分别", "均", "已", "有", "是", "超过", "超",
    "突破", "增至", "降至", "稳定在", "保持在", "提高到", "增加到", "总数", "总量",
)  # fmt: skip

# --- modality ----------------------------------------------------------------------

#: Sentence words that state a goal or plan, strong enough to override the section.
TARGET_CUES: Final[tuple[str, ...]] = (
    "力争", "力求", "拟", "预计", "预期", "计划", "打算", "目标是", "将要", "今后", "下一步",
    "下半年", "明年", "年底前", "到年底",
)  # fmt: skip

#: Sentence words that report a result, strong enough to override the section.
ACHIEVED_CUES: Final[tuple[str, ...]] = (
    "已经", "已", "累计", "截至", "截止", "去年", "上年", "以来", "先后", "过去", "今年来",
    "年来", "至今",
)  # fmt: skip

#: Weaker words of plans: they decide only where the section says nothing.
TARGET_WEAK_CUES: Final[tuple[str, ...]] = (
    "确保", "争取", "目标", "努力", "规划", "将", "必须", "要",
)  # fmt: skip

#: Weaker words of reports: they decide only where the section says nothing.
ACHIEVED_WEAK_CUES: Final[tuple[str, ...]] = (
    "了", "共", "完成", "实现", "取得", "达到", "现有", "目前",
)  # fmt: skip

#: Target words that also count right after the figure (三年内拟撤并学校48所).
TARGET_AFTER_CUES: Final[tuple[str, ...]] = ("拟", "力争", "预计")

#: Cue words that the letter before them turns into another word (主要, 为了, 公共, 而已).
CUE_NOT_AFTER: Final[dict[str, str]] = {
    "要": "主重需只纪必首概提简摘",
    "了": "为除罢",
    "共": "公总",
    "已": "而",
    "将": "即",
    "须": "必",
}

#: Cue words that what follows them turns into another word (要求, 计划生育, 共同).
CUE_NOT_BEFORE: Final[dict[str, tuple[str, ...]]] = {
    "要": ("求", "点", "素", "害", "闻", "么", "是", "件"),
    "计划": (
        "新开工", "单列", "生育", "内", "外", "的", "任务", "指标", "书", "表", "经济",
        ",", "、", "。", ";", ":", "”", "》", ")", " ", "\n", "0", "1", "2", "3", "4", "5", "6",
        "7", "8", "9",
    ),
    "拟": ("人", "定稿"),
    "共": ("同", "享", "建", "产", "青", "识", "性", "治"),
    "将": ("其", "之", "近", "全县", "全区", "全市", "学校"),
    "已": ("有", "知"),
    "目标": ("任务",),
}  # fmt: skip

#: Words whose count across a document tells a report from a plan (its voice).
VOICE_ACHIEVED: Final[tuple[str, ...]] = ("了", "已", "累计", "以来", "先后", "年来")
VOICE_TARGET: Final[tuple[str, ...]] = ("将", "力争", "确保", "拟", "计划", "要")

#: The voice words that are not strong cues, looked up for the voice alone.
VOICE_WEAK: Final[tuple[str, ...]] = ("了", "将", "要", "确保")

#: Heading or section words that make what follows a plan (下一步工作计划, 2025年工作打算).
TARGET_HEADINGS: Final[tuple[str, ...]] = (
    "工作计划", "工作打算", "工作思路", "工作安排", "工作设想", "工作要点", "工作重点",
    "重点工作", "主要任务", "重点任务", "目标任务", "主要目标", "工作目标", "下一步",
    "下半年", "明年", "今后", "展望", "努力方向", "实施步骤", "任务安排", "预期目标",
)  # fmt: skip

#: Heading or section words that make what follows a report of results.
ACHIEVED_HEADINGS: Final[tuple[str, ...]] = (
    "工作总结", "总结", "成效", "成绩", "回顾", "主要工作", "工作开展情况", "完成情况",
    "进展情况", "基本情况", "主要做法", "工作亮点", "取得", "上半年", "做了以下工作",
    "工作情况", "开展情况", "落实情况",
)  # fmt: skip

#: Document types whose claims are targets unless the sentence says otherwise.
PLAN_DOC_TYPES: Final[tuple[str, ...]] = (
    "工作要点", "工作计划", "实施方案", "工作方案", "行动方案", "行动计划", "规划", "方案",
    "计划", "意见", "要点", "安排",
)  # fmt: skip

#: Letters frequent in these documents, the most frequent first.  Cue words are looked
#: for by their rarest letter; the order changes the speed, never a result.
FREQUENT_LETTERS: Final = "年一力目上到以经标下过求是期后要计至"

#: Document types whose claims are results unless the sentence says otherwise.
SUMMARY_DOC_TYPES: Final[tuple[str, ...]] = (
    "工作总结", "总结", "述职报告", "自查报告", "情况报告", "情况汇报", "汇报",
)  # fmt: skip
