"""Marker candidates: what the first outline layer finds and leaves out."""

from __future__ import annotations

import pytest

from govplan.markers import back_matter_start, find_markers, marker_ordinal
from govplan.model import MarkerStyle


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("九十九", 99),
        ("一百零一", 101),
        ("两", 2),
        ("07", 7),
        ("120", 120),
    ],
)
def test_marker_ordinal(numeral: str, value: int) -> None:
    assert marker_ordinal(numeral) == value


@pytest.mark.parametrize(
    "numeral",
    [
        "零",
        "十十",
        "一二",
        "百",
        "一百一十一十",
        pytest.param("0", id="zero"),
        pytest.param("00", id="zeros"),
        pytest.param("²", id="superscript"),  # str.isdigit() is true, int() fails
        pytest.param("\u0663", id="arabic-indic"),  # int() reads it; not an ordinal here
        pytest.param("1\U000116d4", id="digit-int-cannot-read"),
    ],
)
def test_marker_ordinal_declines(numeral: str) -> None:
    assert marker_ordinal(numeral) is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("0.甲", id="zero-dot"),
        pytest.param("(0)甲", id="zero-paren"),
        pytest.param("\U000116d4.甲", id="digit-int-cannot-read"),
        pytest.param("\u0663.甲", id="arabic-indic-digit"),
        pytest.param("第\U000116d4章 甲", id="chapter-of-odd-digit"),
    ],
)
def test_markers_need_a_numeral_with_a_value(text: str) -> None:
    assert find_markers(text) == ()


@pytest.mark.parametrize(
    ("text", "style", "marker"),
    [
        ("一、总则", MarkerStyle.CN_DUN, "一、"),
        ("一.总则", MarkerStyle.CN_DUN, "一."),
        ("(一)目标", MarkerStyle.CN_PAREN, "(一)"),
        ("(一)、目标", MarkerStyle.CN_PAREN, "(一)、"),
        ("1.任务", MarkerStyle.NUM_DOT, "1."),
        ("1、任务", MarkerStyle.NUM_DUN, "1、"),
        ("(1)措施", MarkerStyle.NUM_PAREN, "(1)"),
        ("1)措施", MarkerStyle.NUM_PAREN, "1)"),
        ("①措施", MarkerStyle.CIRCLED, "①"),
        ("一是措施", MarkerStyle.CN_SHI, "一是"),
        ("第一章 总则", MarkerStyle.CHAPTER, "第一章"),
        ("第二部分 任务", MarkerStyle.CHAPTER, "第二部分"),
        ("第一条 目的", MarkerStyle.ARTICLE, "第一条"),
    ],
)
def test_each_style_is_found_at_a_line_start(text: str, style: MarkerStyle, marker: str) -> None:
    (token,) = find_markers(text)
    assert (token.style, token.marker, token.line_start) == (style, marker, True)


@pytest.mark.parametrize(
    "text",
    [
        "这是统一是否的问题",  # 一是 inside a word
        "获得一、二等奖",  # prize grades
        "1、2、3年级",  # a list of numerals
        "增长1.5%",  # a decimal
        "“一是”口号",  # quoted
        "《一、总则》解读",  # inside a title
        "第36届",  # an edition
        "任务,(二)落实",  # a strong style glued after a comma
        "见说明(1)",  # (1) after a word
    ],
)
def test_false_markers_are_left_out(text: str) -> None:
    assert find_markers(text) == ()


def test_weak_glue_allows_inline_enumerations() -> None:
    tokens = find_markers("主要有:一是扩容,二是提质")
    assert [(t.marker, t.glue) for t in tokens] == [("一是", ":"), ("二是", ",")]


def test_shi_after_enumeration_comma_is_left_out() -> None:
    assert find_markers("第一、二是指标") == ()


def test_paren_after_a_word_is_a_candidate_without_glue() -> None:
    (token,) = find_markers("工作总结(一)抓党建")
    assert (token.marker, token.line_start, token.glue) == ("(一)", False, "")


def test_title_runs_to_the_first_terminator() -> None:
    text = "一、总体要求;具体如下。"
    (token,) = find_markers(text)
    assert text[token.title_start : token.title_end] == "总体要求"


def test_title_is_capped_on_runaway_lines() -> None:
    text = "一是" + "很" * 5000
    (token,) = find_markers(text)
    assert token.title_end - token.title_start == 300


def test_back_matter_heading_must_stand_alone() -> None:
    assert back_matter_start("前言\n注释\n1.说明") == 3
    assert back_matter_start("做好注释工作") is None
