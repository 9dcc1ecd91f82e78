"""Stated cells where nothing is found (issue 10, ninth pass): why each is missed, design splits.

    python benchmarks/missed.py                  # every missed cell of the design splits, classed
    python benchmarks/missed.py --split dev      # one design split
    python benchmarks/missed.py --summary        # the counts only

For every stated cell of a design split (their failures may be read;
never the validation split nor the held-out half, whose files it never opens: events are
named by the split table of benchmarks/unseen/README.md) that the run leaves "not found", it
says which of these it is:

- ``dropped``: the agreement across sources dropped or abstained the cell;
- ``sibling``: the right value scored above the threshold but another claim of the file took it
  (or its sibling's words vetoed it, or it was too close to a sibling's);
- ``low-read``: a pair with the right value was scored (its passage among those read) but below
  the threshold; its gap and the parts of its score are shown;
- ``low-unread``: the right value's passage was not read at all (relevance below the search floor,
  or beyond the passages read): a pair with it appears only when every sentence is read (the
  search floor at 0, every passage read); its score there is shown;
- ``unpaired``: the value reader reads the right value in the sentence holding the gold text, but
  no pair of the claim has it even with every sentence read (no word of a phrasing in reach,
  or the candidate excluded);
- ``reader``: the value reader does not read the right value from the sentence holding the gold
  text (a reader gap).

The figures are development figures: the design splits' failures have been read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import claims as bench  # noqa: E402

from kzclaims import pipeline  # noqa: E402

DESIGN = bench.SPLITS.design  # the split table of benchmarks/unseen/README.md


@dataclass
class Missed:
    split: str
    event: str
    claim: str
    source: str
    lang: str
    kind: str
    gold: Any
    gold_text: str
    cls: str
    score: float | None = None  # the best pair with the gold value (the class's run)
    gap: float | None = None  # threshold - score
    why: str | None = None
    quote: str | None = None


def _recording(store: dict[tuple[str, str], list[tuple[Any, float, str, str]]]) -> Any:
    """Wrap pipeline._pairs: every value of every passage read, with its joint score."""
    inner = pipeline._pairs

    def pairs(claim: Any, source: Any, matches: Any, indexed: Any, limit: Any = None,
              keep: Any = None) -> Any:
        out = inner(claim, source, matches, indexed, limit, keep)
        if claim.kind != "statement":
            every = inner(claim, source, matches, indexed, None, -1e9)
            mine = store.setdefault((claim.id, source.id), [])
            for s in every:
                if s.reading.choice is None:
                    continue
                v = pipeline.json_value(s.reading.choice.value, claim.kind)
                mine.append((v, s.joint, s.reading.choice.why, s.reading.match.text))
        return out

    return pairs


def _run(event: bench.Event, wide: bool) -> tuple[Any, Any, Any, dict[Any, Any]]:
    claimset = bench.load_claims(event.path / "claims.yaml")
    corpus = bench.load_sources(event.path / "sources")
    store: dict[tuple[str, str], list[tuple[Any, float, str, str]]] = {}
    saved = (pipeline._pairs, pipeline.SEARCH_FLOOR, pipeline.FLOOR_OFFSET,
             pipeline.PASSAGES_READ)
    pipeline._pairs = _recording(store)  # type: ignore[assignment]
    if wide:
        pipeline.SEARCH_FLOOR, pipeline.FLOOR_OFFSET, pipeline.PASSAGES_READ = 0.0, 1000.0, 10_000
    try:
        state = pipeline.ShardSearch(
            claimset.claims, languages=frozenset(s.language for s in corpus.sources), gate=False
        )
        outcomes = state.search(corpus.sources)
        results = pipeline.assemble(claimset.claims, outcomes)
    finally:
        (pipeline._pairs, pipeline.SEARCH_FLOOR, pipeline.FLOOR_OFFSET,
         pipeline.PASSAGES_READ) = saved  # type: ignore[assignment]
    return claimset, corpus, results, store


def _best(pairs: list[tuple[Any, float, str, str]], gold: Any) -> tuple[Any, ...] | None:
    hits = [p for p in pairs if bench.same_value(p[0], gold)]
    return max(hits, key=lambda p: p[1]) if hits else None


def _reads(source: Any, claim: Any, text: str, gold: Any) -> bool | None:
    """Whether the value reader reads ``gold`` in the sentence(s) of ``source`` holding the gold
    text (None: the gold text is not in the source as written)."""
    from kzclaims.choose import _read_values
    from kzclaims.lang import conventions_for
    from kzclaims.text import split_sentences

    if not text:
        return None
    conv = conventions_for(source.text, source.language)
    needle = " ".join(text.lower().split())
    held = [s.text for s in split_sentences(source.text, source.language)
            if needle in " ".join(s.text.lower().split())]
    if not held and needle not in " ".join(source.text.lower().split()):
        return None
    for sentence in held:
        for v in _read_values(sentence, claim.kind, source.reference_date, source.language,
                              conv):
            if bench.same_value(pipeline.json_value(v, claim.kind), gold):
                return True
    # and the gold text alone
    for v in _read_values(text, claim.kind, source.reference_date, source.language, conv):
        if bench.same_value(pipeline.json_value(v, claim.kind), gold):
            return True
    return False


def collect(event: bench.Event) -> list[Missed]:
    assert event.split in DESIGN, event.split
    claimset, corpus, results, normal = _run(event, wide=False)
    _, _, _, wide = _run(event, wide=True)
    claims = {c.id: c for c in claimset.claims}
    sources = {s.id: s for s in corpus.sources}
    out: list[Missed] = []
    for r in results:
        claim = claims[r.id]
        fact = event.claim_fact.get(r.id)
        for f in r.findings:
            want = event.stated.get(f.source, {}).get(fact) if fact else None
            if want is None or f.found:
                continue
            gold = bench.gold_json(claim.kind, want["value"])
            m = Missed(event.split, event.slug, r.id, f.source, sources[f.source].language,
                       claim.kind, gold, str(want.get("text") or ""), "?", why=f.why,
                       quote=f.quote)
            limit = claim.threshold
            if claim.kind == "statement":
                m.cls = "statement"
                out.append(m)
                continue
            n = _best(normal.get((r.id, f.source), []), gold)
            w = _best(wide.get((r.id, f.source), []), gold)
            why = f.why or ""
            owned = why.startswith("abstained: ") and "other source" in why
            if f.agreement == "dropped" or owned:
                m.cls = "dropped"
            elif n is not None and n[1] >= limit:
                m.cls = "sibling" if ("sibling" in why or "too close" in why) else "above?"
            elif n is not None:
                m.cls = "low-read"
            elif w is not None:
                m.cls = "low-unread"
            else:
                read = _reads(sources[f.source], claim, m.gold_text, gold)
                m.cls = "unpaired" if read else "reader" if read is False else "no-text"
            best = n if m.cls in ("low-read", "sibling", "above?", "dropped") and n else w
            if best is not None:
                m.score = best[1]
                m.gap = limit - best[1]
                m.why = f"{best[2][:160]} || {f.why or ''}"
                m.quote = best[3]
            out.append(m)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=[*DESIGN, "design"], default="design")
    ap.add_argument("--summary", action="store_true")
    args = ap.parse_args()
    splits = DESIGN if args.split == "design" else (args.split,)
    cells: list[Missed] = []
    for e in bench.named_events(splits):
        cells.extend(collect(e))
    if not args.summary:
        for c in cells:
            score = "-" if c.score is None else f"{c.score:.1f} gap {c.gap:.1f}"
            print(f"[{c.split}] {c.event}/{c.claim}/{c.source} {c.kind} {c.cls.upper()} "
                  f"gold {c.gold} ({c.gold_text!r}) | best {score}\n    why: {c.why!r}\n"
                  f"    quote: {(c.quote or '')[:240]!r}")
    print(f"missed stated cells: {len(cells)}")
    by = Counter(c.cls for c in cells)
    for cls, n in by.most_common():
        events = len({c.event for c in cells if c.cls == cls})
        print(f"  {cls:12} {n:4} cells, {events:2} events")
    print("by kind and class:")
    for (kind, cls), n in sorted(Counter((c.kind, c.cls) for c in cells).items()):
        print(f"  {kind:10} {cls:12} {n:4}")
    low = [c for c in cells if c.cls in ("low-read", "low-unread") and c.gap is not None]
    for lo, hi in ((0, 5), (5, 10), (10, 20), (20, 40), (40, 999)):
        print(f"  gap [{lo}, {hi}): {sum(lo <= c.gap < hi for c in low)}")  # type: ignore


if __name__ == "__main__":
    main()
