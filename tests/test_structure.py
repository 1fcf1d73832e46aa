"""The outline tree: nesting, sequence sense and spans (tests/cases/outline.toml)."""

from __future__ import annotations

from typing import Any

import pytest
from _cases import load_cases

import govplan
from govplan.normalize import normalize
from govplan.structure import find, flatten, read_outline, walk


def describe(node: govplan.Heading) -> str:
    out = f"{node.level} {node.style.value} {node.ordinal} {node.marker}|{node.title}"
    return out + (" inline" if node.inline else "")


@pytest.mark.parametrize("case", load_cases("outline"))
def test_outline_case(case: dict[str, Any]) -> None:
    doc = govplan.parse(case["input"])
    assert [describe(n) for n in walk(doc.outline)] == case["expected"]


@pytest.mark.parametrize("case", load_cases("outline"))
def test_outline_spans_slice_the_original(case: dict[str, Any]) -> None:
    text = case["input"]
    for node in walk(govplan.parse(text).outline):
        assert text[node.span.start : node.span.end] == node.text
        assert node.text.startswith(node.marker)
        assert node.text.endswith(node.title)


def test_children_lie_inside_parent_section() -> None:
    text = "一、甲\n（一）乙\n1.丙。一是丁。二是戊。\n二、己\n"
    for node in walk(govplan.parse(text).outline):
        for child in node.children:
            assert node.section.contains(child.section)
            assert child.level == node.level + 1


def test_body_runs_to_the_next_heading() -> None:
    text = "一、目标\n全面提升质量。\n二、措施\n"
    first, second = govplan.parse(text).outline
    assert text[first.body.start : first.body.end] == "\n全面提升质量。\n"
    assert second.body.end == len(text)


def test_section_covers_descendants() -> None:
    text = "一、目标\n（一）甲\n（二）乙\n二、措施"
    first = govplan.parse(text).outline[0]
    assert text[first.section.start : first.section.end] == "一、目标\n（一）甲\n（二）乙\n"


def test_skipped_ordinal_is_diagnosed() -> None:
    result = read_outline(normalize("一、目标\n三、措施\n"))
    assert [d.code for d in result.diagnostics] == ["skipped-ordinal"]
    span = result.diagnostics[0].span
    assert span is not None
    assert "一、目标\n三、措施\n"[span.start : span.end] == "三、"


def test_out_of_sequence_marker_is_diagnosed_and_dropped() -> None:
    result = read_outline(normalize("一、目标\n二、任务\n九、其他\n"))
    assert [h.marker for h in result.outline] == ["一、", "二、"]
    assert [d.code for d in result.diagnostics] == ["out-of-sequence"]


def test_flatten_is_preorder() -> None:
    doc = govplan.parse("一、甲\n1.乙\n2.丙\n二、丁\n")
    assert [h.title for h in flatten(doc.outline)] == ["甲", "乙", "丙", "丁"]


def test_find_returns_none_when_nothing_matches() -> None:
    assert find(govplan.parse("一、甲\n").outline, lambda h: h.level == 2) is None


@pytest.mark.parametrize(
    "text",
    ["", "一、", "\x00\x00", "😀一、😀", "（" * 1000, "一、" * 1000, "\n" * 100],
    ids=["empty", "bare-marker", "nul", "emoji", "open-brackets", "marker-run", "newlines"],
)
def test_odd_text_gives_a_document(text: str) -> None:
    doc = govplan.parse(text)
    for node in walk(doc.outline):
        assert text[node.span.start : node.span.end] == node.text
