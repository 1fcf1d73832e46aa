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

import attrs
import pytest

import govplan
from govplan.model import Claim, Document, Modality, Span

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


# --- targets_vs_results.py -------------------------------------------------------


def with_claims(text: str) -> Document:
    """Return the parse of *text* with one result and two targets added by hand."""
    doc = govplan.parse(text)
    done = text.index("7所")
    planned = text.index("5所")
    claims = (
        Claim(
            text="7所",
            span=Span(done, done + 2),
            value=7,
            unit="所",
            subject="公办幼儿园",
            modality=Modality.ACHIEVED,
            path=(0, 1),
        ),
        Claim(
            text="5所",
            span=Span(planned, planned + 2),
            value=5,
            unit="所",
            subject="公办幼儿园",
            modality=Modality.TARGET,
            path=(2, 3),
        ),
        Claim(
            text="5所",
            span=Span(planned, planned + 2),
            value=5,
            unit="人",
            modality=Modality.TARGET,
            path=(2, 3),
        ),
    )
    return attrs.evolve(doc, claims=claims)


def test_targets_are_paired_with_the_closest_result() -> None:
    pairs = load("targets_vs_results")["pair_up"](with_claims(SHORT))
    target, result = pairs[0]
    assert (target.value, result.value) == (5, 7)


def test_a_target_without_a_result_of_its_unit_stands_alone() -> None:
    pairs = load("targets_vs_results")["pair_up"](with_claims(SHORT))
    assert pairs[1][1] is None


def test_targets_vs_results_on_a_document_without_claims(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("一、总体要求\n", encoding="utf-8")
    assert example_main("targets_vs_results")([str(path)]) == 0
    assert capsys.readouterr().out == "no targets found\n"


def test_targets_vs_results_on_the_sample(capsys: pytest.CaptureFixture[str]) -> None:
    example_main("targets_vs_results")([])
    out = capsys.readouterr().out
    assert "38万亩以上" in out  # needs the claims stage


# --- batch.py --------------------------------------------------------------------


def run_batch(folder: Path, out: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [
            sys.executable,
            str(EXAMPLES / "batch.py"),
            str(folder),
            "--out",
            str(out),
            "--workers",
            "2",
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
    )


def test_batch_writes_one_json_line_per_document(folder: Path, tmp_path: Path) -> None:
    assert run_batch(folder, tmp_path / "out").returncode == 0
    lines = (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    files = [Path(json.loads(line)["file"]).name for line in lines]
    assert files == ["a.txt", "b.txt"]


def test_batch_documents_are_to_dict(folder: Path, tmp_path: Path) -> None:
    run_batch(folder, tmp_path / "out")
    first = json.loads(
        (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines()[0]
    )
    del first["file"]
    assert first == govplan.to_dict(govplan.parse(SHORT))


def test_batch_reports_progress(folder: Path, tmp_path: Path) -> None:
    assert "parsed 2/2 files" in run_batch(folder, tmp_path / "out").stderr


def test_batch_claims_csv_has_a_header(folder: Path, tmp_path: Path) -> None:
    run_batch(folder, tmp_path / "out")
    with (tmp_path / "out" / "claims.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header[:4] == ["file", "start", "end", "text"]


def test_batch_on_the_examples_folder(tmp_path: Path) -> None:
    result = run_batch(EXAMPLES, tmp_path / "out")
    lines = (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert (result.returncode, len(lines)) == (0, 1)


def test_batch_collects_claims_of_every_document(folder: Path, tmp_path: Path) -> None:
    run_batch(folder, tmp_path / "out")
    with (tmp_path / "out" / "claims.csv").open(encoding="utf-8", newline="") as handle:
        files = {Path(row["file"]).name for row in csv.DictReader(handle)}
    assert files == {"a.txt", "b.txt"}  # needs the claims stage


def test_batch_worker_results_pickle() -> None:
    import pickle

    _, doc = load("batch")["parse_file"](str(SAMPLE))
    assert pickle.loads(pickle.dumps(doc)) == govplan.parse(SAMPLE_TEXT)


def test_batch_worker_reports_an_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"abc\xff")
    _, error = load("batch")["parse_file"](str(tmp_path / "bad.txt"))
    assert error == "cannot read: neither UTF-8 nor GB18030 text (byte 0xff at offset 3)"


def test_batch_rejects_a_missing_folder(tmp_path: Path) -> None:
    result = run_batch(tmp_path / "nowhere", tmp_path / "out")
    assert (result.returncode, "not a folder" in result.stderr) == (1, True)
