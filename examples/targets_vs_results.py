"""Was the plan met?  Put a plan's targets beside the results the next report states.

The plan is the document that set the targets (a year's work report, or the
plan half of a 总结和计划); the report is the one that reviews that period.
``govplan.match_targets`` pairs every target with the one-year result the
report states for the same indicator, or with nothing when the report is
silent, and says whether the target was met (see docs/targets.md for the rules).

Run it from the repository root::

    python examples/targets_vs_results.py                  # the bundled pair
    python examples/targets_vs_results.py PLAN REPORT
    govplan targets PLAN REPORT --format csv               # the same from the shell
"""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from pathlib import Path

import govplan

HERE = Path(__file__).parent
PLAN = HERE / "sample_plan.txt"
REPORT = HERE / "sample_report_2024.txt"
COLUMNS = ("indicator", "target", "reported", "status")


def width(text: str) -> int:
    """Return how many terminal columns *text* takes (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    return text + " " * max(0, columns - width(text))


def row(match: govplan.TargetMatch) -> tuple[str, str, str, str]:
    """Return the four cells of one target: the outcome in the target's unit if converted."""
    reported = "-"
    if match.outcome is not None:
        reported = match.outcome.text
        if match.outcome.unit != match.target.unit and match.value is not None:
            reported += f" (= {match.value}{match.target.unit})"
    return match.indicator, match.target.text, reported, match.status or "-"


def summary(matches: tuple[govplan.TargetMatch, ...]) -> str:
    counts = Counter(m.status for m in matches if m.outcome is not None)
    silent = sum(m.outcome is None for m in matches)
    return (
        f"{len(matches)} targets: {counts['met']} met, {counts['missed']} missed, "
        f"{counts[None]} reported without a status rule, {silent} not stated in the report"
    )


def main(argv: list[str]) -> int:
    if len(argv) not in (0, 2):
        print("usage: targets_vs_results.py [PLAN REPORT]", file=sys.stderr)
        return 2
    plan_path, report_path = (Path(argv[0]), Path(argv[1])) if argv else (PLAN, REPORT)
    plan = govplan.parse(plan_path.read_text(encoding="utf-8-sig"))
    report = govplan.parse(report_path.read_text(encoding="utf-8-sig"))
    matches = govplan.match_targets(plan, report)
    if not matches:
        print("no targets found")
        return 0
    print(f"{plan.title or plan_path.name}\n  against {report.title or report_path.name}\n")
    rows = [COLUMNS, *(row(m) for m in matches)]
    sizes = [max(width(r[i]) for r in rows) + 2 for i in range(len(COLUMNS) - 1)]
    for cells in rows:
        print("".join(pad(c, s) for c, s in zip(cells[:-1], sizes, strict=True)) + cells[-1])
    print("\n" + summary(matches))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
