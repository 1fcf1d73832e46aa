"""Find the numbering markers of an outline: 一、 (一) 1. 1、 (1) ① 一是 第一章 第一条.

This is the first of the two outline layers: a flat stream of *candidate*
markers found in normalised text, each with the span of its title.  Whether a
candidate really is a heading, and how deep it sits, is decided from the
sequence of candidates by :mod:`govplan.structure`.

A candidate is found at the start of a line, or inside a line right after
punctuation (a heading glued onto the previous paragraph, or an inline
enumeration such as ``……；二是……``).  Numerals that only look like markers are
left out here when the text around them tells: inside “” or 《》, prize grades
(一、二等奖), lists of numerals (1、2、3年级), decimals (1.5).

>>> tokens = find_markers("一、总体要求\\n(一)工作目标。二是加强管理")
>>> [(m.style.value, m.ordinal, m.marker) for m in tokens]
[('cn_dun', 1, '一、'), ('cn_paren', 1, '(一)'), ('cn_shi', 2, '二是')]
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Final

import attrs
import regex

from govplan import _chars
from govplan.model import MarkerStyle
from govplan.normalize import Normalized, NormText
from govplan.numerals import small_number
from govplan.segments import TextLayer, segment

__all__ = [
    "MarkerToken",
    "attachment_lists",
    "back_matter_start",
    "find_markers",
    "marker_ordinal",
]

_CN: Final = "零〇一二三四五六七八九十百两"
# Punctuation after which a glued heading may start (normalised text).
_GLUE_STRONG: Final = _chars.SENTENCE_END + ":"
# Punctuation after which an inline enumeration (一是 / (1) / ①) may start.
_GLUE_WEAK: Final = _GLUE_STRONG + "," + _chars.IDEOGRAPHIC_COMMA


@functools.cache
def _marker_pattern() -> regex.Pattern[str]:
    """Return the pattern of one marker, a named group for each style's numeral.

    Compiled on first use, as every pattern here, to keep ``import govplan``
    cheap.  Arabic numerals are ASCII digits only (full-width ones are folded
    before), so that every numeral matched has a value.
    """
    return regex.compile(
        rf"""
        第(?P<chapter_n>[{_CN}0-9]{{1,4}}+)(?:章|部分|篇|编)  # 第一章 第二部分
      | 第(?P<article_n>[{_CN}0-9]{{1,4}}+)条               # 第一条
      | \([ ]?(?P<cn_paren_n>[{_CN}]{{1,3}}+)[ ]?\)[、.]?    # (一) (一)、
      | \((?P<num_paren_n>[0-9]{{1,2}}+)\)[、.]?            # (1)
      | (?P<num_half_n>[0-9]{{1,2}}+)\)                     # 1)  (line starts only)
      | (?P<cn_dun_n>[{_CN}]{{1,3}}+)(?:、|\.(?![0-9.]))     # 一、 一.
      | (?P<num_dot_n>[0-9]{{1,3}}+)\.(?![0-9.])            # 1. 01.
      | (?P<num_dun_n>[0-9]{{1,3}}+)、                      # 1、
      | (?P<circled>[\u2460-\u2473])                       # ① .. ⑳
      | (?P<cn_shi_n>[一二三四五六七八九十]{{1,3}}+)是        # 一是
        """,
        regex.VERBOSE,
    )


# Where a marker may stand: only blanks between it and the line start or the
# punctuation it is glued to.
_LEAD: Final = " \t"
_MAX_LEAD: Final = 8


@functools.cache
def _place_pattern() -> regex.Pattern[str]:
    """Return the cheap first pass: the places where a marker could start.

    Scanning the whole text with :func:`_marker_pattern` is ten times slower.
    """
    return regex.compile(
        rf"""
        (?:^|[{_GLUE_WEAK}])                 # a line start or punctuation
        [ \t]{{0,{_MAX_LEAD}}}+               # a few blanks
        (?=[第(0-9{_CN}\u2460-\u2473])        # then something a marker starts with
      | (?=\([ ]?[{_CN}]{{1,3}}+[ ]?\))      # or (一) anywhere: a lost line break
        """,
        regex.VERBOSE | regex.MULTILINE,
    )


_STYLE_OF_GROUP: Final[dict[str, MarkerStyle]] = {
    "chapter_n": MarkerStyle.CHAPTER,
    "article_n": MarkerStyle.ARTICLE,
    "cn_paren_n": MarkerStyle.CN_PAREN,
    "num_paren_n": MarkerStyle.NUM_PAREN,
    "num_half_n": MarkerStyle.NUM_PAREN,
    "cn_dun_n": MarkerStyle.CN_DUN,
    "num_dot_n": MarkerStyle.NUM_DOT,
    "num_dun_n": MarkerStyle.NUM_DUN,
    "cn_shi_n": MarkerStyle.CN_SHI,
}


@functools.cache
def _list_after_pattern() -> regex.Pattern[str]:
    """Return what may not follow a marker: another numeral of a list (一、二等奖, 1、2、3)."""
    return regex.compile(rf"[{_CN}0-9]{{1,3}}+[、等,.]")


@functools.cache
def _title_end_pattern() -> regex.Pattern[str]:
    """Return the pattern of the characters that end a title."""
    return regex.compile(f"[{_chars.SENTENCE_END}\\n]")


#: Highest ordinal accepted for each style: larger numbers are not section numbers.
MAX_ORDINAL: Final[dict[MarkerStyle, int]] = {
    MarkerStyle.NUM_DOT: 199,
    MarkerStyle.NUM_DUN: 199,
    MarkerStyle.ARTICLE: 999,
}
_DEFAULT_MAX_ORDINAL: Final = 99

#: Longest title kept: a "title" running on past this is a paragraph, and is cut here.
MAX_TITLE: Final = 300


@attrs.frozen(kw_only=True)
class MarkerToken:
    """A candidate marker in normalised text, with the extent of its title.

    Offsets are into the *normalised* text; :mod:`govplan.structure` maps them
    back.  ``line_start`` is False for a marker glued after punctuation.
    """

    style: MarkerStyle
    ordinal: int
    marker: str
    start: int
    marker_end: int
    title_start: int
    title_end: int
    line_start: bool
    glue: str | None


def marker_ordinal(numeral: str) -> int | None:
    """Return the value of the numeral of a marker (1..999), or None.

    Zero is no ordinal (``0.`` starts no list), and only ASCII digits count
    as Arabic ones (full-width digits are folded before markers are read).

    >>> marker_ordinal("十二"), marker_ordinal("二十"), marker_ordinal("03"), marker_ordinal("十十")
    (12, 20, 3, None)
    >>> marker_ordinal("0"), marker_ordinal("00"), marker_ordinal("\u0663")
    (None, None, None)
    """
    return small_number(numeral)


def find_markers(text: str, *, layer: TextLayer | None = None) -> tuple[MarkerToken, ...]:
    """Return the candidate markers of normalised *text* in document order.

    *layer* is the text's :class:`~govplan.segments.TextLayer`, whose masks
    say what is quoted; it is cut here when not given.

    >>> [m.marker for m in find_markers("一、二等奖\\n“一是”\\n1.5万\\n(1)成立")]
    ['(1)']
    """
    if layer is None:
        layer = segment(Normalized(NormText(text), text))
    return tuple(_iter_markers(text, layer))


def _iter_markers(text: str, layer: TextLayer) -> Iterator[MarkerToken]:
    masked = layer.masked
    title_end = _TitleEnds(text)
    last = -1
    marker = _marker_pattern()
    for place in _place_pattern().finditer(text):
        if place.end() == last:
            continue  # a line-start place and an anywhere place at the same (一)
        last = place.end()
        match = marker.match(text, last)
        if match is None:
            continue
        token = _token(text, match, title_end)
        if token is None or masked(token.start):
            continue
        yield token


def _context(text: str, start: int) -> tuple[bool, str | None]:
    """Return (at line start, glue) for a marker at *start*.

    The glue is the punctuation the marker follows inside a line, ``""`` when
    it follows anything else, and None at a line start.
    """
    pos = start
    floor = max(0, start - _MAX_LEAD)
    while pos > floor and text[pos - 1] in _LEAD:
        pos -= 1
    if pos == 0 or text[pos - 1] == "\n":
        return True, None
    before = text[pos - 1]
    return False, before if before in _GLUE_WEAK else ""


def _token(text: str, match: regex.Match[str], title_ends: _TitleEnds) -> MarkerToken | None:
    line_start, glue = _context(text, match.start())
    style, numeral = _style_of(match)
    if style is None or (glue == "" and style is not MarkerStyle.CN_PAREN):
        return None
    if match.group("num_half_n") is not None and not line_start:
        return None  # "1)" without its opening bracket only counts at a line start
    if style is MarkerStyle.CN_SHI and glue == _chars.IDEOGRAPHIC_COMMA:
        return None
    if style in _STRONG_ONLY and glue and glue not in _GLUE_STRONG:
        return None
    ordinal = marker_ordinal(numeral)
    if ordinal is None or ordinal > MAX_ORDINAL.get(style, _DEFAULT_MAX_ORDINAL):
        return None
    marker_end = match.end()
    if style in _LIST_STYLES and _list_after_pattern().match(text, marker_end):
        return None
    title_start = marker_end
    while title_start < len(text) and text[title_start] in " \t":
        title_start += 1
    title_end = min(title_ends.after(title_start), title_start + MAX_TITLE)
    while title_end > title_start and text[title_end - 1] in " \t":
        title_end -= 1
    if title_end == title_start:
        return None  # a bare marker with nothing after it is not a heading
    return MarkerToken(
        style=style,
        ordinal=ordinal,
        marker=match.group(),
        start=match.start(),
        marker_end=marker_end,
        title_start=title_start,
        title_end=title_end,
        line_start=line_start,
        glue=glue,
    )


@functools.cache
def _back_matter_pattern() -> regex.Pattern[str]:
    """Return the pattern of a line that opens the back matter (notes, glossary).

    Numbered lines after it explain terms and are not part of the outline.
    """
    return regex.compile(
        r"^[ \t]*+(?:名词解释|名词注释|名词说明|注释|注解|附注|参考文献)[ \t:]*+$",
        regex.MULTILINE,
    )


@functools.cache
def _attachment_list_pattern() -> regex.Pattern[str]:
    """Return the pattern of a notice's list of attachments: 附件：1.xxx / 2.xxx."""
    return regex.compile(
        r"""
        ^[ \t]*+附件[:：]                                  # 附件： (not 附件1, a heading)
        [^\n]{0,80}+                                       # the first name on the line
        (?:\n[ \t]*+(?:[0-9]{1,2}+[.、]|\([0-9]{1,2}+\))  # further names, one a line
           [^\n。;]{1,60}+(?=\n|$))*+
        """,
        regex.VERBOSE | regex.MULTILINE,
    )


def attachment_lists(text: str) -> tuple[tuple[int, int], ...]:
    """Return the ``(start, end)`` of each list of attachment names in normalised *text*.

    >>> text = "三、保障措施\\n附件:1.检查表\\n      2.分配表\\n某局"
    >>> [text[a:b] for a, b in attachment_lists(text)]
    ['附件:1.检查表\\n      2.分配表']
    """
    if "附件" not in text:
        return ()
    return tuple(m.span() for m in _attachment_list_pattern().finditer(text))


def back_matter_start(text: str) -> int | None:
    """Return where the back matter (名词解释, 注释 …) of normalised *text* starts, or None.

    >>> back_matter_start("一、正文\\n名词解释\\n1.双减:减轻负担")
    5
    >>> back_matter_start("一、名词解释工作") is None
    True
    """
    match = _back_matter_pattern().search(text)
    return match.start() if match else None


# Styles that only glue onto a previous paragraph after a sentence end.
_STRONG_ONLY: Final = frozenset(
    {
        MarkerStyle.CN_DUN,
        MarkerStyle.CN_PAREN,
        MarkerStyle.NUM_DOT,
        MarkerStyle.NUM_DUN,
        MarkerStyle.CHAPTER,
        MarkerStyle.ARTICLE,
    }
)
# Styles whose marker may start a list of numerals rather than a heading.
_LIST_STYLES: Final = frozenset({MarkerStyle.CN_DUN, MarkerStyle.NUM_DUN})


def _style_of(match: regex.Match[str]) -> tuple[MarkerStyle | None, str]:
    group = match.lastgroup
    if group == "circled":
        return MarkerStyle.CIRCLED, str(ord(match.group()[0]) - 0x2460 + 1)
    style = _STYLE_OF_GROUP.get(group or "")
    return (style, match.group(group)) if style is not None and group else (None, "")


class _TitleEnds:
    """Answer where the title starting at a position ends, in linear time overall.

    Positions must be asked in increasing order: the last terminator found is
    reused until the asked position passes it.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._found = -1  # position of the last terminator found, len(text) if none

    def after(self, pos: int) -> int:
        if self._found < pos:
            match = _title_end_pattern().search(self._text, pos)
            self._found = match.start() if match else len(self._text)
        return self._found
