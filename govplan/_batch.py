"""The command line's unit of work: one input in, its output ready to write.

:func:`run_job` reads one file, parses it and renders what the chosen format
needs (text, CSV or JSON lines, or rows for Parquet), so that with ``--jobs``
a worker process sends back ready output and the parent only writes it.
:func:`run_jobs` runs the jobs in order, in this process or in a pool; the
results come back in input order, so the output does not depend on timing.
Any problem with one input becomes a one-line message in its :class:`Result`.

>>> settings = Settings(command="claims", format="csv", modality=None, errors="strict")
>>> result = run_job(settings, Job("plan.txt", "新建公办幼儿园7所。".encode()))
>>> result.chunk, result.error
('plan.txt,,,,7所,7,,所,,,公办幼儿园,,,,7,9\\n', None)
>>> run_job(settings, Job("/nowhere/plan.txt")).error
'/nowhere/plan.txt: no such file'
"""

from __future__ import annotations

import contextlib
import errno
import json
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Final, NamedTuple

from govplan import pipeline
from govplan._render import claims_table, csv_lines, document_view, json_line
from govplan.files import DecodeError, Errors, decode
from govplan.model import Document
from govplan.serialize import to_dict
from govplan.tables import CLAIM_COLUMNS, OUTLINE_COLUMNS, claim_rows, outline_rows

if TYPE_CHECKING:
    import multiprocessing.context
    from concurrent.futures import ProcessPoolExecutor

__all__ = [
    "STDIN",
    "Job",
    "Result",
    "Settings",
    "describe_os_error",
    "notes",
    "run_chunk",
    "run_job",
    "run_jobs",
]

#: The name that stands for standard input, and the label its rows carry.
STDIN: Final = "-"
_STDIN_LABEL: Final = "<stdin>"
#: Status of a result: read and shown, not readable, or the parser failed (a bug).
OK: Final = 0
INPUT_FAILED: Final = 1
INTERNAL: Final = 3

_REASONS: Final = {
    errno.ENOENT: "no such file",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "is a directory",
    errno.ENOTDIR: "a part of the path is not a directory",
    errno.ENAMETOOLONG: "file name too long",
    errno.ELOOP: "too many symbolic links",
}
_WIDE_OK: Final = frozenset({"utf-8", "utf-16", "utf-32"})


class Settings(NamedTuple):
    """What every job does: the command, the format, the claim filter and the decoding."""

    command: str
    format: str
    modality: str | None
    errors: Errors


class Job(NamedTuple):
    """One input: a file name, or standard input with the bytes the parent read from it."""

    name: str
    data: bytes | None = None


class Result(NamedTuple):
    """What one job gives: ready text or rows, notes for stderr, or an error and its status."""

    label: str
    chunk: str = ""
    rows: tuple[dict[str, object], ...] = ()
    notes: tuple[str, ...] = ()
    error: str | None = None
    status: int = OK


def describe_os_error(name: str, error: OSError) -> str:
    """Return a one-line message for *error* on *name*: what went wrong, in plain words.

    >>> describe_os_error("a.txt", FileNotFoundError(2, "No such file or directory"))
    'a.txt: no such file'
    >>> describe_os_error("b.txt", OSError(5, "Input/output error"))
    'b.txt: input/output error'
    """
    reason = _REASONS.get(error.errno or -1) or (error.strerror or str(error)).lower()
    return f"{name}: {reason}"


def run_job(settings: Settings, job: Job) -> Result:
    """Read, parse and render one input; never raise for a problem with it."""
    label = _STDIN_LABEL if job.name == STDIN else job.name
    try:
        data = job.data if job.data is not None else _read_bytes(job.name)
        decoded = decode(data, errors=settings.errors)
    except OSError as error:
        return Result(label, error=describe_os_error(label, error), status=INPUT_FAILED)
    except DecodeError as error:
        return Result(label, error=f"{label}: {error}", status=INPUT_FAILED)
    said = notes(label, decoded.encoding, decoded.replaced, settings.errors)
    try:
        doc = pipeline.parse(decoded.text)
        chunk, rows = _render(settings, label, doc)
    except Exception as error:  # a bug in govplan: say so on one line, never a traceback
        message = f"{type(error).__name__}: {error}".replace("\n", " ")
        problem = f"{label}: the parser failed ({message}); please report this with the file"
        return Result(label, notes=said, error=problem, status=INTERNAL)
    return Result(label, chunk, rows, said)


def _read_bytes(name: str) -> bytes:
    if name == STDIN:  # a job for stdin always carries its bytes; this is a closed stdin
        raise OSError(errno.EBADF, "standard input is closed")
    with open(name, "rb") as handle:
        return handle.read()


def notes(label: str, encoding: str, replaced: int, errors: Errors) -> tuple[str, ...]:
    """Return the notes for stderr about how *label* was decoded: none for clean UTF-8.

    >>> notes("a.txt", "gb18030", 2, "replace")
    ('a.txt is not UTF-8; read it as GB18030', 'a.txt: 2 undecodable byte(s) replaced with U+FFFD')
    """
    out = []
    if encoding not in _WIDE_OK:
        out.append(f"{label} is not UTF-8; read it as {encoding.upper()}")
    if replaced:
        done = "replaced with U+FFFD" if errors == "replace" else "dropped"
        out.append(f"{label}: {replaced} undecodable byte(s) {done}")
    return tuple(out)


def _render(
    settings: Settings, label: str, doc: Document
) -> tuple[str, tuple[dict[str, object], ...]]:
    """Return the ready text, or the rows for Parquet, of *doc* in the chosen format."""
    form = settings.format
    if settings.command == "parse":
        if form == "text":
            return _lines(document_view(doc)), ()
        if form == "json":
            return json.dumps(to_dict(doc), ensure_ascii=False, indent=2) + "\n", ()
        if form == "jsonl":
            return json.dumps({"file": label, **to_dict(doc)}, ensure_ascii=False) + "\n", ()
        outline = outline_rows(doc, file=label)
        if form == "csv":
            return csv_lines(outline, OUTLINE_COLUMNS), ()
        return "", tuple(dict(row) for row in outline)
    if form in ("table", "text"):
        claims = [c for c in doc.claims if _wanted(settings, c.modality)]
        return _lines(claims_table(doc, claims)), ()
    rows = [row for row in claim_rows(doc, file=label) if _wanted(settings, row["modality"])]
    if form == "csv":
        return csv_lines(rows, CLAIM_COLUMNS), ()
    if form == "jsonl":
        return "".join(json_line(row) + "\n" for row in rows), ()
    if form == "json":
        return ",\n".join("  " + json_line(row) for row in rows), ()
    return "", tuple(dict(row) for row in rows)


def _wanted(settings: Settings, modality: object) -> bool:
    if settings.modality is None:
        return True
    value = getattr(modality, "value", modality)
    return bool(value == settings.modality)


def _lines(lines: Sequence[str]) -> str:
    return "".join(line.rstrip() + "\n" for line in lines)


def run_jobs(settings: Settings, jobs: Sequence[Job], workers: int) -> Iterator[Result]:
    """Yield the result of every job, in order: here, or in a pool of *workers* processes."""
    if workers <= 1 or len(jobs) <= 1:
        yield from (run_job(settings, job) for job in jobs)
        return
    workers = min(workers, len(jobs))
    # A few chunks per worker keep the pool busy without paying for a message per file.
    size = max(1, min(16, len(jobs) // (workers * 4)))
    chunks = [tuple(jobs[i : i + size]) for i in range(0, len(jobs), size)]
    from concurrent.futures import ProcessPoolExecutor  # on first use: some 10 ms

    pool = ProcessPoolExecutor(workers, _pool_context(), initializer=_ignore_interrupts)
    finished = False
    try:
        with _interrupts_ignored():  # submitting starts the processes: they inherit SIG_IGN
            futures = [pool.submit(run_chunk, settings, chunk) for chunk in chunks]
        for future in futures:
            yield from future.result()
        finished = True
    finally:
        if finished:
            pool.shutdown()
        else:  # Ctrl-C, a closed pipe, a failed write: stop now, even a worker stuck reading
            _stop(pool)


def run_chunk(settings: Settings, jobs: Sequence[Job]) -> list[Result]:
    """Run several jobs in a row: the unit a worker process gets, to save messages."""
    return [run_job(settings, job) for job in jobs]


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the workers at once; the futures left get a BrokenProcessPool nobody reads."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14 and later
    if terminate is not None:
        terminate()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()
    pool.shutdown(wait=False)


def _pool_context() -> multiprocessing.context.BaseContext:
    # forkserver starts workers from a clean process: no threads (a progress bar's) are
    # copied, and it is the default from Python 3.14 on.  Windows has only spawn.
    import multiprocessing

    method = "forkserver" if sys.platform != "win32" else "spawn"
    return multiprocessing.get_context(method)


@contextlib.contextmanager
def _interrupts_ignored() -> Iterator[None]:
    """Ignore Ctrl-C while worker processes start, so that they ignore it from their first line.

    A process started with SIGINT ignored keeps ignoring it: Python installs its
    KeyboardInterrupt handler only where SIGINT is not ignored.  The parent
    handles Ctrl-C again as soon as the pool has started.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _ignore_interrupts() -> None:
    """Leave Ctrl-C to the parent: it stops the pool and says so on one line."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
