"""Put the planned figures of a document beside the reported ones, heading by heading.

A 总结和计划 reports results in its first half and states targets in its
second.  For every target this script looks for the reported figure with the
same unit whose wording is closest (shared two-character pieces of the
subject and the heading title, at least MIN_SHARED of them), and prints the
two side by side under the target's heading.

Run it from the repository root::

    python examples/targets_vs_results.py                 # the bundled sample
    python examples/targets_vs_results.py my_plan.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

import govplan
from govplan.cli import display_width

SAMPLE = Path(__file__).with_name("sample_plan.txt")
#: How many two-character pieces a target and a result must share to be paired.
MIN_SHARED = 2


def bigrams(text: str) -> set[str]:
    """Return the two-character pieces of *text*: a cheap measure of shared wording."""
    return {text[i : i + 2] for i in range(len(text) - 1)}


def describe(claim: govplan.Claim, headings: list[govplan.Heading]) -> str:
    """Return the words that say what *claim* counts: its subject and innermost heading."""
    title = headings[claim.path[-1]].title if claim.path else ""
    return (claim.subject or "") + title


def pair_up(
    doc: govplan.Document,
) -> list[tuple[govplan.Claim, govplan.Claim | None]]:
    """Return each target of *doc* with the closest reported figure of the same unit."""
    headings = list(govplan.walk(doc.outline))
    results = [c for c in doc.claims if c.modality is govplan.Modality.ACHIEVED]
    pairs = []
    for target in (c for c in doc.claims if c.modality is govplan.Modality.TARGET):
        wanted = bigrams(describe(target, headings))
        best, best_score = None, MIN_SHARED - 1
        for result in results:
            if result.unit != target.unit:
                continue
            score = len(wanted & bigrams(describe(result, headings)))
            if score > best_score:
                best, best_score = result, score
        pairs.append((target, best))
    return pairs


def pad(text: str, width: int) -> str:
    """Pad *text* to *width* terminal columns (Chinese characters take two)."""
    return text + " " * max(0, width - display_width(text))


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else SAMPLE
    doc = govplan.parse(path.read_text(encoding="utf-8-sig"))
    headings = list(govplan.walk(doc.outline))
    pairs = pair_up(doc)
    if not pairs:
        print("no targets found")
        return 0
    print(pad("target", 24) + "reported")
    last_heading = None
    for target, result in pairs:
        if result is None:
            continue
        heading = "".join(headings[i].marker for i in target.path)
        if target.path and heading != last_heading:
            print(f"\n{heading} {headings[target.path[-1]].title}")
            last_heading = heading
        left = f"  {target.text}"
        where = "".join(headings[i].marker for i in result.path)
        print(pad(left, 24) + f"{result.text}  ({result.subject or '?'}, under {where or '-'})")
    alone = sum(result is None for _, result in pairs)
    print(f"\n{len(pairs) - alone} targets paired, {alone} without a comparable reported figure")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
