"""Flat tables of a document: one row per claim or per heading, the same for every tool.

A row is a plain ``dict`` (a :class:`~typing.TypedDict`) of ``str``, ``int``,
exact numbers and ``None``, with the columns in the order of
:data:`CLAIM_COLUMNS` or :data:`OUTLINE_COLUMNS`.  The command line's CSV,
JSON Lines and Parquet output, :func:`govplan.claims_frame` and the Dask and
Spark examples are all made of these rows, so every table of claims has the
same columns, whichever tool wrote it.

Values stay exact: ``value`` and ``high`` are ``int`` or ``Decimal`` as in the
:class:`~govplan.model.Claim`; they become ``float64`` only at the pandas,
Parquet and Spark boundary (see :mod:`govplan.frames`).  Enumerations are
their string values and anything missing is ``None``.

>>> import govplan
>>> doc = govplan.parse("一、上半年工作总结\\n二、下一步工作计划\\n(一)粮食生产\\n"
...     "力争粮食播种面积稳定在38万亩以上。")
>>> row = claim_rows(doc, file="plan.txt")[0]
>>> row["heading"], row["value"], row["unit"], row["bound"], row["modality"]
('二、下一步工作计划 > (一)粮食生产', 380000, '亩', 'min', 'target')
>>> list(row) == list(CLAIM_COLUMNS)
True
"""

from __future__ import annotations

from typing import Final, TypedDict

from govplan.model import Claim, Document, Heading, Number
from govplan.structure import flatten

__all__ = [
    "CLAIM_COLUMNS",
    "HEADING_SEPARATOR",
    "OUTLINE_COLUMNS",
    "ClaimRow",
    "OutlineRow",
    "claim_rows",
    "heading_path",
    "outline_rows",
]

#: What joins the headings of a path in the ``heading`` column.
HEADING_SEPARATOR: Final = " > "


class ClaimRow(TypedDict):
    """One claim as a flat row: the columns of :data:`CLAIM_COLUMNS`, in that order.

    >>> sorted(ClaimRow.__annotations__) == sorted(CLAIM_COLUMNS)
    True
    """

    file: str | None
    title: str | None
    doc_type: str | None
    heading: str | None
    text: str
    value: Number
    high: Number | None
    unit: str
    approx: str | None
    bound: str | None
    subject: str | None
    modality: str | None
    direction: str | None
    baseline: str | None
    start: int
    end: int


class OutlineRow(TypedDict):
    """One heading as a flat row: the columns of :data:`OUTLINE_COLUMNS`, in that order.

    >>> sorted(OutlineRow.__annotations__) == sorted(OUTLINE_COLUMNS)
    True
    """

    file: str | None
    level: int
    style: str
    ordinal: int
    marker: str
    title: str
    inline: bool
    heading: str
    start: int
    end: int


#: The columns of a claim row, in order.
CLAIM_COLUMNS: Final = (
    "file",
    "title",
    "doc_type",
    "heading",
    "text",
    "value",
    "high",
    "unit",
    "approx",
    "bound",
    "subject",
    "modality",
    "direction",
    "baseline",
    "start",
    "end",
)

#: The columns of an outline row, in order.
OUTLINE_COLUMNS: Final = (
    "file",
    "level",
    "style",
    "ordinal",
    "marker",
    "title",
    "inline",
    "heading",
    "start",
    "end",
)


def heading_path(headings: tuple[Heading, ...], path: tuple[int, ...]) -> str | None:
    """Return the headings of *path* (indices into *headings*) as one text, or None.

    Each heading is its marker and title; they are joined by :data:`HEADING_SEPARATOR`.
    Indices out of range are left out.

    >>> import govplan
    >>> from govplan.structure import flatten
    >>> doc = govplan.parse("一、总体要求\\n(一)工作目标")
    >>> heading_path(flatten(doc.outline), (0, 1))
    '一、总体要求 > (一)工作目标'
    >>> heading_path(flatten(doc.outline), ()) is None
    True
    """
    parts = [headings[i].marker + headings[i].title for i in path if 0 <= i < len(headings)]
    return HEADING_SEPARATOR.join(parts) if parts else None


def claim_rows(doc: Document, *, file: str | None = None) -> list[ClaimRow]:
    """Return one flat row per claim of *doc*, in document order.

    *file* fills the ``file`` column (None when not given), so that rows of
    many documents can share one table.

    >>> import govplan
    >>> doc = govplan.parse("枫林县2023年工作总结\\n一、主要成效\\n粮食总产21.9万吨,同比增长1.8%。")
    >>> for row in claim_rows(doc):
    ...     print(row["text"], row["value"], row["unit"], row["direction"], row["heading"])
    21.9万吨 219000 吨 None 一、主要成效
    1.8% 1.8 % up 一、主要成效
    >>> claim_rows(doc)[0]["title"], claim_rows(doc)[0]["doc_type"]
    ('枫林县2023年工作总结', '工作总结')
    >>> claim_rows("text")
    Traceback (most recent call last):
    ...
    TypeError: doc must be a govplan Document, not str
    """
    if not isinstance(doc, Document):
        raise TypeError(f"doc must be a govplan Document, not {type(doc).__name__}")
    headings = flatten(doc.outline)
    return [_claim_row(doc, headings, claim, file) for claim in doc.claims]


def _claim_row(
    doc: Document, headings: tuple[Heading, ...], claim: Claim, file: str | None
) -> ClaimRow:
    comparison = claim.comparison
    return {
        "file": file,
        "title": doc.title,
        "doc_type": doc.doc_type,
        "heading": heading_path(headings, claim.path),
        "text": claim.text,
        "value": claim.value,
        "high": claim.high,
        "unit": claim.unit,
        "approx": claim.approx,
        "bound": claim.bound.value if claim.bound is not None else None,
        "subject": claim.subject,
        "modality": claim.modality.value if claim.modality is not None else None,
        "direction": comparison.direction if comparison is not None else None,
        "baseline": comparison.baseline if comparison is not None else None,
        "start": claim.span.start,
        "end": claim.span.end,
    }


def outline_rows(doc: Document, *, file: str | None = None) -> list[OutlineRow]:
    """Return one flat row per heading of *doc*, in document order (pre-order).

    ``heading`` is the path from the top down to this heading, as in a claim row.

    >>> import govplan
    >>> doc = govplan.parse("一、总体要求\\n(一)工作目标\\n二、主要措施")
    >>> for row in outline_rows(doc):
    ...     print(row["level"], row["style"], row["heading"])
    1 cn_dun 一、总体要求
    2 cn_paren 一、总体要求 > (一)工作目标
    1 cn_dun 二、主要措施
    """
    if not isinstance(doc, Document):
        raise TypeError(f"doc must be a govplan Document, not {type(doc).__name__}")
    rows: list[OutlineRow] = []
    stack: list[str] = []
    for heading in flatten(doc.outline):
        del stack[heading.level - 1 :]
        stack.append(heading.marker + heading.title)
        rows.append(
            {
                "file": file,
                "level": heading.level,
                "style": heading.style.value,
                "ordinal": heading.ordinal,
                "marker": heading.marker,
                "title": heading.title,
                "inline": heading.inline,
                "heading": HEADING_SEPARATOR.join(stack),
                "start": heading.span.start,
                "end": heading.span.end,
            }
        )
    return rows
