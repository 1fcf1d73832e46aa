"""The document model: frozen records that point back into the original text.

Every spanned record stores its ``span`` (half-open string indices into the
text given to :func:`govplan.parse`) and ``text``, the exact slice.

>>> span = Span(2, 4)
>>> "一、总体要求"[span.start : span.end]
'总体'
>>> len(span)
2
"""

from __future__ import annotations

import datetime
import enum
from decimal import Decimal

import attrs

__all__ = [
    "Bound",
    "Byline",
    "Claim",
    "Comparison",
    "Diagnostic",
    "DocNumber",
    "Document",
    "Explanation",
    "Field",
    "Heading",
    "IndexNumber",
    "MarkerStyle",
    "Metadata",
    "Modality",
    "Number",
    "Signature",
    "Span",
]

#: An exact number: an ``int`` when whole, else a ``Decimal``; never a float.
Number = int | Decimal


@attrs.frozen
class Span:
    """Half-open ``[start, end)`` string indices into the original text.

    >>> Span(0, 2)
    Span(start=0, end=2)
    >>> Span(5, 2)
    Traceback (most recent call last):
    ...
    ValueError: invalid span 5..2
    """

    start: int
    end: int = attrs.field()

    @end.validator
    def _check(self, _attribute: attrs.Attribute[int], end: int) -> None:
        if not 0 <= self.start <= end:
            raise ValueError(f"invalid span {self.start}..{end}")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """Return whether *other* lies inside this span.

        >>> Span(0, 10).contains(Span(2, 10)), Span(0, 10).contains(Span(9, 11))
        (True, False)
        """
        return self.start <= other.start and other.end <= self.end


class MarkerStyle(str, enum.Enum):
    """The numbering styles of the ``govplan/1`` contract.

    >>> MarkerStyle("cn_paren")
    <MarkerStyle.CN_PAREN: 'cn_paren'>
    """

    CN_DUN = "cn_dun"  # 一、
    CN_PAREN = "cn_paren"  # (一) （一）
    NUM_DOT = "num_dot"  # 1. 1．
    NUM_DUN = "num_dun"  # 1、
    NUM_PAREN = "num_paren"  # (1) （1）
    CIRCLED = "circled"  # ①
    CN_SHI = "cn_shi"  # 一是
    CHAPTER = "chapter"  # 第一章 第一部分
    ARTICLE = "article"  # 第一条


class Bound(str, enum.Enum):
    """Which side a bounded figure limits: 以上 is ``MIN``, 以下 is ``MAX``.

    >>> Bound.MIN.value
    'min'
    """

    MIN = "min"
    MAX = "max"


class Modality(str, enum.Enum):
    """Whether a figure reports a result or states a target.

    >>> Modality("target")
    <Modality.TARGET: 'target'>
    """

    ACHIEVED = "achieved"
    TARGET = "target"


@attrs.frozen(kw_only=True)
class Heading:
    """One numbered node of the outline.

    ``span`` runs from the first character of the marker to the end of the
    title; ``body`` is the text the node owns directly, from the end of its
    title to the next node of the outline (or the end of its section);
    ``section`` covers the node with all its descendants.

    >>> h = Heading(style=MarkerStyle.CN_DUN, ordinal=1, level=1, marker="一、",
    ...             title="总体要求", inline=False, text="一、总体要求",
    ...             span=Span(0, 6), body=Span(6, 6), section=Span(0, 6))
    >>> h.style.value, h.ordinal, h.title
    ('cn_dun', 1, '总体要求')
    """

    style: MarkerStyle
    ordinal: int
    level: int
    marker: str
    title: str
    inline: bool
    text: str
    span: Span
    body: Span
    section: Span
    children: tuple[Heading, ...] = ()


@attrs.frozen(kw_only=True)
class Diagnostic:
    """Something odd about the text that did not stop the parse.

    ``code`` is a stable kebab-case string such as ``skipped-ordinal``.

    >>> Diagnostic(code="skipped-ordinal", message="(三) follows (一)", span=Span(4, 7)).code
    'skipped-ordinal'
    """

    code: str
    message: str
    span: Span | None = None


@attrs.frozen(kw_only=True)
class DocNumber:
    """A document number (文号) such as 厦湖教〔2020〕132号.

    ``year`` is None for numbers that carry none (国务院令第711号).

    >>> DocNumber(raw="厦湖教〔2020〕132号", agency="厦湖教", year=2020, serial=132).year
    2020
    """

    raw: str
    agency: str
    year: int | None
    serial: int
    bracket: str | None = None
    has_di: bool = False


@attrs.frozen(kw_only=True)
class IndexNumber:
    """An index number (索引号) of a government disclosure catalogue.

    ``serial`` keeps its leading zeros; it is None when the site printed none.

    >>> IndexNumber(raw="000014349/2020-00123", prefix="000014349", year=2020,
    ...             serial="00123").serial
    '00123'
    """

    raw: str
    prefix: str | None
    year: int | None
    serial: str | None
    prefix_type: str | None = None
    category: str | None = None
    month: int | None = None


@attrs.frozen(kw_only=True)
class Field:
    """One disclosure-header field: its label (inner spaces removed) and value.

    >>> Field(label="索引号", value="XM02104-0200-2020-00002", span=Span(0, 28)).label
    '索引号'
    """

    label: str
    value: str | None
    span: Span


@attrs.frozen(kw_only=True)
class Byline:
    """The author line of a signed article, e.g. 临县县委书记 李双会.

    >>> Byline(text="临县县委书记 李双会", position="临县县委书记", name="李双会",
    ...        span=Span(0, 10)).name
    '李双会'
    """

    text: str
    position: str | None
    name: str | None
    span: Span


@attrs.frozen(kw_only=True)
class Metadata:
    """What describes the document rather than its body.

    >>> Metadata().fields
    ()
    """

    index_number: str | None = None
    doc_number: DocNumber | None = None
    publisher: str | None = None
    date: datetime.date | None = None
    fields: tuple[Field, ...] = ()
    period: str | None = None
    byline: Byline | None = None


@attrs.frozen(kw_only=True)
class Signature:
    """The signature block at the end of the body: issuing body and date.

    >>> Signature(issuer="某县教育局", date=datetime.date(2019, 7, 30), span=Span(0, 16)).issuer
    '某县教育局'
    """

    issuer: str | None
    date: datetime.date | None
    span: Span


@attrs.frozen(kw_only=True)
class Comparison:
    """A change against a stated baseline: 比去年提高, 同比增长, 较上年下降.

    ``direction`` is ``"up"``, ``"down"`` or None; ``baseline`` names what is
    compared with (去年, 上年, 同期) when the text says so.

    >>> Comparison(text="比去年提高", baseline="去年", direction="up", span=Span(0, 5)).direction
    'up'
    """

    text: str
    baseline: str | None
    direction: str | None
    span: Span


@attrs.frozen(kw_only=True)
class Claim:
    """One quantitative claim: a number with what it counts.

    >>> c = Claim(text="300余万元", span=Span(0, 6), value=3000000, unit="元", approx="余")
    >>> c.value, c.unit, c.approx, c.bound
    (3000000, '元', '余', None)
    """

    text: str
    span: Span
    value: Number
    unit: str
    high: Number | None = None
    approx: str | None = None
    bound: Bound | None = None
    subject: str | None = None
    modality: Modality | None = None
    comparison: Comparison | None = None
    path: tuple[int, ...] = ()


@attrs.frozen(kw_only=True)
class Explanation:
    """Why a claim has its subject and modality: the rule and the evidence that decided.

    ``subject_rule`` names the rule that found the subject (``after``,
    ``before``, ``chain``, ``list``, ``each``, ``time`` or ``none``);
    ``modality_scope`` the scope whose evidence decided the modality
    (``list``, ``clause``, ``sentence``, ``heading``, ``section``,
    ``document``, ``voice``, ``weak``, or None when nothing did) and
    ``modality_cue`` the word, heading or section line found there.

    >>> c = Claim(text="5%", span=Span(6, 8), value=5, unit="%")
    >>> Explanation(claim=c, subject_rule="before", modality_scope="list",
    ...             modality_cue="目标是:").modality_scope
    'list'
    """

    claim: Claim
    subject_rule: str
    modality_scope: str | None
    modality_cue: str | None


@attrs.frozen(kw_only=True)
class Document:
    """A parsed document: the original text and everything read from it.

    ``outline`` holds the top-level headings; their ``children`` hold the rest.

    >>> Document(text="").outline
    ()
    """

    text: str = attrs.field(repr=False)
    title: str | None = None
    doc_type: str | None = None
    metadata: Metadata = Metadata()
    signature: Signature | None = None
    outline: tuple[Heading, ...] = ()
    claims: tuple[Claim, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
