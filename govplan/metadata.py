"""Read what describes a document rather than its body: header, title, type, byline, signature.

:func:`read_metadata` looks only at the head of the text (the lines before
the first outline heading, at most :data:`HEAD_LINES`) and at its tail (the
last :data:`~govplan.signature.TAIL_LINES` lines), so its cost does not grow
with the body.

- **Header fields**: disclosure-catalogue labels such as ``索 引 号``,
  ``备注/文号``, ``发布机构``, ``公文生成日期``, with ``:``, ``：`` or a table
  bar before the value; a value may stand on the next line; ``无`` or an
  empty value gives None.  Generic labels (``来源``, ``时间``) count only in
  the header block above the first paragraph.
- **Title**: the first title-like line of the header block, joined with the
  next line when the title wraps (``…上半年工作总结`` / ``和下半年工作计划``,
  ``湖里区教育局`` / ``关于印发…的通知``), printed once even when the page
  repeats it.  Values and titles are sliced from the original text.
- **Type and period** come from the title; a notice that 印发 a plan has the
  type of the plan.
- **Signature**: an organ name and a date on the lines after a paragraph,
  at the end of the text or before the body (a notice followed by the
  plan it issues), or around an attachment (附件); read by
  :mod:`govplan.signature`.

>>> from govplan.normalize import normalize
>>> text = "\\n".join(["- 索 引 号:XM02104-0200-2020-00002", "- 发布机构:某区教育局",
...     "某区教育局", "关于印发2020年工作要点的通知", "各学校:", "现将要点印发给你们。",
...     "某区教育局", "2020年7月2日", "一、总体要求"])
>>> info = read_metadata(normalize(text), body_start=text.index("一、"))
>>> info.title, info.doc_type, info.metadata.publisher
('某区教育局关于印发2020年工作要点的通知', '工作要点', '某区教育局')
>>> info.signature.issuer, info.signature.date.isoformat()
('某区教育局', '2020-07-02')
"""

from __future__ import annotations

import datetime
from typing import Final

import attrs
import regex

from govplan import _metadata_lexicon as lex
from govplan._lines import (
    BYLINE,
    Line,
    classify,
    lines_from,
    original,
    source_slice,
    source_span,
    to_normalized,
)
from govplan.dates import search_date
from govplan.docnumbers import parse_doc_number
from govplan.errors import GovplanError
from govplan.model import Byline, DocNumber, Field, Metadata, Signature, Span
from govplan.normalize import Normalized
from govplan.signature import TAIL_LINES, find_signature, signature_at

__all__ = ["HEAD_LINES", "TAIL_LINES", "DocumentInfo", "doc_type_of", "read_metadata"]

#: How many lines at the start of a text are read for the header and title.
HEAD_LINES: Final = 40


@attrs.frozen(kw_only=True)
class DocumentInfo:
    """What :func:`read_metadata` found: title, type, header metadata and signature.

    >>> DocumentInfo(title=None, doc_type=None, metadata=Metadata(), signature=None).title is None
    True
    """

    title: str | None
    doc_type: str | None
    metadata: Metadata
    signature: Signature | None


# --- patterns ------------------------------------------------------------------------

# A label-shaped token (looked up in the label table afterwards: one small
# pattern compiles faster than an alternation of every label).
_FIELD: Final[regex.Pattern[str]] = regex.compile(
    r"""
    (?:^[\s|【\[]{0,8}+(?:[-•·*][ \t]{0,3})?   # at the line start, after bars or a bullet
      | (?<=[\s|】\]]))                      # or after a space or a table bar
    (?P<label>\p{Han}(?:[ \t]{0,3}[\p{Han}/]){1,7})   # 索 引 号, 备注/文号
    [ \t]{0,3}(?:[:∶︰]|\||$)                # then a colon, a table bar or the line end
    """,
    regex.VERBOSE,
)

_PERIOD: Final[regex.Pattern[str]] = regex.compile(
    r"""
    (?:\d{4}|20[xX]{2})                         # 2019 / 20xx
    (?:[ ]?[-—~至到][ ]?\d{4})?                 # -2025
    [ ]?年度?
    (?:上半年|下半年|第?[一二三四1-4]季度|\d{1,2}月份?)?
    """,
    regex.VERBOSE,
)

_LONG_FIELD_LINE: Final = 400


# --- public ----------------------------------------------------------------------------


def read_metadata(norm: Normalized, *, body_start: int | None = None) -> DocumentInfo:
    """Return the title, type, header metadata and signature of a normalised text.

    *body_start* is the original offset of the first outline heading, or None
    when the text has none; the header and title are looked for before it.

    >>> from govplan.normalize import normalize
    >>> info = read_metadata(normalize("構(gòu)建良好教育生態(tài)\\n臨縣縣委書記 李雙會\\n正文。"))
    >>> info.title, info.doc_type, info.metadata.byline.name
    ('構(gòu)建良好教育生態(tài)', None, '李雙會')
    >>> read_metadata("text")
    Traceback (most recent call last):
    ...
    TypeError: norm must be a Normalized text, not str
    """
    if not isinstance(norm, Normalized):
        raise TypeError(f"norm must be a Normalized text, not {type(norm).__name__}")
    limit = len(norm.text) if body_start is None else to_normalized(norm, body_start)
    head = lines_from(norm.text, 0, limit, HEAD_LINES)
    reader = _HeadReader(norm)
    reader.read(head)
    ntitle = "".join(line.text for line in reader.title) or reader.title_field
    fields = tuple(reader.fields)
    title = "".join(original(norm, line) for line in reader.title) or None
    title = title or _field_value(fields, "title")
    metadata = Metadata(
        index_number=_field_value(fields, "index_number"),
        doc_number=_doc_number(fields, reader, ntitle),
        publisher=_field_value(fields, "publisher"),
        date=_header_date(fields) or reader.header_date,
        fields=fields,
        period=_period(ntitle),
        byline=reader.byline,
    )
    head_end = head[-1].end if head else 0
    signature = reader.signature or find_signature(norm, floor=head_end)
    return DocumentInfo(
        title=title,
        doc_type=doc_type_of(ntitle) if ntitle else None,
        metadata=metadata,
        signature=signature,
    )


def doc_type_of(title: str) -> str | None:
    """Return the document type a (simplified) title names, or None.

    A title naming a summary and then a plan is a ``总结和计划``; a notice
    that issues (印发, 转发) a text has the type of that text.

    >>> doc_type_of("阳山县教育局2019年上半年工作总结和下半年工作计划")
    '总结和计划'
    >>> doc_type_of("湖里区教育局关于印发2020年工作要点的通知")
    '工作要点'
    >>> doc_type_of("关于开展安全检查的通知"), doc_type_of("构建良好教育生态") is None
    ('通知', True)
    """
    compact = "".join(title.split())
    for verb in lex.ISSUING_VERBS:
        at = compact.find(verb)
        if at != -1:
            inner = _type_of(compact[at + len(verb) :].removesuffix("的通知"))
            if inner is not None and inner != "通知":
                return inner
    return _type_of(compact)


# --- the head: header fields, title, byline, a notice's signature ----------------------


class _HeadReader:
    """Walk the head lines once, keeping what they hold."""

    def __init__(self, norm: Normalized) -> None:
        self.norm = norm
        self.fields: list[Field] = []
        self.title: list[Line] = []
        self.title_open = True
        self.in_header = True
        self.byline: Byline | None = None
        self.header_date: datetime.date | None = None
        self.doc_number_line: Line | None = None
        self.signature: Signature | None = None
        self.title_field = ""  # the normalised value of a 标题 field

    def read(self, lines: list[Line]) -> None:
        previous: list[Line] = []
        i = 0
        while i < len(lines):
            line = lines[i]
            i += 1
            if not line.text:
                continue
            matches = _field_matches(line.text)
            if matches:
                i += self._fields(line, matches, lines[i:])
                self.title_open = self.title_open and not self.title
                continue
            kind = classify(line.text)
            if kind == "noise":
                continue
            self._line(line, kind, previous)
            previous.append(line)

    def _line(self, line: Line, kind: str, previous: list[Line]) -> None:
        if kind in {"paragraph", "salutation", "heading"}:
            self.in_header = False
            self.title_open = False
        elif kind in {"date", "org_date"}:
            if self.title:
                self.title_open = False
            if self.in_header and kind == "date":
                found = search_date(line.text)
                self.header_date = self.header_date or (found[0] if found else None)
            elif not self.in_header and self.signature is None:
                self.signature = signature_at(self.norm, line, previous)
        elif not self.in_header:
            return
        elif kind == "doc_number":
            self.doc_number_line = self.doc_number_line or line
        elif kind == "byline":
            self.byline = self.byline or _byline(self.norm, line)
            self.title_open = False
        elif kind == "subtitle":
            self.title_open = self.title_open and not self.title
        elif kind == "title":
            self._title_line(line)

    def _title_line(self, line: Line) -> None:
        if not self.title:
            self.title = [line]
            return
        so_far = "".join(part.text for part in self.title)
        folded = _fold(line.text)
        if folded == _fold(so_far) or any(folded == _fold(p.text) for p in self.title):
            return  # the page prints the title twice
        if self.title_open and folded.startswith(_fold(so_far)) and _type_of(so_far) is None:
            self.title = [line]  # a site or organ name, then the full title
        elif self.title_open and _joins(so_far, line.text):
            self.title.append(line)
        else:
            self.title_open = False

    def _fields(self, line: Line, matches: list[regex.Match[str]], rest: list[Line]) -> int:
        """Record the fields of *line*; return how many following lines they used."""
        used = 0
        for k, match in enumerate(matches):
            label = _fold(match.group("label"))
            entry = lex.LABELS[label]
            if entry.generic and not self.in_header:
                continue
            stop = matches[k + 1].start() if k + 1 < len(matches) else len(line.text)
            vstart, vend = _trim(line.text, match.end(), stop)
            value_line = line
            if vstart == vend and k + 1 == len(matches):
                follower = _value_line(rest)
                if follower is not None:
                    value_line, vstart, vend, used = follower, 0, len(follower.text), 1
            self.fields.append(self._field(label, line, match, value_line, vstart, vend))
            if entry.key == "title" and not self.title_field:
                self.title_field = value_line.text[vstart:vend]
        return used

    def _field(
        self,
        label: str,
        line: Line,
        match: regex.Match[str],
        vline: Line,
        vstart: int,
        vend: int,
    ) -> Field:
        start = line.start + match.start("label")
        if vstart == vend:
            return Field(
                label=label,
                value=None,
                span=source_span(self.norm, start, line.start + match.end()),
            )
        value_span = source_span(self.norm, vline.start + vstart, vline.start + vend)
        value = self.norm.source[value_span.start : value_span.end].strip()
        return Field(
            label=label,
            value=None if value in lex.EMPTY_VALUES else value,
            span=Span(self.norm.to_original(start), value_span.end),
        )


def _field_matches(text: str) -> list[regex.Match[str]]:
    """Return the matches of the known labels of a line whose first word is one."""
    if len(text) > _LONG_FIELD_LINE:
        return []
    first = _FIELD.match(text)
    if first is None or _fold(first.group("label")) not in lex.LABELS:
        return []
    return [m for m in _FIELD.finditer(text) if _fold(m.group("label")) in lex.LABELS]


def _trim(text: str, start: int, stop: int) -> tuple[int, int]:
    piece = text[start:stop]
    left = start + len(piece) - len(piece.lstrip(" \t|"))
    return left, max(left, stop - (len(piece) - len(piece.rstrip(" \t|"))))


def _value_line(rest: list[Line]) -> Line | None:
    """Return the line that holds the value of a label printed alone, if any."""
    for line in rest[:1]:
        text = line.text
        if not text or _field_matches(text) or len(text) > 40:
            return None
        if classify(text) in {"noise", "paragraph", "salutation", "heading"}:
            return None
        return line
    return None


# --- titles --------------------------------------------------------------------------


def _joins(title: str, nxt: str) -> bool:
    """Return whether *nxt* continues the title *title* wrapped over two lines."""
    if len(title) + len(nxt) > 100:
        return False
    if nxt.startswith(lex.CONNECTOR_STARTS) or title.endswith(lex.CONNECTOR_ENDS):
        return True
    return _type_of(title) is None and _type_of(nxt) is not None


def _fold(text: str) -> str:
    return "".join(text.split())


# --- helpers ---------------------------------------------------------------------------


def _field_value(fields: tuple[Field, ...], key: str) -> str | None:
    for field in fields:
        if lex.LABELS[field.label].key == key and field.value is not None:
            return field.value
    return None


def _doc_number(fields: tuple[Field, ...], reader: _HeadReader, ntitle: str) -> DocNumber | None:
    candidates = [f.value for f in fields if lex.LABELS[f.label].key == "doc_number" and f.value]
    if reader.doc_number_line is not None:
        candidates.append(original(reader.norm, reader.doc_number_line))
    if any(c in ntitle for c in "〔[【﹝"):
        candidates.append(ntitle)
    for text in candidates:
        try:
            return parse_doc_number(text)
        except GovplanError:
            continue
    return None


def _header_date(fields: tuple[Field, ...]) -> datetime.date | None:
    for key in lex.DATE_KEYS:
        for field in fields:
            if lex.LABELS[field.label].key == key and field.value is not None:
                found = search_date(field.value, with_time=True)
                if found is not None and found[1].start == 0:
                    return found[0]
    return None


def _period(title: str) -> str | None:
    match = _PERIOD.search(title)
    return match.group() if match else None


def _type_of(text: str) -> str | None:
    """Return the type named by the rightmost (then longest) type word of *text*."""
    best: tuple[int, int, str] | None = None
    for word, kind in lex.DOC_TYPES:
        at = text.rfind(word)
        if at != -1:
            candidate = (at + len(word), len(word), kind)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    if best is None:
        return None
    if best[2] in lex.SUMMARY_PLAN_TYPES:
        summary = max(text.rfind(word, 0, best[0]) for word in lex.SUMMARY_WORDS)
        if summary != -1 and any(text.find(w, summary + 2) != -1 for w in lex.PLAN_WORDS):
            return "总结和计划"
    return best[2]


def _byline(norm: Normalized, line: Line) -> Byline | None:
    match = BYLINE.match(line.text)
    if match is None:
        return None
    at = line.start
    return Byline(
        text=original(norm, line),
        position=source_slice(norm, at + match.start("position"), at + match.end("position")),
        name=source_slice(norm, at + match.start("name"), at + match.end("name")),
        span=source_span(norm, line.start, line.end),
    )
