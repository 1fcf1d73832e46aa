"""Read what describes a document rather than its body: header, title, type, byline, signature.

:func:`read_metadata` looks only at the head of the text (the lines before
the first outline heading, at most :data:`HEAD_LINES`) and at its tail (the
last :data:`TAIL_LINES` lines), so its cost does not grow with the body.

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
  plan it issues), or around an attachment (附件).

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

import bisect
import datetime
from typing import Final, NamedTuple

import attrs
import regex

from govplan import _metadata_lexicon as lex
from govplan.dates import search_date
from govplan.docnumbers import parse_doc_number
from govplan.errors import GovplanError
from govplan.model import Byline, DocNumber, Field, Metadata, Signature, Span
from govplan.normalize import Normalized, is_noise_line

__all__ = ["HEAD_LINES", "TAIL_LINES", "DocumentInfo", "doc_type_of", "read_metadata"]

#: How many lines at the start of a text are read for the header and title.
HEAD_LINES: Final = 40
#: How many lines at the end of a text are read for the signature.
TAIL_LINES: Final = 30


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

_BYLINE: Final[regex.Pattern[str]] = regex.compile(
    rf"""
    ^(?P<position>\p{{Han}}{{0,20}}(?:{"|".join(lex.BYLINE_POSITIONS)}))   # 临县县委书记
    [ \t]{{1,6}}
    (?P<name>\p{{Han}}{{2,4}})$                                             # 李双会
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

_ATTACHMENT: Final[regex.Pattern[str]] = regex.compile(
    r"""
    ^[ \t]{0,8}附件                          # 附件 at the start of a line
    [ \t]{0,2}[\d一二三四五六七八九十]{0,2}    # 附件1 / 附件一
    [ \t]{0,2}(?::|$)                        # then a colon or the line end
    """,
    regex.VERBOSE | regex.MULTILINE,
)

# A year and month without a day: the date of a signature that is not a full date.
_MONTH: Final[regex.Pattern[str]] = regex.compile(
    r"""
    (?:\d{4}|[〇零○O一二三四五六七八九]{4})[ ]?年    # 2021年 / 二〇二一年
    [ ]?(?:\d{1,2}|十?[一二三四五六七八九十])[ ]?月   # 12月 / 十二月
    份?$
    """,
    regex.VERBOSE,
)

_HAN: Final[regex.Pattern[str]] = regex.compile(r"\p{Han}")
_PARAGRAPH_MARKS: Final = "。!?;！？；"
_LONG_LINE: Final = 80
_LONG_FIELD_LINE: Final = 400


class _Line(NamedTuple):
    """One stripped line of the normalised text: ``text == norm.text[start:end]``."""

    start: int
    end: int
    text: str


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
    limit = len(norm.text) if body_start is None else _to_normalized(norm, body_start)
    head = _lines_from(norm.text, 0, limit, HEAD_LINES)
    reader = _HeadReader(norm)
    reader.read(head)
    ntitle = "".join(line.text for line in reader.title) or reader.title_field
    fields = tuple(reader.fields)
    title = "".join(_original(norm, line) for line in reader.title) or None
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
    signature = reader.signature or _tail_signature(norm, head_end)
    if signature is None:
        signature = _attachment_signature(norm, head_end)
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
        self.title: list[_Line] = []
        self.title_open = True
        self.in_header = True
        self.byline: Byline | None = None
        self.header_date: datetime.date | None = None
        self.doc_number_line: _Line | None = None
        self.signature: Signature | None = None
        self.title_field = ""  # the normalised value of a 标题 field

    def read(self, lines: list[_Line]) -> None:
        previous: list[_Line] = []
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
            kind = _classify(line.text)
            if kind == "noise":
                continue
            self._line(line, kind, previous)
            previous.append(line)

    def _line(self, line: _Line, kind: str, previous: list[_Line]) -> None:
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
                self.signature = _signature(self.norm, line, previous)
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

    def _title_line(self, line: _Line) -> None:
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

    def _fields(self, line: _Line, matches: list[regex.Match[str]], rest: list[_Line]) -> int:
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
        line: _Line,
        match: regex.Match[str],
        vline: _Line,
        vstart: int,
        vend: int,
    ) -> Field:
        start = line.start + match.start("label")
        if vstart == vend:
            return Field(
                label=label,
                value=None,
                span=_source_span(self.norm, start, line.start + match.end()),
            )
        value_span = _source_span(self.norm, vline.start + vstart, vline.start + vend)
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


def _value_line(rest: list[_Line]) -> _Line | None:
    """Return the line that holds the value of a label printed alone, if any."""
    for line in rest[:1]:
        text = line.text
        if not text or _field_matches(text) or len(text) > 40:
            return None
        if _classify(text) in {"noise", "paragraph", "salutation", "heading"}:
            return None
        return line
    return None


# --- line classes ----------------------------------------------------------------------


def _classify(text: str) -> str:
    """Return what a stripped, non-empty, normalised line is."""
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
        if _is_organ(text[: found[1].start]):
            return "org_date"
    if text.endswith(("号", "號")) and len(text) <= 40 and _is_doc_number(text):
        return "doc_number"
    if _BYLINE.match(text):
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


def _is_organ(text: str) -> bool:
    """Return whether *text* is one or more organ names (a signature's issuer)."""
    names = text.split()
    if not names or len(text) > 60:
        return False
    for name in names:
        if len(name) < 2 or not _HAN.match(name) or not name.endswith(lex.ORGAN_SUFFIXES):
            return False
        if any(c in name for c in ",。;:!?、“”《》") or any(c.isdigit() for c in name):
            return False
    return True


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


def _to_normalized(norm: Normalized, offset: int) -> int:
    if norm.offsets is None:
        return min(offset, len(norm.text))
    return min(bisect.bisect_left(norm.offsets, offset), len(norm.text))


def _strip(text: str, start: int, end: int) -> _Line:
    raw = text[start:end]
    stripped = raw.strip()
    if not stripped:
        return _Line(start, start, "")
    left = start + (len(raw) - len(raw.lstrip()))
    return _Line(left, left + len(stripped), stripped)


def _lines_from(text: str, pos: int, limit: int, count: int) -> list[_Line]:
    """Return up to *count* stripped lines of ``text[pos:limit]``."""
    lines: list[_Line] = []
    while pos < limit and len(lines) < count:
        nl = text.find("\n", pos, limit)
        end = limit if nl == -1 else nl
        lines.append(_strip(text, pos, end))
        pos = end + 1
    return lines


def _tail_lines(text: str, floor: int, count: int) -> list[_Line]:
    lines: list[_Line] = []
    end = len(text)
    while end > floor and len(lines) < count:
        nl = text.rfind("\n", floor, end)
        start = floor if nl == -1 else nl + 1
        lines.append(_strip(text, start, end))
        end = start - 1
    lines.reverse()
    return lines


def _source_span(norm: Normalized, start: int, end: int) -> Span:
    """Return the original span of normalised ``[start, end)``, readings after it included."""
    first = norm.to_original(start)
    last = norm.to_original(end)
    while last > first and norm.source[last - 1].isspace():
        last -= 1
    return Span(first, last)


def _slice(norm: Normalized, start: int, end: int) -> str:
    span = _source_span(norm, start, end)
    return norm.source[span.start : span.end]


def _original(norm: Normalized, line: _Line) -> str:
    return _slice(norm, line.start, line.end)


def _field_value(fields: tuple[Field, ...], key: str) -> str | None:
    for field in fields:
        if lex.LABELS[field.label].key == key and field.value is not None:
            return field.value
    return None


def _doc_number(fields: tuple[Field, ...], reader: _HeadReader, ntitle: str) -> DocNumber | None:
    candidates = [f.value for f in fields if lex.LABELS[f.label].key == "doc_number" and f.value]
    if reader.doc_number_line is not None:
        candidates.append(_original(reader.norm, reader.doc_number_line))
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


def _byline(norm: Normalized, line: _Line) -> Byline | None:
    match = _BYLINE.match(line.text)
    if match is None:
        return None
    at = line.start
    return Byline(
        text=_original(norm, line),
        position=_slice(norm, at + match.start("position"), at + match.end("position")),
        name=_slice(norm, at + match.start("name"), at + match.end("name")),
        span=_source_span(norm, line.start, line.end),
    )


# --- signatures ------------------------------------------------------------------------


def _signature(norm: Normalized, line: _Line, previous: list[_Line]) -> Signature | None:
    """Return the signature whose date stands on *line*, its issuer on the lines before."""
    found = search_date(line.text, with_time=True)
    if found is None:
        return None
    date, where = found
    if where.start > 0:  # issuer and date on one line
        name = line.text[: where.start].rstrip()
        issuers = [_Line(line.start, line.start + len(name), name)]
    else:
        issuers = []
        for prior in reversed(previous[-2:]):
            if not prior.text or not _is_organ(prior.text):
                break
            issuers.insert(0, prior)
    start = issuers[0].start if issuers else line.start + where.start
    span = _source_span(norm, start, line.start + where.end)
    issuer = " ".join(_original(norm, part) for part in issuers) or None
    return Signature(issuer=issuer, date=date, span=span)


def _tail_signature(norm: Normalized, floor: int) -> Signature | None:
    """Return the signature among the last lines, walking up to the last paragraph."""
    lines = _tail_lines(norm.text, floor, TAIL_LINES)
    seen = 0
    only_months = True  # the lines after the one looked at hold at most 2021年12月
    for idx in range(len(lines) - 1, -1, -1):
        text = lines[idx].text
        if not text:
            continue
        kind = _classify(text)
        if kind == "noise":
            continue
        if kind in {"date", "org_date"}:
            before = [line for line in lines[:idx] if line.text]
            signature = _signature(norm, lines[idx], before)
            # A date without an issuer signs only when it follows the last paragraph.
            if signature is not None and signature.issuer is None:
                return signature if _follows_paragraph(lines, idx) else None
            return signature
        if kind == "paragraph" or seen >= 8:
            return None
        if only_months and _is_organ(text) and _follows_paragraph(lines, idx):
            return _signature_without_date(norm, lines[idx])
        only_months = only_months and _MONTH.match(text) is not None
        seen += 1
    return None


def _follows_paragraph(lines: list[_Line], idx: int) -> bool:
    before = [line for line in lines[:idx] if line.text]
    return bool(before) and _classify(before[-1].text) == "paragraph"


def _signature_without_date(norm: Normalized, line: _Line) -> Signature:
    """Return the signature of an organ name that ends the text with no full date."""
    return Signature(
        issuer=_original(norm, line), date=None, span=_source_span(norm, line.start, line.end)
    )


def _attachment_signature(norm: Normalized, floor: int) -> Signature | None:
    """Return a signature standing around the first attachment (附件) line, if any."""
    text = norm.text
    match = _ATTACHMENT.search(text, floor)
    if match is None:
        return None
    start = match.start()
    for _ in range(6):  # from six lines before the attachment line
        if start <= floor:
            break
        nl = text.rfind("\n", floor, start - 1)
        start = floor if nl == -1 else nl + 1
    previous: list[_Line] = []
    for line in _lines_from(text, start, len(text), 14):
        if line.text and _classify(line.text) in {"date", "org_date"}:
            signature = _signature(norm, line, previous)
            if signature is not None and signature.issuer is not None:
                return signature
        if line.text:
            previous.append(line)
    return None
