"""The scale-out examples run for real: Dask on a local cluster of processes, Spark in local mode.

Each engine runs its example once for the module, exactly as docs/scaling.md
shows it, on a small folder tree written here, and the tests read the Parquet
dataset it wrote.  Both must hold every claim of every ``*.txt`` file, the
rows of ``govplan.claim_rows``, with the explicit schema (strings, doubles for
``value`` and ``high``, 64-bit integers for the offsets) even where a
partition has no range at all.

Without the engine (``pip install -e '.[dask]'`` or ``'.[spark]'``, and Java
for Spark) these tests are skipped, except under CI (``CI=true`` or
``GOVPLAN_REQUIRE_ENGINES=1``), where a missing engine is a failure: CI installs them.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import govplan
from govplan.tables import CLAIM_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SAMPLE_TEXT = (EXAMPLES / "sample_plan.txt").read_text(encoding="utf-8")
PLAN = "一、上半年工作\n新建公办幼儿园7所。\n二、下半年计划\n力争新建高标准农田3.2万亩以上。\n"
RANGE = "一、主要目标\n在校生1至20人,比去年提高2.85个百分点。\n"
TRADITIONAL = "一、總體要求\n新建公辦幼兒園7所，投入資金4800餘萬元。\n"


def require(*modules: str, java: bool = False) -> None:
    """Skip unless *modules* (and Java) are there; under CI, fail instead of skipping."""
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if java and shutil.which("java") is None:
        missing.append("java (apt-get install -y default-jre-headless)")
    if not missing:
        return
    reason = "needs " + ", ".join(missing)
    if os.environ.get("GOVPLAN_REQUIRE_ENGINES") == "1" or os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: CI must install it (.ci/run)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder tree in the encodings documents arrive in, with a file that is not .txt."""
    root = tmp_path_factory.mktemp("engines") / "in"
    (root / "2023" / "q1").mkdir(parents=True)
    (root / "sample.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    (root / "plan.txt").write_bytes(PLAN.replace("\n", "\r\n").encode("utf-8-sig"))
    (root / "2023" / "range.txt").write_bytes(RANGE.encode("gb18030"))
    (root / "2023" / "q1" / "big5.txt").write_bytes(TRADITIONAL.encode("big5"))
    (root / "2023" / "q1" / "empty.txt").write_text("一、总体要求\n", encoding="utf-8")
    (root / "notes.md").write_text("新建学校3所。", encoding="utf-8")
    return root


def expected_rows(corpus: Path) -> list[tuple[Any, ...]]:
    """The rows every engine must write: claim_rows of each file, values as floats."""
    rows = []
    for path in sorted(corpus.rglob("*.txt")):
        doc = govplan.parse(govplan.read_file(path))
        for row in govplan.claim_rows(doc, file=str(path)):
            rows.append(comparable({**row, "value": float(row["value"])}))
    return sorted(rows, key=sort_key)


def comparable(row: dict[str, Any]) -> tuple[Any, ...]:
    out = dict(row)
    if out["high"] is not None:
        out["high"] = float(out["high"])
    out["file"] = str(out["file"]).removeprefix("file:")
    return tuple(out[c] for c in CLAIM_COLUMNS)


def sort_key(row: tuple[Any, ...]) -> tuple[str, int]:
    return row[0], row[CLAIM_COLUMNS.index("start")]


def read_dataset(path: Path) -> tuple[Any, list[tuple[Any, ...]]]:
    """Return the schema and the rows (sorted) of the Parquet dataset at *path*."""
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    nan_free = [
        {k: (None if isinstance(v, float) and v != v else v) for k, v in row.items()}
        for row in table.to_pylist()
    ]
    return table.schema, sorted((comparable(row) for row in nan_free), key=sort_key)


def run_example(args: list[str], env: dict[str, str] | None = None) -> None:
    result = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        capture_output=True,
        timeout=600,
        check=False,
        env={**os.environ, **(env or {})},
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-3000:]


SCHEMA = [
    ("file", "string"),
    ("title", "string"),
    ("doc_type", "string"),
    ("heading", "string"),
    ("text", "string"),
    ("value", "double"),
    ("high", "double"),
    ("unit", "string"),
    ("approx", "string"),
    ("bound", "string"),
    ("subject", "string"),
    ("modality", "string"),
    ("direction", "string"),
    ("baseline", "string"),
    ("start", "int64"),
    ("end", "int64"),
]


# --- Dask ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dask_output(corpus: Path) -> Path:
    require("dask", "distributed", "pandas", "pyarrow")
    out = corpus.parent / "dask-out"
    # As docs/scaling.md shows it; --batch 2 gives partitions without any range
    run_example(
        [str(EXAMPLES / "dask_claims.py"), str(corpus), str(out), "--workers", "2", "--batch", "2"]
    )
    return out / "claims.parquet"


def test_dask_writes_the_explicit_schema(dask_output: Path) -> None:
    schema, _ = read_dataset(dask_output)
    assert [(f.name, str(f.type)) for f in schema] == SCHEMA


def test_dask_writes_every_claim_of_every_txt_file(dask_output: Path, corpus: Path) -> None:
    _, rows = read_dataset(dask_output)
    assert rows == expected_rows(corpus)


def test_dask_reads_every_encoding(dask_output: Path) -> None:
    _, rows = read_dataset(dask_output)
    assert {Path(row[0]).name for row in rows} == {
        "sample.txt",
        "plan.txt",
        "range.txt",
        "big5.txt",
    }


def test_dask_reads_back_into_pandas(dask_output: Path) -> None:
    import pandas as pd

    frame = pd.read_parquet(dask_output)
    in_range = frame[frame["file"].str.endswith("range.txt")]
    assert (str(frame["value"].dtype), in_range["high"].tolist()[:1]) == ("float64", [20.0])


# --- Spark --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spark_output(corpus: Path) -> Path:
    require("pyspark", "pyarrow", java=True)
    out = corpus.parent / "spark-out"
    # As docs/scaling.md shows it: the Python workers run this interpreter
    run_example(
        [str(EXAMPLES / "spark_claims.py"), str(corpus), str(out)],
        env={"PYSPARK_PYTHON": sys.executable},
    )
    return out / "claims.parquet"


def test_spark_writes_the_explicit_schema(spark_output: Path) -> None:
    schema, _ = read_dataset(spark_output)
    assert [(f.name, str(f.type)) for f in schema] == SCHEMA


def test_spark_writes_every_claim_of_every_txt_file(spark_output: Path, corpus: Path) -> None:
    _, rows = read_dataset(spark_output)
    assert rows == expected_rows(corpus)


def test_spark_file_column_is_the_uri_spark_gives(spark_output: Path) -> None:
    import pyarrow.parquet as pq

    files = set(pq.read_table(spark_output).column("file").to_pylist())
    assert all(name.startswith("file:/") for name in files)


def test_spark_and_dask_agree(spark_output: Path, dask_output: Path) -> None:
    assert read_dataset(spark_output)[1] == read_dataset(dask_output)[1]
