"""Turn the shared numeral anchor cases into tests/cases/numerals.toml.

Usage (from the repository root)::

    python scripts/import_numeral_cases.py [../shared/anchors/numerals_cases.jsonl]

The anchors (``numerals_cases.jsonl``, about 1,200 input/value pairs taken
from the test suites of other converters) live outside the repository; the
tests read only the generated TOML, which is committed.  Review every diff.

What is in scope follows issue 2 and docs/numerals.md:

* Out of scope (not written): numbers with a unit or a measure word, which
  ``extract_claims`` reads (成/折, 个百分点, money with 元/角/分, 打/对/双,
  个), one library's private conventions (kind ``quirk``), and 兆, whose value
  depends on the writer (10^6 or 10^12).
* Overridden (written with our expectation and a ``decision`` note): the
  approximations the anchors resolve to a lower bound (十多万 → declined, as the
  issue asks), the two conflicts (拾, 參), and a few ambiguous readings.
* Known misses are written with ``xfail`` so that they are counted, not hidden.

The expected value is written as an exact decimal string, or as ``"p/q"`` for
a quotient that does not terminate (the anchors hold it as a rounded float; the
tests compare against the quotient rounded to govplan's documented precision).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "anchors" / "numerals_cases.jsonl"
TARGET = ROOT / "tests" / "cases" / "numerals.toml"

#: Kinds that carry a unit or another library's convention, with the reason.
OUT_OF_SCOPE_KINDS = {
    "percent_cheng_zhe": "成/折 are units of a claim, read by extract_claims",
    "percentage_point": "个百分点 is a unit of a claim, read by extract_claims",
    "measure_word": "measure words (打, 对, 双) belong to claims",
    "with_classifier": "a numeral with the classifier 个 is a count of things, read by claims",
    "quirk": "a convention of one library (chinese2digits) that others do not share",
}

#: Characters that make a case a money amount (out of scope as a unit).
MONEY_CHARS = frozenset("元圆角整正块毛钱币铢布")

#: Input -> (expected, reason): the value is ours, not the anchor's.  None means declined.
OVERRIDES: dict[str, tuple[int | None, str]] = {
    "拾": (10, "conflict resolved: 拾 alone is the financial 10 (the caller asked for a number)"),
    "參": (3, "issue 2 lists 參 among the financial digits to read"),
    "一億零一萬一千一百一": (
        100011110,
        "colloquial reading, as 一百一 = 110 and 一千一百十 = 1110 elsewhere in the anchors",
    ),
    "十份十一": (None, "份 is not 分之; declined rather than guessed"),
    "二份一": (None, "份 is not 分之; declined rather than guessed"),
}

#: Known misses: input -> reason (written as xfail, so they count against us).
XFAIL = {
    "一十亿零一十一亿": "a magnitude repeated after a lower part is declined: "
    "it cannot be told from two numbers run together (三万四万)",
    "一十万万零一百一十万亿": "a magnitude repeated after a lower part is declined: "
    "it cannot be told from two numbers run together (三万四万)",
}

APPROX_REASON = "approximation: issue 2 asks parse_number to decline it (claims marks it approx)"


def scope(case: dict[str, object]) -> str | None:
    """Return why *case* is out of scope, or None when it is in scope."""
    text = str(case["input"])
    kind = str(case["kind"])
    if kind in OUT_OF_SCOPE_KINDS:
        return OUT_OF_SCOPE_KINDS[kind]
    if kind in {"money", "financial"} and MONEY_CHARS.intersection(text):
        return "a money amount with its currency word belongs to claims"
    if "兆" in text:
        return "兆 is 10^6 or 10^12 depending on the writer; parse_number declines it"
    return None


def expected_text(value: float | int) -> str:
    """Return the anchor's value as an exact decimal string, or 'p/q' for a repeating one."""
    if isinstance(value, int):
        return str(value)
    exact = Fraction(repr(value))
    digits = len(repr(value).lstrip("-0.").replace(".", "").split("e")[0])
    if digits < 15:  # written out in full, not a rounded quotient
        return _decimal_text(Decimal(repr(value)))
    near = exact.limit_denominator(10**6)
    den = near.denominator
    while den % 2 == 0:
        den //= 2
    while den % 5 == 0:
        den //= 5
    if near != exact and abs(near - exact) <= abs(exact) * Fraction(1, 10**12) and den != 1:
        return f"{near.numerator}/{near.denominator}"
    return _decimal_text(Decimal(repr(value)))


def _decimal_text(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def toml_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line]
    out_reasons: Counter[str] = Counter()
    seen: set[str] = set()
    per_kind: Counter[str] = Counter()
    lines = [
        "# Generated by scripts/import_numeral_cases.py from the shared numeral anchors",
        "# (numerals_cases.jsonl: cases gathered from the test suites of other converters).",
        "# Do not edit by hand: change the script and regenerate, then review the diff.",
        "# expected: exact decimal string, or 'p/q' for a quotient that does not terminate;",
        "# decline = true: parse_number must raise NumberError.",
        "",
    ]
    body: list[str] = []
    overridden = 0
    for row in rows:
        text = row["input"]
        reason = scope(row)
        if reason is not None:
            out_reasons[reason] += 1
            continue
        if text in seen:  # 拾 and 二十几万 appear twice, with different expectations
            out_reasons["duplicate input (conflict resolved in the first entry)"] += 1
            continue
        seen.add(text)
        kind = row["kind"]
        expected = row["expected"]
        decision = None
        if kind == "approx":
            expected, decision = None, APPROX_REASON
        elif text in OVERRIDES:
            expected, decision = OVERRIDES[text]
        if decision is not None and expected != row["expected"]:
            overridden += 1
        per_kind[kind] += 1
        body.append("[[case]]")
        body.append(f'id = "{kind}-{per_kind[kind]:03d}"')
        body.append(f"input = {toml_str(text)}")
        if expected is None:
            body.append("decline = true")
        else:
            body.append(f'expected = "{expected_text(expected)}"')
        body.append(f'kind = "{kind}"')
        body.append(f"source = {toml_str(row['source'].split('; ')[0])}")
        if row.get("note"):
            body.append(f"note = {toml_str(row['note'])}")
        if decision is not None:
            body.append(f"decision = {toml_str(decision)}")
        if text in XFAIL:
            body.append(f"xfail = {toml_str(XFAIL[text])}")
        body.append("")
    total_in = sum(per_kind.values())
    left_out = sum(out_reasons.values())
    lines.append(
        f"# {total_in} cases in scope ({overridden} with our own expectation, see 'decision');"
    )
    lines.append(f"# {left_out} anchor rows left out:")
    lines.extend(f"#   {count:4d}  {reason}" for reason, count in out_reasons.most_common())
    lines.append("")
    TARGET.write_text("\n".join(lines + body), encoding="utf-8")
    print(f"wrote {total_in} cases to {TARGET.relative_to(ROOT)}; left out {left_out}")
    for reason, count in out_reasons.most_common():
        print(f"  {count:4d}  {reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
