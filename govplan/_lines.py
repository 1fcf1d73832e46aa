"""Lines of the text layer, what kind each is, and their text in the original.

Shared by :mod:`govplan.signature` and :mod:`govplan.metadata`: both walk a
few stripped lines at one end of the text, taken from the text layer
(:func:`head_lines`, :func:`tail_lines`, :func:`lines_at`), ask what each line
is (:func:`classify`) and slice their findings from the original text
(:func:`source_span`, :func:`original`).  Offsets are mapped only through the
methods of :class:`~govplan.normalize.Normalized`.

>>> from govplan.segments import segment
>>> from govplan.normalize import normalize
>>> layer = segment(normalize("關於印發工作要點的通知\\n  各學校：\\n某區教育局\\n2020年7月2日"))
>>> for line in head_lines(layer, len(layer.text), 9):
...     print(line.start, line.text, classify(line.text))
0 关于印发工作要点的通知 title
14 各学校: salutation
19 某区教育局 title
25 2020年7月2日 date
>>> original(layer.norm, tail_lines(layer, 0, 2)[0])
'某區教育局'
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Final, NamedTuple

import regex

from govplan import _metadata_lexicon as lex
from govplan.dates import search_date
from govplan.docnumbers import parse_doc_number
from govplan.errors import GovplanError
from govplan.model import Span
from govplan.normalize import Normalized, is_noise_line
from govplan.segments import TextLayer

__all__ = [
    "BLANKS",
    "BYLINE",
    "DATE_FRAME",
    "NAME",
    "OCCASION",
    "TOOLBAR",
    "Line",
    "classify",
    "head_lines",
    "is_organ",
    "lines_at",
    "original",
    "source_slice",
    "source_span",
    "tail_lines",
]

#: What a line is stripped of: white space and the zero-width characters pages carry.
BLANKS: Final = " \t\n\r\f\v\u200b\u200c\u200d\u2060\ufeff"

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

_POSITIONS: Final = "|".join(lex.BYLINE_POSITIONS)

#: A person's name as bylines print it: 2-4 characters, spaces between allowed,
#: or a transliterated name with a middle dot (艾力·吐尔逊).
NAME: Final[regex.Pattern[str]] = regex.compile(
    r"""
    (?P<name>\p{Han}(?:[ ]{0,3}\p{Han}){1,3}         # 李双会 / 李 强
      | \p{Han}{1,6}[·•・]\p{Han}{1,8})               # 艾力·吐尔逊
    """,
    regex.VERBOSE,
)

#: A byline: a position and a name, such as ``临县县委书记 李双会``.
BYLINE: Final[regex.Pattern[str]] = regex.compile(
    rf"""
    ^(?P<position>[\p{{Han}}、]{{0,24}}(?:{_POSITIONS}))  # 临县县委书记, 县委副书记、县长
    [ \t]{{1,6}}
    {NAME.pattern}$                                   # 李双会
    """,
    regex.VERBOSE,
)

# A line that holds only a position: the first half of a byline printed on two lines.
_POSITION: Final[regex.Pattern[str]] = regex.compile(
    rf"^[\p{{Han}}、]{{0,24}}(?:{_POSITIONS})$", regex.VERBOSE
)

#: The occasion of a speech: ``——2024年3月5日在第十四届全国人民代表大会第二次会议上``.
OCCASION: Final[regex.Pattern[str]] = regex.compile(
    r"""
    在[^。!?;\n]{2,60}?(?:会议|大会|会|典礼|仪式|论坛)上   # 在…会议上 (…上的讲话 is a title)
    """,
    regex.VERBOSE,
)

# Toolbar text of a page (下载 打印【字号:加大 还原 减小】, 【打印】【关闭】).
_TOOLBAR_WORDS: Final = r"(?:下载|打印(?:本页)?|全屏|收藏|分享|关闭(?:窗口)?|返回|我要纠错|纠错)"
_SIZES: Final = r"(?:加大|还原|减小|默认|放大|缩小|[大中小])"
#: A run of toolbar text, as pages print it before a title when their line breaks are lost.
TOOLBAR: Final[regex.Pattern[str]] = regex.compile(
    rf"""
    (?:[ \t]*(?:
        [【\[]?[ \t]*{_TOOLBAR_WORDS}[ \t]*[】\]]?                            # 打印 / 【关闭】
      | [【\[]?[ \t]*(?:字号|字体)[ \t]*:?[ \t]*(?:{_SIZES}[ \t]*)*[】\]]?    # 【字号:大 中 小】
      | (?:加大|还原|减小|默认)                                               # 还原 减小
      | [】\]]                                                                # a lone closer
    ))++
    """,
    regex.VERBOSE,
)

_HAN: Final[regex.Pattern[str]] = regex.compile(r"\p{Han}")
# A note in brackets that opens with a date: (2023年2月16日区政府常务会议审议通过).
_DATED_NOTE: Final[regex.Pattern[str]] = regex.compile(
    r"^[(\[【〔][^()\[\]【】〔〕]{6,60}[)\]】〕]$"
)
#: What ends a sentence: a line holding one is a paragraph.
PARAGRAPH_MARKS: Final = "。!?;！？；"
_LONG_LINE: Final = 80
# Lines this short (menu items, labels, values) do not count against the head's length,
# but no more than this many lines are ever read.
_SHORT_LINE: Final = 8
_HEAD_LINES_READ: Final = 240
#: What may frame a date line: (2023年2月10日), ——2023年2月10日.
DATE_FRAME: Final = "()[]【】〔〕—-\u2013 \t"


class Line(NamedTuple):
    """One stripped line of the normalised text: ``text == norm.text[start:end]``.

    >>> Line(3, 7, "工作要点")
    Line(start=3, end=7, text='工作要点')
    """

    start: int
    end: int
    text: str


# --- lines of the layer --------------------------------------------------------------


def _strip(text: str, start: int, end: int) -> Line:
    raw = text[start:end]
    stripped = raw.strip(BLANKS)
    if not stripped:
        return Line(start, start, "")
    left = start + (len(raw) - len(raw.lstrip(BLANKS)))
    return Line(left, left + len(stripped), stripped)


def _bounds(layer: TextLayer, i: int) -> tuple[int, int]:
    starts = layer.line_starts
    end = starts[i + 1] - 1 if i + 1 < len(starts) else len(layer.text)
    return starts[i], end


def head_lines(layer: TextLayer, limit: int, count: int) -> list[Line]:
    """Return the lines of the layer before normalised *limit*, up to *count* of text.

    Blank lines are kept, empty; only lines of more than a few characters
    that are not the layer's noise lines count (a site menu or a catalogue of
    short labels and values does not use up the head), and no more than a
    few hundred lines are read.  A line that runs past *limit* is cut there.

    >>> from govplan.segments import segment_text
    >>> head_lines(segment_text(" 甲 \\n\\n乙\\n丙"), 7, 2)
    [Line(start=1, end=2, text='甲'), Line(start=4, end=4, text=''), Line(start=5, end=6, ...)]
    """
    lines: list[Line] = []
    seen = 0
    for i in range(len(layer.line_starts)):
        start, end = _bounds(layer, i)
        if start >= limit or seen >= count:
            break
        line = _strip(layer.text, start, min(end, limit))
        lines.append(line)
        seen += len(line.text) > _SHORT_LINE and i not in layer.noise_lines
        if len(lines) >= _HEAD_LINES_READ:
            break
    return lines


def lines_at(layer: TextLayer, pos: int, count: int) -> list[Line]:
    """Return up to *count* lines from the one holding normalised *pos*, in text order.

    >>> from govplan.segments import segment_text
    >>> [line.text for line in lines_at(segment_text("甲\\n乙\\n丙"), 2, 5)]
    ['乙', '丙']
    """
    first = layer.line_index(pos)
    last = min(first + count, len(layer.line_starts))
    return [_strip(layer.text, *_bounds(layer, i)) for i in range(first, last)]


def tail_lines(layer: TextLayer, floor: int, count: int) -> list[Line]:
    """Return up to *count* stripped lines at the end of the text after *floor*, in order.

    >>> from govplan.segments import segment_text
    >>> [line.text for line in tail_lines(segment_text("甲\\n乙\\n丙 "), 0, 2)]
    ['乙', '丙']
    """
    lowest = bisect_right(layer.line_starts, floor) - 1 if floor > 0 else 0
    first = max(len(layer.line_starts) - count, lowest, 0)
    lines = []
    for i in range(first, len(layer.line_starts)):
        start, end = _bounds(layer, i)
        lines.append(_strip(layer.text, max(start, floor), end))
    return lines


# --- offsets into the original ---------------------------------------------------------


def source_span(norm: Normalized, start: int, end: int) -> Span:
    """Return the original span of normalised ``[start, end)``, readings after it included.

    >>> from govplan.normalize import normalize
    >>> source_span(normalize("構(gòu)建 \\n"), 0, 3)
    Span(start=0, end=7)
    """
    first = norm.to_original(start)
    last = max(norm.to_original(end), first)
    while last > first and norm.source[last - 1] in BLANKS:
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

    One of ``paragraph``, ``noise``, ``heading``, ``salutation``, ``occasion``
    (``——2024年3月5日在…会议上``), ``date``, ``org_date``, ``doc_number``,
    ``byline``, ``position`` (a byline's first half), ``toc`` (目录),
    ``subtitle``, ``title`` and ``other``.

    >>> classify("一、总体要求"), classify("某区教育局 2020年7月2日"), classify("扫一扫")
    ('heading', 'org_date', 'noise')
    >>> classify("(2025年1月9日在某市第十七届人民代表大会第五次会议上)"), classify("国务院总理")
    ('occasion', 'position')
    """
    if len(text) > _LONG_LINE:
        return "paragraph"
    if _is_furniture(text):
        return "noise"
    if any(mark in text for mark in PARAGRAPH_MARKS):
        return "paragraph"
    if _HEADING.match(text):
        return "heading"
    if text.endswith((":", "：")) and len(_HAN.findall(text)) >= 2:
        return "salutation"  # 各位代表: / 各学校:
    found = search_date(text, with_time=True)
    if _is_occasion(text, found[1] if found else None):
        return "occasion"
    kind = None if found is None else _dated_kind(text, found[1])
    return _undated_kind(text) if kind is None else kind


def _is_occasion(text: str, date: Span | None) -> bool:
    """Return whether *text* is only an occasion (在…会议上), a date and frame characters."""
    match = OCCASION.search(text)
    if match is None:
        return False
    rest = text[: match.start()] + text[match.end() :]
    if date is not None and (date.end <= match.start() or date.start >= match.end()):
        shift = 0 if date.end <= match.start() else match.end() - match.start()
        rest = rest[: date.start - shift] + rest[date.end - shift :]
    return not rest.strip(DATE_FRAME)


def _dated_kind(text: str, where: Span) -> str | None:
    if _DATED_NOTE.match(text) and text[: where.start].strip(DATE_FRAME) == "":
        return "date"  # (2023年2月16日区政府第18次常务会议审议通过)
    after = text[where.end :].strip(DATE_FRAME)
    if not after or _is_furniture(text[where.end :].strip()):  # 2023年3月2日(此件公开发布)
        if not text[: where.start].strip(DATE_FRAME):
            return "date"
        if is_organ(text[: where.start]):
            return "org_date"
    return None


def _undated_kind(text: str) -> str:
    if "".join(text.split()) in lex.TOC_LINES:
        return "toc"
    if text.endswith(("号", "號")) and len(text) <= 40 and _is_doc_number(text):
        return "doc_number"
    if BYLINE.match(text):
        return "byline"
    if len(text) <= 24 and _POSITION.match(text):
        return "position"
    if text.startswith(("—", "-")):
        return "subtitle"
    if len(_HAN.findall(text)) >= 4:
        return "title"
    return "other"


def _is_furniture(text: str) -> bool:
    bare = text.strip("【】[]:：|· \t")
    if not bare or bare in lex.FURNITURE_LINES or TOOLBAR.fullmatch(text):
        return True
    if ">" in text or "»" in text:
        return True  # breadcrumbs: 首页 > 政务公开
    if len(bare) <= 20 and bare.endswith(lex.FURNITURE_SUFFIXES):
        return True
    if bare.startswith(lex.FURNITURE_LABELS) and ":" in bare[:6]:
        return True  # 编辑:某某, 审核:某某
    cells = [cell.strip() for cell in text.split("|")]
    if len(cells) >= 4 and all(len(cell) <= 8 and ":" not in cell for cell in cells):
        return True  # a menu: 首页 | 机构概况 | 政务公开
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
