"""The command line, ``govplan`` or ``python -m govplan``: look at a file without writing code.

This is the only module that reads files or standard input, writes to the
terminal or sets an exit status.  Everything it shows comes from
:func:`govplan.parse` and :func:`govplan.to_dict`, laid out as text by
:mod:`govplan._render`.

* ``govplan parse FILE…`` shows the title, type, metadata, the outline as an
  indented tree and a count of claims; ``--format json`` prints
  ``to_dict(parse(text))`` and ``--format csv`` the outline as rows.
* ``govplan claims FILE…`` shows the claims as an aligned table;
  ``--format csv`` and ``--format json`` are for tools.

``-`` reads standard input.  Files are read as UTF-8 with or without a BOM
(UTF-16 with a BOM too), CRLF as LF, and as GB18030 when they are not UTF-8,
with a note on stderr.  A problem with one file is reported on one line of
stderr and the other files are still read.  Exit status: 0 when every file
was read, 1 when some file could not be, 2 for a usage error, 3 when the
parser failed (a bug: please report it).

>>> main(["--version"])
govplan ...
0
>>> main(["parse", "--format", "yaml", "plan.txt"])
2
"""

from __future__ import annotations

import argparse
import codecs
import csv
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO, Final, NamedTuple, NoReturn, TextIO

from govplan import __version__
from govplan._render import (
    CSV_CLAIMS,
    CSV_OUTLINE,
    claim_rows,
    claims_table,
    display_width,
    document_view,
    json_objects,
    outline_rows,
)
from govplan.model import Document
from govplan.pipeline import parse
from govplan.serialize import JSONValue, to_dict

__all__ = [
    "EXIT_INPUT",
    "EXIT_OK",
    "EXIT_USAGE",
    "decode_text",
    "display_width",
    "main",
]

#: Exit status when every file was read and shown.
EXIT_OK: Final = 0
#: Exit status when some file was missing, a directory, unreadable or not text.
EXIT_INPUT: Final = 1
#: Exit status for a usage error: an unknown option or a missing argument.
EXIT_USAGE: Final = 2
# Exit status when the parser itself failed: a bug, reported without a traceback.
_EXIT_INTERNAL: Final = 3

_PROG: Final = "govplan"
_FORMATS: Final = ("text", "json", "csv")

_EPILOG: Final = """\
examples:
  govplan parse examples/sample_plan.txt
  govplan parse --format json plan.txt > plan.json
  govplan claims plan.txt
  govplan claims --format csv reports/*.txt > claims.csv
  iconv -f gbk -t utf-8 old.txt | govplan parse -

Files are read as UTF-8 (a BOM and CRLF line ends are fine); files that are
not UTF-8 are read as GB18030 (which covers GBK and GB2312), with a note.
Exit status: 0 all files read, 1 some file could not be read, 2 usage error,
3 the parser failed (a bug: please report it).
"""

_PARSE_EPILOG: Final = """\
examples:
  govplan parse examples/sample_plan.txt          title, metadata, outline tree
  govplan parse --format json plan.txt            the govplan/1 JSON object
  govplan parse --format csv a.txt b.txt          the outline of both as rows
  cat plan.txt | govplan parse -                  read standard input

With several files, --format json prints one JSON object per line, each
with a "file" key in front.
"""

_CLAIMS_EPILOG: Final = """\
examples:
  govplan claims examples/sample_plan.txt         an aligned table
  govplan claims --format csv *.txt > claims.csv  one CSV for all files
  govplan claims --format json plan.txt           the "claims" list of the JSON

With several files, --format json prints one claim per line, each with a
"file" key in front.
"""


class _UsageError(Exception):
    """The command line itself is wrong: exit status 2."""


class _InputError(Exception):
    """One file could not be read as text: exit status 1, other files go on."""


class _ArgumentParser(argparse.ArgumentParser):
    """An argument parser that reports usage errors on one line, without exiting."""

    def error(self, message: str) -> NoReturn:
        """Raise a usage error instead of printing the usage and exiting."""
        raise _UsageError(f"{self.prog}: error: {message} (see '{self.prog} --help')")


class _Options(NamedTuple):
    command: str
    format: str
    files: tuple[str, ...]


class _Source(NamedTuple):
    name: str
    text: str


def decode_text(data: bytes) -> tuple[str, str]:
    """Return the text of *data* and the encoding it was read with; CRLF becomes LF.

    UTF-8 comes first (a BOM is dropped), then UTF-16 with a BOM, then
    GB18030, the superset of GBK and GB2312 that Chinese government files
    often use.  Data with NUL bytes, or that no encoding reads, raises
    ``ValueError``.

    >>> decode_text("一、总体要求\\r\\n".encode("utf-8-sig"))
    ('一、总体要求\\n', 'utf-8')
    >>> decode_text("一、总体要求".encode("gb18030"))
    ('一、总体要求', 'gb18030')
    >>> decode_text(b"PK\\x03\\x04\\x00\\x00")
    Traceback (most recent call last):
    ...
    ValueError: binary data (NUL bytes), not text
    >>> decode_text(b"abc\\xff")
    Traceback (most recent call last):
    ...
    ValueError: neither UTF-8 nor GB18030 text (byte 0xff at offset 3)
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _lf(data.decode("utf-16")), "utf-16"
        except UnicodeDecodeError:
            raise ValueError("not UTF-16 text after a UTF-16 byte order mark") from None
    if b"\x00" in data:
        raise ValueError("binary data (NUL bytes), not text")
    try:
        return _lf(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as utf8_error:
        offset = utf8_error.start
    try:
        return _lf(data.decode("gb18030")), "gb18030"
    except UnicodeDecodeError:
        pass
    raise ValueError(
        f"neither UTF-8 nor GB18030 text (byte 0x{data[offset]:02x} at offset {offset})"
    )


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n") if "\r" in text else text


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on *argv* (``sys.argv[1:]`` by default); return the exit status.

    >>> main(["claims"])
    2
    """
    stdout = _utf8(sys.stdout)
    stderr = _utf8(sys.stderr)
    try:
        options = _parse_args(argv)
        return _run(options, stdout, stderr)
    except _UsageError as exc:
        print(exc, file=stderr)
        return EXIT_USAGE
    except SystemExit as exc:  # --help and --version print, then exit 0
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_INPUT
    except KeyboardInterrupt:
        print(f"{_PROG}: interrupted", file=stderr)
        return 130


def _build_parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(
        prog=_PROG,
        description="Read Chinese government work documents (工作总结, 工作计划, 工作要点 …)\n"
        "into an outline, metadata and quantitative claims.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, summary, epilog in (
        ("parse", "show a document's title, metadata, outline and claim count", _PARSE_EPILOG),
        ("claims", "list a document's quantitative claims", _CLAIMS_EPILOG),
    ):
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary[0].upper() + summary[1:] + ".",
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.add_argument(
            "-f",
            "--format",
            choices=_FORMATS,
            default="text",
            help="output format (default: text)",
        )
        sub.add_argument(
            "files",
            nargs="+",
            metavar="FILE",
            help="a plain-text file, or - for standard input",
        )
    return parser


def _parse_args(argv: Sequence[str] | None) -> _Options:
    args = _build_parser().parse_args(argv)
    if args.command is None:
        raise _UsageError(
            f"{_PROG}: error: no command given: use '{_PROG} parse FILE' or "
            f"'{_PROG} claims FILE' (see '{_PROG} --help')"
        )
    return _Options(command=str(args.command), format=str(args.format), files=tuple(args.files))


def _run(options: _Options, stdout: TextIO, stderr: TextIO) -> int:
    status = EXIT_OK
    several = len(options.files) > 1
    writer = _Writer(options, stdout, several=several)
    for name in options.files:
        try:
            source = _read(name, stderr)
        except _InputError as exc:
            print(f"{_PROG}: error: {exc}", file=stderr)
            status = max(status, EXIT_INPUT)
            continue
        try:
            doc = parse(source.text)
        except Exception as exc:  # a bug in govplan: say so on one line, never a traceback
            print(
                f"{_PROG}: error: {name}: the parser failed ({type(exc).__name__}: {exc}); "
                "please report this with the file",
                file=stderr,
            )
            status = _EXIT_INTERNAL
            continue
        writer.write(source.name, doc)
    writer.close()
    return status


def _read(name: str, stderr: TextIO) -> _Source:
    label = "<stdin>" if name == "-" else name
    data = _read_bytes(name)
    try:
        text, encoding = decode_text(data)
    except ValueError as exc:
        raise _InputError(f"{label}: {exc}") from None
    if encoding == "gb18030":
        print(f"{_PROG}: note: {label} is not UTF-8; read it as GB18030", file=stderr)
    return _Source(label, text)


def _read_bytes(name: str) -> bytes:
    if name == "-":
        stdin: BinaryIO = sys.stdin.buffer
        return stdin.read()
    path = Path(name)
    if path.is_dir():
        raise _InputError(f"{name}: is a directory (give the files in it, e.g. {name}/*.txt)")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise _InputError(f"{name}: no such file") from None
    except PermissionError:
        raise _InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise _InputError(f"{name}: cannot read it ({exc.strerror or exc})") from None


class _Writer:
    """Write one document after another in the chosen format."""

    def __init__(self, options: _Options, out: TextIO, *, several: bool) -> None:
        self._command = options.command
        self._format = options.format
        self._out = out
        self._several = several
        self._count = 0
        self._csv = csv.writer(out, lineterminator="\n")
        if self._format == "csv":
            self._csv.writerow(CSV_CLAIMS if self._command == "claims" else CSV_OUTLINE)

    def write(self, name: str, doc: Document) -> None:
        data = to_dict(doc)
        if self._format == "json":
            self._write_json(name, data)
        elif self._format == "csv":
            rows = claim_rows(name, data) if self._command == "claims" else outline_rows(name, data)
            self._csv.writerows(rows)
        else:
            if self._several:
                if self._count:
                    self._out.write("\n")
                self._out.write(f"==> {name} <==\n")
            lines = claims_table(data) if self._command == "claims" else document_view(doc, data)
            self._out.writelines(line.rstrip() + "\n" for line in lines)
        self._count += 1

    def _write_json(self, name: str, data: dict[str, JSONValue]) -> None:
        payload: JSONValue = data["claims"] if self._command == "claims" else data
        if not self._several:
            self._out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
            return
        records = json_objects(payload) if self._command == "claims" else [data]
        for record in records:
            line = json.dumps({"file": name, **record}, ensure_ascii=False)
            self._out.write(line + "\n")

    def close(self) -> None:
        self._out.flush()


def _utf8(stream: TextIO) -> TextIO:
    """Make *stream* write UTF-8 when it is a real text stream that would not."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    if isinstance(stream, io.TextIOWrapper) and encoding not in ("utf-8", "utf8"):
        stream.reconfigure(encoding="utf-8")
    return stream


def _silence_stdout() -> None:
    """Point stdout at devnull after a broken pipe, so that exiting does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass
