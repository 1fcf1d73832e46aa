"""Tests for the figures stage of the claims engine (govplan.claims._figures and its modules).

The cases of tests/cases/figures.toml are read through ``govplan.parse``, so
they hold what a user sees: mixed numerals (3万4000元), signs and temperatures
(零下5℃, +5.2%), qualifiers after a unit (5所以上), vague numbers and digits of
other scripts.  Properties: a claim's value is ``parse_number`` of its number,
whatever the decimal context, and its text is the slice of its span.
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Any

import pytest
from _cases import load_cases
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import govplan
from govplan.claims import _figures
from govplan.model import Bound, Claim

Case = dict[str, Any]

_NONE = "none"


def _claim(text: str, surface: str) -> Claim:
    claims = govplan.parse(text).claims
    found = [c for c in claims if c.text == surface]
    assert found, f"no claim {surface!r} in {[c.text for c in claims]}"
    return found[0]


def _expected(case: Case, key: str) -> Any:
    value = case[key]
    return None if value == _NONE else value


def _with(field: str) -> list[Any]:
    """Return the [[claim]] cases that state *field*."""
    return [c for c in load_cases("figures", "claim") if field in c.values[0]]


# --- the case table --------------------------------------------------------------------


@pytest.mark.parametrize("case", load_cases("figures", "claim"))
def test_value(case: Case) -> None:
    assert _claim(case["input"], case["text"]).value == Decimal(case["value"])


@pytest.mark.parametrize("case", load_cases("figures", "claim"))
def test_value_is_exact_in_a_low_precision_context(case: Case) -> None:
    with decimal.localcontext(decimal.Context(prec=3)):
        value = _claim(case["input"], case["text"]).value
    assert value == Decimal(case["value"])


@pytest.mark.parametrize("case", load_cases("figures", "claim"))
def test_unit(case: Case) -> None:
    assert _claim(case["input"], case["text"]).unit == case["unit"]


@pytest.mark.parametrize("case", _with("high"))
def test_high(case: Case) -> None:
    assert _claim(case["input"], case["text"]).high == Decimal(case["high"])


@pytest.mark.parametrize("case", _with("approx"))
def test_approx(case: Case) -> None:
    assert _claim(case["input"], case["text"]).approx == _expected(case, "approx")


@pytest.mark.parametrize("case", _with("bound"))
def test_bound(case: Case) -> None:
    bound = _claim(case["input"], case["text"]).bound
    expected = _expected(case, "bound")
    assert bound == (None if expected is None else Bound(expected))


@pytest.mark.parametrize("case", load_cases("figures", "count"))
def test_claim_texts(case: Case) -> None:
    assert [c.text for c in govplan.parse(case["input"]).claims] == case["texts"]


@pytest.mark.parametrize("case", load_cases("figures", "none"))
def test_no_claim(case: Case) -> None:
    assert [c.text for c in govplan.parse(case["input"]).claims] == []


# --- exact values whatever the decimal context -----------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("全年房地产开发投资增速为-2.34567%。", "-2.34567", id="negative-decimal"),
        pytest.param("高新技术产业增加值占比12.3456789%。", "12.3456789", id="long-decimal"),
        pytest.param("完成固定资产投资1234.5678万元。", "12345678", id="decimal-wan"),
        pytest.param("企业利润总额为负3.14159亿元。", "-314159000", id="negative-decimal-yi"),
        pytest.param("工期缩短一个半月。", "1.5", id="ge-ban"),
    ],
)
def test_low_precision_context_changes_no_value(text: str, value: str) -> None:
    with decimal.localcontext(decimal.Context(prec=3)):
        claims = govplan.parse(text).claims
    assert [c.value for c in claims] == [Decimal(value)]


def test_low_precision_context_changes_no_high() -> None:
    with decimal.localcontext(decimal.Context(prec=2)):
        claim = govplan.parse("城镇调查失业率控制在3.5%—4.56789%。").claims[0]
    assert (claim.value, claim.high) == (Decimal("3.5"), Decimal("4.56789"))


# --- pathological numbers --------------------------------------------------------------


_LONG = "1" * 4500


@pytest.mark.parametrize(
    "number",
    [
        pytest.param(_LONG, id="digits"),
        pytest.param(_LONG + "万", id="digits-wan"),
        pytest.param("9" * 4500 + ".5", id="digits-decimal"),
        pytest.param("0." + _LONG, id="long-fraction"),
        pytest.param(",".join(["1"] + ["000"] * 1500), id="groups"),
    ],
)
def test_long_number_is_no_claim(number: str) -> None:
    assert govplan.parse(f"全年累计投入{number}元。").claims == ()


def test_long_number_is_reported() -> None:
    doc = govplan.parse(f"全年累计投入{_LONG}元。")
    assert [d.code for d in doc.diagnostics if d.code == "number-too-long"] == ["number-too-long"]


def test_long_number_leaves_the_next_figure() -> None:
    claims = govplan.parse(f"编号{_LONG}，新建学校3所。").claims
    assert [(c.text, c.value) for c in claims] == [("3所", 3)]


# --- the module's surface --------------------------------------------------------------


def test_figures_keeps_its_public_names() -> None:
    names = {"CN_NUM", "Figure", "alternation", "first_letters", "long_numbers", "scan_figures"}
    assert set(_figures.__all__) == names
    assert all(hasattr(_figures, name) for name in names)


# --- properties ------------------------------------------------------------------------

# Context letters: common words of a plan, with no numeral, sign or qualifier among them.
_CONTEXT = st.text(
    st.sampled_from("经济社会发展建设推进全面落实城乡居民稳定提升服务质量效益创新改革")
)
_SIGNS = st.sampled_from(["", "-", "+", "负"])
_MAGNITUDES = st.sampled_from(["", "万", "亿", "万亿", "千", "百万", "千万", "百亿", "千亿"])
_UNITS = st.sampled_from(["", "元", "人", "个", "%", "吨", "平方米", "户", "项", "百分点", "人次"])


@st.composite
def _number_texts(draw: st.DrawFn) -> str:
    """Return a signed Arabic number, maybe grouped, with decimals and a magnitude."""
    whole = draw(st.integers(min_value=0, max_value=10**18 - 1))
    text = format(whole, ",") if draw(st.booleans()) else str(whole)
    if draw(st.booleans()):
        text += "." + draw(st.text("0123456789", min_size=1, max_size=8))
    return draw(_SIGNS) + text + draw(_MAGNITUDES)


@settings(max_examples=80, deadline=None)
@given(before=_CONTEXT, number=_number_texts(), unit=_UNITS, after=_CONTEXT)
def test_value_is_parse_number_of_its_text(before: str, number: str, unit: str, after: str) -> None:
    assume(unit or number.endswith(("万", "亿")))  # a bare count needs its magnitude
    text = f"{before}为{number}{unit}，{after}"
    start = len(before) + 1
    expected = govplan.parse_number(number)
    with decimal.localcontext(decimal.Context(prec=3)):
        claims = [c for c in govplan.parse(text).claims if c.span.start == start]
    assert [(c.text, c.value) for c in claims] == [(number + unit, expected)]


_BITS = st.sampled_from(
    [
        "3", "45", "4000", "2.5", "1,200", "万", "亿", "千", "2百", "零下", "负", "-", "+",
        "为", "元", "所", "以上", "以内", "左右", "%", "℃", "度", "约", "多", "余", "几",
        "十", "五", "一", "个", "半", "月", "第", "至", "—", "年", "人口", "\U000116d4",
        "１２", "（", "）", "，", "。", "\n", "“", "”",
    ]
)  # fmt: skip
_HANZI = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_LEADS = st.sampled_from(["", "为", "约", "零下", "(", "不低于", "第"])
_FIGURES = st.tuples(_LEADS, _number_texts(), _UNITS).map("".join)
_FIGURE_TEXT = st.lists(st.one_of(_BITS, _FIGURES, st.text(_HANZI, max_size=3)), max_size=30).map(
    "".join
)


@settings(max_examples=80, deadline=None)
@given(_FIGURE_TEXT)
def test_claim_text_is_its_span(text: str) -> None:
    for claim in govplan.parse(text).claims:
        assert claim.text == text[claim.span.start : claim.span.end]


@settings(max_examples=80, deadline=None)
@given(_FIGURE_TEXT)
def test_decimal_context_changes_no_claim(text: str) -> None:
    expected = govplan.parse(text).claims
    with decimal.localcontext(decimal.Context(prec=1, rounding=decimal.ROUND_DOWN)):
        assert govplan.parse(text).claims == expected
