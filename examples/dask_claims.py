"""Write every claim of every ``*.txt`` under INPUT_DIR to OUT_DIR/claims.parquet, with Dask.

Each partition is a batch of files: a worker reads them (``govplan.read_file``,
undecodable bytes replaced), parses them and turns their claims into a
DataFrame with ``govplan.claims_frame``.  Dask writes the partitions as one
Parquet dataset (a folder of part files) with the explicit schema of
``govplan.frames.arrow_schema()``, so that every partition has the same
column types, even one whose claims are all without a ``high``.

By default the script starts a local cluster of worker processes; give
``--scheduler ADDRESS`` to use a running cluster instead (its workers need
govplan installed, and must see INPUT_DIR and OUT_DIR at the same paths).

    pip install 'govplan[dask]'
    python examples/dask_claims.py INPUT_DIR OUT_DIR
    python examples/dask_claims.py INPUT_DIR OUT_DIR --workers 4 --batch 64
    python examples/dask_claims.py INPUT_DIR OUT_DIR --scheduler tcp://10.0.0.5:8786

Read the result with ``pandas.read_parquet(OUT_DIR / "claims.parquet")``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import govplan
from govplan.frames import arrow_schema


def claims_of(paths: list[str]) -> Any:
    """Return the claims of the files *paths* as one DataFrame: one Dask partition."""
    rows: list[govplan.ClaimRow] = []
    for path in paths:
        try:
            text = govplan.read_file(path, errors="replace")
        except OSError as error:
            print(f"dask_claims: {path}: {error.strerror}", file=sys.stderr)
            continue
        rows.extend(govplan.claim_rows(govplan.parse(text), file=path))
    return govplan.claims_frame(rows)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", type=Path, help="folder of *.txt documents (read recursively)")
    parser.add_argument("out", type=Path, help="folder for claims.parquet")
    parser.add_argument("--workers", type=int, default=2, help="local worker processes")
    parser.add_argument("--batch", type=int, default=32, help="files per partition")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    args = parser.parse_args(argv)
    if not args.input.is_dir():
        print(f"dask_claims: error: {args.input}: not a folder", file=sys.stderr)
        return 1

    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster

    paths = sorted(str(p) for p in args.input.rglob("*.txt"))
    batches = [paths[i : i + args.batch] for i in range(0, len(paths), args.batch)] or [[]]
    target = args.out / "claims.parquet"
    args.out.mkdir(parents=True, exist_ok=True)
    if args.scheduler:
        cluster = None
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        claims = dd.from_map(claims_of, batches, meta=govplan.claims_frame([]))
        claims.to_parquet(target, schema=arrow_schema(), write_index=False, overwrite=True)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    print(f"wrote the claims of {len(paths)} files to {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":  # required: the worker processes import this file
    raise SystemExit(main(sys.argv[1:]))
