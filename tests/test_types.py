"""A non-str argument to a public function raises TypeError naming what it got."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import govplan
from govplan.normalize import normalize


def _walk(value: object) -> object:
    return list(govplan.walk(value))  # type: ignore[arg-type]


def _find(value: object) -> object:
    return govplan.find(value, lambda heading: True)  # type: ignore[arg-type]


# (name, call, marks for some bad values): every public function taking text or records.
FUNCTIONS: list[tuple[str, Callable[..., object], dict[str, pytest.MarkDecorator]]] = [
    ("parse", govplan.parse, {}),
    ("to_dict", govplan.to_dict, {}),
    ("normalize", normalize, {}),
    ("is_noise_line", govplan.is_noise_line, {}),
    ("walk", _walk, {}),
    ("find", _find, {}),
]

# Values of the wrong type, by the name their TypeError must mention.
BAD_VALUES: dict[str, object] = {
    "bytes": "一、总体要求".encode(),
    "bytearray": bytearray(b"abc"),
    "NoneType": None,
    "int": 5,
}
# walk and find take headings, so a str is the wrong type for them too.
BAD_FOR_OUTLINE: dict[str, object] = {"str": "一、总体要求"}


CASES = [
    pytest.param(call, value, type_name, id=f"{name}-{type_name}", marks=marks.get(type_name, ()))
    for name, call, marks in FUNCTIONS
    for type_name, value in (
        BAD_VALUES | (BAD_FOR_OUTLINE if name in {"walk", "find"} else {})
    ).items()
]


@pytest.mark.parametrize(("call", "value", "type_name"), CASES)
def test_wrong_type_raises_type_error_naming_it(
    call: Callable[[object], object], value: object, type_name: str
) -> None:
    with pytest.raises(TypeError, match=type_name):
        call(value)


def test_bytes_error_tells_how_to_decode() -> None:
    with pytest.raises(TypeError, match=r"decode"):
        govplan.parse(b"\xe4\xb8\x80")  # type: ignore[arg-type]


def test_str_subclass_is_accepted() -> None:
    class Text(str):
        pass

    assert isinstance(govplan.parse(Text("一、总体要求")), govplan.Document)
