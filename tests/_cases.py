"""Load the TOML case tables of tests/cases/ as pytest parameters."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CASES = Path(__file__).parent / "cases"


def load_cases(name: str, table: str = "case") -> list[Any]:
    """Return the ``[[table]]`` entries of tests/cases/<name>.toml as pytest params.

    A case with ``xfail = "reason"`` is marked as a strict expected failure.
    """
    data = tomllib.loads((CASES / f"{name}.toml").read_text(encoding="utf-8"))
    params = []
    for case in data[table]:
        marks = []
        if "xfail" in case:
            marks.append(pytest.mark.xfail(strict=True, reason=case["xfail"]))
        params.append(pytest.param(case, id=case["id"], marks=marks))
    return params
