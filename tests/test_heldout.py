"""Held-out evaluation: hand-annotated documents the implementation was not tuned on.

The documents and their gold files live in tests/heldout/ (see the notes in each
JSON file); the scoring is tests/heldout/_score.py, shared with
scripts/score_heldout.py. The first tests check the annotations themselves (every
span is exact); the last two check the library's overall figures.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "heldout"))

import _score

NAMES = _score.documents()

OUTLINE_F1_MIN = 0.95
CLAIMS_F1_MIN = 0.85


@pytest.fixture(scope="module")
def overall() -> _score.Score:
    return _score.total([score for _, score in _score.score_all()])


def _misses(score: _score.Score, kinds: tuple[str, ...]) -> str:
    return "\n".join(f"{kind}: {message}" for kind, message in score.log if kind in kinds)


def test_the_heldout_set_has_twelve_documents() -> None:
    assert len(NAMES) == 12


@pytest.mark.parametrize("name", NAMES)
def test_text_is_utf8_without_bom_and_of_the_agreed_size(name: str) -> None:
    raw = (_score.HELDOUT / f"{name}.txt").read_bytes()
    text = _score.read_text(_score.HELDOUT / f"{name}.txt")
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert 1500 <= len(text) <= 3500


@pytest.mark.parametrize("name", NAMES)
def test_outline_spans_are_exact(name: str) -> None:
    text, gold = _score.load(name)
    wrong = [
        node
        for node in gold["outline"]
        if text[node["start"] : node["end"]] != node["marker"] + node["title"]
    ]
    assert wrong == []


@pytest.mark.parametrize("name", NAMES)
def test_claim_spans_are_exact(name: str) -> None:
    text, gold = _score.load(name)
    wrong = [
        claim for claim in gold["claims"] if text[claim["start"] : claim["end"]] != claim["text"]
    ]
    assert wrong == []


@pytest.mark.parametrize("name", NAMES)
def test_claim_paths_name_enclosing_headings(name: str) -> None:
    _, gold = _score.load(name)
    outline: list[dict[str, Any]] = gold["outline"]
    wrong = [
        claim
        for claim in gold["claims"]
        if any(outline[i]["start"] > claim["start"] for i in claim["path"])
        or [outline[i]["level"] for i in claim["path"]] != list(range(1, len(claim["path"]) + 1))
    ]
    assert wrong == []


def test_outline_f1_over_the_heldout_set(overall: _score.Score) -> None:
    _, _, f1 = overall.outline_prf
    assert f1 >= OUTLINE_F1_MIN, _misses(overall, ("outline-miss", "outline-extra"))


def test_claims_f1_over_the_heldout_set(overall: _score.Score) -> None:
    _, _, f1 = overall.claims_prf
    assert f1 >= CLAIMS_F1_MIN, _misses(overall, ("claim-miss", "claim-extra"))
