"""Tests of govplan.metadata: read_metadata on whole documents, doc_type_of on titles."""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest
from _cases import load_cases

from govplan.metadata import HEAD_LINES, DocumentInfo, doc_type_of, read_metadata
from govplan.model import Metadata
from govplan.normalize import normalize

DOCUMENTS = load_cases("metadata", "document")
KEYS = (
    "title",
    "doc_type",
    "period",
    "index_number",
    "doc_number",
    "publisher",
    "date",
    "signature",
    "byline",
    "fields",
)


def _document_params() -> list[Any]:
    """Return one parameter per document and checked key."""
    params = []
    for param in DOCUMENTS:
        case = param.values[0]
        for key in KEYS:
            if key in case or key in case.get("none", []):
                params.append(pytest.param(case, key, id=f"{case['id']}-{key}", marks=param.marks))
    return params


def _having(key: str) -> list[Any]:
    return [param for param in DOCUMENTS if key in param.values[0]]


def _read(case: dict[str, Any]) -> tuple[str, DocumentInfo]:
    text = case["input"]
    body = case.get("body")
    info = read_metadata(normalize(text), body_start=text.index(body) if body else None)
    return text, info


def _observed(info: DocumentInfo, key: str) -> Any:
    meta = info.metadata
    if key in ("title", "doc_type", "signature"):
        value = getattr(info, key)
        if key == "signature" and value is not None:
            date = value.date.isoformat() if value.date else None
            return [part for part in (value.issuer, date) if part is not None]
        return value
    value = getattr(meta, key)
    if key == "doc_number" and value is not None:
        return [value.agency, value.year, value.serial]
    if key == "date" and value is not None:
        return value.isoformat()
    if key == "byline" and value is not None:
        return value.text
    if key == "fields":
        return {f.label: f.value or "" for f in value}
    return value


@pytest.mark.parametrize(("case", "key"), _document_params())
def test_document_value(case: dict[str, Any], key: str) -> None:
    _, info = _read(case)
    expected = None if key in case.get("none", []) else case[key]
    assert _observed(info, key) == expected


@pytest.mark.parametrize("case", DOCUMENTS)
def test_field_spans_hold_label_and_value(case: dict[str, Any]) -> None:
    text, info = _read(case)
    for field in info.metadata.fields:
        piece = "".join(normalize(text[field.span.start : field.span.end]).text.split())
        assert piece.startswith(field.label[0])
        assert field.value is None or piece.endswith("".join(normalize(field.value).text.split()))


@pytest.mark.parametrize("case", _having("signature"))
def test_signature_span_holds_issuer_and_date(case: dict[str, Any]) -> None:
    text, info = _read(case)
    signature = info.signature
    assert signature is not None
    piece = text[signature.span.start : signature.span.end]
    assert piece.startswith(signature.issuer or piece[:1])
    assert signature.date is None or piece[-1] in "日号0123456789"


@pytest.mark.parametrize("case", _having("byline"))
def test_byline_span_slices_the_source(case: dict[str, Any]) -> None:
    text, info = _read(case)
    byline = info.metadata.byline
    assert byline is not None
    assert text[byline.span.start : byline.span.end] == byline.text


@pytest.mark.parametrize("case", load_cases("metadata", "doc_type"))
def test_doc_type_of_title(case: dict[str, Any]) -> None:
    assert doc_type_of(case["input"]) == case.get("expected")


def test_body_start_bounds_the_title_search() -> None:
    text = "一、总体要求\n某县2020年工作计划"
    info = read_metadata(normalize(text), body_start=0)
    assert info.title is None


def test_only_the_head_is_read_for_the_title() -> None:
    text = "正文第一段。\n" * HEAD_LINES + "某县2020年工作计划\n"
    assert read_metadata(normalize(text)).title is None


def test_crlf_text_gives_original_offsets() -> None:
    text = "文  号:某教发〔2020〕3号\r\n某县2020年工作计划\r\n正文。"
    info = read_metadata(normalize(text))
    field = info.metadata.fields[0]
    assert text[field.span.start : field.span.end] == "文  号:某教发〔2020〕3号"


def test_result_is_frozen() -> None:
    info = read_metadata(normalize("某县2020年工作计划"))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        info.title = "x"  # type: ignore[misc]


def test_rejects_a_plain_string() -> None:
    with pytest.raises(TypeError, match="norm must be a Normalized text, not str"):
        read_metadata("某县2020年工作计划")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("(" * 100_000, id="parens"),
        pytest.param("1" * 100_000, id="digits"),
        pytest.param("汉" * 500_000, id="one-long-han-line"),
        pytest.param("索 引 号:" * 20_000, id="labels"),
        pytest.param("某局\n2020年1月1日\n" * 20_000, id="many-signatures"),
        pytest.param("\n" * 100_000, id="blank-lines"),
    ],
)
def test_pathological_text_gives_a_result(text: str) -> None:
    info = read_metadata(normalize(text))
    assert isinstance(info.metadata, Metadata)


def test_many_signature_lines_give_the_last() -> None:
    text = "某局\n2020年1月1日\n" * 100
    signature = read_metadata(normalize(text)).signature
    assert signature is not None
    assert signature.date == datetime.date(2020, 1, 1)
