"""Normalisation and its offset map (tests/cases/normalize.toml), noise lines."""

from __future__ import annotations

import pickle
from bisect import bisect_left, bisect_right
from typing import Any

import pytest
import regex
from _cases import load_cases
from hypothesis import example, given
from hypothesis import strategies as st

from govplan.model import Span
from govplan.normalize import (
    _PINYIN,
    _t2s_table,
    find_noise_lines,
    has_traditional,
    is_noise_line,
    normalize,
)


@pytest.mark.parametrize("case", load_cases("normalize"))
def test_normalized_text(case: dict[str, Any]) -> None:
    assert normalize(case["input"]).text == case["expected"]


@pytest.mark.parametrize("case", [c for c in load_cases("normalize") if "span" in c.values[0]])
def test_span_maps_back_to_original(case: dict[str, Any]) -> None:
    norm = normalize(case["input"])
    start, end = case["span"]
    span = norm.span_to_original(start, end)
    assert case["input"][span.start : span.end] == case["original"]


@pytest.mark.parametrize("case", load_cases("normalize"))
def test_normalizing_twice_changes_nothing(case: dict[str, Any]) -> None:
    once = normalize(case["input"]).text
    assert normalize(once).text == once


def test_identity_text_has_no_offset_table() -> None:
    assert normalize("一、总体要求").offsets is None


def test_offsets_end_at_source_length() -> None:
    norm = normalize("構(gòu)建\r\n")
    assert norm.offsets is not None
    assert norm.offsets[-1] == len("構(gòu)建\r\n")


def test_has_traditional_without_loading_for_gb2312_text() -> None:
    assert has_traditional("全县教育工作会议") is False


@pytest.mark.parametrize(
    "line",
    [
        "扫一扫在手机上查看当前页面",
        "扫码关注官方公众号",
        "【字体：大 中 小】",
        "因篇幅问题不能全部显示，请点此查看更多更全内容",
        "当前位置：首页 > 政务公开 > 计划总结",
        "分享到：微信 微博",
        "【打印本页】 【关闭窗口】",
        "免责声明：本站部分内容来自网络",
    ],
)
def test_noise_lines_are_recognised(line: str) -> None:
    assert is_noise_line(line)


@pytest.mark.parametrize(
    "line",
    ["一、扫黑除恶专项斗争", "全县共关注留守儿童1200名。", "打印机等设备采购15台", "首页设计大赛"],
)
def test_document_lines_are_not_noise(line: str) -> None:
    assert not is_noise_line(line)


def test_noise_lines_are_found_not_deleted() -> None:
    text = "正文第一段。\r\n扫一扫在手机上查看当前页面\r\n正文第二段。"
    spans = find_noise_lines(text)
    assert [text[s.start : s.end] for s in spans] == ["扫一扫在手机上查看当前页面"]
    assert normalize(text).text.count("扫一扫") == 1


@pytest.mark.parametrize("value", [b"abc", None, 3])
def test_normalize_rejects_non_str(value: object) -> None:
    with pytest.raises(TypeError, match=type(value).__name__):
        normalize(value)  # type: ignore[arg-type]


# --- the offset map --------------------------------------------------------------


def _reference_offsets(text: str) -> list[int]:
    """The map as one integer a character, built the plain way (the old implementation)."""
    cuts = sorted(
        [m.span() for m in _pinyin_readings(text)]
        + [(i, i + 1) for i in range(len(text) - 1) if text[i : i + 2] == "\r\n"]
    )
    out: list[int] = []
    pos = 0
    for a, b in cuts:
        out.extend(range(pos, a))
        pos = max(pos, b)
    out.extend(range(pos, len(text)))
    out.append(len(text))
    return out


def _pinyin_readings(text: str) -> list[regex.Match[str]]:
    return list(regex.finditer(_PINYIN, text, regex.VERBOSE))


OFFSET_TEXTS = st.lists(
    st.sampled_from(["構(gòu)", "建", "\r\n", "\r", "\n", "a", "（zhì）", "(gòu)", "質"]),
    max_size=30,
).map("".join)


@given(OFFSET_TEXTS)
@example("\r\n構(gòu)")
@example("構(gòu)")
def test_offset_map_reads_like_one_integer_a_character(text: str) -> None:
    norm = normalize(text)
    reference = _reference_offsets(text)
    if norm.offsets is None:
        assert reference == list(range(len(text) + 1))
        return
    assert list(norm.offsets) == reference
    assert [norm.offsets[i] for i in range(len(reference))] == reference
    assert norm.offsets[-1] == reference[-1]
    assert norm.offsets[1:3] == reference[1:3]


@given(OFFSET_TEXTS)
def test_offset_map_inverse_is_bisection(text: str) -> None:
    norm = normalize(text)
    reference = _reference_offsets(text)
    for offset in range(len(text) + 2):
        expected = min(bisect_left(reference, offset), len(norm.text))
        assert norm.to_normalized(offset) == expected
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            first = bisect_right(reference, start - 1)
            assert norm.span_to_normalized(Span(start, end)) == (
                first,
                bisect_right(reference, end - 1, first),
            )


def test_offset_map_index_out_of_range() -> None:
    offsets = normalize("a\r\nb").offsets
    assert offsets is not None
    with pytest.raises(IndexError):
        offsets[4]


def test_crlf_offset_map_keeps_one_run_a_line() -> None:
    offsets = normalize("某县教育局工作总结\r\n" * 1000).offsets
    assert offsets is not None
    assert offsets.runs == 1002  # a run a line, the last "\n", the closing run
    assert offsets.nbytes == 2 * 4 * 1002


def test_normalized_equality_follows_the_text() -> None:
    assert normalize("a\r\nb") == normalize("a\r\nb")
    assert hash(normalize("a\r\nb")) == hash(normalize("a\r\nb"))


def test_normalized_pickles() -> None:
    norm = normalize("構(gòu)建\r\n")
    again = pickle.loads(pickle.dumps(norm))
    assert again == norm
    assert list(again.offsets or ()) == list(norm.offsets or ())


# --- the t2s table -------------------------------------------------------------------


def test_t2s_table_comes_from_the_shipped_dictionaries() -> None:
    table = _t2s_table()
    assert (table[ord("薴")], table[ord("學")], table[ord("於")]) == ("苎", "学", "于")
    assert ord("乾") not in table  # a GB2312 character: simplified text too


def test_t2s_table_matches_opencc_on_single_characters() -> None:
    import opencc

    converter = opencc.OpenCC("t2s")
    table = _t2s_table()
    sample = [chr(code) for code in sorted(table)[::40]]
    converted = converter.convert("\n".join(sample)).split("\n")
    for char, target in zip(sample, converted, strict=True):
        # opencc converts one step; the table resolves chains (薴 → 苧 → 苎)
        assert table[ord(char)] in {target, _t2s_table().get(ord(target), target)}


def test_to_original_of_a_position_past_the_end_raises() -> None:
    norm = normalize("a\r\nb")
    assert norm.to_original(-1) == 4  # as the tuple it replaces: from the end
    with pytest.raises(IndexError):
        norm.to_original(4)
