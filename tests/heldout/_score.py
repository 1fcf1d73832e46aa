"""Score govplan against the hand-annotated held-out documents in this folder.

Each ``<name>.txt`` beside this module has a ``<name>.json`` gold file in the
``govplan/1`` shape (conventions of the project's gold README). The functions
here compare a parse with a gold file:

- outline: a node matches on (level, style, ordinal, start); titles are
  compared on matched nodes after folding (NFKC, traditional to simplified,
  pinyin readings and whitespace dropped, trailing punctuation stripped);
- claims: a gold claim matches an unused predicted claim whose span overlaps
  it and whose value and unit agree; gold claims marked ``optional`` are
  neither required nor do predictions overlapping them count as extras;
  ``approx``, ``bound``, ``high``, ``modality`` and ``subject`` are scored on
  matched claims where the gold states them (approx and subject folded);
- metadata: the fields listed in the gold's ``checked`` list; a field counts
  where the gold or the parse has a value, both null earns nothing.

Used by ``scripts/score_heldout.py`` and ``tests/test_heldout.py``; it reads
nothing outside this folder.

>>> prf(8, 10, 16)
(0.8, 0.5, 0.6153846153846154)
>>> fold(" 堅持黨建引領。")
'坚持党建引领'
"""

from __future__ import annotations

import functools
import json
import math
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

HELDOUT = Path(__file__).resolve().parent

#: Attributes of a matched claim that are scored where the gold states them.
CLAIM_ATTRS = ("approx", "bound", "high", "modality", "subject", "direction")

#: Further checks on matched claims, reported but not asked for by the gold README:
#: the exact span (start, end) and the heading path.
CLAIM_EXTRAS = ("span", "path")

#: Metadata fields, each with how to read it from a govplan/1 object.
META_FIELDS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "title": lambda d: d.get("title"),
    "doc_type": lambda d: d.get("doc_type"),
    "index_number": lambda d: (d.get("metadata") or {}).get("index_number"),
    "doc_number": lambda d: _doc_number_key((d.get("metadata") or {}).get("doc_number")),
    "publisher": lambda d: (d.get("metadata") or {}).get("publisher"),
    "date": lambda d: (d.get("metadata") or {}).get("date"),
    "signature.issuer": lambda d: (d.get("signature") or {}).get("issuer"),
    "signature.date": lambda d: (d.get("signature") or {}).get("date"),
}

_PINYIN = regex.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]+\)")
_SPACE = regex.compile(r"\s+")
_TRAILING = "。；;，,：:！!？?、 "


@functools.cache
def _t2s() -> Callable[[str], str]:
    try:
        import opencc
    except ImportError:  # pragma: no cover - scoring still works, folding stricter
        return lambda s: s
    return opencc.OpenCC("t2s").convert  # type: ignore[no-any-return]


def fold(s: object) -> str:
    """Fold a string for comparison: NFKC, simplified script, no pinyin, spaces or end punctuation.

    >>> fold("（一）公共衛生 ")
    '(一)公共卫生'
    >>> fold(None)
    ''
    """
    if s is None:
        return ""
    text = unicodedata.normalize("NFKC", str(s))
    text = _PINYIN.sub("", text)
    text = _t2s()(text)
    text = _SPACE.sub("", text)
    return text.rstrip(_TRAILING)


def same_number(a: object, b: object) -> bool:
    """Return whether two JSON numbers (or nulls) are equal.

    >>> same_number(309000, 309000.0), same_number(None, None), same_number(1, None)
    (True, True, False)
    """
    if a is None or b is None:
        return a is None and b is None
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Return precision, recall and F1; an empty side counts as perfect.

    >>> prf(0, 0, 0)
    (1.0, 1.0, 1.0)
    """
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _doc_number_key(v: Any) -> Any:
    if not v:
        return None
    return (fold(v.get("agency")), v.get("year"), v.get("serial"))


def read_text(path: Path) -> str:
    """Read a held-out text as the contract reads it: UTF-8, BOM dropped, CRLF as LF."""
    return path.read_bytes().decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")


def documents(folder: Path = HELDOUT) -> list[str]:
    """Return the names of the documents of *folder* that have a gold file.

    >>> len(documents()) >= 6
    True
    """
    return sorted(p.stem for p in folder.glob("*.json") if (folder / f"{p.stem}.txt").exists())


def load(name: str, folder: Path = HELDOUT) -> tuple[str, dict[str, Any]]:
    """Return the text and the gold annotation of one document of *folder*."""
    text = read_text(folder / f"{name}.txt")
    gold = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
    return text, gold


def run_parser(text: str) -> dict[str, Any]:
    """Parse *text* with govplan and return its govplan/1 object."""
    import govplan

    return govplan.to_dict(govplan.parse(text))


@dataclass
class Score:
    """Counts for one document, or summed over several."""

    outline_tp: int = 0
    outline_gold: int = 0
    outline_pred: int = 0
    title_ok: int = 0
    claims_tp: int = 0
    claims_gold: int = 0
    claims_pred: int = 0
    attrs: dict[str, list[int]] = field(
        default_factory=lambda: {a: [0, 0] for a in CLAIM_ATTRS + CLAIM_EXTRAS}
    )
    meta: dict[str, list[int]] = field(default_factory=lambda: {m: [0, 0] for m in META_FIELDS})
    log: list[tuple[str, str]] = field(default_factory=list)  # (kind, message)

    def add(self, other: Score) -> None:
        """Add another score's counts (not its log) to this one."""
        for name in ("outline_tp", "outline_gold", "outline_pred", "title_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("claims_tp", "claims_gold", "claims_pred"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for table, theirs in ((self.attrs, other.attrs), (self.meta, other.meta)):
            for key, (ok, n) in theirs.items():
                table[key][0] += ok
                table[key][1] += n

    @property
    def outline_prf(self) -> tuple[float, float, float]:
        return prf(self.outline_tp, self.outline_pred, self.outline_gold)

    @property
    def claims_prf(self) -> tuple[float, float, float]:
        return prf(self.claims_tp, self.claims_pred, self.claims_gold)

    @property
    def title_accuracy(self) -> float | None:
        return self.title_ok / self.outline_tp if self.outline_tp else None

    def attr_accuracy(self, attr: str) -> float | None:
        ok, n = self.attrs[attr]
        return ok / n if n else None

    def meta_accuracy(self, name: str | None = None) -> float | None:
        pairs = [self.meta[name]] if name else list(self.meta.values())
        ok = sum(p[0] for p in pairs)
        n = sum(p[1] for p in pairs)
        return ok / n if n else None


def _node_key(n: dict[str, Any]) -> tuple[Any, ...]:
    return (n.get("level"), n.get("style"), n.get("ordinal"), n.get("start"))


def _node_label(n: dict[str, Any]) -> str:
    title = str(n.get("title") or "")
    title = title if len(title) <= 24 else title[:24] + "…"
    where = f"{n.get('marker')!s}@{n.get('start')}"
    return f"L{n.get('level')} {n.get('style')} #{n.get('ordinal')} {where} {title}"


def score_outline(gold: list[dict[str, Any]], pred: list[dict[str, Any]], score: Score) -> None:
    """Count outline matches of *pred* against *gold* into *score*, logging misses and extras."""
    by_key: dict[tuple[Any, ...], dict[str, Any]] = {}
    for p in pred:
        by_key.setdefault(_node_key(p), p)
    matched: set[tuple[Any, ...]] = set()
    score.outline_gold += len(gold)
    score.outline_pred += len(pred)
    for g in gold:
        found = by_key.get(_node_key(g))
        if found is None or _node_key(g) in matched:
            near = [q for q in pred if q.get("start") == g["start"]]
            got = "; ".join(_node_label(q) for q in near) or "nothing at that offset"
            score.log.append(("outline-miss", f"{_node_label(g)}  (got {got})"))
            continue
        matched.add(_node_key(g))
        score.outline_tp += 1
        if fold(found.get("title")) == fold(g.get("title")):
            score.title_ok += 1
        else:
            score.log.append(
                (
                    "title",
                    f"{g['marker']}@{g['start']} "
                    f"gold {fold(g.get('title'))!r} pred {fold(found.get('title'))!r}",
                )
            )
    for p in pred:
        if _node_key(p) not in matched:
            score.log.append(("outline-extra", _node_label(p)))


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a["start"] < b["end"] and b["start"] < a["end"])


def _claim_label(c: dict[str, Any]) -> str:
    return f"{c.get('text')!r}@{c.get('start')} = {c.get('value')} {c.get('unit')}"


def _attr_ok(attr: str, gold: Any, pred: Any) -> bool:
    if attr == "high":
        return same_number(gold, pred)
    if attr in ("subject", "approx"):  # 約 and 约 are the same qualifier
        return fold(gold) == fold(pred)
    return bool(gold == pred)


def _predicted(claim: dict[str, Any], attr: str) -> Any:
    """Return a predicted claim's value of *attr* (direction sits in its comparison)."""
    if attr == "direction":
        return (claim.get("comparison") or {}).get("direction")
    return claim.get(attr)


def _path_starts(path: Any, outline: list[dict[str, Any]]) -> tuple[Any, ...] | None:
    """Return a claim's heading path as the start offsets of its headings (None if absent)."""
    if path is None:
        return None
    return tuple(outline[i]["start"] if 0 <= i < len(outline) else None for i in path)


def score_claims(
    gold: list[dict[str, Any]],
    pred: list[dict[str, Any]],
    score: Score,
    region: tuple[int, int] | None = None,
    outlines: tuple[list[dict[str, Any]], list[dict[str, Any]]] = ([], []),
) -> None:
    """Count claim matches of *pred* against *gold* into *score*, logging every disagreement.

    *outlines* (gold, predicted) lets heading paths be compared by the start offsets of
    their headings, so that a missed or extra heading elsewhere does not shift the comparison.
    """
    if region is not None:
        lo, hi = region
        pred = [p for p in pred if lo <= p["start"] < hi]
    required = [g for g in gold if not g.get("optional")]
    optional = [g for g in gold if g.get("optional")]
    used: set[int] = set()
    score.claims_gold += len(required)
    for g in required:
        candidates = [
            (min(g["end"], p["end"]) - max(g["start"], p["start"]), i)
            for i, p in enumerate(pred)
            if i not in used
            and _overlaps(g, p)
            and same_number(p.get("value"), g["value"])
            and fold(p.get("unit")) == fold(g["unit"])
        ]
        if not candidates:
            near = [p for p in pred if _overlaps(g, p)]
            got = "; ".join(_claim_label(p) for p in near) or "nothing"
            score.log.append(("claim-miss", f"{_claim_label(g)}  (got {got})"))
            continue
        _, hit = max(candidates)
        used.add(hit)
        score.claims_tp += 1
        p = pred[hit]
        for attr in CLAIM_ATTRS:
            if attr not in g:
                continue
            score.attrs[attr][1] += 1
            if _attr_ok(attr, g[attr], _predicted(p, attr)):
                score.attrs[attr][0] += 1
            else:
                score.log.append(
                    (
                        attr,
                        f"{g['text']!r}@{g['start']} gold {g[attr]!r} pred {_predicted(p, attr)!r}",
                    )
                )
        checks = {
            "span": ((g["start"], g["end"]), (p["start"], p["end"])),
            "path": (
                _path_starts(g.get("path"), outlines[0]),
                _path_starts(p.get("path"), outlines[1]),
            ),
        }
        for attr, (wanted, given) in checks.items():
            if attr == "path" and "path" not in g:
                continue
            score.attrs[attr][1] += 1
            if wanted == given:
                score.attrs[attr][0] += 1
            else:
                shown = f" {p.get('text')!r}" if attr == "span" else " (heading starts)"
                score.log.append(
                    (attr, f"{g['text']!r}@{g['start']} gold {wanted!r} pred {given!r}{shown}")
                )
    extras = 0
    for i, p in enumerate(pred):
        if i in used or any(_overlaps(o, p) for o in optional):
            continue
        extras += 1
        score.log.append(("claim-extra", _claim_label(p)))
    score.claims_pred += len(used) + extras


def score_metadata(gold: dict[str, Any], pred: dict[str, Any], score: Score) -> None:
    """Count the checked metadata fields of *pred* against *gold* into *score*."""
    checked = gold.get("checked", list(META_FIELDS))
    for name, get in META_FIELDS.items():
        if name not in checked:
            continue
        g, p = get(gold), get(pred)
        if g is None and p is None:
            continue
        score.meta[name][1] += 1
        same = (
            g == p
            if name == "doc_number"
            else (g is not None and p is not None and fold(g) == fold(p))
        )
        if same:
            score.meta[name][0] += 1
        else:
            score.log.append(("metadata", f"{name}: gold {g!r} pred {p!r}"))


def score_document(
    name: str, parse: Callable[[str], dict[str, Any]] = run_parser, folder: Path = HELDOUT
) -> Score:
    """Parse one document of *folder* and score it against its gold file."""
    text, gold = load(name, folder)
    pred = parse(text)
    score = Score()
    if "outline" in gold:
        score_outline(gold["outline"], pred.get("outline") or [], score)
    if "claims" in gold:
        region = (
            (int(gold["claims_region"][0]), int(gold["claims_region"][1]))
            if "claims_region" in gold
            else None
        )
        outlines = (gold.get("outline") or [], pred.get("outline") or [])
        score_claims(gold["claims"], pred.get("claims") or [], score, region, outlines)
    score_metadata(gold, pred, score)
    return score


def score_all(
    parse: Callable[[str], dict[str, Any]] = run_parser, folder: Path = HELDOUT
) -> Iterator[tuple[str, Score]]:
    """Yield (name, score) for every document of *folder* (the held-out set by default)."""
    for name in documents(folder):
        yield name, score_document(name, parse, folder)


def total(scores: list[Score]) -> Score:
    """Return the sum of several document scores (micro-average)."""
    out = Score()
    for s in scores:
        out.add(s)
    return out
