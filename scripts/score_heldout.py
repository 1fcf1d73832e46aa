"""Score govplan on the hand-annotated held-out documents in tests/heldout.

Usage: python scripts/score_heldout.py [-v] [NAME ...]

Prints, per document and overall (micro-averaged): outline P/R/F1, title
accuracy on matched nodes, claims P/R/F1, approx/bound/high/modality/subject
accuracy on matched claims (plus exact span and heading path), and metadata
field accuracy. With -v, lists every
missed and extra node and claim, title and attribute disagreements and
metadata errors. The scoring itself lives in tests/heldout/_score.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "heldout"))
sys.path.insert(0, str(ROOT))

import _score  # noqa: E402


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def _row(name: str, s: _score.Score) -> str:
    op, orc, of = s.outline_prf
    cp, cr, cf = s.claims_prf
    attrs = " ".join(_fmt(s.attr_accuracy(a)) for a in _score.CLAIM_ATTRS + _score.CLAIM_EXTRAS)
    return (
        f"{name:30s} {op:.3f} {orc:.3f} {of:.3f} {_fmt(s.title_accuracy)}  "
        f"{cp:.3f} {cr:.3f} {cf:.3f}  {attrs}  {_fmt(s.meta_accuracy())}"
    )


HEADER = (
    f"{'document':30s} {'outline P/R/F1':17s} title  {'claims P/R/F1':17s}  "
    "approx bound high  modal subj  span  path   meta"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and extra")
    parser.add_argument("names", nargs="*", help="documents to score (default: all)")
    args = parser.parse_args(argv)
    names = args.names or _score.documents()
    unknown = sorted(set(names) - set(_score.documents()))
    if unknown:
        parser.error(f"no held-out document named {', '.join(unknown)}")
    scores = []
    print(HEADER)
    for name in names:
        s = _score.score_document(name)
        scores.append(s)
        print(_row(name, s))
        if args.verbose:
            for kind, message in s.log:
                print(f"    {kind:14s} {message}")
    all_ = _score.total(scores)
    print(_row("OVERALL", all_))
    print(
        f"counts: outline {all_.outline_tp}/{all_.outline_gold} gold, "
        f"{all_.outline_pred} predicted; "
        f"claims {all_.claims_tp}/{all_.claims_gold} required gold, {all_.claims_pred} predicted"
    )
    fields = ", ".join(f"{m} {ok}/{n}" for m, (ok, n) in all_.meta.items() if n)
    print(f"metadata: {fields}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
