"""The library's exceptions: every one is a ValueError subclass naming its input."""

from __future__ import annotations

__all__ = [
    "DateError",
    "DocNumberError",
    "GovplanError",
    "IndexNumberError",
    "NumberError",
    "require_str",
]


class GovplanError(ValueError):
    """Base class of the errors govplan raises for text it cannot read.

    >>> issubclass(NumberError, GovplanError) and issubclass(GovplanError, ValueError)
    True
    """


class NumberError(GovplanError):
    """The text is not exactly one number.

    >>> raise NumberError("not a number: '十九大'")
    Traceback (most recent call last):
    ...
    govplan.errors.NumberError: not a number: '十九大'
    """


class DocNumberError(GovplanError):
    """The text is not a document number (文号).

    >>> str(DocNumberError("not a document number: 'abc'"))
    "not a document number: 'abc'"
    """


class DateError(GovplanError):
    """The text is not a calendar date.

    >>> str(DateError("not a date: '2019年2月30日'"))
    "not a date: '2019年2月30日'"
    """


class IndexNumberError(GovplanError):
    """The text is not an index number (索引号).

    >>> str(IndexNumberError("not an index number: ''"))
    "not an index number: ''"
    """


def require_str(value: object, name: str = "text") -> str:
    """Return *value* if it is a ``str``; raise ``TypeError`` naming its type otherwise.

    >>> require_str("一、")
    '一、'
    >>> require_str(b"abc")
    Traceback (most recent call last):
    ...
    TypeError: text must be str, not bytes (decode it first, e.g. data.decode('utf-8'))
    >>> require_str(None, "raw")
    Traceback (most recent call last):
    ...
    TypeError: raw must be str, not NoneType
    """
    if isinstance(value, str):
        return value
    hint = ""
    if isinstance(value, (bytes, bytearray, memoryview)):
        hint = " (decode it first, e.g. data.decode('utf-8'))"
    raise TypeError(f"{name} must be str, not {type(value).__name__}{hint}")
