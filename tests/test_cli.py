"""The command line: error cases as a subprocess, happy paths in-process."""

from __future__ import annotations

import csv
import datetime
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import govplan
from govplan import cli, pipeline
from govplan._runner import _Progress
from govplan.model import (
    Bound,
    Claim,
    DocNumber,
    Document,
    Field,
    Metadata,
    Modality,
    Signature,
    Span,
)
from govplan.tables import CLAIM_COLUMNS, OUTLINE_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample_plan.txt"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
SHORT = "一、总体要求\n(一)工作目标\n新建公办幼儿园7所。\n二、主要措施\n"
PLAN = "一、上半年工作\n新建公办幼儿园7所。\n二、下半年计划\n力争新建高标准农田3.2万亩以上。\n"


def run_cli(*args: str, stdin: bytes = b"", cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run ``python -m govplan ARGS`` and return its result, decoded as UTF-8."""
    result = subprocess.run(
        [sys.executable, "-m", "govplan", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8"),
        result.stderr.decode("utf-8"),
    )


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    (folder / "binary.docx").write_bytes(b"PK\x03\x04\x00\x00\x08\x00")
    (folder / "broken.txt").write_bytes("一、总体".encode() + b"\xff\xfe\xff")
    (folder / "folder").mkdir()
    (folder / "good.txt").write_text(SHORT, encoding="utf-8")
    return folder


_RUNS: dict[tuple[str, ...], subprocess.CompletedProcess[str]] = {}


def run_once(args: tuple[str, ...], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the command line once per error case; the three checks of a case share the run."""
    if args not in _RUNS:
        _RUNS[args] = run_cli(*args, cwd=cwd)
    return _RUNS[args]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A folder of documents: two at the top, one in a subfolder, and a file that is not .txt."""
    docs = tmp_path / "docs"
    (docs / "2023").mkdir(parents=True)
    (docs / "b.txt").write_text(PLAN, encoding="utf-8")
    (docs / "a.txt").write_text(SHORT, encoding="utf-8")
    (docs / "2023" / "c.txt").write_bytes(PLAN.encode("gb18030"))
    (docs / "notes.md").write_text("新建学校3所。", encoding="utf-8")
    return docs


# --- error cases, as a subprocess ------------------------------------------------

ERROR_CASES = [
    pytest.param(("parse", "missing.txt"), 1, "missing.txt: no such file", id="missing-file"),
    pytest.param(("parse", "folder"), 1, "folder: no .txt files in this folder", id="empty-folder"),
    pytest.param(("claims", "binary.docx"), 1, "binary data (NUL bytes)", id="binary-file"),
    pytest.param(
        ("parse", "broken.txt"), 1, "neither UTF-8 nor GB18030 text", id="undecodable-bytes"
    ),
    pytest.param(
        ("parse", "--colour", "good.txt"),
        2,
        "unrecognized arguments: --colour",
        id="unknown-option",
    ),
    pytest.param(
        ("frobnicate", "good.txt"), 2, "invalid choice: 'frobnicate'", id="unknown-command"
    ),
    pytest.param(
        ("parse", "--format", "yaml", "good.txt"), 2, "invalid choice: 'yaml'", id="bad-format"
    ),
    pytest.param(("claims", "--jobs", "-1", "good.txt"), 2, "not a number of processes", id="jobs"),
    pytest.param(
        ("parse", "--format", "json", "good.txt", "good.txt"),
        2,
        "use --format jsonl",
        id="json-of-two-documents",
    ),
    pytest.param(
        ("claims", "--format", "parquet", "--bom", "good.txt"), 2, "--bom is for text", id="bom"
    ),
    pytest.param(("parse",), 2, "required: PATH", id="no-file"),
    pytest.param((), 2, "no command given", id="no-command"),
]


@pytest.mark.parametrize(("args", "status", "message"), ERROR_CASES)
def test_error_exit_status(
    bad_files: Path, args: tuple[str, ...], status: int, message: str
) -> None:
    assert run_once(args, bad_files).returncode == status


@pytest.mark.parametrize(("args", "status", "message"), ERROR_CASES)
def test_error_is_one_line_naming_the_problem(
    bad_files: Path, args: tuple[str, ...], status: int, message: str
) -> None:
    stderr = run_once(args, bad_files).stderr
    assert stderr.startswith("govplan")
    assert message in stderr
    assert stderr.count("\n") == 1


@pytest.mark.parametrize(("args", "status", "message"), ERROR_CASES)
def test_error_prints_nothing_on_stdout(
    bad_files: Path, args: tuple[str, ...], status: int, message: str
) -> None:
    assert run_once(args, bad_files).stdout == ""


def test_a_bad_file_does_not_stop_the_others(bad_files: Path) -> None:
    result = run_cli("parse", "--format", "csv", "missing.txt", "good.txt", cwd=bad_files)
    assert (result.returncode, result.stdout.count("good.txt,")) == (1, 3)


def test_failures_are_counted_in_a_summary_line(bad_files: Path) -> None:
    result = run_cli("claims", "missing.txt", "binary.docx", "good.txt", cwd=bad_files)
    assert result.stderr.splitlines()[-1] == ("govplan: 2 of 3 inputs failed; the others were read")


def test_help_shows_examples() -> None:
    result = run_cli("--help")
    assert (result.returncode, "govplan parse examples/sample_plan.txt" in result.stdout) == (
        0,
        True,
    )


def test_subcommand_help_shows_examples() -> None:
    result = run_cli("claims", "--help")
    assert (result.returncode, "govplan claims --format csv" in result.stdout) == (0, True)


def test_version() -> None:
    assert run_cli("--version").stdout == f"govplan {govplan.__version__}\n"


def test_stdin_gives_the_same_json_as_the_file() -> None:
    from_stdin = run_cli("parse", "--format", "json", "-", stdin=SAMPLE.read_bytes())
    from_file = run_cli("parse", "--format", "json", str(SAMPLE))
    assert (from_stdin.returncode, from_stdin.stdout) == (0, from_file.stdout)


def test_gb18030_file_is_read_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "gbk.txt").write_bytes(SHORT.encode("gb18030"))
    result = run_cli("parse", "--format", "json", "gbk.txt", cwd=tmp_path)
    assert result.stderr == "govplan: note: gbk.txt is not UTF-8; read it as GB18030\n"


def test_gb18030_file_parses_like_utf8(tmp_path: Path) -> None:
    (tmp_path / "gbk.txt").write_bytes(SHORT.encode("gb18030"))
    result = run_cli("parse", "--format", "json", "gbk.txt", cwd=tmp_path)
    assert json.loads(result.stdout) == govplan.to_dict(govplan.parse(SHORT))


def test_bom_and_crlf_give_lf_offsets(tmp_path: Path) -> None:
    (tmp_path / "win.txt").write_bytes(SAMPLE_TEXT.replace("\n", "\r\n").encode("utf-8-sig"))
    result = run_cli("parse", "--format", "json", "win.txt", cwd=tmp_path)
    assert json.loads(result.stdout) == govplan.to_dict(govplan.parse(SAMPLE_TEXT))


def test_json_output_is_not_ascii_escaped() -> None:
    assert "粮食生产稳中有进" in run_cli("parse", "--format", "json", str(SAMPLE)).stdout


def test_two_processes_give_the_same_output_as_one(tree: Path) -> None:
    one = run_cli("claims", "-r", "--format", "csv", str(tree))
    two = run_cli("claims", "-r", "--format", "csv", "--jobs", "2", str(tree))
    assert (two.returncode, two.stdout) == (0, one.stdout)


def test_two_processes_keep_going_after_a_bad_file(bad_files: Path) -> None:
    result = run_cli("claims", "-j", "2", "-f", "jsonl", "broken.txt", "good.txt", cwd=bad_files)
    assert (result.returncode, result.stdout.count('"file": "good.txt"')) == (1, 1)


# --- happy paths, in-process -----------------------------------------------------


def test_parse_json_is_to_dict(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["parse", "--format", "json", str(SAMPLE)]) == 0
    assert json.loads(capsys.readouterr().out) == govplan.to_dict(govplan.parse(SAMPLE_TEXT))


def test_parse_jsonl_is_one_document_per_line(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["parse", "--format", "jsonl", "--recursive", str(tree)])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(Path(r["file"]).name, r["schema"]) for r in records] == [
        ("a.txt", "govplan/1"),
        ("b.txt", "govplan/1"),
        ("c.txt", "govplan/1"),
    ]


def test_claims_json_is_a_list_of_claim_rows(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["claims", "--format", "json", str(SAMPLE)])
    rows = json.loads(capsys.readouterr().out)
    expected = govplan.claim_rows(govplan.parse(SAMPLE_TEXT), file=str(SAMPLE))
    assert rows == json.loads(json.dumps([{**r, "value": float(r["value"])} for r in expected]))


def test_claims_json_of_several_files_is_still_one_list(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["claims", "--format", "json", str(tree)])
    rows = json.loads(capsys.readouterr().out)
    assert sorted({Path(row["file"]).name for row in rows}) == ["a.txt", "b.txt"]


def test_claims_json_without_claims_is_an_empty_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("一、总体要求\n", encoding="utf-8")
    cli.main(["claims", "--format", "json", str(tmp_path / "a.txt")])
    assert capsys.readouterr().out == "[]\n"


def test_claims_jsonl_keeps_decimal_values_exact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("增速为12345678901.123456789%。", encoding="utf-8")
    cli.main(["claims", "--format", "jsonl", str(tmp_path / "a.txt")])
    row = json.loads(capsys.readouterr().out, parse_float=Decimal)
    assert row["value"] == Decimal("12345678901.123456789")


def test_claims_csv_has_the_claim_columns(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["claims", "--format", "csv", str(SAMPLE)])
    header = capsys.readouterr().out.splitlines()[0]
    assert header == ",".join(CLAIM_COLUMNS)


def test_claims_csv_row_is_claim_rows(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["claims", "--format", "csv", str(SAMPLE)])
    row = next(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    first = govplan.claim_rows(govplan.parse(SAMPLE_TEXT), file=str(SAMPLE))[0]
    assert row == {key: "" if value is None else str(value) for key, value in first.items()}


def test_parse_csv_has_one_row_per_heading(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["parse", "--format", "csv", str(SAMPLE)])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert (len(rows), rows[0]["marker"], rows[0]["inline"], list(rows[0])) == (
        58,
        "一、",
        "false",
        list(OUTLINE_COLUMNS),
    )


def test_modality_filter_keeps_only_targets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    cli.main(["claims", "--modality", "target", "--format", "jsonl", str(tmp_path / "plan.txt")])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["text"], r["modality"]) for r in rows] == [("3.2万亩以上", "target")]


def test_modality_filter_applies_to_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    cli.main(["claims", "--modality", "achieved", str(tmp_path / "plan.txt")])
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[-1] for line in lines[1:]] == ["7所"]


def test_folder_gives_its_txt_files_in_name_order(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["claims", "--format", "csv", str(tree)])
    files = [row["file"] for row in csv.DictReader(io.StringIO(capsys.readouterr().out))]
    assert sorted(set(files)) == [str(tree / "a.txt"), str(tree / "b.txt")]


def test_recursive_folder_reads_the_subfolders(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["claims", "-r", "--format", "csv", str(tree)]) == 0
    rows = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert {Path(row["file"]).name for row in rows} == {"a.txt", "b.txt", "c.txt"}


def test_out_writes_a_file_and_nothing_on_stdout(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "claims.csv"
    cli.main(["claims", "-f", "csv", "-o", str(out), str(tree)])
    assert (capsys.readouterr().out, out.read_text(encoding="utf-8").splitlines()[0]) == (
        "",
        ",".join(CLAIM_COLUMNS),
    )


def test_out_leaves_no_file_when_the_run_stops(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(text: str) -> Document:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "parse", interrupted)
    out = tmp_path / "out" / "claims.csv"
    out.parent.mkdir()
    assert cli.main(["claims", "-f", "csv", "-o", str(out), str(tree)]) == 130
    assert list(out.parent.iterdir()) == []


def test_bom_starts_the_csv_for_excel(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    cli.main(["claims", "-f", "csv", "--bom", "-o", str(out), str(tree)])
    assert out.read_bytes().startswith(b"\xef\xbb\xbffile,title,")


def test_errors_replace_reads_a_stray_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_bytes("新建公办幼儿园7所".encode() + b"\xff" + "。".encode())
    status = cli.main(["claims", "--errors", "replace", "-f", "jsonl", str(tmp_path / "a.txt")])
    captured = capsys.readouterr()
    assert (status, json.loads(captured.out)["text"], "1 undecodable byte" in captured.err) == (
        0,
        "7所",
        True,
    )


def test_parquet_has_the_claim_columns(tree: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "claims.parquet"
    assert cli.main(["claims", "-r", "-f", "parquet", "-o", str(out), str(tree)]) == 0
    table = pq.read_table(out)
    assert (table.column_names, str(table.schema.field("value").type)) == (
        list(CLAIM_COLUMNS),
        "double",
    )


def test_parquet_holds_every_claim(tree: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "claims.parquet"
    cli.main(["claims", "-r", "-f", "parquet", "-o", str(out), str(tree)])
    texts = pq.read_table(out).column("text").to_pylist()
    assert sorted(texts) == sorted(["7所", "7所", "3.2万亩以上", "7所", "3.2万亩以上"])


def test_parquet_of_the_outline(tree: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "outline.parquet"
    cli.main(["parse", "-f", "parquet", "-o", str(out), str(tree / "a.txt")])
    assert pq.read_table(out).column("marker").to_pylist() == ["一、", "(一)", "二、"]


def test_parquet_is_not_written_to_a_terminal(
    tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("pyarrow.parquet")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert cli.main(["claims", "-f", "parquet", str(tree)]) == 1
    assert "give --out FILE" in capsys.readouterr().err


def test_parse_text_shows_the_outline_as_a_tree(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["parse", str(SAMPLE)])
    lines = capsys.readouterr().out.splitlines()
    start = lines.index("  一、上半年工作总结")
    assert lines[start + 1 : start + 3] == ["    （一）粮食生产稳中有进", "      一是强化政策激励"]


def test_parse_text_counts_every_heading(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["parse", str(SAMPLE)])
    count = len(govplan.to_dict(govplan.parse(SAMPLE_TEXT))["outline"])
    assert f"outline: {count} headings" in capsys.readouterr().out.splitlines()


def test_several_files_get_a_header_each(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["parse", str(SAMPLE), str(SAMPLE)])
    assert capsys.readouterr().out.count(f"==> {SAMPLE} <==\n") == 2


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def progress_run(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Return what ``claims -r`` over *tree* writes to a standard error that is a terminal."""
    stderr = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    cli.main(["claims", "-r", "-f", "csv", "-o", str(tmp_path / "c.csv"), str(tree)])
    return stderr.getvalue()


def screen(written: str) -> list[str]:
    """Return the lines a terminal shows for *written*: each one's text after its last CR."""
    return [line.rsplit("\r", 1)[-1] for line in written.split("\n")]


def test_progress_line_on_a_terminal_for_several_files(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "\r100% 3/3 files  " in progress_run(tree, tmp_path, monkeypatch)


def test_progress_line_is_blanked_at_the_end(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert screen(progress_run(tree, tmp_path, monkeypatch))[-1] == ""


def test_notes_print_on_lines_of_their_own_above_the_progress_line(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = screen(progress_run(tree, tmp_path, monkeypatch))
    notes = [line for line in shown if "note:" in line]
    assert [line.startswith("govplan: note: ") for line in notes] == [True]


def test_progress_line_is_redrawn_at_most_every_tenth_of_a_second() -> None:
    now = [100.0]
    out = FakeTerminal()
    progress = _Progress(out, 4, clock=lambda: now[0])
    progress.draw()
    progress.advance()  # at the same moment: not redrawn
    now[0] += 0.25
    progress.advance()
    progress.advance()  # not redrawn
    progress.advance()  # the last file: always redrawn
    assert out.getvalue().split("\r")[1:] == [
        "  0% 0/4 files  0:00",
        " 50% 2/4 files  0:00, 0:00 left",
        "100% 4/4 files  0:00, 0:00 left",
    ]


def test_a_shorter_progress_line_is_padded_over_the_longer_one() -> None:
    now = [0.0]
    out = FakeTerminal()
    progress = _Progress(out, 3, clock=lambda: now[0])
    now[0] = 3600.0
    progress.advance()
    now[0] = 3600.5
    progress.advance()
    assert out.getvalue().split("\r")[1:] == [
        " 33% 1/3 files  1:00:00, 2:00:00 left",
        " 66% 2/3 files  1:00:00, 30:00 left  ",
    ]


def test_no_progress_line_for_one_file(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stderr = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    cli.main(["claims", "-f", "csv", "-o", str(tmp_path / "c.csv"), str(tree / "a.txt")])
    assert stderr.getvalue() == ""


def test_no_progress_line_when_stderr_is_not_a_terminal(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["claims", "-r", "-f", "csv", "-o", str(tmp_path / "c.csv"), str(tree)])
    assert "\r" not in capsys.readouterr().err


# --- rendering, with a hand-made document ---------------------------------------


def rich_document(text: str) -> Document:
    """Return the parse of *text* with metadata and claims filled in by hand."""
    doc = govplan.parse(text)
    at = text.index("7所")
    claims = (
        Claim(
            text="7所",
            span=Span(at, at + 2),
            value=7,
            unit="所",
            subject="公办幼儿园",
            modality=Modality.ACHIEVED,
            path=(0, 1),
        ),
        Claim(
            text="7所",
            span=Span(at, at + 2),
            value=Decimal("2.5"),
            high=Decimal("30.90"),
            unit="%",
            bound=Bound.MIN,
            modality=Modality.TARGET,
        ),
    )
    number = DocNumber(raw="枫农〔2023〕47号", agency="枫农", year=2023, serial=47)
    meta = Metadata(
        doc_number=number,
        publisher="枫林县农业农村局",
        fields=(Field(label="主题分类", value="农业", span=Span(0, 0)),),
    )
    signature = Signature(
        issuer="枫林县农业农村局", date=datetime.date(2023, 7, 21), span=Span(0, 0)
    )
    return attrs.evolve(doc, claims=claims, title="工作计划", metadata=meta, signature=signature)


@pytest.fixture
def rich(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setattr(pipeline, "parse", rich_document)
    path = tmp_path / "short.txt"
    path.write_text(SHORT, encoding="utf-8")
    return path


def test_claims_table_aligns_wide_characters(
    rich: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["claims", str(rich)])
    lines = capsys.readouterr().out.splitlines()
    text_column = {cli.display_width(line[: line.rindex("  ")]) for line in lines}
    assert len(text_column) == 1


def test_claims_table_row(rich: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["claims", str(rich)])
    assert capsys.readouterr().out.splitlines()[1].split() == [
        "7",
        "所",
        "-",
        "-",
        "achieved",
        "公办幼儿园",
        "一、(一)",
        "7所",
    ]


def test_claims_table_shows_ranges_and_bounds(
    rich: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["claims", str(rich)])
    assert capsys.readouterr().out.splitlines()[2].split()[:5] == [
        "2.5~30.90",
        "%",
        "-",
        "min",
        "target",
    ]


def test_claims_csv_row_of_a_rich_document(rich: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["claims", "--format", "csv", str(rich)])
    row = next(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert (row["value"], row["subject"], row["heading"], row["title"]) == (
        "7",
        "公办幼儿园",
        "一、总体要求 > (一)工作目标",
        "工作计划",
    )


def test_claims_csv_keeps_the_decimal_as_written(
    rich: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["claims", "--format", "csv", str(rich)])
    row = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))[1]
    assert (row["value"], row["high"], row["bound"]) == ("2.5", "30.90", "min")


def test_parse_text_shows_metadata(rich: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["parse", str(rich)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[:4] == [
        "title         工作计划",
        "type          -",
        "period        -",
        "doc number    枫农〔2023〕47号",
    ]


def test_parse_text_shows_signature_and_fields(
    rich: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["parse", str(rich)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[7:9] == [
        "signature     枫林县农业农村局 · 2023-07-21",
        "field         主题分类: 农业",
    ]


def test_parse_text_counts_claims_by_modality(
    rich: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["parse", str(rich)])
    assert capsys.readouterr().out.splitlines()[-1] == "claims: 2 (1 achieved, 1 target)"


def test_text_views_do_not_pass_control_characters_to_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("一、总体\x1b[2J要求\n", encoding="utf-8")
    cli.main(["parse", str(tmp_path / "a.txt")])
    assert "\x1b" not in capsys.readouterr().out


def test_parser_failure_is_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(text: str) -> Document:
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "parse", broken)
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    status = cli.main(["parse", str(tmp_path / "a.txt")])
    err = capsys.readouterr().err
    assert (status, err.count("\n"), "RuntimeError: boom" in err) == (3, 1, True)


def test_unreadable_file_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = cli.main(["parse", str(tmp_path / "secret.txt"), str(tmp_path / "other.txt")])
    assert (status, capsys.readouterr().err.splitlines()[0]) == (
        1,
        f"govplan: error: {tmp_path / 'secret.txt'}: no such file",
    )


# --- helpers for subcommands ------------------------------------------------------


def test_read_text_notes_the_encoding(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(SHORT.encode("gbk"))
    stderr = io.StringIO()
    text = cli.read_text(str(tmp_path / "a.txt"), cli.Streams(io.StringIO(), stderr))
    assert (text, stderr.getvalue()) == (
        SHORT,
        f"govplan: note: {tmp_path / 'a.txt'} is not UTF-8; read it as GB18030\n",
    )


def test_read_text_raises_a_one_line_input_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"abc\xff")
    with pytest.raises(cli.InputError, match=r"a\.txt: neither UTF-8 nor GB18030"):
        cli.read_text(str(tmp_path / "a.txt"), cli.Streams(None, io.StringIO()))


def test_text_output_to_a_closed_stdout_is_an_output_error() -> None:
    with (
        pytest.raises(cli.OutputError, match="standard output is closed"),
        cli.text_output(None, None),
    ):
        pass


# --- helpers kept for earlier callers --------------------------------------------


@pytest.mark.parametrize(
    ("text", "width"),
    [
        pytest.param("", 0, id="empty"),
        pytest.param("abc", 3, id="ascii"),
        pytest.param("幼儿园", 6, id="han"),
        pytest.param("（一）", 6, id="full-width-brackets"),
        pytest.param("１２", 4, id="full-width-digits"),
        pytest.param("e\u0301", 1, id="combining-accent"),
        pytest.param("a\u200bb", 2, id="zero-width-space"),
        # each emoji of a sequence joined by U+200D counts (terminals differ on these)
        pytest.param("\U0001f468\u200d\U0001f469\u200d\U0001f467", 6, id="emoji-sequence"),
    ],
)
def test_display_width(text: str, width: int) -> None:
    assert cli.display_width(text) == width


def test_decode_text_is_kept_for_earlier_callers() -> None:
    assert cli.decode_text("一、甲\r\n".encode("gbk")) == ("一、甲\n", "gb18030")


# --- the sample, end to end --------------------------------------------------------


def test_sample_title_and_type(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["parse", str(SAMPLE)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [
        "title         枫林县农业农村局2023年上半年工作总结和下半年工作计划",
        "type          总结和计划",
    ]


def test_sample_doc_number(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["parse", "--format", "json", str(SAMPLE)])
    number = json.loads(capsys.readouterr().out)["metadata"]["doc_number"]
    assert number == {"raw": "枫农〔2023〕47号", "agency": "枫农", "year": 2023, "serial": 47}


def test_sample_signature(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["parse", str(SAMPLE)])
    assert "signature     枫林县农业农村局 · 2023-07-21" in capsys.readouterr().out.splitlines()


def test_sample_claims_table_lists_a_qualified_figure(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["claims", str(SAMPLE)])
    row = next(line for line in capsys.readouterr().out.splitlines() if line.endswith("4860余万元"))
    assert row.split()[:3] == ["48600000", "元", "余"]
