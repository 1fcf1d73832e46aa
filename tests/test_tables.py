"""govplan.tables: one flat row per claim or heading, the same columns for every tool."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import govplan
from govplan.model import Bound, Claim, Comparison, Modality, Span
from govplan.tables import CLAIM_COLUMNS, OUTLINE_COLUMNS, claim_rows, outline_rows

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TEXT = (ROOT / "examples" / "sample_plan.txt").read_text(encoding="utf-8")
TEXT = (
    "枫林县农业农村局2023年工作总结和2024年工作计划\n"
    "一、2023年工作总结\n(一)粮食生产\n全年粮食播种面积38.2万亩,同比增长1.8%。\n"
    "二、2024年工作计划\n(一)粮食生产\n力争粮食播种面积稳定在38万亩以上。\n"
)


@pytest.fixture
def doc() -> govplan.Document:
    return govplan.parse(TEXT)


def test_columns_in_the_fixed_order(doc: govplan.Document) -> None:
    assert [list(row) for row in claim_rows(doc)] == [list(CLAIM_COLUMNS)] * len(doc.claims)


def test_the_columns_the_issue_names() -> None:
    assert CLAIM_COLUMNS[:16] == (
        "file",
        "title",
        "doc_type",
        "heading",
        "text",
        "value",
        "high",
        "unit",
        "approx",
        "bound",
        "subject",
        "modality",
        "direction",
        "baseline",
        "start",
        "end",
    )


def test_one_row_per_claim_in_order(doc: govplan.Document) -> None:
    assert [row["text"] for row in claim_rows(doc)] == [c.text for c in doc.claims]


def test_heading_is_the_path_as_text(doc: govplan.Document) -> None:
    assert claim_rows(doc)[-1]["heading"] == "二、2024年工作计划 > (一)粮食生产"


def test_document_fields_repeat_on_every_row(doc: govplan.Document) -> None:
    rows = claim_rows(doc, file="plans/2023.txt")
    assert {(r["file"], r["title"], r["doc_type"]) for r in rows} == {
        ("plans/2023.txt", "枫林县农业农村局2023年工作总结和2024年工作计划", "总结和计划")
    }


def test_comparison_gives_direction_and_baseline(doc: govplan.Document) -> None:
    row = next(r for r in claim_rows(doc) if r["unit"] == "%")
    assert (row["direction"], row["baseline"]) == ("up", "同期")


def test_enums_are_their_string_values(doc: govplan.Document) -> None:
    row = claim_rows(doc)[-1]
    assert (row["bound"], row["modality"]) == ("min", "target")
    assert (type(row["bound"]), type(row["modality"])) == (str, str)


def test_offsets_slice_the_text(doc: govplan.Document) -> None:
    assert all(TEXT[r["start"] : r["end"]] == r["text"] for r in claim_rows(doc))


def test_hand_made_claim_keeps_exact_values() -> None:
    claim = Claim(
        text="2.5至30.90%",
        span=Span(0, 9),
        value=Decimal("2.5"),
        high=Decimal("30.90"),
        unit="%",
        approx="约",
        bound=Bound.MAX,
        subject="增速",
        modality=Modality.ACHIEVED,
        comparison=Comparison(
            text="比去年下降", baseline="去年", direction="down", span=Span(0, 5)
        ),
    )
    doc = attrs.evolve(govplan.Document(text="2.5至30.90%"), claims=(claim,))
    assert claim_rows(doc)[0] == {
        "file": None,
        "title": None,
        "doc_type": None,
        "heading": None,
        "text": "2.5至30.90%",
        "value": Decimal("2.5"),
        "high": Decimal("30.90"),
        "unit": "%",
        "approx": "约",
        "bound": "max",
        "subject": "增速",
        "modality": "achieved",
        "direction": "down",
        "baseline": "去年",
        "start": 0,
        "end": 9,
    }


def test_a_path_out_of_range_is_left_out() -> None:
    claim = Claim(text="7所", span=Span(0, 2), value=7, unit="所", path=(5,))
    doc = attrs.evolve(govplan.Document(text="7所"), claims=(claim,))
    assert claim_rows(doc)[0]["heading"] is None


def test_no_claims_no_rows() -> None:
    assert claim_rows(govplan.parse("一、总体要求")) == []


def test_claim_rows_rejects_anything_but_a_document() -> None:
    with pytest.raises(TypeError, match="dict"):
        claim_rows(govplan.to_dict(govplan.parse("")))  # type: ignore[arg-type]


def test_the_sample_gives_a_row_per_claim() -> None:
    doc = govplan.parse(SAMPLE_TEXT)
    assert len(claim_rows(doc)) == len(doc.claims) > 50


# --- outline_rows ------------------------------------------------------------------


def test_outline_columns_in_the_fixed_order(doc: govplan.Document) -> None:
    assert list(outline_rows(doc)[0]) == list(OUTLINE_COLUMNS)


def test_outline_rows_follow_the_json_outline(doc: govplan.Document) -> None:
    json_outline = govplan.to_dict(doc)["outline"]
    rows = outline_rows(doc, file="a.txt")
    assert [{k: r[k] for k in json_outline[0]} for r in rows] == json_outline


def test_outline_heading_is_the_path_down_to_it(doc: govplan.Document) -> None:
    assert [r["heading"] for r in outline_rows(doc)][-1] == "二、2024年工作计划 > (一)粮食生产"


def test_outline_heading_matches_the_claim_heading(doc: govplan.Document) -> None:
    headings = {r["heading"] for r in outline_rows(doc)}
    assert {r["heading"] for r in claim_rows(doc)} <= headings
