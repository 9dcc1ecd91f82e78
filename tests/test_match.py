"""Locating claims in sources (kzclaims.match)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from kzclaims.match import (
    _TOKEN,
    CorpusIndex,
    KeyFilter,
    Lexicon,
    SourceIndex,
    _norm,
    _token_spans,
    _tokens_many,
    brute_force_search,
    score_passage,
    tokens,
)
from kzclaims.model import Claim, Match, Sentence, Source
from kzclaims.text import split_sentences

SEEDS = Path("/work/shared/seeds")
SOURCES = Path(__file__).resolve().parent.parent / "sources"
FILES = {
    "tdi": ("000", "tdi-2022-01-12-majilis-address.txt"),
    "akorda": ("001", "akorda-2022-01-06-security-council.txt"),
    "transcript": ("002", "address-2022-01-07-transcript.txt"),
    "embassy": ("003", "embassy-2022-01-11-interview.txt"),
    "tv": ("004", "tv-2022-01-07-address-report.txt"),
}


def _read(sid: str) -> str | None:
    prefix, bundled = FILES[sid]
    found = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.exists() else []
    if found:
        return found[0].read_text(encoding="utf-8")
    if (SOURCES / bundled).exists():
        return (SOURCES / bundled).read_text(encoding="utf-8")
    return None


@pytest.fixture(scope="module")
def corpus() -> dict[str, tuple[Sentence, ...]]:
    out = {}
    for sid in FILES:
        text = _read(sid)
        if text is None:
            pytest.skip("seed texts not available")
        out[sid] = split_sentences(text)
    return out


@pytest.fixture(scope="module")
def indexes(corpus: dict[str, tuple[Sentence, ...]]) -> dict[str, SourceIndex]:
    lex = Lexicon()
    return {sid: SourceIndex(sid, sents, lex) for sid, sents in corpus.items()}


def sentences(*texts: str) -> tuple[Sentence, ...]:
    return tuple(Sentence(i, t, i + 1) for i, t in enumerate(texts))


# ------------------------------------------------------------------------------------------------
# Words and scores
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Almaty's airport, Kassym-Jomart; 2,030 troops (1.6%) d’etat",
        "1,000km 2,030.5 1.5,3 07.01.2022, 15:23 a1,2 x_y's_z",
        "İstanbul’s ISTANBUL’S Straße the states’ rights we’re 'tis 90's rock'n'roll",
        "",
        "’’ ,, .. 's",
    ],
)
def test_fast_tokens_equal_the_reference_tokenization(text: str) -> None:
    # tokens() normalizes the whole text with regular expressions; spans in Match come from
    # the words as written: both must agree word for word.
    assert tokens(text) == [_norm(t) for t in _TOKEN.findall(text)]
    assert len(tokens(text)) == len(_token_spans(text))
    assert _tokens_many([text, text]) == [tokens(text), tokens(text)]


def test_seed_tokens_equal_the_reference(corpus: dict[str, tuple[Sentence, ...]]) -> None:
    for sents in corpus.values():
        texts = [s.text for s in sents]
        assert _tokens_many(texts) == [[_norm(t) for t in _TOKEN.findall(x)] for x in texts]


def test_tokens_normalize_case_punctuation_possessives_and_numbers() -> None:
    assert tokens("Almaty's airport, Kassym-Jomart; 2,030 troops (1.6%) d’etat") == [
        "almaty", "airport", "kassym", "jomart", "2030", "troops", "1.6", "detat",
    ]


@pytest.mark.parametrize(
    ("phrasing", "text"),
    [
        ("plenary session of the Majilis", "at the plenary session of the Mazhilis, on Jan 11"),
        ("Kassym-Jomart Tokayev", "President Kassym Jomart Tokayev said"),
        ("bandits attacked Almaty", "Almaty's streets were attacked by bandits."),
        ("CSTO troop", "The CSTO troops left."),
        ("five aircraft", "about five aircrafts, including foreign ones"),
        ("OPEN FIRE, without warning!", "to open fire without warning."),
    ],
)
def test_variants_match(phrasing: str, text: str) -> None:
    assert score_passage(phrasing, text) >= 85


def test_exact_words_score_100_and_unrelated_words_0() -> None:
    assert score_passage("units of military equipment", "250 units of military equipment.") == 100
    assert score_passage("units of military equipment", "The weather was fine.") == 0
    assert score_passage("", "anything") == 0
    assert score_passage("...", "anything") == 0


def test_numbers_weigh_little() -> None:
    # "20 thousand" and "20,000" are the value sources state differently, not the claim.
    assert score_passage("20 thousand bandits attacked Almaty",
                         "Almaty alone was attacked by 20,000 bandits.") >= 80


def test_scattered_words_score_lower_than_close_ones() -> None:
    close = "Kazakhstan announced a state of emergency to ensure public safety."
    far = (
        "Head of the State Security Service, Acting Deputy Prime Minister - Foreign Minister, "
        "Acting Defense Minister, Acting Internal Affairs Minister, and Acting Minister of "
        "Emergency Situations."
    )
    assert score_passage("state of emergency", close) == 100
    assert score_passage("state of emergency", far) < 75


def test_missing_content_words_cost_more_than_missing_stop_words() -> None:
    text = "The withdrawal of military forces will last for 10 days."
    assert score_passage("withdrawal will last days", text) == 100
    assert score_passage("withdrawal will finish days", text) < 80
    assert score_passage("withdrawal shall last days", text) > score_passage(
        "withdrawal will finish days", text
    )


# ------------------------------------------------------------------------------------------------
# Passages: sentences and pairs
# ------------------------------------------------------------------------------------------------

PAIR = sentences(
    "President Tokayev said that a gradual withdrawal of the CSTO (Collective Security Treaty "
    "Organization) peacekeeping forces will start in two days.",
    "The mission consists of 2,030 troops and 250 units of military equipment.",
    "The withdrawal of military forces will last for 10 days.",
)


def test_a_pair_wins_when_the_value_is_in_the_next_sentence() -> None:
    ms = SourceIndex("tdi", PAIR).search(["CSTO mission consists of troops"], 75)
    assert (ms[0].first_sentence, ms[0].last_sentence) == (0, 1)
    assert ms[0].text == PAIR[0].text + " " + PAIR[1].text
    assert ms[0].line == 1
    words = [ms[0].text[a:b] for a, b in ms[0].spans]
    assert words == ["CSTO", "mission", "consists", "of", "troops"]
    # The second sentence alone is found too, lower.
    assert (ms[1].first_sentence, ms[1].last_sentence) == (1, 1)
    assert ms[1].score < ms[0].score


def test_a_pair_does_not_win_by_holding_more_words() -> None:
    ms = SourceIndex("tdi", PAIR).search(["units of military equipment"], 50, limit=10)
    assert (ms[0].first_sentence, ms[0].last_sentence) == (1, 1)
    assert all(m.first_sentence == m.last_sentence for m in ms)
    ss = sentences(
        "The mission consists of troops from five states.",
        "The mission consists of 2,030 troops and more troops of the mission.",
    )
    ms = SourceIndex("x", ss).search(["mission consists of troops"], 0, limit=10)
    assert all(m.first_sentence == m.last_sentence for m in ms)


def test_pairs_can_be_turned_off() -> None:
    ms = SourceIndex("tdi", PAIR).search(["CSTO mission consists of troops"], 70, pairs=False)
    assert all(m.first_sentence == m.last_sentence for m in ms)


def test_spans_point_at_the_matched_words() -> None:
    ms = SourceIndex("tdi", PAIR).search(["withdrawal will last days"], 75)
    m = ms[0]
    assert m.first_sentence == 2
    assert [m.text[a:b] for a, b in m.spans] == ["withdrawal", "will", "last", "days"]


def test_results_are_ranked_limited_and_deterministic() -> None:
    ix = SourceIndex("tdi", PAIR)
    ms = ix.search(["withdrawal", "military forces"], 0, limit=10)
    assert [m.score for m in ms] == sorted((m.score for m in ms), reverse=True)
    assert len({(m.first_sentence, m.last_sentence) for m in ms}) == len(ms)
    assert ix.search(["withdrawal", "military forces"], 0, limit=2) == ms[:2]
    assert ix.search(["withdrawal", "military forces"], 0, limit=10) == ms
    assert ix.search([], 75) == []
    assert ix.search(["", "  ", "!!"], 0) == []


def test_near_misses_below_the_threshold() -> None:
    ix = SourceIndex("tdi", PAIR)
    assert ix.search(["withdrawal will finish in two weeks"], 75) == []
    near = ix.nearest(["withdrawal will finish in two weeks"], limit=2)
    assert len(near) == 2
    assert all(0 < m.score < 75 for m in near)


def test_search_claim_uses_find_and_threshold() -> None:
    claim = Claim("t", "T", "count", ("CSTO mission consists of troops",), threshold=95)
    assert SourceIndex("tdi", PAIR).search_claim(claim) == []
    claim = Claim("t", "T", "count", ("CSTO mission consists of troops",), threshold=80)
    assert SourceIndex("tdi", PAIR).search_claim(claim)[0].last_sentence == 1


def test_from_source_and_empty_sources() -> None:
    src = Source("s", "s.txt", "Line one.\n\nThe mission consists of 2,030 troops.\n")
    ms = SourceIndex.from_source(src).search(["mission consists of troops"], 75)
    assert [(m.source, m.line, m.text) for m in ms] == [
        ("s", 3, "The mission consists of 2,030 troops.")
    ]
    assert SourceIndex("e", ()).search(["anything at all"], 0) == []
    assert SourceIndex.from_source(Source("e", "e.txt", "")).search(["x y"], 0) == []


# ------------------------------------------------------------------------------------------------
# The bundled corpus: realistic phrasings find the right sentences, and nothing spurious
# ------------------------------------------------------------------------------------------------

# phrasing -> {source: index of the first sentence of the best passage (a pair may start one
# earlier)}; every other source must have no passage >= 75.
REALISTIC: list[tuple[str, dict[str, set[int]]]] = [
    ("CSTO mission consists of troops", {"tdi": {6, 7}}),
    ("units of military equipment", {"tdi": {7}}),
    ("bandits attacked Almaty", {"transcript": {50}, "tv": {21}, "akorda": {25}}),
    # the embassy says it with other words: "a phased withdrawal of the CSTO contingent will commence"
    ("withdrawal of CSTO peacekeeping forces will start", {"tdi": {6}, "embassy": {45, 46}}),
    ("withdrawal will last days", {"tdi": {8}, "embassy": {46}}),  # "which will take ... days"
    ("plenary session of the Majilis", {"tdi": {0, 1, 2}}),
    ("announce in the Mazhilis", {"tv": {24}}),
    ("state of emergency from", {"tdi": {5}, "transcript": {5, 73}}),
    ("day of nation-wide mourning", {"embassy": {26}}),
    ("inflation target corridor percent", {"tdi": {20}}),
    ("seizure of the Almaty airport aircraft", {"embassy": {9}, "akorda": {23}}),
    ("open fire without warning", {"transcript": {8}}),
    ("Collective Security Council decided to send peacekeeping forces", {"embassy": {32}}),
    ("appealed to the heads of the CSTO states",
     {"akorda": {17}, "transcript": {15}, "tv": {12}, "embassy": {31, 32}}),
    ("quota in party lists for women and youth", {"embassy": {59}}),
    ("government action program within weeks", {"tdi": {27}}),
    ("about 90 states have signed", {"embassy": {89}}),
    ("hundreds of civilians and military personnel", {"transcript": {28}}),
    ("Dozens of people died", {"embassy": {24}}),
    ("plenary session of the Mazhilis", {"tdi": {0, 1, 2}}),
    ("Kassym Jomart Tokayev declared a day of nationwide mourning", {"embassy": {26}}),
    ("Almaty airport and five aircraft seized", {"akorda": {23, 24}, "embassy": {9}}),
    # Claims the corpus does not make.
    ("Kyrgyz unit of the CSTO peacekeeping forces", {}),
    ("Kyrgyzstan sent troops to the CSTO mission", {}),
    ("Russian paratroopers landed in Almaty", {}),
    ("death toll rose to 225 people", {}),
    ("internet was shut down for five days", {}),
    ("Tokayev dismissed the government of Askar Mamin", {}),
]


@pytest.mark.parametrize(("phrasing", "expected"), REALISTIC, ids=[r[0] for r in REALISTIC])
def test_realistic_phrasings(
    indexes: dict[str, SourceIndex], phrasing: str, expected: dict[str, set[int]],
) -> None:
    for sid, ix in indexes.items():
        ms = ix.search([phrasing], 75)
        if sid in expected:
            assert ms, f"{phrasing!r} not found in {sid}"
            assert ms[0].first_sentence in expected[sid], (sid, ms[0])
        else:
            assert ms == [], f"{phrasing!r} matched {sid}: {ms[0].text!r} ({ms[0].score})"


def test_known_values_and_lines(indexes: dict[str, SourceIndex]) -> None:
    m = indexes["transcript"].search(["bandits attacked Almaty"], 75)[0]
    assert (m.text, m.line, m.score) == ("Almost 20 thousand bandits attacked Almaty.", 165, 100)
    m = indexes["tv"].search(["announce in the Majilis"], 75)[0]
    assert m.line == 19 and "announce in the Mazhilis on January 11" in m.text
    m = indexes["embassy"].search(["quota in party lists for women and youth"], 75)[0]
    assert m.line == 47 and "30 percent quota" in m.text


def test_explain_shows_the_nearest_miss(indexes: dict[str, SourceIndex]) -> None:
    # The transcript says "discuss in the Mazhilis", not "announce".
    assert indexes["transcript"].search(["announce in the Mazhilis"], 75) == []
    near = indexes["transcript"].nearest(["announce in the Mazhilis"], limit=3)
    assert near and near[0].first_sentence == 65 and near[0].score < 75


# ------------------------------------------------------------------------------------------------
# The prefilter loses nothing brute force finds
# ------------------------------------------------------------------------------------------------

PHRASINGS = [r[0] for r in REALISTIC] + [
    "the", "will be", "of the CSTO", "President", "Tokayev said", "Almaty", "10 days",
    "2,030", "January 11", "Mazhilis Majilis Majlis", "terrorist attacks Almaty regions",
    "Kassym-Jomart Tokayev", "law enforcement agencies and the army", "airborne units",
    "peacekeepers stay in the country", "attack", "stabilized situation",
]


@pytest.mark.parametrize("threshold", [0.0, 40.0, 60.0, 75.0, 90.0, 100.0])
def test_index_equals_brute_force_on_the_corpus(
    corpus: dict[str, tuple[Sentence, ...]], indexes: dict[str, SourceIndex], threshold: float,
) -> None:
    for sid, sents in corpus.items():
        for phrasing in PHRASINGS:
            got = indexes[sid].search([phrasing], threshold, limit=10_000)
            want = brute_force_search(sid, sents, [phrasing], threshold, limit=10_000)
            assert got == want, (sid, phrasing)
        got = indexes[sid].search(PHRASINGS[:6], threshold, limit=10_000)
        assert got == brute_force_search(sid, sents, PHRASINGS[:6], threshold, limit=10_000)


def _synthetic(seed: int) -> tuple[tuple[Sentence, ...], list[str]]:
    rnd = random.Random(seed)
    words = ["troops", "troop", "mission", "Majilis", "Mazhilis", "Majlis", "airport", "aircraft",
             "aircrafts", "Almaty", "Almaty's", "withdrawal", "withdraw", "peacekeeping", "CSTO",
             "forces", "force", "state", "states", "emergency", "of", "the", "will", "in", "and",
             "2,030", "ten", "days", "day", "Kassym-Jomart", "Kassym", "Jomart", "units", "unit",
             "a", "to", "bandit", "bandits", "attack", "attacked", "seizure", "seized", "x", "zz"]
    sents = []
    for i in range(300):
        n = rnd.randint(1, 25)
        sents.append(Sentence(i, " ".join(rnd.choice(words) for _ in range(n)) + ".", i + 1))
    phrasings = []
    for _ in range(60):
        n = rnd.randint(1, 7)
        ws = [rnd.choice(words) for _ in range(n)]
        if rnd.random() < 0.3:
            j = rnd.randrange(n)
            ws[j] = ws[j][:-1] or ws[j]  # a misspelling
        phrasings.append(" ".join(ws))
    return tuple(sents), phrasings


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("threshold", [30.0, 60.0, 75.0, 85.0])
def test_index_equals_brute_force_on_synthetic_text(seed: int, threshold: float) -> None:
    sents, phrasings = _synthetic(seed)
    ix = SourceIndex("syn", sents)
    for phrasing in phrasings:
        got = ix.search([phrasing], threshold, limit=10_000)
        assert got == brute_force_search("syn", sents, [phrasing], threshold, limit=10_000)


def test_lexicon_grows_with_new_sources() -> None:
    lex = Lexicon()
    a = SourceIndex("a", sentences("The Majilis met."), lex)
    assert [w for w, _ in a.expand("majilis")] == ["majilis"]
    b = SourceIndex("b", sentences("The Mazhilis and the Majlis met."), lex)
    # The cached expansion of "majilis" is extended with the words added since.
    assert [w for w, _ in b.expand("majilis")] == ["majlis", "mazhilis"]
    assert [w for w, _ in a.expand("majilis")] == ["majilis"]  # only its own words
    assert len(lex) == 4  # majilis met mazhilis majlis
    assert b.search(["Majilis met"], 75)[0].score >= 85


def test_corpus_index_equals_one_index_per_source(
    corpus: dict[str, tuple[Sentence, ...]], indexes: dict[str, SourceIndex],
) -> None:
    ci = CorpusIndex()
    for sid, sents in corpus.items():
        ci.add(sid, sents)
    assert ci.sources == tuple(corpus)
    for phrasing in PHRASINGS:
        got = ci.search([phrasing], 60, limit=50)
        want = {sid: ms for sid, ix in indexes.items() if (ms := ix.search([phrasing], 60, 50))}
        assert got == want, phrasing


def test_pairs_never_span_two_sources() -> None:
    ci = CorpusIndex()
    ci.add("a", sentences("Nothing here.", "The CSTO peacekeeping forces will leave."))
    ci.add("b", sentences("The mission consists of 2,030 troops.", "Nothing there."))
    res = ci.search(["CSTO peacekeeping mission consists of troops"], 0, limit=10)
    for sid, ms in res.items():
        assert all(isinstance(m, Match) and m.source == sid for m in ms)
        for m in ms:
            assert "CSTO" not in m.text or "mission" not in m.text


# ------------------------------------------------------------------------------------------------
# The document prefilter (KeyFilter) loses nothing brute force finds
# ------------------------------------------------------------------------------------------------


def _texts_of(corpus: dict[str, tuple[Sentence, ...]]) -> dict[str, str]:
    return {sid: _read(sid) or "" for sid in corpus}


@pytest.mark.parametrize("threshold", [20.0, 40.0, 60.0, 75.0, 90.0, 100.0])
def test_key_filter_keeps_every_document_brute_force_matches(
    corpus: dict[str, tuple[Sentence, ...]], threshold: float,
) -> None:
    texts = _texts_of(corpus)
    queries = [([p], threshold) for p in PHRASINGS] + [(PHRASINGS[:6], threshold)]
    keys = KeyFilter(queries)
    wanted = dict(zip(texts, keys.claims_for(list(texts.values())), strict=True))
    kept = 0
    for sid, sents in corpus.items():
        for q, (phrasings, _) in enumerate(queries):
            if brute_force_search(sid, sents, phrasings, threshold, limit=1):
                assert q in wanted[sid], (sid, phrasings, threshold)
                kept += 1
    assert kept > 0
    if threshold >= 75.0:  # the filter does filter: not every document for every claim
        assert sum(len(w) for w in wanted.values()) < len(queries) * len(texts)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("threshold", [30.0, 60.0, 75.0, 85.0])
def test_key_filter_keeps_every_synthetic_document_brute_force_matches(
    seed: int, threshold: float
) -> None:
    sents, phrasings = _synthetic(seed)
    # documents of 10 sentences, fed to one filter in two batches (the vocabulary grows)
    docs = [sents[k : k + 10] for k in range(0, len(sents), 10)]
    texts = ["\n".join(s.text for s in d) for d in docs]
    keys = KeyFilter([([p], threshold) for p in phrasings])
    wanted = keys.claims_for(texts[:12]) + keys.claims_for(texts[12:])
    for d, doc in enumerate(docs):
        redone = tuple(Sentence(i, s.text, i + 1) for i, s in enumerate(doc))
        for q, p in enumerate(phrasings):
            if brute_force_search("d", redone, [p], threshold, limit=1):
                assert q in wanted[d], (d, p, threshold)


def test_expand_many_gives_the_same_answers_with_and_without_numpy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Lexicon.expand_many preselects word pairs with rapidfuzz's cdist when numpy is there; the
    answers must be those of expand() one word at a time, with numpy or without, as the
    vocabulary grows."""
    import kzclaims.match as match_module

    rnd = random.Random(5)
    letters = "abcdehiklmnoprstuy"
    vocab = ["".join(rnd.choice(letters) for _ in range(rnd.randint(2, 13))) for _ in range(6000)]
    vocab += ["troops", "troop", "aircraft", "aircrafts", "withdrawal", "withdrawl", "pullout"]
    words = [w if rnd.random() < 0.5 else w[:-1] for w in rnd.sample(vocab, 300)]
    words += ["troops", "aircraft", "withdrawal", "start", "commence"]
    monkeypatch.setattr(match_module, "CDIST_MIN_PAIRS", 0)  # cdist for every length

    def expansions(fast: bool) -> dict[str, list[tuple[str, float]]]:
        lex = Lexicon()
        for part in (vocab[:3000], vocab[3000:]):
            lex.add(part)
            if fast:
                lex.expand_many(words)
            else:
                for w in words:
                    lex.expand(w)
        return {w: lex.expand(w) for w in words}

    one_by_one = expansions(False)
    assert sum(len(v) for v in one_by_one.values()) > len(words)  # not vacuous
    assert expansions(True) == one_by_one
    monkeypatch.setitem(sys.modules, "numpy", None)  # as without the extra
    assert expansions(True) == one_by_one


def test_the_weak_words_of_lengths_are_those_of_a_pass_over_every_weak_word() -> None:
    """``_weak_of_lengths`` reads the digit-free weak words by length: the same sorted list as a
    pass over every weak word, for every length."""
    from kzclaims.match import _WEAK, Lexicon, _weak_of_lengths

    for n in range(0, 40):
        lengths = Lexicon._lengths("x" * n)
        assert _weak_of_lengths(n) == sorted(
            t for t in _WEAK if len(t) in lengths and not any(ch.isdigit() for ch in t)
        ), n


def test_weak_near_is_a_pass_over_every_weak_word() -> None:
    """match.weak_near compares a word only with the weak words of a length that can reach the
    cutoff: the same words as one rapidfuzz pass over all of them."""
    import re

    from rapidfuzz import fuzz, process

    from kzclaims.match import _WEAK, WORD_CUTOFF, weak_near

    weak = sorted(t for t in _WEAK if not re.search(r"\d", t))
    text = (Path(__file__).resolve().parent.parent / "claims.yaml").read_text(encoding="utf-8")
    words = set(_WEAK) | set(re.findall(r"[^\W\d_]+", text.lower())) | {"a", "ab", "thereabouts"}
    for w in sorted(words):
        want = {
            t for t, _, _ in process.extract(
                w, weak, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF, limit=None
            )
        }
        assert set(weak_near(w)) == want, w


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_table_rows_equal_the_direct_table(seed: int) -> None:
    """match._table_rows (one rapidfuzz pass per phrasing word, then _ratio on what it finds)
    gives the rows of the direct table (_ratio of every word with every phrasing word): on
    synthetic text with misspellings, the bundled corpus's words, weak and number words, words
    with digits, and synonyms."""
    from kzclaims.match import _WEAK, SYNONYMS, _direct_table, _phrase, _table_rows, tokens

    sents, phrasings = _synthetic(seed)
    root = Path(__file__).resolve().parent.parent
    corpus = " ".join(p.read_text(encoding="utf-8") for p in sorted((root / "sources").glob("*.txt")))
    rnd = random.Random(seed)
    synonyms = sorted(SYNONYMS)
    words = {t for s in sents for t in tokens(s.text)} | set(tokens(corpus))
    words |= set(rnd.sample(sorted(_WEAK), 50)) | {"2,030", "2030", "covid19", "1st", "a"}
    for w in rnd.sample(synonyms, 20):
        words |= {w, *SYNONYMS[w]}
    phrasings += [
        " ".join(rnd.sample(synonyms, 3)), "the 2,030 troops of the CSTO", "covid19 cases",
        "of the and", "peacekeepers arrived on 6 January",
    ]
    for phrasing in phrasings:
        p = _phrase(phrasing)
        if p is not None:
            assert _table_rows(p, words) == _direct_table(p, words), phrasing


def test_a_pairs_words_are_its_two_sentences_words() -> None:
    """match._matches counts a two-sentence passage's words as its sentences' words in the
    index (to check its spans without tokenizing it again): no word, number or apostrophe
    rule joins or splits words across the space between the sentences."""
    from kzclaims.match import _tokens_many, tokens

    root = Path(__file__).resolve().parent.parent
    texts = [s.text for p in sorted((root / "sources").glob("*.txt"))
             for s in split_sentences(p.read_text(encoding="utf-8"))]
    texts += ["the soldiers’", "s were there.", "It cost 1,000", ",000 km away.", "don'",
              "t go.", "İSTANBUL", "'s office", "2.", "5 per cent", "O’", "Brien said"]
    for language in ("en", "ru"):
        toks = _tokens_many(texts, language)
        for a in range(len(texts) - 1):
            joined = tokens(texts[a] + " " + texts[a + 1], language)
            assert len(joined) == len(toks[a]) + len(toks[a + 1]), (texts[a], texts[a + 1])
