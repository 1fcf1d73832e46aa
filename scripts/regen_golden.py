"""Regenerate tests/corpus/*.json, the expected to_dict output of each tests/corpus/*.txt.

Run it after a deliberate change of behaviour, then review every diff by hand
(``git diff tests/corpus``) before committing: the golden files are the
project's record of what govplan reads from these documents.

    python scripts/regen_golden.py
"""

from __future__ import annotations

import json
from pathlib import Path

import govplan

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"


def main() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        data = govplan.to_dict(govplan.parse(text))
        out = path.with_suffix(".json")
        out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{out.name}: {len(data['outline'])} headings, {len(data['claims'])} claims")


if __name__ == "__main__":
    main()
