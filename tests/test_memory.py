"""Memory stays flat as a corpus grows (issue 8). Not timed: tracemalloc counts what a run keeps
and what a shard holds at its peak, on a generated corpus, in this process."""

from __future__ import annotations

import gc
import random
import re
import tracemalloc
import weakref
from pathlib import Path

import pytest

from kzclaims import execute, joint, pipeline
from kzclaims.claims import load_claims
from kzclaims.pipeline import shards
from kzclaims.sources import list_sources

ROOT = Path(__file__).resolve().parent.parent


def _corpus(folder: Path, documents: int) -> Path:
    """``documents`` news-like files of 5 sentences of the three shortest bundled sources (the
    bundled claims are found there, values read and passages scored), taken in turn with their
    numbers redrawn: after 18 documents every sentence has been seen and the vocabulary (the
    bounded caches' keys) stops growing, while the passages stay new."""
    texts = sorted(p.read_text(encoding="utf-8") for p in (ROOT / "sources").glob("*.txt"))
    sentences = [
        s
        for t in sorted(texts, key=len)[:3]
        for s in re.split(r"(?<=[.!?])\s+", " ".join(t.split()))
        if len(s) > 30
    ]
    assert 60 < len(sentences) <= 100
    random.Random(8).shuffle(sentences)
    folder.mkdir()
    rnd = random.Random(8)

    def number(_: re.Match[str]) -> str:  # new passages, few new words
        return str(rnd.randint(2, 40))

    for n in range(documents):
        text = " ".join(
            re.sub(r"\d+", number, sentences[(5 * n + j) % len(sentences)]) for j in range(5)
        )
        (folder / f"doc-{n:04d}.txt").write_text(f"Report {n}\n\n{text}\n", encoding="utf-8")
    return folder


def _shard_loop(
    folder: Path, shard_bytes: int, claims_file: Path = ROOT / "claims.yaml"
) -> tuple[list[int], list[int], list[int]]:
    """Search the corpus a shard at a time as ``kzclaims.execute`` does in one process,
    dropping each shard's outcomes (they are what a run must keep): for each shard, the
    sources done, the bytes traced after it and the most traced while it ran."""
    claims = load_claims(claims_file, "claims.yaml")
    listing = list_sources(folder, "sources")
    sizes = execute._sizes(listing)
    run = execute._Run(listing, claims.claims, None, "memory-test")
    done, kept, peaks = [], [], []
    # the word-form cache is bounded (200,000 words) and shared by every run of the process:
    # start it empty, so that what earlier tests left in it does not decide where its table
    # grows (a dict doubling inside the measured shards read as ~450 KB kept)
    pipeline._UNIT_FORMS.clear()
    tracemalloc.start()
    try:
        for n, r in enumerate(shards(sizes, shard_bytes)):
            gc.collect()
            tracemalloc.reset_peak()
            execute._search_shard(execute._Task(n, r.start, r.stop, 0), run)
            gc.collect()
            now, peak = tracemalloc.get_traced_memory()
            done.append(r.stop)
            kept.append(now)
            peaks.append(peak)
    finally:
        tracemalloc.stop()
        execute._STATES.clear()
    return done, kept, peaks


def test_what_a_run_keeps_and_its_peak_do_not_grow_with_the_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From N to 4N documents (shards of ~5), what the search keeps between shards (lexicon,
    prefilter, caches) grows by less than 2 KB a document, and the shards' peak by as little:
    a cache keyed by passages that is not emptied per shard (~5 KB a document here), or
    anything kept per source (a source's word statistics: ~20 KB), fails it (both tried). The
    first shard is left out (regexes compiled, modules imported on first use)."""
    from kzclaims import values

    monkeypatch.setattr(values, "_SCANS_KEPT", 32)  # a bounded cache, filled in a few shards
    n = 20
    done, kept, peaks = _shard_loop(_corpus(tmp_path / "sources", 4 * n), 3_000)
    at_n = next(k for k, d in enumerate(done) if d >= n)
    allowed = 2_000 * (done[-1] - done[at_n])
    assert kept[-1] - kept[at_n] < allowed, [k // 1000 for k in kept]
    assert max(peaks[at_n + 1 :]) - max(peaks[1 : at_n + 1]) < allowed, [p // 1000 for p in peaks]


def test_one_source_statistics_alive_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The word statistics of a source (the largest per-source state of the scorer) are
    forgotten once its claims are scored: never those of a whole shard at once."""
    alive: set[int] = set()
    most = [0]

    class Counted(joint.SourceStats):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            alive.add(id(self))
            most[0] = max(most[0], len(alive))
            weakref.finalize(self, alive.discard, id(self))

    monkeypatch.setattr(joint, "SourceStats", Counted)
    _shard_loop(_corpus(tmp_path / "sources", 30), 1_000_000)  # one shard of 30 sources
    assert 0 < most[0] <= 2, most


def _claims_file(folder: Path, extra: int) -> Path:
    """The bundled claims plus ``extra`` generated count claims whose phrasings are 4-6 words of
    sentences of :func:`_corpus` (so that each is found in a few documents, its passages read
    and scored, like the generated claims of ``benchmarks/scale_corpus.py``)."""
    texts = sorted(p.read_text(encoding="utf-8") for p in (ROOT / "sources").glob("*.txt"))
    words = [
        [w for w in re.findall(r"[A-Za-z]{4,}", s)]
        for t in sorted(texts, key=len)[:3]
        for s in re.split(r"(?<=[.!?])\s+", " ".join(t.split()))
        if len(s) > 30
    ]
    words = [ws for ws in words if len(ws) >= 6]
    rnd = random.Random(500)
    text = (ROOT / "claims.yaml").read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    for i in range(extra):
        ws = words[i % len(words)]
        start = rnd.randrange(len(ws) - 3)
        phrase = " ".join(ws[start : start + rnd.randint(4, 6)])
        text += (
            f"  - id: gen-{i:04d}\n    title: Generated claim {i}\n    kind: count\n"
            f"    find:\n      - {phrase}\n"
        )
    path = folder / "claims.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_scorer_caches_hold_one_source_at_a_time(tmp_path: Path) -> None:
    """The caches keyed by a passage's text (``joint._words``, ``choose._read_values``; a
    passage's hits are kept by its source's ``SourceStats``, released with it) are emptied
    after each source: when a source's claims are scored,
    they hold only what was computed for it. Kept for a whole shard, they grew with claims x
    sources (~16 MB in a 2 MB shard at 500 claims: 163 against 133 MB peak RSS at 10 MB x 500)."""
    from kzclaims import choose, pipeline

    caches = (joint._words, choose._read_values)
    seen: list[tuple[int, int]] = []  # (entries, entries computed since the previous source)
    base = [0, 0]  # misses when the previous source was done (the counters reset on clear)
    release = pipeline._Indexed.release
    forget = joint.forget_passages

    def counted(self: pipeline._Indexed, source_id: str) -> None:
        for k, c in enumerate(caches):
            info = c.cache_info()
            seen.append((info.currsize, info.misses - base[k]))
            base[k] = info.misses
        release(self, source_id)

    def forgotten() -> None:
        forget()
        base[:] = [c.cache_info().misses for c in caches]

    forgotten()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline._Indexed, "release", counted)
        mp.setattr(joint, "forget_passages", forgotten)
        _shard_loop(_corpus(tmp_path / "sources", 30), 1_000_000, _claims_file(tmp_path, 40))
    assert len(seen) >= 3 * 20 and sum(n for n, _ in seen) > 0, seen
    assert all(n <= new for n, new in seen), seen
