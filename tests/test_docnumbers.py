"""Tests of govplan.docnumbers: parse_doc_number and parse_index_number.

The anchor tables (docnumbers.toml, index_numbers.toml) are generated from real
examples by scripts/import_docnumber_cases.py; the hand-written cases live in
metadata.toml.
"""

from __future__ import annotations

from typing import Any

import pytest
from _cases import load_cases

from govplan.docnumbers import parse_doc_number, parse_index_number, prefix_type
from govplan.errors import DocNumberError, IndexNumberError

DOC_CASES = load_cases("docnumbers") + load_cases("metadata", "doc_number")
INDEX_CASES = load_cases("index_numbers") + load_cases("metadata", "index_number")
DOC_PARTS = ("raw", "agency", "year", "serial", "bracket", "has_di")
INDEX_PARTS = ("raw", "prefix", "prefix_type", "category", "year", "month", "serial")


def _params(cases: list[Any], *, error: bool) -> list[Any]:
    return [p for p in cases if bool(p.values[0].get("error")) == error]


def _expected(case: dict[str, Any], parts: tuple[str, ...]) -> dict[str, Any]:
    out = {key: case[key] for key in parts if key in case}
    out.update(dict.fromkeys(case.get("none", [])))
    return out


@pytest.mark.parametrize("case", _params(DOC_CASES, error=False))
def test_doc_number_parts(case: dict[str, Any]) -> None:
    number = parse_doc_number(case["input"])
    expected = _expected(case, DOC_PARTS)
    assert {key: getattr(number, key) for key in expected} == expected


@pytest.mark.parametrize("case", _params(DOC_CASES, error=False))
def test_doc_number_raw_is_a_slice_of_the_input(case: dict[str, Any]) -> None:
    assert parse_doc_number(case["input"]).raw in case["input"]


@pytest.mark.parametrize("case", _params(DOC_CASES, error=True))
def test_doc_number_error(case: dict[str, Any]) -> None:
    with pytest.raises(DocNumberError) as info:
        parse_doc_number(case["input"])
    if isinstance(case["error"], str):
        assert str(info.value) == case["error"]
    else:
        assert repr(case["input"])[:20] in str(info.value)


@pytest.mark.parametrize("case", _params(INDEX_CASES, error=False))
def test_index_number_parts(case: dict[str, Any]) -> None:
    number = parse_index_number(case["input"])
    expected = _expected(case, INDEX_PARTS)
    assert {key: getattr(number, key) for key in expected} == expected


@pytest.mark.parametrize("case", _params(INDEX_CASES, error=True))
def test_index_number_error(case: dict[str, Any]) -> None:
    with pytest.raises(IndexNumberError) as info:
        parse_index_number(case["input"])
    if isinstance(case["error"], str):
        assert str(info.value) == case["error"]
    else:
        assert repr(case["input"]) in str(info.value)


def test_unclosed_bracket_is_named() -> None:
    with pytest.raises(DocNumberError, match="unclosed bracket"):
        parse_doc_number("某政发〔201912号")


def test_traditional_agency_is_kept_as_written() -> None:
    assert parse_doc_number("粵府〔2004〕4號").agency == "粵府"


def test_long_input_is_quoted_short() -> None:
    with pytest.raises(DocNumberError) as info:
        parse_doc_number("文" * 10_000)
    assert len(str(info.value)) < 120


@pytest.mark.parametrize(
    "function",
    [pytest.param(parse_doc_number, id="doc"), pytest.param(parse_index_number, id="index")],
)
def test_non_str_is_a_type_error(function: Any) -> None:
    with pytest.raises(TypeError, match="text must be str, not int"):
        function(2020)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("1" * 100_000 + "号", id="digits"),
        pytest.param("(" * 100_000, id="parens"),
        pytest.param("〔2020" * 20_000 + "号", id="open-brackets"),
        pytest.param("汉" * 500_000 + "1号", id="long-han"),
        pytest.param("第" * 100_000 + "1号", id="di-run"),
    ],
)
def test_pathological_doc_number_raises(text: str) -> None:
    with pytest.raises(DocNumberError):
        parse_doc_number(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("1" * 100_000, id="digits"),
        pytest.param("-" * 100_000, id="dashes"),
        pytest.param("1/" * 50_000, id="slashes"),
    ],
)
def test_pathological_index_number_raises(text: str) -> None:
    with pytest.raises(IndexNumberError):
        parse_index_number(text)


def test_prefix_type_of_a_division_code() -> None:
    assert prefix_type("6107280000") == "admin_division_10"
