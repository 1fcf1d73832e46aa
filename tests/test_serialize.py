"""to_dict: the govplan/1 contract, checked field by field, and the golden corpus files."""

from __future__ import annotations

import json
import typing
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
        assert claim["unit"]
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


# --- the JSON Schema of govplan/1 ----------------------------------------------------

jsonschema = pytest.importorskip("jsonschema", reason="needs jsonschema (the test extra)")


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = govplan.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_to_dict_is_valid_against_the_schema(validator: Any, path: Path) -> None:
    data = govplan.to_dict(govplan.parse(read(path)))
    assert [error.message for error in validator.iter_errors(data)] == []


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_golden_files_are_valid_against_the_schema(validator: Any, path: Path) -> None:
    data = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert [error.message for error in validator.iter_errors(data)] == []


def test_the_schema_allows_more_fields(validator: Any) -> None:
    data: dict[str, Any] = dict(govplan.to_dict(govplan.parse("一、总体要求\n新建学校3所。")))
    data["claims"][0]["explanation"] = "a field added later"
    data["generator"] = "govplan 0.2"
    assert validator.is_valid(data)


@pytest.mark.parametrize(
    ("where", "bad"),
    [
        pytest.param(("schema",), "govplan/2", id="schema-version"),
        pytest.param(("outline", 0, "style"), "roman", id="unknown-style"),
        pytest.param(("outline", 0, "level"), 0, id="level-0"),
        pytest.param(("claims", 0, "value"), "3", id="value-as-text"),
        pytest.param(("claims", 0, "bound"), "at-least", id="unknown-bound"),
        pytest.param(("claims", 0, "path"), [-1], id="negative-path"),
        pytest.param(("metadata", "date"), "2023/12/28", id="date-format"),
    ],
)
def test_the_schema_rejects(validator: Any, where: tuple[str | int, ...], bad: object) -> None:
    data: Any = govplan.to_dict(govplan.parse("一、总体要求\n新建学校3所。"))
    target = data
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = bad
    assert not validator.is_valid(data)


def test_json_schema_returns_a_fresh_copy() -> None:
    govplan.json_schema()["title"] = "changed"
    assert govplan.json_schema()["title"] == "govplan/1"


def test_the_schema_ships_in_the_package() -> None:
    schema_file = ROOT / "govplan" / "schema" / "govplan-1.json"
    assert json.loads(schema_file.read_text(encoding="utf-8")) == govplan.json_schema()


def test_typed_callers_can_index_to_dict() -> None:
    data = govplan.to_dict(govplan.parse("新建学校3所。"))
    value: int | float = data["claims"][0]["value"]  # mypy --strict checks this line
    assert value == 3


def test_to_dict_is_typed_down_to_the_claim_value() -> None:
    from govplan.serialize import ClaimDict, DocumentDict

    hints = typing.get_type_hints(DocumentDict)
    assert (hints["claims"], typing.get_type_hints(ClaimDict)["value"]) == (
        list[ClaimDict],
        int | float,
    )
