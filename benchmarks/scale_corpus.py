"""Generate a news-like corpus and a claims file for the scale benchmarks (deterministic).

    python benchmarks/scale_corpus.py OUT_DIR --mb 10 --claims 50 [--no-manifest] [--seed 7]
                                      [--mode event|archive]

writes ``OUT_DIR/sources/`` (files of ~5 KB: a title, a dateline, paragraphs of ~20-word
sentences, one in five hard-wrapped at 80 columns), ``OUT_DIR/sources/sources.yaml`` (a manifest
with outlet and publication date for every file, unless ``--no-manifest``) and
``OUT_DIR/claims.yaml``: the 29 bundled claims plus generated ones up to ``--claims``.
Words come from the bundled sources and from made-up words, Zipf-distributed. Every generated
claim (and 1 bundled sentence in 100 documents) is planted in about 1 % of the documents with a
number, so values are read where a claim matches, as in a real corpus.

``--mode event`` (the default, the corpus of every figure in docs/benchmarks.md "Scale" since
issue 8's first session) is a corpus about one event: every file has the dateline "Almaty, <day>
<Month> 2022" and draws its words from NewsQuant's and the bundled Kazakhstan sources' words.
``--mode archive`` (issue 8, fifth session) is closer to a news archive: about 1 % of the files
(:data:`EVENT_RATE`) are such event files, each holding 1-3 sentences of the bundled sources; the
others are on other topics: half of their sentences are real news sentences (NewsQuant's, when
the shared data is there), the other half Zipf-drawn from NewsQuant's words and made-up words
only, under a dateline from another city. The generated claims are planted in ~1 % of all the
files as in ``event``, and the claims file is the same. The two modes give different figures;
neither replaces the other.

Keep generated corpora out of git (write them under /tmp).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
_CONSONANTS = "bcdfghjklmnprstvzkh"
_VOWELS = "aeiouy"
_MONTH_TEXT = (
    "January February March April May June July August September October November December"
)
MONTHS = _MONTH_TEXT.split()
_SHARED = [p / "shared" for p in (ROOT.parent, ROOT.parent.parent)]
NEWSQUANT = next(
    (p / "benchmarks/newsquant/NewsQuant.json" for p in _SHARED if p.is_dir()), Path("/nonexistent")
)
#: share of documents each generated claim is planted in
PLANT_RATE = 0.01
#: ``--mode archive``: share of the documents that are about the bundled event
EVENT_RATE = 0.01
#: ``--mode archive``: the datelines of the other documents
CITIES = (
    "London", "New York", "Paris", "Berlin", "Tokyo", "Sydney", "Toronto", "Nairobi", "Lagos",
    "Mumbai", "Delhi", "Jakarta", "Madrid", "Rome", "Chicago", "Washington", "Brussels",
    "Geneva", "Singapore", "Sao Paulo", "Mexico City", "Cairo", "Seoul", "Manila", "Dublin",
)


def _bundled() -> tuple[list[str], list[str]]:
    """(texts, sentences longer than 40 characters) of the bundled sources."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "sources").glob("*.txt"))]
    sentences = [
        s.strip()
        for t in texts
        for s in re.split(r"(?<=[.!?])\s+", " ".join(t.split()))
        if 40 < len(s.strip()) < 300
    ]
    return texts, sentences


def _made_up(rnd: random.Random) -> str:
    """A name-like word: alternating consonants and vowels, 4-10 letters."""
    n = rnd.randint(4, 10)
    start = rnd.random() < 0.5
    return "".join(
        rnd.choice(_CONSONANTS if (k % 2 == 0) == start else _VOWELS) for k in range(n)
    )


def _vocabulary(rnd: random.Random, texts: list[str], size: int) -> list[str]:
    """Words by rank: the 300 commonest words of real news first (NewsQuant's sentences when
    the shared data is there, else the bundled sources), in their order of frequency there; then the
    other English words of both and made-up names, shuffled together. Zipf ranks then make
    function words frequent and put most content words, as in news, in the long tail."""
    news = _news()
    return _ranked(rnd, texts + news, news or texts, size)


def _words(texts: list[str]) -> Counter[str]:
    return Counter(w.lower() for t in texts for w in re.findall(r"[A-Za-z]+", t))


def _ranked(rnd: random.Random, texts: list[str], news: list[str], size: int) -> list[str]:
    """``news``'s 300 commonest words first, in their order of frequency there; then the other
    words of ``texts`` and made-up names up to ``size``, shuffled together."""
    words = _words(texts)
    ranked = _words(news)
    common = [w for w, _ in ranked.most_common(300)]
    rest = sorted(set(words) - set(common))
    made: set[str] = set(words)
    while len(made) < size:
        w = _made_up(rnd)
        if w not in made:
            made.add(w)
            rest.append(w)
    rnd.shuffle(rest)
    return common + rest


def _news() -> list[str]:
    """NewsQuant's sentences (real news on many topics), or none without the shared data."""
    if not NEWSQUANT.exists():
        return []
    import json

    return [d["text"] for d in json.loads(NEWSQUANT.read_text(encoding="utf-8"))]


def _background_vocabulary(rnd: random.Random, news: list[str], size: int) -> list[str]:
    """``--mode archive``: the words of the documents on other topics, by rank, as
    :func:`_vocabulary` ranks them but without the bundled Kazakhstan sources: NewsQuant's 300
    commonest words first, then its other words and made-up names, shuffled together."""
    return _ranked(rnd, news, news, size)


def _cumulative(n: int) -> list[float]:
    cum: list[float] = []
    total = 0.0
    for r in range(n):
        total += 1.0 / (r + 1) ** 1.05
        cum.append(total)
    return cum


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    cur = ""
    for w in text.split(" "):
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    if cur:
        lines.append(cur)
    return lines


def _claim_yaml(i: int, phrasings: list[str]) -> str:
    lines = [f"  - id: gen-{i:04d}", f"    title: Generated claim {i}", "    kind: count",
             "    find:"]
    lines += [f"      - {p}" for p in phrasings]
    return "\n".join(lines) + "\n"


class _Doc(NamedTuple):
    text: str
    day: int
    month: int


def _background_document(
    rnd: random.Random, vocab: list[str], cum: list[float], news: list[str],
    planted: list[list[str]], extra: int,
) -> _Doc:
    """``--mode archive``: a document on another topic (~5 KB, like an event document): half
    of its sentences real news sentences, half Zipf-drawn words (30 % with a number), a
    dateline from another city; the generated claims planted at the same rate as in event
    documents."""
    paras: list[str] = []
    hits = [c for c in range(extra) if rnd.random() < PLANT_RATE]
    for _ in range(rnd.randint(4, 10)):
        sents: list[str] = []
        for _ in range(rnd.randint(2, 6)):
            if news and rnd.random() < 0.5:
                sents.append(rnd.choice(news).strip())
                continue
            k = rnd.randint(8, 32)
            ws = rnd.choices(vocab, cum_weights=cum, k=k)
            if rnd.random() < 0.3:
                ws.insert(rnd.randint(0, k), f"{rnd.randint(2, 9999):,}")
            sents.append(ws[0].capitalize() + " " + " ".join(ws[1:]) + ".")
        paras.append(" ".join(sents))
    for c in hits:
        count = f"{rnd.randint(2, 9999):,}"
        sentence = f"Officials said {' '.join(planted[c])} reached {count} units."
        where = rnd.randrange(len(paras))
        paras[where] = paras[where] + " " + sentence
    title = " ".join(rnd.choices(vocab, cum_weights=cum, k=rnd.randint(4, 9))).title()
    body = "\n\n".join(paras)
    if rnd.random() < 0.2:  # a hard-wrapped transcript
        body = "\n".join(_wrap(body.replace("\n\n", " "), 80))
    day, month = rnd.randint(1, 28), rnd.randrange(12)
    city = rnd.choice(CITIES)
    return _Doc(f"{title}\n\n{city}, {day} {MONTHS[month]} 2022\n\n{body}\n", day, month)


def generate(
    out: Path, mb: float, claims: int, manifest: bool = True, seed: int = 7, mode: str = "event"
) -> dict:
    if mode not in ("event", "archive"):
        raise ValueError(f"mode must be event or archive, not {mode!r}")
    rnd = random.Random(seed)
    texts, sentences = _bundled()
    vocab = _vocabulary(rnd, texts, 50000)
    cum: list[float] = []
    total = 0.0
    for r in range(len(vocab)):
        total += 1.0 / (r + 1) ** 1.05
        cum.append(total)
    # Generated claims: 4-7 words of the middle of the vocabulary (not the commonest words),
    # three phrasings (the words, one dropped, one misspelt).
    extra = max(0, claims - 29)
    planted: list[list[str]] = []
    claim_text = (ROOT / "claims.yaml").read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    for i in range(extra):
        words = [vocab[rnd.randrange(300, 30000)] for _ in range(rnd.randint(4, 7))]
        dropped = words[:]
        del dropped[rnd.randrange(len(dropped))]
        miss = words[:]
        j = rnd.randrange(len(miss))
        w = miss[j]
        if len(w) > 4:
            p = rnd.randrange(1, len(w) - 1)
            miss[j] = w[:p] + w[p + 1:]
        planted.append(words)
        claim_text += _claim_yaml(i, [" ".join(words), " ".join(dropped), " ".join(miss)])
    src = out / "sources"
    src.mkdir(parents=True, exist_ok=True)
    for old in src.glob("doc-*.txt"):
        old.unlink()
    target = int(mb * 1_000_000)
    size = 0
    n = 0
    entries: list[str] = []
    # --mode archive: a second random stream, so that the event mode's stays as it always was
    arnd = random.Random(seed + 1)
    news = _news() if mode == "archive" else []
    back = _background_vocabulary(arnd, news, 50000) if mode == "archive" else []
    back_cum = _cumulative(len(back)) if back else []
    while size < target:
        if mode == "archive" and arnd.random() >= EVENT_RATE:
            doc = _background_document(arnd, back, back_cum, news, planted, extra)
            name = f"doc-{n:06d}.txt"
            (src / name).write_text(doc.text, encoding="utf-8")
            entries.append(
                f"  - file: {name}\n    id: doc-{n:06d}\n    outlet: Outlet {n % 97}\n"
                f"    published: 2022-{doc.month + 1:02d}-{doc.day:02d}\n"
            )
            size += len(doc.text.encode())
            n += 1
            continue
        paras: list[str] = []
        hits = [c for c in range(extra) if rnd.random() < PLANT_RATE]
        for _ in range(rnd.randint(4, 10)):
            sents: list[str] = []
            for _ in range(rnd.randint(2, 6)):
                k = rnd.randint(8, 32)
                ws = rnd.choices(vocab, cum_weights=cum, k=k)
                if rnd.random() < 0.3:
                    ws.insert(rnd.randint(0, k), f"{rnd.randint(2, 9999):,}")
                sents.append(ws[0].capitalize() + " " + " ".join(ws[1:]) + ".")
            paras.append(" ".join(sents))
        for c in hits:
            words = planted[c]
            count = f"{rnd.randint(2, 9999):,}"
            sentence = f"Officials said {' '.join(words)} reached {count} units."
            where = rnd.randrange(len(paras))
            paras[where] = paras[where] + " " + sentence
        if rnd.random() < 0.01:
            where = rnd.randrange(len(paras))
            paras[where] = paras[where] + " " + rnd.choice(sentences)
        if mode == "archive":  # an event document: it tells some of the event's facts
            for _ in range(arnd.randint(1, 3)):
                where = arnd.randrange(len(paras))
                paras[where] = paras[where] + " " + arnd.choice(sentences)
        title = " ".join(rnd.choices(vocab, cum_weights=cum, k=rnd.randint(4, 9))).title()
        body = "\n\n".join(paras)
        if rnd.random() < 0.2:  # a hard-wrapped transcript
            body = "\n".join(_wrap(body.replace("\n\n", " "), 80))
        day, month = rnd.randint(1, 28), rnd.randrange(12)
        doc = f"{title}\n\nAlmaty, {day} {MONTHS[month]} 2022\n\n{body}\n"
        name = f"doc-{n:06d}.txt"
        (src / name).write_text(doc, encoding="utf-8")
        entries.append(
            f"  - file: {name}\n    id: doc-{n:06d}\n    outlet: Outlet {n % 97}\n"
            f"    published: 2022-{month + 1:02d}-{day:02d}\n"
        )
        size += len(doc.encode())
        n += 1
    manifest_path = src / "sources.yaml"
    if manifest:
        manifest_path.write_text("sources:\n" + "".join(entries), encoding="utf-8")
    elif manifest_path.exists():
        manifest_path.unlink()
    (out / "claims.yaml").write_text(claim_text, encoding="utf-8")
    return {"files": n, "bytes": size, "claims": 29 + extra}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--claims", type=int, default=50)
    ap.add_argument("--no-manifest", action="store_true")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--mode", choices=("event", "archive"), default="event")
    a = ap.parse_args(argv)
    print(generate(a.out, a.mb, a.claims, not a.no_manifest, a.seed, a.mode), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
