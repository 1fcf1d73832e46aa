"""Normalisation and its offset map (tests/cases/normalize.toml), noise lines."""

from __future__ import annotations

from typing import Any

import pytest
from _cases import load_cases

from govplan.normalize import find_noise_lines, has_traditional, is_noise_line, normalize


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
