"""Measure the HTML view: page size and build time for a long report.

Run from the repository root with the project's interpreter:

    python benchmarks/bench_html.py                 # a 20,000-character report, 5 seeds
    python benchmarks/bench_html.py --chars 5000

For each of a few documents of ``--chars`` characters from :mod:`samples`
(deterministic), it prints the number of headings and claims, the size of the
page in UTF-8 bytes (and gzip-compressed, as a mail attachment or a web server
would carry it), and the median time of ``to_html`` on the parsed document and
of ``parse`` itself, over repeated runs after a warm-up.

Nothing here is a test: the figures depend on the machine, so no test asserts them.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import samples

import govplan
from govplan.structure import flatten


def median_ms(function: Callable[[], object], repeats: int) -> float:
    function()  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=20_000)
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=21)
    args = parser.parse_args()
    print(
        f"{'seed':>4} {'chars':>7} {'heads':>5} {'claims':>6} {'page KB':>8} "
        f"{'gzip KB':>8} {'to_html ms':>10} {'parse ms':>9}"
    )
    for seed in range(args.seeds):
        text = samples.document(args.chars, seed=seed)
        doc = govplan.parse(text)
        page = govplan.to_html(doc, file=f"report-{seed}.txt")
        data = page.encode("utf-8")
        build = median_ms(functools.partial(govplan.to_html, doc), args.repeats)
        parse = median_ms(functools.partial(govplan.parse, text), args.repeats)
        print(
            f"{seed:>4} {len(text):>7} {len(flatten(doc.outline)):>5} {len(doc.claims):>6} "
            f"{len(data) / 1024:>8.0f} {len(gzip.compress(data)) / 1024:>8.0f} "
            f"{build:>10.1f} {parse:>9.1f}"
        )


if __name__ == "__main__":
    main()
