"""Text normalization and sentence splitting that keeps line numbers.

The source file is never changed: the text is normalized in memory only. Lines are grouped into
paragraphs first (hard-wrapped PDF transcripts are re-joined, headlines, datelines and menu lines
stay apart, pure share/print boilerplate is dropped), then every paragraph is split into sentences
at ``. ! ? …`` (with closing quotes), except after abbreviations, initials, inside numbers and
before a lower-case continuation. Each :class:`~kzclaims.model.Sentence` knows the 1-based line
of the original file where its first character is.

Nothing here imports a third-party package.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import pairwise

from kzclaims._dataclass import dataclass
from kzclaims._lazyre import cached
from kzclaims.lang import all_languages as _all_languages
from kzclaims.lang import en as _en
from kzclaims.lang import get as _language
from kzclaims.model import Sentence

__all__ = ["Paragraph", "line_at", "paragraphs", "split_sentences"]

def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TERMINAL = ".!?…"
_CLOSERS = "”\"’')]»"
_OPENERS = "“\"‘'([«"

# Words after which a line break never ends a sentence or a headline ("Official website of the",
# "в связи с"): the function words of every language (kzclaims.lang).
_CONNECTIVES: frozenset[str] = frozenset().union(*(lg.connectives for lg in _all_languages()))

# Abbreviations after which a period does not end a sentence (compared lower-case, no final
# dot), per language (kzclaims.lang): English ones apply in every language ("e.g.", "U.S.").
_NEVER_END = _en.ABBREVIATIONS
# ... unless followed by something else than a number ("No. 5" / "No. The answer").
_NOT_END_BEFORE_DIGIT = _en.NOT_END_BEFORE_DIGIT
# These may end a sentence ("... and Co. The firm"): split when a capitalized word follows.
# They need no entry: any other word ending in a period ends the sentence.

# Share/print/menu words. A headline-like line made only of these (and at least one of the
# strong ones) is dropped: "Go back Go back Twitter Facebook Print", "0 reviews".
_BOILER_STRONG = _wordset(
    """twitter facebook print share tweet email e-mail telegram whatsapp vk vkontakte linkedin
    reddit pinterest instagram youtube subscribe newsletter login comments reviews rating
    advertisement menu bookmark"""
)
_BOILER_WEAK = _wordset(
    """go back to on in up us more read next previous prev top skip content main home search
    sign log copy link comment review average rate views likes like follow related tags tag
    page of the and"""
)

# A sentence boundary candidate: terminal punctuation, optional closing quotes (possibly after
# a space: "coup d'etat. ” he"), whitespace, then something that can start a sentence.
_BOUNDARY = cached(
    # ([^\x00-\x7f] is [\u0080-\U0010ffff], without the 65,536-entry table re builds for it:
    # 7 ms of compiling)
    r"([.!?…]+(?:\s?[”\"’'»)\]])*)(\s+)(?=[“\"‘'«(\[]*(?:[A-Z0-9]|[^\x00-\x7f]))"
)
_INITIALISM = cached(r"(?:[^\W\d_]\.-?)+[^\W\d_]")  # H.E., U.S., К.-Ж.
_QA_LABEL = cached(r"([QA] ?-? ?\d{1,3}[.:)]?)\s+(?=[“\"‘'(]?[A-Z])")
_WORD = cached(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Paragraph:
    """Lines of the original file joined into one normalized string."""

    text: str
    offsets: tuple[int, ...]  # offset in ``text`` where each joined line starts
    lines: tuple[int, ...]  # the 1-based original line of each joined line

    def line_at(self, offset: int) -> int:
        return self.lines[max(0, bisect_right(self.offsets, offset) - 1)]


def _ends_terminal(s: str) -> bool:
    s = s.rstrip(_CLOSERS + " ")
    return bool(s) and s[-1] in _TERMINAL


def _starts_lower(s: str) -> bool:
    for ch in s:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
        if ch not in _OPENERS and ch not in "-–—…":
            return False
    return False


def _last_word(s: str) -> str:
    i = len(s)
    while i > 0 and not s[i - 1].isalnum():
        i -= 1
    j = i
    while j > 0 and s[j - 1].isalnum():
        j -= 1
    return s[j:i].lower()


def _is_boilerplate(s: str) -> bool:
    if _ends_terminal(s) or len(s) > 400:  # share/menu lines are short
        return False
    words = []
    for m in _WORD.finditer(s):  # lazily: a long line stops at its first ordinary word
        w = m.group().lower()
        if w not in _BOILER_STRONG and w not in _BOILER_WEAK and not w.isdigit():
            return False
        words.append(w)
    if not words:
        return not any(ch.isalnum() for ch in s)
    strong = False
    for w in words:
        if w in _BOILER_STRONG:
            strong = True
        elif w not in _BOILER_WEAK and not w.isdigit():
            return False
    return strong


def paragraphs(text: str) -> list[Paragraph]:
    """Group the lines of ``text`` into paragraphs (see the module docstring)."""
    items: list[tuple[int, str, int]] = []  # (line number, collapsed line, blank lines before)
    gap = 0
    for n, raw in enumerate(text.split("\n"), 1):
        if not raw or raw.isspace():
            gap += 1
            continue
        s = raw.strip()
        if "  " in s or "\t" in s or "\xa0" in s or "\r" in s or "\u2009" in s:
            s = " ".join(s.split())
        items.append((n, s, gap))
        gap = 0
    if not items:
        return []

    # Is the text hard-wrapped (a PDF transcript, a 72-column e-mail)? Count the line breaks that
    # are clearly inside a sentence: no terminal punctuation, next line starts lower-case.
    cont_gaps: Counter[int] = Counter()
    cont_lens: list[int] = []
    for (_, a, _), (_, b, g) in pairwise(items):
        if not _ends_terminal(a) and _starts_lower(b):
            cont_gaps[g] += 1
            cont_lens.append(len(a))
    wrapped = len(cont_lens) >= 3 and len(cont_lens) * 5 >= len(items) - 1
    wrap_gap = cont_gaps.most_common(1)[0][0] if cont_gaps else 0
    short = 0
    if wrapped:
        cont_lens.sort()
        short = cont_lens[len(cont_lens) // 2] // 2

    def joins(a: str, b: str, g: int) -> bool:
        if _starts_lower(b):
            return g <= max(wrap_gap, 1)
        if _ends_terminal(a):
            # In wrapped text a line may end in "Mr." or "H.E.": the splitter decides.
            return wrapped and g <= wrap_gap
        if g > max(wrap_gap, 1):
            return False
        if _last_word(a) in _CONNECTIVES:
            return True
        # A line without terminal punctuation followed by a capitalized line: a wrapped line
        # ("... Russian President Vladimir" / "Putin.") or a headline/dateline.
        return wrapped and g <= wrap_gap and len(a) >= short

    out: list[Paragraph] = []
    group: list[tuple[int, str, int]] = [items[0]]

    def flush() -> None:
        if len(group) == 1 and _is_boilerplate(group[0][1]):
            return
        parts: list[str] = []
        offsets: list[int] = []
        nums: list[int] = []
        pos = 0
        for k, (n, s, _) in enumerate(group):
            if k:
                prev = parts[-1]
                # "anti-" / "terrorist": keep the hyphen, drop the break.
                if not (len(prev) > 1 and prev[-1] == "-" and prev[-2].isalpha() and
                        s[0].islower()):
                    parts.append(" ")
                    pos += 1
            offsets.append(pos)
            nums.append(n)
            parts.append(s)
            pos += len(s)
        out.append(Paragraph("".join(parts), tuple(offsets), tuple(nums)))

    for prev, cur in pairwise(items):
        if joins(prev[1], cur[1], cur[2]):
            group.append(cur)
        else:
            flush()
            group = [cur]
    flush()
    return out


_MONTH_AFTER = cached(r"[ \t\u00a0]+(?:" + "|".join(_en.MONTH_NAMES).title() + r")\b")
# "г." is "year" after a number (and may end a sentence) but "city" before a name ("г. Алматы")
_YEAR_ABBREVIATIONS = frozenset(("г", "гг"))


def _ends_sentence(
    text: str, dot: int, next_start: int, never_end: frozenset[str] = _NEVER_END
) -> bool:
    """Does the period at ``text[dot]`` (a single ".", maybe followed by closers) end a sentence?"""
    ws = text.rfind(" ", 0, dot)
    token = text[ws + 1 : dot]
    if len(token) > 6 and "." not in token:
        return True
    token = token.lstrip(_OPENERS)
    if not token:
        return True
    low = token.lower()
    if low in _YEAR_ABBREVIATIONS and ws > 0 and text[ws - 1 : ws].isdigit():
        return True  # "в 2022 г. Президент ...": the year's abbreviation ends the sentence
    if low in never_end:
        return False
    if token.isdigit() and len(token) <= 2 and _MONTH_AFTER.match(text, dot + 1):
        return False  # a day written the Central European way: "on 7. and 8. April"
    if ws < 0 and token.isdigit() and len(token) <= 3:
        return False  # a numbered paragraph: "5. The phased withdrawal ..." is one sentence
    if len(token) == 1:
        return not (token.isalpha() and token.isupper())  # an initial: "J. Smith"
    if "." in token and _INITIALISM.fullmatch(token):
        return False  # H.E. U.S. e.g.
    if low in _NOT_END_BEFORE_DIGIT:
        return not text[next_start : next_start + 1].isdigit()
    return True


def _split_paragraph(
    text: str, never_end: frozenset[str] = _NEVER_END
) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of a paragraph's text."""
    spans: list[tuple[int, int]] = []
    start = 0
    if text[:1] in "QA":
        m = _QA_LABEL.match(text)
        if m:
            spans.append((0, m.end(1)))
            start = m.end()
    for b in _BOUNDARY.finditer(text, start):
        punct = b.group(1)
        j = b.end()
        while text[j] in _OPENERS:
            j += 1
        ch = text[j]
        if ch > "\x7f" and ch.isalpha() and not ch.isupper():
            continue  # a lower-case letter outside ASCII: "ещё", "über"
        if ch in "—–" and punct[-1] in "»”\"":
            continue  # direct speech goes on: "«Мы это сделаем!» — заявил президент."
        # "." alone (maybe with closing quotes) can be an abbreviation; "!", "?", "…", "..." end.
        if punct[0] == "." and (len(punct) == 1 or punct[1] != ".") and not _ends_sentence(
            text, b.start(1), b.end(), never_end
        ):
            continue
        spans.append((start, b.end(1)))
        start = b.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


#: The longest a sentence may be. Real sentences stay far below (the longest in the bundled
#: transcripts is ~700 characters); a text with no sentence end at all (a 50 MB dump, a table
#: flattened into one line) is cut into pieces of at most this length, at a space when there is
#: one, so that everything downstream (fuzzy matching, the value reader) works on bounded
#: strings and the whole run stays linear in the size of the source.
MAX_SENTENCE_CHARS = 2000


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) split into spans of at most MAX_SENTENCE_CHARS, cut at the last space."""
    spans: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS
        spans.append((start, cut))
        start = cut
    spans.append((start, end))
    return spans


def split_sentences(text: str, language: str = "en") -> tuple[Sentence, ...]:
    """Split ``text`` (a whole source file) into normalized sentences with their start line.

    The ``language``'s abbreviations ("т.е.", "г.", "тыс." in Russian) do not end a sentence;
    English ones never do, in any language.
    """
    never_end = _NEVER_END if language == "en" else _abbreviations(language)
    out: list[Sentence] = []
    for p in paragraphs(text):
        for sentence_start, sentence_end in _split_paragraph(p.text, never_end):
            for start, end in _bounded(p.text, sentence_start, sentence_end):
                s = p.text[start:end].strip()
                if s:
                    out.append(Sentence(len(out), s, p.line_at(start)))
    return tuple(out)


def _abbreviations(language: str) -> frozenset[str]:
    return _NEVER_END | _language(language).abbreviations


@functools.lru_cache(maxsize=8)
def _line_starts(text: str) -> tuple[int, ...]:
    """The offset in ``text`` where each line starts (a source's cells are placed together, so a
    few texts are kept: a str's hash is cached, and the text itself is the key)."""
    starts = [0]
    find = text.find
    at = find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = find("\n", at + 1)
    return tuple(starts)


def value_line(text: str, passage: str, line: int, offset: int) -> int:
    """The original line (1-based) of character ``offset`` of a passage that starts on ``line``.

    A passage (a sentence, or two neighbouring ones, whitespace collapsed) may run over several
    lines of the file: a hard-wrapped transcript, a PDF page's lines, a headline and the
    paragraph after it. Its quote is cited from ``line``, where it starts; its value is where a
    person checks it. When the file's line holds the passage up to the value, that is ``line``
    (the common case: one paragraph a line); else the passage is located character by
    character (:func:`line_at`); when it cannot be, ``line``.
    """
    collapsed = _collapsed_line(text, line)
    if collapsed is None:
        return line
    if " ".join(passage[: max(0, offset) + 1].split()) in collapsed:
        return line
    return line_at(text, Sentence(0, passage, line), offset)


@functools.lru_cache(maxsize=16)
def _collapsed_line(text: str, line: int) -> str | None:
    """Line ``line`` (1-based) of ``text`` with its whitespace collapsed, as sentences are; None
    when there is no such line. Kept for the next cells: a source's cells often share a line
    (one paragraph a line; a file that is a single line), which would be collapsed per cell;
    a few are kept, as their texts are: a 20 MB single-line file's cells each collapsed it."""
    starts = _line_starts(text)
    if not 1 <= line <= len(starts):
        return None
    begin = starts[line - 1]
    end = starts[line] - 1 if line < len(starts) else len(text)
    return " ".join(text[begin:end].split())


@functools.lru_cache(maxsize=8)
def _non_space(text: str) -> tuple[str, list[int]]:
    """The characters of ``text`` that are not whitespace, joined, and the offset of each (a
    source's cells are placed together: a few texts are kept, as by :func:`_line_starts`)."""
    # (re.compile's own cache: two small patterns, compiled on the first hard-wrapped value)
    at = [m.start() for m in re.finditer(r"\S", text)]
    return re.sub(r"\s+", "", text), at


def line_at(text: str, sentence: Sentence, offset: int) -> int:
    """The original line (1-based) of character ``offset`` of ``sentence.text``.

    ``text`` is the original file contents the sentence was split from. Cheap enough for the few
    sentences a claim matched: use it for the line of a value on a later line of a sentence that
    spans several lines of a hard-wrapped transcript.
    """
    chars = [ch for ch in sentence.text if not ch.isspace()]
    if not chars:
        return sentence.line
    pos = 0
    for _ in range(sentence.line - 1):
        nl = text.find("\n", pos)
        if nl < 0:
            return sentence.line
        pos = nl + 1
    # The sentence's characters in order with only whitespace between them (the regex
    # c1\s*c2\s*...cn, searched from ``pos``): the first occurrence of them, joined, among the
    # text's characters that are not whitespace (re's \s is str.isspace), from ``pos`` on.
    # (Compiling that regex per value cost ~0.5 ms: 10 % of a run at 500 claims.)
    joined, at = _non_space(text)
    k = joined.find("".join(chars), bisect_left(at, pos))
    if k < 0:
        return sentence.line
    start, stop = at[k], at[k + len(chars) - 1] + 1
    want = sum(1 for ch in sentence.text[: max(0, offset)] if not ch.isspace())
    line = text.count("\n", 0, start) + 1
    i = start
    seen = 0
    while i < stop and seen < want:
        ch = text[i]
        if ch == "\n":
            line += 1
        elif not ch.isspace():
            seen += 1
        i += 1
    while i < stop and text[i].isspace():
        if text[i] == "\n":
            line += 1
        i += 1
    return line
