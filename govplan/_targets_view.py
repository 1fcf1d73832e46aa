"""Lay out :func:`govplan.match_targets`'s pairs for ``govplan targets``: table, CSV or JSON.

Pure functions from matches to text; :mod:`govplan.cli` reads the files and
writes what these return.

>>> from govplan.model import Claim, Span
>>> from govplan.targets import TargetMatch
>>> target = Claim(text="5所", span=Span(8, 10), value=5, unit="所", subject="公办幼儿园")
>>> match = TargetMatch(target=target, outcome=None, indicator="公办幼儿园", status=None,
...                     reason="the report states no achieved figure of 公办幼儿园")
>>> print("\\n".join(targets_table((match,))))
indicator   target  outcome  status
公办幼儿园  5所     -        -
<BLANKLINE>
1 target: 0 met, 0 missed, 0 stated without a status rule, 1 not stated in the report
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from govplan._render import display_width
from govplan.model import Claim, Document, Number
from govplan.serialize import to_dict
from govplan.targets import TargetMatch

__all__ = ["CSV_COLUMNS", "targets_csv", "targets_json", "targets_table"]

#: The columns of ``govplan targets --format csv``, one row per target.
CSV_COLUMNS: Final = (
    "indicator",
    "status",
    "target",
    "target_value",
    "target_high",
    "target_unit",
    "outcome",
    "outcome_value",
    "outcome_unit",
    "value",
    "reason",
    "target_start",
    "outcome_start",
)
_TABLE_COLUMNS: Final = ("indicator", "target", "outcome", "status")


def targets_table(matches: Sequence[TargetMatch]) -> list[str]:
    """Return the lines of an aligned table of *matches*, with a summary line."""
    rows = [_TABLE_COLUMNS, *(_cells(m) for m in matches)]
    sizes = [max(display_width(row[i]) for row in rows) + 2 for i in range(len(rows[0]) - 1)]
    lines = [
        "".join(
            cell + " " * (size - display_width(cell))
            for cell, size in zip(row[:-1], sizes, strict=True)
        )
        + row[-1]
        for row in rows
    ]
    return [*lines, "", _summary(matches)]


def targets_csv(matches: Sequence[TargetMatch]) -> str:
    r"""Return *matches* as CSV text with the header :data:`CSV_COLUMNS`; numbers stay exact.

    >>> targets_csv(()).splitlines()[0].split(",")[:3]
    ['indicator', 'status', 'target']
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for m in matches:
        outcome = m.outcome
        writer.writerow(
            (
                m.indicator,
                m.status or "",
                m.target.text,
                _exact(m.target.value),
                _exact(m.target.high),
                m.target.unit,
                outcome.text if outcome else "",
                _exact(outcome.value) if outcome else "",
                outcome.unit if outcome else "",
                _exact(m.value),
                m.reason,
                m.target.span.start,
                outcome.span.start if outcome else "",
            )
        )
    return out.getvalue()


def targets_json(matches: Sequence[TargetMatch]) -> str:
    """Return *matches* as a JSON list; the claims in the shape of the ``govplan/1`` claims.

    >>> targets_json(())
    '[]'
    """
    records = [
        {
            "indicator": m.indicator,
            "status": m.status,
            "value": _json_number(m.value),
            "reason": m.reason,
            "target": _claim_dict(m.target),
            "outcome": _claim_dict(m.outcome) if m.outcome is not None else None,
        }
        for m in matches
    ]
    return json.dumps(records, ensure_ascii=False, indent=2)


def _cells(match: TargetMatch) -> tuple[str, str, str, str]:
    outcome = "-"
    if match.outcome is not None:
        outcome = match.outcome.text
        if match.outcome.unit != match.target.unit and match.value is not None:
            outcome += f" (= {_exact(match.value)}{match.target.unit})"
    return match.indicator, match.target.text, outcome, match.status or "-"


def _summary(matches: Sequence[TargetMatch]) -> str:
    counts = Counter(m.status for m in matches if m.outcome is not None)
    silent = sum(m.outcome is None for m in matches)
    noun = "target" if len(matches) == 1 else "targets"
    return (
        f"{len(matches)} {noun}: {counts['met']} met, {counts['missed']} missed, "
        f"{counts[None]} stated without a status rule, {silent} not stated in the report"
    )


def _exact(value: Number | None) -> str:
    if value is None:
        return ""
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _json_number(value: Number | None) -> int | float | None:
    if value is None or isinstance(value, int):
        return value
    return int(value) if value == value.to_integral_value() else float(value)


def _claim_dict(claim: Claim) -> object:
    return to_dict(Document(text="", claims=(claim,)))["claims"][0]
