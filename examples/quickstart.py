"""Parse a document, walk its outline and print its claims.

Run it from the repository root::

    python examples/quickstart.py                  # the bundled sample
    python examples/quickstart.py my_plan.txt      # any UTF-8 text file
"""

from __future__ import annotations

import sys
from pathlib import Path

import govplan

SAMPLE = Path(__file__).with_name("sample_plan.txt")


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else SAMPLE
    # utf-8-sig drops a byte order mark if there is one; the CLI also reads GB18030.
    text = path.read_text(encoding="utf-8-sig")
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
    for claim in doc.claims:
        assert text[claim.span.start : claim.span.end] == claim.text
        where = "".join(headings[i].marker for i in claim.path)
        modality = claim.modality.value if claim.modality else "-"
        print(f"  {where:<12} {claim.text:<12} = {claim.value} {claim.unit}  ({modality})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
