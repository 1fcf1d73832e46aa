"""``parse()``: normalise, find the outline, read metadata and claims; nothing else.

The stages run in the order of :data:`STAGES`; each takes the normalised text
and the document built so far and returns the next document.

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

from govplan.claims import find_claims
from govplan.errors import require_str
from govplan.metadata import read_metadata
from govplan.model import Document, Span
from govplan.normalize import Normalized, normalize
from govplan.structure import read_outline

__all__ = ["STAGES", "parse"]

Stage = Callable[[Normalized, Document], Document]


def _outline(norm: Normalized, doc: Document) -> Document:
    result = read_outline(norm)
    return attrs.evolve(
        doc, outline=result.outline, diagnostics=doc.diagnostics + result.diagnostics
    )


def _metadata(norm: Normalized, doc: Document) -> Document:
    body_start = doc.outline[0].span.start if doc.outline else None
    info = read_metadata(norm, body_start=body_start)
    return attrs.evolve(
        doc,
        title=info.title,
        doc_type=info.doc_type,
        metadata=info.metadata,
        signature=info.signature,
    )


def _claims(norm: Normalized, doc: Document) -> Document:
    exclude: tuple[Span, ...] = tuple(f.span for f in doc.metadata.fields)
    if doc.signature is not None:
        exclude += (doc.signature.span,)
    claims = find_claims(norm, outline=doc.outline, doc_type=doc.doc_type, exclude=exclude)
    return attrs.evolve(doc, claims=claims)


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
    norm = normalize(text)
    doc = Document(text=text)
    for _name, stage in STAGES:
        doc = stage(norm, doc)
    return doc
