"""``parse()``: normalise, find the outline, read metadata and claims; nothing else.

The text is normalised and cut into lines, sentences, clauses and masks once
(:func:`govplan.segments.segment`); the stages run in the order of
:data:`STAGES`, each taking that text layer and the document built so far and
returning the next document.

>>> doc = parse("一、总体要求\\n(一)工作目标")
>>> [h.marker for h in doc.outline], [h.marker for h in doc.outline[0].children]
(['一、'], ['(一)'])
>>> parse(b"bytes")
Traceback (most recent call last):
...
TypeError: text must be str, not bytes (decode it first, e.g. data.decode('utf-8'))
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import attrs

from govplan.claims import find_claims, number_diagnostics
from govplan.errors import require_str
from govplan.metadata import read_metadata
from govplan.model import Document, Span
from govplan.normalize import normalize
from govplan.segments import TextLayer, segment
from govplan.structure import read_outline

__all__ = ["STAGES", "parse"]

Stage = Callable[[TextLayer, Document], Document]


def _outline(layer: TextLayer, doc: Document) -> Document:
    result = read_outline(layer.norm, layer=layer)
    return attrs.evolve(
        doc, outline=result.outline, diagnostics=doc.diagnostics + result.diagnostics
    )


def _metadata(layer: TextLayer, doc: Document) -> Document:
    body_start = doc.outline[0].span.start if doc.outline else None
    info = read_metadata(layer, body_start=body_start)
    return attrs.evolve(
        doc,
        title=info.title,
        doc_type=info.doc_type,
        metadata=info.metadata,
        signature=info.signature,
    )


def _claims(layer: TextLayer, doc: Document) -> Document:
    exclude: tuple[Span, ...] = tuple(f.span for f in doc.metadata.fields)
    if doc.signature is not None:
        exclude += (doc.signature.span,)
    claims = find_claims(
        layer,
        outline=doc.outline,
        doc_type=doc.doc_type,
        title=doc.title,
        date=doc.metadata.date,
        exclude=exclude,
    )
    return attrs.evolve(doc, claims=claims, diagnostics=doc.diagnostics + number_diagnostics(layer))


#: The stages of :func:`parse`, in order, by name.
STAGES: Final[tuple[tuple[str, Stage], ...]] = (
    ("outline", _outline),
    ("metadata", _metadata),
    ("claims", _claims),
)


def parse(text: str) -> Document:
    """Return the document model of *text*; any ``str`` gives a Document.

    The text is kept as given: every span of the result slices it exactly.

    >>> parse("").outline
    ()
    """
    require_str(text)
    layer = segment(normalize(text))
    doc = Document(text=text)
    for _name, stage in STAGES:
        doc = stage(layer, doc)
    return doc
