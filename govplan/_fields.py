"""Header fields of one line: known labels, and each value up to where the next label starts.

Disclosure catalogues print their fields in many ways, and :func:`scan_fields`
reads them all from one stripped, normalised line:

- a label before a colon, anywhere in the line:
  ``发布机构: 省卫生健康委 文  号: 浙卫发〔2023〕10号`` (the label is the
  longest known label that ends at the colon, so a value glued onto the
  next label, ``东岗区人民政府发文字号:``, still ends in time);
- labels and values in cells separated by bars, tabs or runs of spaces,
  without colons: ``| 索引号 | 0024… | 主题分类 | 教育 |``;
- a label in brackets: ``【发布单位】某局 【发布日期】2024-01-22``;
- a label alone, its value on a following line (``• 信息索引号:``).

A colon after a word that is no known label (``字体:``) ends the value before
it too.  Positions are offsets into the line.

>>> [(h.label, h.value) for h in scan_fields("发布机构: 省卫生健康委 文  号: 浙卫发〔2023〕10号")]
[('发布机构', '省卫生健康委'), ('文号', '浙卫发〔2023〕10号')]
>>> [(h.label, h.value) for h in scan_fields("| 索 引 号 | 0024/2024-00031 | 主题分类 | 教育 |")]
[('索引号', '0024/2024-00031'), ('主题分类', '教育')]
>>> [(h.label, h.value) for h in scan_fields("【发布单位】某局 【发布日期】2024-01-22")]
[('发布单位', '某局'), ('发布日期', '2024-01-22')]
>>> [(h.label, h.value) for h in scan_fields("• 信息索引号:")], scan_fields("会议时间:4月1日")
([('信息索引号', '')], [])
"""

from __future__ import annotations

import itertools
from typing import Final, NamedTuple

import regex

from govplan import _metadata_lexicon as lex
from govplan._lines import classify, is_organ
from govplan._titles import fold, type_of
from govplan.dates import search_date
from govplan.docnumbers import parse_doc_number
from govplan.errors import GovplanError

__all__ = ["FieldHit", "accepts_value", "is_empty_value", "scan_fields"]

#: Lines longer than this are read for fields only in their first part.
SCAN_LONGEST: Final = 400

_COLONS: Final = ":∶︰"
_SPACE: Final = " \t"
# What may stand before a label at the start of a line: bullets, bars, brackets.
_LEAD: Final = " \t|•·*-—[]【】()>»"
# What may stand right before a label that is not glued onto a value.
_BEFORE: Final = " \t|【[(•·*"
_TRIM: Final = " \t|"
_LONGEST_LABEL: Final = 8

# The kinds of line a value printed under its label may not be.
_NO_VALUE: Final = frozenset({"paragraph", "heading", "salutation", "occasion", "byline", "toc"})
_BRACKET_LABEL: Final[regex.Pattern[str]] = regex.compile(
    r"【[ \t]{0,2}(?P<label>\p{Han}(?:[ \t]{0,2}[\p{Han}/]){1,9})[ \t]{0,2}】"
)
_COLON: Final[regex.Pattern[str]] = regex.compile(f"[{_COLONS}]")
_FIELD_HINT: Final[regex.Pattern[str]] = regex.compile(f"[{_COLONS}【|\t]")
# Cells of a table row without colons: bars, tabs or two spaces and more.
_CELL_BREAK: Final[regex.Pattern[str]] = regex.compile(r"[ \t]*[|\t][ \t|\t]*+|[ ]{2,}+")
# Where the last value of a long line ends: after a word followed by a blank, or at a 。.
_VALUE_BREAK: Final[regex.Pattern[str]] = regex.compile(r"\S[ \t]|[。;；]")
# A blank a form leaves for its value: ___, ——, ……
_BLANK_VALUE: Final[regex.Pattern[str]] = regex.compile(r"^[_\-—\u2013/\\.·…* xX]*$")


class FieldHit(NamedTuple):
    """A label and its value in one line; ``start`` is where the label begins.

    >>> scan_fields("索引号:000014349/2020-00123")[0]
    FieldHit(label='索引号', start=0, end=4, value_start=4, value_end=24, value='000014349/...')
    """

    label: str
    start: int
    end: int
    value_start: int
    value_end: int
    value: str


def is_empty_value(value: str) -> bool:
    """Return whether a field value means "no value": 无, 无文号, a blank such as ``___``.

    >>> is_empty_value("无文号"), is_empty_value("___"), is_empty_value("教育")
    (True, True, False)
    """
    return value in lex.EMPTY_VALUES or _BLANK_VALUE.match(value) is not None


def scan_fields(text: str) -> list[FieldHit]:
    """Return the fields of a stripped, normalised line, in order; ``[]`` when it has none.

    >>> [h.label for h in scan_fields("2024-03-12 21:19 来源:新华社")]
    ['来源']
    """
    head = text[:SCAN_LONGEST]
    if not _may_hold_fields(head):
        return []
    spans = _colon_labels(head)
    if "【" in head:
        spans = sorted(spans + _bracket_labels(head))
    if not spans and not any(colon in head for colon in _COLONS):
        spans = _cell_labels(head)
    return _with_values(head, spans, long_line=len(text) > 200)


def _may_hold_fields(text: str) -> bool:
    """Return whether a line can hold a field at all (a cheap test before the scan)."""
    if _FIELD_HINT.search(text) is not None:
        return True
    first = text.split(None, 1)[0] if text.strip() else ""
    return first in lex.LABELS or "".join(text.split()) in lex.LABELS or "  " in text


# --- labels before colons ------------------------------------------------------------


def _colon_labels(text: str) -> list[tuple[int, int, str]]:
    """Return ``(label start, separator end, label)`` of the labels before colons.

    An unknown word before a colon is returned with an empty label: it only
    ends the value before it.
    """
    found: list[tuple[int, int, str]] = []
    for colon in _COLON.finditer(text):
        pos = colon.start()
        hit = _label_before(text, pos)
        if hit is None:
            continue
        start, label = hit
        separated = (
            not text[:start].strip(_LEAD) or text[start - 1] in _BEFORE or _after_date(text, start)
        )
        strong = len(label) >= 4 and not lex.LABELS[label].generic if label else False
        if label and (separated or strong or any(f[2] for f in found)):
            found.append((start, pos + 1, label))
        elif separated and found and pos - start <= 6:
            found.append((start, pos + 1, ""))  # 字体: — not a field, but a stop
    return found


def _label_before(text: str, colon: int) -> tuple[int, str] | None:
    """Return the start and folded form of the known label that ends before *colon*.

    Labels may hold spaces between their characters (索 引 号, 标　　题), but
    evenly: a longer label that would take in the end of a value is refused.
    Without a known label, return the start of the Han word before the colon
    with an empty label, or None when there is none.
    """
    end = colon
    while end > 0 and text[end - 1] in _SPACE:
        end -= 1
    chars: list[int] = []  # positions of the label characters, last first
    pos = end - 1
    while pos >= 0 and len(chars) < _LONGEST_LABEL + 2:
        char = text[pos]
        if char in _SPACE:
            gap = 0
            while pos >= 0 and text[pos] in _SPACE and gap <= 4:
                pos -= 1
                gap += 1
            if gap > 4 or pos < 0 or not _is_label_char(text[pos]):
                break
            continue
        if not _is_label_char(char):
            break
        chars.append(pos)
        pos -= 1
    if not chars:
        return None
    for size in range(min(len(chars), _LONGEST_LABEL), 1, -1):
        picked = chars[:size][::-1]
        label = "".join(text[i] for i in picked)
        if label in lex.LABELS and _even_gaps(picked):
            return picked[0], label
    return chars[min(len(chars), 6) - 1], ""


def _after_date(text: str, start: int) -> bool:
    """Return whether a date (and a time) ends right at *start*: ``07时41分来源:``."""
    found = search_date(text, max(0, start - 24), start, with_time=True)
    return found is not None and found[1].end == start


def _is_label_char(char: str) -> bool:
    return char == "/" or "\u4e00" <= char <= "\u9fff"


def _even_gaps(positions: list[int]) -> bool:
    """Return whether the characters of a label are all adjacent or all spaced."""
    gaps = [b - a > 1 for a, b in itertools.pairwise(positions)]
    return all(gaps) or not any(gaps)


def _bracket_labels(text: str) -> list[tuple[int, int, str]]:
    """Return the labels printed in brackets, without colons: ``【发布单位】某局``."""
    found = []
    for match in _BRACKET_LABEL.finditer(text):
        label = "".join(match.group("label").split())
        if label in lex.LABELS:
            found.append((match.start(), match.end(), label))
    return found


# --- labels in cells ---------------------------------------------------------------------


def _cell_labels(text: str) -> list[tuple[int, int, str]]:
    """Return the labels of a row of cells (bars, tabs, runs of spaces), no colons.

    The row must begin with a label; a cell ``索引号 0024…`` holds a label and
    its value separated by one space.
    """
    cells: list[tuple[int, int]] = []
    pos = 0
    for brk in _CELL_BREAK.finditer(text):
        if brk.start() > pos:
            cells.append((pos, brk.start()))
        pos = brk.end()
    if pos < len(text):
        cells.append((pos, len(text)))
    found: list[tuple[int, int, str]] = []
    for start, end in cells:
        label = "".join(text[start:end].split())
        if label in lex.LABELS:
            found.append((start, end, label))
            continue
        word = text[start:end].split(" ", 1)[0]
        strong = word in lex.LABELS and not lex.LABELS[word].generic
        if not found and start == cells[0][0] and strong:
            found.append((start, start + len(word), word))
    if found and found[0][0] != cells[0][0]:
        return []
    return found


# --- values ------------------------------------------------------------------------------


def _with_values(
    text: str, labels: list[tuple[int, int, str]], *, long_line: bool
) -> list[FieldHit]:
    hits: list[FieldHit] = []
    for k, (start, sep_end, label) in enumerate(labels):
        if not label:
            continue
        stop = labels[k + 1][0] if k + 1 < len(labels) else len(text)
        if start > 0 and text[start - 1] == "【":
            close = text.find("】", sep_end, stop)
            stop = close if close != -1 else stop
        if long_line and k + 1 == len(labels):
            stop = _first_break(text, sep_end, stop)
        vstart, vend = _trim(text, sep_end, stop)
        bracket = text.find("【", vstart + 1, vend)
        if bracket != -1 and lex.LABELS[label].key != "title":
            vstart, vend = _trim(text, vstart, bracket)  # 四川日报【字体:大
        if k + 1 < len(labels) and vend - vstart > 1 and text[vend - 1] in "-•·*":
            vend -= 1  # the bullet of the next field: XM02104-0200-2020-00002- 备注/文号:
        hits.append(FieldHit(label, start, sep_end, vstart, vend, text[vstart:vend]))
    return hits


def _first_break(text: str, start: int, stop: int) -> int:
    """Return where the value of the last field of a long line ends: a blank or a 。."""
    match = _VALUE_BREAK.search(text, start + 1, stop)
    return stop if match is None else match.start() + 1


def _trim(text: str, start: int, stop: int) -> tuple[int, int]:
    """Return the value's bounds without blanks, bars and unbalanced brackets around it."""
    while start < stop and (text[start] in _TRIM or text[start] == "】"):
        start += 1
    while stop > start and text[stop - 1] in _TRIM + "【":
        stop -= 1
    if stop > start and text[stop - 1] == "】" and "【" not in text[start:stop]:
        stop -= 1
        while stop > start and text[stop - 1] in _TRIM:
            stop -= 1
    return start, stop


def accepts_value(key: str, text: str) -> bool:
    """Return whether *text*, on a line of its own, may be the value of a field *key*.

    A value printed under its label must look like one: an index number has
    digits, a 文号 parses, a date is a date, a count is digits; no value is a
    paragraph, a heading or a title naming a document type.

    >>> accepts_value("date_written", "2023-01-16"), accepts_value("source", "某县2023年工作总结")
    (True, False)
    """
    if is_empty_value(text):
        return True
    kind = classify(text)
    if len(text) > 100 or kind in _NO_VALUE or kind == "noise":
        return False
    if key == "index_number":
        return any(c.isdigit() for c in text) and len(text) <= 60 and not _has_han(text, 4)
    if key == "doc_number":
        return _parses_as_number(text)
    if key.startswith("date"):
        found = search_date(text)
        return found is not None and found[1].start == 0
    if key == "title":
        return True
    if key == "views":
        return text.isdigit()
    if key in {"publisher", "office"} and is_organ(text):
        return True
    return len(text) <= 40 and type_of(fold(text)) is None and kind not in {"date", "org_date"}


def _has_han(text: str, count: int) -> bool:
    return sum("\u4e00" <= c <= "\u9fff" for c in text) >= count


def _parses_as_number(text: str) -> bool:
    try:
        parse_doc_number(text)
    except GovplanError:
        return False
    return True
