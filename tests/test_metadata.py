"""Tests of govplan.metadata: read_metadata on whole documents, doc_type_of on titles.

Three sets of documents, all written for these tests in the style of real
pages: the [[document]] cases of tests/cases/metadata.toml, and the pages and
speech-form reports of tests/corpus/metadata/ (each .txt with a .json of the
fields expected, in the shape of the govplan/1 contract).  The documents in
tests/corpus/metadata/heldout/ were written before the rules they exercise
and first measured, not tuned on.  Every corpus document is also read in
noisy copies: full-width punctuation, traditional characters, glued lines.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest
from _cases import load_cases

from govplan import parse, to_dict
from govplan._fields import scan_fields
from govplan._lines import classify
from govplan._speech import glued_parts
from govplan._titles import leading_title, title_bounds
from govplan.metadata import HEAD_LINES, DocumentInfo, doc_type_of, read_metadata
from govplan.model import Metadata
from govplan.normalize import normalize, to_simplified
from govplan.segments import segment_text

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
    with pytest.raises(TypeError, match="source must be a TextLayer or a Normalized text"):
        read_metadata("某县2020年工作计划")  # type: ignore[arg-type]


def test_a_text_layer_and_a_normalized_text_give_the_same() -> None:
    text = "索引号:0024/2024-00031\n发布机构:某局\n某局2024年工作要点\n一、总体要求"
    body = text.index("一、")
    assert read_metadata(segment_text(text), body_start=body) == read_metadata(
        normalize(text), body_start=body
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("(" * 100_000, id="parens"),
        pytest.param("1" * 100_000, id="digits"),
        pytest.param("汉" * 500_000, id="one-long-han-line"),
        pytest.param("索 引 号:" * 20_000, id="labels"),
        pytest.param("某局\n2020年1月1日\n" * 20_000, id="many-signatures"),
        pytest.param("\n" * 100_000, id="blank-lines"),
        pytest.param("【发布单位】" * 20_000, id="bracket-labels"),
        pytest.param("发布机构:" * 30_000 + "\n", id="glued-labels"),
        pytest.param("目录\n" + "1. 某某 ……… 3\n" * 20_000, id="long-table-of-contents"),
        pytest.param("首页\n" * 50_000 + "某县2020年工作计划", id="long-menu"),
        pytest.param("——2024年3月5日在某会议上" * 5_000, id="occasions"),
        pytest.param("政府工作报\n告\n" * 10_000, id="split-titles"),
        pytest.param("国务院总理\n" * 20_000, id="positions"),
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


# --- documents of tests/corpus/metadata ---------------------------------------------------

CORPUS = Path(__file__).parent / "corpus" / "metadata"
CORPUS_DOCS = sorted(CORPUS.glob("*.json")) + sorted((CORPUS / "heldout").glob("*.json"))


def _fold(value: str | None) -> str | None:
    """Fold a value the way the scorer does: width, script and white space."""
    if value is None:
        return None
    return re.sub(r"\s+", "", to_simplified(unicodedata.normalize("NFKC", value))) or None


def _fields_of(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Return the scored fields of a to_dict result or an expectation file."""
    meta = doc.get("metadata") or {}
    number = meta.get("doc_number")
    signature = doc.get("signature") or {}
    byline = meta.get("byline") if "byline" in meta else doc.get("byline")
    if isinstance(byline, dict):
        byline = (byline.get("position") or "") + (byline.get("name") or "")
    return {
        "title": _fold(doc.get("title")),
        "doc_type": doc.get("doc_type"),
        "index_number": _fold(meta.get("index_number")),
        "doc_number": (_fold(number["agency"]), number["year"], number["serial"])
        if number
        else None,
        "publisher": _fold(meta.get("publisher")),
        "date": meta.get("date"),
        "signature.issuer": _fold(signature.get("issuer")),
        "signature.date": signature.get("date"),
        "byline": _fold(byline),
        "period": meta.get("period"),
    }


def _expected(path: Path) -> dict[str, Any]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    fields = _fields_of(gold)
    checked = {k for k in fields if not k.startswith(("byline", "period"))}
    if "byline" in gold:
        checked.add("byline")
    if "period" in gold["metadata"]:
        checked.add("period")
    return {k: v for k, v in fields.items() if k in checked}


def _corpus_params() -> list[Any]:
    params = []
    for path in CORPUS_DOCS:
        name = path.stem if path.parent == CORPUS else f"heldout/{path.stem}"
        for key in _expected(path):
            params.append(pytest.param(path, key, id=f"{name}-{key}"))
    return params


@functools.cache
def _s2t() -> Callable[[str], str]:
    import opencc  # only these tests convert to traditional

    convert: Callable[[str], str] = opencc.OpenCC("s2t").convert
    return convert


_WIDE = {ord(c): ord(c) + 0xFEE0 for c in ":,()!?;/-|0123456789"}

#: Noisy copies of a page: full-width punctuation and digits, traditional characters,
#: the line break after a sentence lost, and all three at once.
VARIANTS: dict[str, Callable[[str], str]] = {
    "as-written": lambda text: text,
    "full-width": lambda text: text.translate(_WIDE),
    "traditional": lambda text: _s2t()(text),
    "glued": lambda text: re.sub(r"([。;；])\n", r"\1", text),
    "all": lambda text: re.sub(r"([。;；])\n", r"\1", _s2t()(text.translate(_WIDE))),
}


@functools.cache
def _parsed(path: Path, variant: str) -> dict[str, Any]:
    text = VARIANTS[variant](path.with_suffix(".txt").read_text(encoding="utf-8"))
    return _fields_of(to_dict(parse(text)))


@pytest.mark.parametrize(("path", "key"), _corpus_params())
def test_corpus_document_field(path: Path, key: str) -> None:
    assert _parsed(path, "as-written")[key] == _expected(path)[key]


@pytest.mark.parametrize("variant", [v for v in VARIANTS if v != "as-written"])
@pytest.mark.parametrize("path", CORPUS_DOCS, ids=lambda p: p.stem)
def test_corpus_document_survives_noise(path: Path, variant: str) -> None:
    expected = _expected(path)
    observed = _parsed(path, variant)
    assert {k: observed[k] for k in expected} == expected


@pytest.mark.parametrize("path", CORPUS_DOCS, ids=lambda p: p.stem)
def test_corpus_spans_and_raw_values_come_from_the_text(path: Path) -> None:
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    doc = parse(text)
    for field in doc.metadata.fields:
        assert field.value is None or field.value in text[field.span.start : field.span.end]
    byline = doc.metadata.byline
    if byline is not None:
        assert text[byline.span.start : byline.span.end] == byline.text
    if doc.title is not None:
        assert "".join(doc.title.split()) in "".join(text.split())


# --- one line at a time ------------------------------------------------------------------


@pytest.mark.parametrize("case", load_cases("metadata", "field_line"))
def test_fields_of_a_line(case: dict[str, Any]) -> None:
    found = {hit.label: hit.value for hit in scan_fields(normalize(case["input"]).text)}
    assert found == case["fields"]


@pytest.mark.parametrize("case", load_cases("metadata", "line_kind"))
def test_kind_of_a_line(case: dict[str, Any]) -> None:
    assert classify(normalize(case["input"]).text) == case["kind"]


@pytest.mark.parametrize("case", load_cases("metadata", "title_line"))
def test_title_of_a_title_line(case: dict[str, Any]) -> None:
    text = normalize(case["input"]).text
    bounds = leading_title(text) if case.get("flattened") else title_bounds(text)
    assert (text[bounds[0] : bounds[1]] if bounds else None) == case.get("title")


@pytest.mark.parametrize("case", load_cases("metadata", "glued_line"))
def test_parts_of_a_glued_line(case: dict[str, Any]) -> None:
    text = normalize(case["input"]).text
    assert [text[a:b].strip() for a, b in glued_parts(text)] == case["parts"]
