"""The scripts in examples/ run on the bundled sample and on a folder of their own."""

from __future__ import annotations

import csv
import json
import runpy
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import govplan
from govplan import cli
from govplan.tables import CLAIM_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SAMPLE = EXAMPLES / "sample_plan.txt"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
SHORT = (
    "一、上半年工作总结\n(一)学前教育\n新建公办幼儿园7所。\n"
    "二、下半年工作计划\n(一)学前教育\n力争新建公办幼儿园5所。\n"
)


def load(name: str) -> dict[str, Any]:
    """Return the globals of examples/<name>.py, run as a module (not as __main__)."""
    return runpy.run_path(str(EXAMPLES / f"{name}.py"), run_name=f"example_{name}")


def example_main(name: str) -> Callable[[list[str]], int]:
    main: Callable[[list[str]], int] = load(name)["main"]
    return main


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    (docs / "nested").mkdir(parents=True)
    (docs / "a.txt").write_text(SHORT, encoding="utf-8")
    (docs / "nested" / "b.txt").write_bytes(SAMPLE_TEXT.encode("gb18030"))
    (docs / "notes.md").write_text("not a document", encoding="utf-8")
    return docs


# --- the sample document ---------------------------------------------------------


def test_sample_is_a_realistic_length() -> None:
    assert 4000 <= len(SAMPLE_TEXT) <= 6000


def test_sample_has_four_heading_levels() -> None:
    doc = govplan.parse(SAMPLE_TEXT)
    assert max(h.level for h in govplan.walk(doc.outline)) == 4


def test_sample_has_glued_headings() -> None:
    doc = govplan.parse(SAMPLE_TEXT)
    glued = [
        h.marker for h in govplan.walk(doc.outline) if h.inline and h.style.value == "cn_paren"
    ]
    assert glued == ["（四）", "（二）"]


# --- quickstart.py ---------------------------------------------------------------


def test_quickstart_prints_the_outline(capsys: pytest.CaptureFixture[str]) -> None:
    assert example_main("quickstart")([]) == 0
    assert "    （二）高标准农田建设提速增效" in capsys.readouterr().out.splitlines()


def test_quickstart_on_another_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(SHORT, encoding="utf-8-sig")
    example_main("quickstart")([str(path)])
    assert "outline (4 headings):" in capsys.readouterr().out.splitlines()


def test_quickstart_runs_as_a_script() -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "quickstart.py")],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, b"")


def test_quickstart_prints_the_claims(capsys: pytest.CaptureFixture[str]) -> None:
    example_main("quickstart")([])
    assert "4860余万元" in capsys.readouterr().out  # needs the claims stage


def test_quickstart_aligns_the_claims_in_terminal_columns(
    capsys: pytest.CaptureFixture[str],
) -> None:
    example_main("quickstart")([])
    lines = capsys.readouterr().out.split("claims (")[1].splitlines()[1:]
    columns = {cli.display_width(line[: line.index("= ")]) for line in lines}
    assert len(columns) == 1


def test_quickstart_reads_gbk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(SHORT.encode("gbk"))
    example_main("quickstart")([str(path)])
    assert "outline (4 headings):" in capsys.readouterr().out.splitlines()


# targets_vs_results.py has its own tests: tests/test_targets_example.py


# --- batch.py --------------------------------------------------------------------


def run_batch(folder: Path, out: Path, workers: int = 2) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [
            sys.executable,
            str(EXAMPLES / "batch.py"),
            str(folder),
            "--out",
            str(out),
            "--workers",
            str(workers),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
    )


@pytest.fixture(scope="module")
def batch_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """Run batch.py once with 2 workers on a small folder: the folder, the output, stderr."""
    docs = tmp_path_factory.mktemp("batch") / "docs"
    (docs / "nested").mkdir(parents=True)
    (docs / "a.txt").write_text(SHORT, encoding="utf-8")
    (docs / "nested" / "b.txt").write_bytes(SAMPLE_TEXT.encode("gb18030"))
    (docs / "notes.md").write_text("not a document", encoding="utf-8")
    out = docs.parent / "out"
    result = run_batch(docs, out)
    assert result.returncode == 0, result.stderr
    return docs, out, result.stderr


def test_batch_writes_one_json_line_per_document(batch_run: tuple[Path, Path, str]) -> None:
    lines = (batch_run[1] / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    files = [Path(json.loads(line)["file"]).name for line in lines]
    assert files == ["a.txt", "b.txt"]


def test_batch_documents_are_to_dict(batch_run: tuple[Path, Path, str]) -> None:
    first = json.loads(
        (batch_run[1] / "documents.jsonl").read_text(encoding="utf-8").splitlines()[0]
    )
    del first["file"]
    assert first == govplan.to_dict(govplan.parse(SHORT))


def test_batch_reports_progress(batch_run: tuple[Path, Path, str]) -> None:
    assert "parsed 2/2 files" in batch_run[2]


def test_batch_claims_csv_has_the_claim_columns(batch_run: tuple[Path, Path, str]) -> None:
    with (batch_run[1] / "claims.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == list(CLAIM_COLUMNS)


def test_batch_claims_are_claim_rows(batch_run: tuple[Path, Path, str]) -> None:
    docs, out, _ = batch_run
    with (out / "claims.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    path = str(docs / "a.txt")
    expected = govplan.claim_rows(govplan.parse(SHORT), file=path)
    assert [r for r in rows if r["file"] == path] == [
        {k: "" if v is None else str(v) for k, v in row.items()} for row in expected
    ]


def test_batch_collects_claims_of_every_document(batch_run: tuple[Path, Path, str]) -> None:
    with (batch_run[1] / "claims.csv").open(encoding="utf-8", newline="") as handle:
        files = {Path(row["file"]).name for row in csv.DictReader(handle)}
    assert files == {"a.txt", "b.txt"}


def test_batch_output_does_not_depend_on_the_workers(
    batch_run: tuple[Path, Path, str], tmp_path: Path
) -> None:
    docs, out, _ = batch_run
    run_batch(docs, tmp_path / "one", workers=1)
    assert [
        (tmp_path / "one" / name).read_bytes() for name in ("claims.csv", "documents.jsonl")
    ] == [(out / name).read_bytes() for name in ("claims.csv", "documents.jsonl")]


def test_batch_on_the_examples_folder(tmp_path: Path) -> None:
    result = run_batch(EXAMPLES, tmp_path / "out")
    lines = (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert (result.returncode, len(lines)) == (0, len(list(EXAMPLES.glob("*.txt"))))


def test_batch_worker_sends_back_ready_text() -> None:
    parsed = load("batch")["parse_file"](str(SAMPLE))
    assert (parsed.error, json.loads(parsed.document_json)["file"], parsed.claims_csv[:20]) == (
        None,
        str(SAMPLE),
        f"{SAMPLE},枫林县农业农村局"[:20],
    )


def test_batch_worker_reports_an_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"abc\xff")
    parsed = load("batch")["parse_file"](str(tmp_path / "bad.txt"))
    assert parsed.error == "cannot read: neither UTF-8 nor GB18030 text (byte 0xff at offset 3)"


def test_batch_rejects_a_missing_folder(tmp_path: Path) -> None:
    result = run_batch(tmp_path / "nowhere", tmp_path / "out")
    assert (result.returncode, "not a folder" in result.stderr) == (1, True)
