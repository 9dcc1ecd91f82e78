"""Which legacy single-byte encoding a text file is in, judged from its letters.

A text that is not UTF-8 is, in news work, nearly always Windows-1252 (Western European) or one
of the Cyrillic code pages still met in archives and mail: Windows-1251, KOI8-R (Unix, e-mail),
CP866 (DOS) and Mac Cyrillic. They all keep ASCII as it is and differ only in bytes 0x80-0xFF,
and each of them decodes every such byte to *something*, so the question is which decoding reads
like text. ``guess_legacy_encoding`` decodes each word that holds a byte over 0x7F in each
encoding and scores how it reads:

- a Cyrillic word scores each letter by how common it is in Russian (the commonly published
  letter frequencies of Russian; not fitted to any text here). The wrong Cyrillic
  code page shuffles the alphabet, so a word becomes rare letters ("щъёэ" for common ones);
- capitals inside a word cost: KOI8-R and Windows-1251 hold the two cases in swapped halves, so
  the wrong one turns "москва" into "НПЯЙБЮ" and "Москва" into "мПЯЙБЮ";
- a word mixing Cyrillic and Latin letters ("cafй", "Zьrich": a Western text read as Cyrillic)
  costs, and so does a Latin word made mostly of accented letters ("Ìîñêâà": a Russian text
  read as Windows-1252), while a few accents in a Latin word ("café", "Zürich") are normal;
- a symbol that is not ordinary punctuation (box drawing "╗", "¤", "√": what CP866's and
  KOI8-R's graphics give for another code page's letters) costs.

The highest score wins; ties go to the more common encoding (Windows-1252, then Windows-1251,
KOI8-R, CP866, Mac Cyrillic). Only the first 400 such words are read, so a large file
costs no more than a page.

Why not charset-normalizer: measured on the same texts (``benchmarks/readers.py``, docs/
benchmarks.md "Reading sources") it is less accurate on short texts and on KOI8-R/CP866/Mac
Cyrillic, and slower; this needs no dependency and works on bytes, wherever they come from.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from itertools import islice

__all__ = ["CANDIDATES", "ENCODING_NAMES", "guess_legacy_encoding", "legacy_scores"]

#: the legacy encodings considered, most common first (the order breaks ties)
CANDIDATES = ("cp1252", "cp1251", "koi8_r", "cp866", "mac_cyrillic")

ENCODING_NAMES = {
    "cp1252": "Windows-1252 (Western European)",
    "cp1251": "Windows-1251 (Cyrillic)",
    "koi8_r": "KOI8-R (Cyrillic)",
    "cp866": "CP866 (DOS Cyrillic)",
    "mac_cyrillic": "Mac Cyrillic",
}

#: letter frequencies of Russian, per cent, as commonly published (ё is mostly written е)
_RU_FREQ = {
    "о": 10.97, "е": 8.45, "а": 8.01, "и": 7.35, "н": 6.70, "т": 6.26, "с": 5.47, "р": 4.73,
    "в": 4.54, "л": 4.40, "к": 3.49, "м": 3.21, "д": 2.98, "п": 2.81, "у": 2.62, "я": 2.01,
    "ы": 1.90, "ь": 1.74, "г": 1.70, "з": 1.65, "б": 1.59, "ч": 1.44, "й": 1.21, "х": 0.97,
    "ж": 0.94, "ш": 0.73, "ю": 0.64, "ц": 0.48, "щ": 0.36, "э": 0.32, "ф": 0.26, "ъ": 0.04,
    "ё": 0.04,
}
#: log2 of (frequency x alphabet size): > 0 for letters commoner than average; clipped
_RU_WEIGHT = {c: max(-4.0, min(2.0, math.log2(33 * f / 100))) for c, f in _RU_FREQ.items()}
#: Cyrillic letters of Ukrainian and Belarusian: plausible in a Cyrillic text, not common
_OTHER_SLAVIC = set("іїєґў")
_PUNCTUATION = set("«»“”‘’„‚—–…•№°€\xa0§©®™±×·\xad")
#: signs that may stand right before a word ("«Москва", "€45"), and inside one ("l’Assemblée")
_OPENING = set("«“„‘€№(\xa0")
_INSIDE = set("’‘\xad")
_WORD = re.compile(rb"\S*[\x80-\xff]\S*")
_LETTERS = re.compile(r"[^\W\d_]+")
_MAX_WORDS = 400
_PRIOR = {enc: 0.5 - 0.1 * i for i, enc in enumerate(CANDIDATES)}


def _undefined(enc: str) -> tuple[int, ...]:
    out = []
    for b in range(0x80, 0x100):
        try:
            bytes((b,)).decode(enc)
        except UnicodeDecodeError:
            out.append(b)
    return tuple(out)


#: bytes each code page leaves undefined (Windows-1252: 0x81, 0x8D, 0x8F, 0x90, 0x9D; Windows-1251:
#: 0x98); the others define all 256
_UNDEFINED = {enc: _undefined(enc) for enc in CANDIDATES}


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


@lru_cache(maxsize=1024)
def _is_latin(ch: str) -> bool:
    return ch.isascii() or "LATIN" in unicodedata.name(ch, "")


@lru_cache(maxsize=8192)
def _word_score(word: str) -> float:
    cyr = sum(_is_cyrillic(c) for c in word)
    lat = sum(_is_latin(c) for c in word)
    n = len(word)
    if cyr and lat:
        return -3.0 * n
    if cyr:
        score = 0.0
        for i, ch in enumerate(word):
            low = ch.lower()
            if low in _RU_WEIGHT:
                # a capital starting a word is often a name's ("Филиппины"): no rarity cost
                score += 0.0 if (i == 0 and ch.isupper()) else _RU_WEIGHT[low]
            elif low in _OTHER_SLAVIC:
                score -= 3.0
            else:
                score -= 5.0
            if i and ch.isupper():
                score -= 1.5
                if word[i - 1].islower():
                    score -= 2.0
        return score
    if lat == n:
        accented = sum(not c.isascii() for c in word)
        if n >= 3 and accented * 2 > n:
            return -2.0 * accented
        upper_inside = sum(c.isupper() and word[i - 1].islower() for i, c in enumerate(word) if i)
        return 1.0 * accented - 2.0 * upper_inside
    return -2.0 * n  # letters of another script (Greek "µ", ...)


def _decoded_score(text: str) -> float:
    score = 0.0
    for m in _LETTERS.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        score += _word_score(word)
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if any(_is_cyrillic(c) for c in word) and (before.isdigit() or after.isdigit()):
            score -= 2.0  # "А45m": a Cyrillic letter glued to a number (a Western "€45m")
        left = text[max(0, m.start() - 3) : m.start()].rstrip()[-1:]
        if len(word) == 1 and word.isupper() and after != "." and left.islower():
            score -= 1.0  # "пассажиров С так": a one-letter capital inside a sentence
    for i, ch in enumerate(text):
        if ch.isascii() or ch.isalpha():
            continue
        if ch not in _PUNCTUATION:
            score -= 3.0  # box drawing, "¤", "√": another code page's letters
            continue
        before = text[i - 1].isalpha() if i else False
        after = text[i + 1].isalpha() if i + 1 < len(text) else False
        if before and after and ch not in _INSIDE:
            score -= 3.0  # "объ€влени€": a sign inside a word is a letter read wrong
        elif after and not before and ch not in _OPENING:
            score -= 2.0  # "—абастовка", "…исло": a closing sign glued to the next word
        elif after and ch in _OPENING and text[i + 1].islower() and ch in "«“„‘":
            score -= 1.5  # "«абастовка": a quote opens on a capital more often than not
        elif before and not after and ch in _OPENING and ch != "\xa0":
            score -= 2.0  # "повышени€": an opening sign glued to the word before
    return score


def legacy_scores(data: bytes) -> dict[str, float]:
    """How well ``data`` reads in each candidate encoding that can decode it (higher is better)."""
    words = [m.group() for m in islice(_WORD.finditer(data), _MAX_WORDS)]
    sample = b" ".join(words)
    scores: dict[str, float] = {}
    for enc in CANDIDATES:
        if any(bytes((b,)) in data for b in _UNDEFINED[enc]):
            continue  # a byte this code page leaves undefined (anywhere in the file): not this one
        scores[enc] = _decoded_score(sample.decode(enc)) + _PRIOR[enc]
    return scores


def guess_legacy_encoding(data: bytes) -> str:
    """The legacy encoding ``data`` (bytes that are not UTF-8) reads best in (module docstring).

    One of :data:`CANDIDATES`; Windows-1252 when nothing decides (no byte over 0x7F).
    """
    scores = legacy_scores(data)
    if not scores:
        return "cp1252"
    return max(scores, key=lambda enc: scores[enc])
