"""The command line never prints a traceback: odd streams, odd files, interrupts (issue 11).

Each test is a reproducer from the hardening report: it ran into a traceback,
an exit status that said nothing, or output that was silently wrong.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import govplan
from govplan import _batch, cli, pipeline
from govplan._output import TextSink

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample_plan.txt"
SHORT = "一、总体要求\n(一)工作目标\n新建公办幼儿园7所。\n二、主要措施\n"
GOVPLAN = [sys.executable, "-m", "govplan"]


def run_shell(script: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run *script* in sh with $0 the interpreter and $1… *args*: for redirections like >&-."""
    result = subprocess.run(
        ["sh", "-c", script, sys.executable, *args],
        capture_output=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
    )


def no_traceback(stderr: str) -> bool:
    """Tell whether every line of *stderr* is one of the command line's own messages."""
    return "Traceback" not in stderr and all(
        line.startswith("govplan") for line in stderr.splitlines()
    )


# --- standard streams -------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_stdout_on_a_full_disk_is_one_line() -> None:
    result = run_shell('exec "$0" -m govplan claims "$1" > /dev/full', str(SAMPLE))
    assert (result.returncode, result.stderr) == (
        1,
        "govplan: error: cannot write standard output: no space left on device\n",
    )


def test_closed_stdout_is_one_line() -> None:
    result = run_shell('exec "$0" -m govplan claims "$1" >&-', str(SAMPLE))
    assert (result.returncode, result.stderr) == (
        1,
        "govplan: error: standard output is closed: give --out FILE\n",
    )


def test_closed_stdout_is_fine_with_out(tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    result = run_shell('exec "$0" -m govplan claims -f csv -o "$2" "$1" >&-', str(SAMPLE), str(out))
    assert (result.returncode, out.read_text(encoding="utf-8").count("\n")) == (
        0,
        len(govplan.parse(SAMPLE.read_text(encoding="utf-8")).claims) + 1,
    )


def test_closed_stdin_is_one_line() -> None:
    result = run_shell('exec "$0" -m govplan parse - <&-')
    assert (result.returncode, result.stderr) == (
        1,
        "govplan: error: <stdin>: standard input is closed\n",
    )


def test_closed_stderr_still_gives_the_exit_status() -> None:
    result = run_shell('exec "$0" -m govplan parse missing.txt 2>&-')
    assert (result.returncode, result.stdout) == (1, "")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_closed_pipe_ends_quietly(jobs: str) -> None:
    """`govplan … | head -c 10`: stop at once, no message, status 141 as after SIGPIPE."""
    with subprocess.Popen(
        [*GOVPLAN, "parse", "-f", "jsonl", "-j", jobs, *[str(SAMPLE)] * 12],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        head = process.stdout.read(10)
        process.stdout.close()
        stderr = process.stderr.read()
        status = process.wait(timeout=60)
    assert (head, status, stderr) == (b'{"file": "', 141, b"")


# --- odd files ----------------------------------------------------------------------


def test_a_file_name_too_long_is_one_line_and_the_others_go_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(SHORT, encoding="utf-8")
    long_name = "规划" * 150 + ".txt"  # 900 bytes of UTF-8: ENAMETOOLONG
    result = run_shell('exec "$0" -m govplan claims -f csv "$1" good.txt', long_name, cwd=tmp_path)
    assert (result.returncode, result.stderr.splitlines()[0], result.stdout.count("good.txt")) == (
        1,
        f"govplan: error: {long_name}: file name too long",
        1,
    )


def test_an_unreadable_file_is_reported_and_the_others_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SHORT, encoding="utf-8")
    real_read = _batch._read_bytes

    def read(name: str) -> bytes:  # root reads anything: play the part of a locked folder
        if name.startswith(str(locked)):
            raise PermissionError(errno.EACCES, "Permission denied", name)
        return real_read(name)

    monkeypatch.setattr(_batch, "_read_bytes", read)
    status = cli.main(["claims", "-f", "csv", str(locked / "a.txt"), str(tmp_path / "b.txt")])
    captured = capsys.readouterr()
    assert (status, captured.err.splitlines()[0], captured.out.count("b.txt")) == (
        1,
        f"govplan: error: {locked / 'a.txt'}: permission denied",
        1,
    )


def test_an_unreadable_subfolder_is_reported_and_the_others_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SHORT, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    status = cli.main(["claims", "-r", "-f", "csv", str(tmp_path)])
    captured = capsys.readouterr()
    assert (status, captured.err.splitlines()[0], captured.out.count("b.txt")) == (
        1,
        f"govplan: error: {tmp_path / 'locked'}: permission denied",
        1,
    )


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any folder")
def test_a_real_locked_folder(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SHORT, encoding="utf-8")
    locked.chmod(0)
    try:
        result = run_shell('exec "$0" -m govplan claims -f csv locked/a.txt b.txt', cwd=tmp_path)
    finally:
        locked.chmod(0o755)
    assert (result.returncode, no_traceback(result.stderr), result.stdout.count("b.txt")) == (
        1,
        True,
        1,
    )


@pytest.fixture(scope="module")
def huge_figure(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("huge")
    (folder / "huge.txt").write_text("投入" + "1" + ",000" * 1500 + "元。", encoding="utf-8")
    (folder / "good.txt").write_text(SHORT, encoding="utf-8")
    return folder


@pytest.mark.parametrize("form", ["table", "csv", "jsonl", "json"])
def test_a_figure_of_4500_digits_gives_no_traceback(huge_figure: Path, form: str) -> None:
    result = run_shell(
        'exec "$0" -m govplan claims -f "$1" huge.txt good.txt', form, cwd=huge_figure
    )
    assert (result.returncode in (0, 3), no_traceback(result.stderr), "7所" in result.stdout) == (
        True,
        True,
        True,
    )


def test_a_figure_of_4500_digits_under_parse(huge_figure: Path) -> None:
    result = run_shell('exec "$0" -m govplan parse -f jsonl huge.txt good.txt', cwd=huge_figure)
    assert (no_traceback(result.stderr), result.stdout.count('"schema": "govplan/1"') >= 1) == (
        True,
        True,
    )


@pytest.mark.parametrize(
    "encoding", ["utf-32", "utf-32-le", "utf-32-be", "utf-16", "utf-16-le", "utf-16-be"]
)
def test_utf16_and_utf32_files_read_like_utf8(
    tmp_path: Path, encoding: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(SHORT.replace("\n", "\r\n").encode(encoding))
    assert cli.main(["parse", "--format", "json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out) == govplan.to_dict(govplan.parse(SHORT))


# --- interrupts and bugs --------------------------------------------------------------


def wait_for_reader(fifo: Path, timeout: float = 60) -> int:
    """Return a write end of *fifo* once a reader has opened it."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as error:  # ENXIO: no reader yet
            if error.errno != errno.ENXIO or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_during_a_run_is_one_line(tmp_path: Path, jobs: str) -> None:
    """Ctrl-C reaches the whole process group, workers too, while a file is being read."""
    (tmp_path / "good.txt").write_text(SHORT, encoding="utf-8")
    os.mkfifo(tmp_path / "slow.txt")  # reading it waits until Ctrl-C
    process = subprocess.Popen(
        [*GOVPLAN, "claims", "-j", jobs, "good.txt", "slow.txt"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        # A shell starts background jobs with SIGINT ignored, and children inherit that:
        # give the command line the SIGINT of a program run from a terminal.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        writer = wait_for_reader(tmp_path / "slow.txt")
        try:
            os.killpg(process.pid, signal.SIGINT)
            _, err = process.communicate(timeout=60)
        finally:
            os.close(writer)
    finally:
        if process.poll() is None:  # never leave it hanging on the named pipe
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
    assert (process.returncode, err) == (130, b"govplan: interrupted\n")


def test_ctrl_c_while_the_command_line_loads_is_one_line() -> None:
    code = (
        "import builtins, runpy\n"
        "real = builtins.__import__\n"
        "def fake(name, *args, **kwargs):\n"
        "    if name == 'govplan._output':\n"
        "        raise KeyboardInterrupt\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = fake\n"
        "runpy.run_module('govplan', run_name='__main__')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "parse", str(SAMPLE)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stderr) == (130, b"govplan: interrupted\n")


def test_ctrl_c_in_process_returns_130(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(text: str) -> govplan.Document:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "parse", interrupted)
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    assert cli.main(["claims", str(tmp_path / "a.txt")]) == 130
    assert capsys.readouterr().err == "govplan: interrupted\n"


def test_a_bug_outside_the_parser_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(self: TextSink, result: _batch.Result) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(TextSink, "write", broken)
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    assert cli.main(["claims", str(tmp_path / "a.txt")]) == 3
    assert capsys.readouterr().err == (
        "govplan: error: RuntimeError: boom second line; please report this\n"
    )
