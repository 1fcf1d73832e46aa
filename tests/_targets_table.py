"""Score govplan on a table of target sentences (tests/devset, tests/heldout2).

Each ``[[case]]`` holds an ``input`` (optionally with ``heading`` and
``doc_type``) and the expected ``claims``; a claim is *fully right* when the
figure is found with its value and unit and every scored attribute agrees
(approx, bound, subject, modality, direction): the measure of issue 10's
"main targets fully right".
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import govplan

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ATTRS = ("approx", "bound", "subject", "modality", "direction")
_NONE = "none"


def load(path: Path) -> list[dict[str, Any]]:
    """Return the cases of a target-sentence table."""
    cases: list[dict[str, Any]] = tomllib.loads(path.read_text(encoding="utf-8"))["case"]
    return cases


#: Where a main-target sentence stands in a report: after the review, in the plan part.
SKELETON = "2025年政府工作报告\n一、2024年工作回顾\n（略）\n二、2025年主要目标任务\n"


def document(case: dict[str, Any], *, skeleton: bool = False) -> tuple[str, int]:
    """Return the text to parse for *case* and the offset of its input in it.

    With *skeleton*, a case that names no document type stands (under its own
    heading, if it has one) in the plan part of a report, where main targets
    stand in real ones.
    """
    head = ""
    if case.get("doc_type"):
        head += f"2025年{case['doc_type']}\n"
    elif skeleton:
        head += SKELETON
    if case.get("heading"):
        head += case["heading"] + "\n"
    return head + case["input"], len(head)


def _got(claim: govplan.Claim, attr: str) -> object:
    if attr == "direction":
        return claim.comparison.direction if claim.comparison else None
    value = getattr(claim, attr)
    return getattr(value, "value", value)


def check(case: dict[str, Any], *, skeleton: bool = False) -> list[str]:
    """Return the disagreements of govplan with *case*, one line each (empty when right)."""
    text, offset = document(case, skeleton=skeleton)
    claims = govplan.parse(text).claims
    errors: list[str] = []
    for want in case["claims"]:
        if want.get("optional"):
            continue
        start = text.find(want["text"], offset + want.get("start", 0))
        found = [
            c for c in claims if c.span.start < start + len(want["text"]) and start < c.span.end
        ]
        hit = next(
            (c for c in found if c.value == Decimal(want["value"]) and c.unit == want["unit"]),
            None,
        )
        if hit is None:
            errors.append(f"{want['text']}: missed ({[c.text for c in found]})")
            continue
        for attr in ATTRS:
            if attr not in want:
                continue
            expected = None if want[attr] == _NONE else want[attr]
            got = _got(hit, attr)
            if got != expected:
                errors.append(f"{want['text']}: {attr} {got!r}, expected {expected!r}")
    return errors


def fully_right(cases: list[dict[str, Any]], *, skeleton: bool = False) -> tuple[int, int]:
    """Return how many required claims of *cases* are fully right, and how many there are."""
    right = total = 0
    for case in cases:
        errors = check(case, skeleton=skeleton)
        wrong = {line.split(":")[0] for line in errors}
        for want in case["claims"]:
            if want.get("optional"):
                continue
            total += 1
            right += want["text"] not in wrong
    return right, total


if __name__ == "__main__":
    for name in sys.argv[1:]:
        cases = load(Path(name))
        for case in cases:
            for line in check(case):
                print(f"{case['id']}: {line}")
        r, t = fully_right(cases)
        print(f"{name}: {r}/{t} fully right = {r / t:.3f} (sentences alone)")
        for case in cases:
            for line in check(case, skeleton=True):
                print(f"{case['id']} (in a report): {line}")
        r, t = fully_right(cases, skeleton=True)
        print(f"{name}: {r}/{t} fully right = {r / t:.3f} (in a report skeleton)")
