"""Tests of govplan.docnumbers: parse_doc_number and parse_index_number.

The anchor tables (docnumbers.toml, index_numbers.toml) are generated from real
examples by scripts/import_docnumber_cases.py; the hand-written cases live in
metadata.toml.
"""

from __future__ import annotations

from typing import Any

import pytest
from _cases import load_cases
from hypothesis import given
from hypothesis import strategies as st

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


# --- issue 11: digits int() cannot read, dashes, numbers cited in a title ----------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("厦湖教〔2020〕1\U000116d4号", id="serial"),
        pytest.param("厦湖教〔20\U000116d4\U000116d5〕1号", id="year"),
        pytest.param("厦湖教\U00010d40\U00010d41号", id="serial-alone"),
    ],
)
def test_other_scripts_digits_raise_doc_number_error(text: str) -> None:
    with pytest.raises(DocNumberError):
        parse_doc_number(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("000014349/2020\N{EN DASH}00123", id="en-dash"),
        pytest.param("000014349/2020\N{HYPHEN}00123", id="hyphen-u2010"),
        pytest.param("000014349/2020\N{MINUS SIGN}00123", id="minus-sign"),
        pytest.param("000014349/2020\N{EM DASH}00123", id="em-dash"),
        pytest.param("000014349/2020 - 00123", id="spaced-hyphen"),
        pytest.param("000014349/2020\uff0d00123", id="full-width-hyphen"),
        pytest.param("索引号：000014349 / 2020 \N{EN DASH} 00123", id="labelled-and-spaced"),
    ],
)
def test_index_number_dashes(text: str) -> None:
    number = parse_index_number(text)
    assert (number.prefix, number.year, number.serial) == ("000014349", 2020, "00123")
    assert number.raw in text
    assert number.raw.endswith("00123")


def test_index_number_keeps_no_blank_at_its_end() -> None:
    assert parse_index_number("000014349/2020-00123 - ").raw == "000014349/2020-00123"


def test_index_number_with_other_scripts_digits_raises() -> None:
    with pytest.raises(IndexNumberError):
        parse_index_number("000014349/20\U000116d4\U000116d5-00123")


def test_number_cited_in_a_traditional_title_keeps_its_organ_code_as_written() -> None:
    number = parse_doc_number("關於轉發銀發〔2020〕95號文件的通知")
    assert (number.raw, number.agency, number.year, number.serial) == (
        "銀發〔2020〕95號",
        "銀發",
        2020,
        95,
    )


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("关于印发厦湖教〔2020〕1号文件的通知", "厦湖教"),
        ("根据国办发〔2019〕5号", "国办发"),
        ("贯彻落实国发〔2021〕3号精神", "国发"),
    ],
)
def test_citing_words_are_not_part_of_the_organ_code(text: str, agency: str) -> None:
    number = parse_doc_number(text)
    assert number.agency == agency
    assert number.raw.startswith(agency)


_DOC_ALPHABET = "0123456789〔〕[]()第号號年厦湖教国发 \U000116d4\u0663²"
_INDEX_ALPHABET = "0123456789XA/-\u2013\u2212 索引号:\U000116d4\u0663²"


@given(st.text(st.sampled_from(_DOC_ALPHABET), max_size=24))
def test_parse_doc_number_raises_only_doc_number_error(text: str) -> None:
    try:
        number = parse_doc_number(text)
    except DocNumberError:
        return
    assert number.raw in text


@given(st.text(st.sampled_from(_INDEX_ALPHABET), max_size=30))
def test_parse_index_number_raises_only_index_number_error(text: str) -> None:
    try:
        number = parse_index_number(text)
    except IndexNumberError:
        return
    assert number.raw in text
