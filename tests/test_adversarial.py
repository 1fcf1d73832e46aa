"""Pathological inputs: each parses to a Document, in time linear in its length.

No test here measures time (timed tests are flaky); the inputs are kept to a
few hundred thousand characters so that a quadratic regression shows up as a
suite that suddenly takes minutes.  ``python benchmarks/run.py --adversarial``
prints how long each one takes (target: well under 1 s per 100,000 characters).
"""

from __future__ import annotations

import json

import pytest

import govplan
from govplan import Document
from govplan.normalize import normalize

# (id, unit, times): the input is unit * times.
ADVERSARIAL: list[tuple[str, str, int]] = [
    ("cn-dun-run", "一、", 50_000),
    ("open-parens", "(", 100_000),
    ("open-full-width-parens", "（", 100_000),
    ("close-parens", ")", 100_000),
    ("digits", "1", 200_000),
    ("digit-dots", "1.", 100_000),
    ("yi-shi-run", "一是", 50_000),
    ("cn-paren-run", "(一)", 25_000),
    ("cn-paren-unclosed", "(一", 50_000),
    ("num-paren-run", "(1)", 30_000),
    ("bai-fen-zhi-run", "百分之", 33_000),
    ("han-line", "政", 500_000),
    ("cn-dun-lines", "一、甲\n", 50_000),
    ("bare-marker-lines", "一、\n", 50_000),
    ("num-dot-lines", "1.甲\n", 20_000),
    ("circled-lines", "①甲\n", 20_000),
    ("chapter-lines", "第一章 甲\n", 20_000),
    ("inline-yi-shi", ",一是甲", 25_000),
    ("inline-circled", ",①甲", 30_000),
    ("inline-num-paren", ";(1)甲", 20_000),
    ("glued-cn-dun", "。一、甲", 25_000),
    ("di-run", "第", 100_000),
    ("di-yi-run", "第一", 50_000),
    ("open-quotes", "“", 100_000),
    ("quoted-markers", "“一、”", 25_000),
    ("title-brackets", "《一、", 30_000),
    ("pinyin-readings", "構(gòu)", 20_000),
    ("traditional", "學校發展", 25_000),
    ("full-width-digits", "１", 100_000),
    ("nuls", "\x00", 100_000),
    ("nul-lines", "\x00\n", 50_000),
    ("emoji", "😀", 100_000),
    ("crlf", "\r\n", 50_000),
    ("lone-cr", "\r", 100_000),
    ("spaces", " ", 200_000),
    ("ideographic-spaces", "\u3000", 100_000),
    ("newlines", "\n", 200_000),
    ("print-close-noise", "【打印】", 25_000),
    ("back-matter-lines", "名词解释\n", 20_000),
    ("attachment-lists", "附件:1.甲\n2.乙\n", 16_000),  # was quadratic: 10.9 s (issue 11)
    ("crlf-plan-lines", "一、甲\r\n(一)乙,一是丙。\r\n", 10_000),
    ("zero-ordinals", "0.甲\n", 20_000),
    ("odd-digit-markers", "\U000116d4.甲\n", 20_000),
    ("glued-siblings", "(1)甲;一、乙,", 15_000),
]


@pytest.mark.parametrize(
    "text", [pytest.param(unit * times, id=name) for name, unit, times in ADVERSARIAL]
)
def test_pathological_input_parses(text: str) -> None:
    assert isinstance(govplan.parse(text), Document)


def test_long_plan_round_trips_through_json() -> None:
    text = "".join(f"{i % 9 + 1}.第{i}项工作,新建学校3所,投入资金1.5亿元。\n" for i in range(5_000))
    data = govplan.to_dict(govplan.parse(text))
    assert json.loads(json.dumps(data, allow_nan=False)) == data


def test_nested_styles_repeated_give_a_shallow_tree() -> None:
    # Each style is open at most once on the stack, so depth stays bounded (no recursion limit).
    block = "一、甲\n(一)乙\n1.丙\n(1)丁\n①戊\n"
    doc = govplan.parse(block * 5_000)
    assert max(h.level for h in govplan.walk(doc.outline)) <= 9


def test_attachment_lists_are_left_out_of_the_outline() -> None:
    doc = govplan.parse("一、甲\n" + "附件:1.甲\n2.乙\n" * 1_000 + "二、乙")
    assert [h.marker for h in doc.outline] == ["一、", "二、"]


def test_crlf_offset_map_is_compact() -> None:
    # One run per line, not one integer per character (issue 11: 52 bytes a character).
    text = "一、某县教育局关于做好暑期安全工作的通知\r\n" * 10_000
    offsets = normalize(text).offsets
    assert offsets is not None
    assert offsets.nbytes <= len(text)


def test_long_noise_line_is_noise() -> None:
    assert govplan.is_noise_line("【打印】" * 25_000)


def test_long_non_noise_line_is_not_noise() -> None:
    assert not govplan.is_noise_line("【打印】" * 25_000 + "正文")


# --- line breaks and normalisation (bugs found here; open ones are strict xfail) --------


@pytest.mark.parametrize(
    "brk",
    [
        pytest.param("\n", id="lf"),
        pytest.param("\r\n", id="crlf"),
        pytest.param("\r", id="cr"),
        pytest.param("\u2028", id="line-separator"),
        pytest.param("\r\r\n", id="cr-crlf"),
        pytest.param("\u2029", id="paragraph-separator"),
        pytest.param("\x85", id="next-line"),
    ],
)
def test_any_line_break_separates_headings(brk: str) -> None:
    text = f"一、甲{brk}二、乙"
    doc = govplan.parse(text)
    assert [h.marker for h in doc.outline] == ["一、", "二、"]


def test_normalize_offsets_survive_cr_before_crlf() -> None:
    norm = normalize("a\r\r\nb")
    assert norm.offsets is not None
    assert len(norm.offsets) == len(norm.text) + 1


def test_normalize_drops_doubled_readings() -> None:
    assert normalize("構(gòu)(gòu)建").text == "构建"


def test_traditional_conversion_does_not_depend_on_the_line() -> None:
    assert normalize("後").text == normalize("變後").text[1:]
