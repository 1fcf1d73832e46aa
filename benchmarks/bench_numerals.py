"""Time govplan.parse_number against cn2an.cn2an(s, "smart") on the same inputs.

Run from the repository root::

    python benchmarks/bench_numerals.py [--repeat 7] [--number 200]

Each input is timed ``--repeat`` times as a loop of ``--number`` calls; the
per-call time of an input is the median of those repeats.  The table shows,
for each input set, the median of the per-input times and their sum (one pass
over the set).  Declined inputs are timed too: govplan raises NumberError,
cn2an raises ValueError (or returns a wrong value), and both costs count.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import sys
import timeit
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

from govplan.numerals import parse_number  # noqa: E402

#: Number surfaces as extract_claims meets them (without their unit).
CLAIM_SURFACES = (
    "300万",
    "1.5亿",
    "百分之三十五",
    "五",
    "两",
    "10,000",
    "30.90",
    "2.85",
    "85%",
    "16.4亿",
    "１６６３",
    "一千零五",
    "三万五",
    "十二",
    "2020",
    "4万",
)


def anchor_inputs() -> tuple[str, ...]:
    with (ROOT / "tests" / "cases" / "numerals.toml").open("rb") as handle:
        cases = tomllib.load(handle)["case"]
    return tuple(case["input"] for case in cases)


def guarded(function: Callable[[str], object]) -> Callable[[str], None]:
    def call(text: str) -> None:
        with contextlib.suppress(Exception):  # a decline costs time too
            function(text)

    return call


def per_call(call: Callable[[str], None], text: str, repeat: int, number: int) -> float:
    times = timeit.repeat(lambda: call(text), repeat=repeat, number=number)
    return statistics.median(times) / number


def measure(
    call: Callable[[str], None], inputs: Sequence[str], repeat: int, number: int
) -> tuple[float, float]:
    times = [per_call(call, text, repeat, number) for text in inputs]
    return statistics.median(times), sum(times)


def import_time(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
            ).stdout
        )
        for _ in range(5)
    ]
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--number", type=int, default=200)
    args = parser.parse_args()

    import cn2an

    ours = guarded(parse_number)
    theirs = guarded(lambda text: cn2an.cn2an(text, "smart"))
    sets = {"claim surfaces": CLAIM_SURFACES, "anchor cases (in scope)": anchor_inputs()}

    print(f"{'input set':26} {'n':>5} {'':12} {'median/call':>12} {'one pass':>10}")
    for name, inputs in sets.items():
        rows = []
        for label, call in (("govplan", ours), ("cn2an smart", theirs)):
            median, total = measure(call, inputs, args.repeat, args.number)
            rows.append((label, median, total))
            per_call_us, pass_ms = median * 1e6, total * 1e3
            print(f"{name:26} {len(inputs):5d} {label:12} {per_call_us:9.2f} µs {pass_ms:7.2f} ms")
        ratio = rows[1][1] / rows[0][1]
        print(f"{'':26} {'':5} {'speed-up':12} {ratio:11.2f}x {rows[1][2] / rows[0][2]:9.2f}x")
    print()
    for module in ("govplan.numerals", "cn2an"):
        print(f"import {module:18} {import_time(module) * 1e3:6.1f} ms (median of 5 processes)")
    print("(importing govplan.numerals also imports govplan/__init__ and what it imports)")
    print("\nper input (claim surfaces), µs per call:")
    for text in CLAIM_SURFACES:
        a = per_call(ours, text, args.repeat, args.number) * 1e6
        b = per_call(theirs, text, args.repeat, args.number) * 1e6
        print(f"  {text:12} govplan {a:6.2f}   cn2an {b:6.2f}")


if __name__ == "__main__":
    main()
