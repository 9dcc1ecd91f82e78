"""Grade kzclaims on the blind set in benchmarks/unseen/: cells and verdicts against the gold.

    python benchmarks/claims.py                      # design + validation splits (tuning)
    python benchmarks/claims.py --split test9        # the held-out half: once, before --failures
    python benchmarks/claims.py --split dev --failures   # the wrong cells of the dev half
    python benchmarks/claims.py --json               # one JSON object on stdout

The set is built in three blind passes (benchmarks/unseen/README.md): fact sheets
(``facts.yaml``), reports written from the fact sheets only (``sources/`` and the writer's record
of what each report states, ``stated.yaml``), and claims written from the fact sheets only
(``claims.yaml`` with ``claims-map.yaml``: claim id -> fact id). The gold cell of a claim in a
source is what ``stated.yaml`` records for the claim's fact in that report, or "not stated".

What is counted, per split and per source language (``split`` in each ``facts.yaml``). The
roles of the splits are read from the split table of ``benchmarks/unseen/README.md``
(``split_roles``): a ``test*`` split is the held-out half (never tuned on, measured once); the
last ``spent*`` split is the validation split (figures read at every change, failures never);
the others (``dev``, ``spent`` ...) are design data, whose failures have been read, kept apart so
that their figures stay comparable:

- **stated cells**: cells whose report states the fact;
- **found-recall**: stated cells where kzclaims found a value (any value);
- **value right**: stated cells found with the gold value (numbers numerically, dates exactly);
- **value+qualifier right**: the same and the gold qualifier too;
- **false finds**: cells whose report does not state the fact, yet kzclaims found a value;
- **verdicts right**: the claim's verdict equals the verdict of the gold cells, computed with
  the library's documented interval rules (``kzclaims.compare``): the rules are the contract;
  what is measured is whether the cells read from the texts lead to the right verdict.

Only the design splits may be tuned on. The held-out half is measured once and
its figure reported before its failures are looked at (``--failures`` prints them only when asked,
with a reminder).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kzclaims.claims import load_claims  # noqa: E402
from kzclaims.compare import finding_bounds, verdict  # noqa: E402
from kzclaims.model import Claim, PartialDate, Report, Value  # noqa: E402
from kzclaims.pipeline import compare  # noqa: E402
from kzclaims.sources import load_sources  # noqa: E402

UNSEEN = ROOT / "benchmarks" / "unseen"


@dataclass(frozen=True)
class SplitRoles:
    """The splits of the set by role, in the order of the README's split table."""

    design: tuple[str, ...]
    validation: tuple[str, ...]
    held_out: tuple[str, ...]

    @property
    def tuning(self) -> tuple[str, ...]:
        return (*self.design, *self.validation)

    @property
    def all(self) -> tuple[str, ...]:
        return (*self.design, *self.validation, *self.held_out)


def split_roles(root: Path = UNSEEN) -> SplitRoles:
    """Read the split table of ``root/README.md``: ``test*`` rows are held out, the last
    ``spent*`` row is the validation split, every other row is design data."""
    readme = (root / "README.md").read_text(encoding="utf-8")
    names = re.findall(r"^\| ([a-z]+[0-9]*) +\|", readme, re.M)
    names = [n for n in names if n != "split"]
    held = tuple(n for n in names if n.startswith("test"))
    spent = [n for n in names if n.startswith("spent") and n not in held]
    valid = (spent[-1],) if spent else ()
    design = tuple(n for n in names if n not in held and n not in valid)
    return SplitRoles(design=design, validation=valid, held_out=held)


SPLITS = split_roles()

#: words that make an approximation reach only downward ("almost 20,000" is 18,000-20,000)
_DOWNWARD = ("almost", "nearly", "close to", "just under", "not quite", "почти", "без малого")


@dataclass(frozen=True)
class Event:
    slug: str
    path: Path
    split: str
    claim_fact: dict[str, str]  # claim id -> fact id
    stated: dict[str, dict[str, dict[str, Any]]]  # report id -> fact id -> gold cell


def events(root: Path = UNSEEN) -> list[Event]:
    """Every complete event of the set (all three passes present), in name order."""
    out = []
    for d in sorted(p for p in root.iterdir() if p.is_dir()):
        needed = ("facts.yaml", "claims.yaml", "claims-map.yaml", "stated.yaml", "sources")
        if not all((d / n).exists() for n in needed):
            continue
        facts = yaml.safe_load((d / "facts.yaml").read_text(encoding="utf-8"))
        out.append(
            Event(
                slug=d.name,
                path=d,
                split=str(facts.get("split", "dev")).strip(),
                claim_fact={
                    str(k): str(v)
                    for k, v in yaml.safe_load(
                        (d / "claims-map.yaml").read_text(encoding="utf-8")
                    ).items()
                },
                stated={
                    str(r): {str(f): c for f, c in (cells or {}).items()}
                    for r, cells in yaml.safe_load(
                        (d / "stated.yaml").read_text(encoding="utf-8")
                    ).items()
                },
            )
        )
    return out


def named_events(splits: Iterable[str], root: Path = UNSEEN) -> list[Event]:
    """The events of ``splits``, named by the set's README (its split table), so that no file
    of another split (the held-out half) is opened; each one's ``facts.yaml`` must agree."""
    import re

    readme = (root / "README.md").read_text(encoding="utf-8")
    out = []
    for split in splits:
        row = re.search(rf"^\| {split} +\|([^|\n]+)\|", readme, re.M)
        assert row is not None, split
        for slug in sorted(x.strip() for x in row.group(1).split(",")):
            d = root / slug

            def load(name: str, d: Path = d) -> Any:
                return yaml.safe_load((d / name).read_text(encoding="utf-8"))

            assert str(load("facts.yaml").get("split")).strip() == split, slug
            out.append(Event(
                slug=slug, path=d, split=split,
                claim_fact={str(k): str(v) for k, v in load("claims-map.yaml").items()},
                stated={
                    str(r): {str(f): c for f, c in (cells or {}).items()}
                    for r, cells in load("stated.yaml").items()
                },
            ))
    return sorted(out, key=lambda e: e.slug)


def _iso(x: Any) -> str:
    return x.isoformat() if hasattr(x, "isoformat") else str(x)


def gold_json(kind: str, value: Any) -> Any:
    """The gold value in the report's JSON form (dates as ISO strings, ranges as lists)."""
    if kind == "statement":
        return True
    if kind in ("date", "date_range"):
        return [_iso(v) for v in value] if isinstance(value, list) else _iso(value)
    if isinstance(value, list):
        return [float(v) for v in value]
    return float(value)


def same_value(got: Any, want: Any) -> bool:
    if isinstance(want, bool) or isinstance(got, bool):
        return got is want
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        return abs(float(got) - float(want)) < 1e-9
    if isinstance(want, list) and isinstance(got, list):
        return len(got) == len(want) and all(
            same_value(g, w) for g, w in zip(got, want, strict=True)
        )
    return bool(got == want)


def _gold_bounds(claim: Claim, cell: dict[str, Any]) -> Any:
    """The interval a gold cell stands for, by the library's rules (as if read from the text)."""
    kind = claim.kind
    if kind == "statement":
        return ()
    value = cell["value"]
    text = str(cell.get("text") or "")
    qualifier = str(cell.get("qualifier") or "exact")
    reading: Any
    vague = False
    if kind == "date":
        reading = PartialDate.parse(_iso(value))
        vtype = "date"
    elif kind == "date_range":
        reading = (PartialDate.parse(_iso(value[0])), PartialDate.parse(_iso(value[1])))
        vtype = "date_range"
    else:
        if isinstance(value, list):
            reading = (float(value[0]), float(value[1]))
            vague = qualifier == "approx"
        else:
            reading = float(value)
        vtype = {"percent": "percent", "duration": "duration"}.get(kind, "number")
    low = text.lower()
    qualifier_text = next((w for w in _DOWNWARD if low.startswith(w)), None)
    v = Value(
        type=vtype,  # type: ignore[arg-type]
        start=0,
        end=len(text),
        text=text,
        reading=reading,
        qualifier=qualifier,  # type: ignore[arg-type]
        qualifier_text=qualifier_text,
        vague=vague,
    )
    return finding_bounds(v, kind, claim.tolerance)


@dataclass
class Tally:
    stated: int = 0
    found: int = 0
    value_right: int = 0
    value_qualifier_right: int = 0
    unstated: int = 0
    false_finds: int = 0
    verdicts: int = 0
    verdicts_right: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in (
            "stated",
            "found",
            "value_right",
            "value_qualifier_right",
            "unstated",
            "false_finds",
            "verdicts",
            "verdicts_right",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures.extend(other.failures)

    def figures(self) -> dict[str, Any]:
        def pct(a: int, b: int) -> float | None:
            return round(100.0 * a / b, 1) if b else None

        return {
            "stated_cells": self.stated,
            "found_recall": pct(self.found, self.stated),
            "value_right": pct(self.value_right, self.stated),
            "value_qualifier_right": pct(self.value_qualifier_right, self.stated),
            "unstated_cells": self.unstated,
            "false_finds": self.false_finds,
            "false_find_rate": pct(self.false_finds, self.unstated),
        }

    def verdict_figures(self) -> dict[str, Any]:
        right = round(100.0 * self.verdicts_right / self.verdicts, 1) if self.verdicts else None
        return {"verdicts": self.verdicts, "verdicts_right": right}


def _show(cell: dict[str, Any] | None) -> str:
    if not cell:
        return "not found"
    return f"{json.dumps(cell.get('value'), ensure_ascii=False)} {cell.get('qualifier')}"


#: how the claims are phrased for a run (``--phrasing``): as written, or as a user might write
#: them (the stability check of issue 10)
PHRASINGS = ("as-written", "title", "first", "question", "english", "russian")

_CYRILLIC_LETTERS = re.compile(r"[а-яё]", re.IGNORECASE)
#: how a question opens, per language (a phrasing that opens so, or ends with "?", is a question)
_QUESTION_START = re.compile(
    r"^(?:how|when|what|which|who|where|from when|did|does|do|is|are|was|were|"
    r"сколько|когда|какой|какая|какое|какие|каков|какова|во сколько|на какой|на какую|"
    r"до какого|за сколько|через сколько|с какого|где|кто)\b",
    re.IGNORECASE,
)


def _is_russian(phrase: str) -> bool:
    return bool(_CYRILLIC_LETTERS.search(phrase))


def _is_question(phrase: str) -> bool:
    return phrase.rstrip().endswith("?") or bool(_QUESTION_START.match(phrase.strip()))


def _ask_en(claim: Claim) -> str:
    """A question a user might type for a claim that has none in English, made from its title
    ("Registered voters" -> "how many registered voters?", "Ferry's passenger capacity" ->
    "what was the ferry's passenger capacity?", "Date of the earthquake" -> "when was the
    earthquake?", "Length of the strike" -> "how long was the strike?")."""
    title = claim.title.strip().rstrip("?.")
    low = title[:1].lower() + title[1:] if title[1:2].islower() else title
    m = re.match(r"(?i)(?:the )?(number|size|count|date|length|duration) of (?:the )?(.*)", low)
    head, rest = (m.group(1).lower(), m.group(2)) if m else ("", low)
    if claim.kind in ("date", "date_range"):
        return f"when was the {rest}?" if head else f"when: {low}?"
    if claim.kind == "duration":
        return f"how long was the {rest}?" if head else f"how long: {low}?"
    singular = re.search(r"(?i)'s\b|\b(?:force|contingent|capacity|toll|crowd)\b", rest)
    if claim.kind == "count" and (head in ("number", "count") or not singular):
        return f"how many {rest}?"
    return f"what was the {rest}?"


def _ask_ru(phrase: str, kind: str) -> str:
    """A Russian question made from a noun phrase ("число погибших при наводнении" -> "сколько
    погибших при наводнении?", "дата землетрясения" -> "когда: землетрясения?")."""
    rest = re.sub(r"(?i)^(?:число|количество|численность|дата|сроки|даты)\s+", "", phrase)
    ask = {"count": "сколько", "number": "каков", "percent": "какой процент:",
           "date": "когда:", "date_range": "когда:", "duration": "как долго:"}[kind]
    return f"{ask} {rest}?"


def rephrase(claim: Claim, how: str) -> Claim:
    """The claim phrased as a user writing one line per claim and language might: ``title`` (the
    title as the English phrasing; Russian: the first Russian phrasing that is not a question,
    the title-like noun phrase, since titles are English), ``first`` (the first phrasing of each
    script: Latin, Cyrillic), ``question`` (per script, the claim's own question phrasing when
    it has one, written by the blind claims writer; else one made from the title or the Russian
    noun phrase by a template per kind; a statement is not asked as a question: it keeps its
    first phrasing per script), ``english`` / ``russian`` (only its phrasings in Latin /
    Cyrillic script: a claims file written in one language, titles included: the set's titles
    are English, so ``russian`` gives a claim its first Russian phrasing as its title; a claim
    with no phrasing in the language keeps its own)."""
    if how == "as-written":
        return claim
    if how in ("english", "russian"):
        cyrillic = how == "russian"
        kept = tuple(
            p for p in claim.find if any("а" <= ch.lower() <= "я" for ch in p) == cyrillic
        )
        if not kept:
            return claim
        return replace(claim, find=kept, title=kept[0] if cyrillic else claim.title)
    ru = [p for p in claim.find if _is_russian(p)]
    en = [p for p in claim.find if not _is_russian(p)]
    if how == "first":
        return replace(claim, find=tuple([*en[:1], *ru[:1]]))
    if how == "title":
        ru_title = next((p for p in ru if not _is_question(p)), ru[0] if ru else None)
        return replace(claim, find=tuple([claim.title, *([ru_title] if ru_title else [])]))
    if claim.kind == "statement":
        return replace(claim, find=tuple([*en[:1], *ru[:1]]))
    en_q = next((p for p in en if _is_question(p)), None) or _ask_en(claim)
    ru_q = next((p for p in ru if _is_question(p)), None)
    if ru_q is None and ru:
        ru_q = _ask_ru(ru[0], claim.kind)
    return replace(claim, find=tuple([en_q, *([ru_q] if ru_q else [])]))


#: the phrasing of the current run (set by ``--phrasing``)
PHRASING = "as-written"


#: ``--embeddings COSINE``: a measured alternative, not the library's behaviour (the cosine, or
#: None: off)
EMBEDDINGS: float | None = None


def _with_embeddings(claims: Sequence[Claim], corpus: Any, cosine: float) -> Any:
    """Benchmark-only (docs/benchmarks.md, "Phrasing stability"): wordllama's static word
    embeddings as paraphrase. Every English phrasing word and every English word of the event's
    sources whose vectors' cosine reaches ``cosine`` become synonyms (kzclaims.match.SYNONYMS,
    which the index, the gate and the scorer all read) for this event. Returns a function that
    restores the table. Needs ``pip install wordllama`` (its weights are in its wheel)."""
    import numpy as np
    import wordllama
    from wordllama import WordLlama

    import kzclaims.joint as joint
    import kzclaims.match as match
    from kzclaims.lang import language_of_phrase

    def english(words: Iterable[str]) -> set[str]:
        return {w for w in words if w.isascii() and w.isalpha() and not match.is_weak(w)}

    vocab = sorted(english(
        w for src in corpus.sources if src.language == "en" for w in match.tokens(src.text)
    ))
    asked = sorted(english(
        w for c in claims for p in (*c.find, c.title) if language_of_phrase(p) == "en"
        for w in match.tokens(p)
    ))
    saved = dict(match.SYNONYMS)

    def forget() -> None:
        joint._SIMS.clear()
        joint.forget_passages()
        match._PHRASES.clear()

    if vocab and asked:
        wl = WordLlama.load(cache_dir=Path(wordllama.__file__).parent)
        near = wl.embed(asked, norm=True) @ wl.embed(vocab, norm=True).T
        for i, q in enumerate(asked):
            for j in np.nonzero(near[i] >= cosine)[0].tolist():
                v = vocab[j]
                if v != q:
                    match.SYNONYMS[q] = match.SYNONYMS.get(q, frozenset()) | {v}
                    match.SYNONYMS[v] = match.SYNONYMS.get(v, frozenset()) | {q}
    forget()

    def restore() -> None:
        match.SYNONYMS.clear()
        match.SYNONYMS.update(saved)
        forget()

    return restore


def grade_event(event: Event, phrasing: str | None = None) -> tuple[dict[str, Tally], Tally]:
    """(tallies of cells by source language, tally of verdicts) for one event."""
    claimset = load_claims(event.path / "claims.yaml")
    how = phrasing or PHRASING
    if how != "as-written":
        claimset = replace(claimset, claims=tuple(rephrase(c, how) for c in claimset.claims))
    corpus = load_sources(event.path / "sources")
    restore = (
        _with_embeddings(claimset.claims, corpus, EMBEDDINGS) if EMBEDDINGS is not None else None
    )
    try:
        report: Report = compare(claimset, corpus)
    finally:
        if restore is not None:
            restore()
    language = {s.id: s.language for s in corpus.sources}
    claims = {c.id: c for c in claimset.claims}
    by_lang: dict[str, Tally] = {}
    verdicts = Tally()
    for result in report.claims:
        claim = claims[result.id]
        fact = event.claim_fact.get(result.id)
        gold_cells = []
        for f in result.findings:
            t = by_lang.setdefault(language.get(f.source, "en"), Tally())
            want = event.stated.get(f.source, {}).get(fact) if fact else None
            got = f if f.found else None
            where = f"{event.slug}/{result.id}/{f.source}"
            if want is None:
                t.unstated += 1
                if got is not None:
                    t.false_finds += 1
                    t.failures.append(
                        f"{where}: FALSE FIND {_show(got.__dict__)} from {got.quote!r}"
                    )
                continue
            t.stated += 1
            gold = gold_json(claim.kind, want["value"])
            gold_cells.append((gold, str(want.get("qualifier") or "exact"), want))
            if got is None:
                t.failures.append(
                    f"{where}: MISSED {_show({**want, 'value': gold})} ({want.get('text')!r})"
                )
                continue
            t.found += 1
            if same_value(got.value, gold):
                t.value_right += 1
                if claim.kind == "statement" or got.qualifier == want.get("qualifier", "exact"):
                    t.value_qualifier_right += 1
                    continue
            t.failures.append(
                f"{where}: WRONG got {_show(got.__dict__)} from {got.text!r}, "
                f"want {_show({**want, 'value': gold})} ({want.get('text')!r})"
            )
        want_verdict = verdict(
            [(g, q, _gold_bounds(claim, w)) for g, q, w in gold_cells]  # type: ignore[misc]
        )
        verdicts.verdicts += 1
        if result.verdict == want_verdict:
            verdicts.verdicts_right += 1
        else:
            verdicts.failures.append(
                f"{event.slug}/{result.id}: VERDICT {result.verdict}, want {want_verdict}"
            )
    return by_lang, verdicts


def run(
    splits: Iterable[str], root: Path = UNSEEN, phrasing: str | None = None
) -> dict[str, dict[str, Tally]]:
    """{split: {"en"/"ru"/...: cells, "all": cells, "verdicts": verdicts}}."""
    out: dict[str, dict[str, Tally]] = {}
    # the events are named by the set's README (its split table), so that no file of another
    # split is opened; a set without one (a test's) is listed whole
    wanted = set(splits)
    listed = (
        named_events(sorted(wanted), root)
        if (root / "README.md").is_file()
        else [e for e in events(root) if e.split in wanted]
    )
    for event in listed:
        by_lang, verdicts = grade_event(event, phrasing)
        half = out.setdefault(event.split, {})
        for lang, t in by_lang.items():
            half.setdefault(lang, Tally()).add(t)
            half.setdefault("all", Tally()).add(t)
        half.setdefault("verdicts", Tally()).add(verdicts)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--split",
        choices=[*SPLITS.all, "all", "tuning"],
        default="tuning",
        help=f"tuning = the design splits + the validation split {', '.join(SPLITS.validation)} "
        f"(the default; the held-out {', '.join(SPLITS.held_out) or 'half'} only when asked)",
    )
    ap.add_argument("--failures", action="store_true", help="list the wrong cells and verdicts")
    ap.add_argument(
        "--phrasing", choices=[*PHRASINGS, "all"], default="as-written",
        help="phrase each claim as a user might: its title only, its first phrasing per "
        "script, a question, or only its English / Russian phrasings (a claims file in one "
        "language) (stability check; default: as written); all: one line of value right per "
        "phrasing, split and language",
    )
    ap.add_argument(
        "--embeddings", type=float, metavar="COSINE", default=None,
        help="a measured alternative: wordllama word embeddings as paraphrase, English words "
        "whose cosine reaches COSINE count as synonyms (needs wordllama; not the library's "
        "behaviour)",
    )
    ap.add_argument("--json", action="store_true", help="one JSON object on stdout")
    ap.add_argument("--root", type=Path, default=UNSEEN, help="the set (default: %(default)s)")
    args = ap.parse_args()
    global PHRASING, EMBEDDINGS
    PHRASING = args.phrasing
    EMBEDDINGS = args.embeddings
    splits = {"all": list(SPLITS.all), "tuning": list(SPLITS.tuning)}.get(
        args.split, [args.split]
    )
    if args.phrasing == "all":
        stability(splits, args.root, args.json)
        return
    results = run(splits, args.root)
    if args.json:
        print(
            json.dumps(
                {
                    split: {
                        k: (t.figures() if k != "verdicts" else t.verdict_figures())
                        for k, t in sorted(half.items())
                    }
                    for split, half in sorted(results.items())
                },
                indent=2,
                sort_keys=True,
            )
        )
    else:
        head = (
            f"{'half':6} {'lang':4} {'stated':>6} {'found':>6} {'value':>6} {'val+q':>6} "
            f"{'false':>10} {'verdicts':>12}"
        )
        print(head)
        for split in splits:
            half = results.get(split, {})
            v = half.get("verdicts", Tally()).verdict_figures()
            for lang in [*sorted(k for k in half if k not in ("verdicts", "all")), "all"]:
                if lang not in half:
                    continue
                f = half[lang].figures()
                verd = f"{v['verdicts_right']}% of {v['verdicts']}" if lang == "all" else ""
                print(
                    f"{split:6} {lang:4} {f['stated_cells']:6} {f['found_recall']!s:>6} "
                    f"{f['value_right']!s:>6} {f['value_qualifier_right']!s:>6} "
                    f"{f['false_finds']:4} of {f['unstated_cells']:<3} {verd:>12}"
                )
        print(
            "(percentages of stated cells; false finds: cells whose report does not state the fact)"
        )
    if args.failures:
        if set(SPLITS.held_out) & set(splits):
            print(
                "\nReminder: report the held-out half's figure before reading its failures; never "
                "add a rule because one test item failed.",
                file=sys.stderr,
            )
        for split in splits:
            for key, t in sorted(results.get(split, {}).items()):
                if key == "all":
                    continue
                for line in t.failures:
                    print(f"[{split}] {line}")


def stability(splits: Sequence[str], root: Path, as_json: bool = False) -> None:
    """Value right (and false finds) of each phrasing mode, per split and language: the
    stability check of issue 10 in one table."""
    table: dict[str, dict[str, dict[str, Any]]] = {}
    for how in PHRASINGS:
        results = run(splits, root, how)
        table[how] = {
            split: {
                k: (t.figures() if k != "verdicts" else t.verdict_figures())
                for k, t in sorted(results.get(split, {}).items())
            }
            for split in splits
        }
    if as_json:
        print(json.dumps(table, indent=2, sort_keys=True))
        return
    cols = [(s, lang) for s in splits for lang in ("en", "ru")]
    print(f"{'phrasing':11}" + "".join(f"{s + ' ' + lang:>12}" for s, lang in cols)
          + f"{'false':>7}" + "".join(f"{'verd ' + s:>13}" for s in splits))
    for how, by_split in table.items():
        cells = "".join(
            f"{by_split[s].get(lang, {}).get('value_right')!s:>12}" for s, lang in cols
        )
        false = sum(by_split[s].get("all", {}).get("false_finds", 0) for s in splits)
        verd = "".join(
            f"{by_split[s].get('verdicts', {}).get('verdicts_right')!s:>13}" for s in splits
        )
        print(f"{how:11}{cells}{false:>7}{verd}")
    print("(value right, percent of stated cells; false finds over the splits)")


if __name__ == "__main__":
    main()
