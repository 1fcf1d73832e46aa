"""Data tables for matching a plan's targets with a report's outcomes (:mod:`govplan.targets`).

Only data lives here: the words that normalise an indicator's name, the
indicators that are caps, the cues read before a figure and the unit
conversions.  Every table is documented in ``docs/targets.md``.

>>> SYNONYMS["GDP"], UNIT_SCALES["斤"]
('生产总值', ('kg', Fraction(1, 2)))
"""

from __future__ import annotations

from fractions import Fraction
from typing import Final

import regex

__all__ = [
    "AT_LEAST_CUES",
    "CAP_CUES",
    "CAP_NAMES",
    "CHANGE_SUFFIXES",
    "DOWN_NAME_SUFFIXES",
    "INNER_WORDS",
    "LEADING_WORDS",
    "MULTI_YEAR",
    "NOT_ONE_YEAR",
    "ONE_YEAR",
    "SYNONYMS",
    "TOLERANCE",
    "TOLERANT_APPROX",
    "TRAILING_WORDS",
    "UNIT_SCALES",
    "WHOLE_SYNONYMS",
]

# --- names ----------------------------------------------------------------------

#: Words that open a name and say where or when, not what: 全省地区生产总值.
LEADING_WORDS: Final[tuple[str, ...]] = (
    "全国", "全省", "全市", "全县", "全区", "全州", "全盟", "全旗", "全镇", "全乡",
    "全社会", "我国", "我省", "我市", "我县", "我区", "本省", "本市", "本县", "本区",
    "全年", "年末", "年底", "年度", "当年", "今年", "去年", "上年", "其中",
)  # fmt: skip

#: Words that close a name but belong to the verb or the link before the figure:
#: 城镇调查失业率平均为 → 城镇调查失业率.  Stripped repeatedly, longest first.
TRAILING_WORDS: Final[tuple[str, ...]] = (
    "平均为", "平均", "控制在", "保持在", "稳定在", "达到", "实现", "完成", "突破",
    "超过", "累计", "全年", "为", "达", "增长", "增加", "提高", "上涨", "上升",
    "下降", "降低", "减少", "下调", "增速", "增幅", "增长率", "总量", "总额", "额",
)  # fmt: skip

#: Words dropped anywhere in a name: 居民消费价格总水平 → 居民消费价格,
#: 城镇新增就业人数 → 城镇新增就业, 城镇常住居民 → 城镇居民, 价格指数 → 价格.
INNER_WORDS: Final[tuple[str, ...]] = ("总水平", "人数", "常住", "指数")

#: Whole names or pieces of names that mean the same indicator, applied after
#: the words above are stripped (piece by piece, longest first).
SYNONYMS: Final[dict[str, str]] = {
    "国内生产总值": "生产总值",
    "地区生产总值": "生产总值",
    "GDP": "生产总值",
    "gdp": "生产总值",
    "经济总量": "生产总值",
    "经济增速": "生产总值",
    "物价": "居民消费价格",
    "CPI": "居民消费价格",
    "cpi": "居民消费价格",
    "新增城镇就业": "城镇新增就业",
    "规上": "规模以上",
    "农民人均": "农村居民人均",
    "总产量": "产量",
    "总产值": "产值",
    "地方一般公共预算收入": "一般公共预算收入",
    "公共财政预算收入": "一般公共预算收入",
    "地方财政一般预算收入": "一般公共预算收入",
    "一般预算收入": "一般公共预算收入",
    "外贸进出口": "进出口",
    "货物进出口": "进出口",
    "能源消耗": "能耗",
}

#: A whole name that is a synonym only on its own: 经济增长5.2% is GDP growth.
WHOLE_SYNONYMS: Final[dict[str, str]] = {"经济": "生产总值"}

#: Name endings that make a figure a change upward even without a verb: 涨幅, 增速.
CHANGE_SUFFIXES: Final[tuple[str, ...]] = ("涨幅", "增幅", "增速", "增长率", "上涨幅度")
#: Name endings that make a figure a change downward: 降幅.
DOWN_NAME_SUFFIXES: Final[tuple[str, ...]] = ("降幅", "下降幅度", "下降率")

#: Indicators whose target is a ceiling: 城镇调查失业率5.5%左右, 居民消费价格涨幅3%左右.
CAP_NAMES: Final[tuple[str, ...]] = (
    "失业率", "涨幅", "居民消费价格", "物价", "赤字率", "死亡率", "事故",
)  # fmt: skip

# --- cues before a figure -------------------------------------------------------

#: Words right before a target figure that make it a ceiling.
CAP_CUES: Final[tuple[str, ...]] = ("控制在", "不超过", "不高于", "以内")
#: Words right before a target figure that make it a floor (more is better).
AT_LEAST_CUES: Final[tuple[str, ...]] = (
    "新增", "新建", "建成", "改造", "完成", "达到", "突破", "超过", "不少于", "不低于",
    "增加", "增长", "力争", "创建", "培育", "推广", "培训",
)  # fmt: skip

#: Clause words that mark a figure as not one year's: 年均, quarters, months.
NOT_ONE_YEAR: Final[regex.Pattern[str]] = regex.compile(
    r"年均|平均每年|每年平均|季度|上半年|下半年|前\d+个?月|\d+[-—~至]\d+月|月份"
)
#: Where a frame opener may stand: at the start of a paragraph or a clause, after a
#: quotation mark or 在 (创近十年新高 opens no frame).
_CLAUSE_START: Final = r"(?:^|(?<=[，。；：,;:“\"]))在?"
#: Openers of a multi-year frame: 过去五年, 五年来, “十三五”时期, 2018—2022年.
MULTI_YEAR: Final[regex.Pattern[str]] = regex.compile(
    _CLAUSE_START + r"(?:(?:过去|近|这)[两二三四五六七八九十]年"
    r"|[两二三四五六七八九十]年(?:来|间|以来|累计|共)"
    r"|十[一二三四五六]五[”\"’]?(?:期间|时期|以来)"
    r"|20\d\d[-—\u2013~至到]20\d\d年)"
)
#: Openers of a one-year frame; the last opener before a figure decides.
ONE_YEAR: Final[regex.Pattern[str]] = regex.compile(
    _CLAUSE_START + r"(?:去年|上年|过去一年|一年来|今年|全年|20\d\d年(?![-—\u2013~至到]))"
)

# --- tolerance ------------------------------------------------------------------

#: Qualifiers that make a target approximate: 5%左右, 约1.5万亩.
TOLERANT_APPROX: Final[tuple[str, ...]] = ("左右", "约")
#: How far an approximate target may be missed and still count as met:
#: 2% of the target's value (5%左右 is met at 4.9%; a cap of 3%左右 at 3.06%).
TOLERANCE: Final = Fraction(2, 100)

# --- units ----------------------------------------------------------------------

#: Units that convert into one another: unit → (dimension, size in its base unit).
#: Units missing here match only themselves; % never matches 百分点 or 元.
UNIT_SCALES: Final[dict[str, tuple[str, Fraction]]] = {
    "克": ("kg", Fraction(1, 1000)),
    "斤": ("kg", Fraction(1, 2)),
    "公斤": ("kg", Fraction(1)),
    "千克": ("kg", Fraction(1)),
    "吨": ("kg", Fraction(1000)),
    "平方米": ("m2", Fraction(1)),
    "亩": ("m2", Fraction(10000, 15)),
    "公顷": ("m2", Fraction(10000)),
    "平方公里": ("m2", Fraction(1000000)),
    "平方千米": ("m2", Fraction(1000000)),
    "米": ("m", Fraction(1)),
    "厘米": ("m", Fraction(1, 100)),
    "毫米": ("m", Fraction(1, 1000)),
    "公里": ("m", Fraction(1000)),
    "千米": ("m", Fraction(1000)),
    "人": ("person", Fraction(1)),
    "名": ("person", Fraction(1)),
    "千瓦时": ("kwh", Fraction(1)),
    "度": ("kwh", Fraction(1)),
    "瓦": ("w", Fraction(1)),
    "千瓦": ("w", Fraction(1000)),
    "万千瓦": ("w", Fraction(10000000)),
    "兆瓦": ("w", Fraction(1000000)),
    "吉瓦": ("w", Fraction(1000000000)),
}
