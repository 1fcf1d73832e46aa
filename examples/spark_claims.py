"""Write every claim of every ``*.txt`` under INPUT_DIR to OUT_DIR/claims.parquet, with Spark.

Spark reads the files as bytes (the ``binaryFile`` source, recursively), so
any file system Spark reads works: a local folder, HDFS, S3.  Each executor
decodes the bytes as the ``govplan`` command does (``govplan.files.decode``:
UTF-8, GB18030, Big5, UTF-16/32; undecodable bytes replaced), parses them and
returns the rows of ``govplan.claim_rows`` with ``value`` and ``high`` as
doubles (``govplan.frames.float_row``).  The DataFrame gets the explicit
schema :data:`SCHEMA`, the same column types as the Dask example and the
command line's ``--format parquet``.  The ``file`` column holds the URI Spark
gives each file, e.g. ``file:/data/plans/a.txt``.

Spark starts its Python workers with ``PYSPARK_PYTHON``, which must be an
interpreter with govplan installed.  In local mode this script sets it to the
interpreter that runs it, unless it is set; on a cluster, set it (or ship
govplan) for the executors.

    pip install 'govplan[spark]'          # and Java 17 or later
    python examples/spark_claims.py INPUT_DIR OUT_DIR
    PYSPARK_PYTHON=$PWD/.venv/bin/python .venv/bin/python examples/spark_claims.py \\
        INPUT_DIR OUT_DIR --master 'local[4]'
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

import govplan
from govplan.files import decode
from govplan.frames import float_row
from govplan.tables import CLAIM_COLUMNS

_DOUBLES = frozenset({"value", "high"})
_LONGS = frozenset({"start", "end"})


def schema() -> Any:
    """Return the Spark schema of a claim row: strings, doubles for values, longs for offsets."""
    from pyspark.sql import types

    def kind(column: str) -> Any:
        if column in _DOUBLES:
            return types.DoubleType()
        return types.LongType() if column in _LONGS else types.StringType()

    return types.StructType([types.StructField(c, kind(c), True) for c in CLAIM_COLUMNS])


def rows_of(path: str, content: bytes) -> list[tuple[object, ...]]:
    """Return the claim rows of one file, as tuples in the order of the schema."""
    text = decode(bytes(content), errors="replace").text
    rows = govplan.claim_rows(govplan.parse(text), file=path)
    return [tuple(float_row(row)[column] for column in CLAIM_COLUMNS) for row in rows]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="folder of *.txt documents (read recursively), or a URI")
    parser.add_argument("out", help="folder for claims.parquet")
    parser.add_argument("--master", default="local[2]", help="Spark master (default local[2])")
    args = parser.parse_args(argv)
    if "://" not in args.input and not Path(args.input).is_dir():
        print(f"spark_claims: error: {args.input}: not a folder", file=sys.stderr)
        return 1
    if args.master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(args.master)
        .appName("govplan claims")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        files = (
            spark.read.format("binaryFile")
            .option("recursiveFileLookup", "true")
            .option("pathGlobFilter", "*.txt")
            .load(args.input)
        )
        rows = files.select("path", "content").rdd.flatMap(lambda f: rows_of(f.path, f.content))
        claims = spark.createDataFrame(rows, schema())
        target = f"{args.out.rstrip('/')}/claims.parquet"
        claims.write.mode("overwrite").parquet(target)
    finally:
        spark.stop()
    print(f"wrote the claims to {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
