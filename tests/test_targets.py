"""Tests for govplan.targets (match_targets, TargetMatch, indicator_key).

The matching rules run on claims built by hand (tests/cases/targets.toml), so that
they hold whatever the extraction says.  The pairs of tests/corpus/targets/ (a
plan or report and the next year's review, at national, provincial, city and county
level) run twice: on claims built by hand from their annotation, which must pass,
and end to end through govplan.parse, where a row that fails only because the
extraction gets a claim wrong (issue 10) is a strict xfail naming that claim.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from _cases import load_cases

import govplan
from govplan.model import Bound, Claim, Comparison, Document, Modality, Number, Span
from govplan.targets import TargetMatch, indicator_key, match_targets

Entry = dict[str, Any]
PAIRS = Path(__file__).parent / "corpus" / "targets"
PAIR_NAMES = ("national", "provincial", "city", "county")
EXTRACTION = "extraction: issue 10"

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


# --- claims built by hand -----------------------------------------------------------


def number(text: str) -> Number:
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() else value


def locate(text: str, entry: Entry) -> Span:
    """Return the span of the entry's figure, ``text`` inside the unique stretch ``at``."""
    at: str = entry.get("at") or entry["text"]
    assert text.count(at) == 1, f"{at!r} occurs {text.count(at)} times"
    start = text.index(at) + at.index(entry["text"])
    return Span(start, start + len(entry["text"]))


def build_claim(text: str, entry: Entry, modality: str) -> Claim:
    """Return the claim an entry describes, as issue 10's extraction will give it."""
    span = locate(text, entry)
    figure = entry["text"]
    comparison = None
    if "dir" in entry:
        verb = entry["verb"]
        assert text[span.start - len(verb) : span.start] == verb, (verb, figure)
        comparison = Comparison(
            text=verb,
            baseline=None,
            direction=entry["dir"],
            span=Span(span.start - len(verb), span.start),
        )
    bound = Bound(entry["bound"]) if "bound" in entry else None
    if figure.endswith("以上"):
        bound = Bound.MIN
    elif figure.endswith(("以内", "以下")):
        bound = Bound.MAX
    return Claim(
        text=figure,
        span=span,
        value=number(entry["value"]),
        unit=entry["unit"],
        high=number(entry["high"]) if "high" in entry else None,
        approx=next((word for word in ("左右", "约") if word in figure), None),
        bound=bound,
        subject=entry.get("subject"),
        modality=Modality(entry.get("modality", modality)),
        comparison=comparison,
    )


def build_document(text: str, entries: list[Entry], modality: str) -> Document:
    claims = sorted((build_claim(text, e, modality) for e in entries), key=lambda c: c.span.start)
    return Document(text=text, claims=tuple(claims))


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


# --- the case table -----------------------------------------------------------------


def run_case(case: Entry) -> tuple[TargetMatch, list[Claim]]:
    plan = build_document(case["plan"], [case["target"]], "target")
    report = build_document(case["report"], case["outcomes"], "achieved")
    outcomes = [build_claim(case["report"], e, "achieved") for e in case["outcomes"]]
    (match,) = match_targets(plan, report)
    return match, outcomes


@pytest.mark.parametrize("case", load_cases("targets"))
def test_case_outcome(case: Entry) -> None:
    match, outcomes = run_case(case)
    expected = outcomes[case["outcome"]] if "outcome" in case else None
    assert match.outcome == expected, match.reason


@pytest.mark.parametrize("case", load_cases("targets"))
def test_case_status(case: Entry) -> None:
    match, _ = run_case(case)
    expected = None if case["status"] == "none" else case["status"]
    assert match.status == expected, match.reason


@pytest.mark.parametrize("case", [c for c in load_cases("targets") if "value" in c.values[0]])
def test_case_value(case: Entry) -> None:
    match, _ = run_case(case)
    assert match.value == number(case["value"]), match.reason


@pytest.mark.parametrize("case", [c for c in load_cases("targets") if "reason" in c.values[0]])
def test_case_reason(case: Entry) -> None:
    match, _ = run_case(case)
    for piece in case["reason"]:
        assert piece in match.reason


@pytest.mark.parametrize("case", load_cases("targets"))
def test_case_indicator_is_the_plans_name(case: Entry) -> None:
    match, _ = run_case(case)
    assert match.indicator == case["target"]["subject"]


@pytest.mark.parametrize("case", load_cases("targets", "key"))
def test_names_of_one_indicator_share_a_key(case: Entry) -> None:
    keys = {name: indicator_key(name) for name in case["names"]}
    assert len(set(keys.values())) == 1, keys


@pytest.mark.parametrize("case", load_cases("targets", "distinct"))
def test_names_of_different_indicators_keep_apart(case: Entry) -> None:
    keys = [indicator_key(name) for name in case["names"]]
    assert len(set(keys)) == len(keys), keys


# --- which claims are targets -------------------------------------------------------


def two_claim_plan() -> Document:
    text = "去年国内生产总值增长3%。今年国内生产总值增长5%左右，城镇新增就业1200万人。"
    entries = [
        {
            "text": "3%",
            "value": "3",
            "unit": "%",
            "subject": "国内生产总值",
            "modality": "achieved",
        },
        {"text": "5%左右", "value": "5", "unit": "%", "subject": "国内生产总值"},
        {"text": "1200万人", "value": "12000000", "unit": "人"},
    ]
    return build_document(text, entries, "target")


def test_one_match_per_target_with_a_subject() -> None:
    plan = two_claim_plan()
    matches = match_targets(plan, Document(text=""))
    assert [m.target.text for m in matches] == ["5%左右"]


def test_a_target_without_an_outcome_says_why() -> None:
    (match,) = match_targets(two_claim_plan(), Document(text=""))
    assert (match.outcome, match.status, match.value) == (None, None, None)
    assert match.reason == "the report states no achieved figure of 国内生产总值"


def test_documents_without_claims_give_no_matches() -> None:
    assert match_targets(govplan.Document(text=""), govplan.Document(text="")) == ()


@pytest.mark.parametrize("argument", ["plan", "report"])
def test_arguments_must_be_documents(argument: str) -> None:
    doc = Document(text="")
    args: dict[str, Any] = {"plan": doc, "report": doc, argument: "国内生产总值增长5%"}
    with pytest.raises(TypeError, match=f"{argument} must be a govplan Document, not str"):
        match_targets(**args)


def test_the_public_names() -> None:
    assert govplan.match_targets is match_targets
    assert govplan.TargetMatch is TargetMatch


# --- the pairs ----------------------------------------------------------------------


def load_pair(name: str) -> Entry:
    data: Entry = tomllib.loads((PAIRS / f"{name}.toml").read_text(encoding="utf-8"))
    data["plan_text"] = (PAIRS / data["plan_file"]).read_text(encoding="utf-8")
    data["report_text"] = (PAIRS / data["report_file"]).read_text(encoding="utf-8")
    return data


def pair_rows(*, end_to_end: bool) -> list[Any]:
    params = []
    for name in PAIR_NAMES:
        for index, row in enumerate(load_pair(name)["plan"], start=1):
            marks = []
            if end_to_end and "broken" in row:
                marks.append(pytest.mark.xfail(strict=True, reason=EXTRACTION))
            row_id = f"{name}-{index:02}-{row['outcome'] or 'none'}"
            params.append(pytest.param(name, row, id=row_id, marks=marks))
    return params


def expected_outcome(pair: Entry, row: Entry) -> Span | None:
    if not row["outcome"]:
        return None
    (entry,) = [e for e in pair["report"] if e["id"] == row["outcome"]]
    return locate(pair["report_text"], entry)


def check_row(pair: Entry, row: Entry, matches: tuple[TargetMatch, ...]) -> None:
    span = locate(pair["plan_text"], row)
    found = [m for m in matches if overlaps(m.target.span, span)]
    assert found, f"no target at {row['text']!r}: {[m.target.text for m in matches]}"
    match = found[0]
    want = expected_outcome(pair, row)
    got = match.outcome.span if match.outcome is not None else None
    assert (got is None) == (want is None), match.reason
    if got is not None and want is not None:
        assert overlaps(got, want), (match.outcome, match.reason)
    assert match.status == (row["status"] or None), match.reason


@pytest.mark.parametrize(("name", "row"), pair_rows(end_to_end=False))
def test_pair_on_annotated_claims(name: str, row: Entry) -> None:
    pair = load_pair(name)
    plan = build_document(pair["plan_text"], pair["plan"], "target")
    report = build_document(pair["report_text"], pair["report"], "achieved")
    check_row(pair, row, match_targets(plan, report))


@pytest.mark.parametrize(("name", "row"), pair_rows(end_to_end=True))
def test_pair_end_to_end(name: str, row: Entry) -> None:
    pair = load_pair(name)
    plan = govplan.parse(pair["plan_text"])
    report = govplan.parse(pair["report_text"])
    check_row(pair, row, match_targets(plan, report))


# --- the command line ---------------------------------------------------------------

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SAMPLE_PLAN = str(EXAMPLES / "sample_plan.txt")
SAMPLE_REPORT = str(EXAMPLES / "sample_report_2024.txt")


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    from govplan.cli import main

    status = main(["targets", *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def sample_matches() -> tuple[TargetMatch, ...]:
    plan = govplan.parse(Path(SAMPLE_PLAN).read_text(encoding="utf-8"))
    return match_targets(plan, govplan.parse(Path(SAMPLE_REPORT).read_text(encoding="utf-8")))


def test_cli_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_cli(capsys, SAMPLE_PLAN, SAMPLE_REPORT)
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert status == 0
    assert lines[0] == "indicator target outcome status"
    assert "粮食总产量 不低于21.5万吨 4.36亿斤 (= 218000吨) met" in lines
    assert lines[-1].startswith(f"{len(sample_matches())} targets: ")


def test_cli_csv(capsys: pytest.CaptureFixture[str]) -> None:
    from govplan._targets_view import CSV_COLUMNS

    status, out, _ = run_cli(capsys, "--format", "csv", SAMPLE_PLAN, SAMPLE_REPORT)
    rows = list(csv.reader(io.StringIO(out)))
    assert status == 0
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 1 + len(sample_matches())


def test_cli_csv_numbers_are_exact(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(capsys, "-f", "csv", SAMPLE_PLAN, SAMPLE_REPORT)
    grain = next(row for row in csv.DictReader(io.StringIO(out)) if row["outcome"] == "4.36亿斤")
    assert (grain["target_value"], grain["outcome_value"], grain["value"]) == (
        "215000",
        "436000000",
        "218000",
    )


def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_cli(capsys, "-f", "json", SAMPLE_PLAN, SAMPLE_REPORT)
    records = json.loads(out)
    grain = next(r for r in records if r["outcome"] and r["outcome"]["text"] == "4.36亿斤")
    assert status == 0
    assert len(records) == len(sample_matches())
    assert (grain["status"], grain["value"], grain["target"]["unit"]) == ("met", 218000, "吨")


def test_cli_out_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "targets.csv"
    status, out, _ = run_cli(capsys, "-f", "csv", SAMPLE_PLAN, SAMPLE_REPORT, "-o", str(out_file))
    assert (status, out) == (0, "")
    assert out_file.read_text(encoding="utf-8").startswith("indicator,status,target,")


def test_cli_reads_gb18030(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.txt"
    report = tmp_path / "report.txt"
    plan.write_bytes("二、工作计划\n力争新建公办幼儿园5所。\n".encode("gb18030"))
    report.write_text("一、工作总结\n全年新建公办幼儿园6所。\n", encoding="utf-8")
    status, out, err = run_cli(capsys, str(plan), str(report))
    assert status == 0
    assert "公办幼儿园 5所 6所 met" in [" ".join(line.split()) for line in out.splitlines()]
    assert "read it as GB18030" in err


def test_cli_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_cli(capsys, "no-such-plan.txt", SAMPLE_REPORT)
    assert (status, out) == (1, "")
    assert err.strip() == "govplan: error: no-such-plan.txt: no such file"


def test_cli_needs_two_files(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run_cli(capsys, SAMPLE_PLAN)
    assert status == 2
    assert "REPORT" in err


def test_cli_only_one_standard_input(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run_cli(capsys, "-", "-")
    assert status == 2
    assert "cannot both be standard input" in err


def test_cli_lists_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    from govplan.cli import main

    assert main(["--help"]) == 0
    assert "targets" in capsys.readouterr().out
