"""to_dict: the govplan/1 contract, checked field by field, and the golden corpus files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import govplan

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.txt"))
DOCUMENTS = [*CORPUS, ROOT / "examples" / "sample_plan.txt"]
STYLES = {style.value for style in govplan.MarkerStyle}


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")


def is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check_contract(data: dict[str, Any], text: str) -> None:
    assert data["schema"] == "govplan/1"
    assert data["title"] is None or isinstance(data["title"], str)
    assert data["doc_type"] is None or isinstance(data["doc_type"], str)
    meta = data["metadata"]
    assert meta["index_number"] is None or isinstance(meta["index_number"], str)
    number = meta["doc_number"]
    assert number is None or (
        isinstance(number["raw"], str)
        and isinstance(number["agency"], str)
        and (number["year"] is None or isinstance(number["year"], int))
        and isinstance(number["serial"], int)
    )
    assert meta["publisher"] is None or isinstance(meta["publisher"], str)
    assert meta["date"] is None or len(meta["date"]) == 10
    assert all(isinstance(k, str) and " " not in k for k in meta["fields"])
    signature = data["signature"]
    assert signature is None or set(signature) >= {"issuer", "date"}
    for node in data["outline"]:
        assert node["style"] in STYLES
        assert isinstance(node["level"], int)
        assert node["level"] >= 1
        assert isinstance(node["ordinal"], int)
        assert node["ordinal"] >= 1
        assert isinstance(node["inline"], bool)
        assert text[node["start"] : node["end"]].startswith(node["marker"])
        assert text[node["start"] : node["end"]].endswith(node["title"])
    for claim in data["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]
        assert is_number(claim["value"])
        assert claim["high"] is None or is_number(claim["high"])
        assert isinstance(claim["unit"], str)
        assert claim["unit"] or any(m in claim["text"] for m in "万亿萬億")  # a bare count
        assert claim["bound"] in (None, "min", "max")
        assert claim["modality"] in (None, "achieved", "target")
        assert all(0 <= i < len(data["outline"]) for i in claim["path"])


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_to_dict_follows_the_contract(path: Path) -> None:
    text = read(path)
    data = govplan.to_dict(govplan.parse(text))
    check_contract(data, text)
    assert json.loads(json.dumps(data, ensure_ascii=False, allow_nan=False)) == data


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_corpus_document_matches_its_golden_file(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert govplan.to_dict(govplan.parse(read(path))) == expected


def test_claim_path_points_at_enclosing_headings() -> None:
    text = "一、总结\n（一）教学\n新建学校3所。\n二、计划\n力争新建5所。"
    data = govplan.to_dict(govplan.parse(text))
    outline = data["outline"]
    paths = [[outline[i]["marker"] for i in claim["path"]] for claim in data["claims"]]
    assert paths == [["一、", "（一）"], ["二、"]]


def test_decimal_values_become_floats_and_whole_ones_ints() -> None:
    claims = govplan.to_dict(govplan.parse("增长6.5%，新建30.90万平方米。"))["claims"]
    assert [(c["value"], type(c["value"])) for c in claims] == [(6.5, float), (309000, int)]


def test_to_dict_rejects_anything_but_a_document() -> None:
    with pytest.raises(TypeError, match="dict"):
        govplan.to_dict({"schema": "govplan/1"})  # type: ignore[arg-type]
