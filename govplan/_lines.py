"""Lines of a normalised text, what kind each is, and their offsets in the original.

Shared by :mod:`govplan.signature` and :mod:`govplan.metadata`: both walk a
few stripped lines at one end of the text (:func:`lines_from`,
:func:`tail_lines`), ask what each line is (:func:`classify`) and slice
their findings from the original text (:func:`source_span`, :func:`original`).

>>> from govplan.normalize import normalize
>>> norm = normalize("關於印發工作要點的通知\\n  各學校：\\n某區教育局\\n2020年7月2日")
>>> for line in lines_from(norm.text, 0, len(norm.text), 9):
...     print(line.start, line.text, classify(line.text))
0 关于印发工作要点的通知 title
14 各学校: salutation
19 某区教育局 title
25 2020年7月2日 date
>>> original(norm, tail_lines(norm.text, 0, 2)[0])
'某區教育局'
"""

from __future__ import annotations

import bisect
from typing import Final, NamedTuple

import regex

from govplan import _metadata_lexicon as lex
from govplan.dates import search_date
from govplan.docnumbers import parse_doc_number
from govplan.errors import GovplanError
from govplan.model import Span
from govplan.normalize import Normalized, is_noise_line

__all__ = [
    "BYLINE",
    "Line",
    "classify",
    "is_organ",
    "lines_from",
    "original",
    "source_slice",
    "source_span",
    "tail_lines",
    "to_normalized",
]

# An outline marker at the start of a line: such a line is body, not title.
_HEADING: Final[regex.Pattern[str]] = regex.compile(
    r"""
    ^(?:[一二三四五六七八九十]{1,3}[、.]          # 一、
      | \([一二三四五六七八九十\d]{1,3}\)         # (一) (1)
      | \d{1,2}[.、](?!\d)                      # 1. 1、
      | 第[一二三四五六七八九十\d]{1,3}[章节条部] # 第一章
      | [\u2460-\u2473]                         # ①
    )
    """,
    regex.VERBOSE,
)

#: A byline: a position and a name, such as ``临县县委书记 李双会``.
BYLINE: Final[regex.Pattern[str]] = regex.compile(
    rf"""
    ^(?P<position>\p{{Han}}{{0,20}}(?:{"|".join(lex.BYLINE_POSITIONS)}))   # 临县县委书记
    [ \t]{{1,6}}
    (?P<name>\p{{Han}}{{2,4}})$                                             # 李双会
    """,
    regex.VERBOSE,
)

_HAN: Final[regex.Pattern[str]] = regex.compile(r"\p{Han}")
_PARAGRAPH_MARKS: Final = "。!?;！？；"
_LONG_LINE: Final = 80


class Line(NamedTuple):
    """One stripped line of the normalised text: ``text == norm.text[start:end]``.

    >>> Line(3, 7, "工作要点")
    Line(start=3, end=7, text='工作要点')
    """

    start: int
    end: int
    text: str


# --- lines and offsets ---------------------------------------------------------------


def to_normalized(norm: Normalized, offset: int) -> int:
    """Return the normalised offset of the original *offset* (clamped to the text).

    >>> from govplan.normalize import normalize
    >>> to_normalized(normalize("構(gòu)建"), 6), to_normalized(normalize("构建"), 9)
    (1, 2)
    """
    if norm.offsets is None:
        return min(offset, len(norm.text))
    return min(bisect.bisect_left(norm.offsets, offset), len(norm.text))


def _strip(text: str, start: int, end: int) -> Line:
    raw = text[start:end]
    stripped = raw.strip()
    if not stripped:
        return Line(start, start, "")
    left = start + (len(raw) - len(raw.lstrip()))
    return Line(left, left + len(stripped), stripped)


def lines_from(text: str, pos: int, limit: int, count: int) -> list[Line]:
    """Return up to *count* stripped lines of ``text[pos:limit]``.

    >>> lines_from(" 甲 \\n\\n乙\\n丙", 0, 7, 3)  # the blank line is kept, empty
    [Line(start=1, end=2, text='甲'), Line(start=4, end=4, text=''), Line(start=5, end=6, ...)]
    """
    lines: list[Line] = []
    while pos < limit and len(lines) < count:
        nl = text.find("\n", pos, limit)
        end = limit if nl == -1 else nl
        lines.append(_strip(text, pos, end))
        pos = end + 1
    return lines


def tail_lines(text: str, floor: int, count: int) -> list[Line]:
    """Return up to *count* stripped lines at the end of ``text[floor:]``, in text order.

    >>> [line.text for line in tail_lines("甲\\n乙\\n丙 ", 0, 2)]
    ['乙', '丙']
    """
    lines: list[Line] = []
    end = len(text)
    while end > floor and len(lines) < count:
        nl = text.rfind("\n", floor, end)
        start = floor if nl == -1 else nl + 1
        lines.append(_strip(text, start, end))
        end = start - 1
    lines.reverse()
    return lines


def source_span(norm: Normalized, start: int, end: int) -> Span:
    """Return the original span of normalised ``[start, end)``, readings after it included.

    >>> from govplan.normalize import normalize
    >>> source_span(normalize("構(gòu)建 \\n"), 0, 3)
    Span(start=0, end=7)
    """
    first = norm.to_original(start)
    last = norm.to_original(end)
    while last > first and norm.source[last - 1].isspace():
        last -= 1
    return Span(first, last)


def source_slice(norm: Normalized, start: int, end: int) -> str:
    """Return the original text of normalised ``[start, end)``.

    >>> from govplan.normalize import normalize
    >>> source_slice(normalize("構(gòu)建"), 0, 2)
    '構(gòu)建'
    """
    span = source_span(norm, start, end)
    return norm.source[span.start : span.end]


def original(norm: Normalized, line: Line) -> str:
    """Return the original text of *line*.

    >>> from govplan.normalize import normalize
    >>> original(normalize("某區教育局"), Line(0, 5, "某区教育局"))
    '某區教育局'
    """
    return source_slice(norm, line.start, line.end)


# --- line classes --------------------------------------------------------------------


def classify(text: str) -> str:
    """Return what a stripped, non-empty, normalised line is.

    One of ``paragraph``, ``noise``, ``heading``, ``salutation``, ``date``,
    ``org_date``, ``doc_number``, ``byline``, ``subtitle``, ``title`` and
    ``other``.

    >>> classify("一、总体要求"), classify("某区教育局 2020年7月2日"), classify("扫一扫")
    ('heading', 'org_date', 'noise')
    """
    if len(text) > _LONG_LINE:
        return "paragraph"
    if _is_furniture(text):
        return "noise"
    if any(mark in text for mark in _PARAGRAPH_MARKS):
        return "paragraph"
    if _HEADING.match(text):
        return "heading"
    if text.endswith((":", "：")) and len(_HAN.findall(text)) >= 2:
        return "salutation"  # 各位代表: / 各学校:
    found = search_date(text, with_time=True)
    if found is not None and found[1].end == len(text):
        if found[1].start == 0:
            return "date"
        if is_organ(text[: found[1].start]):
            return "org_date"
    if text.endswith(("号", "號")) and len(text) <= 40 and _is_doc_number(text):
        return "doc_number"
    if BYLINE.match(text):
        return "byline"
    if text.startswith(("—", "-")):
        return "subtitle"
    if len(_HAN.findall(text)) >= 4:
        return "title"
    return "other"


def _is_furniture(text: str) -> bool:
    bare = text.strip("【】[]:：|· \t")
    if not bare or bare in lex.FURNITURE_LINES:
        return True
    if ">" in text or "»" in text:
        return True  # breadcrumbs: 首页 > 政务公开
    if len(bare) <= 20 and bare.endswith(lex.FURNITURE_SUFFIXES):
        return True
    if bare.startswith(lex.FURNITURE_LABELS) and ":" in bare[:6]:
        return True  # 编辑:某某, 审核:某某
    return is_noise_line(text)


def _is_doc_number(text: str) -> bool:
    try:
        number = parse_doc_number(text)
    except GovplanError:
        return False
    return number.raw == text or len(number.raw) + 2 >= len(text)


def is_organ(text: str) -> bool:
    """Return whether *text* is one or more organ names (a signature's issuer).

    A placeholder in place of a place name (XX区, ××县) is fine.

    >>> is_organ("某区教育局"), is_organ("某县人民政府 某县教育局"), is_organ("教育局2")
    (True, True, False)
    >>> is_organ("XX区应急管理局"), is_organ("××县教育局"), is_organ("ABC")
    (True, True, False)
    """
    names = text.split()
    if not names or len(text) > 60:
        return False
    for name in names:
        name = name.lstrip("Xx×ＸｘOo○*＊")  # noqa: RUF001 (placeholders XX区, ××县)
        if len(name) < 2 or not _HAN.match(name) or not name.endswith(lex.ORGAN_SUFFIXES):
            return False
        if any(c in name for c in ",。;:!?、“”《》") or any(c.isdigit() for c in name):
            return False
    return True
