"""Every document govplan makes, from any text, is valid against the govplan/1 JSON Schema."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import assume, given

import govplan

from .strategies import any_text, hits_known_bug, plan_text

jsonschema = pytest.importorskip("jsonschema", reason="needs jsonschema (the test extra)")
VALIDATOR: Any = jsonschema.Draft202012Validator(govplan.json_schema())


@given(plan_text)
def test_plan_like_documents_are_valid(text: str) -> None:
    assume(not hits_known_bug(text))
    data = govplan.to_dict(govplan.parse(text))
    assert [error.message for error in VALIDATOR.iter_errors(data)] == []


@given(any_text)
def test_any_text_gives_a_valid_document(text: str) -> None:
    assume(not hits_known_bug(text))
    data = json.loads(json.dumps(govplan.to_dict(govplan.parse(text))))
    assert [error.message for error in VALIDATOR.iter_errors(data)] == []


@given(plan_text)
def test_claim_rows_match_the_claims_of_to_dict(text: str) -> None:
    assume(not hits_known_bug(text))
    doc = govplan.parse(text)
    claims = govplan.to_dict(doc)["claims"]
    rows = govplan.claim_rows(doc)
    assert [(r["text"], r["start"], r["unit"], r["modality"]) for r in rows] == [
        (c["text"], c["start"], c["unit"], c["modality"]) for c in claims
    ]
