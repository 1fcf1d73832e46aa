"""Parse a folder of documents in parallel into one CSV of claims and one JSON Lines file.

Every ``*.txt`` file under FOLDER is read with ``govplan.read_file`` (UTF-8,
a BOM, CRLF, GB18030 or Big5, exactly as the ``govplan`` command reads
files) and parsed in a pool of worker processes.  Each worker sends back
its output ready to write:

* ``claims.csv``: the rows of ``govplan.claim_rows``, one per claim of every
  document, with the columns of ``govplan.tables.CLAIM_COLUMNS``;
* ``documents.jsonl``: one ``govplan.to_dict`` object per line, with a
  ``"file"`` key in front.

The parent only writes what comes back, in input order, and reports
progress on stderr.  Sending text rather than ``Document`` records saves the
parent from unpickling documents and serialising them itself, which is what
keeps it from becoming the bottleneck (see benchmarks/bench_batch.py).

Run it from the repository root::

    python examples/batch.py examples --out /tmp/govplan-out
    python examples/batch.py corpus/ --out out/ --workers 4
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import govplan
from govplan.tables import CLAIM_COLUMNS


class Parsed(NamedTuple):
    """What a worker sends back for one file: ready CSV and JSON text, or an error."""

    path: str
    claims_csv: str = ""
    document_json: str = ""
    error: str | None = None


def cell(value: object) -> object:
    """Return a CSV cell: exact numbers (a Decimal in plain notation), None as empty."""
    return format(value, "f") if isinstance(value, Decimal) else value


def parse_file(path: str) -> Parsed:
    """Parse one file and render its output; return an error message instead of raising.

    This is the unit of work: it runs in a worker process, takes a plain
    string and returns strings, so a process pool, Dask or Spark can call it.
    """
    try:
        text = govplan.read_file(path)
    except (OSError, ValueError) as exc:
        return Parsed(path, error=f"cannot read: {exc}")
    doc = govplan.parse(text)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(
        [cell(row[c]) for c in CLAIM_COLUMNS] for row in govplan.claim_rows(doc, file=path)
    )
    document = json.dumps({"file": path, **govplan.to_dict(doc)}, ensure_ascii=False)
    return Parsed(path, out.getvalue(), document + "\n")


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
    # A few tasks per worker keep both busy without paying for one message per file.
    chunksize = max(1, min(16, len(paths) // (4 * max(1, args.workers))))
    step = max(1, len(paths) // 100)  # progress every 1%: a line per file costs at 10,000 files
    with (
        claims_path.open("w", encoding="utf-8", newline="") as claims_file,
        documents_path.open("w", encoding="utf-8") as documents_file,
        ProcessPoolExecutor(max_workers=args.workers) as pool,
    ):
        csv.writer(claims_file, lineterminator="\n").writerow(CLAIM_COLUMNS)
        # map() keeps the input order, so the outputs do not depend on timing.
        for done, parsed in enumerate(pool.map(parse_file, paths, chunksize=chunksize), start=1):
            if parsed.error is not None:
                failed += 1
                print(f"\nbatch: {parsed.path}: {parsed.error}", file=sys.stderr)
                continue
            claims_file.write(parsed.claims_csv)
            documents_file.write(parsed.document_json)
            if done == len(paths) or done % step == 0:
                print(f"\rparsed {done}/{len(paths)} files", end="", file=sys.stderr, flush=True)
    print(f"\nwrote {claims_path} and {documents_path}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
