"""Parse a document, walk its outline and print its claims.

Run it from the repository root::

    python examples/quickstart.py                  # the bundled sample
    python examples/quickstart.py my_plan.txt      # any text file: UTF-8, GBK, Big5 …
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import govplan

SAMPLE = Path(__file__).with_name("sample_plan.txt")


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else SAMPLE
    # read_file reads a file as the govplan command does: UTF-8 (a BOM, CRLF), GB18030, Big5 …
    text = govplan.read_file(path)
    doc = govplan.parse(text)

    # 1. What the document is.
    print(f"title:      {doc.title}")
    print(f"type:       {doc.doc_type}")
    number = doc.metadata.doc_number
    print(f"doc number: {number.raw if number else None}")
    if doc.signature is not None:
        print(f"signed:     {doc.signature.issuer} {doc.signature.date}")

    # 2. The outline: walk() yields every heading in document order.
    headings = list(govplan.walk(doc.outline))
    print(f"\noutline ({len(headings)} headings):")
    for heading in headings:
        indent = "  " * heading.level
        print(f"{indent}{heading.marker}{heading.title}")

    # 3. The claims: each one points back into the text and to its headings.
    print(f"\nclaims ({len(doc.claims)}):")
    rows = []
    for claim in doc.claims:
        assert text[claim.span.start : claim.span.end] == claim.text
        where = "".join(headings[i].marker for i in claim.path)
        modality = claim.modality.value if claim.modality else "-"
        rows.append((where, claim.text, f"= {claim.value} {claim.unit}  ({modality})"))
    # Chinese characters take two terminal columns: pad by columns, not by characters.
    widths = [max((columns(row[i]) for row in rows), default=0) for i in (0, 1)]
    for where, surface, value in rows:
        print(f"  {ljust(where, widths[0])}  {ljust(surface, widths[1])}  {value}")
    return 0


def columns(text: str) -> int:
    """Return the terminal columns of *text*: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def ljust(text: str, width: int) -> str:
    """Pad *text* with spaces to *width* terminal columns."""
    return text + " " * (width - columns(text))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
