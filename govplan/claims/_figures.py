r"""Find the figures of a text: numbers with their unit, magnitude and qualifiers.

The first stage of the claims engine, with no context beyond the letters
around each figure: one pass of :data:`_FIGURE` over the normalised text,
then the checks that tell a count from a year, an ordinal, a session
(十四届二次会议), a slogan (八项规定), a code or a word (see
:mod:`govplan.claims` for what is and is not a claim).  Subjects,
comparisons and modality come later.

Values are exact whatever the caller's :mod:`decimal` context: magnitudes
are folded in by moving the exponent, never by a rounded multiplication.
A number with a magnitude and no unit is a bare count (``3300万``, unit "");
a negative figure keeps its sign (负3亿元, -2.3%); a vague one (几十万, 数百)
is no figure.

>>> from govplan.normalize import normalize
>>> from govplan.segments import segment
>>> text = "建7所,约50人,负3亿元,惠及1100多万学生"
>>> for f in scan_figures(segment(normalize(text))):
...     print(text[f.start : f.end], f.value, repr(f.unit), f.approx)
7所 7 '所' None
约50人 50 '人' 约
负3亿元 -300000000 '元' None
1100多万 11000000 '' 多
"""

from __future__ import annotations

import decimal
import functools
from bisect import bisect_right
from collections.abc import Sequence
from decimal import Decimal
from typing import Final, NamedTuple

import regex

from govplan.claims import _units as lex
from govplan.model import Bound, Diagnostic, Number, Span
from govplan.numerals import parse_number
from govplan.segments import TextLayer

__all__ = ["CN_NUM", "Figure", "alternation", "first_letters", "long_numbers", "scan_figures"]

CN_NUM: Final = "零〇○一二两三四五六七八九十百千万亿"  # ○ (U+25CB) stands in for 〇 in years


def alternation(words: Sequence[str]) -> str:
    """Return a regex alternation of *words*, longest first so the longest wins.

    >>> alternation(["个", "个百分点", "人"])
    '个百分点|个|人'
    """
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def first_letters(words: Sequence[str]) -> str:
    """Return a character class of the first letters of *words*, to check before them.

    >>> first_letters(["个", "个百分点", "人"])
    '[个人]'
    """
    return "[" + regex.escape("".join(sorted({w[0] for w in words}))) + "]"


_UNITS: Final = (*lex.UNITS_ANY, *lex.UNITS_ARABIC, "%", "‰")
_SEPARATORS: Final = ("至", "到", "—", "-", "~", "〜", "\N{EN DASH}")
_POSTS: Final = (*lex.BOUND_SUFFIXES, *lex.APPROX_SUFFIXES, "多", "余")
_MAG_ALT: Final = "|".join(
    f"{m}(?![{lex.MAGNITUDE_NOT_BEFORE[m]}])" if m in lex.MAGNITUDE_NOT_BEFORE else m
    for m in sorted(lex.MAGNITUDES, key=len, reverse=True)
)
#: The most digit groups (,000) a figure may have: more is no quantity of a plan.
GROUPS: Final = 6
# \d is three times faster here than [0-9]; the digits it takes besides 0-9 (other
# scripts, some of which int() does not know) are refused after the match.
_ARABIC: Final = rf"\d{{1,20}}+(?:,\d{{3}}){{0,{GROUPS}}}+(?:\.\d{{1,12}}+)?+"
_CHINESE: Final = rf"[{CN_NUM}]{{1,12}}+(?:点[{CN_NUM}]{{1,8}}+)?+"
_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ALNUM: Final = _LETTERS | frozenset("0123456789")
# Before a number: these make it an ordinal, a code or part of a formula (or a word).
_BAD_BEFORE: Final = frozenset("第+×*/^#№.-") | _LETTERS
# 年 as a unit on its own: not the start of a longer unit (there is none today).
_YEAR: Final = "年" + "".join(
    f"(?!{regex.escape(u[1:])})" for u in _UNITS if u.startswith("年") and u != "年"
)
_MORE: Final = "余多几"  # 300余万元, 10000多名, 十几万人
# What may follow a number in a figure: a qualifier, magnitude, range or unit.
_NEXT: Final = first_letters((*_MORE, *lex.MAGNITUDES, "%", *_SEPARATORS, "个", *_UNITS))

# The lookaheads (?=[...]) change nothing that matches: each only refuses, at once,
# a letter that cannot start what follows it (the engine would try every word).
# (*) Greedy, not possessive, as it is faster and the same: a shorter number leaves a
# digit, ',' or '.' next, and none of them is in _NEXT.
# (**) If no figure follows, go on after the number: no figure starts inside one.
# (***) _accept would refuse it (as _is_date does), and no figure starts inside it.
_FIGURE: Final[regex.Pattern[str]] = regex.compile(
    rf"""
    (?:
        百分之(?P<pct>{_CHINESE})                    # 百分之三十五
      | (?:
            (?![12][0-9]{{3}}{_YEAR})                  # 2019年: a year (***)
            (?P<ar>\d(?<![\d.]\d|\d,\d)            # a digit, never mid-number,
                \d{{0,19}}(?:,\d{{3}}){{0,{GROUPS}}}(?:\.\d{{1,12}})?)  # 1,663 30.90 (*)
            (*SKIP)                                   # (**)
          | (?P<cn>[{CN_NUM}](?<![{CN_NUM}]{{2}})     # a numeral, never mid-numeral,
                [{CN_NUM}]{{0,11}}+(?:点[{CN_NUM}]{{1,8}}+)?+)   # then 五 一千二 三点五
        )
        (?={_NEXT})
        (?P<mid>[{_MORE}])?                          # 300余万元 10000多名 十几万
        (?:(?={first_letters(tuple(lex.MAGNITUDES))})(?P<mag>{_MAG_ALT}))?  # 万 亿
        (?P<mid2>[余多])?                            # 3万余场次
        (?:                                           # a range: 1至20人 3—5年 10%—20%
            (?={first_letters(("%", *_SEPARATORS))})
            %?
            (?P<sep>至|到|—{{1,2}}|-|~|〜|\N{{EN DASH}})
            (?:(?P<ar2>{_ARABIC})|(?P<cn2>{_CHINESE}))
            (?:(?={first_letters(tuple(lex.MAGNITUDES))})(?P<mag2>{_MAG_ALT}))?
        )?
        (?:
            个(?P<gemore>[多半])?(?P<geunit>{alternation(lex.GE_SUBUNITS)})  # 一个半月
          | (?={first_letters(_UNITS)})(?P<unit>{alternation(_UNITS)})  # 所 名 个 % 平方米
          | (?<=[万亿][余多]?)                          # a bare count: 3300万, 6600多万
        )
    )
    (?:(?={first_letters(_POSTS)})(?P<post>{alternation(_POSTS)}))?  # 以上 左右 多
    """,
    regex.VERBOSE,
)


def _by_last(words: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Index *words* by their last letter, the longest first."""
    table: dict[str, list[str]] = {}
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        table.setdefault(word[-1], []).append(word)
    return {c: tuple(v) for c, v in table.items()}


# Qualifiers right before the figure (不低于 约 超), read back from the figure.
_PREFIXES: Final = _by_last((*lex.BOUND_PREFIXES, *lex.APPROX_PREFIXES))
_PREFIX_LONGEST: Final = 3  # the longest looked for, whatever the table holds

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

_BAD_AFTER: Final = frozenset("+×*/^#")
# Words after which 负 is a sign: 为负3亿元, 增速是负5%.
_SIGN_AFTER: Final = frozenset("为是达至到约近")
# Before a Chinese numeral: 每, 新 and demonstratives (每一位, 新一轮) make it no count;
# 几 and 数 make it vague (几十万, 数十亿).
_CN_BAD_BEFORE: Final = frozenset("每新这那哪某几数")
# Letters before a qualifier that make it part of another word (最近, 节约, 赶超).
_PREFIX_NOT_AFTER: Final[dict[str, str]] = {
    "近": "最附靠临将接逼",
    "约": "节制签契公邀预条",
    "超": "赶高",
}
_ARABIC_ONLY: Final = frozenset(lex.UNITS_ARABIC)
_CN_DIGITS: Final = frozenset("〇○零一二两三四五六七八九")
_CN_HIGH: Final = frozenset("百千万亿")
# Magnitudes that stand for a number on their own (突破百亿次).
_BARE_MAGNITUDES: Final = frozenset({"百亿", "千亿", "百万", "万亿"})
_POST_MORE_UNITS: Final = frozenset({"倍", "年", "月", "天", "周", "小时", "分钟", "季度"})
_DATE_UNITS: Final = frozenset({"年", "分", "秒"})
_RATES: Final = frozenset({"%", "‰"})
# What may not follow each unit: formula signs, Latin letters (not after % or ‰) and
# what makes the unit part of a word (年级, 一次性, 部分).
_REFUSED_AFTER: Final[dict[str, frozenset[str]]] = {
    unit: _BAD_AFTER
    | (frozenset() if unit in _RATES else _LETTERS)
    | frozenset(lex.UNIT_NOT_BEFORE.get(unit, ""))
    for unit in (*_UNITS, *lex.GE_SUBUNITS, "")
}
# Exact arithmetic whatever the caller's context: no rounding, no traps but errors.
_EXACT: Final = decimal.Context(prec=decimal.MAX_PREC, traps=[decimal.InvalidOperation])

# A run of digits longer than any figure: reported, never read.
_LONG_NUMBER: Final[regex.Pattern[str]] = regex.compile(r"[0-9](?:,?[0-9]){24,}+")


def _slogan_index() -> dict[str, tuple[tuple[str, int], ...]]:
    """Index the slogans by each numeral they hold: numeral → (slogan, its offset)."""
    table: dict[str, list[tuple[str, int]]] = {}
    for slogan in lex.SLOGANS:
        for i, c in enumerate(slogan):
            if c in CN_NUM:
                table.setdefault(c, []).append((slogan, i))
    return {c: tuple(v) for c, v in table.items()}


_SLOGANS: Final = _slogan_index()


class Figure(NamedTuple):
    """One figure in normalised coordinates, before any context is read.

    ``start``/``end`` include the qualifiers (约, 以上) and a sign (负);
    ``number`` is where the number itself starts.
    """

    start: int
    end: int
    value: Number
    unit: str
    high: Number | None
    approx: str | None
    bound: Bound | None
    number: int


def scan_figures(layer: TextLayer, exclude: tuple[Span, ...] = ()) -> list[Figure]:
    """Return the figures of a text that count or measure something, in order.

    Nothing is found inside the layer's masks (quotations, titles, addresses),
    on site-furniture lines or in the original spans of *exclude*.

    >>> from govplan.normalize import normalize
    >>> from govplan.segments import segment
    >>> [f.value for f in scan_figures(segment(normalize("第3名,2019年,“五个一”,共12所")))]
    [12]
    >>> scan_figures(segment(normalize("共5所")), exclude=(Span(0, 3),))
    []
    """
    text = layer.text
    fences = _fences(layer, exclude)
    size = len(text)
    found: list[Figure] = []
    for m in _FIGURE.finditer(text):
        start = m.start()
        before = text[start - 1] if start else ""
        negative = before == "-" and _is_minus(text, start)
        if (before in _BAD_BEFORE and not negative) or layer.masked(start):
            continue  # an ordinal, a code or a formula (第3名, No.5, 3×4), or quoted
        if fences and fences.masked(start):
            continue
        figure = _accept(m, text, start, size)
        if figure is None or (layer.noise_lines and layer.is_noise(start)):
            continue
        if negative or (
            before == "负" and m.group("ar") is not None and _is_minus_word(text, start)
        ):
            figure = figure._replace(start=figure.start - 1, value=-figure.value)
        found.append(figure)
    return found


class _Fences(NamedTuple):
    """The sorted, normalised stretches where no figure is read (header fields)."""

    starts: list[int]
    ends: list[int]

    def masked(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


def _fences(layer: TextLayer, exclude: tuple[Span, ...]) -> _Fences | None:
    if not exclude:
        return None
    spans = sorted(layer.norm.span_to_normalized(s) for s in exclude)
    starts: list[int] = []
    ends: list[int] = []
    for a, b in spans:
        if starts and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return _Fences(starts, ends)


def long_numbers(layer: TextLayer) -> tuple[Diagnostic, ...]:
    """Return a diagnostic for each run of digits too long to be a figure.

    >>> from govplan.normalize import normalize
    >>> from govplan.segments import segment
    >>> [d.code for d in long_numbers(segment(normalize("共" + "1" * 40 + "元")))]
    ['number-too-long']
    """
    text = layer.text
    if len(text) < 25:
        return ()
    return tuple(
        Diagnostic(
            code="number-too-long",
            message=f"a number of {len(m.group().replace(',', ''))} digits is not read as a figure",
            span=layer.norm.span_to_original(m.start(), m.end()),
        )
        for m in _LONG_NUMBER.finditer(text)
    )


def _is_minus_word(text: str, start: int) -> bool:
    """Return whether 负 before *start* is the sign (为负3亿元), not part of a word (减负)."""
    return start < 2 or text[start - 2] in _SIGN_AFTER or not (text[start - 2] >= "\u3400")


def _is_minus(text: str, start: int) -> bool:
    """Return whether the - before *start* is a minus sign, not a dash of a code or range."""
    return start < 2 or (text[start - 2] not in _ALNUM and text[start - 2] not in "-.")


def _group(name: str) -> int:
    """Return the index of a named group of :data:`_FIGURE` in ``Match.groups()``."""
    return _FIGURE.groupindex[name] - 1


# Indices into Match.groups(), which is far cheaper than Match.groupdict().
_PCT, _AR, _CN, _MID, _MAG, _MID2, _SEP, _AR2, _CN2, _MAG2, _GEMORE, _GEUNIT, _UNIT, _POST = (
    _group(n)
    for n in (
        "pct", "ar", "cn", "mid", "mag", "mid2", "sep", "ar2", "cn2", "mag2", "gemore",
        "geunit", "unit", "post",
    )
)  # fmt: skip


def _accept(m: regex.Match[str], text: str, start: int, size: int) -> Figure | None:
    """Check one candidate in its context; return it, or None when it is no figure."""
    g = m.groups()
    ar, cn = g[_AR], g[_CN]
    if (ar is not None and not ar.isascii()) or not (g[_AR2] or "").isascii():
        return None  # digits of another script: not read as a figure
    unit = g[_GEUNIT] or g[_UNIT] or ("%" if g[_PCT] is not None else "")
    end, post = m.end(), g[_POST]
    unit_end = end - len(post) if post else end  # the qualifier after the unit is last
    after = text[unit_end] if unit_end < size else ""
    if after in _REFUSED_AFTER[unit]:
        if not unit or ar is None or not (g[_MAG] or g[_MAG2]):
            return None
        # 14亿人口, 1万人才: the unit is part of a noun; a bare count remains
        end = unit_end = max(m.end(_MID2 + 1), m.end(_MAG2 + 1), m.end(_MAG + 1))
        unit, post = "", None
    if cn is not None and not _chinese_ok(cn, unit, text, start, unit_end):
        return None
    values = _values(g)
    if values is None:
        return None
    value, high = values
    before = text[start - 1] if start else ""
    if unit in _DATE_UNITS and _is_date(ar, cn, value, unit, before):
        return None
    pre = _prefix(text, start, before) if before in _PREFIXES else None
    if post in ("多", "余") and (unit not in _POST_MORE_UNITS or _word_after(text, end)):
        end, post = unit_end, None
    gemore = g[_GEMORE]
    mids = (g[_MID], g[_MID2], gemore if gemore == "多" else None)
    if pre is None and post is None and mids == (None, None, None):
        return Figure(start, end, value, unit, high, None, None, start)
    approx, bound = _qualifiers(pre, mids, post)
    return Figure(start - len(pre or ""), end, value, unit, high, approx, bound, start)


def _values(g: Sequence[str | None]) -> tuple[Number, Number | None] | None:
    """Return the value and the high end of a range, or None when they cannot be read."""
    magnitude = g[_MAG] or g[_MAG2]  # 3—5亿元: the magnitude after the range serves both ends
    ar = g[_AR]
    value: Number | None
    if g[_PCT] is not None:
        value = _number(None, g[_PCT], None)
    elif ar is not None and ar.isdigit():  # the common case: plain digits (300, 300万)
        value = int(ar) * lex.MAGNITUDES[magnitude] if magnitude else int(ar)
    else:
        value = _number(ar, g[_CN], magnitude)
    if value is None:
        return None
    if g[_GEMORE] == "半":
        value = _exact(_EXACT.add(Decimal(value), Decimal("0.5")))  # 一个半月
    if not g[_SEP]:
        return value, None
    high = _number(g[_AR2], g[_CN2], g[_MAG2] or g[_MAG])
    return None if high is None else (value, high)


def _chinese_ok(cn: str, unit: str, text: str, start: int, unit_end: int) -> bool:
    """Return whether a Chinese numeral with *unit* counts something."""
    before = text[start - 1] if start else ""
    after = text[unit_end] if unit_end < len(text) else ""
    if before in _CN_BAD_BEFORE:
        return False  # 每一位, 新一轮, 几十万
    if len(cn) > 1 and _CN_DIGITS.issuperset(cn):
        return False  # 二○二三年, 两三个: digit strings are years and guesses, not counts
    if unit in _ARABIC_ONLY and _CN_HIGH.isdisjoint(cn):
        return False  # 二元结构, 十分, 一道
    if _CN_HIGH.issuperset(cn) and cn not in _BARE_MAGNITUDES:
        return False  # 万师访万家, 千万
    if not unit or (cn == "一" and unit not in lex.TIME_UNITS and unit != "倍"):
        return False  # 一批, 一支, 一项: indefinite more often than counted
    if (cn == "二" and unit == "次") or (unit == "季度" and cn in "一二三四"):
        return False  # 二次装修: "a second", not two times; 一季度: the first quarter
    if unit == "个" and after and after in CN_NUM and not text.startswith("等", unit_end + 1):
        return False  # 八个一, 三个百分百 (but 十四个一等奖)
    if unit == "年" and text.startswith("一贯", unit_end):
        return False  # 九年一贯制: a kind of school
    if unit in ("届", "次") and _SESSION.match(text, unit_end) is not None:
        return False  # 十九届四中全会, 十四届二次会议, 十四届全国人大
    if unit == "项" and _NAMED_SET.match(text, unit_end) is not None:
        return False  # 五项原则, 三项纪律
    if before == "、" and "第" in text[max(0, start - 5) : start]:
        return False  # 第一、二轮
    return not _in_slogan(text, start)


def _in_slogan(text: str, start: int) -> bool:
    """Return whether the numeral at *start* belongs to a name such as 八项规定."""
    for slogan, offset in _SLOGANS.get(text[start], ()):
        if offset <= start and text.startswith(slogan, start - offset):
            return True
    return False


def _word_after(text: str, pos: int) -> bool:
    """Return whether 多/余 at *pos* - 1 begins a word (3个多元) rather than qualifying."""
    return pos < len(text) and text[pos] in "元样种少数功媒"


def _prefix(text: str, start: int, last: str) -> str | None:
    """Return the qualifier word that ends at *start* with letter *last* (约, 不低于), if any."""
    for pre in _PREFIXES[last]:
        size = len(pre)
        if size <= min(_PREFIX_LONGEST, start) and text.startswith(pre, start - size):
            refused = _PREFIX_NOT_AFTER.get(pre, "")
            if refused and start > size and text[start - size - 1] in refused:
                return None
            return pre
    return None


def _number(arabic: str | None, chinese: str | None, magnitude: str | None) -> Number | None:
    """Return the exact value of one figure with its magnitude, or None if it is not one."""
    base: Number
    if arabic is not None:
        digits = arabic.replace(",", "")
        base = int(digits) if digits.isdigit() else Decimal(digits)
    elif chinese is not None:
        found = _chinese(chinese)
        if found is None:
            return None
        base = found
    else:
        return None
    if not magnitude:
        return _exact(base)
    factor = lex.MAGNITUDES[magnitude]
    if isinstance(base, int):
        return base * factor
    sign, digits_, exponent = base.as_tuple()
    assert isinstance(exponent, int)  # a finite Decimal read from digits
    return _exact(Decimal((sign, digits_, exponent + len(str(factor)) - 1)))


@functools.lru_cache(maxsize=1024)
def _chinese(numeral: str) -> Number | None:
    """Return the value of a Chinese numeral, or None (cached: the same few recur)."""
    if numeral[0] in _CN_HIGH:  # 百亿次: the leading 一 is left out
        numeral = "一" + numeral
    try:
        return parse_number(numeral)
    except ValueError:
        return None


def _exact(value: Number) -> Number:
    """Return *value* as an int when it is whole (30.90万 → 309000), exactly."""
    if isinstance(value, Decimal) and value == value.to_integral_value(context=_EXACT):
        return int(value)
    return value


def _is_date(ar: str | None, cn: str | None, value: Number, unit: str, before: str) -> bool:
    """Return whether the figure is a year (2019年, 二〇二〇年) or a clock time (7时41分)."""
    if unit == "年":
        if ar is not None and len(ar) == 4 and isinstance(value, int) and 1000 <= value <= 2999:
            return True
        return cn is not None and len(cn) == 4 and _CN_DIGITS.issuperset(cn)
    return unit in ("分", "秒") and before in ("时", "点", ":")


def _qualifiers(
    pre: str | None, mids: tuple[str | None, ...], post: str | None
) -> tuple[str | None, Bound | None]:
    """Return the ``approx`` word and the bound of the qualifiers around a figure."""
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
