"""Turn records into the ``govplan/1`` JSON contract: the only place records become dicts.

>>> import govplan
>>> data = to_dict(govplan.parse("一、总体要求\\n新建幼儿园3所。"))
>>> data["schema"], [n["marker"] for n in data["outline"]]
('govplan/1', ['一、'])
>>> import json; json.loads(json.dumps(data)) == data
True
"""

from __future__ import annotations

import datetime
from typing import Final

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

__all__ = ["SCHEMA", "JSONValue", "to_dict"]

#: The name and version of the JSON contract.
SCHEMA: Final = "govplan/1"

JSONValue = None | bool | int | float | str | list["JSONValue"] | dict[str, "JSONValue"]


def to_dict(doc: Document) -> dict[str, JSONValue]:
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


def _number(value: Number | None) -> int | float | None:
    if value is None or isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _doc_number(number: DocNumber | None) -> JSONValue:
    if number is None:
        return None
    return {
        "raw": number.raw,
        "agency": number.agency,
        "year": number.year,
        "serial": number.serial,
    }


def _field(field: Field) -> tuple[str, JSONValue]:
    return field.label, field.value


def _metadata(meta: Metadata) -> dict[str, JSONValue]:
    out: dict[str, JSONValue] = {
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


def _signature(sig: Signature | None) -> JSONValue:
    if sig is None:
        return None
    return {
        "issuer": sig.issuer,
        "date": _date(sig.date),
        "start": sig.span.start,
        "end": sig.span.end,
    }


def _heading(h: Heading) -> dict[str, JSONValue]:
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


def _comparison(comp: Comparison | None) -> JSONValue:
    if comp is None:
        return None
    return {
        "text": comp.text,
        "baseline": comp.baseline,
        "direction": comp.direction,
        "start": comp.span.start,
        "end": comp.span.end,
    }


def _claim(c: Claim) -> dict[str, JSONValue]:
    return {
        "text": c.text,
        "start": c.span.start,
        "end": c.span.end,
        "value": _number(c.value),
        "high": _number(c.high),
        "unit": c.unit,
        "approx": c.approx,
        "bound": c.bound.value if c.bound is not None else None,
        "subject": c.subject,
        "modality": c.modality.value if c.modality is not None else None,
        "comparison": _comparison(c.comparison),
        "path": list(c.path),
    }


def _diagnostic(d: Diagnostic) -> dict[str, JSONValue]:
    return {
        "code": d.code,
        "message": d.message,
        "start": d.span.start if d.span is not None else None,
        "end": d.span.end if d.span is not None else None,
    }
