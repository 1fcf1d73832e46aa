"""Read what describes a document rather than its body: header, title, type, byline, signature.

:func:`read_metadata` looks only at the head of the text (the lines before
the first outline heading, at most :data:`HEAD_LINES` of them that are not
blank) and at its tail (the last :data:`~govplan.signature.TAIL_LINES`
lines), so its cost does not grow with the body.  It reads the lines of the
text layer (:mod:`govplan.segments`), cut once for every stage.

- **Header fields**: disclosure-catalogue labels such as ``索 引 号``,
  ``备注/文号``, ``发布机构``, ``文件名称``, before a colon, in table cells or
  alone on a line with the value on a later one; several on one line, each
  value ending where the next label starts (:mod:`govplan._fields`).
  ``无``, ``无文号`` or an empty value gives None.  Generic labels (``来源``,
  ``时间``) count only in the header block above the first paragraph.
- **Title**: a ``标题``/``文件名称`` field, else the first title-like line of
  the header block, joined with the next line when the title wraps, printed
  once even when the page repeats it, without the notes and site names pages
  print around it (:mod:`govplan._titles`).  A table of contents before it is
  skipped.  Values and titles are sliced from the original text.
- **Type and period** come from the title; a notice that 印发 a plan has the
  type of the plan; a speech that says ``我代表国务院,向大会报告政府工作`` is
  a 政府工作报告 whether or not it has a title line.
- **Speeches**: the occasion line (``——2024年3月5日在…会议上``) gives the date
  where the page gives none, and the speaker (``国务院总理 李强``, on one line
  or two) is the byline (:mod:`govplan._speech`).
- **Signature**: an organ name and a date on the lines after a paragraph,
  read by :mod:`govplan.signature`.

>>> from govplan.segments import segment_text
>>> text = "\\n".join(["- 索 引 号:XM02104-0200-2020-00002", "- 发布机构:某区教育局",
...     "某区教育局", "关于印发2020年工作要点的通知", "各学校:", "现将要点印发给你们。",
...     "某区教育局", "2020年7月2日", "一、总体要求"])
>>> info = read_metadata(segment_text(text), body_start=text.index("一、"))
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
from govplan._head import HeadReader
from govplan._lines import head_lines, lines_at, source_slice
from govplan._speech import report_period
from govplan._titles import type_of
from govplan.dates import search_date
from govplan.docnumbers import parse_doc_number
from govplan.errors import GovplanError
from govplan.model import DocNumber, Field, Metadata, Signature
from govplan.normalize import Normalized
from govplan.segments import TextLayer, segment
from govplan.signature import TAIL_LINES, find_signature

__all__ = ["HEAD_LINES", "TAIL_LINES", "DocumentInfo", "doc_type_of", "read_metadata"]

#: How many non-blank lines at the start of a text are read for the header and title.
HEAD_LINES: Final = 40

GOV_REPORT: Final = "政府工作报告"
# Types a work report's own opening sentence makes a 政府工作报告.
_GENERIC_REPORTS: Final = frozenset({None, "工作报告", "报告"})
_INTERPRETATION: Final = ("解读", "图解")
# A title quoted inside a title: the type words in it are another document's.
_QUOTED: Final[regex.Pattern[str]] = regex.compile(r"《[^《》]{0,80}》")

_PERIOD: Final[regex.Pattern[str]] = regex.compile(
    r"""
    (?:\d{4}|20[xX]{2})                         # 2019 / 20xx
    (?:[ ]?[-—~至到][ ]?\d{4})?                 # -2025
    [ ]?年度?
    (?:上半年|下半年|第?[一二三四1-4]季度|\d{1,2}月份?)?
    """,
    regex.VERBOSE,
)

# A document number in brackets at the end of a title: …的通知(某政发〔2020〕1号).
_TITLE_NUMBER: Final[regex.Pattern[str]] = regex.compile(r"[(\[【][^()\[\]【】]{3,30}号[)\]】]$")


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


def read_metadata(source: TextLayer | Normalized, *, body_start: int | None = None) -> DocumentInfo:
    """Return the title, type, header metadata and signature of a text layer.

    *source* is the text's :class:`~govplan.segments.TextLayer` (a
    :class:`~govplan.normalize.Normalized` text is cut into one first).
    *body_start* is the original offset of the first outline heading, or None
    when the text has none; the header and title are looked for before it.

    >>> from govplan.normalize import normalize
    >>> info = read_metadata(normalize("構(gòu)建良好教育生態(tài)\\n臨縣縣委書記 李雙會\\n正文。"))
    >>> info.title, info.doc_type, info.metadata.byline.name
    ('構(gòu)建良好教育生態(tài)', None, '李雙會')
    >>> read_metadata("text")
    Traceback (most recent call last):
    ...
    TypeError: source must be a TextLayer or a Normalized text, not str
    """
    layer = _layer_of(source)
    norm = layer.norm
    limit = len(norm.text) if body_start is None else norm.to_normalized(body_start)
    head = head_lines(layer, limit, HEAD_LINES)
    reader = HeadReader(layer)
    reader.read(head)
    if reader.toc is not None:  # a table of contents runs on past the first heading
        reader.read(lines_at(layer, limit, HEAD_LINES))
    title, ntitle = _title(reader)
    fields = tuple(reader.fields)
    doc_type = doc_type_of(ntitle) if ntitle else None
    if reader.says_report and doc_type in _GENERIC_REPORTS:
        doc_type = GOV_REPORT  # 我代表县人民政府,向大会报告工作
    metadata = Metadata(
        index_number=_field_value(fields, "index_number"),
        doc_number=_doc_number(fields, reader, title),
        publisher=_field_value(fields, "publisher"),
        date=_header_date(fields) or reader.header_date or reader.occasion_date,
        fields=fields,
        period=_period(ntitle) or _report_period(reader, doc_type),
        byline=reader.byline,
    )
    head_end = head[-1].end if head else 0
    signature = reader.signature or find_signature(layer, floor=head_end, author=reader.author)
    if signature is not None and signature.issuer is None and reader.occasion_seen:
        signature = None  # a speech is not signed: a date alone after it is the page's
    return DocumentInfo(title=title, doc_type=doc_type, metadata=metadata, signature=signature)


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
    >>> doc_type_of("某区2022年政府信息公开工作年度报告")
    '政府信息公开工作年度报告'
    >>> doc_type_of("【文稿解读】某区2022年政府信息公开工作年度报告解读")
    '政府信息公开工作年度报告解读'
    >>> doc_type_of("《某县义务教育优质均衡发展实施方案》政策解读") is None
    True
    >>> doc_type_of("一图读懂|《某市社会保险补贴办法》问答") is None
    True
    """
    compact = "".join(title.split())
    if any(word in compact for word in _INTERPRETATION):
        inner = type_of(compact.replace("解读", "").replace("图解", ""))
        return f"{inner}解读" if inner is not None and inner in lex.INTERPRETED_TYPES else None
    for verb in lex.ISSUING_VERBS:
        at = compact.find(verb)
        if at != -1:
            inner = type_of(compact[at + len(verb) :].removesuffix("的通知"))
            if inner is not None and inner != "通知":
                return inner
    outside = _QUOTED.sub("", compact)
    return type_of(outside if outside else compact)


# --- helpers ---------------------------------------------------------------------------


def _layer_of(source: object) -> TextLayer:
    if isinstance(source, TextLayer):
        return source
    if isinstance(source, Normalized):
        return segment(source)
    raise TypeError(f"source must be a TextLayer or a Normalized text, not {type(source).__name__}")


def _title(reader: HeadReader) -> tuple[str | None, str]:
    """Return the title as written and its normalised text ("" when there is none).

    A title field wins over the title line, unless the page cut it short (…).
    """
    norm = reader.norm
    if reader.title_field is not None and not reader.title_field[0].endswith(("…", "...")):
        return reader.title_field[1], reader.title_field[0]
    ntitle = "".join(norm.text[a:b] for a, b in reader.title)
    title = "".join(source_slice(norm, a, b) for a, b in reader.title)
    if title:
        return title, ntitle
    if reader.title_field is not None:
        return reader.title_field[1], reader.title_field[0]
    return None, ""


def _field_value(fields: tuple[Field, ...], key: str) -> str | None:
    for field in fields:
        if lex.LABELS[field.label].key == key and field.value is not None:
            return field.value
    return None


def _doc_number(
    fields: tuple[Field, ...], reader: HeadReader, title: str | None
) -> DocNumber | None:
    """Return the document's own number: a 文号 field, a number line, or one closing the title.

    A number quoted inside a title (关于转发银发〔2020〕95号文件的通知) is
    another document's, not this one's.
    """
    candidates = [f.value for f in fields if lex.LABELS[f.label].key == "doc_number" and f.value]
    if reader.doc_number_line is not None:
        candidates.append(source_slice(reader.norm, *reader.doc_number_line))
    if title:
        closing = _TITLE_NUMBER.search(title)
        if closing is not None:
            candidates.append(closing.group())
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


def _report_period(reader: HeadReader, doc_type: str | None) -> str | None:
    """Return the year a work report without one in its title plans for, or None."""
    given = reader.occasion_date or reader.header_date
    if doc_type != GOV_REPORT or given is None:
        return None
    return report_period(given, reader.norm.text)
