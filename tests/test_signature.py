"""Tests of govplan.signature: find_signature at the end of a text or around its attachment."""

from __future__ import annotations

import datetime

import pytest

from govplan._lines import head_lines
from govplan.normalize import normalize
from govplan.segments import segment_text
from govplan.signature import find_signature, signature_at

_WORK = "\n推进各项工作。" * 40


@pytest.mark.parametrize(
    ("text", "issuer", "date"),
    [
        pytest.param(
            "各项任务全面完成。\n某县教育局\n2021年3月5日",
            "某县教育局",
            datetime.date(2021, 3, 5),
            id="issuer-over-date",
        ),
        pytest.param(
            "依法查处各类案件。\nXX区应急管理局\n2024年12月30日",
            "XX区应急管理局",
            datetime.date(2024, 12, 30),
            id="placeholder-place-name",
        ),
        pytest.param(
            "各项任务全面完成。\n某县教育局 2021年3月5日\n",
            "某县教育局",
            datetime.date(2021, 3, 5),
            id="issuer-and-date-on-one-line",
        ),
        pytest.param(
            "各项任务全面完成。\n2021年3月5日", None, datetime.date(2021, 3, 5), id="date-alone"
        ),
        pytest.param(
            "各项任务全面完成。\n某县人民政府\n2021年12月",
            "某县人民政府",
            None,
            id="year-and-month",
        ),
        pytest.param(
            "请认真贯彻执行。\n某市教育局\n2020年5月6日\n附件:\n某市2020年工作要点" + _WORK,
            "某市教育局",
            datetime.date(2020, 5, 6),
            id="before-an-attachment",
        ),
        pytest.param(
            "继续加大隐患排查整治力度,确保安全形势稳定。青山镇人民政府\n2022年12月15日",
            "青山镇人民政府",
            datetime.date(2022, 12, 15),
            id="issuer-glued-onto-the-last-paragraph",
        ),
        pytest.param(
            "各项任务全面完成。\n2021年3月5日(此件公开发布)",
            None,
            datetime.date(2021, 3, 5),
            id="date-before-a-publication-note",
        ),
    ],
)
def test_signature_found(text: str, issuer: str | None, date: datetime.date | None) -> None:
    signature = find_signature(segment_text(text))
    assert signature is not None
    assert (signature.issuer, signature.date) == (issuer, date)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("一、总体要求\n2021年3月5日", id="date-after-a-heading"),
        pytest.param(
            "各项任务全面完成。\n某县教育局\n2021年3月5日\n一、总体\n推进。", id="body-after"
        ),
        pytest.param("", id="empty"),
    ],
)
def test_no_signature(text: str) -> None:
    assert find_signature(segment_text(text)) is None


def test_span_slices_the_original_text() -> None:
    text = "各項任務全面完成。\n某縣教育局\n2021年3月5日\n"
    signature = find_signature(segment_text(text))
    assert signature is not None
    assert text[signature.span.start : signature.span.end] == "某縣教育局\n2021年3月5日"


def test_floor_keeps_the_head_out() -> None:
    text = "请认真贯彻执行。\n某县教育局\n2021年3月5日\n"
    assert find_signature(segment_text(text), floor=text.index("2021")) is None


def test_a_normalized_text_is_cut_into_a_layer() -> None:
    signature = find_signature(normalize("全面完成任务。\n某县教育局\n2021年3月5日"))
    assert signature is not None
    assert signature.issuer == "某县教育局"


def test_the_author_signs_a_report_with_a_byline() -> None:
    text = "全年工作圆满完成。\n钱 勇\n2024年1月10日"
    assert find_signature(segment_text(text)) is None
    signature = find_signature(segment_text(text), author="钱勇")
    assert signature is not None
    assert (signature.issuer, signature.date) == ("钱 勇", datetime.date(2024, 1, 10))


def test_signature_at_takes_two_organs_above() -> None:
    layer = segment_text("甲乙丙县人民政府\n某县人民政府\n某县教育局\n2020年7月2日")
    *above, last = head_lines(layer, len(layer.text), 4)
    signature = signature_at(layer.norm, last, above)
    assert signature is not None
    assert signature.issuer == "某县人民政府 某县教育局"


def test_rejects_a_plain_string() -> None:
    with pytest.raises(TypeError, match="source must be a TextLayer or a Normalized text, not str"):
        find_signature("某县教育局\n2021年3月5日")  # type: ignore[arg-type]
