"""Where the command line writes: standard output or a file, as text or Parquet.

:func:`text_output` and :func:`binary_output` open the destination: standard
output, or a file written under a temporary name and renamed into place only
when everything went well, so that a failed run never leaves half a file
behind.  A problem writing becomes an :class:`OutputError` with a one-line
message, except a closed pipe (``| head``), which stays a ``BrokenPipeError``
for the command line to end quietly on.

The sinks frame the ready output of :mod:`govplan._batch` results: a header
per file for text views, one CSV header row, one JSON array, one Parquet file.

>>> import io
>>> out = io.StringIO()
>>> sink = TextSink(out, "claims", "json", several=True)
>>> sink.write(Result("a.txt", '  {"value": 7}'))
>>> sink.write(Result("b.txt", ""))
>>> sink.close()
>>> print(out.getvalue(), end="")
[
  {"value": 7}
]
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import tempfile
from collections.abc import Iterator
from typing import IO, Any, BinaryIO, Final, TextIO

from govplan._batch import Result
from govplan.tables import CLAIM_COLUMNS, OUTLINE_COLUMNS

__all__ = ["OutputError", "ParquetSink", "TextSink", "binary_output", "text_output"]

# Rows buffered before a Parquet row group is written.
_ROW_GROUP: Final = 50_000


class OutputError(Exception):
    """The output could not be written; the message is one line."""


def _problem(where: str, error: OSError) -> OutputError:
    reason = (error.strerror or str(error)).lower()
    return OutputError(f"cannot write {where}: {reason}")


@contextlib.contextmanager
def text_output(path: str | None, stdout: TextIO | None, *, bom: bool = False) -> Iterator[TextIO]:
    """Yield a UTF-8 text stream to *path*, or to *stdout* when *path* is None or ``-``.

    With *bom*, the text starts with a byte order mark, which Excel needs to
    read a CSV file as UTF-8.
    """
    if path is None or path == "-":
        stream = _require_stdout(stdout)
        with _reporting("standard output"):
            if bom:
                stream.write("\ufeff")
            yield stream
            stream.flush()
        return
    encoding = "utf-8-sig" if bom else "utf-8"
    with (
        _replacing(path) as temporary,
        _reporting(path),
        open(temporary, "w", encoding=encoding, newline="") as file,
    ):
        yield file


@contextlib.contextmanager
def binary_output(path: str | None, stdout: TextIO | None) -> Iterator[BinaryIO]:
    """Yield a binary stream to *path*, or to *stdout* when *path* is None or ``-``.

    Binary data is not written to a terminal: that is an :class:`OutputError`.
    """
    if path is None or path == "-":
        stream = _require_stdout(stdout)
        if stream.isatty():
            raise OutputError("will not write binary data to a terminal: give --out FILE")
        with _reporting("standard output"):
            stream.flush()
            yield stream.buffer
            stream.buffer.flush()
        return
    with _replacing(path) as temporary, _reporting(path), open(temporary, "wb") as file:
        yield file


def _require_stdout(stdout: TextIO | None) -> TextIO:
    if stdout is None:
        raise OutputError("standard output is closed: give --out FILE")
    return stdout


@contextlib.contextmanager
def _reporting(where: str) -> Iterator[None]:
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        raise _problem(where, error) from None


@contextlib.contextmanager
def _replacing(path: str) -> Iterator[str]:
    """Yield a temporary name beside *path*; rename it to *path* if the block succeeds."""
    folder = os.path.dirname(path) or "."
    try:
        handle, temporary = tempfile.mkstemp(
            dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".part"
        )
        os.close(handle)
    except OSError as error:
        raise _problem(path, error) from None
    try:
        yield temporary
        try:
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(temporary, 0o666 & ~mask)
            os.replace(temporary, path)
        except OSError as error:
            raise _problem(path, error) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise


class TextSink:
    """Write the ready text of results one after another, with the framing of the format."""

    def __init__(self, out: TextIO, command: str, form: str, *, several: bool) -> None:
        self._out = out
        self._form = form
        self._array = command == "claims" and form == "json"
        self._headers = several and form in ("text", "table")
        self._count = 0
        if form == "csv":
            columns = CLAIM_COLUMNS if command == "claims" else OUTLINE_COLUMNS
            csv.writer(out, lineterminator="\n").writerow(columns)

    def write(self, result: Result) -> None:
        """Write the output of one input."""
        if self._headers:
            self._out.write(("\n" if self._count else "") + f"==> {result.label} <==\n")
        if self._array:
            if result.chunk:
                self._out.write(("[\n" if not self._count else ",\n") + result.chunk)
                self._count += 1
            return
        self._out.write(result.chunk)
        self._count += 1

    def close(self) -> None:
        """End the output: close the JSON array."""
        if self._array:
            self._out.write("\n]\n" if self._count else "[]\n")


class ParquetSink:
    """Collect rows and write them as one Parquet file of the explicit schema."""

    def __init__(self, out: BinaryIO | IO[bytes], command: str) -> None:
        import pyarrow.parquet

        from govplan.frames import arrow_schema

        self._kind = "claims" if command == "claims" else "outline"
        self._writer: Any = pyarrow.parquet.ParquetWriter(out, arrow_schema(self._kind))
        self._rows: list[dict[str, object]] = []

    def write(self, result: Result) -> None:
        """Add the rows of one input; write a row group when enough have gathered."""
        self._rows.extend(result.rows)
        if len(self._rows) >= _ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        from govplan.frames import to_arrow

        if self._rows:
            self._writer.write_table(to_arrow(self._rows, self._kind))  # type: ignore[arg-type]
            self._rows = []

    def close(self) -> None:
        """Write what is left and the file footer."""
        self._flush()
        self._writer.close()


def probe_parquet() -> str | None:
    """Return None when Parquet output can be written, else the one-line reason.

    >>> probe_parquet() is None or "pip install" in probe_parquet()
    True
    """
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return "--format parquet needs pyarrow: pip install 'govplan[pandas]'"
    return None


def utf8(stream: TextIO | None) -> TextIO | None:
    """Make *stream* write UTF-8 when it is a real text stream that would not."""
    if stream is None:
        return None
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    if isinstance(stream, io.TextIOWrapper) and encoding not in ("utf-8", "utf8"):
        stream.reconfigure(encoding="utf-8")
    return stream
