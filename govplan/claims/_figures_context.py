r"""What the letters around a candidate figure say: sign, qualifiers, and whether it counts.

Each check reads a few letters before or after one match of
:data:`~govplan.claims._figures_pattern.FIGURE` in the normalised text: a
sign (负3亿元, -2.3%, +5.2%, 零下5℃), a qualifier word (约, 不低于), and the
signs that the number is a year, a clock time, a session (十四届二次会议), a
named set (五项原则), a slogan (八项规定) or part of a word (每一位, 二元结构).

>>> read_sign("增速为-2.3%", 4), read_sign("气温零下5℃", 4), read_sign("3+1", 2)
(Sign(width=1, negative=True), Sign(width=2, negative=True), Sign(width=0, negative=False))
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, NamedTuple

import regex

from govplan.claims import _units as lex
from govplan.claims._figures_pattern import CN_NUM, UNITS
from govplan.model import Bound, Number

__all__ = [
    "BAD_BEFORE",
    "DATE_UNITS",
    "MORE_UNITS",
    "NO_SIGN",
    "PREFIXES",
    "REFUSED_AFTER",
    "SIGN_LETTERS",
    "Sign",
    "chinese_ok",
    "is_date",
    "prefix",
    "qualifiers",
    "read_sign",
    "word_after",
]

_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ALNUM: Final = _LETTERS | frozenset("0123456789")
#: Before a number: these make it an ordinal, a code or part of a formula (or a word),
#: unless they are its sign.
BAD_BEFORE: Final = frozenset("第+×*/^#№.-\N{MINUS SIGN}") | _LETTERS
#: The last letters of the signs :func:`read_sign` reads.
SIGN_LETTERS: Final = frozenset("-+负下\N{MINUS SIGN}")
# Before a sign (-, + or U+2212): these make it a dash or an operator (A-3, 3+1+2, 1.-2).
_NOT_SIGN_AFTER: Final = _ALNUM | frozenset("-+.\N{MINUS SIGN}")
# Words after which 负 is a sign: 为负3亿元, 增速是负5%.
_SIGN_AFTER: Final = frozenset("为是达至到约近")


class Sign(NamedTuple):
    """The sign written before a number: how many letters, and whether it is negative."""

    width: int
    negative: bool


#: No sign written: the number stands on its own.
NO_SIGN: Final = Sign(0, False)


def read_sign(text: str, start: int, *, arabic: bool = True) -> Sign:
    """Return the sign right before the number at *start* (:data:`NO_SIGN` when none).

    - and U+2212 are minus signs and + a plus sign unless a letter, digit or dot
    stands before them (A-3, 3+1+2); 负 is one after 为, 是 and the like or
    where no word holds it (减负), and only before Arabic digits (负一层);
    零下 always is.

    >>> read_sign("增速+5.2%", 3), read_sign("为负3亿元", 2), read_sign("减负3项", 2)
    (Sign(width=1, negative=False), Sign(width=1, negative=True), Sign(width=0, negative=False))
    """
    before = text[start - 1] if start else ""
    if before in ("-", "+", "\N{MINUS SIGN}"):
        if start < 2 or text[start - 2] not in _NOT_SIGN_AFTER:
            return Sign(1, before != "+")
    elif before == "负" and arabic:
        if start < 2 or text[start - 2] in _SIGN_AFTER or not text[start - 2] >= "\u3400":
            return Sign(1, True)
    elif before == "下" and text.startswith("零下", start - 2):
        return Sign(2, True)
    return NO_SIGN


def _by_last(words: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Index *words* by their last letter, the longest first."""
    table: dict[str, list[str]] = {}
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        table.setdefault(word[-1], []).append(word)
    return {c: tuple(v) for c, v in table.items()}


#: Qualifiers right before the figure (不低于 约 超), by their last letter.
PREFIXES: Final = _by_last((*lex.BOUND_PREFIXES, *lex.APPROX_PREFIXES))
_PREFIX_LONGEST: Final = 3  # the longest looked for, whatever the table holds
# Letters before a qualifier that make it part of another word (最近, 节约, 赶超).
_PREFIX_NOT_AFTER: Final[dict[str, str]] = {
    "近": "最附靠临将接逼",
    "约": "节制签契公邀预条",
    "超": "赶高",
}


def prefix(text: str, start: int) -> str | None:
    """Return the qualifier word that ends at *start* (约, 不低于), if any.

    >>> prefix("每月不低于500元", 5), prefix("最近3年", 2)
    ('不低于', None)
    """
    for pre in PREFIXES.get(text[start - 1] if start else "", ()):
        size = len(pre)
        if size <= min(_PREFIX_LONGEST, start) and text.startswith(pre, start - size):
            refused = _PREFIX_NOT_AFTER.get(pre, "")
            if refused and start > size and text[start - size - 1] in refused:
                return None
            return pre
    return None


def qualifiers(
    pre: str | None, mids: tuple[str | None, ...], post: str | None
) -> tuple[str | None, Bound | None]:
    """Return the ``approx`` word and the bound of the qualifiers around a figure.

    >>> qualifiers("约", (None,), "以上")
    ('约', <Bound.MIN: 'min'>)
    """
    approx: str | None = None
    bound: Bound | None = None
    if pre is not None:
        if pre in lex.BOUND_PREFIXES:
            bound = Bound(lex.BOUND_PREFIXES[pre])
        else:
            approx = pre
    for mid in mids:
        if mid is not None:
            approx = mid
    if post is not None:
        if post in lex.BOUND_SUFFIXES:
            bound = Bound(lex.BOUND_SUFFIXES[post])
        else:
            approx = post
    return approx, bound


_BAD_AFTER: Final = frozenset("+×*/^#")
_RATES: Final = frozenset({"%", "‰"})
#: What may not follow each unit: formula signs, Latin letters (not after % or ‰) and
#: what makes the unit part of a word (年级, 一次性, 部分).
REFUSED_AFTER: Final[dict[str, frozenset[str]]] = {
    unit: _BAD_AFTER
    | (frozenset() if unit in _RATES else _LETTERS)
    | frozenset(lex.UNIT_NOT_BEFORE.get(unit, ""))
    for unit in (*UNITS, *lex.GE_SUBUNITS, "")
}
#: Units after which 多 or 余 qualifies the figure (3年多), not the next word.
MORE_UNITS: Final = frozenset({"倍", "年", "月", "天", "周", "小时", "分钟", "季度"})
#: Units of figures that may be dates or clock times.
DATE_UNITS: Final = frozenset({"年", "分", "秒"})


def word_after(text: str, pos: int) -> bool:
    """Return whether 多/余 at *pos* - 1 begins a word (3个多元) rather than qualifying.

    >>> word_after("3个多元", 3), word_after("3年多", 3)
    (True, False)
    """
    return pos < len(text) and text[pos] in "元样种少数功媒"


def is_date(
    ar: str | None, cn: str | None, value: Number, unit: str, text: str, start: int
) -> bool:
    """Return whether the figure at *start* is a year (2019年, 二〇二〇年) or a time (7时41分).

    >>> is_date("2019", None, 2019, "年", "2019年", 0), is_date("41", None, 41, "分", "7时41分", 2)
    (True, True)
    """
    if unit == "年":
        if ar is not None and len(ar) == 4 and isinstance(value, int) and 1000 <= value <= 2999:
            return True
        return cn is not None and len(cn) == 4 and _CN_DIGITS.issuperset(cn)
    return unit in ("分", "秒") and text[start - 1 : start] in ("时", "点", ":")


# 十九届四中全会, 十四届二次会议, 十四届全国人大: a session, not a count of sessions.
_SESSION: Final[regex.Pattern[str]] = regex.compile(
    rf"""
    [{CN_NUM}]{{1,3}}(?:中全会|次(?:全体)?会议|次全会)
  | (?:全国|省|市|县|区|中央|人民代表大会|人大|政协|党代会|委员会|全会|纪委|常委|代表大会)
    """,
    regex.VERBOSE,
)
# A set of rules with a name (五项原则, 三项纪律): the numeral names it, it counts nothing.
_NAMED_SET: Final[regex.Pattern[str]] = regex.compile(r"(?:基本)?(?:原则|准则|纪律|注意|禁令)")
# Before a Chinese numeral: 每, 新 and demonstratives (每一位, 新一轮) make it no count;
# 几 and 数 make it vague (几十万, 数十亿).
_CN_BAD_BEFORE: Final = frozenset("每新这那哪某几数")
_ARABIC_ONLY: Final = frozenset(lex.UNITS_ARABIC)
_CN_DIGITS: Final = frozenset("〇○零一二两三四五六七八九")
_CN_HIGH: Final = frozenset("百千万亿")
# Magnitudes that stand for a number on their own (突破百亿次).
_BARE_MAGNITUDES: Final = frozenset({"百亿", "千亿", "百万", "万亿"})


def _slogan_index() -> dict[str, tuple[tuple[str, int], ...]]:
    """Index the slogans by each numeral they hold: numeral → (slogan, its offset)."""
    table: dict[str, list[tuple[str, int]]] = {}
    for slogan in lex.SLOGANS:
        for i, c in enumerate(slogan):
            if c in CN_NUM:
                table.setdefault(c, []).append((slogan, i))
    return {c: tuple(v) for c, v in table.items()}


_SLOGANS: Final = _slogan_index()


def chinese_ok(
    cn: str, unit: str, text: str, start: int, unit_end: int, *, mixed: bool = False
) -> bool:
    """Return whether a Chinese numeral at *start* with *unit* counts something.

    A *mixed* numeral (十亿3000万) is a count with no unit too.

    >>> chinese_ok("五", "个", "建成五个", 2, 4), chinese_ok("八", "项", "落实八项规定", 2, 4)
    (True, False)
    """
    before = text[start - 1] if start else ""
    if before in _CN_BAD_BEFORE:
        return False  # 每一位, 新一轮, 几十万
    if len(cn) > 1 and _CN_DIGITS.issuperset(cn):
        return False  # 二○二三年, 两三个: digit strings are years and guesses, not counts
    if unit in _ARABIC_ONLY and _CN_HIGH.isdisjoint(cn):
        return False  # 二元结构, 十分, 一道
    if _CN_HIGH.issuperset(cn) and cn not in _BARE_MAGNITUDES:
        return False  # 万师访万家, 千万
    if (not unit and not mixed) or (cn == "一" and unit not in lex.TIME_UNITS and unit != "倍"):
        return False  # 一批, 一支, 一项: indefinite more often than counted
    if (cn == "二" and unit == "次") or (unit == "季度" and cn in "一二三四"):
        return False  # 二次装修: "a second", not two times; 一季度: the first quarter
    return _names_nothing(cn, unit, text, start, unit_end)


def _names_nothing(cn: str, unit: str, text: str, start: int, unit_end: int) -> bool:
    """Return whether the words after the figure leave it a count (not 八个一, 五项原则)."""
    after = text[unit_end] if unit_end < len(text) else ""
    if unit == "个" and after and after in CN_NUM and not text.startswith("等", unit_end + 1):
        return False  # 八个一, 三个百分百 (but 十四个一等奖)
    if unit == "年" and text.startswith("一贯", unit_end):
        return False  # 九年一贯制: a kind of school
    if unit in ("届", "次") and _SESSION.match(text, unit_end) is not None:
        return False  # 十九届四中全会, 十四届二次会议, 十四届全国人大
    if unit == "项" and _NAMED_SET.match(text, unit_end) is not None:
        return False  # 五项原则, 三项纪律
    if start and text[start - 1] == "、" and "第" in text[max(0, start - 5) : start]:
        return False  # 第一、二轮
    return not _in_slogan(text, start)


def _in_slogan(text: str, start: int) -> bool:
    """Return whether the numeral at *start* belongs to a name such as 八项规定."""
    for slogan, offset in _SLOGANS.get(text[start], ()):
        if offset <= start and text.startswith(slogan, start - offset):
            return True
    return False
