"""Benchmarks for locating claims in sources (kzclaims.text + kzclaims.match).

    python benchmarks/matching.py scorers     # which fuzzy scorer separates right from wrong
    python benchmarks/matching.py speed       # MB/s and recall of the prefilter vs brute force
    python benchmarks/matching.py split       # sentence splitting MB/s vs a bare regex split
    python benchmarks/matching.py             # all three

Everything is deterministic (fixed seeds); only the timings vary from run to run. The labelled
set below is the bundled corpus (the five seed texts) with realistic claim phrasings.
"""

from __future__ import annotations

import random
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from kzclaims.match import (
    CorpusIndex,
    Lexicon,
    SourceIndex,
    brute_force_search,
    score_passage,
)
from kzclaims.model import Match, Sentence
from kzclaims.text import split_sentences

SEEDS = Path("/work/shared/seeds")
HERE = Path(__file__).resolve().parent
SOURCES = HERE.parent / "sources"
FILES = {
    "tdi": ("000_43c38aecf9b50d79.txt", "tdi-2022-01-12-majilis-address.txt"),
    "akorda": ("001_d6daa902709976ad.txt", "akorda-2022-01-06-security-council.txt"),
    "transcript": ("002_ca9852e1f6b3d348.txt", "address-2022-01-07-transcript.txt"),
    "embassy": ("003_5fe004b03c0ea91a.txt", "embassy-2022-01-11-interview.txt"),
    "tv": ("004_4c75c17fa82e99fe.txt", "tv-2022-01-07-address-report.txt"),
}

# phrasing -> (right sentences {source: {index}}, acceptable ones that are not required).
# Sentence indices are those of kzclaims.text.split_sentences on the seed files.
Label = tuple[str, dict[str, set[int]], dict[str, set[int]]]
LABELS: list[Label] = [
    ("CSTO mission consists of troops", {"tdi": {7}}, {"tdi": {6}}),
    ("units of military equipment", {"tdi": {7}}, {}),
    ("bandits attacked Almaty", {"transcript": {50}, "tv": {21}},
     {"akorda": {25, 26}, "tdi": {12}}),
    ("withdrawal of CSTO peacekeeping forces will start", {"tdi": {6}}, {"embassy": {45, 46}}),
    ("withdrawal will last days", {"tdi": {8}}, {"embassy": {46}}),
    ("plenary session of the Majilis", {"tdi": {0, 1, 2}}, {}),
    ("announce in the Mazhilis", {"tv": {24}}, {"transcript": {65}}),
    ("state of emergency from", {"tdi": {5}}, {"transcript": {5, 73}}),
    ("day of nation-wide mourning", {"embassy": {26}}, {}),
    ("inflation target corridor percent", {"tdi": {20}}, {}),
    ("seizure of the Almaty airport aircraft", {"embassy": {9}}, {"akorda": {23, 24}}),
    ("open fire without warning", {"transcript": {8}}, {}),
    ("Collective Security Council decided to send peacekeeping forces", {"embassy": {32}},
     {"embassy": {31}}),
    ("appealed to the heads of the CSTO states",
     {"akorda": {17}, "transcript": {15}, "tv": {12}}, {"embassy": {31, 32}}),
    ("quota in party lists for women and youth", {"embassy": {59}}, {}),
    ("government action program within weeks", {"tdi": {27}}, {}),
    ("about 90 states have signed", {"embassy": {89}}, {}),
    ("hundreds of civilians and military personnel", {"transcript": {28}},
     {"tv": {15}, "tdi": {40}}),
    ("Dozens of people died", {"embassy": {24}}, {}),
    # Spelling variants of the same claims.
    ("plenary session of the Mazhilis", {"tdi": {0, 1, 2}}, {}),
    ("announce in the Majilis", {"tv": {24}}, {"transcript": {65}}),
    ("Kassym Jomart Tokayev declared a day of nationwide mourning", {"embassy": {26}}, {}),
    ("Almaty airport and five aircraft seized", {"akorda": {24}}, {"akorda": {23}, "embassy": {9}}),
    ("20 thousand bandit attacked Almaty", {"transcript": {50}, "tv": {21}}, {"akorda": {25, 26}}),
    # Claims the corpus does not make: nothing should match.
    ("Kyrgyz unit of the CSTO peacekeeping forces", {}, {}),
    ("Kyrgyzstan sent troops to the CSTO mission", {}, {}),
    ("Russian paratroopers landed in Almaty", {}, {}),
    ("death toll rose to 225 people", {}, {}),
    ("internet was shut down for five days", {}, {}),
    ("fuel prices doubled in Zhanaozen", {}, {"embassy": {6}}),
    ("Tokayev dismissed the government of Askar Mamin", {}, {}),
    ("nearly 10 thousand people were detained", {}, {}),
]


def load_seeds() -> dict[str, tuple[str, tuple[Sentence, ...]]]:
    out = {}
    for sid, (seed, bundled) in FILES.items():
        path = SEEDS / seed if (SEEDS / seed).exists() else SOURCES / bundled
        text = path.read_text(encoding="utf-8")
        out[sid] = (text, split_sentences(text))
    return out


# ------------------------------------------------------------------------------------------------
# Scorer comparison
# ------------------------------------------------------------------------------------------------


def _scorers() -> dict[str, Callable[[str, str], float]]:
    from rapidfuzz import fuzz
    from rapidfuzz.utils import default_process as dp

    def partial(a: str, b: str) -> float:
        return fuzz.partial_ratio(dp(a), dp(b))

    def tset(a: str, b: str) -> float:
        return fuzz.token_set_ratio(dp(a), dp(b))

    def ptset(a: str, b: str) -> float:
        return fuzz.partial_token_set_ratio(dp(a), dp(b))

    def ptsort(a: str, b: str) -> float:
        return fuzz.partial_token_sort_ratio(dp(a), dp(b))

    def wratio(a: str, b: str) -> float:
        return fuzz.WRatio(dp(a), dp(b))

    def combo(a: str, b: str) -> float:
        return 0.5 * partial(a, b) + 0.5 * tset(a, b)

    return {
        "partial_ratio": partial,
        "token_set_ratio": tset,
        "partial_token_set_ratio": ptset,
        "partial_token_sort_ratio": ptsort,
        "WRatio": wratio,
        "0.5 partial + 0.5 token_set": combo,
        "word coverage (kzclaims)": score_passage,
    }


def compare_scorers(threshold: float = 75.0) -> list[dict[str, object]]:
    """Score every labelled phrasing against every sentence of the corpus with each scorer."""
    corpus = load_seeds()
    rows = []
    for name, scorer in _scorers().items():
        pos_scores: list[float] = []
        neg_max: list[float] = []
        top1 = 0
        n_pos = 0
        found = 0
        spurious = 0  # wrong sentences >= threshold
        for phrasing, right, ok in LABELS:
            for sid, (_, sentences) in corpus.items():
                scores = [scorer(phrasing, s.text) for s in sentences]
                good = right.get(sid, set())
                fine = good | ok.get(sid, set())
                wrong = [sc for i, sc in enumerate(scores) if i not in fine]
                if wrong:
                    neg_max.append(max(wrong))
                    spurious += sum(1 for sc in wrong if sc >= threshold)
                if good:
                    n_pos += 1
                    best = max(scores[i] for i in good)
                    pos_scores.append(best)
                    found += best >= threshold
                    top1 += best > max(wrong, default=0.0)
        rows.append({
            "scorer": name,
            "right found >= T": f"{found}/{n_pos}",
            "right ranked 1st": f"{top1}/{n_pos}",
            "wrong >= T": spurious,
            "lowest right": round(min(pos_scores), 1),
            "median right": round(statistics.median(pos_scores), 1),
            "highest wrong": round(max(neg_max), 1),
            "margin": round(min(pos_scores) - max(neg_max), 1),
        })
    rows.append(_search_row(corpus, threshold))
    return rows


def _search_row(corpus: dict[str, tuple[str, tuple[Sentence, ...]]],
                threshold: float) -> dict[str, object]:
    """The same with what kzclaims really does: SourceIndex.search, pairs included. A passage
    is right when it holds a right sentence, wrong when it holds no right or acceptable one."""
    indexes = {sid: SourceIndex(sid, sents) for sid, (_, sents) in corpus.items()}
    n_pos = found = top1 = spurious = 0
    pos_scores: list[float] = []
    neg: list[float] = [0.0]
    for phrasing, right, ok in LABELS:
        for sid, ix in indexes.items():
            good = right.get(sid, set())
            fine = good | ok.get(sid, set())
            ms = ix.search([phrasing], 0.0, limit=10_000)

            def has(m: Match, ids: set[int]) -> bool:
                return m.first_sentence in ids or m.last_sentence in ids

            wrong = [m.score for m in ms if not has(m, fine)]
            neg.extend(wrong)
            spurious += sum(1 for sc in wrong if sc >= threshold)
            if good:
                n_pos += 1
                best = max((m.score for m in ms if has(m, good)), default=0.0)
                pos_scores.append(best)
                found += best >= threshold
                top1 += bool(ms) and has(ms[0], good)
    return {
        "scorer": "word coverage + pairs (SourceIndex.search)",
        "right found >= T": f"{found}/{n_pos}",
        "right ranked 1st": f"{top1}/{n_pos}",
        "wrong >= T": spurious,
        "lowest right": round(min(pos_scores), 1),
        "median right": round(statistics.median(pos_scores), 1),
        "highest wrong": round(max(neg), 1),
        "margin": round(min(pos_scores) - max(neg), 1),
    }


# ------------------------------------------------------------------------------------------------
# Generated corpus for speed and recall
# ------------------------------------------------------------------------------------------------

_SYLLABLE_TEXT = (
    "ka ze ro mi tal an ur bek sta no ve li dor gan sa ta ri mon el a us ya kor pet zan vi lo"
    " ber tin gra hol"
)
_SYLLABLES = _SYLLABLE_TEXT.split()


def _vocabulary(rnd: random.Random, seeds: Iterable[str], size: int) -> list[str]:
    words = sorted({w for text in seeds for w in re.findall(r"[A-Za-z]+", text)})
    made: set[str] = set(words)
    while len(made) < size:
        made.add("".join(rnd.choice(_SYLLABLES) for _ in range(rnd.randint(2, 4))))
    return sorted(made)


def generate_corpus(megabytes: float, seed: int = 7) -> list[str]:
    """Deterministic news-like documents (~5 KB each): Zipf-distributed words from the seed
    texts plus made-up words, ~20-word sentences, paragraphs on their own lines, some
    hard-wrapped documents, and the seed sentences planted here and there."""
    rnd = random.Random(seed)
    seed_texts = [load_seeds()[sid][0] for sid in FILES]
    seed_sentences = [s.text for sid in FILES for s in load_seeds()[sid][1] if len(s.text) > 40]
    vocab = _vocabulary(rnd, seed_texts, 30000)
    rnd.shuffle(vocab)
    weights = [1.0 / (r + 1) ** 1.05 for r in range(len(vocab))]
    cum: list[float] = []
    total = 0.0
    for w in weights:
        total += w
        cum.append(total)
    target = int(megabytes * 1_000_000)
    docs: list[str] = []
    size = 0
    while size < target:
        paras = []
        for _ in range(rnd.randint(4, 10)):
            sents = []
            for _ in range(rnd.randint(2, 6)):
                if rnd.random() < 0.03:
                    sents.append(rnd.choice(seed_sentences))
                    continue
                n = rnd.randint(8, 32)
                ws = rnd.choices(vocab, cum_weights=cum, k=n)
                if rnd.random() < 0.3:
                    ws.insert(rnd.randint(0, n), f"{rnd.randint(2, 9999):,}")
                sents.append(ws[0].capitalize() + " " + " ".join(ws[1:]) + ".")
            paras.append(" ".join(sents))
        title = " ".join(rnd.choices(vocab, cum_weights=cum, k=rnd.randint(4, 9))).title()
        body = "\n\n".join(paras)
        if rnd.random() < 0.2:  # a hard-wrapped transcript with blank lines between lines
            body = "\n\n".join(_wrap(body.replace("\n\n", " "), 80))
        doc = f"{title}\n\nJanuary {rnd.randint(1, 28)}, 2022\n\n{body}\n"
        docs.append(doc)
        size += len(doc.encode())
    return docs


def _wrap(text: str, width: int) -> list[str]:
    lines, cur = [], ""
    for w in text.split(" "):
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    if cur:
        lines.append(cur)
    return lines


def generate_claims(n: int, seed: int = 11) -> list[tuple[str, ...]]:
    """``n`` claims of 3 phrasings each: the labelled phrasings, then phrasings cut from seed
    sentences (3-8 consecutive words, sometimes with a word dropped or misspelt)."""
    rnd = random.Random(seed)
    base = [lab[0] for lab in LABELS]
    sentences = [s.text for sid in FILES for s in load_seeds()[sid][1] if len(s.text) > 40]
    claims: list[tuple[str, ...]] = []
    for i in range(n):
        phr = []
        for k in range(3):
            if i < len(base) and k == 0:
                phr.append(base[i])
                continue
            ws = re.findall(r"[\w’'-]+", rnd.choice(sentences))
            m = rnd.randint(3, min(8, len(ws)))
            start = rnd.randint(0, len(ws) - m)
            cut = ws[start:start + m]
            r = rnd.random()
            if r < 0.2 and len(cut) > 3:
                del cut[rnd.randrange(len(cut))]
            elif r < 0.4:
                j = rnd.randrange(len(cut))
                w = cut[j]
                if len(w) > 4:
                    p = rnd.randrange(1, len(w) - 1)
                    cut[j] = w[:p] + w[p + 1:]
            phr.append(" ".join(cut))
        claims.append(tuple(phr))
    return claims


def _run_index(docs: list[str], claims: list[tuple[str, ...]], threshold: float,
               per_source: bool = False):
    """Split, index and search every claim. ``per_source``: one SourceIndex per document
    sharing a Lexicon (how a caller with a handful of sources uses it); otherwise one
    CorpusIndex over all documents."""
    t0 = time.perf_counter()
    split = [split_sentences(d) for d in docs]
    t1 = time.perf_counter()
    found = set()
    if per_source:
        lex = Lexicon()
        indexes = [SourceIndex(str(i), s, lex) for i, s in enumerate(split)]
        t2 = time.perf_counter()
        for ix in indexes:
            for c, phr in enumerate(claims):
                for m in ix.search(phr, threshold, limit=1000):
                    found.add((m.source, c, m.first_sentence, m.last_sentence, m.score))
    else:
        corpus = CorpusIndex()
        for i, s in enumerate(split):
            corpus.add(str(i), s)
        t2 = time.perf_counter()
        for c, phr in enumerate(claims):
            for ms in corpus.search(phr, threshold, limit=1000).values():
                for m in ms:
                    found.add((m.source, c, m.first_sentence, m.last_sentence, m.score))
    t3 = time.perf_counter()
    return split, found, (t1 - t0, t2 - t1, t3 - t2)


def _run_brute(split: list[tuple[Sentence, ...]], claims: list[tuple[str, ...]],
               threshold: float, docs: Iterable[int]):
    found = set()
    t0 = time.perf_counter()
    for i in docs:
        for c, phr in enumerate(claims):
            for m in brute_force_search(str(i), split[i], phr, threshold, limit=1000):
                found.add((str(i), c, m.first_sentence, m.last_sentence, m.score))
    return found, time.perf_counter() - t0


def _rapidfuzz_scan(split: list[tuple[Sentence, ...]], claims: list[tuple[str, ...]],
                    threshold: float) -> float:
    """Context for the brute-force figure: the fastest plain scan rapidfuzz offers (C loop,
    partial_ratio of every phrasing against every sentence; a different scorer)."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.utils import default_process

    texts = [default_process(s.text) for ss in split for s in ss]
    t0 = time.perf_counter()
    for phr in claims:
        for p in phr:
            process.extract(default_process(p), texts, scorer=fuzz.partial_ratio,
                            score_cutoff=threshold, limit=None)
    return time.perf_counter() - t0


def speed(sizes: Iterable[float] = (1, 10), counts: Iterable[int] = (50, 500),
          threshold: float = 75.0, brute_budget_mb: float = 0.25,
          per_source: bool = False) -> list[dict[str, object]]:
    """Split + index + search vs brute force on generated corpora of ~5 KB documents.

    Brute force (every sentence and pair of every document scored, no prefilter) is run on the
    first ``brute_budget_mb`` of each corpus only; the index is timed on the same documents for
    the speed-up and compared with it for the recall, then timed on the whole corpus."""
    rows = []
    for mb in sizes:
        docs = generate_corpus(mb)
        nbytes = sum(len(d.encode()) for d in docs)
        for n in counts:
            claims = generate_claims(n)
            split, found, (t_split, t_index, t_search) = _run_index(
                docs, claims, threshold, per_source
            )
            total = t_split + t_index + t_search
            k, b = 0, 0
            budget = brute_budget_mb if n <= 50 else brute_budget_mb * 0.4  # brute force is slow
            while k < len(docs) and b < budget * 1_000_000:
                b += len(docs[k].encode())
                k += 1
            _, sub, times = _run_index(docs[:k], claims, threshold, per_source)
            t_sub = sum(times)
            brute, t_brute = _run_brute(split, claims, threshold, range(k))
            t_rf = _rapidfuzz_scan(split[:k], claims, threshold)
            lost = brute - sub
            rows.append({
                "index": "SourceIndex per doc" if per_source else "CorpusIndex",
                "corpus MB": round(nbytes / 1e6, 2),
                "claims": n,
                "sentences": sum(len(s) for s in split),
                "split s": round(t_split, 2),
                "index s": round(t_index, 2),
                "search s": round(t_search, 2),
                "MB/s": round(nbytes / 1e6 / total, 2),
                "matches": len(found),
                "brute-force sample MB": round(b / 1e6, 2),
                "brute MB/s": round(b / 1e6 / t_brute, 3),
                "partial_ratio scan MB/s": round(b / 1e6 / t_rf, 3),
                "index MB/s on sample": round(b / 1e6 / t_sub, 2),
                "speed-up": round(t_brute / t_sub, 1),
                "recall vs brute": f"{len(brute) - len(lost)}/{len(brute)}",
                "extra vs brute": len(sub - brute),
            })
            print(rows[-1], file=sys.stderr, flush=True)
    return rows


def split_speed(mb: float = 10) -> dict[str, object]:
    docs = generate_corpus(mb)
    text = "\n\n".join(docs)
    seeds = "\n\n\n".join(t for t, _ in load_seeds().values())
    out: dict[str, object] = {}
    for name, t in (("generated", text), ("seed texts x N", (seeds + "\n\n\n") * 300)):
        mbs = len(t.encode()) / 1e6
        best_split = min(_timed(lambda t=t: split_sentences(t)) for _ in range(3))
        rx = re.compile(r"(?<=[.!?])\s+")
        best_rx = min(_timed(lambda t=t, rx=rx: rx.split(t)) for _ in range(3))
        out[name] = {
            "MB": round(mbs, 1),
            "split_sentences MB/s": round(mbs / best_split, 1),
            "bare regex split MB/s": round(mbs / best_rx, 1),
            "factor": round(best_split / best_rx, 1),
        }
    return out


def _timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _table(rows: list[dict[str, object]]) -> str:
    keys = list(rows[0])
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    for r in rows:
        lines.append("| " + " | ".join(str(r[k]) for k in keys) + " |")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    what = argv[1:] or ["scorers", "split", "speed"]
    if "scorers" in what:
        print("## Scorers on the labelled bundled corpus (single sentences, T=75)\n")
        print(_table(compare_scorers()))
        print()
    if "split" in what:
        print("## Sentence splitting\n")
        for k, v in split_speed().items():
            print(f"- {k}: {v}")
        print()
    if "speed" in what:
        quick = "--quick" in what
        print("## Prefilter + scoring vs brute force\n")
        rows = speed(sizes=(1,) if quick else (1, 10), counts=(50,) if quick else (50, 500))
        rows += speed(sizes=(1,), counts=(50,) if quick else (50, 500), per_source=True)
        print(_table(rows))


if __name__ == "__main__":
    main(sys.argv)
