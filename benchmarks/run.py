"""Measure govplan's four speed figures and print them as a table.

Run from the repository root with the project's interpreter:

    python benchmarks/run.py            # the figures of docs/performance.md (about a minute)
    python benchmarks/run.py --quick    # fewer repeats, for a look while developing
    python benchmarks/run.py --profile  # then print cProfile's hot spots of parse + to_dict
    python benchmarks/run.py --check    # exit with status 1 when a figure misses its target
    python benchmarks/run.py --adversarial  # also time tests/test_adversarial.py's inputs

The figures, each a median of repeated runs:

1. ``import govplan``: the wall time of a fresh interpreter that imports
   govplan, minus that of a fresh interpreter that imports nothing.
2. ``parse`` + ``to_dict`` throughput on 5,000-character documents from
   :mod:`samples`, after warm-up: characters per second and milliseconds
   per 5,000 characters.
3. Scaling: one document repeated 1x, 10x and 100x; the time per character
   of each size divided by that of 1x (1.00 is perfectly linear).
4. ``govplan.parse_number`` against ``cn2an.cn2an(s, "smart")`` on the same
   inputs (those both accept): microseconds per call and the speed-up.
   Printed as n/a until govplan has ``parse_number``.

With ``--adversarial`` it also times ``parse`` + ``to_dict`` on each
pathological input of ``tests/test_adversarial.py`` (the regression tests
assert no time); the target is well under 1 s per 100,000 characters.  It
adds the attachment lists of issue 11 at 1x, 10x and 100x (time per
character), and the bytes per character of the offset map of a 10 MB CRLF
text with the peak memory of ``normalize`` and ``parse`` on CRLF and LF text.

Nothing here is a test: the figures depend on the machine, so no test asserts them.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import gc
import importlib.util
import io
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import samples  # noqa: E402

import govplan  # noqa: E402

# Targets of issue 7 / SPEC.md "Speed and size".
IMPORT_TARGET_MS = 150.0
THROUGHPUT_TARGET = 1_000_000  # characters per second per core
MS_PER_5000_TARGET = 5.0
ADVERSARIAL_TARGET_MS = 1000.0  # per 100,000 characters
SCALING_TARGET = 1.10
NUMBER_SPEEDUP_TARGET = 1.0


class Row:
    """One line of the result table."""

    def __init__(self, figure: str, measured: str, target: str, ok: bool | None) -> None:
        self.figure = figure
        self.measured = measured
        self.target = target
        self.ok = ok

    @property
    def verdict(self) -> str:
        return {True: "ok", False: "MISSED", None: "n/a"}[self.ok]


def _median_ns(samples_ns: Sequence[int]) -> float:
    return float(statistics.median(samples_ns))


def _time_ns(func: Callable[[], object], loops: int) -> int:
    """Return the wall time of *loops* calls of *func*, after a collection."""
    gc.collect()
    start = time.perf_counter_ns()
    for _ in range(loops):
        func()
    return time.perf_counter_ns() - start


# --- 1. import time ----------------------------------------------------------


def _interpreter_ns(code: str, env: dict[str, str]) -> int:
    start = time.perf_counter_ns()
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)
    return time.perf_counter_ns() - start


def _import_ms(runs: int, env: dict[str, str]) -> tuple[float, float]:
    """Return the median wall times (ms) of ``import govplan`` minus ``pass``, and of ``pass``."""
    _interpreter_ns("import govplan", env)  # fill the bytecode cache, if there is one
    empty: list[int] = []
    loaded: list[int] = []
    for _ in range(runs):  # interleaved, so drift affects both alike
        empty.append(_interpreter_ns("pass", env))
        loaded.append(_interpreter_ns("import govplan", env))
    return (_median_ns(loaded) - _median_ns(empty)) / 1e6, _median_ns(empty) / 1e6


def bench_import(runs: int) -> tuple[Row, str]:
    """Return the import-time row: median fresh ``import govplan`` minus an empty interpreter.

    Measured as an installed package runs: with bytecode cached (in a temporary
    ``PYTHONPYCACHEPREFIX``, so nothing is written into the tree); the note adds
    the figure without a bytecode cache (``PYTHONDONTWRITEBYTECODE=1``).
    """
    with tempfile.TemporaryDirectory(prefix="govplan-bench-pyc-") as cache:
        cached_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        cached_env["PYTHONPYCACHEPREFIX"] = cache
        diff_ms, empty_ms = _import_ms(runs, cached_env)
    cold_env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    cold_env.pop("PYTHONPYCACHEPREFIX", None)
    cold_ms, _ = _import_ms(max(3, runs // 3), cold_env)
    heavy = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, govplan; "
            "print(','.join(m for m in ('jieba', 'cn2an', 'opencc') if m in sys.modules))",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    note = f"empty interpreter {empty_ms:.1f} ms; without a bytecode cache {cold_ms:.1f} ms; "
    note += f"heavy modules loaded by import: {heavy or 'none'}"
    row = Row(
        "import govplan (fresh interpreter - empty one)",
        f"{diff_ms:.1f} ms",
        f"< {IMPORT_TARGET_MS:.0f} ms",
        diff_ms < IMPORT_TARGET_MS and not heavy,
    )
    return row, note


# --- 2. throughput -------------------------------------------------------------


def _parse_and_dump(text: str) -> object:
    return govplan.to_dict(govplan.parse(text))


def bench_throughput(count: int, repeats: int) -> tuple[list[Row], str]:
    """Return the throughput rows: parse + to_dict over *count* 5,000-character documents."""
    docs = samples.documents(count, 5000, seed=100)
    total = sum(len(d) for d in docs)
    for _ in range(3):  # warm-up: lazy loaders (opencc), caches, branch predictors
        for doc in docs:
            _parse_and_dump(doc)

    def one_pass() -> None:
        for doc in docs:
            _parse_and_dump(doc)

    per_pass = _median_ns([_time_ns(one_pass, 1) for _ in range(repeats)])
    chars_per_s = total / (per_pass / 1e9)
    ms_per_5000 = per_pass / 1e6 / (total / 5000)
    rows = [
        Row(
            "parse + to_dict throughput",
            f"{chars_per_s:,.0f} chars/s",
            f">= {THROUGHPUT_TARGET:,} chars/s",
            chars_per_s >= THROUGHPUT_TARGET,
        ),
        Row(
            "parse + to_dict per 5,000 chars",
            f"{ms_per_5000:.2f} ms",
            f"< {MS_PER_5000_TARGET:.0f} ms",
            ms_per_5000 < MS_PER_5000_TARGET,
        ),
    ]
    return rows, f"{count} documents of 5,000 characters, {repeats} timed passes"


def bench_stages(count: int, repeats: int) -> str:
    """Return where the time of parse + to_dict goes, stage by stage, per 5,000 characters.

    Uses the pipeline's private stage table; prints nothing useful if it moves.
    """
    try:
        from govplan.model import Document
        from govplan.normalize import normalize
        from govplan.pipeline import STAGES
        from govplan.segments import segment
    except ImportError:
        return "(stage table not available)"
    docs = samples.documents(count, 5000, seed=100)
    total = sum(len(d) for d in docs)
    names = ["normalize", "segment", *(name for name, _ in STAGES), "to_dict"]
    samples_ns: dict[str, list[int]] = {name: [] for name in names}
    for repeat in range(repeats + 1):
        spent = dict.fromkeys(names, 0)
        for text in docs:
            start = time.perf_counter_ns()
            norm = normalize(text)
            spent["normalize"] += time.perf_counter_ns() - start
            start = time.perf_counter_ns()
            layer = segment(norm)
            spent["segment"] += time.perf_counter_ns() - start
            doc = Document(text=text)
            for name, stage in STAGES:
                start = time.perf_counter_ns()
                doc = stage(layer, doc)
                spent[name] += time.perf_counter_ns() - start
            start = time.perf_counter_ns()
            govplan.to_dict(doc)
            spent["to_dict"] += time.perf_counter_ns() - start
        if repeat:  # the first pass is the warm-up
            for name in names:
                samples_ns[name].append(spent[name])
    scale = 1e6 * total / 5000
    parts = [f"{name} {_median_ns(samples_ns[name]) / scale:.2f}" for name in names]
    return "ms per 5,000 chars by stage: " + ", ".join(parts)


# --- 3. scaling ----------------------------------------------------------------


def bench_scaling(repeats: int) -> tuple[list[Row], str]:
    """Return the scaling rows: time per character at 10x and 100x over 1x."""
    base = samples.document(5000, seed=7)
    sizes = (1, 10, 100)
    per_char: dict[int, float] = {}
    for times in sizes:
        text = samples.repeated(base, times)
        loops = max(1, 100 // times)  # the same amount of text at every size
        _parse_and_dump(text)  # warm-up at this size
        ns = _median_ns(
            [_time_ns(functools.partial(_parse_and_dump, text), loops) for _ in range(repeats)]
        )
        per_char[times] = ns / loops / len(text)
    rows = []
    for times in sizes[1:]:
        ratio = per_char[times] / per_char[1]
        rows.append(
            Row(
                f"scaling {times}x (time per char / 1x)",
                f"{ratio:.2f}",
                f"<= {SCALING_TARGET:.2f}",
                ratio <= SCALING_TARGET,
            )
        )
    ns_1x = per_char[1] * len(base)
    note = f"base document {len(base):,} chars parsed in {ns_1x / 1e6:.2f} ms; "
    note += f"100x = {len(samples.repeated(base, 100)):,} chars"
    return rows, note


# --- 4. parse_number against cn2an ---------------------------------------------

# Numerals as documents write them; the benchmark keeps those both libraries read.
NUMERALS: tuple[str, ...] = (
    "一千零五",
    "两万",
    "十一",
    "壹佰贰拾",
    "廿三",
    "〇",
    "零",
    "三点一四",
    "负五",
    "3万",
    "1.5亿",
    "30.90万",
    "4万",
    "１６６３",
    "1663",
    "二〇二〇",
    "0.5",
    "七千八百九十",
    "三百",
    "九十九",
    "一亿零三百万",
    "五千零一十",
    "6.8万",
    "12",
    "八百万",
)


def _numeral_inputs() -> list[str]:
    more = [samples.cn_number(n) for n in (17, 305, 4_096, 70_001, 1_234_567, 99_000_000)]
    return list(NUMERALS) + more


def bench_numbers(repeats: int) -> tuple[list[Row], str]:
    """Return the parse_number row, or an n/a row while govplan has no parse_number."""
    parse_number: Callable[[str], Any] | None = getattr(govplan, "parse_number", None)
    if parse_number is None:
        return [Row("parse_number vs cn2an.cn2an(s, 'smart')", "n/a", ">= 1.0x", None)], (
            "govplan.parse_number does not exist yet"
        )
    import cn2an

    def cn2an_smart(s: str) -> Any:
        return cn2an.cn2an(s, "smart")

    inputs = []
    rejected = []
    for s in _numeral_inputs():
        try:
            cn2an_smart(s)
            parse_number(s)
        except ValueError:
            rejected.append(s)
            continue
        inputs.append(s)
    loops = 200

    def run(func: Callable[[str], Any]) -> Callable[[], None]:
        def go() -> None:
            for s in inputs:
                func(s)

        return go

    results = {}
    for name, func in (("govplan", parse_number), ("cn2an", cn2an_smart)):
        run(func)()  # warm-up
        results[name] = _median_ns([_time_ns(run(func), loops) for _ in range(repeats)])
    per_call = {name: ns / loops / len(inputs) / 1e3 for name, ns in results.items()}
    speedup = per_call["cn2an"] / per_call["govplan"]
    row = Row(
        "parse_number vs cn2an.cn2an(s, 'smart')",
        f"{per_call['govplan']:.1f} vs {per_call['cn2an']:.1f} us/call = {speedup:.1f}x",
        f">= {NUMBER_SPEEDUP_TARGET:.1f}x",
        speedup >= NUMBER_SPEEDUP_TARGET,
    )
    note = f"{len(inputs)} inputs both accept"
    if rejected:
        note += f"; left out (one of them rejects): {', '.join(rejected)}"
    return [row], note


# --- adversarial inputs -------------------------------------------------------


def _adversarial_cases() -> list[tuple[str, str, Callable[[str], object]]]:
    path = ROOT / "tests" / "test_adversarial.py"
    spec = importlib.util.spec_from_file_location("_adversarial_cases", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    cases: list[tuple[str, str, Callable[[str], object]]] = [
        (name, unit * times, _parse_and_dump) for name, unit, times in module.ADVERSARIAL
    ]
    cases.append(
        (
            "is_noise_line: 【打印】 x 25,000 + 正文",
            "【打印】" * 25_000 + "正文",
            govplan.is_noise_line,
        )
    )
    return cases


def bench_adversarial(repeats: int) -> list[Row]:
    """Return the time each pathological input takes, per 100,000 characters."""
    rows = []
    for name, text, func in _adversarial_cases():
        ns = _median_ns([_time_ns(functools.partial(func, text), 1) for _ in range(repeats)])
        per_100k = ns / 1e6 / len(text) * 100_000
        rows.append(
            Row(
                f"{name} ({len(text):,} chars)",
                f"{ns / 1e6:,.1f} ms = {per_100k:,.1f} ms/100k",
                f"< {ADVERSARIAL_TARGET_MS:,.0f} ms/100k",
                per_100k < ADVERSARIAL_TARGET_MS,
            )
        )
    return rows


def bench_attachment_lists(repeats: int) -> list[Row]:
    """Return the time per character of ``'附件:1.甲\\n2.乙\\n' * n`` at 1x, 10x and 100x.

    Quadratic before issue 11 (176,000 characters took 10.9 s); each size's
    row gives microseconds per character and the ratio to 1x (1.00 is linear).
    """
    unit = "附件:1.甲\n2.乙\n"
    per_char: dict[int, float] = {}
    rows = []
    _parse_and_dump(unit * 1_000)  # warm-up
    for times in (1, 10, 100):
        text = unit * (1_000 * times)
        ns = _median_ns(
            [_time_ns(functools.partial(_parse_and_dump, text), 1) for _ in range(repeats)]
        )
        per_char[times] = ns / len(text)
        ratio = per_char[times] / per_char[1]
        rows.append(
            Row(
                f"attachment lists {times}x ({len(text):,} chars)",
                f"{per_char[times] / 1e3:.2f} us/char = {ratio:.2f} x 1x",
                f"<= {SCALING_TARGET:.2f} x 1x" if times > 1 else "",
                ratio <= SCALING_TARGET if times > 1 else None,
            )
        )
    return rows


#: Most bytes per character the offset map of a CRLF text may take (issue 11).
CRLF_MAP_TARGET = 16.0


def _crlf_text(size: int) -> str:
    """Return about *size* characters of plan text with Windows line ends."""
    line = "一、某县教育局关于做好二〇二〇年暑期学校安全工作的通知，投入资金30.5万元。\r\n"
    return line * (size // len(line))


def bench_crlf_memory() -> list[Row]:
    """Return the bytes per character of the offset map of a 10 MB CRLF text, and peaks.

    The map (:class:`govplan.normalize.OffsetMap`) is measured by its arrays;
    the peak of ``normalize`` (10 MB) and of ``parse`` (1 MB) by tracemalloc,
    each beside the same text with LF line ends, per character of input.
    """
    from govplan.normalize import normalize

    text = _crlf_text(10_000_000)
    offsets = normalize(text).offsets
    worst = normalize("\r\n" * 1_000_000).offsets
    assert offsets is not None
    assert worst is not None
    rows = [
        Row(
            f"CRLF offset map, {len(text):,} chars",
            f"{offsets.nbytes / len(text):.2f} bytes/char ({offsets.runs:,} runs)",
            f"<= {CRLF_MAP_TARGET:.0f} bytes/char",
            offsets.nbytes / len(text) <= CRLF_MAP_TARGET,
        ),
        Row(
            "CRLF offset map, '\\r\\n' * 1,000,000 (a run a character)",
            f"{worst.nbytes / 2_000_000:.2f} bytes/char",
            f"<= {CRLF_MAP_TARGET:.0f} bytes/char",
            worst.nbytes / 2_000_000 <= CRLF_MAP_TARGET,
        ),
    ]
    del offsets, worst
    small = _crlf_text(1_000_000)
    for name, func, sample in (("normalize", normalize, text), ("parse", govplan.parse, small)):
        crlf = _peak_bytes(func, sample) / len(sample)
        lf = _peak_bytes(func, sample.replace("\r\n", "\n")) / len(sample)
        rows.append(
            Row(
                f"peak memory of {name}, {len(sample):,} chars",
                f"CRLF {crlf:.1f} / LF {lf:.1f} bytes/char",
                "",
                None,
            )
        )
    return rows


def _peak_bytes(func: Callable[[str], object], text: str) -> int:
    """Return the peak of memory allocated while *func* runs on *text* (tracemalloc)."""
    import tracemalloc

    gc.collect()
    tracemalloc.start()
    try:
        func(text)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# --- profile -------------------------------------------------------------------


def profile(lines: int) -> str:
    """Return cProfile's top functions (by own time) for parse + to_dict of long documents."""
    docs = [samples.document(500_000, seed=11), *samples.documents(100, 5000, seed=200)]
    for doc in docs[1:4]:
        _parse_and_dump(doc)  # warm-up outside the profile
    profiler = cProfile.Profile()
    profiler.enable()
    for doc in docs:
        _parse_and_dump(doc)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(lines)
    return out.getvalue()


# --- report --------------------------------------------------------------------


def machine() -> str:
    """Return a one-line description of this machine and interpreter."""
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = ""
    if hasattr(os, "getloadavg"):
        load = f"; load average {os.getloadavg()[0]:.2f} at start"
    return (
        f"{cpu}, {os.cpu_count()} cores; {platform.python_implementation()} "
        f"{platform.python_version()} on {platform.system()} {platform.machine()}{load}"
    )


def table(rows: Sequence[Row]) -> str:
    """Return *rows* as an aligned plain-text table."""
    header = ("figure", "measured", "target", "")
    cells = [header] + [(r.figure, r.measured, r.target, r.verdict) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(4)]
    lines = ["  ".join(c[i].ljust(widths[i]) for i in range(4)).rstrip() for c in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks; return the exit status."""
    parser = argparse.ArgumentParser(description="Measure govplan's speed figures.")
    parser.add_argument("--quick", action="store_true", help="fewer repeats (noisier)")
    parser.add_argument("--profile", action="store_true", help="also print cProfile hot spots")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument(
        "--adversarial", action="store_true", help="also time the pathological inputs"
    )
    args = parser.parse_args(argv)
    quick = args.quick

    print(f"govplan {govplan.__version__} on {machine()}")
    print(f"mode: {'quick' if quick else 'full'}\n", flush=True)
    rows: list[Row] = []
    notes: list[str] = []

    row, note = bench_import(runs=7 if quick else 21)
    rows.append(row)
    notes.append(f"import: {note}")
    more, note = bench_throughput(count=10 if quick else 40, repeats=5 if quick else 15)
    rows += more
    notes.append(f"throughput: {note}")
    notes.append(bench_stages(count=10 if quick else 40, repeats=3 if quick else 7))
    more, note = bench_scaling(repeats=3 if quick else 7)
    rows += more
    notes.append(f"scaling: {note}")
    more, note = bench_numbers(repeats=5 if quick else 15)
    rows += more
    notes.append(f"parse_number: {note}")

    print(table(rows))
    print()
    for line in notes:
        print(f"- {line}")
    if args.adversarial:
        adversarial = bench_adversarial(repeats=1 if quick else 3)
        adversarial += bench_attachment_lists(repeats=1 if quick else 3)
        adversarial += bench_crlf_memory()
        print()
        print(table(adversarial))
        rows += adversarial
    if args.profile:
        print()
        print(profile(25))
    missed = [r for r in rows if r.ok is False]
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
