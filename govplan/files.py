"""Read files as text, the way the command line does: the one module of the library that does I/O.

The core of govplan takes ``str`` and never touches a file.  This module sits
at the edge, beside the command line: :func:`read_file` turns a file into the
text to give :func:`govplan.parse`, :func:`decode` does the same for bytes you
already hold (from Spark's ``binaryFiles``, an archive or a database), and
:func:`find_files` lists the documents in folders.

How bytes become text, in order:

1. A byte order mark decides: UTF-8, UTF-16 or UTF-32 (little or big endian).
2. Bytes with NULs are UTF-32 or UTF-16 without a byte order mark, or binary
   data.  Each of the four that decodes them strictly into text (no control
   characters but whitespace, no unassigned code points) is a candidate, and
   the one with the fewest characters outside ASCII, CJK ideographs and CJK,
   general and full-width punctuation wins: read in the wrong byte order,
   Chinese text turns into rare ideographs and unassigned code points.
3. Bytes that are valid UTF-8 are UTF-8.
4. Otherwise GB18030 (a superset of GBK and GB2312) or Big5, whichever reads
   them strictly.  Almost any Big5 text also reads, wrongly, as GB18030, and
   short GB18030 text as Big5: when both do, the reading with fewer rare
   characters wins, GB18030 on a tie.  A rare character is one outside
   GB2312 for GB18030, and outside Big5's frequently used characters
   (lead bytes 0xA1 to 0xC6) for Big5.
5. What no encoding reads raises :class:`DecodeError` naming the first bad
   byte, unless *errors* says to ``"replace"`` bad bytes with U+FFFD or to
   ``"ignore"`` them: then the encoding with the fewest bad bytes is used.

CRLF line ends become LF (a lone CR is kept), so that offsets into the text
match those of the same file saved on Linux.

>>> decode("一、总体要求\\r\\n".encode("utf-8-sig"))
Decoded(text='一、总体要求\\n', encoding='utf-8', replaced=0)
>>> decode("一、总体要求".encode("utf-32")).text
'一、总体要求'
>>> decode("一、总体要求".encode("gb18030")).encoding
'gb18030'
>>> decode(b"abc\\xff")
Traceback (most recent call last):
...
govplan.files.DecodeError: neither UTF-8 nor GB18030 text (byte 0xff at offset 3)
>>> decode(b"abc\\xff", errors="replace")
Decoded(text='abc\\ufffd', encoding='utf-8', replaced=1)
"""

from __future__ import annotations

import codecs
import collections
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Final, Literal

import attrs
import regex

from govplan.errors import GovplanError

__all__ = [
    "ERRORS",
    "DecodeError",
    "Decoded",
    "Errors",
    "FolderError",
    "decode",
    "find_files",
    "read_file",
]

#: What to do with bytes that no encoding reads: the *errors* choices.
Errors = Literal["strict", "replace", "ignore"]
#: The *errors* choices, in the order the command line lists them.
ERRORS: Final[tuple[Errors, ...]] = ("strict", "replace", "ignore")

_BOMS: Final = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
# Encodings without a byte order mark for bytes with NULs, the first winning a tie.
_WIDE: Final = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")
# What text never holds: control characters other than whitespace, unassigned code points.
_NOT_TEXT: Final[regex.Pattern[str]] = regex.compile(r"[^\P{Cc}\t\n\v\f\r]|\p{Cn}")
# Runs of characters a Chinese document seldom uses: all but ASCII, general punctuation,
# CJK symbols and punctuation, CJK unified ideographs and full-width forms.
_UNUSUAL: Final[regex.Pattern[str]] = regex.compile(
    r"[^\x00-\x7f\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+"
)


class DecodeError(GovplanError):
    """The bytes are not text in any encoding govplan reads.

    >>> issubclass(DecodeError, ValueError)
    True
    """


@attrs.frozen
class Decoded:
    """Decoded text, the encoding it was read with and how many bad bytes were replaced.

    ``replaced`` counts the U+FFFD characters (or dropped bytes) that *errors*
    put in place of bytes no encoding reads; it is 0 for clean text.

    >>> Decoded("一、", "utf-8", 0).encoding
    'utf-8'
    """

    text: str
    encoding: str
    replaced: int


def decode(data: bytes | bytearray | memoryview, *, errors: Errors = "strict") -> Decoded:
    """Return the text of *data*; CRLF becomes LF.  See the module for the rules.

    >>> decode("總體要求，新建幼兒園7所。".encode("big5")).encoding
    'big5'
    >>> decode("一、总体要求\\n".encode("utf-16-le")).encoding
    'utf-16-le'
    >>> decode(b"PK\\x03\\x04\\x00\\x00")
    Traceback (most recent call last):
    ...
    govplan.files.DecodeError: binary data (NUL bytes), not text
    >>> decode(b"", errors="loose")
    Traceback (most recent call last):
    ...
    ValueError: errors must be one of 'strict', 'replace', 'ignore', not 'loose'
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"data must be bytes, not {type(data).__name__}")
    if errors not in ERRORS:
        choices = ", ".join(repr(e) for e in ERRORS)
        raise ValueError(f"errors must be one of {choices}, not {errors!r}")
    data = bytes(data)
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom) :], codec, name, errors, skipped=len(bom))
    if b"\x00" in data:
        return _decode_wide(data)
    try:
        return Decoded(_lf(data.decode("utf-8")), "utf-8", 0)
    except UnicodeDecodeError as error:
        first_bad = error.start
    encoding = _chinese_encoding(data)
    if encoding is not None:
        return Decoded(_lf(data.decode(encoding)), encoding, 0)
    if errors == "strict":
        raise DecodeError(
            f"neither UTF-8 nor GB18030 text (byte 0x{data[first_bad]:02x} at offset {first_bad})"
        )
    candidates = [_decode_loosely(data, codec, errors) for codec in ("utf-8", "gb18030")]
    return min(candidates, key=lambda decoded: decoded.replaced)


def _decode_as(data: bytes, codec: str, name: str, errors: Errors, *, skipped: int) -> Decoded:
    try:
        return Decoded(_lf(data.decode(codec)), name, 0)
    except UnicodeDecodeError as error:
        if errors == "strict":
            raise DecodeError(
                f"not {name.upper()} text after a {name.upper()} byte order mark "
                f"(byte 0x{data[error.start]:02x} at offset {error.start + skipped})"
            ) from None
    return _decode_loosely(data, codec, errors, name=name)


def _decode_loosely(data: bytes, codec: str, errors: Errors, *, name: str = "") -> Decoded:
    text = data.decode(codec, errors=errors)
    if errors == "replace":
        replaced = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
    else:
        replaced = len(data) - len(text.encode(codec))
    return Decoded(_lf(text), name or codec, replaced)


def _decode_wide(data: bytes) -> Decoded:
    """Decode data with NUL bytes: UTF-32 or UTF-16 without a byte order mark, or binary."""
    readings = [
        (codec, text)
        for codec in _WIDE
        if (text := _strict(data, codec)) is not None and not _NOT_TEXT.search(text)
    ]
    if not readings:
        raise DecodeError("binary data (NUL bytes), not text")
    codec, text = min(readings, key=lambda reading: _unusual(reading[1]))
    return Decoded(_lf(text), codec, 0)


def _unusual(text: str) -> int:
    return sum(len(run) for run in _UNUSUAL.findall(text))


def _chinese_encoding(data: bytes) -> str | None:
    """Return 'gb18030' or 'big5' when one of them reads *data*, else None."""
    gb = _strict(data, "gb18030")
    big5 = _strict(data, "big5")
    if big5 is None:
        return None if gb is None else "gb18030"
    if gb is None:
        return "big5"
    return "big5" if _rare(big5, _big5_common) < _rare(gb, _in_gb2312) else "gb18030"


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _rare(text: str, common: Callable[[str], bool]) -> int:
    """Count the non-ASCII characters of *text* that are not *common*."""
    counts = collections.Counter(text)
    return sum(count for char, count in counts.items() if not char.isascii() and not common(char))


def _in_gb2312(char: str) -> bool:
    """GB2312's symbols and 6763 hanzi: two GB18030 bytes, both from 0xA1 on."""
    code = char.encode("gb18030")
    return len(code) == 2 and code[0] >= 0xA1 and code[1] >= 0xA1


def _big5_common(char: str) -> bool:
    """Big5's symbols and 5401 frequently used hanzi: lead bytes 0xA1 to 0xC6."""
    return char.encode("big5")[0] <= 0xC6


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n") if "\r" in text else text


def read_file(path: str | os.PathLike[str], *, errors: Errors = "strict") -> str:
    """Return the text of the file at *path*, decoded as :func:`decode` does.

    ``OSError`` (a missing file, a folder, no permission) comes through as it
    is; bytes that are not text raise :class:`DecodeError` (a ``ValueError``)
    unless *errors* is ``"replace"`` or ``"ignore"``.

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "plan.txt")
    ...     _ = path.write_bytes("一、总体要求\\r\\n二、主要任务".encode("gbk"))
    ...     read_file(path)
    '一、总体要求\\n二、主要任务'
    """
    with open(path, "rb") as handle:
        data = handle.read()
    return decode(data, errors=errors).text


class FolderError(OSError):
    """A folder could not be listed; :func:`find_files` reports it and goes on."""


def find_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    recursive: bool = False,
    suffixes: tuple[str, ...] = (".txt",),
    on_error: Callable[[OSError], None] | None = None,
) -> Iterator[str]:
    """Yield the files of *paths*: a file as it is, a folder as its files ending in *suffixes*.

    A folder gives its files in name order, and with *recursive* those of its
    subfolders too (symbolic links to folders are not followed).  A folder
    that cannot be listed is passed to *on_error* (as :class:`FolderError`)
    and skipped; without *on_error* the error is raised.  Paths that do not
    exist are yielded as they are, for the reader to report.

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     for name in ("b.txt", "a.txt", "notes.md", "sub/c.txt"):
    ...         path = pathlib.Path(folder, name)
    ...         path.parent.mkdir(exist_ok=True)
    ...         _ = path.write_text("一、", encoding="utf-8")
    ...     found = list(find_files([folder], recursive=True))
    ...     [os.path.relpath(p, folder) for p in found]
    ['a.txt', 'b.txt', 'sub/c.txt']
    """
    wanted = tuple(s.lower() for s in suffixes)
    for path in paths:
        name = os.fspath(path)
        if not _is_folder(name):
            yield name
            continue
        for top, folders, files in _walk(name, recursive, on_error):
            folders.sort()
            yield from (os.path.join(top, f) for f in sorted(files) if f.lower().endswith(wanted))


def _is_folder(name: str) -> bool:
    try:
        return os.path.isdir(name)
    except (OSError, ValueError):  # a name too long, or with a NUL: the reader will say so
        return False


def _walk(
    top: str, recursive: bool, on_error: Callable[[OSError], None] | None
) -> Iterator[tuple[str, list[str], list[str]]]:
    def report(error: OSError) -> None:
        folder = FolderError(error.errno, error.strerror, error.filename)
        if on_error is None:
            raise folder
        on_error(folder)

    for top_folder, folders, files in os.walk(top, onerror=report):
        yield top_folder, folders, files
        if not recursive:
            folders.clear()
