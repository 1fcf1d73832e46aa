"""Properties of parse_number, extract_claims, parse_doc_number and parse_index_number."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govplan import (
    Claim,
    DocNumber,
    DocNumberError,
    IndexNumber,
    IndexNumberError,
    NumberError,
    extract_claims,
    parse_doc_number,
    parse_index_number,
    parse_number,
)

from .strategies import any_text, cn_number, figures, numerals, plan_text

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

# --- parse_number ------------------------------------------------------------------


@given(st.one_of(any_text, numerals, figures))
def test_parse_number_returns_a_number_or_raises_number_error(text: str) -> None:
    try:
        value = parse_number(text)
    except NumberError:
        return
    assert isinstance(value, (int, Decimal)), repr(value)
    assert not isinstance(value, bool), repr(value)


@given(st.one_of(any_text, numerals))
def test_parse_number_gives_int_when_whole(text: str) -> None:
    try:
        value = parse_number(text)
    except NumberError:
        return
    if isinstance(value, Decimal):
        assert value != value.to_integral_value(), (text, value)


@given(st.integers(0, 10**11))
def test_parse_number_reads_chinese_numerals_back(n: int) -> None:
    assert parse_number(cn_number(n)) == n


@given(st.integers(0, 10**12))
def test_parse_number_reads_digits_back(n: int) -> None:
    assert parse_number(str(n)) == n


@given(st.integers(0, 10**12))
def test_parse_number_reads_full_width_digits_back(n: int) -> None:
    assert parse_number(str(n).translate(FULL_WIDTH)) == n


@given(st.integers(1000, 10**12))
def test_parse_number_reads_grouped_digits_back(n: int) -> None:
    assert parse_number(f"{n:,}") == n


@given(st.integers(0, 10**6), st.integers(0, 99), st.sampled_from([("万", 10**4), ("亿", 10**8)]))
def test_parse_number_folds_magnitudes(whole: int, cents: int, magnitude: tuple[str, int]) -> None:
    name, factor = magnitude
    text = f"{whole}.{cents:02d}{name}"
    assert parse_number(text) == Decimal(f"{whole}.{cents:02d}") * factor


@given(st.integers(1, 100))
def test_parse_number_reads_percentages_as_fractions(n: int) -> None:
    assert parse_number("百分之" + cn_number(n)) == Decimal(n) / 100


# --- extract_claims ------------------------------------------------------------------


@given(st.one_of(any_text, plan_text))
def test_extract_claims_returns_claims(text: str) -> None:
    claims = extract_claims(text)
    assert isinstance(claims, tuple)
    assert all(isinstance(c, Claim) for c in claims)


@given(st.one_of(any_text, plan_text))
def test_claim_text_is_its_slice(text: str) -> None:
    for claim in extract_claims(text):
        assert 0 <= claim.span.start < claim.span.end <= len(text), claim
        assert claim.text == text[claim.span.start : claim.span.end]


@given(st.one_of(any_text, plan_text))
def test_claims_are_in_order_and_do_not_overlap(text: str) -> None:
    claims = extract_claims(text)
    for before, after in pairwise(claims):
        assert before.span.end <= after.span.start, (before.text, after.text)


@given(st.one_of(any_text, plan_text))
def test_claim_values_are_exact(text: str) -> None:
    for claim in extract_claims(text):
        values: tuple[object, ...] = (
            (claim.value,) if claim.high is None else (claim.value, claim.high)
        )
        for value in values:
            assert type(value) in (int, Decimal), claim
        # a figure without a unit is a bare count, whose magnitude says what it is
        assert claim.unit or any(m in claim.text for m in "万亿萬億"), claim


@given(st.one_of(any_text, plan_text))
def test_comparison_text_is_its_slice(text: str) -> None:
    for claim in extract_claims(text):
        comparison = claim.comparison
        if comparison is not None:
            assert comparison.text == text[comparison.span.start : comparison.span.end]


# --- document and index numbers --------------------------------------------------------


@given(any_text)
def test_parse_doc_number_returns_one_or_raises(text: str) -> None:
    try:
        number = parse_doc_number(text)
    except DocNumberError:
        return
    assert isinstance(number, DocNumber)
    assert number.raw in text


@given(
    st.sampled_from(["厦湖教", "国办发", "某政办", "京教基", "甘人社通"]),
    st.integers(1990, 2035),
    st.integers(1, 999),
    st.sampled_from(
        [("〔", "〕"), ("[", "]"), ("(", ")"), ("（", "）"), ("【", "】"), ("［", "］")]
    ),
)
def test_parse_doc_number_reads_its_parts_back(
    agency: str, year: int, serial: int, brackets: tuple[str, str]
) -> None:
    number = parse_doc_number(f"{agency}{brackets[0]}{year}{brackets[1]}{serial}号")
    assert (number.agency, number.year, number.serial) == (agency, year, serial)


@given(any_text)
def test_parse_index_number_returns_one_or_raises(text: str) -> None:
    try:
        number = parse_index_number(text)
    except IndexNumberError:
        return
    assert isinstance(number, IndexNumber)
    assert number.raw in text


@given(st.integers(10**8, 10**9 - 1), st.integers(2000, 2035), st.integers(1, 99_999))
def test_parse_index_number_reads_its_parts_back(prefix: int, year: int, serial: int) -> None:
    number = parse_index_number(f"{prefix}/{year}-{serial:05d}")
    assert (number.prefix, number.year, number.serial) == (str(prefix), year, f"{serial:05d}")


# --- types ------------------------------------------------------------------------------

PENDING: list[tuple[str, Callable[..., object]]] = [
    ("parse_number", parse_number),
    ("extract_claims", extract_claims),
    ("parse_doc_number", parse_doc_number),
    ("parse_index_number", parse_index_number),
]
BAD_VALUES: list[tuple[str, object]] = [
    ("bytes", "一千".encode()),
    ("NoneType", None),
    ("int", 5),
]


@pytest.mark.parametrize(
    ("call", "value", "type_name"),
    [
        pytest.param(call, value, type_name, id=f"{name}-{type_name}")
        for name, call in PENDING
        for type_name, value in BAD_VALUES
    ],
)
def test_wrong_type_raises_type_error_naming_it(
    call: Callable[[object], object], value: object, type_name: str
) -> None:
    with pytest.raises(TypeError, match=type_name):
        call(value)
