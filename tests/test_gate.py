"""The document gate loses nothing: compare with the gate on and off gives the same findings.

The gate (``kzclaims.pipeline.may_be_found`` over ``kzclaims.match.KeyFilter``) skips a claim in
a document when the ceiling of its joint score, computed from the document's words alone, is
below the claim's threshold (``score_ceiling``, ``joint.local_ceiling``), first over the whole
document, then over each passage and the windows read after it (``may_be_found_in_window``,
``may_be_anchored``, ``KeyFilter._in_windows``). Whoever changes the
joint score, the local score or the fit must keep that ceiling an upper bound: this test runs
every corpus we have with the gate off (every claim searched in every document: brute force)
and on, and asserts identical results.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kzclaims.claims import load_claims
from kzclaims.model import ClaimResult
from kzclaims.pipeline import ShardSearch, assemble
from kzclaims.sources import load_sources

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
UNSEEN = ROOT / "benchmarks" / "unseen"

CORPORA = [
    ROOT,
    *(p for p in sorted(FIXTURES.iterdir()) if (p / "sources").is_dir()),
    # an event of the blind set is a corpus once its claims have landed too (it is written in passes)
    *(
        p
        for p in sorted(UNSEEN.iterdir())
        if (p / "sources").is_dir() and (p / "claims.yaml").is_file()
    ),
]


def _run(
    folder: Path, gate: bool, threshold: float | None = None
) -> tuple[list[ClaimResult], int]:
    claimset = load_claims(folder / "claims.yaml")
    corpus = load_sources(folder / "sources")
    state = ShardSearch(claimset.claims, threshold, gate=gate)
    outcomes = state.search(corpus.sources)
    wanted = state.keys.claims_for(
        [s.text for s in corpus.sources], [s.language for s in corpus.sources]
    )
    skipped = len(claimset.claims) * len(corpus.sources) - sum(len(w) for w in wanted)
    RIVALS[folder.name, gate, threshold] = [o.rivals for o in outcomes]
    return assemble(claimset.claims, outcomes), skipped


#: the other values each source gives (kzclaims.pipeline.Rival), for the agreement across
#: sources: the gate must not change them either
RIVALS: dict[tuple[str, bool, float | None], list[object]] = {}


SKIPPED: dict[str, int] = {}


@pytest.mark.parametrize("folder", CORPORA, ids=lambda p: p.name)
def test_gate_on_and_off_give_the_same_findings(folder: Path) -> None:
    on, skipped = _run(folder, gate=True)
    off, _ = _run(folder, gate=False)
    assert [r.id for r in on] == [r.id for r in off]
    for a, b in zip(on, off, strict=True):
        assert a == b, a.id
    assert RIVALS[folder.name, True, None] == RIVALS[folder.name, False, None]
    SKIPPED[folder.name] = skipped


@pytest.mark.parametrize("threshold", [40.0, 60.0, 90.0])
def test_gate_is_lossless_at_other_thresholds(threshold: float) -> None:
    for folder in (ROOT,):
        on, _ = _run(folder, gate=True, threshold=threshold)
        off, _ = _run(folder, gate=False, threshold=threshold)
        assert on == off, (folder.name, threshold)
        assert RIVALS[folder.name, True, threshold] == RIVALS[folder.name, False, threshold]


def test_the_gate_does_skip_claims_in_documents() -> None:
    """Not a vacuous gate: in the bundled corpus some claims are skipped in some sources."""
    _, skipped = _run(ROOT, gate=True)
    assert skipped > 0


# A corpus where a claim is found only through a window (the value in the sentence after the
# passage, its unit there too) or a sentence found by its unit (no word of the claim in it): a
# window gate that forgot the sentences found by their unit loses a cell. (One that judged a
# passage by its own sentences only is not caught here: the pair of the passage and the next
# sentence holds the unit too.)
WINDOW_CLAIMS = """version: 1
claims:
  - id: flood-dead
    title: Flood deaths in Riverton
    kind: count
    unit: people
    find:
      - the Riverton flood claimed lives of residents
  - id: flood-homes
    title: Flood damage on Riverton farms
    kind: count
    unit: homes
    find:
      - the Riverton flood destroyed houses and barns on farms
"""
WINDOW_TEXTS = (
    "It was the worst of the Riverton flood. 41 people were counted.\n",
    "Officials said the Riverton flood was severe. Engineers inspected the damage. "
    "The weather stayed calm. Schools will reopen next week.\n\n"
    "The insurers counted 230 homes in the valley.\n",
    "Filler text about markets and prices. Nothing to see here at all. Riverton held a festival.\n",
)


def test_gate_keeps_windows_and_sentences_found_by_their_unit() -> None:
    from kzclaims.claims import parse_claims
    from kzclaims.model import Source

    claimset = parse_claims(WINDOW_CLAIMS, "claims.yaml")
    sources = [
        Source(id=f"s{k}", file=f"s{k}.txt", text=t) for k, t in enumerate(WINDOW_TEXTS)
    ]
    results = {}
    for gate in (True, False):
        state = ShardSearch(claimset.claims, None, gate=gate)
        results[gate] = assemble(claimset.claims, state.search(sources))
    assert results[True] == results[False]
    dead, homes = results[True]
    assert dead.findings[0].found and "1 sentence after" in (dead.findings[0].why or "")
    assert homes.findings[1].found and "found by the unit" in (homes.findings[1].why or "")
    # and the gate does its work: the filler source is not read for either claim
    state = ShardSearch(claimset.claims, None)
    assert state.keys.claims_for([s.text for s in sources])[2] == set()


def test_gate_keeps_a_pair_that_only_the_second_sentences_stop_words_lift() -> None:
    """A pair of sentences beats both when the second adds only stop words of the phrasing
    ("the", "in"): relevance 30 here, the floor, while the first sentence alone scores 25 (a
    scale-corpus document the window gate once lost)."""
    from kzclaims.claims import parse_claims
    from kzclaims.model import Source

    claimset = parse_claims(
        "version: 1\nclaims:\n  - id: riot-dead\n    title: Deaths in the riots\n"
        "    kind: count\n    unit: people\n    find:\n"
        "      - people were killed during the riots in total\n",
        "claims.yaml",
    )
    text = (
        "Zepohobeji neviku out rozate as car average one people ounce inufuz tyjet and just not. "
        "Real to is to ikidege quarter that it at minutes the fihegecula promoting in giant "
        "youth.\n"
    )
    sources = [Source(id="s0", file="s0.txt", text=text)]
    results = {}
    for gate in (True, False):
        state = ShardSearch(claimset.claims, None, gate=gate)
        results[gate] = assemble(claimset.claims, state.search(sources))
    assert results[True] == results[False]
    assert results[True][0].findings[0].found and results[True][0].findings[0].value == 1


def test_a_few_documents_are_searched_without_the_gate() -> None:
    """By default (``gate=None``) a shard of at most ``GATE_FROM`` (document, claim) pairs is
    searched without the gate (it costs more than it saves there), a larger one through it;
    the findings are the gate's either way (the tests above)."""
    from kzclaims.claims import parse_claims
    from kzclaims.model import Source
    from kzclaims.pipeline import GATE_FROM

    claimset = parse_claims(WINDOW_CLAIMS, "claims.yaml")
    sources = [
        Source(id=f"s{k}", file=f"s{k}.txt", text=t) for k, t in enumerate(WINDOW_TEXTS)
    ]
    state = ShardSearch(claimset.claims, None)
    assert not state.gated(len(sources))
    assert state.gated(GATE_FROM // len(claimset.claims) + 1)
    assert ShardSearch(claimset.claims, None, gate=True).gated(1)
    assert not ShardSearch(claimset.claims, None, gate=False).gated(10**6)
    results = assemble(claimset.claims, state.search(sources))
    assert state._keys is None  # the gate was not even built
    gated = ShardSearch(claimset.claims, None, gate=True)
    assert results == assemble(claimset.claims, gated.search(sources))
    assert gated._keys is not None


def test_gate_keeps_a_unit_written_as_its_abbreviation() -> None:
    """ "12,480 ha" counts a claim's hectares (choose.unit_matches); the gate does not look
    for the abbreviation, so it must not rule the unit out (QA8 S5)."""
    from kzclaims.claims import parse_claims
    from kzclaims.model import Source

    claimset = parse_claims(
        "version: 1\nclaims:\n  - id: area\n    title: Area burned\n    kind: number\n"
        "    find: [area burned by the wildfire]\n    unit: [hectares]\n",
        "claims.yaml",
    )
    sources = [
        Source(id="wire", file="wire.txt", text=(
            "The wildfire in the hills burned 12,480 ha of forest by Sunday, officials said. "
            "Some 300 firefighters were deployed."
        )),
        Source(id="filler", file="filler.txt", text="Markets were calm on Monday. " * 5),
    ]
    results = {}
    for gate in (True, False):
        state = ShardSearch(claimset.claims, None, gate=gate)
        results[gate] = assemble(claimset.claims, state.search(sources))
    assert results[True] == results[False]
    (area,) = results[True]
    assert area.findings[0].found and area.findings[0].value == 12480
    assert "counts 'ha'" in (area.findings[0].why or "")


def test_a_window_whose_values_cannot_reach_the_limit_gives_no_pair_that_does() -> None:
    """``pipeline._values_may_reach`` (a window's values read, their best fit known) is an
    upper bound too: wherever a value of a window scores ``limit`` jointly, it says the window
    may reach it; and it does rule windows out (else it would cost and buy nothing)."""
    from kzclaims import pipeline as pl
    from kzclaims.joint import claim_phrases

    claimset = load_claims(ROOT / "claims.yaml")
    corpus = load_sources(ROOT / "sources")
    indexed = pl._Indexed(corpus.sources)
    ids = [s.id for s in corpus.sources]
    reached = ruled_out = 0
    for claim in claimset.claims:
        if claim.kind == "statement":
            continue
        phrases = claim_phrases(claim, pl.phrasings(claim))
        found = indexed.search(claim, pl.search_floor(30.0), pl.PASSAGES_READ, ids)
        for source in corpus.sources:
            stats = indexed.stats(source.id)
            for m in found.get(source.id, ()):
                choice = pl._window_choice(
                    claim, m, 0, source, indexed.conventions[source.id]
                )
                if choice is None:
                    continue
                best = max(
                    js.joint for js in pl.joint_candidates(claim, m, choice, phrases, stats)
                )
                for limit in (35.0, 45.0, 55.0, 65.0, 75.0, 85.0):
                    local = pl._window_reach(claim, m, phrases, stats, indexed, limit)
                    if local is None:
                        assert best < limit, (claim.id, m.text)
                        continue
                    if pl._values_may_reach(choice, m, local, limit):
                        reached += best >= limit
                    else:
                        assert best < limit, (claim.id, m.text, limit)
                        ruled_out += 1
    assert reached > 20 and ruled_out > 20, (reached, ruled_out)
