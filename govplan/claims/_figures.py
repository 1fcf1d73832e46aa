r"""Find the figures of a text: numbers with their unit, magnitude and qualifiers.

The first stage of the claims engine, with no context beyond the letters
around each figure: one pass of :data:`~._figures_pattern.FIGURE` over the
normalised text, then the checks of :mod:`~._figures_context` that tell a
count from a year, an ordinal, a session (十四届二次会议), a slogan (八项规定),
a code or a word (see :mod:`govplan.claims` for what is and is not a claim),
and the exact values of :mod:`~._numbers`.  Subjects, comparisons and
modality come later.

A number with a magnitude and no unit is a bare count (``3300万``, unit "");
a mixed numeral adds up its parts (3万4000元, 十亿3000万元, 1千2百人); a
signed figure keeps its sign (负3亿元, -2.3%, +5.2%, 零下5℃); a vague one
(几十万, 数百) is no figure.

>>> from govplan.normalize import normalize
>>> from govplan.segments import segment
>>> text = "建7所,约50人,负3亿元,惠及1100多万学生,3万4000元,零下5℃"
>>> for f in scan_figures(segment(normalize(text))):
...     print(text[f.start : f.end], f.value, repr(f.unit), f.approx)
7所 7 '所' None
约50人 50 '人' 约
负3亿元 -300000000 '元' None
1100多万 11000000 '' 多
3万4000元 34000 '元' None
零下5℃ -5 '℃' None
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Final, NamedTuple

import regex

from govplan.claims._figures_context import (
    BAD_BEFORE,
    DATE_UNITS,
    MORE_UNITS,
    NO_SIGN,
    PREFIXES,
    REFUSED_AFTER,
    SIGN_LETTERS,
    Sign,
    chinese_ok,
    is_date,
    prefix,
    qualifiers,
    read_sign,
    word_after,
)
from govplan.claims._figures_pattern import (
    AR,
    AR2,
    CN,
    CN_NUM,
    FIGURE,
    GEMORE,
    GEUNIT,
    MAG,
    MAG2,
    MID,
    MID2,
    PCT,
    POST,
    TAIL,
    UNIT,
    alternation,
    first_letters,
)
from govplan.claims._numbers import negate, values
from govplan.model import Bound, Diagnostic, Number, Span
from govplan.segments import TextLayer

__all__ = ["CN_NUM", "Figure", "alternation", "first_letters", "long_numbers", "scan_figures"]

# A run of digits longer than any figure: reported, never read.
_LONG_NUMBER: Final[regex.Pattern[str]] = regex.compile(r"[0-9](?:,?[0-9]){24,}+")
# The groups that may end the number itself: where a figure ends when its unit starts
# a noun (14亿人口, 1万2000人才) and what is left is a bare count.
_NUMBER_ENDS: Final = (MAG + 1, TAIL + 1, MID2 + 1, MAG2 + 1)


#: What may stand between the two ends of a range written with its unit twice.
RANGE_MARKS: Final = frozenset({"至", "到", "—", "-", "~", "－", "～", "\u2013"})


class Figure(NamedTuple):
    """One figure in normalised coordinates, before any context is read.

    ``start``/``end`` include the qualifiers (约, 以上) and a sign (负, -, 零下);
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
    for m in FIGURE.finditer(text):
        start = m.start()
        before = text[start - 1] if start else ""
        sign = NO_SIGN
        if before in SIGN_LETTERS:
            sign = read_sign(text, start, arabic=m.group("ar") is not None)
        if (before in BAD_BEFORE and not sign.width) or layer.masked(start):
            continue  # an ordinal, a code or a formula (第3名, No.5, 3×4), or quoted
        if fences is not None and fences.masked(start):
            continue  # a header field or a line of site furniture
        figure = _accept(m, text, start, size, sign)
        if figure is not None and not _lone_zero(text, figure):
            found.append(figure)
    return _join_ranges(text, found)


def _lone_zero(text: str, figure: Figure) -> bool:
    """Tell whether a figure is a bare 零 before a letter (零部件, 零件): a word, not a count."""
    return figure.value == 0 and text[figure.number] in "零〇" and figure.high is None


def _join_ranges(text: str, figures: list[Figure]) -> list[Figure]:
    """Join two figures of one unit across a range mark into one range (1000元至3000元).

    >>> from govplan.normalize import normalize
    >>> from govplan.segments import segment
    >>> [(f.value, f.high, f.unit) for f in scan_figures(segment(normalize("补助5万元至8万元")))]
    [(50000, 80000, '元')]
    """
    out: list[Figure] = []
    for figure in figures:
        last = out[-1] if out else None
        if (
            last is not None
            and last.high is None
            and figure.high is None
            and last.unit == figure.unit
            and last.bound is None
            and figure.bound is None
            and text[last.end : figure.start] in RANGE_MARKS
            and figure.value > last.value
        ):
            approx = last.approx or figure.approx
            out[-1] = last._replace(end=figure.end, high=figure.value, approx=approx)
            continue
        out.append(figure)
    return out


class _Fences(NamedTuple):
    """The sorted, normalised stretches where no figure is read (header fields, noise)."""

    starts: list[int]
    ends: list[int]

    def masked(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


def _fences(layer: TextLayer, exclude: tuple[Span, ...]) -> _Fences | None:
    """Return the stretches of *exclude* and the noise lines, merged; None if there are none."""
    if not exclude and not layer.noise_lines:
        return None
    starts_of_lines = (*layer.line_starts, len(layer.text))
    spans = sorted(
        [layer.norm.span_to_normalized(s) for s in exclude]
        + [(starts_of_lines[i], starts_of_lines[i + 1]) for i in layer.noise_lines]
    )
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


def _accept(m: regex.Match[str], text: str, start: int, size: int, sign: Sign) -> Figure | None:
    """Check one candidate in its context; return it, or None when it is no figure."""
    g = m.groups()
    ar, cn = g[AR], g[CN]
    if (ar is not None and not ar.isascii()) or not (g[AR2] or "").isascii():
        return None  # digits of another script: not read as a figure
    unit = g[GEUNIT] or g[UNIT] or ("%" if g[PCT] is not None else "")
    end, post = m.end(), g[POST]
    unit_end = end - len(post) if post else end  # the qualifier after the unit is last
    # a qualifier word right after the unit (5所以上) keeps it a unit, not a word (所以)
    if post is None and unit_end < size and text[unit_end] in REFUSED_AFTER[unit]:
        if not unit or ar is None or not (g[MAG] or g[MAG2]):
            return None  # 所以, 年级, 一次性: the unit is part of a word
        unit, end = "", max(m.end(i) for i in _NUMBER_ENDS)  # 14亿人口: a bare count
        unit_end = end
    if cn is not None and not chinese_ok(cn, unit, text, start, unit_end, mixed=bool(g[TAIL])):
        return None
    read = values(g)
    if read is None or (unit in DATE_UNITS and is_date(ar, cn, read[0], unit, text, start)):
        return None
    value, high = read
    if sign.negative:
        value = negate(value)
    lead = start - sign.width
    pre = prefix(text, lead) if lead and text[lead - 1] in PREFIXES else None
    if post in ("多", "余") and (unit not in MORE_UNITS or word_after(text, end)):
        end, post = unit_end, None
    gemore = g[GEMORE]
    mids = (g[MID], g[MID2], gemore if gemore == "多" else None)
    if pre is None and post is None and mids == (None, None, None):
        return Figure(lead, end, value, unit, high, None, None, start)
    approx, bound = qualifiers(pre, mids, post)
    return Figure(lead - len(pre or ""), end, value, unit, high, approx, bound, start)
