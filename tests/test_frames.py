"""govplan.frames: claim rows as pandas DataFrames and Arrow tables with fixed dtypes."""

from __future__ import annotations

import math
from decimal import Decimal
from pathlib import Path

import pytest

import govplan
from govplan.frames import arrow_schema, claims_frame, float_row, to_arrow
from govplan.tables import CLAIM_COLUMNS

pd = pytest.importorskip("pandas", reason="needs pandas: pip install 'govplan[pandas]'")
pa = pytest.importorskip("pyarrow", reason="needs pyarrow: pip install 'govplan[pandas]'")
pq = pytest.importorskip("pyarrow.parquet")

TEXT = (
    "一、2023年工作总结\n全年粮食播种面积38.2万亩,同比增长1.8%。\n"
    "二、2024年工作计划\n力争粮食播种面积稳定在38万亩以上,在校生1至20人。\n"
)


@pytest.fixture
def rows() -> list[govplan.ClaimRow]:
    return govplan.claim_rows(govplan.parse(TEXT), file="a.txt")


def test_frame_has_the_claim_columns(rows: list[govplan.ClaimRow]) -> None:
    assert list(claims_frame(rows).columns) == list(CLAIM_COLUMNS)


def test_frame_dtypes(rows: list[govplan.ClaimRow]) -> None:
    dtypes = claims_frame(rows).dtypes
    assert (str(dtypes["value"]), str(dtypes["high"]), str(dtypes["start"])) == (
        "float64",
        "float64",
        "int64",
    )


def test_frame_text_columns_are_strings(rows: list[govplan.ClaimRow]) -> None:
    frame = claims_frame(rows)
    assert all(isinstance(frame[c].dtype, pd.StringDtype) for c in ("file", "text", "unit"))


def test_frame_categories(rows: list[govplan.ClaimRow]) -> None:
    frame = claims_frame(rows)
    assert list(frame["modality"].cat.categories) == ["achieved", "target"]


def test_frame_values(rows: list[govplan.ClaimRow]) -> None:
    frame = claims_frame(rows)
    assert frame["value"].tolist() == [382000.0, 1.8, 380000.0, 1.0]


def test_frame_missing_high_is_nan(rows: list[govplan.ClaimRow]) -> None:
    high = claims_frame(rows)["high"].tolist()
    assert (math.isnan(high[0]), high[3]) == (True, 20.0)


def test_empty_frame_keeps_columns_and_dtypes() -> None:
    frame = claims_frame([])
    assert (frame.shape, str(frame["value"].dtype)) == ((0, 16), "float64")


def test_frame_of_the_public_name() -> None:
    assert govplan.claims_frame is claims_frame


def test_float_row_turns_only_values_into_floats() -> None:
    row = {"value": Decimal("30.90"), "high": 7, "start": 3, "text": "x"}
    assert float_row(row) == {"value": 30.9, "high": 7.0, "start": 3, "text": "x"}


def test_arrow_schema_types() -> None:
    schema = arrow_schema()
    assert [str(schema.field(c).type) for c in ("file", "value", "high", "start")] == [
        "string",
        "double",
        "double",
        "int64",
    ]


def test_arrow_schema_rejects_an_unknown_kind() -> None:
    with pytest.raises(ValueError, match="kind must be"):
        arrow_schema("headings")


def test_arrow_table_of_rows_without_a_high_keeps_the_double_type() -> None:
    rows = govplan.claim_rows(govplan.parse("新建学校3所。"))
    assert str(to_arrow(rows).schema.field("high").type) == "double"


def test_parquet_round_trip(rows: list[govplan.ClaimRow], tmp_path: Path) -> None:
    path = tmp_path / "claims.parquet"
    pq.write_table(to_arrow(rows), path)
    back = pd.read_parquet(path)
    assert (back["text"].tolist(), back["value"].tolist()) == (
        [r["text"] for r in rows],
        [float(r["value"]) for r in rows],
    )


def test_frame_to_parquet_with_the_schema(rows: list[govplan.ClaimRow], tmp_path: Path) -> None:
    path = tmp_path / "claims.parquet"
    table = pa.Table.from_pandas(claims_frame(rows), schema=arrow_schema(), preserve_index=False)
    pq.write_table(table, path)
    assert pq.read_schema(path).field("modality").type == pa.string()
