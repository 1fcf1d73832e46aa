"""Measure how much faster examples/batch.py gets from a second process.

Run from the repository root with the project's interpreter:

    python benchmarks/bench_batch.py                  # 240 documents, 7 repeats
    python benchmarks/bench_batch.py --docs 400 --repeats 7

It writes a folder of generated 5,000-character documents (benchmarks/samples.py),
then times, as the median of repeated runs of the whole job (pool start-up,
reading, parsing, writing both output files):

* ``sequential``: one process, no pool: the work itself;
* ``rows``: examples/batch.py, whose workers send back ready CSV and JSON text,
  with 1 and with 2 worker processes;
* ``documents``: the earlier design, whose workers send back ``Document``
  records that the parent turns into JSON and CSV rows, with 1 and 2 workers.

Beside each wall time it prints the CPU time of the parent process: what the
parent spends receiving and writing, which two workers cannot share.

The speed-up is the time with 1 worker divided by the time with 2 (the
target of issue 13 is 1.6x or better for ``rows`` on a 2-core machine), and
also the sequential time divided by the time with 2.  A ``control`` of pure
CPU work (two equal busy loops in 1 or 2 processes) shows how much
parallelism the machine gave at the time: on an idle 2-core machine it is
close to 2.0x, and other jobs on the machine lower it and every figure with it.  Both designs must
write the same files; the script checks that.  The load average of the
machine is printed before and after: other jobs on the machine lower the
speed-up, so compare figures taken back to back.

Nothing here is a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "examples"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import batch  # noqa: E402  examples/batch.py, imported so that its workers can unpickle it
import samples  # noqa: E402

import govplan  # noqa: E402
from govplan.tables import CLAIM_COLUMNS  # noqa: E402

TARGET = 1.6


def parse_document(path: str) -> tuple[str, govplan.Document]:
    """The earlier unit of work: a whole Document goes back to the parent."""
    return path, govplan.parse(govplan.read_file(path))


def documents_main(folder: Path, out: Path, workers: int) -> None:
    """The earlier design: the parent serialises every Document itself."""
    paths = sorted(str(p) for p in folder.rglob("*.txt"))
    out.mkdir(parents=True, exist_ok=True)
    chunksize = max(1, min(16, len(paths) // (4 * workers)))
    with (
        (out / "claims.csv").open("w", encoding="utf-8", newline="") as claims_file,
        (out / "documents.jsonl").open("w", encoding="utf-8") as documents_file,
        ProcessPoolExecutor(max_workers=workers) as pool,
    ):
        writer = csv.writer(claims_file, lineterminator="\n")
        writer.writerow(CLAIM_COLUMNS)
        for path, doc in pool.map(parse_document, paths, chunksize=chunksize):
            data = {"file": path, **govplan.to_dict(doc)}
            documents_file.write(json.dumps(data, ensure_ascii=False) + "\n")
            rows = govplan.claim_rows(doc, file=path)
            writer.writerows([batch.cell(row[c]) for c in CLAIM_COLUMNS] for row in rows)


def sequential_main(folder: Path, out: Path) -> None:
    """The same work in one process, without a pool."""
    paths = sorted(str(p) for p in folder.rglob("*.txt"))
    out.mkdir(parents=True, exist_ok=True)
    with (
        (out / "claims.csv").open("w", encoding="utf-8", newline="") as claims_file,
        (out / "documents.jsonl").open("w", encoding="utf-8") as documents_file,
    ):
        claims_file.write(",".join(CLAIM_COLUMNS) + "\n")
        for path in paths:
            parsed = batch.parse_file(path)
            claims_file.write(parsed.claims_csv)
            documents_file.write(parsed.document_json)


def rows_main(folder: Path, out: Path, workers: int) -> None:
    """examples/batch.py itself, its progress line sent elsewhere."""
    stderr, sys.stderr = sys.stderr, io.StringIO()
    try:
        batch.main([str(folder), "--out", str(out), "--workers", str(workers)])
    finally:
        sys.stderr = stderr


def burn(loops: int) -> int:
    """Busy work for the control: pure CPU, nothing to send."""
    total = 0
    for i in range(loops):
        total += i
    return total


def control(workers: int, loops: int) -> None:
    """Two equal pieces of pure CPU work in 1 or 2 processes: the parallelism the machine gives."""
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(burn, [loops, loops]))


def medians(runs: dict[str, Callable[[], None]], repeats: int) -> dict[str, tuple[float, float]]:
    """Return the median wall time and parent CPU time of each run.

    The runs take turns (one of each, then again), so that a change in the
    machine's load during the measurement touches every run alike.
    """
    wall: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            run()
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    return {name: (statistics.median(wall[name]), statistics.median(cpu[name])) for name in runs}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=240)
    parser.add_argument("--chars", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "docs")
        folder.mkdir()
        for i, text in enumerate(samples.documents(args.docs, args.chars)):
            (folder / f"doc{i:05}.txt").write_text(text, encoding="utf-8")
        out = Path(tmp, "out")
        loops = 4_000_000 * max(1, args.docs // 60)  # about as long as the work itself
        runs: dict[str, Callable[[], None]] = {
            "control, 1 worker": lambda: control(1, loops),
            "control, 2 workers": lambda: control(2, loops),
            "sequential": lambda: sequential_main(folder, out / "seq"),
            "rows, 1 worker": lambda: rows_main(folder, out / "rows1", 1),
            "rows, 2 workers": lambda: rows_main(folder, out / "rows2", 2),
            "documents, 1 worker": lambda: documents_main(folder, out / "docs1", 1),
            "documents, 2 workers": lambda: documents_main(folder, out / "docs2", 2),
        }
        for run in runs.values():  # warm-up: lazy tables, the page cache
            run()
        measured = medians(runs, args.repeats)
        seconds = {name: wall for name, (wall, _) in measured.items()}
        same = all(
            (out / "rows2" / name).read_bytes() == (out / other / name).read_bytes()
            for other in ("seq", "rows1", "docs1", "docs2")
            for name in ("claims.csv", "documents.jsonl")
        )
    load_after = os.getloadavg()
    print(f"{args.docs} documents of {args.chars} characters, median of {args.repeats} runs")
    print(
        f"cores: {os.cpu_count()}; load average before {load_before[0]:.2f}, after "
        f"{load_after[0]:.2f} (1 min)"
    )
    for name, (wall, parent_cpu) in measured.items():
        print(f"  {name:<22} {wall:7.3f} s   parent CPU {parent_cpu:6.3f} s")
    for design in ("control", "rows", "documents"):
        one, two = seconds[f"{design}, 1 worker"], seconds[f"{design}, 2 workers"]
        line = f"  speed-up {design:<10} 1 -> 2 workers: {one / two:.2f}x"
        if design != "control":
            line += f"   sequential -> 2 workers: {seconds['sequential'] / two:.2f}x"
        print(line)
    verdict = "ok" if seconds["rows, 1 worker"] / seconds["rows, 2 workers"] >= TARGET else "MISSED"
    print(f"  target {TARGET}x for rows: {verdict}; identical output: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
