"""A shareable HTML report (``--format html``): one self-contained file for an editor.

A pure function of a :class:`~kzclaims.model.Report`: ``render_html(report)`` returns the page.
Everything is inline (CSS, a few lines of vanilla JavaScript), nothing is fetched (a Content
Security Policy forbids it), and the output is deterministic: the same report gives the same
bytes (no timestamps, no version number).

The page reads without knowing the tool: a header with the counts by verdict, a legend and the
sources; then one table, a column per source and a group of two rows per claim (the claim with
its verdict explained in words, then one cell per source with the value, its qualifier, the
quote with the value's words highlighted, and where it is). On narrow screens each claim is a
stack of cells. The outlier of a conflict (:func:`kzclaims.compare.outliers`) and every change
since a baseline are marked with symbols and words, never by colour alone. With JavaScript, a
toolbar filters conflicts, missing claims, changed claims and free text; without it, everything
is shown and the toolbar stays hidden. Text from claims files, sources and reports is escaped
with :func:`html.escape`; no data is ever placed inside the script.
"""

from __future__ import annotations

import re
from html import escape

from kzclaims.compare import disagreements, outliers
from kzclaims.model import (
    VERDICTS,
    Change,
    ClaimResult,
    Finding,
    JSONValue,
    Report,
    SourceInfo,
    inferred_from,
)
from kzclaims.render.cells import CHANGE_LABELS, compact_value, format_number, outlet_names

__all__ = [
    "VERDICT_LABELS",
    "expected_sentence",
    "render_html",
    "value_in_words",
    "verdict_sentence",
]

#: verdict -> (symbol, label): the symbol carries the meaning where colour cannot
VERDICT_LABELS: dict[str, tuple[str, str]] = {
    "conflict": ("≠", "Conflict"),
    "consistent": ("≈", "Consistent"),
    "agree": ("✓", "Agree"),
    "single": ("①", "Single source"),
    "missing": ("∅", "Missing"),
}
assert set(VERDICT_LABELS) == set(VERDICTS)

VERDICT_MEANING = {
    "conflict": "at least two sources give values that cannot both be right",
    "consistent": "the values differ in wording or precision, but every pair is compatible",
    "agree": "every source that gives it says the same",
    "single": "only one source gives it: nothing to compare with",
    "missing": "no source gives it",
}

_QUALIFIER_WORDS = {"approx": "about", "at_least": "at least", "at_most": "at most"}
_QUALIFIER_NAMES = {"approx": "approximately", "at_least": "at least", "at_most": "at most"}
#: what the agreement across sources did to a cell (Finding.agreement), in words
_AGREEMENT_NAMES = {
    "switched": "switched to the value more other sources give",
    "taken": "taken below the threshold: other sources give it",
    "dropped": "dropped: no other source gives it",
    "owned": "other sources give that value for another claim",
}
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


# ---------------------------------------------------------------------------------------------
# words
# ---------------------------------------------------------------------------------------------


def _date_words(v: JSONValue) -> str:
    """``2022-01-13`` -> ``13 January 2022``; ``2022-01`` -> ``January 2022``."""
    m = _ISO.match(v) if isinstance(v, str) else None
    if m is None:
        return compact_value(v, "date")
    year, month, day = m.groups()
    if month is None or not 1 <= int(month) <= 12:
        return year if month is None else str(v)
    name = _MONTHS[int(month) - 1]
    return f"{int(day)} {name} {year}" if day else f"{name} {year}"


def value_in_words(f: Finding, kind: str) -> str:
    """A finding's value as a sentence says it: ``about 2,500``, ``at most 10 days``,
    ``by 19 January 2022``, ``states it``; ``does not give it`` when not found."""
    if not f.found:
        return "does not give it"
    if kind == "statement":
        return "states it"
    q = f.qualifier or "exact"
    if kind in ("date", "date_range"):
        if kind == "date_range" and isinstance(f.value, list) and len(f.value) == 2:
            plain = f"{_date_words(f.value[0])} to {_date_words(f.value[1])}"
        else:
            plain = _date_words(f.value)
        word = {"approx": "about", "at_least": "not before", "at_most": "by"}.get(q, "")
    else:
        plain = compact_value(f.value, kind)
        word = _QUALIFIER_WORDS.get(q, "")
    return f"{word} {plain}" if word else plain


#: how many sources a sentence or a tag names before it counts the rest (a value of a large run
#: may conflict with hundreds: every cell naming them all made the page grow as its square)
NAMES_SHOWN = 8


def _names(items: list[str], conjunction: str = "and") -> str:
    """``A, B and C``; past :data:`NAMES_SHOWN`, ``A, B, ... and 3 more``."""
    if len(items) > NAMES_SHOWN:
        return ", ".join(items[:NAMES_SHOWN]) + f" {conjunction} {len(items) - NAMES_SHOWN} more"
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def verdict_sentence(claim: ClaimResult, names: dict[str, str]) -> str:
    """The verdict explained in words, e.g. ``Conflict: The Diplomatic Insight says 2,030 but
    TV report says about 2,500 — these do not overlap.`` (plain text, not escaped)."""
    found = [f for f in claim.findings if f.found]
    label = VERDICT_LABELS[claim.verdict][1]

    def says(f: Finding) -> str:
        if claim.kind == "statement":
            return f"{names.get(f.source, f.source)} states it"
        return f"{names.get(f.source, f.source)} says {value_in_words(f, claim.kind)}"

    def named(f: Finding) -> str:
        return names.get(f.source, f.source)

    if claim.verdict == "missing" or not found:
        near = sum(1 for f in claim.findings if not f.found and f.quote)
        tail = (
            f"; {near} source{'s' * (near != 1)} {'have' if near != 1 else 'has'} a passage "
            "that comes close (shown dimmed)"
            if near
            else ""
        )
        return f"{label}: no source gives it{tail}."
    if claim.verdict == "single" or len(found) == 1:
        return f"{label}: only {says(found[0])}; nothing to compare it with."
    if claim.verdict == "agree":
        every = "both" if len(found) == 2 else "all"
        if claim.kind == "statement":
            return f"{label}: {_names([named(f) for f in found])} {every} state it."
        return (
            f"{label}: {_names([named(f) for f in found])} {every} say "
            f"{value_in_words(found[0], claim.kind)}."
        )
    if claim.verdict == "consistent":
        return (
            f"{label}: {_names([says(f) for f in found])} — worded or rounded differently, "
            "but every pair of values overlaps."
        )
    # conflict
    by_source = {f.source: f for f in found}
    against = disagreements(claim)
    odd = outliers(claim)
    if odd:
        parts = []
        for s in odd:
            others = [by_source[o] for o in against[s]]
            parts.append(
                f"{says(by_source[s])}, which does not overlap with "
                + _names([f"{named(o)} ({value_in_words(o, claim.kind)})" for o in others], "or")
            )
        rest = [f for f in found if f.source not in odd]
        agree_note = ""
        if len(rest) > 1 and all(not against[f.source] or set(against[f.source]) <= set(odd)
                                 for f in rest):
            agree_note = f" {_names([named(f) for f in rest])} are compatible with each other."
        return f"{label}: " + "; ".join(parts) + "." + agree_note
    pairs: list[str] = []
    seen: set[frozenset[str]] = set()
    for f in found:
        for o in against[f.source]:
            key = frozenset((f.source, o))
            if key in seen:
                continue
            seen.add(key)
            pairs.append(f"{says(f)} but {says(by_source[o])}")
    if not pairs:  # the verdict saw a disagreement that the reported ranges do not show
        return f"{label}: {_names([says(f) for f in found])}; these values do not all agree."
    if len(pairs) > 3:
        pairs = [*pairs[:3], f"{len(pairs) - 3} more such pair{'s' * (len(pairs) > 4)}"]
    end = "these do not overlap" if len(pairs) == 1 else "none of these pairs overlap"
    return f"{label}: " + "; ".join(pairs) + f" — {end}."


def expected_sentence(claim: ClaimResult, names: dict[str, str]) -> str | None:
    """``Expected 2,030: every source that gives it fits.`` or which do not (plain text)."""
    if not claim.has_expected:
        return None
    exp = (
        _date_words(claim.expected)
        if claim.kind == "date" or (claim.kind == "date_range" and not isinstance(
            claim.expected, list))
        else (
            f"{_date_words(claim.expected[0])} to {_date_words(claim.expected[1])}"
            if claim.kind == "date_range" and isinstance(claim.expected, list)
            and len(claim.expected) == 2
            else compact_value(claim.expected, claim.kind)
        )
    )
    checked = [f for f in claim.findings if f.found and f.matches_expected is not None]
    if not checked:
        return f"Expected {exp}: no source gives a value to check."
    wrong = [f for f in checked if f.matches_expected is False]
    if not wrong:
        return f"Expected {exp}: every source that gives it fits (✓)."
    listed = _names(
        [f"{names.get(f.source, f.source)} ({value_in_words(f, claim.kind)})" for f in wrong]
    )
    return f"Expected {exp}: {listed} {'does' if len(wrong) == 1 else 'do'} not fit (≠)."


# ---------------------------------------------------------------------------------------------
# markup helpers
# ---------------------------------------------------------------------------------------------


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _agreement_tag(agreement: str) -> str:
    """The tag of a cell whose reading the other sources changed."""
    return '<p class="tag agree-tag">⇄ ' + _e(_AGREEMENT_NAMES.get(agreement, "")) + "</p>"


def _highlight(quote: str, words: str | None) -> str:
    """The quote, escaped, with the value's words (as the source writes them) in ``<mark>``."""
    if words and words.strip():
        pattern = r"\s+".join(re.escape(w) for w in words.split())
        m = re.search(pattern, quote) or re.search(pattern, quote, re.IGNORECASE)
        if m is not None:
            return (
                _e(quote[: m.start()]) + "<mark>" + _e(m.group(0)) + "</mark>"
                + _e(quote[m.end():])
            )
    return _e(quote)


def _anchor(claim_id: str) -> str:
    return "claim-" + re.sub(r"[^A-Za-z0-9_-]", "_", claim_id)


_LANG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")


def _lang(source: SourceInfo | None) -> str:
    """`` lang="ru"`` for text quoted from a source not in English (the page is English), so that
    screen readers and fonts treat it as that language; empty otherwise."""
    lang = getattr(source, "language", None) or "en"
    if lang.lower() == "en" or not _LANG.fullmatch(lang):
        return ""
    return f' lang="{_e(lang)}"'


def _where(f: Finding, source: SourceInfo | None) -> str:
    parts: list[str] = []
    file = source.file if source is not None else f.source
    page = getattr(f, "page", None)
    paragraph = getattr(f, "paragraph", None)
    # the line of a PDF's or a web page's extracted text means nothing to a reader: the page or
    # paragraph says where the quote is
    line = f.lines if page is None and paragraph is None else None
    parts.append(f"<code>{_e(file)}" + (f":{_e(line)}" if line is not None else "") + "</code>")
    if page is not None:
        parts.append(f"page {_e(page)}")
    if paragraph is not None:
        parts.append(f"paragraph {_e(paragraph)}")
    if f.score is not None:
        parts.append(f"match score {_e(format_number(round(f.score, 1)))}")
    return '<p class="where">' + " · ".join(parts) + "</p>"


def _change_words(ch: Change) -> str:
    label = CHANGE_LABELS.get(ch.kind, ch.kind)
    if ch.old is None and ch.new is None:
        return label
    old = "—" if ch.old is None else ch.old
    new = "—" if ch.new is None else ch.new
    return f"{label}: {old} → {new}"


# ---------------------------------------------------------------------------------------------
# the page
# ---------------------------------------------------------------------------------------------


def _counts(report: Report) -> str:
    counts = {v: 0 for v in VERDICT_LABELS}
    for c in report.claims:
        counts[c.verdict] = counts.get(c.verdict, 0) + 1
    items = [
        f'<li class="v-{v}"><span class="sym" aria-hidden="true">{sym}</span> '
        f"<strong>{counts[v]}</strong> {_e(label.lower())}</li>"
        for v, (sym, label) in VERDICT_LABELS.items()
    ]
    return '<ul class="counts" aria-label="Claims by verdict">' + "".join(items) + "</ul>"


def _legend() -> str:
    rows = "".join(
        f'<div><dt class="v-{v}"><span class="sym" aria-hidden="true">{sym}</span> {_e(label)}'
        f"</dt><dd>{_e(VERDICT_MEANING[v])}</dd></div>"
        for v, (sym, label) in VERDICT_LABELS.items()
    )
    return (
        '<details class="legend" open><summary><h2>How to read this report</h2></summary>'
        "<p>Each claim was searched for in every source. A cell shows the value that source gives"
        " (normalized: <b>≈</b> about, <b>≥</b> at least, <b>≤</b> at most), the passage it comes"
        " from with the value's words <mark>highlighted</mark>, and where that passage is"
        " (file:line). Values are compared as ranges: “about 2,000” stands for 1,800–2,200.</p>"
        f'<dl class="verdicts">{rows}</dl>'
        '<p class="markers"><span class="tag outlier-tag">! outlier</span> the source that'
        ' disagrees with most others · <span class="tag conflict-tag">≠ conflicts</span> a value'
        ' that does not overlap another · <span class="tag expected-tag">≠ expected</span> a'
        " value that does not fit the verified one · "
        '<span class="tag change-tag">Δ changed</span> different since the baseline ·'
        ' <span class="tag agree-tag">⇄</span> changed by what the other sources give ·'
        ' <span class="dimmed">— not found</span> (with the closest passage, if any)</p>'
        "</details>"
    )


def _language_name(source: SourceInfo) -> str | None:
    """"Russian" for a source not in English (an editor of a mixed desk sees which is which);
    None for English. A code kzclaims does not know is shown as the code."""
    lang = (getattr(source, "language", None) or "en").lower()
    if lang == "en":
        return None
    from kzclaims.lang import SUPPORTED, get

    return get(lang).name if lang in SUPPORTED else lang


def _sources(report: Report, names: dict[str, str]) -> str:
    rows = []
    for s in report.sources:
        published = _e(s.published) if s.published else "—"
        if s.published and s.published_inferred:
            published += f' <span class="note">({_e(inferred_from(s.published_from))})</span>'
        if s.as_of:
            published += f' <span class="note">(statements as of {_e(s.as_of)})</span>'
        where = f"<code>{_e(s.file)}</code>"
        if s.url and re.match(r"https?://", s.url, re.IGNORECASE):  # never javascript: etc.
            where += f'<br><a href="{_e(s.url)}" rel="noreferrer noopener">{_e(s.url)}</a>'
        elif s.url:
            where += f"<br>{_e(s.url)}"
        title = f'<br><span class="note"{_lang(s)}>{_e(s.title)}</span>' if s.title else ""
        author = getattr(s, "author", None)
        if author:
            title += f'<br><span class="note">by {_e(author)}</span>'
        language = _language_name(s)
        rows.append(
            f'<tr><th scope="row">{_e(names[s.id])}{title}</th><td><code>{_e(s.id)}</code>'
            + (f'<br><span class="note">{_e(language)}</span>' if language else "")
            + f"</td><td>{published}</td><td>{where}</td></tr>"
        )
    table = (
        '<table class="sources" aria-labelledby="sources-h"><thead><tr><th scope="col">Outlet</th>'
        '<th scope="col">Id</th><th scope="col">Published</th><th scope="col">File / URL</th>'
        "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )
    if report.compact:  # a large run: the list is there, folded, not the first screen
        n = len(report.sources)
        return (
            '<details class="sources-list"><summary><h2 id="sources-h">'
            f"The {n} sources</h2></summary>{table}</details>"
        )
    return f'<h2 id="sources-h">Sources</h2>{table}'


def _changes(report: Report, names: dict[str, str], present: set[str]) -> str:
    if report.changes is None:
        return ""
    base = f"<code>{_e(report.baseline_file)}</code>" if report.baseline_file else "the baseline"
    if not report.changes:
        return f'<section class="changes" id="changes"><h2>No changes since {base}</h2></section>'
    rows = []
    for ch in report.changes:
        claim = (
            f'<a href="#{_e(_anchor(ch.claim))}"><code>{_e(ch.claim)}</code></a>'
            if ch.claim in present
            else f"<code>{_e(ch.claim)}</code>"
        )
        if ch.title:
            claim += f'<br><span class="note">{_e(ch.title)}</span>'
        source = _e(names.get(ch.source, ch.source)) if ch.source else ""
        rows.append(
            f"<tr><td>{claim}</td><td>{source}</td>"
            f'<td><span class="tag change-tag">Δ {_e(CHANGE_LABELS.get(ch.kind, ch.kind))}'
            f"</span></td><td>{_e(ch.old) if ch.old is not None else '—'}</td>"
            f"<td>{_e(ch.new) if ch.new is not None else '—'}</td></tr>"
        )
    n = len(report.changes)
    return (
        f'<section class="changes" id="changes"><h2>{n} change{"s" * (n != 1)} since {base}'
        '</h2><table><thead><tr><th scope="col">Claim</th><th scope="col">Source</th>'
        '<th scope="col">Change</th><th scope="col">Was</th><th scope="col">Now</th></tr>'
        "</thead><tbody>" + "".join(rows) + "</tbody></table></section>"
    )


def _filters(report: Report, counts: dict[str, int]) -> str:
    boxes = [
        ("conflict", f"Only conflicts ({counts['conflict']})"),
        ("missing", f"Only missing ({counts['missing']})"),
    ]
    if report.changes is not None:
        boxes.append(("changed", f"Only changed since the baseline ({counts['changed']})"))
    inputs = "".join(
        f'<label><input type="checkbox" name="only" value="{key}"> {_e(text)}</label>'
        for key, text in boxes
    )
    return (
        '<form id="filters" class="filters" hidden role="search" aria-label="Filter claims">'
        f"{inputs}"
        '<label class="search">Search <input type="search" id="q" '
        'placeholder="claim, outlet, quote…" autocomplete="off"></label>'
        '<output id="shown" aria-live="polite"></output></form>'
    )


def _cell(
    f: Finding,
    claim: ClaimResult,
    source: SourceInfo | None,
    names: dict[str, str],
    odd: tuple[str, ...],
    against: dict[str, tuple[str, ...]],
    changes: list[Change],
) -> str:
    name = names.get(f.source, f.source)
    classes = ["cell"]
    # shown (and read out) only on narrow screens, where the column headers are out of sight
    body: list[str] = [f'<span class="src-label">{_e(name)}</span>']
    if f.found:
        if claim.kind == "statement":
            value = '<span class="sym" aria-hidden="true">✓</span> states it'
        else:
            # a date range "2022-01-05/2022-01-19" may wrap between its ends, not inside one
            value = " – ".join(
                f'<span class="nw">{_e(part)}</span>'
                for part in compact_value(f.value, claim.kind, f.qualifier).split("/")
            )
        body.append(f'<p class="value">{value}</p>')
        details = []
        if f.qualifier and f.qualifier != "exact" and claim.kind != "statement":
            details.append(_e(_QUALIFIER_NAMES.get(f.qualifier, f.qualifier)))
        if f.unit:
            details.append(f"counts {_e(f.unit)}")
        if f.reference_date:
            details.append(f"relative to {_e(f.reference_date)}")
        if details:
            body.append(f'<p class="qualifier">{"; ".join(details)}</p>')
        if f.source in odd:
            classes.append("outlier")
            body.append(
                '<p class="tag outlier-tag"><strong>! outlier</strong>: disagrees with '
                + _e(_names([names.get(o, o) for o in against.get(f.source, ())]))
                + "</p>"
            )
        elif against.get(f.source):
            classes.append("conflicting")
            body.append(
                '<p class="tag conflict-tag">≠ conflicts with '
                + _e(_names([names.get(o, o) for o in against[f.source]]))
                + "</p>"
            )
        if f.matches_expected is False:
            classes.append("unexpected")
            body.append('<p class="tag expected-tag">≠ does not fit expected</p>')
        if f.agreement:
            body.append(_agreement_tag(f.agreement))
        if f.quote:
            body.append(
                f'<blockquote class="quote"{_lang(source)}>{_highlight(f.quote, f.text)}'
                "</blockquote>"
            )
        if f.why:
            body.append(
                f'<details class="why"><summary>Why this value</summary>{_e(f.why)}</details>'
            )
        body.append(_where(f, source))
    else:
        classes.append("notfound")
        body.append('<p class="value"><span aria-hidden="true">—</span> not found</p>')
        if f.agreement:
            body.append(_agreement_tag(f.agreement))
        if f.quote:
            why = f.why or "the closest passage holds no value that could be read"
            body.append(f'<p class="why">{_e(why[:1].upper() + why[1:])}:</p>')
            body.append(f'<blockquote class="quote"{_lang(source)}>{_e(f.quote)}</blockquote>')
            body.append(_where(f, source))
    for ch in changes:
        classes.append("changed")
        body.append(f'<p class="tag change-tag">Δ {_e(_change_words(ch))}</p>')
    return (
        f'<td class="{" ".join(dict.fromkeys(classes))}" data-source="{_e(f.source)}">'
        + "".join(body)
        + "</td>"
    )


def _claim(
    claim: ClaimResult,
    report: Report,
    names: dict[str, str],
    sources: dict[str, SourceInfo],
    changes: list[Change],
) -> str:
    sym, label = VERDICT_LABELS[claim.verdict]
    odd = outliers(claim)
    against = disagreements(claim) if claim.verdict == "conflict" else {}
    claim_changes = [ch for ch in changes if ch.source is None]
    where = f"{report.claims_file}:{claim.line}" if claim.line else report.claims_file
    head = [
        f'<p class="claim-top"><span class="verdict v-{claim.verdict}">'
        f'<span class="sym" aria-hidden="true">{sym}</span> {_e(label)}</span> '
        f'<code class="cid">{_e(claim.id)}</code> <span class="kind">{_e(claim.kind)}</span>'
        f' <span class="note">{_e(where)}</span></p>',
        f'<p class="ctitle" role="heading" aria-level="3">{_e(claim.title)}</p>',
        f'<p class="sentence">{_e(verdict_sentence(claim, names))}</p>',
    ]
    expected = expected_sentence(claim, names)
    if expected:
        head.append(f'<p class="expected">{_e(expected)}</p>')
    for ch in claim_changes:
        head.append(f'<p class="tag change-tag">Δ {_e(_change_words(ch))}</p>')
    cells = []
    order = [s.id for s in report.sources]
    by_source = {f.source: f for f in claim.findings}
    if report.compact:
        # a large run: the cells of the sources that give the claim (and the near misses), in
        # source order; the others are counted, never a cell each (QA4: 2,721 sources x 50
        # claims made a 31 MB page of "not found")
        listed = {f.source for f in claim.findings}
        order = [sid for sid in order if sid in listed]
        rest = len(report.sources) - len(order)
        if rest > 0:
            head.append(
                f'<p class="note">Not found in the {rest} other source{"s" * (rest != 1)}'
                " (not shown: a large run keeps the sources that give the claim).</p>"
            )
    for sid in order + [f.source for f in claim.findings if f.source not in sources]:
        f = by_source.get(sid) or Finding(source=sid, found=False)
        cells.append(
            _cell(f, claim, sources.get(sid), names, odd, against,
                  [ch for ch in changes if ch.source == sid])
        )
    attrs = {
        "conflict": claim.verdict == "conflict",
        "missing": claim.verdict == "missing",
        "changed": bool(changes),
    }
    data = "".join(f' data-{k}="{1 if v else 0}"' for k, v in attrs.items())
    n = max(1, len(cells))
    return (
        f'<tbody class="claim is-{claim.verdict}" id="{_e(_anchor(claim.id))}"{data}>'
        f'<tr class="claim-head"><th scope="rowgroup" colspan="{n}">{"".join(head)}</th></tr>'
        f'<tr class="cells">{"".join(cells)}</tr></tbody>'
    )


_CSS = """
:root{color-scheme:light;--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;
--conflict:#b42318;--conflict-bg:#fdecea;--consistent:#8a5a00;--consistent-bg:#fff5d6;
--agree:#197a35;--agree-bg:#e6f4ea;--single:#0b6e8a;--single-bg:#e3f4f8;--missing:#57606a;
--missing-bg:#f0f1f3;--change:#6639ba;--change-bg:#f1eafd;--mark:#ffe58a}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,
sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:1600px;margin:0 auto;padding:16px 20px 40px}
h1{font-size:1.6rem;margin:.2em 0 .3em;line-height:1.2}
h2{font-size:1.15rem;margin:1.2em 0 .4em}
code{font:.85em/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
a{color:#0550ae}
.lead{margin:.2em 0 .6em;color:var(--muted)}
.note{color:var(--muted);font-size:.85em;font-weight:400}
.sources td:nth-child(2){white-space:nowrap}
.counts{list-style:none;display:flex;flex-wrap:wrap;gap:8px;padding:0;margin:.4em 0 1em}
.counts li{padding:4px 10px;border-radius:999px;border:1px solid var(--line)}
.sym{font-weight:700}
.v-conflict{color:var(--conflict)}.v-consistent{color:var(--consistent)}
.v-agree{color:var(--agree)}.v-single{color:var(--single)}.v-missing{color:var(--missing)}
.counts li.v-conflict{background:var(--conflict-bg)}.counts li.v-consistent{
background:var(--consistent-bg)}.counts li.v-agree{background:var(--agree-bg)}
.counts li.v-single{background:var(--single-bg)}.counts li.v-missing{background:var(--missing-bg)}
.counts strong{color:var(--ink)}
.legend{border:1px solid var(--line);border-radius:6px;padding:6px 12px;margin:0 0 1em;
background:var(--soft)}
.legend summary{cursor:pointer;font-weight:600}
.legend p{margin:.5em 0}
.verdicts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:.4em 0}
.verdicts div{display:contents}.verdicts dt{font-weight:700;white-space:nowrap}
.verdicts dd{margin:0}
table{border-collapse:collapse}
.sources{margin:0 0 1em;width:100%}
.changes h2{text-align:left;font-weight:700;font-size:1.15rem;margin:.4em 0}
summary h2{display:inline;font-size:1.15rem;margin:0}
.legend summary h2{font-size:1em}
#claims:focus{outline:none}
.skip{position:absolute;left:8px;top:-40px;z-index:2;padding:6px 10px;background:#fff;
border:2px solid #0550ae;border-radius:4px}
.skip:focus{top:8px}
.sources th,.sources td,.changes th,.changes td{border-bottom:1px solid var(--line);
padding:4px 8px;text-align:left;vertical-align:top}
.sources thead th,.changes thead th{font-size:.85em;color:var(--muted)}
.changes{border:2px solid var(--change);border-radius:6px;padding:4px 12px 10px;margin:0 0 1em;
background:var(--change-bg)}
.changes table{width:100%}
.filters{display:flex;flex-wrap:wrap;gap:8px 18px;align-items:center;padding:8px 12px;
margin:0 0 10px;border:1px solid var(--line);border-radius:6px;background:var(--soft)}
.filters label{white-space:nowrap;cursor:pointer}
.filters input[type=search]{font:inherit;padding:3px 6px;width:16em;max-width:60vw}
.filters output{color:var(--muted);margin-left:auto}
.report{width:100%;table-layout:fixed;border:1px solid var(--line)}
.report thead th{position:sticky;top:0;z-index:1;background:#eaeef2;text-align:left;
padding:6px 8px;border-bottom:2px solid var(--line);font-size:.95em;overflow-wrap:anywhere}
tbody.claim,tbody.claim th{scroll-margin-top:3em}
.claim-head th{text-align:left;font-weight:400;background:var(--soft);padding:8px 10px 6px;
border-top:3px solid var(--line)}
tbody.is-conflict .claim-head th{border-top-color:var(--conflict)}
.claim-top,.ctitle,.sentence,.expected{margin:0 0 3px}
.ctitle{font-weight:700;font-size:1.05em}
.verdict{font-weight:700;margin-right:6px}
.cid{background:#fff;border:1px solid var(--line);border-radius:4px;padding:0 4px}
.kind{font-size:.8em;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);
margin:0 4px}
.cells td{vertical-align:top;padding:8px 10px;border-left:1px solid var(--line);
border-bottom:1px solid var(--line);overflow-wrap:break-word;border-top:4px solid transparent}
.cells td:first-child{border-left:0}
.is-agree .cells td:not(.notfound){border-top-color:var(--agree)}
.is-consistent .cells td:not(.notfound){border-top-color:#d4a72c}
.is-single .cells td:not(.notfound){border-top-color:var(--single)}
td.conflicting{border-top-color:#e8a49c!important;background:#fffafa}
td.outlier{border-top-color:var(--conflict)!important;background:var(--conflict-bg);
box-shadow:inset 0 0 0 2px var(--conflict)}
td.changed{box-shadow:inset 0 0 0 2px var(--change)}
td.outlier.changed{box-shadow:inset 0 0 0 2px var(--conflict),inset 0 0 0 4px var(--change)}
.value{font-size:1.2em;font-weight:700;margin:0 0 2px;font-variant-numeric:tabular-nums}
.nw{white-space:nowrap}
.qualifier,.why{margin:0 0 4px;font-size:.85em;color:var(--muted)}
details.why summary{cursor:pointer}
.tag{display:inline-block;margin:2px 0 4px;padding:1px 6px;border-radius:4px;font-size:.85em;
font-weight:600}
.outlier-tag{background:var(--conflict);color:#fff}
.conflict-tag{color:var(--conflict);border:1px solid var(--conflict);background:#fff}
.expected-tag{color:#8f1f6b;border:1px solid #8f1f6b;background:#fff}
.agree-tag{color:#0b5f73;border:1px solid #0b5f73;background:#fff}
.change-tag{color:#fff;background:var(--change)}
.quote{margin:4px 0;padding:2px 0 2px 8px;border-left:3px solid var(--line);font-size:.9em;
font-style:italic}
mark{background:var(--mark);color:inherit;font-style:normal;font-weight:600;padding:0 1px}
.where{margin:2px 0 0;font-size:.8em;color:var(--muted)}
td.notfound{color:var(--muted);background:#fafbfc}
td.notfound .value{font-weight:400;font-size:1em}
td.notfound .quote{opacity:.85}
.src-label{display:none}
.dimmed{color:var(--muted)}
#none{padding:12px;color:var(--muted)}
@media (max-width:STACK_BELOWpx){
main{padding:10px}
.report,.report tbody,.report tr,.report th,.report td{display:block;width:100%}
.report thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.report{border:0}
.report caption{display:block;text-align:left;margin:0 0 6px}
tbody.claim{border:1px solid var(--line);border-radius:6px;margin:0 0 14px;overflow:hidden}
.cells td{border-left:0;border-top-width:0;border-left:4px solid transparent}
.is-agree .cells td:not(.notfound){border-left-color:var(--agree)}
.is-consistent .cells td:not(.notfound){border-left-color:#d4a72c}
.is-single .cells td:not(.notfound){border-left-color:var(--single)}
td.conflicting{border-left-color:#e8a49c!important}
td.outlier{border-left-color:var(--conflict)!important}
.src-label{display:block;font-size:.8em;font-weight:700;text-transform:uppercase;
letter-spacing:.03em;color:var(--muted);margin-bottom:2px}
.filters output{margin-left:0}
.sources thead{display:none}
.sources tr{display:block;border-bottom:1px solid var(--line);padding:6px 0}
.sources th,.sources td{display:block;border:0;padding:0}
.sources td:nth-child(2)::before{content:"id: ";color:var(--muted)}
.sources td:nth-child(3)::before{content:"published: ";color:var(--muted)}
.verdicts{grid-template-columns:1fr}.verdicts dd{margin:0 0 4px 1.4em}
}
@media print{
body{font-size:10pt}
main{max-width:none;padding:0}
.filters,.legend summary,details.why{display:none}
.report thead th{position:static}
tbody.claim{break-inside:avoid}
a{color:inherit}
td.outlier,td.changed{box-shadow:none;border:2px solid #000!important}
}
"""

#: a large run's page (compact: hundreds of claims, tens of thousands of quoted cells) lays out
#: only the claims near the screen: the browser skips the others' layout and paint until they are
#: scrolled to, and still finds their text (Ctrl+F, the search box) and reads it to a screen
#: reader. QA7: 500 claims x 4,996 sources, a 25 MB page, took 18-24 s to open in Chromium and
#: 4-6 s per keystroke in the search box; with this, 3 s and 1 s. Printing lays out everything.
_CSS_LARGE = (
    "@media screen{tbody.claim{content-visibility:auto;contain-intrinsic-size:auto 900px}}"
)

_JS = """
(function(){
var form=document.getElementById('filters');
if(!form)return;
var claims=Array.prototype.slice.call(document.querySelectorAll('tbody.claim'));
var boxes=Array.prototype.slice.call(form.querySelectorAll('input[type=checkbox]'));
var q=document.getElementById('q'),shown=document.getElementById('shown'),
none=document.getElementById('none');
function apply(){
var on=boxes.filter(function(b){return b.checked;}).map(function(b){return b.value;});
var term=q.value.trim().toLowerCase(),n=0;
claims.forEach(function(c){
var ok=(on.length===0||on.some(function(k){return c.getAttribute('data-'+k)==='1';}))&&
(term===''||c.textContent.toLowerCase().indexOf(term)>=0);
c.hidden=!ok;if(ok){n++;}
});
shown.textContent='Showing '+n+' of '+claims.length+' claims';
if(none){none.hidden=n>0;}
}
form.addEventListener('input',apply);
form.addEventListener('change',apply);
form.addEventListener('submit',function(e){e.preventDefault();});
form.hidden=false;
apply();
})();
"""


#: narrowest a source column may get in the side-by-side table; below it, claims are stacked
MIN_COLUMN_PX = 150


def _stack_below(columns: int) -> int:
    """The page width (CSS px) under which each claim becomes a stack of cells: a phone, or a
    window too narrow for this many source columns."""
    return max(760, columns * MIN_COLUMN_PX + 60)


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page; deterministic, ends with a newline."""
    names = outlet_names(report)
    for f in (f for c in report.claims for f in c.findings):
        names.setdefault(f.source, f.source)
    sources = {s.id: s for s in report.sources}
    title = " ".join((report.title or "").split()) or "kzclaims report"
    changes_by_claim: dict[str, list[Change]] = {}
    for ch in report.changes or ():
        changes_by_claim.setdefault(ch.claim, []).append(ch)
    counts = {v: 0 for v in VERDICT_LABELS}
    for c in report.claims:
        counts[c.verdict] = counts.get(c.verdict, 0) + 1
    counts["changed"] = sum(1 for c in report.claims if changes_by_claim.get(c.id))
    extra = [f.source for c in report.claims for f in c.findings if f.source not in sources]
    columns = [s.id for s in report.sources] + list(dict.fromkeys(extra))
    n_claims, n_sources = len(report.claims), len(report.sources)
    head_cells = "".join(
        f'<th scope="col">{_e(names.get(sid, sid))}</th>' for sid in columns
    ) if not report.compact else '<th scope="col">Sources that give each claim</th>'
    # a compact report lists each claim's own cells, not a column per source: always stacked
    stack_below = 100_000 if report.compact else _stack_below(len(columns))
    body = [
        _claim(c, report, names, sources, changes_by_claim.get(c.id, []))
        for c in report.claims
    ]
    table = (
        '<table class="report" aria-describedby="summary"><caption class="note">'
        + ("Claims, each with the sources that give it" if report.compact else
           "Claims (one group of rows each) × sources (one column each)") + "</caption>"
        f"<thead><tr>{head_cells}</tr></thead>" + "".join(body) + "</table>"
        '<p id="none" hidden>No claim matches these filters.</p>'
        if report.claims
        else "<p>No claims to show.</p>"
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
        "form-action 'none'; base-uri 'none'\">",
        '<meta name="generator" content="kzclaims">',
        '<link rel="icon" href="data:,">',
        f"<title>{_e(title)} — kzclaims report</title>",
        f"<style>{_CSS.replace('STACK_BELOW', str(stack_below))}"
        f"{_CSS_LARGE if report.compact else ''}</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#claims">Skip to the claims</a>',
        "<main>",
        "<header>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="lead" id="summary">{n_claims} claim{"s" * (n_claims != 1)} from '
        f"<code>{_e(report.claims_file)}</code> compared across {n_sources} "
        f"source{'s' * (n_sources != 1)}.</p>",
        _counts(report),
        _legend(),
        _sources(report, names),
        "</header>",
        _changes(report, names, {c.id for c in report.claims}),
        '<h2 id="claims" tabindex="-1">Claims</h2>',
        _filters(report, counts),
        table,
        "</main>",
        f"<script>{_JS}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"
