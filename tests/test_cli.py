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
from govplan import cli
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

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample_plan.txt"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
SHORT = "一、总体要求\n(一)工作目标\n新建公办幼儿园7所。\n二、主要措施\n"


def run_cli(*args: str, stdin: bytes = b"", cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run ``python -m govplan ARGS`` and return its result, decoded as UTF-8."""
    result = subprocess.run(
        [sys.executable, "-m", "govplan", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=60,
        check=False,
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8"),
        result.stderr.decode("utf-8"),
    )


@pytest.fixture
def bad_files(tmp_path: Path) -> Path:
    (tmp_path / "binary.docx").write_bytes(b"PK\x03\x04\x00\x00\x08\x00")
    (tmp_path / "broken.txt").write_bytes("一、总体".encode() + b"\xff\xfe\xff")
    (tmp_path / "folder").mkdir()
    (tmp_path / "good.txt").write_text(SHORT, encoding="utf-8")
    return tmp_path


# --- error cases, as a subprocess ------------------------------------------------

ERROR_CASES = [
    pytest.param(("parse", "missing.txt"), 1, "missing.txt: no such file", id="missing-file"),
    pytest.param(("parse", "folder"), 1, "folder: is a directory", id="directory"),
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
    pytest.param(("parse",), 2, "required: FILE", id="no-file"),
    pytest.param((), 2, "no command given", id="no-command"),
]


@pytest.mark.parametrize(("args", "status", "message"), ERROR_CASES)
def test_error_exit_status(
    bad_files: Path, args: tuple[str, ...], status: int, message: str
) -> None:
    assert run_cli(*args, cwd=bad_files).returncode == status


@pytest.mark.parametrize(("args", "status", "message"), ERROR_CASES)
def test_error_is_one_line_naming_the_problem(
    bad_files: Path, args: tuple[str, ...], status: int, message: str
) -> None:
    stderr = run_cli(*args, cwd=bad_files).stderr
    assert stderr.startswith("govplan")
    assert message in stderr
    assert stderr.count("\n") == 1


@pytest.mark.parametrize(("args", "status", "message"), ERROR_CASES)
def test_error_prints_nothing_on_stdout(
    bad_files: Path, args: tuple[str, ...], status: int, message: str
) -> None:
    assert run_cli(*args, cwd=bad_files).stdout == ""


def test_a_bad_file_does_not_stop_the_others(bad_files: Path) -> None:
    result = run_cli("parse", "--format", "csv", "missing.txt", "good.txt", cwd=bad_files)
    assert (result.returncode, result.stdout.count("good.txt,")) == (1, 3)


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


# --- happy paths, in-process -----------------------------------------------------


def test_parse_json_is_to_dict(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["parse", "--format", "json", str(SAMPLE)]) == 0
    assert json.loads(capsys.readouterr().out) == govplan.to_dict(govplan.parse(SAMPLE_TEXT))


def test_claims_json_is_the_claims_of_to_dict(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["claims", "--format", "json", str(SAMPLE)])
    expected = govplan.to_dict(govplan.parse(SAMPLE_TEXT))["claims"]
    assert json.loads(capsys.readouterr().out) == expected


def test_parse_text_shows_the_outline_as_a_tree(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["parse", str(SAMPLE)])
    lines = capsys.readouterr().out.splitlines()
    start = lines.index("  一、上半年工作总结")
    assert lines[start + 1 : start + 3] == ["    （一）粮食生产稳中有进", "      一是强化政策激励"]


def test_parse_text_counts_every_heading(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["parse", str(SAMPLE)])
    count = len(govplan.to_dict(govplan.parse(SAMPLE_TEXT))["outline"])  # type: ignore[arg-type]
    assert f"outline: {count} headings" in capsys.readouterr().out.splitlines()


def test_parse_csv_has_one_row_per_heading(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["parse", "--format", "csv", str(SAMPLE)])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert (len(rows), rows[0]["marker"], rows[0]["inline"]) == (58, "一、", "false")


def test_claims_csv_header(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["claims", "--format", "csv", str(SAMPLE)])
    header = capsys.readouterr().out.splitlines()[0]
    assert (
        header
        == "file,start,end,text,value,high,unit,approx,bound,modality,subject,heading_path,heading"
    )


def test_several_files_get_a_header_each(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["parse", str(SAMPLE), str(SAMPLE)])
    assert capsys.readouterr().out.count(f"==> {SAMPLE} <==\n") == 2


def test_several_files_in_json_are_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["parse", "--format", "json", str(SAMPLE), str(SAMPLE)])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["file"], r["schema"]) for r in records] == [(str(SAMPLE), "govplan/1")] * 2


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
    monkeypatch.setattr(cli, "parse", rich_document)
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
        "2.5~30.9",
        "%",
        "-",
        "min",
        "target",
    ]


def test_claims_csv_row(rich: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["claims", "--format", "csv", str(rich)])
    row = next(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert (row["value"], row["subject"], row["heading_path"], row["heading"]) == (
        "7",
        "公办幼儿园",
        "一、(一)",
        "工作目标",
    )


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


def test_parser_failure_is_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(text: str) -> Document:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "parse", broken)
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    status = cli.main(["parse", str(tmp_path / "a.txt")])
    err = capsys.readouterr().err
    assert (status, err.count("\n"), "RuntimeError: boom" in err) == (3, 1, True)


def test_unreadable_file_is_reported(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    status = cli.main(["parse", str(tmp_path / "secret.txt")])
    assert (status, capsys.readouterr().err) == (
        1,
        f"govplan: error: {tmp_path / 'secret.txt'}: permission denied\n",
    )


# --- helpers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "width"),
    [
        pytest.param("", 0, id="empty"),
        pytest.param("abc", 3, id="ascii"),
        pytest.param("幼儿园", 6, id="han"),
        pytest.param("（一）", 6, id="full-width-brackets"),
        pytest.param("１２", 4, id="full-width-digits"),
        pytest.param("e\u0301", 1, id="combining-accent"),
    ],
)
def test_display_width(text: str, width: int) -> None:
    assert cli.display_width(text) == width


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param("一、甲\n".encode(), ("一、甲\n", "utf-8"), id="utf-8"),
        pytest.param("一、甲\r\n".encode("utf-8-sig"), ("一、甲\n", "utf-8"), id="bom-crlf"),
        pytest.param("一、甲\r\n".encode("utf-16"), ("一、甲\n", "utf-16"), id="utf-16-bom"),
        pytest.param("一、甲".encode("gbk"), ("一、甲", "gb18030"), id="gbk"),
        pytest.param(b"a\rb", ("a\rb", "utf-8"), id="lone-cr-kept"),
        pytest.param(b"", ("", "utf-8"), id="empty"),
    ],
)
def test_decode_text(data: bytes, expected: tuple[str, str]) -> None:
    assert cli.decode_text(data) == expected


def test_decode_text_names_the_bad_byte() -> None:
    with pytest.raises(ValueError, match=r"byte 0xff at offset 2"):
        cli.decode_text(b"ab\xff")


# --- the sample, end to end (needs the metadata and claims stages) ---------------


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
