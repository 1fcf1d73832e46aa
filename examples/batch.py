"""Parse a folder of documents in parallel into one CSV of claims and one JSON Lines file.

Every ``*.txt`` file under FOLDER is read (UTF-8, a BOM, CRLF, or GB18030,
exactly as the ``govplan`` command reads files) and parsed in a pool of
worker processes.  The workers send back ``Document`` records: they are
frozen attrs records made of ints, Decimals, strings, enums and tuples, so
they pickle.  The parent writes

* ``claims.csv``: one row per claim of every document, with its file;
* ``documents.jsonl``: one ``govplan.to_dict`` object per line, with a
  ``"file"`` key in front;

and reports progress on stderr.  The worker function is an ordinary
top-level function of one argument, so the same function runs under
Dask or Spark for corpora beyond one machine (see docs/scaling.md).

Run it from the repository root::

    python examples/batch.py examples --out /tmp/govplan-out
    python examples/batch.py corpus/ --out out/ --workers 4
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import govplan
from govplan.cli import decode_text

CLAIM_COLUMNS = (
    "file",
    "start",
    "end",
    "text",
    "value",
    "high",
    "unit",
    "approx",
    "bound",
    "modality",
    "subject",
    "heading_path",
)


def parse_file(path: str) -> tuple[str, govplan.Document | str]:
    """Parse one file; return its path and the Document, or an error message.

    This is the unit of work: it runs in a worker process, takes a plain
    string and returns picklable values, so a process pool, Dask or Spark
    can call it unchanged.
    """
    try:
        text, _encoding = decode_text(Path(path).read_bytes())
    except (OSError, ValueError) as exc:
        return path, f"cannot read: {exc}"
    return path, govplan.parse(text)


def claim_rows(path: str, data: dict[str, Any]) -> list[list[object]]:
    """Return the CSV rows of the claims of one document's ``to_dict`` output."""
    outline = data["outline"]
    rows = []
    for claim in data["claims"]:
        heading_path = "".join(outline[i]["marker"] for i in claim["path"])
        row = [path, *(claim[key] for key in CLAIM_COLUMNS[1:-1]), heading_path]
        rows.append(row)
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder holding *.txt documents")
    parser.add_argument("--out", type=Path, default=Path("govplan-out"), help="output folder")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"batch: error: {args.folder}: not a folder", file=sys.stderr)
        return 1
    paths = sorted(str(p) for p in args.folder.rglob("*.txt"))
    args.out.mkdir(parents=True, exist_ok=True)
    claims_path = args.out / "claims.csv"
    documents_path = args.out / "documents.jsonl"
    failed = 0
    with (
        claims_path.open("w", encoding="utf-8", newline="") as claims_file,
        documents_path.open("w", encoding="utf-8") as documents_file,
        ProcessPoolExecutor(max_workers=args.workers) as pool,
    ):
        writer = csv.writer(claims_file)
        writer.writerow(CLAIM_COLUMNS)
        # map() keeps the input order, so the outputs do not depend on timing.
        results = pool.map(parse_file, paths, chunksize=4)
        for done, (path, doc) in enumerate(results, start=1):
            if isinstance(doc, str):
                failed += 1
                print(f"\nbatch: {path}: {doc}", file=sys.stderr)
                continue
            data = govplan.to_dict(doc)
            documents_file.write(json.dumps({"file": path, **data}, ensure_ascii=False) + "\n")
            writer.writerows(claim_rows(path, data))
            print(f"\rparsed {done}/{len(paths)} files", end="", file=sys.stderr, flush=True)
    print(f"\nwrote {claims_path} and {documents_path}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
