"""The command line, ``govplan`` or ``python -m govplan``: look at files without writing code.

This module (with :mod:`govplan.files`, :mod:`govplan._runner`,
:mod:`govplan._batch` and :mod:`govplan._output`) is the only place that
reads standard input, writes to the terminal or sets an exit status.

* ``govplan parse PATH…`` shows each document's title, type, metadata, the
  outline as an indented tree and a count of claims; ``--format json`` prints
  ``to_dict(parse(text))`` for one document, ``jsonl`` one such object per
  line, ``csv`` and ``parquet`` the outline as rows.
* ``govplan claims PATH…`` shows the claims as an aligned table; ``csv``,
  ``jsonl``, ``json`` and ``parquet`` give the rows of
  :func:`govplan.claim_rows`, the same columns for one file or ten thousand.
* ``govplan html FILE [-o OUT.html]`` writes :func:`govplan.to_html`'s
  standalone page of one document, to look at in a browser.
* ``govplan targets PLAN REPORT`` puts a plan's targets beside the outcomes
  the next report states (:func:`govplan.match_targets`): a table, ``csv``
  or ``json``.

A PATH is a file, ``-`` for standard input, or a folder: its ``*.txt`` files,
and with ``--recursive`` those of its subfolders.  ``--jobs N`` parses in N
processes.  A problem with one file is reported on one line of stderr and the
other files are still read; a summary line counts the failures.  Exit status:
0 when every file was read, 1 when some file could not be read or the output
could not be written, 2 for a usage error, 3 when the parser failed (a bug:
please report it), 130 after Ctrl-C, 141 when the reader of the output went
away (``| head``), as for a tool stopped by SIGPIPE.

New subcommands are entries of :data:`COMMANDS`; they read with
:func:`read_text`, write with :func:`text_output` or :func:`binary_output`,
and raise :class:`UsageError`, :class:`InputError` or :class:`OutputError` for
a one-line message: :func:`main` turns every error into one line.

>>> main(["--version"])
govplan ...
0
>>> main(["parse", "--format", "yaml", "plan.txt"])
2
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import Final, NamedTuple, NoReturn, TextIO

from govplan import __version__
from govplan._batch import STDIN
from govplan._output import (
    OutputError,
    binary_output,
    text_output,
    utf8,
)
from govplan._render import display_width
from govplan._runner import InputError, Streams, UsageError, read_text, run_documents
from govplan._targets_view import targets_csv, targets_json, targets_table
from govplan.files import ERRORS, decode
from govplan.html import to_html
from govplan.pipeline import parse
from govplan.targets import match_targets

__all__ = [
    "COMMANDS",
    "EXIT_INPUT",
    "EXIT_OK",
    "EXIT_USAGE",
    "Command",
    "InputError",
    "OutputError",
    "Streams",
    "UsageError",
    "binary_output",
    "decode_text",
    "display_width",
    "main",
    "read_text",
    "text_output",
]

#: Exit status when every file was read and shown.
EXIT_OK: Final = 0
#: Exit status when some file could not be read, or the output could not be written.
EXIT_INPUT: Final = 1
#: Exit status for a usage error: an unknown option or a missing argument.
EXIT_USAGE: Final = 2
# Exit status when the parser itself failed: a bug, reported without a traceback.
_EXIT_INTERNAL: Final = 3
_EXIT_INTERRUPTED: Final = 130  # 128 + SIGINT, as the shell reports Ctrl-C
_EXIT_PIPE: Final = 141  # 128 + SIGPIPE, as for `cat` when `head` has read enough

_PROG: Final = "govplan"

_EPILOG: Final = """\
examples:
  govplan parse examples/sample_plan.txt
  govplan claims examples/sample_plan.txt
  govplan html examples/sample_plan.txt -o sample.html
  govplan claims reports/ --recursive --jobs 4 --format parquet --out claims.parquet
  govplan claims reports/ -r --format csv --bom --out claims.csv     (for Excel)
  iconv -f big5 -t utf-8 old.txt | govplan parse -

Files are read as UTF-8 (a BOM and CRLF line ends are fine), UTF-16/UTF-32
with or without a BOM, and otherwise as GB18030 or Big5, with a note on stderr.
Exit status: 0 all files read, 1 some file could not be read (or the output
could not be written), 2 usage error, 3 the parser failed (a bug: please
report it), 130 interrupted.
"""

_PARSE_EPILOG: Final = """\
examples:
  govplan parse examples/sample_plan.txt          title, metadata, outline tree
  govplan parse --format json plan.txt            the govplan/1 JSON object
  govplan parse --format jsonl -r reports/        one JSON object per document
  govplan parse --format csv a.txt b.txt          the outline of both as rows
  cat plan.txt | govplan parse -                  read standard input
"""

_CLAIMS_EPILOG: Final = """\
examples:
  govplan claims examples/sample_plan.txt                 an aligned table
  govplan claims --format csv *.txt > claims.csv          one CSV for all files
  govplan claims -r reports/ -j 4 -f parquet -o claims.parquet
  govplan claims --modality target --format jsonl plan.txt

Every format but the table has the columns of govplan.claim_rows: file, title,
doc_type, heading, text, value, high, unit, approx, bound, subject, modality,
direction, baseline, start, end.  Values are exact in CSV and JSON; Parquet
stores value and high as doubles.
"""


class Command(NamedTuple):
    """A subcommand: its name, help, arguments and the function that runs it."""

    name: str
    summary: str
    epilog: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, Streams], int]


class _ArgumentParser(argparse.ArgumentParser):
    """An argument parser that reports usage errors on one line, without exiting."""

    def error(self, message: str) -> NoReturn:
        """Raise a usage error instead of printing the usage and exiting."""
        raise UsageError(f"{self.prog}: error: {message} (see '{self.prog} --help')")


def decode_text(data: bytes) -> tuple[str, str]:
    """Return the text of *data* and its encoding, as :func:`govplan.files.decode` reads it.

    Kept for callers of earlier versions; new code calls :func:`govplan.read_file`
    or :func:`govplan.files.decode`.

    >>> decode_text("一、总体要求\\r\\n".encode("utf-8-sig"))
    ('一、总体要求\\n', 'utf-8')
    """
    decoded = decode(data)
    return decoded.text, decoded.encoding


# --- parse and claims ----------------------------------------------------------------


def _document_arguments(command: str) -> Callable[[argparse.ArgumentParser], None]:
    formats = ("text", "json", "jsonl", "csv", "parquet")
    if command == "claims":
        formats = ("table", "csv", "jsonl", "json", "parquet")

    def format_name(text: str) -> str:  # `claims --format text`, as before 0.2, is the table
        return "table" if command == "claims" and text == "text" else text

    def add(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "paths",
            nargs="+",
            metavar="PATH",
            help="a text file, a folder of *.txt files, or - for standard input",
        )
        parser.add_argument(
            "-r",
            "--recursive",
            action="store_true",
            help="also read the *.txt files in the subfolders of a folder",
        )
        parser.add_argument(
            "-j",
            "--jobs",
            type=_jobs,
            default=1,
            metavar="N",
            help="parse in N processes (0: one per core; default 1)",
        )
        parser.add_argument(
            "-f",
            "--format",
            choices=formats,
            default=formats[0],
            type=format_name,
            help=f"output format (default: {formats[0]})",
        )
        if command == "claims":
            parser.add_argument(
                "-m",
                "--modality",
                choices=("target", "achieved"),
                help="only the targets, or only the reported results",
            )
        parser.add_argument(
            "-o", "--out", metavar="FILE", help="write to FILE instead of standard output"
        )
        parser.add_argument(
            "--bom",
            action="store_true",
            help="start text output with a UTF-8 byte order mark (Excel wants it)",
        )
        _errors_argument(parser)

    return add


def _errors_argument(parser: argparse.ArgumentParser) -> None:
    """Add --errors: what to do with bytes that do not decode."""
    parser.add_argument(
        "--errors",
        choices=ERRORS,
        default="strict",
        help="undecodable bytes: reject the file (strict, the default), "
        "replace them with U+FFFD, or ignore them",
    )


def _jobs(text: str) -> int:
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of processes: {text!r}") from None
    if count < 0:
        raise argparse.ArgumentTypeError(f"not a number of processes: {text!r}")
    return count or os.cpu_count() or 1


# --- html ------------------------------------------------------------------------------

_HTML_EPILOG: Final = """\
examples:
  govplan html examples/sample_plan.txt -o sample.html   then open sample.html in a browser
  govplan html plan.txt > plan.html                      the page on standard output
  iconv -f big5 -t utf-8 old.txt | govplan html - -o old.html

The page stands alone: the stylesheet is inline, there is no script and
nothing to fetch, so it works offline and as an e-mail attachment.
"""


def _html_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="FILE", help="a text file, or - for standard input")
    parser.add_argument(
        "-o", "--out", metavar="OUT.html", help="write the page to OUT.html, not standard output"
    )
    _errors_argument(parser)


def _run_html(args: argparse.Namespace, streams: Streams) -> int:
    text = read_text(args.path, streams, errors=args.errors)
    page = to_html(parse(text), file="<stdin>" if args.path == STDIN else args.path)
    with text_output(args.out, streams.stdout) as out:
        out.write(page)
    return EXIT_OK


# --- targets ---------------------------------------------------------------------------

_TARGETS_EPILOG: Final = """\
examples:
  govplan targets report_2023.txt report_2024.txt        was the 2023 plan met?
  govplan targets -f csv plan.txt review.txt -o targets.csv
  govplan targets -f json plan.txt review.txt            target and outcome claims

PLAN is the document that set the targets, REPORT the one that reviews the
planned period.  The rules that pair them are in docs/targets.md.
"""


def _targets_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", metavar="PLAN", help="the document that set the targets")
    parser.add_argument("report", metavar="REPORT", help="the document that reviews the period")
    parser.add_argument(
        "-f",
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="output format (default: table)",
    )
    parser.add_argument(
        "-o", "--out", metavar="FILE", help="write to FILE instead of standard output"
    )
    _errors_argument(parser)


def _run_targets(args: argparse.Namespace, streams: Streams) -> int:
    if args.plan == STDIN and args.report == STDIN:
        raise UsageError(f"{_PROG}: error: PLAN and REPORT cannot both be standard input")
    plan = parse(read_text(args.plan, streams, errors=args.errors))
    report = parse(read_text(args.report, streams, errors=args.errors))
    matches = match_targets(plan, report)
    with text_output(args.out, streams.stdout) as out:
        if args.format == "csv":
            out.write(targets_csv(matches))
        elif args.format == "json":
            out.write(targets_json(matches) + "\n")
        else:
            out.writelines(line.rstrip() + "\n" for line in targets_table(matches))
    return EXIT_OK


#: The subcommands, in the order ``govplan --help`` lists them.
COMMANDS: Final[tuple[Command, ...]] = (
    Command(
        "parse",
        "show documents' title, metadata, outline and claim count",
        _PARSE_EPILOG,
        _document_arguments("parse"),
        run_documents,
    ),
    Command(
        "claims",
        "list documents' quantitative claims",
        _CLAIMS_EPILOG,
        _document_arguments("claims"),
        run_documents,
    ),
    Command(
        "html",
        "write one document as a standalone HTML page to look at",
        _HTML_EPILOG,
        _html_arguments,
        _run_html,
    ),
    Command(
        "targets",
        "put a plan's targets beside the outcomes the next report states",
        _TARGETS_EPILOG,
        _targets_arguments,
        _run_targets,
    ),
)


# --- the entry point -------------------------------------------------------------------


def _build_parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(
        prog=_PROG,
        description="Read Chinese government work documents (工作总结, 工作计划, 工作要点 …)\n"
        "into an outline, metadata and quantitative claims.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        sub = subparsers.add_parser(
            command.name,
            help=command.summary,
            description=command.summary[0].upper() + command.summary[1:] + ".",
            epilog=command.epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on *argv* (``sys.argv[1:]`` by default); return the exit status.

    Every error ends as one line on stderr and an exit status, never a traceback.

    >>> main(["claims"])
    2
    """
    stdout = utf8(sys.stdout)
    stderr = utf8(sys.stderr) or io.StringIO()  # a closed stderr: messages go nowhere
    try:
        args = _build_parser().parse_args(argv)
        if args.command is None:
            raise UsageError(
                f"{_PROG}: error: no command given: use '{_PROG} parse FILE' or "
                f"'{_PROG} claims FILE' (see '{_PROG} --help')"
            )
        status: int = args.run(args, Streams(stdout, stderr))
    except UsageError as error:
        return _fail(stderr, str(error), EXIT_USAGE)
    except SystemExit as exit_:  # --help and --version print, then exit 0
        return exit_.code if isinstance(exit_.code, int) else EXIT_OK
    except (InputError, OutputError) as error:
        _silence_stdout()
        return _fail(stderr, f"{_PROG}: error: {error}", EXIT_INPUT)
    except BrokenPipeError:
        _silence_stdout()
        return _EXIT_PIPE
    except KeyboardInterrupt:
        return _fail(stderr, f"{_PROG}: interrupted", _EXIT_INTERRUPTED)
    except OSError as error:  # an input or output problem no step above expected
        _silence_stdout()
        return _fail(stderr, f"{_PROG}: error: {error}", EXIT_INPUT)
    except Exception as error:  # a bug in govplan: one line, never a traceback
        message = f"{type(error).__name__}: {error}".replace("\n", " ")
        return _fail(stderr, f"{_PROG}: error: {message}; please report this", _EXIT_INTERNAL)
    return status


def _fail(stderr: TextIO, message: str, status: int) -> int:
    with contextlib.suppress(OSError, ValueError):
        print(message, file=stderr)
    return status


def _silence_stdout() -> None:
    """Point stdout at devnull after a failed write, so that exiting does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
