"""Tests of govplan.dates: parse_date and search_date."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from _cases import load_cases
from hypothesis import given
from hypothesis import strategies as st

from govplan.dates import parse_date, search_date
from govplan.errors import DateError


def _params(table: str, *, error: bool | None = None) -> list[Any]:
    params = load_cases("metadata", table)
    return [p for p in params if error is None or ("error" in p.values[0]) == error]


@pytest.mark.parametrize("case", _params("date", error=False))
def test_parse_date(case: dict[str, Any]) -> None:
    assert parse_date(case["input"]).isoformat() == case["expected"]


@pytest.mark.parametrize("case", _params("date", error=True))
def test_parse_date_error(case: dict[str, Any]) -> None:
    with pytest.raises(DateError) as info:
        parse_date(case["input"])
    assert str(info.value) == case["error"]


def test_date_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="not a date"):
        parse_date("明天")


def test_parse_date_rejects_bytes() -> None:
    with pytest.raises(TypeError, match="text must be str, not bytes"):
        parse_date(b"2020-07-02")  # type: ignore[arg-type]


def test_long_garbage_is_quoted_short() -> None:
    with pytest.raises(DateError) as info:
        parse_date("年" * 1000)
    assert len(str(info.value)) < 100


@pytest.mark.parametrize("case", _params("search_date"))
def test_search_date(case: dict[str, Any]) -> None:
    found = search_date(case["input"])
    if "expected" not in case:
        assert found is None
    else:
        assert found is not None
        assert (found[0].isoformat(), [found[1].start, found[1].end]) == (
            case["expected"],
            case["span"],
        )


def test_search_date_from_a_position() -> None:
    found = search_date("2019年1月1日和2020年2月2日", 5)
    assert found is not None
    assert found[0] == datetime.date(2020, 2, 2)


def test_search_date_stops_at_endpos() -> None:
    assert search_date("2019年1月1日", 0, 8) is None


def test_search_date_with_time_covers_the_time() -> None:
    found = search_date("2026年02月10日 07时41分", with_time=True)
    assert found is not None
    assert found[1].end == len("2026年02月10日 07时41分")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("1" * 100_000, id="digits"),
        pytest.param("2020年" * 50_000, id="years"),
        pytest.param("二〇" * 50_000, id="numerals"),
    ],
)
def test_search_date_pathological(text: str) -> None:
    assert search_date(text) is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("20\U000116d4\U000116d5年7月30日", id="digits-int-cannot-read"),
        pytest.param("2020年\U000116d4月30日", id="month-int-cannot-read"),
        pytest.param("2020-07-\U00010d40\U00010d41", id="numeric-form"),
        pytest.param("\u0662\u0660\u0662\u0660年7月30日", id="arabic-indic-year"),
        pytest.param("2020年7月30日 1\U000116d4时", id="time-int-cannot-read"),
    ],
)
def test_other_scripts_digits_raise_date_error(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text)


def test_search_date_skips_other_scripts_digits() -> None:
    assert search_date("20\U000116d4\U000116d5年7月30日") is None


@given(st.text(st.sampled_from("0123456789年月日号-./: 〇一二十\U000116d4\u0663²"), max_size=20))
def test_parse_date_raises_only_date_error(text: str) -> None:
    try:
        value = parse_date(text)
    except DateError:
        return
    assert isinstance(value, datetime.date)
