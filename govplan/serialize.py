"""Turn records into the ``govplan/1`` JSON contract: the only place records become dicts.

>>> import govplan
>>> data = to_dict(govplan.parse("一、总体要求\\n新建幼儿园3所。"))
>>> data["schema"], [n["marker"] for n in data["outline"]]
('govplan/1', ['一、'])
>>> import json; json.loads(json.dumps(data)) == data
True
"""

from __future__ import annotations

import copy
import datetime
import functools
import json
from typing import Any, Final, TypedDict

from govplan.model import (
    Claim,
    Comparison,
    Diagnostic,
    DocNumber,
    Document,
    Field,
    Heading,
    Metadata,
    Number,
    Signature,
)
from govplan.structure import walk

__all__ = [
    "SCHEMA",
    "BylineDict",
    "ClaimDict",
    "ComparisonDict",
    "DiagnosticDict",
    "DocNumberDict",
    "DocumentDict",
    "HeadingDict",
    "JSONValue",
    "MetadataDict",
    "SignatureDict",
    "json_schema",
    "to_dict",
]

#: The name and version of the JSON contract.
SCHEMA: Final = "govplan/1"

JSONValue = None | bool | int | float | str | list["JSONValue"] | dict[str, "JSONValue"]

# The shapes of the contract, for typed callers: ``to_dict(doc)["claims"][0]["value"]``
# is an ``int | float``.  Each has the keys the contract checks; more may be added.


class DocNumberDict(TypedDict):
    """A 文号 in the JSON: ``metadata.doc_number``."""

    raw: str
    agency: str
    year: int | None
    serial: int


class BylineDict(TypedDict):
    """The author line of a signed article: ``metadata.byline``."""

    text: str
    position: str | None
    name: str | None
    start: int
    end: int


class MetadataDict(TypedDict):
    """The ``metadata`` object: header fields and what was read from them."""

    index_number: str | None
    doc_number: DocNumberDict | None
    publisher: str | None
    date: str | None
    fields: dict[str, str | None]
    period: str | None
    byline: BylineDict | None


class SignatureDict(TypedDict):
    """The ``signature`` object: issuing body and date at the end of the body."""

    issuer: str | None
    date: str | None
    start: int
    end: int


class HeadingDict(TypedDict):
    """One node of the ``outline`` list, in document order."""

    level: int
    style: str
    ordinal: int
    marker: str
    title: str
    inline: bool
    start: int
    end: int


class ComparisonDict(TypedDict):
    """A claim's ``comparison``: a change against a baseline."""

    text: str
    baseline: str | None
    direction: str | None
    start: int
    end: int


class ClaimDict(TypedDict):
    """One quantitative claim of the ``claims`` list."""

    text: str
    start: int
    end: int
    value: int | float
    high: int | float | None
    unit: str
    approx: str | None
    bound: str | None
    subject: str | None
    modality: str | None
    comparison: ComparisonDict | None
    path: list[int]


class DiagnosticDict(TypedDict):
    """One entry of the ``diagnostics`` list."""

    code: str
    message: str
    start: int | None
    end: int | None


class DocumentDict(TypedDict):
    """The ``govplan/1`` object that :func:`to_dict` returns.

    >>> import govplan
    >>> data: DocumentDict = govplan.to_dict(govplan.parse("新建学校3所。"))
    >>> data["claims"][0]["value"]
    3
    """

    schema: str
    title: str | None
    doc_type: str | None
    metadata: MetadataDict
    signature: SignatureDict | None
    outline: list[HeadingDict]
    claims: list[ClaimDict]
    diagnostics: list[DiagnosticDict]


def to_dict(doc: Document) -> DocumentDict:
    """Return *doc* as the ``govplan/1`` JSON object, made of plain JSON types only.

    Exact values become an ``int`` when whole, else a ``float``.

    >>> from govplan.model import Document
    >>> to_dict(Document(text=""))["outline"]
    []
    >>> to_dict("text")
    Traceback (most recent call last):
    ...
    TypeError: doc must be a govplan Document, not str
    """
    if not isinstance(doc, Document):
        raise TypeError(f"doc must be a govplan Document, not {type(doc).__name__}")
    headings = tuple(walk(doc.outline))
    return {
        "schema": SCHEMA,
        "title": doc.title,
        "doc_type": doc.doc_type,
        "metadata": _metadata(doc.metadata),
        "signature": _signature(doc.signature),
        "outline": [_heading(h) for h in headings],
        "claims": [_claim(c) for c in doc.claims],
        "diagnostics": [_diagnostic(d) for d in doc.diagnostics],
    }


def _exact(value: Number) -> int | float:
    if isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _number(value: Number | None) -> int | float | None:
    return None if value is None else _exact(value)


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _doc_number(number: DocNumber | None) -> DocNumberDict | None:
    if number is None:
        return None
    return {
        "raw": number.raw,
        "agency": number.agency,
        "year": number.year,
        "serial": number.serial,
    }


def _field(field: Field) -> tuple[str, str | None]:
    return field.label, field.value


def _metadata(meta: Metadata) -> MetadataDict:
    out: MetadataDict = {
        "index_number": meta.index_number,
        "doc_number": _doc_number(meta.doc_number),
        "publisher": meta.publisher,
        "date": _date(meta.date),
        "fields": dict(_field(f) for f in meta.fields),
        "period": meta.period,
        "byline": None,
    }
    if meta.byline is not None:
        out["byline"] = {
            "text": meta.byline.text,
            "position": meta.byline.position,
            "name": meta.byline.name,
            "start": meta.byline.span.start,
            "end": meta.byline.span.end,
        }
    return out


def _signature(sig: Signature | None) -> SignatureDict | None:
    if sig is None:
        return None
    return {
        "issuer": sig.issuer,
        "date": _date(sig.date),
        "start": sig.span.start,
        "end": sig.span.end,
    }


def _heading(h: Heading) -> HeadingDict:
    return {
        "level": h.level,
        "style": h.style.value,
        "ordinal": h.ordinal,
        "marker": h.marker,
        "title": h.title,
        "inline": h.inline,
        "start": h.span.start,
        "end": h.span.end,
    }


def _comparison(comp: Comparison | None) -> ComparisonDict | None:
    if comp is None:
        return None
    return {
        "text": comp.text,
        "baseline": comp.baseline,
        "direction": comp.direction,
        "start": comp.span.start,
        "end": comp.span.end,
    }


def _claim(c: Claim) -> ClaimDict:
    return {
        "text": c.text,
        "start": c.span.start,
        "end": c.span.end,
        "value": _exact(c.value),
        "high": _number(c.high),
        "unit": c.unit,
        "approx": c.approx,
        "bound": c.bound.value if c.bound is not None else None,
        "subject": c.subject,
        "modality": c.modality.value if c.modality is not None else None,
        "comparison": _comparison(c.comparison),
        "path": list(c.path),
    }


def _diagnostic(d: Diagnostic) -> DiagnosticDict:
    return {
        "code": d.code,
        "message": d.message,
        "start": d.span.start if d.span is not None else None,
        "end": d.span.end if d.span is not None else None,
    }


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema of ``govplan/1``: what every :func:`to_dict` output satisfies.

    The schema ships in the package as ``govplan/schema/govplan-1.json``
    (draft 2020-12).  It checks the keys and types the contract fixes and
    allows more keys, as the contract does.  Each call returns a fresh copy.

    >>> schema = json_schema()
    >>> schema["$id"], schema["properties"]["schema"]["const"]
    ('urn:govplan:schema:govplan-1', 'govplan/1')
    >>> sorted(schema["$defs"]["claim"]["required"])[:4]
    ['approx', 'bound', 'comparison', 'end']
    """
    return copy.deepcopy(_schema())


@functools.cache
def _schema() -> dict[str, Any]:
    from importlib import resources  # on first use: importing it costs some milliseconds

    text = resources.files("govplan").joinpath("schema/govplan-1.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
