"""Walk the head of a document once: header fields, title, byline, occasion, a notice's signature.

:class:`HeadReader` is the state of :func:`govplan.metadata.read_metadata`
while it reads the lines before the body; it keeps positions in normalised
coordinates and slices what it keeps from the original text.

>>> from govplan._lines import head_lines
>>> from govplan.segments import segment_text
>>> layer = segment_text("2025年某市政府工作报告\\n——2025年1月10日在某市人民代表大会上\\n市长 李某")
>>> reader = HeadReader(layer)
>>> reader.read(head_lines(layer, len(layer.text), 9))
>>> reader.occasion_date.isoformat(), reader.byline.name
('2025-01-10', '李某')
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Final

from govplan import _metadata_lexicon as lex
from govplan._fields import FieldHit, accepts_value, is_empty_value, scan_fields
from govplan._lines import (
    BLANKS,
    BYLINE,
    TOOLBAR,
    Line,
    classify,
    original,
    source_slice,
    source_span,
)
from govplan._speech import glued_parts, says_work_report, speaker_name
from govplan._titles import (
    fold,
    leading_title,
    splits_type_word,
    title_bounds,
    toc_key,
    type_of,
)
from govplan.dates import search_date
from govplan.model import Byline, Field, Signature, Span
from govplan.segments import TextLayer
from govplan.signature import signature_at

__all__ = ["HeadReader"]

_ENDS_HEADER: Final = frozenset({"paragraph", "salutation", "heading"})
_LEAD: Final = " \t|•·*-—[]【】()"
_LONGEST_TOC: Final = 40
# The kinds of a line that may hold several lines glued together.
_MAY_BE_GLUED: Final = frozenset({"title", "paragraph", "other", "subtitle", "salutation"})
# How many lines of text are read after the header ends (a notice's signature stands there).
_AFTER_HEADER: Final = 12


class HeadReader:
    """Read the head lines of a text layer once, keeping what they hold."""

    def __init__(self, layer: TextLayer) -> None:
        self.layer = layer
        self.norm = layer.norm
        self.fields: list[Field] = []
        self.title: list[tuple[int, int]] = []  # normalised pieces of the title
        self.title_open = True
        self.in_header = True
        self.seen_text = False
        self.byline: Byline | None = None
        self.header_date: datetime.date | None = None
        self.occasion_date: datetime.date | None = None
        self.occasion_seen = False  # an occasion line, dated or not: the text is a speech
        self.doc_number_line: tuple[int, int] | None = None
        self.signature: Signature | None = None
        self.title_field: tuple[str, str] | None = None  # (normalised, original) value
        self.toc: set[str] | None = None  # the entries of an open table of contents
        self.says_report = False
        self.author: str | None = None  # the byline's name, normalised, without spaces
        self.previous: list[Line] = []

    def read(self, lines: Sequence[Line]) -> None:
        """Read *lines* (stripped lines of the layer, in order).

        Reading stops a few lines after the header has ended: what comes
        later is body.
        """
        i = after = 0
        while i < len(lines) and after <= _AFTER_HEADER:
            line = lines[i]
            i += 1
            if not line.text:
                continue
            after += not self.in_header and self.toc is None
            used = self._fields(line, lines[i:])
            i += self._take(line, lines[i:]) if used is None else used

    def _take(self, line: Line, rest: Sequence[Line], *, whole: bool = True) -> int:
        """Take in one non-field line (or a part of one); return the following lines it used.

        A line of the header that lost its line breaks is taken part by part.
        """
        toolbar = TOOLBAR.match(line.text)
        if toolbar is not None and 0 < toolbar.end() < len(line.text):
            line = _part(line, toolbar.end(), len(line.text))  # 打印【字号:大 中 小】政府工作报告
        elif whole and self.layer.is_noise(line.start):
            return 0
        kind = classify(line.text)
        if whole and self.in_header and kind in _MAY_BE_GLUED:
            parts = glued_parts(line.text)
            if len(parts) > 1:
                return sum(self._take(_part(line, a, b), rest, whole=False) for a, b in parts)
        if kind == "noise" or (self.toc is not None and self._toc_entry(self.toc, line, kind)):
            return 0
        used = self._line(line, kind, rest)
        self.previous.append(line)
        return used

    # --- one line ----------------------------------------------------------------------

    def _line(self, line: Line, kind: str, rest: Sequence[Line]) -> int:
        """Take in one classified line; return how many following lines it used."""
        if kind in _ENDS_HEADER:
            if kind == "paragraph":
                self._paragraph(line)
            self.in_header = self.title_open = False
            self.seen_text = True
        elif kind == "occasion":
            self.occasion_seen = True
            found = search_date(line.text)
            self.occasion_date = self.occasion_date or (found[0] if found else None)
            self.title_open = self.title_open and not self.title
        elif kind in {"date", "org_date"}:
            self._dated(line, kind)
        elif not self.in_header:
            return 0
        elif kind == "doc_number":
            self.doc_number_line = self.doc_number_line or (line.start, line.end)
        elif kind == "byline":
            if self.byline is None:
                self.byline, self.author = _byline(self, line)
            self.title_open = False
        elif kind == "position":
            return self._two_line_byline(line, rest)
        elif kind == "subtitle":
            self.title_open = self.title_open and not self.title
        elif kind == "toc":
            self.toc = set()
        elif kind == "title":
            self._title_line(line)
        elif kind == "other":
            self._other_line(line)
        return 0

    def _paragraph(self, line: Line) -> None:
        self.says_report = self.says_report or says_work_report(line.text)
        if self.title_field is not None or (self.seen_text and not self.title_open):
            return
        bounds = leading_title(line.text)  # a title glued onto the first paragraph
        if bounds is None:
            return
        piece = (line.start + bounds[0], line.start + bounds[1])
        if not self.title:
            self.title = [piece]
        elif _joins(self._so_far(), self.norm.text[piece[0] : piece[1]]):
            self.title.append(piece)  # the second line of a wrapped title

    def _dated(self, line: Line, kind: str) -> None:
        if self.title:
            self.title_open = False
        if self.in_header and kind == "date":
            found = search_date(line.text)
            self.header_date = self.header_date or (found[0] if found else None)
        elif not self.in_header and self.signature is None:
            self.signature = signature_at(self.norm, line, self.previous, author=self.author)

    def _toc_entry(self, toc: set[str], line: Line, kind: str) -> bool:
        """Return whether *line* is an entry of the open table of contents *toc*.

        The table ends at a line that repeats one of its entries (the title of
        the first part), at a paragraph or a date, or after many entries.
        """
        key = toc_key(line.text)
        closing = kind in {"paragraph", "date", "org_date", "occasion", "salutation"}
        if closing or key in toc or len(toc) >= _LONGEST_TOC:
            self.toc = None
            return False
        if key:
            toc.add(key)
        return True

    # --- titles ------------------------------------------------------------------------

    def _so_far(self) -> str:
        return "".join(self.norm.text[a:b] for a, b in self.title)

    def _title_line(self, line: Line) -> None:
        start, end = title_bounds(line.text)
        text = line.text[start:end]
        piece = (line.start + start, line.start + end)
        if not text:
            return
        self.seen_text = True
        if not self.title:
            self.title = [piece]
            return
        so_far = self._so_far()
        folded = fold(text)
        pieces = [fold(self.norm.text[a:b]) for a, b in self.title]
        if folded == fold(so_far) or folded in pieces:
            return  # the page prints the title twice
        if self.title_open and folded.startswith(fold(so_far)) and type_of(so_far) is None:
            self.title = [piece]  # a site or organ name, then the full title
        elif self.title_open and _joins(so_far, text):
            self.title.append(piece)
        elif type_of(fold(so_far)) is None and type_of(folded) is not None:
            self.title, self.title_open = [piece], True  # a menu item, then the real title
        else:
            self.title_open = False

    def _other_line(self, line: Line) -> None:
        """Join a short line that ends a type word the title line broke off (报 / 告)."""
        if self.title and self.title_open and splits_type_word(self._so_far(), line.text):
            self.title.append((line.start, line.end))

    # --- bylines -----------------------------------------------------------------------

    def _two_line_byline(self, line: Line, rest: Sequence[Line]) -> int:
        """Read a position line followed by a name line; return the lines used."""
        for used, follower in enumerate(rest[:2], start=1):
            if not follower.text:
                continue
            name = speaker_name(follower.text)
            if name is None:
                return 0
            if self.byline is None:
                self.author = name
                span = source_span(self.norm, line.start, follower.end)
                self.byline = Byline(
                    text=self.norm.source[span.start : span.end],
                    position=original(self.norm, line),
                    name="".join(original(self.norm, follower).split()),
                    span=span,
                )
            self.title_open = False
            return used
        return 0

    # --- header fields -----------------------------------------------------------------

    def _fields(self, line: Line, rest: Sequence[Line]) -> int | None:
        """Record the fields of *line*; return how many lines they used, None if none."""
        hits = scan_fields(line.text)
        if not hits or not self._field_line(line, hits[0]):
            return None
        used = 0
        for k, hit in enumerate(hits):
            entry = lex.LABELS[hit.label]
            if entry.generic and not self.in_header:
                continue
            span = (line.start + hit.value_start, line.start + hit.value_end)
            if hit.value_start == hit.value_end and k + 1 == len(hits):
                follower = self._value_after(entry.key, rest)
                if follower is not None:
                    used, value_line = follower
                    span = (value_line.start, value_line.end)
            elif k + 1 == len(hits):
                span = self._glued_after(entry.key, span)
            self._record(hit, line.start + hit.start, line.start + hit.end, span)
        return used

    def _glued_after(self, key: str, span: tuple[int, int]) -> tuple[int, int]:
        """Return the value of a line's last field, cut where a glued-on line starts.

        A date value ends after its date and time; what follows it
        (``2022年11月10日东岗区人民政府关于…的通知``) is read as a line.
        """
        if not key.startswith("date"):
            return span
        text = self.norm.text[span[0] : span[1]]
        found = search_date(text, with_time=True)
        if found is None or found[1].start != 0 or found[1].end == len(text):
            return span
        cut = span[0] + found[1].end
        tail = _part(Line(span[0], span[1], text), found[1].end, len(text))
        if tail.text and classify(tail.text) in {"title", "noise", "other"}:
            self._take(tail, ())
            return span[0], cut
        return span

    def _field_line(self, line: Line, first: FieldHit) -> bool:
        """Return whether a line whose first label is *first* is a line of fields.

        Text before the first label is allowed when it is a date (a page's
        time stamp before ``来源:``), which is then the header date, or, in
        the header, the title the fields were glued onto.
        """
        before = line.text[: first.start]
        prefix = before.strip(_LEAD)
        if not prefix:
            return True
        kind = classify(prefix)
        if kind == "date":
            if self.in_header and self.header_date is None:
                found = search_date(prefix)
                self.header_date = found[0] if found else None
            return True
        if kind == "title" and self.in_header and not self.title:
            left = line.start + len(before) - len(before.lstrip(_LEAD))
            self._title_line(Line(left, left + len(prefix), prefix))
            return True
        return False

    def _value_after(self, key: str, rest: Sequence[Line]) -> tuple[int, Line] | None:
        """Return the line under a label printed alone that holds its value, if any."""
        for used, follower in enumerate(rest[:4], start=1):
            if not follower.text:
                continue
            if scan_fields(follower.text) or not accepts_value(key, follower.text):
                return None
            return used, follower
        return None

    def _record(self, hit: FieldHit, start: int, sep_end: int, value: tuple[int, int]) -> None:
        norm = self.norm
        if value[0] == value[1]:
            field = Field(label=hit.label, value=None, span=source_span(norm, start, sep_end))
        else:
            vspan = source_span(norm, *value)
            text = norm.source[vspan.start : vspan.end].strip()
            nvalue = norm.text[value[0] : value[1]]
            empty = is_empty_value(nvalue)
            field = Field(
                label=hit.label,
                value=None if empty else text,
                span=Span(norm.to_original(start), vspan.end),
            )
            if lex.LABELS[hit.label].key == "title" and not empty and self.title_field is None:
                self.title_field = (nvalue, text)
        self.fields.append(field)


def _part(line: Line, start: int, end: int) -> Line:
    """Return the stripped part ``[start, end)`` of *line* as a line of its own."""
    raw = line.text[start:end]
    text = raw.strip(BLANKS)
    left = line.start + start + len(raw) - len(raw.lstrip(BLANKS))
    return Line(left, left + len(text), text)


def _joins(title: str, nxt: str) -> bool:
    """Return whether *nxt* continues the title *title* wrapped over two lines."""
    if len(title) + len(nxt) > 100:
        return False
    if nxt.startswith(lex.CONNECTOR_STARTS) or title.endswith(lex.CONNECTOR_ENDS):
        return True
    if splits_type_word(title, nxt):
        return True
    return type_of(title) is None and type_of(nxt) is not None


def _byline(reader: HeadReader, line: Line) -> tuple[Byline | None, str | None]:
    """Return the byline of a byline line and its normalised name, spaces dropped."""
    match = BYLINE.match(line.text)
    if match is None:
        return None, None
    norm, at = reader.norm, line.start
    name = source_slice(norm, at + match.start("name"), at + match.end("name"))
    byline = Byline(
        text=original(norm, line),
        position=source_slice(norm, at + match.start("position"), at + match.end("position")),
        name="".join(name.split()),
        span=source_span(norm, line.start, line.end),
    )
    return byline, fold(match.group("name"))
