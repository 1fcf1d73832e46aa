"""Properties of parse, to_dict and normalize on plan-shaped and arbitrary text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import pairwise

import pytest
import regex
from hypothesis import assume, example, given
from hypothesis import strategies as st

import govplan
from govplan import Document, Heading, MarkerStyle, Span
from govplan.markers import marker_ordinal
from govplan.normalize import normalize
from govplan.structure import read_outline

from .strategies import (
    any_text,
    hits_known_bug,
    hostile_plan_text,
    plan_text,
)

# The shape of each style's marker once normalised (width folded, readings dropped);
# Arabic numerals are ASCII digits only.
_CN = "零〇一二三四五六七八九十百两"
MARKER_SHAPE: dict[MarkerStyle, regex.Pattern[str]] = {
    MarkerStyle.CN_DUN: regex.compile(rf"[{_CN}]+[、.]"),
    MarkerStyle.CN_PAREN: regex.compile(rf"\( ?[{_CN}]+ ?\)[、.]?"),
    MarkerStyle.NUM_DOT: regex.compile(r"[0-9]+\."),
    MarkerStyle.NUM_DUN: regex.compile(r"[0-9]+、"),
    MarkerStyle.NUM_PAREN: regex.compile(r"\(?[0-9]+\)[、.]?"),
    MarkerStyle.CIRCLED: regex.compile(r"[\u2460-\u2473]"),
    MarkerStyle.CN_SHI: regex.compile(rf"[{_CN}]+是"),
    MarkerStyle.CHAPTER: regex.compile(rf"第[{_CN}0-9]+ ?(?:章|部分|篇|编)"),
    MarkerStyle.ARTICLE: regex.compile(rf"第[{_CN}0-9]+ ?条"),
}
_NUMERAL = regex.compile(rf"[{_CN}0-9]+")


def _parents(outline: tuple[Heading, ...]) -> Iterator[tuple[Heading | None, Heading]]:
    """Yield (parent, child) for every node; the parent of a root is None."""
    stack: list[tuple[Heading | None, Heading]] = [(None, h) for h in reversed(outline)]
    while stack:
        parent, node = stack.pop()
        yield parent, node
        stack.extend((node, child) for child in reversed(node.children))


def _sibling_groups(outline: tuple[Heading, ...]) -> Iterator[tuple[Heading, ...]]:
    yield outline
    for node in govplan.walk(outline):
        yield node.children


def _in_bounds(span: Span, text: str) -> bool:
    return 0 <= span.start <= span.end <= len(text)


# --- parse never raises -------------------------------------------------------


@given(any_text)
@example("一、甲\r\r\n二、乙")
@example("\x00" * 3 + "一、\ud800")
def test_parse_returns_a_document(text: str) -> None:
    assert isinstance(govplan.parse(text), Document)


# --- outline spans --------------------------------------------------------------


@given(any_text)
def test_outline_spans_lie_in_bounds(text: str) -> None:
    for node in govplan.walk(govplan.parse(text).outline):
        assert _in_bounds(node.span, text), node
        assert _in_bounds(node.body, text), node
        assert _in_bounds(node.section, text), node


@given(any_text)
def test_node_text_is_its_slice(text: str) -> None:
    for node in govplan.walk(govplan.parse(text).outline):
        assert node.text == text[node.span.start : node.span.end]


@given(any_text)
def test_node_text_starts_with_its_marker(text: str) -> None:
    for node in govplan.walk(govplan.parse(text).outline):
        assert node.text.startswith(node.marker), (node.marker, node.text)


@given(any_text)
def test_marker_is_a_marker_of_its_style(text: str) -> None:
    assume(not hits_known_bug(text))
    for node in govplan.walk(govplan.parse(text).outline):
        marker = normalize(node.marker).text
        assert MARKER_SHAPE[node.style].fullmatch(marker), (node.style, node.marker)


@given(any_text)
def test_marker_numeral_is_the_ordinal(text: str) -> None:
    assume(not hits_known_bug(text))
    for node in govplan.walk(govplan.parse(text).outline):
        if node.style is not MarkerStyle.CIRCLED:
            numeral = _NUMERAL.search(normalize(node.marker).text)
            assert numeral is not None, node.marker
            assert marker_ordinal(numeral.group()) == node.ordinal, node


@given(any_text)
def test_node_text_ends_with_its_title(text: str) -> None:
    for node in govplan.walk(govplan.parse(text).outline):
        assert node.text.endswith(node.title), (node.title, node.text)


@given(any_text)
@example("1.(一)0")
def test_titles_are_not_empty(text: str) -> None:
    for node in govplan.walk(govplan.parse(text).outline):
        assert node.title, node


@given(any_text)
def test_title_stops_at_its_line_or_sentence_end(text: str) -> None:
    assume(not hits_known_bug(text))
    for node in govplan.walk(govplan.parse(text).outline):
        title = normalize(node.title).text
        assert not any(c in title for c in "。;!?\n"), (node.title, node.text)


@given(any_text)
def test_node_body_follows_its_title(text: str) -> None:
    for node in govplan.walk(govplan.parse(text).outline):
        assert node.body.start == node.span.end
        assert node.section.start == node.span.start
        assert node.section.contains(node.body)


# --- tree shape ------------------------------------------------------------------

# A title runs to the first 。；;！？!? or the end of its line, as the contract says,
# unless its section ends first: a sibling or an outer heading glued after a comma
# cuts it ("一是甲,二是乙": the titles are "甲" and "乙").  A child may still start
# inside its parent's title ("一是甲,(1)乙").  What always holds is below.


@given(any_text)
@example("一是甲\n(1)乙,二是丙")
@example("(一)总体,一是加强")
def test_children_start_inside_their_parent_section(text: str) -> None:
    for parent, node in _parents(govplan.parse(text).outline):
        if parent is not None:
            assert parent.section.start < node.span.start < parent.section.end, (parent, node)


@given(plan_text)
@example("(一)总体,一是加强")
def test_children_start_after_their_parent_marker(text: str) -> None:
    for parent, node in _parents(govplan.parse(text).outline):
        if parent is not None:
            assert node.span.start >= parent.span.start + len(parent.marker), (parent, node)


def test_title_ends_where_an_inline_sibling_starts() -> None:
    first, second = govplan.parse("一是甲,二是乙").outline
    assert (first.title, second.title) == ("甲", "乙")


def test_title_runs_over_an_inline_child() -> None:
    (first,) = govplan.parse("一是甲,(1)乙").outline
    assert (first.title, first.children[0].title) == ("甲,(1)乙", "乙")


# Inputs where a child's section once lay outside its parent's, or an ordinal was 0 (issue 11).
_TREE_REPRODUCERS = (
    "(1)甲;一、乙,(2)丙",
    "（1）加强领导；一、完善制度，（2）强化保障",
    "一是甲\n(1)乙,二是丙",
    "1.(一)0",
    "(一)(二)甲\n(三)乙",
    "0.甲\n1.乙",
)


def _tree_is_sound(text: str) -> None:
    """Assert the tree invariants: lossless spans, children inside, siblings apart, ordinals.

    The outline stage alone (what parse runs first), so that a claim bug found by
    the hostile inputs does not hide a tree bug.
    """
    outline = read_outline(normalize(text)).outline
    for parent, node in _parents(outline):
        for span in (node.span, node.body, node.section):
            assert _in_bounds(span, text), node
        assert node.text == text[node.span.start : node.span.end]
        assert 1 <= node.ordinal <= 999, node  # ordinals as the docs say: 0. is no heading
        assert node.section.contains(node.span)
        assert node.section.contains(node.body)
        if parent is not None:
            assert parent.section.contains(node.section), (parent, node)
            assert parent.span.start < node.span.start, (parent, node)
    for siblings in _sibling_groups(outline):
        for before, after in pairwise(siblings):
            assert before.section.end <= after.section.start, (before, after)


@pytest.mark.parametrize("text", _TREE_REPRODUCERS)
def test_tree_reproducers_are_sound(text: str) -> None:
    _tree_is_sound(text)


@given(st.one_of(any_text, hostile_plan_text))
@example("(1)甲;一、乙,(2)丙")
@example("一是甲,(1)乙,(2)丙,二是丁")
def test_tree_invariants_hold(text: str) -> None:
    _tree_is_sound(text)


@given(any_text)
def test_siblings_are_in_order(text: str) -> None:
    for siblings in _sibling_groups(govplan.parse(text).outline):
        for before, after in pairwise(siblings):
            assert before.span.start < after.span.start, (before, after)


@given(any_text)
def test_levels_are_depths(text: str) -> None:
    for parent, node in _parents(govplan.parse(text).outline):
        assert node.level == (1 if parent is None else parent.level + 1)


@given(any_text)
def test_outline_is_in_document_order(text: str) -> None:
    starts = [node.span.start for node in govplan.walk(govplan.parse(text).outline)]
    assert starts == sorted(starts)


# --- claims ------------------------------------------------------------------------


@given(any_text)
def test_claim_text_is_its_slice(text: str) -> None:
    for claim in govplan.parse(text).claims:
        assert _in_bounds(claim.span, text)
        assert claim.text == text[claim.span.start : claim.span.end]


@given(any_text)
def test_claim_paths_point_into_the_outline(text: str) -> None:
    doc = govplan.parse(text)
    count = len(tuple(govplan.walk(doc.outline)))
    for claim in doc.claims:
        assert all(0 <= i < count for i in claim.path), claim


# --- to_dict ------------------------------------------------------------------------


@given(any_text)
def test_to_dict_is_json(text: str) -> None:
    data = govplan.to_dict(govplan.parse(text))
    assert json.loads(json.dumps(data, allow_nan=False)) == data


@given(any_text)
def test_to_dict_is_deterministic(text: str) -> None:
    first = json.dumps(govplan.to_dict(govplan.parse(text)), allow_nan=False)
    second = json.dumps(govplan.to_dict(govplan.parse(text)), allow_nan=False)
    assert first == second


@given(any_text)
def test_to_dict_offsets_slice_the_text(text: str) -> None:
    for node in govplan.to_dict(govplan.parse(text))["outline"]:  # type: ignore[union-attr]
        assert isinstance(node, dict)
        start, end, marker = node["start"], node["end"], node["marker"]
        assert isinstance(start, int)
        assert isinstance(end, int)
        assert isinstance(marker, str)
        assert text[start:end].startswith(marker)


# --- normalize ------------------------------------------------------------------------


@given(any_text)
def test_normalize_offsets_are_monotone_and_in_bounds(text: str) -> None:
    assume(not hits_known_bug(text))
    norm = normalize(text)
    offsets = norm.offsets if norm.offsets is not None else tuple(range(len(text) + 1))
    assert len(offsets) == len(norm.text) + 1
    assert offsets[-1] == len(text)
    assert all(a < b for a, b in pairwise(offsets))
    assert all(0 <= o < len(text) for o in offsets[:-1])


@given(any_text)
@example("構(gòu)(gòu)")
@example("薴")
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once


@given(any_text, st.data())
def test_normalized_span_maps_back_to_its_source(text: str, data: st.DataObject) -> None:
    assume(not hits_known_bug(text))
    norm = normalize(text)
    start = data.draw(st.integers(0, len(norm.text)), label="start")
    end = data.draw(st.integers(start, len(norm.text)), label="end")
    span = norm.span_to_original(start, end)
    assert _in_bounds(span, text)
    assert normalize(text[span.start : span.end]).text == norm.text[start:end]
