"""govplan.files: bytes to text the way the command line reads them, and folders to files."""

from __future__ import annotations

import codecs
import errno
import os
import re
from pathlib import Path

import pytest

import govplan
from govplan.files import Decoded, DecodeError, FolderError, decode, find_files, read_file

PLAN = "一、总体要求\r\n新建公办幼儿园7所，投入资金4800余万元。\r\n"
PLAN_LF = PLAN.replace("\r\n", "\n")
TRADITIONAL = "一、總體要求\r\n新建公辦幼兒園7所，投入資金4800餘萬元。\r\n"


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        pytest.param(PLAN.encode(), PLAN_LF, "utf-8", id="utf-8"),
        pytest.param(PLAN.encode("utf-8-sig"), PLAN_LF, "utf-8", id="utf-8-bom"),
        pytest.param(PLAN.encode("utf-16"), PLAN_LF, "utf-16", id="utf-16-bom"),
        pytest.param(
            codecs.BOM_UTF16_BE + PLAN.encode("utf-16-be"), PLAN_LF, "utf-16", id="utf-16-be-bom"
        ),
        pytest.param(PLAN.encode("utf-32"), PLAN_LF, "utf-32", id="utf-32-bom"),
        pytest.param(
            codecs.BOM_UTF32_BE + PLAN.encode("utf-32-be"), PLAN_LF, "utf-32", id="utf-32-be-bom"
        ),
        pytest.param(PLAN.encode("utf-16-le"), PLAN_LF, "utf-16-le", id="utf-16-le-no-bom"),
        pytest.param(PLAN.encode("utf-32-be"), PLAN_LF, "utf-32-be", id="utf-32-be-no-bom"),
        pytest.param(PLAN.encode("gbk"), PLAN_LF, "gb18030", id="gbk"),
        pytest.param(PLAN.encode("gb18030"), PLAN_LF, "gb18030", id="gb18030"),
        pytest.param(
            TRADITIONAL.encode("gb18030"),
            TRADITIONAL.replace("\r\n", "\n"),
            "gb18030",
            id="gb-trad",
        ),
        pytest.param(
            TRADITIONAL.encode("big5"), TRADITIONAL.replace("\r\n", "\n"), "big5", id="big5"
        ),
        pytest.param(b"a\rb", "a\rb", "utf-8", id="lone-cr-kept"),
        pytest.param(b"", "", "utf-8", id="empty"),
    ],
)
def test_decode(data: bytes, text: str, encoding: str) -> None:
    assert decode(data) == Decoded(text, encoding, 0)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"PK\x03\x04\x00\x00", "binary data (NUL bytes), not text", id="binary"),
        pytest.param(b"ab\xff", "byte 0xff at offset 2", id="stray-byte"),
        pytest.param(codecs.BOM_UTF8 + b"ab\xff", "byte 0xff at offset 5", id="bad-after-bom"),
        pytest.param(codecs.BOM_UTF16_LE + b"\x00\xd8", "not UTF-16 text", id="bad-utf-16"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data", id="png"),
        pytest.param(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00", "binary data", id="elf"),
        pytest.param("一、".encode("utf-16-le") + b"\x00\x00", "binary data", id="utf-16-nul"),
    ],
)
def test_decode_rejects(data: bytes, message: str) -> None:
    with pytest.raises(DecodeError, match=re.escape(message)):
        decode(data)


# --- no byte order mark: which encoding ---------------------------------------------

# Indented with U+3000 and full of 一 (U+4E00): in UTF-16 these put NUL bytes at the
# positions where ASCII would put them in the other byte order.
INDENTED = "\u3000\u3000一、春耕生产\n\u3000\u3000一是落实耕地地力保护补贴1.2亿元。\n"
INDENTED_TRADITIONAL = "\u3000\u3000一、春耕生產\n\u3000\u3000一是落實耕地地力保護補貼1.2億元。\n"
# The head of a 工作要点 in traditional characters: charset-normalizer, which chose the
# encoding here before, took it for binary data in UTF-16 and UTF-32 and for GB18030 in Big5.
HEAD_TRADITIONAL = "二○二四年鄉鎮工作要點\n\n\u3000\u3000為做好"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize(
    "text",
    [INDENTED, INDENTED_TRADITIONAL, HEAD_TRADITIONAL],
    ids=["simplified", "traditional", "traditional-head"],
)
def test_wide_text_without_a_bom(text: str, codec: str) -> None:
    assert decode(text.encode(codec)) == Decoded(text, codec, 0)


@pytest.mark.parametrize("text", ["附件：", "一、总体要求", "（一）工作目标", "力争达到95%以上"])
def test_gb18030_that_big5_also_reads_is_gb18030(text: str) -> None:
    data = text.encode("gb18030")
    assert (data.decode("big5") != text, decode(data).encoding) == (True, "gb18030")


@pytest.mark.parametrize(
    "text", ["附件：", "一、總體要求", "抄送：縣委辦公室", "完成投資4800萬元", HEAD_TRADITIONAL]
)
def test_short_big5_is_big5(text: str) -> None:
    assert decode(text.encode("big5")) == Decoded(text, "big5", 0)


def test_decode_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="neither UTF-8 nor GB18030"):
        decode(b"abc\x80\xff")


def test_replace_keeps_the_text_around_a_stray_byte() -> None:
    data = "新建公办幼儿园7所".encode() + b"\xff" + "。".encode()
    assert decode(data, errors="replace") == Decoded("新建公办幼儿园7所\ufffd。", "utf-8", 1)


def test_ignore_drops_a_stray_byte() -> None:
    data = "新建公办幼儿园7所".encode() + b"\xff" + "。".encode()
    assert decode(data, errors="ignore") == Decoded("新建公办幼儿园7所。", "utf-8", 1)


def test_replace_chooses_the_encoding_with_fewer_bad_bytes() -> None:
    data = PLAN.encode("gb18030") + b"\xff"
    assert decode(data, errors="replace").encoding == "gb18030"


def test_replace_after_a_bom() -> None:
    assert decode(codecs.BOM_UTF8 + b"ab\xff", errors="replace").text == "ab\ufffd"


def test_a_replacement_character_in_the_text_is_not_counted() -> None:
    data = "\ufffd".encode() + b"\xff"
    assert decode(data, errors="replace").replaced == 1


def test_decode_takes_bytearray_and_memoryview() -> None:
    assert decode(memoryview(bytearray(PLAN.encode()))).text == PLAN_LF


def test_decode_rejects_str() -> None:
    with pytest.raises(TypeError, match="data must be bytes, not str"):
        decode(PLAN)  # type: ignore[arg-type]


def test_decode_rejects_an_unknown_errors_choice() -> None:
    with pytest.raises(ValueError, match="errors must be one of"):
        decode(b"", errors="surrogateescape")  # type: ignore[arg-type]


# --- read_file ---------------------------------------------------------------------


def test_read_file_is_public(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(PLAN.encode("gb18030"))
    assert govplan.read_file(tmp_path / "a.txt") == PLAN_LF


def test_read_file_takes_a_str_path(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(PLAN.encode("utf-32"))
    assert read_file(str(tmp_path / "a.txt")) == PLAN_LF


def test_read_file_passes_os_errors_on(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_file(tmp_path / "missing.txt")


def test_read_file_with_errors_replace(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"abc\xff")
    assert read_file(tmp_path / "a.txt", errors="replace") == "abc\ufffd"


def test_read_file_parses_like_the_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(PLAN.encode("utf-16"))
    assert govplan.parse(read_file(tmp_path / "a.txt")) == govplan.parse(PLAN_LF)


# --- find_files --------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("b.txt", "a.TXT", "notes.md", "sub/c.txt", "sub/deeper/d.txt", "zz/e.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("一、", encoding="utf-8")
    return tmp_path


def names(paths: list[str], root: Path) -> list[str]:
    return [os.path.relpath(p, root) for p in paths]


def test_find_files_in_a_folder(folder: Path) -> None:
    assert names(list(find_files([folder])), folder) == ["a.TXT", "b.txt"]


def test_find_files_recursive(folder: Path) -> None:
    assert names(list(find_files([folder], recursive=True)), folder) == [
        "a.TXT",
        "b.txt",
        "sub/c.txt",
        "sub/deeper/d.txt",
        "zz/e.txt",
    ]


def test_find_files_keeps_files_as_given(folder: Path) -> None:
    given = [str(folder / "notes.md"), str(folder / "missing.txt")]
    assert list(find_files(given)) == given


def test_find_files_other_suffixes(folder: Path) -> None:
    assert names(list(find_files([folder], suffixes=(".md",))), folder) == ["notes.md"]


def test_find_files_reports_a_folder_it_cannot_list(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if str(path).endswith("sub"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    problems: list[OSError] = []
    found = list(find_files([folder], recursive=True, on_error=problems.append))
    assert (names(found, folder), [(type(p), p.filename) for p in problems]) == (
        ["a.TXT", "b.txt", "zz/e.txt"],
        [(FolderError, str(folder / "sub"))],
    )


def test_find_files_raises_without_on_error(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def scandir(path: str) -> object:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(FolderError):
        list(find_files([folder]))
