"""Tests for govplan.claims (extract_claims, find_claims), with its case table.

The sentences of tests/cases/claims.toml were written for it: one case per unit,
qualifier, range form, comparison and exclusion.
"""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal
from typing import Any

import pytest
from _cases import load_cases
from hypothesis import given
from hypothesis import strategies as st

import govplan
from govplan.claims import explain, extract_claims, find_claims
from govplan.model import Bound, Claim, Heading, MarkerStyle, Modality, Span
from govplan.normalize import normalize
from govplan.structure import build_outline

Case = dict[str, Any]

_NONE = "none"


def _claim(text: str, surface: str) -> Claim:
    found = [c for c in extract_claims(text) if c.text == surface]
    assert found, f"no claim {surface!r} in {[c.text for c in extract_claims(text)]}"
    return found[0]


def _expected(case: Case, key: str) -> Any:
    value = case[key]
    return None if value == _NONE else value


@pytest.mark.parametrize("case", load_cases("claims", "claim"))
def test_claim_value(case: Case) -> None:
    claim = _claim(case["input"], case["text"])
    assert claim.value == Decimal(case["value"])


@pytest.mark.parametrize("case", load_cases("claims", "claim"))
def test_claim_unit(case: Case) -> None:
    assert _claim(case["input"], case["text"]).unit == case["unit"]


def _with(field: str) -> list[Any]:
    """Return the [[claim]] cases that state *field*."""
    return [c for c in load_cases("claims", "claim") if field in c.values[0]]


@pytest.mark.parametrize("case", _with("high"))
def test_claim_high(case: Case) -> None:
    high = _claim(case["input"], case["text"]).high
    assert high == Decimal(case["high"])


@pytest.mark.parametrize("case", _with("approx"))
def test_claim_approx(case: Case) -> None:
    assert _claim(case["input"], case["text"]).approx == _expected(case, "approx")


@pytest.mark.parametrize("case", _with("bound"))
def test_claim_bound(case: Case) -> None:
    bound = _claim(case["input"], case["text"]).bound
    expected = _expected(case, "bound")
    assert bound == (None if expected is None else Bound(expected))


@pytest.mark.parametrize("case", _with("subject"))
def test_claim_subject(case: Case) -> None:
    assert _claim(case["input"], case["text"]).subject == _expected(case, "subject")


@pytest.mark.parametrize("case", _with("comparison"))
def test_claim_comparison_text(case: Case) -> None:
    comparison = _claim(case["input"], case["text"]).comparison
    expected = _expected(case, "comparison")
    assert (comparison.text if comparison else None) == expected


@pytest.mark.parametrize("case", _with("direction"))
def test_claim_comparison_direction(case: Case) -> None:
    comparison = _claim(case["input"], case["text"]).comparison
    assert comparison is not None
    assert (comparison.direction, comparison.baseline) == (
        case["direction"],
        _expected(case, "baseline"),
    )


@pytest.mark.parametrize("case", load_cases("claims", "count"))
def test_claim_texts(case: Case) -> None:
    assert [c.text for c in extract_claims(case["input"])] == case["texts"]


@pytest.mark.parametrize("case", load_cases("claims", "none"))
def test_not_a_claim(case: Case) -> None:
    assert [c.text for c in extract_claims(case["input"])] == []


def _modality_case(case: Case) -> Claim:
    norm = normalize(case["input"])
    claims = find_claims(
        norm,
        outline=build_outline(norm),
        doc_type=case.get("doc_type"),
        title=case.get("title"),
        date=datetime.date.fromisoformat(case["date"]) if "date" in case else None,
    )
    return next(c for c in claims if c.text == case["text"])


@pytest.mark.parametrize("case", load_cases("claims", "modality"))
def test_modality(case: Case) -> None:
    expected = _expected(case, "modality")
    assert _modality_case(case).modality == (None if expected is None else Modality(expected))


def _scope_cases() -> list[Any]:
    """Return the [[modality]] cases that name a scope and need no context but their text."""
    context = ("doc_type", "title", "date")
    cases = load_cases("claims", "modality")
    return [c for c in cases if "scope" in c.values[0] and not set(context) & set(c.values[0])]


@pytest.mark.parametrize("case", _scope_cases())
def test_modality_scope(case: Case) -> None:
    """The evidence that decided is the one the case names (explain's modality_scope)."""
    doc = govplan.parse(case["input"])
    claim = next(c for c in doc.claims if c.text == case["text"])
    assert explain(doc, claim).modality_scope == case["scope"]


# --- exact values ------------------------------------------------------------------


def test_whole_value_is_int() -> None:
    value = _claim("退还费用30.90万元。", "30.90万元").value
    assert type(value) is int


def test_fraction_value_is_decimal() -> None:
    assert _claim("提高2.85个百分点。", "2.85个百分点").value == Decimal("2.85")


# --- spans and paths ---------------------------------------------------------------


def test_span_is_original_with_pinyin() -> None:
    text = "構(gòu)建學(xué)校3所。"
    claim = extract_claims(text)[0]
    assert text[claim.span.start : claim.span.end] == claim.text == "3所"


def test_subject_keeps_source_characters() -> None:
    text = "新建公辦幼兒(ér)園7所。"
    assert extract_claims(text)[0].subject == "公辦幼兒(ér)園"


def _heading(title: str, start: int, end: int, children: tuple[Heading, ...] = ()) -> Heading:
    return Heading(
        style=MarkerStyle.CN_DUN,
        ordinal=1,
        level=1,
        marker="一、",
        title=title,
        inline=False,
        text="一、" + title,
        span=Span(start, start + 2 + len(title)),
        body=Span(start + 2 + len(title), end),
        section=Span(start, end),
        children=children,
    )


_PLAN = "一、工作总结\n(一)办学条件\n新建学校3所。\n二、工作计划\n新建学校5所。"


def _outline() -> tuple[Heading, ...]:
    first_end = _PLAN.index("二、")
    child = _heading("办学条件", _PLAN.index("(一)"), first_end)
    return (
        _heading("工作总结", 0, first_end, (child,)),
        _heading("工作计划", first_end, len(_PLAN)),
    )


def test_path_is_preorder_indices() -> None:
    claims = find_claims(normalize(_PLAN), outline=_outline())
    assert [c.path for c in claims] == [(0, 1), (2,)]


def test_heading_sets_modality() -> None:
    claims = find_claims(normalize(_PLAN), outline=_outline())
    assert [c.modality for c in claims] == [Modality.ACHIEVED, Modality.TARGET]


def test_exclude_spans_hold_no_claim() -> None:
    text = "备注/文号:共5所\n新建学校6所。"
    claims = find_claims(normalize(text), exclude=(Span(0, text.index("\n")),))
    assert [c.text for c in claims] == ["6所"]


def test_claims_are_in_document_order() -> None:
    claims = extract_claims("新建学校3所,改造校舍2万平方米,培训教师500人次。")
    assert [c.span.start for c in claims] == sorted(c.span.start for c in claims)


def test_non_str_raises_type_error() -> None:
    with pytest.raises(TypeError, match="must be str"):
        extract_claims(b"3\xe6\x89\x80")  # type: ignore[arg-type]


# --- pathological input stays linear (no assertion on time: see benchmarks) -------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("百分之" * 20000, id="percent-words"),
        pytest.param("1" * 50000, id="digits"),
        pytest.param("1" * 50000 + "个", id="digits-with-unit"),
        pytest.param("一" * 50000 + "个", id="chinese-numerals"),
        pytest.param("“" * 50000, id="open-quotes"),
        pytest.param("3-" * 25000 + "年", id="range-chain"),
    ],
)
def test_pathological_input_terminates(text: str) -> None:
    for claim in extract_claims(text):
        assert claim.text == text[claim.span.start : claim.span.end]


# --- properties ----------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "3", "１２", "30.90", "五", "两", "一个", "万", "亿", "余", "多", "约", "近", "不低于",
        "以上", "以下", "左右", "至", "—", "-", "所", "名", "%", "％", "个百分点", "人次",
        "年", "第", "“", "”", "《", "》", "。", ",", "\n", "(gòu)", "構", "學", "新建",
        "百分之", "比去年提高", "一、", "(一)", "\r\n",
    ]
)  # fmt: skip
_HANZI = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_PLAN_TEXT = st.lists(st.one_of(_PIECES, st.text(_HANZI, max_size=4)), max_size=40).map("".join)


@given(st.one_of(_PLAN_TEXT, st.text()))
def test_claim_spans_are_lossless(text: str) -> None:
    for claim in extract_claims(text):
        assert claim.text == text[claim.span.start : claim.span.end]


@given(_PLAN_TEXT)
def test_claims_never_overlap(text: str) -> None:
    claims = extract_claims(text)
    assert all(a.span.end <= b.span.start for a, b in itertools.pairwise(claims))
