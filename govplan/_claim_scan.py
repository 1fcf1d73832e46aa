r"""Scan normalised text for figures with units and check each in its context.

This is the first half of :func:`govplan.claims.find_claims`: one pass of
:data:`_CLAIM` over the text, then the checks that tell a count from a year,
an ordinal, a slogan, a code or a word (see :mod:`govplan.claims` for what is
and is not a claim).  Subjects, comparisons and modality come later.

>>> from govplan.normalize import normalize
>>> scan_figures(normalize("建7所,约50人"))
[(1, 3, 7, '所', None, None, None), (4, 8, 50, '人', None, '约', None)]
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Sequence
from decimal import Decimal
from typing import Final, TypeAlias

import regex

from govplan import _lexicon as lex
from govplan.model import Bound, Number, Span
from govplan.normalize import Normalized, is_noise_line
from govplan.numerals import parse_number

__all__ = ["CN_NUM", "Figure", "alternation", "first_letters", "scan_figures", "to_normalised"]

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
_ARABIC: Final = r"\d{1,20}+(?:,\d{3})*+(?:\.\d{1,12}+)?+"
_CHINESE: Final = rf"[{CN_NUM}]{{1,12}}+(?:点[{CN_NUM}]{{1,8}}+)?+"
_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# Before a number: these make it an ordinal, a code or part of a formula (or a word).
_BAD_BEFORE: Final = frozenset("第+×*/^#№.-") | _LETTERS
# 年 as a unit on its own: not the start of a longer unit (there is none today).
_YEAR: Final = "年" + "".join(
    f"(?!{regex.escape(u[1:])})" for u in _UNITS if u.startswith("年") and u != "年"
)
# What may follow a number in a claim: a qualifier, magnitude, range or unit.
_NEXT: Final = first_letters(("余", "多", *lex.MAGNITUDES, "%", *_SEPARATORS, "个", *_UNITS))

# The lookaheads (?=[...]) change nothing that matches: each only refuses, at once,
# a letter that cannot start what follows it (the engine would try every word).
# (*) Greedy, not possessive, as it is faster and the same: a shorter number leaves a
# digit, ',' or '.' next, and none of them is in _NEXT.
# (**) If no claim follows, go on after the number: no claim starts inside one.
# (***) _accept would refuse it (as _is_date does), and no claim starts inside it.
_CLAIM: Final[regex.Pattern[str]] = regex.compile(
    rf"""
    (?:
        百分之(?P<pct>{_CHINESE})                    # 百分之三十五
      | (?:
            (?![12][0-9]{{3}}{_YEAR})                  # 2019年: a year (***)
            (?P<ar>\d(?<![\d.]\d|\d,\d)               # a digit, never mid-number,
                \d{{0,19}}(?:,\d{{3}})*(?:\.\d{{1,12}})?)       # then 1,663 30.90 (*)
            (*SKIP)                                   # (**)
          | (?P<cn>[{CN_NUM}](?<![{CN_NUM}]{{2}})     # a numeral, never mid-numeral,
                [{CN_NUM}]{{0,11}}+(?:点[{CN_NUM}]{{1,8}}+)?+)   # then 五 一千二 三点五
        )
        (?={_NEXT})
        (?P<mid>[余多])?                             # 300余万元 10000多名
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

# Quotation and title marks: nothing inside them is a claim (“三个全域”, 《…2019-2020年…》).
_QUOTES: Final[tuple[tuple[str, str], ...]] = (
    ("“", "”"),
    ("‘", "’"),
    ("「", "」"),
    ("《", "》"),
    ('"', '"'),
)
_QUOTE_LONGEST: Final = 80

# Addresses where digits count nothing: URLs and e-mail (phone numbers and codes are
# refused by what stands before their digits).
_ADDRESS: Final[regex.Pattern[str]] = regex.compile(
    r"""
    (?:https?://|www\.)[!-~]{1,300}+                  # URLs
  | (?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}+@[A-Za-z0-9.-]{1,200}+   # e-mail
    """,
    regex.VERBOSE,
)

_EMAIL_LOCAL: Final = 64
_ADDRESS_LONGEST: Final = 300

# 十九届四中全会: a session of a congress, not a count of sessions.
_PLENUM: Final[regex.Pattern[str]] = regex.compile(rf"[{CN_NUM}]{{1,3}}中全会")

_BAD_AFTER: Final = frozenset("+×*/^#")
# Before a Chinese numeral: 每, 新 and demonstratives (每一位, 新一轮) make it no count.
_CN_BAD_BEFORE: Final = frozenset("每新这那哪某")
# Letters before a qualifier that make it part of another word (最近, 节约, 赶超).
_PREFIX_NOT_AFTER: Final[dict[str, str]] = {
    "近": "最附靠临将接逼",
    "约": "节制签契公邀预条",
    "超": "赶高",
}
_ARABIC_ONLY: Final = frozenset(lex.UNITS_ARABIC)
_CN_DIGITS: Final = frozenset("〇○零一二两三四五六七八九")
_CN_HIGH: Final = frozenset("百千万亿")
_NOISE_LONGEST: Final = 80  # site furniture lines are short
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
    for unit in (*_UNITS, *lex.GE_SUBUNITS)
}


def _slogan_index() -> dict[str, tuple[tuple[str, int], ...]]:
    """Index the slogans by each numeral they hold: numeral → (slogan, its offset)."""
    table: dict[str, list[tuple[str, int]]] = {}
    for slogan in lex.SLOGANS:
        for i, c in enumerate(slogan):
            if c in CN_NUM:
                table.setdefault(c, []).append((slogan, i))
    return {c: tuple(v) for c, v in table.items()}


_SLOGANS: Final = _slogan_index()


#: One accepted figure in normalised coordinates: ``(start, end, value, unit, high,
#: approx, bound)``, a plain tuple as one is built per figure.
Figure: TypeAlias = tuple[int, int, Number, str, Number | None, str | None, Bound | None]


def scan_figures(norm: Normalized, exclude: tuple[Span, ...] = ()) -> list[Figure]:
    """Return the figures of a normalised document that count or measure something.

    Nothing is found inside quotations, addresses, site-furniture lines or the
    original spans of *exclude*.

    >>> from govplan.normalize import normalize
    >>> [figure[2] for figure in scan_figures(normalize("第3名,2019年,“五个一”,共12所"))]
    [12]
    >>> scan_figures(normalize("共5所"), exclude=(Span(0, 3),))
    []
    """
    text = norm.text
    starts, ends = _masks(norm, exclude)
    size = len(text)
    found: list[Figure] = []
    line_start = line_end = -1  # the line of the last figure, read once
    noise = False
    mask, masks = 0, len(starts)  # the first mask that does not end before the figure
    for m in _CLAIM.finditer(text):
        start = m.start()
        while mask < masks and ends[mask] <= start:
            mask += 1
        if (mask < masks and starts[mask] <= start) or (start and text[start - 1] in _BAD_BEFORE):
            continue  # masked, or an ordinal, a code or a formula (第3名, No.5, 3×4)
        figure = _accept(m, text, start, size)
        if figure is None:
            continue
        first = figure[0]
        if not line_start <= first < line_end:  # site furniture: 扫一扫…, 浏览次数: 1200次
            line_start = text.rfind("\n", 0, first) + 1
            line_end = text.find("\n", first)
            line_end = size if line_end == -1 else line_end
            noise = line_end - line_start < _NOISE_LONGEST and is_noise_line(
                text[line_start:line_end]
            )
        if not noise:
            found.append(figure)
    return found


def _group(name: str) -> int:
    """Return the index of a named group of :data:`_CLAIM` in ``Match.groups()``."""
    return _CLAIM.groupindex[name] - 1


# Indices into Match.groups(), which is far cheaper than Match.groupdict().
_PCT, _AR, _CN, _MID, _MAG, _MID2, _SEP, _AR2, _CN2, _MAG2, _GEMORE, _GEUNIT, _UNIT, _POST = (
    _group(n)
    for n in (
        "pct", "ar", "cn", "mid", "mag", "mid2", "sep", "ar2", "cn2", "mag2", "gemore",
        "geunit", "unit", "post",
    )
)  # fmt: skip


def _accept(m: regex.Match[str], text: str, start: int, size: int) -> Figure | None:
    """Check one candidate in its context; return it, or None when it is no claim.

    The caller has refused the letters of :data:`_BAD_BEFORE` before it.
    """
    before = text[start - 1] if start else ""
    g = m.groups()
    ar, cn, pct = g[_AR], g[_CN], g[_PCT]
    unit = g[_GEUNIT] or g[_UNIT] or "%"
    end, post = m.end(), g[_POST]
    unit_end = end - len(post) if post else end  # the qualifier after the unit is last
    after = text[unit_end] if unit_end < size else ""
    if after in _REFUSED_AFTER[unit]:
        return None
    if cn is not None and not _chinese_ok(cn, unit, after, text, start, unit_end):
        return None
    # 3—5亿元: the magnitude after the range serves both ends
    value: Number | None
    magnitude = g[_MAG] or g[_MAG2]
    if pct is not None:
        value = _number(None, pct, None)
    elif ar is not None and ar.isdigit():  # the common case: plain digits (300, 300万)
        value = int(ar) * lex.MAGNITUDES[magnitude] if magnitude else int(ar)
    else:
        value = _number(ar, cn, magnitude)
    gemore = g[_GEMORE]
    if gemore == "半" and value is not None:
        value = _exact(value + Decimal("0.5"))  # 一个半月
    if value is None or (unit in _DATE_UNITS and _is_date(ar, cn, value, unit, before)):
        return None
    high: Number | None = None
    if g[_SEP]:
        high = _number(g[_AR2], g[_CN2], g[_MAG2] or g[_MAG])
        if high is None:
            return None
    pre = _prefix(text, start, before) if before in _PREFIXES else None
    if post in ("多", "余") and (unit not in _POST_MORE_UNITS or _word_after(text, end)):
        end, post = unit_end, None
    more = gemore if gemore == "多" else None
    mid, mid2 = g[_MID], g[_MID2]
    if pre is None and post is None and mid is None and mid2 is None and more is None:
        return start, end, value, unit, high, None, None
    approx, bound = _qualifiers(pre, (mid, mid2, more), post)
    return start - len(pre or ""), end, value, unit, high, approx, bound


def _chinese_ok(cn: str, unit: str, after: str, text: str, start: int, unit_end: int) -> bool:
    """Return whether a Chinese numeral with *unit* counts something."""
    before = text[start - 1] if start else ""
    if before in _CN_BAD_BEFORE:
        return False  # 每一位, 新一轮
    if len(cn) > 1 and _CN_DIGITS.issuperset(cn):
        return False  # 二○二三年, 两三个: digit strings are years and guesses, not counts
    if unit in _ARABIC_ONLY and _CN_HIGH.isdisjoint(cn):
        return False  # 二元结构, 十分, 一道
    if _CN_HIGH.issuperset(cn) and cn not in _BARE_MAGNITUDES:
        return False  # 万师访万家, 千万
    if cn == "一" and unit not in lex.TIME_UNITS and unit != "倍":
        return False  # 一批, 一支, 一项: indefinite more often than counted
    if unit == "个" and after and after in CN_NUM and not text.startswith("等", unit_end + 1):
        return False  # 八个一, 三个百分百 (but 十四个一等奖)
    if unit == "届" and _PLENUM.match(text, unit_end) is not None:
        return False  # 十九届四中全会
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
    """Return the value of one figure with its magnitude, or None if it is not one."""
    factor = lex.MAGNITUDES[magnitude] if magnitude else 1
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
    return _exact(base * factor)


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
    """Return *value* as an int when it is whole (30.90万 → 309000)."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
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


def _masks(norm: Normalized, exclude: tuple[Span, ...]) -> tuple[list[int], list[int]]:
    """Return the starts and ends of the sorted, disjoint spans where no claim starts."""
    text = norm.text
    spans = _quoted(text)
    spans.extend(_addresses(text))
    spans.extend(to_normalised(norm, s) for s in exclude)
    spans.sort()
    starts: list[int] = []
    ends: list[int] = []
    for s, e in spans:
        if starts and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _addresses(text: str) -> list[tuple[int, int]]:
    """Return the spans of URLs and e-mail addresses, looked for only around @, http, www."""
    out: list[tuple[int, int]] = []
    for anchor, back in (("@", _EMAIL_LOCAL), ("http", 0), ("www.", 0)):
        i = text.find(anchor)
        while i != -1:
            m = _ADDRESS.search(text, max(0, i - back), i + _ADDRESS_LONGEST)
            if m is not None and m.start() <= i:
                out.append(m.span())
            i = text.find(anchor, i + 1)
    return out


def _quoted(text: str) -> list[tuple[int, int]]:
    """Return the spans of short quotations and titles on one line."""
    out: list[tuple[int, int]] = []
    for left, right in _QUOTES:
        i = text.find(left)
        while i != -1:
            j = text.find(right, i + 1, i + _QUOTE_LONGEST)
            k = text.find("\n", i + 1, j) if j != -1 else -1
            if j != -1 and k == -1:
                out.append((i, j + 1))
                i = text.find(left, j + 1)
            else:
                i = text.find(left, i + 1)
    return out


def to_normalised(norm: Normalized, span: Span) -> tuple[int, int]:
    """Return an original span in normalised coordinates (the smallest cover).

    >>> from govplan.normalize import normalize
    >>> to_normalised(normalize("a\\r\\nb"), Span(3, 4))
    (2, 3)
    """
    if norm.offsets is None:
        return span.start, span.end
    offsets = norm.offsets
    start = bisect_right(offsets, span.start - 1)
    return start, bisect_right(offsets, span.end - 1, start)
