"""Data tables for figures: units and measure words, magnitudes, qualifiers, names.

Only data lives here; :mod:`govplan.claims._figures_pattern` compiles it
into the pattern that finds figures.  Every entry is written in simplified
characters and half-width ASCII, the way :func:`govplan.normalize.normalize`
leaves the text.

>>> "所" in UNITS_ANY and "分" in UNITS_ARABIC and BOUND_PREFIXES["不低于"]
'min'
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "APPROX_PREFIXES",
    "APPROX_SUFFIXES",
    "BOUND_PREFIXES",
    "BOUND_SUFFIXES",
    "GE_SUBUNITS",
    "MAGNITUDES",
    "MAGNITUDE_NOT_BEFORE",
    "SLOGANS",
    "TIME_UNITS",
    "UNITS_ANY",
    "UNITS_ARABIC",
    "UNIT_NOT_BEFORE",
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
    "羽", "尾", "枚", "颗", "匹", "标箱", "标准箱",
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
    # rates written with a slash
    "吨/年", "吨/日", "吨/天", "立方米/日", "立方米/秒", "千瓦时/年", "公里/小时",
    "元/吨", "元/平方米", "元/月", "元/人", "元/年", "元/亩", "元/人·月", "元/人/月",
    # energy and power; 度 is also a temperature (零下5度)
    "千瓦时", "万千瓦", "千瓦", "兆瓦", "吉瓦", "千伏", "瓦", "度",
    # temperature
    "\N{DEGREE CELSIUS}", "\N{DEGREE SIGN}C", "摄氏度",
    # concentrations
    "微克每立方米", "微克/立方米", "毫克/升",
    # other measure words that are words after Chinese numerals
    "分", "秒", "期", "道", "片", "张", "口", "眼", "孔", "张床", "床", "层", "对", "双",
    "袋", "块", "箱", "桶", "瓶", "盒", "粒",
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
    "年": "级度代纪龄轻薪金终底初末份制",  # 年级 2023年度 年代 (三年内 is kept)
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
    "人": "口民才员",  # 14亿人口, 1万人才: a bare count before a noun
    "户": "籍外口型",  # 1.2万户籍人口
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
