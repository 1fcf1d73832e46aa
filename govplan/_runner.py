"""Run ``parse`` and ``claims`` over many inputs: folders, workers, progress, one-line errors.

The command line (:mod:`govplan.cli`) parses the arguments; :func:`run_documents`
expands folders into files, runs the jobs of :mod:`govplan._batch` (here or in
worker processes), reports notes and failures on stderr above a progress line,
and hands the ready output to a sink of :mod:`govplan._output`.

The errors and helpers every subcommand shares live here too: :class:`UsageError`
and :class:`InputError` (one-line messages that :func:`govplan.cli.main`
prints), :class:`Streams` and :func:`read_text`.

>>> import io
>>> streams = Streams(io.StringIO(), io.StringIO())
>>> read_text("/nowhere/plan.txt", streams)
Traceback (most recent call last):
...
govplan._runner.InputError: /nowhere/plan.txt: no such file
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Final, NamedTuple, TextIO

from govplan._batch import STDIN, Job, Result, Settings, describe_os_error, notes, run_jobs
from govplan._output import ParquetSink, TextSink, binary_output, probe_parquet, text_output
from govplan.files import DecodeError, Errors, decode, find_files

__all__ = ["InputError", "Streams", "UsageError", "progress_line", "read_text", "run_documents"]

_PROG: Final = "govplan"
EXIT_OK: Final = 0
EXIT_INPUT: Final = 1
# The progress line is redrawn at most this often, in seconds, and when the last file is done.
_REDRAW: Final = 0.1


class UsageError(Exception):
    """The command line itself is wrong: exit status 2."""


class InputError(Exception):
    """An input could not be read as text: exit status 1; the message is one line."""


class Streams(NamedTuple):
    """Standard output (None when it is closed) and standard error."""

    stdout: TextIO | None
    stderr: TextIO


def read_text(name: str, streams: Streams, *, errors: Errors = "strict") -> str:
    """Return the text of file *name* (``-`` for standard input), for a subcommand.

    A note about the encoding goes to stderr; a file that cannot be read
    raises :class:`InputError` with a one-line message naming it.
    """
    label = "<stdin>" if name == STDIN else name
    try:
        data = _stdin_bytes() if name == STDIN else _file_bytes(name)
        decoded = decode(data, errors=errors)
    except OSError as error:
        raise InputError(describe_os_error(label, error)) from None
    except DecodeError as error:
        raise InputError(f"{label}: {error}") from None
    for note in notes(label, decoded.encoding, decoded.replaced, errors):
        print(f"{_PROG}: note: {note}", file=streams.stderr)
    return decoded.text


def _file_bytes(name: str) -> bytes:
    with open(name, "rb") as handle:
        return handle.read()


def _stdin_bytes() -> bytes:
    if sys.stdin is None:
        raise OSError(9, "standard input is closed")
    data: bytes = sys.stdin.buffer.read()
    return data


def run_documents(args: argparse.Namespace, streams: Streams) -> int:
    """Run ``parse`` or ``claims`` (*args* as the command line parsed them) over every PATH."""
    settings = Settings(args.command, args.format, getattr(args, "modality", None), args.errors)
    _check_options(args, settings)
    reporter = _Reporter(streams.stderr)
    names = _expand(args.paths, args.recursive, reporter)
    if settings.command == "parse" and settings.format == "json" and len(names) > 1:
        raise UsageError(
            f"{_PROG}: error: --format json prints one document, and {len(names)} were given: "
            "use --format jsonl for one JSON object per line"
        )
    jobs = [Job(name, _stdin_or_none() if name == STDIN else None) for name in names]
    terminal = streams.stdout if args.out in (None, "-") else None
    with (
        _sink(args, settings, streams, several=len(jobs) > 1) as sink,
        reporter.progress(len(jobs), terminal),
    ):
        for result in run_jobs(settings, jobs, args.jobs):
            reporter.result(result)
            if result.error is None:
                with reporter.writing():
                    sink.write(result)
    reporter.summary(len(jobs))
    return reporter.status


def _check_options(args: argparse.Namespace, settings: Settings) -> None:
    if settings.format == "parquet":
        if args.bom:
            raise UsageError(f"{_PROG}: error: --bom is for text output, not parquet")
        problem = probe_parquet()
        if problem is not None:
            raise UsageError(f"{_PROG}: error: {problem}")


def _expand(paths: Sequence[str], recursive: bool, reporter: _Reporter) -> list[str]:
    names: list[str] = []
    for path in paths:
        if path == STDIN:
            names.append(path)
            continue
        found = list(find_files([path], recursive=recursive, on_error=reporter.folder_error))
        if not found:
            hint = "" if recursive else " (add --recursive to look in subfolders)"
            reporter.folders_failed += 1
            reporter.error(f"{path}: no .txt files in this folder{hint}", EXIT_INPUT)
        names.extend(found)
    return names


def _stdin_or_none() -> bytes | None:
    try:
        return _stdin_bytes()
    except (OSError, ValueError):
        return None  # the job reports a closed standard input


@contextlib.contextmanager
def _sink(
    args: argparse.Namespace, settings: Settings, streams: Streams, *, several: bool
) -> Iterator[TextSink | ParquetSink]:
    if settings.format == "parquet":
        with binary_output(args.out, streams.stdout) as binary:
            parquet = ParquetSink(binary, settings.command)
            yield parquet
            parquet.close()
        return
    with text_output(args.out, streams.stdout, bom=args.bom) as out:
        text = TextSink(out, settings.command, settings.format, several=several)
        yield text
        text.close()


def progress_line(done: int, total: int, elapsed: float) -> str:
    """Return the progress line: files done, time taken and, once a file is done, time left.

    >>> progress_line(0, 40, 0.2)
    '  0% 0/40 files  0:00'
    >>> progress_line(10, 40, 75.4)
    ' 25% 10/40 files  1:15, 3:46 left'
    >>> progress_line(40, 40, 3725.0)
    '100% 40/40 files  1:02:05, 0:00 left'
    """
    line = f"{100 * done // total:3d}% {done}/{total} files  {_hms(elapsed)}"
    if done:
        line += f", {_hms(elapsed / done * (total - done))} left"
    return line


def _hms(seconds: float) -> str:
    minutes, whole = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{whole:02d}" if hours else f"{minutes}:{whole:02d}"


class _Progress:
    """A :func:`progress_line` on a terminal, redrawn in place after a carriage return."""

    def __init__(
        self, stream: TextIO, total: int, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._stream = stream
        self._total = total
        self._clock = clock
        self._done = 0
        self._start = clock()
        self._drawn_at = self._start
        self._width = 0  # of the line on the terminal; 0 when none is shown

    def advance(self) -> None:
        """Count one more file done; redraw unless the line was drawn a moment ago."""
        self._done += 1
        if self._done == self._total or self._clock() - self._drawn_at >= _REDRAW:
            self.draw()

    def draw(self) -> None:
        """Show the line, over the one shown before."""
        self._drawn_at = self._clock()
        line = progress_line(self._done, self._total, self._drawn_at - self._start)
        self._stream.write("\r" + line.ljust(self._width))
        self._stream.flush()
        self._width = len(line)

    def clear(self) -> None:
        """Blank the line and put the cursor back at its start."""
        if self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0


class _Reporter:
    """Report notes and failures on stderr, above a progress line when there is one."""

    def __init__(self, stderr: TextIO) -> None:
        self._stderr = stderr
        self._progress: _Progress | None = None
        self._stdout_tty = False
        self.failed = 0
        self.folders_failed = 0
        self.status = EXIT_OK

    def say(self, message: str) -> None:
        """Print one line on stderr, above the progress line."""
        if self._progress is not None:
            self._progress.clear()
        print(message, file=self._stderr)
        if self._progress is not None:
            self._progress.draw()

    def error(self, message: str, status: int) -> None:
        """Report one failed input."""
        self.say(f"{_PROG}: error: {message}")
        self.failed += 1
        self.status = max(self.status, status)

    def folder_error(self, error: OSError) -> None:
        """Report a folder that could not be listed; the other inputs go on."""
        self.folders_failed += 1
        self.error(describe_os_error(str(error.filename), error), EXIT_INPUT)

    def result(self, result: Result) -> None:
        """Report the notes and the error of one result, and move the progress on."""
        for note in result.notes:
            self.say(f"{_PROG}: note: {note}")
        if result.error is not None:
            self.error(result.error, result.status)
        if self._progress is not None:
            self._progress.advance()

    @contextlib.contextmanager
    def progress(self, total: int, stdout: TextIO | None) -> Iterator[None]:
        """Show a progress line on stderr, when it is a terminal and total > 1."""
        if total <= 1 or not _isatty(self._stderr):
            yield
            return
        self._stdout_tty = stdout is not None and _isatty(stdout)
        self._progress = _Progress(self._stderr, total)
        self._progress.draw()
        try:
            yield
        finally:
            self._progress.clear()
            self._progress = None

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Clear the progress line while output goes to the same terminal."""
        if self._progress is None or not self._stdout_tty:
            yield
            return
        self._progress.clear()
        yield
        self._progress.draw()

    def summary(self, files: int) -> None:
        """Count the failures on one line, when there were several inputs."""
        inputs = files + self.folders_failed
        if self.failed and inputs > 1:
            self.say(f"{_PROG}: {self.failed} of {inputs} inputs failed; the others were read")


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False
