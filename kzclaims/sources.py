"""Stage 2: the sources folder and its optional manifest ``sources.yaml``.

Source files are read, never written, each by the reader for its kind (``kzclaims.readers``:
text, HTML, PDF, Word). A file no reader understands is an input error with one clear line.
Without a manifest every file with a reader's suffix (``.txt``, ``.md``, ``.html``, ``.htm``,
``.pdf``, ``.docx``) is a source whose id is the file's stem, and every other file gets a warning.
The publication date is taken from the file's metadata or from a dateline near the top.

``--sources`` may also be a glob (``'articles/**/*.html'``: the files it matches, in path order,
each with the id of its path below the glob's folder) or a manifest file (``corpus.yaml``: its
files are relative to its folder). A manifest's ``file:`` may be a URL (``s3://``, ``gcs://``,
``https://``, ``memory://``, ``file://``) read through fsspec (:mod:`kzclaims.remote`).
"""

from __future__ import annotations

import datetime as dt
import glob as globlib
import os
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cached_property
from pathlib import Path

from kzclaims._dataclass import dataclass
from kzclaims._lazyre import cached
from kzclaims.errors import InputError, Problem
from kzclaims.lang import SUPPORTED
from kzclaims.model import Source
from kzclaims.readers import READABLE_SUFFIXES, Document, suffix_list
from kzclaims.remote import is_url, url_stem, url_suffix
from kzclaims.yamlfile import Node, Reporter, check_keys, parse_yaml, read_text_file, type_name

__all__ = [
    "MANIFEST",
    "SOURCE_SUFFIXES",
    "Corpus",
    "ManifestEntry",
    "SourceListing",
    "infer_dateline",
    "list_sources",
    "load_sources",
    "parse_manifest",
]

MANIFEST = "sources.yaml"
SOURCE_SUFFIXES = tuple(READABLE_SUFFIXES)
ENTRY_KEYS = ("file", "id", "outlet", "title", "published", "as_of", "url", "language")
ID_RE = cached(r"[A-Za-z0-9][A-Za-z0-9_.-]*\Z")
_ISO_DATE = cached(r"\d{4}-\d{2}-\d{2}\Z")


@dataclass(frozen=True, slots=True)  # one per source of a run: ~50 bytes less each (issue 8)
class ManifestEntry:
    """One source as a folder or a manifest lists it, before it is read."""

    file: str
    id: str
    outlet: str
    title: str | None = None
    published: dt.date | None = None
    as_of: dt.date | None = None
    url: str | None = None
    language: str | None = None  # None: detected from the text
    outlet_given: bool = True  # False: `outlet` is the id (no manifest, or no `outlet:`)
    line: int = 0
    col: int = 0
    file_col: int = 0  # column of the `file:` value, for "file not found" messages


@dataclass(frozen=True)
class Corpus:
    """The sources of a run, in manifest order (or file-name order), and warnings about them."""

    directory: str
    sources: tuple[Source, ...]
    warnings: tuple[Problem, ...] = ()
    manifest: str | None = None


def parse_manifest(text: str, path: str) -> tuple[ManifestEntry, ...]:
    """Validate the text of a manifest; raises InputError with every problem found."""
    entries, problems, _ = check_manifest(text, path)
    if any(p.severity == "error" for p in problems):
        raise InputError(sorted(problems, key=_position))
    return entries


def _position(p: Problem) -> tuple[int, int]:
    return (p.line or 0, p.col or 0)


def check_manifest(
    text: str, path: str
) -> tuple[tuple[ManifestEntry, ...], list[Problem], frozenset[str]]:
    """(the valid entries, every problem found, every file the manifest names).

    Every problem in one pass: an entry with a bad key or date is still checked for a duplicate
    id or file, and the valid entries are returned so that their files are checked too. Only a
    manifest that is not YAML, or not a mapping, stops here (raising InputError).
    """
    root, problems = parse_yaml(text, path)
    r = Reporter(path)
    r.problems.extend(problems)
    if root is None:
        raise InputError.single(
            path, "the manifest is empty; it needs a `sources:` list", 1, 1, "empty"
        )
    if not root.is_mapping:
        r.error(
            root,
            f"the manifest must be a mapping with a `sources:` list, not {type_name(root)}",
            "bad-type",
        )
        r.raise_if_errors()
    check_keys(r, root, ("sources",), ("sources",), "the manifest")
    items = root.value.get("sources")
    entries: list[ManifestEntry] = []
    named: set[str] = set()
    if items is not None:
        if not items.is_sequence:
            r.error(items, f"`sources` must be a list, not {type_name(items)}", "bad-type")
        elif not items.value:
            r.error(items, "`sources` is empty; list at least one file", "empty")
        else:
            ids: dict[str, int] = {}
            files: dict[str, int] = {}
            for item in items.value:
                entry = _entry(r, item)
                if not item.is_mapping:
                    continue
                file_node, id_node = item.value.get("file"), item.value.get("id")
                file = _text(file_node)
                sid = _text(id_node) or (_default_id(file) if file else None)
                if file is not None and not is_url(file):
                    # `./a.txt`, `sub//a.txt`: the file `a.txt`, `sub/a.txt` of the folder
                    file = posixpath.normpath(file)
                if file is not None:
                    named.add(file)
                if sid is not None and sid in ids:
                    r.error(
                        id_node or item,
                        f"duplicate source id `{sid}` (first used at line {ids[sid]})",
                        "duplicate-id",
                    )
                    continue
                if file is not None and file in files:
                    r.error(
                        file_node or item,
                        f"`{_text(file_node)}` is listed twice (first at line {files[file]})",
                        "duplicate-file",
                    )
                    continue
                if sid is not None:
                    ids[sid] = (id_node or file_node or item).line
                if file is not None:
                    files[file] = (file_node or item).line
                if entry is not None:
                    entries.append(entry)
    return tuple(entries), r.problems, frozenset(named)


def _text(node: Node | None) -> str | None:
    if node is None or not isinstance(node.value, str) or not node.value.strip():
        return None
    return node.value.strip()


def _entry(r: Reporter, item: Node) -> ManifestEntry | None:
    if not item.is_mapping:
        r.error(
            item,
            f"each source must be a mapping with at least `file`, not {type_name(item)}",
            "bad-type",
        )
        return None
    before = len(r.problems)
    check_keys(r, item, ENTRY_KEYS, ("file",), "this source")
    m = item.value
    texts: dict[str, str | None] = {}
    for key in ("file", "id", "outlet", "title", "url", "language"):
        node = m.get(key)
        if node is None or node.value is None:
            texts[key] = None
        elif isinstance(node.value, str) and node.value.strip():
            texts[key] = node.value.strip()
        else:
            texts[key] = None
            r.error(node, f"`{key}` must be non-empty text, not {type_name(node)}", "bad-type")
    file = texts["file"]
    if "file" in m and m["file"].value is None:  # `- file:` with nothing after it
        r.error(
            item,
            "`file` is empty: give the source's file (a path in the sources folder or a URL)",
            "missing-key",
        )
    if (
        file is not None
        and not is_url(file)
        and (Path(file).is_absolute() or ".." in Path(file).parts)
    ):
        r.error(
            m["file"],
            f"`file` must be a path inside the sources folder or a URL, not `{file}`",
            "bad-path",
        )
    sid = texts["id"] or (_default_id(file) if file else None)
    if texts["id"] is not None and not ID_RE.match(texts["id"]):
        r.error(
            m["id"],
            f"invalid source id `{texts['id']}`: use letters, digits, `-`, `_` and `.`",
            "bad-id",
        )
    dates: dict[str, dt.date | None] = {}
    for key in ("published", "as_of"):
        node = m.get(key)
        dates[key] = None
        if node is None or node.value is None:
            continue
        v = node.value
        if isinstance(v, dt.datetime):
            dates[key] = v.date()
        elif isinstance(v, dt.date):
            dates[key] = v
        elif isinstance(v, str) and _ISO_DATE.match(v.strip()):
            try:
                dates[key] = dt.date.fromisoformat(v.strip())
            except ValueError as exc:
                r.error(node, f"not a valid date `{v}`: {exc}", "bad-date")
        else:
            from kzclaims.claims import suggest_date

            hint = suggest_date(v)
            r.error(
                node,
                f"`{key}` must be a date like 2022-01-12, not {type_name(node)} `{v}`"
                + (f"; did you mean `{hint}`?" if hint else ""),
                "bad-date",
            )
    if any(p.severity == "error" for p in r.problems[before:]) or file is None or sid is None:
        return None
    return ManifestEntry(
        file=file,
        id=sid,
        outlet=texts["outlet"] or sid,
        outlet_given=bool(texts["outlet"]),
        title=texts["title"],
        published=dates["published"],
        as_of=dates["as_of"],
        url=texts["url"],
        language=_language(texts["language"]),
        line=item.line,
        col=item.col,
        file_col=m["file"].col,
    )


#: more files of the folder than this that the manifest does not list are one warning, not one
#: each (1,120 files archived beside a manifest of 300 gave 1,120 lines on every run)
UNLISTED_SHOWN = 5


def _default_id(file: str) -> str:
    """A source's id when the manifest gives none: its file's (or URL's) stem."""
    return url_stem(file) if is_url(file) else Path(file).stem


def _language(text: str | None) -> str | None:
    """The manifest's ``language:`` as a lower-case code ("ru-RU" -> "ru"; a supported
    language's name, "Russian" or "english", -> its code); checked against the supported
    languages in :func:`load_sources`, which warns about the others."""
    if text is None:
        return None
    code = text.strip().lower().replace("_", "-").split("-")[0]
    if code not in SUPPORTED:
        from kzclaims.lang import get

        code = {get(c).name.lower(): c for c in SUPPORTED}.get(code, code)
    return code


def _missing_extras(sources: list[Source]) -> list[Problem]:
    """One warning per language whose optional library is not installed (naming the extra)."""
    from kzclaims.lang import get, missing_extra

    out: list[Problem] = []
    seen: set[str] = set()
    for s in sources:
        if s.language in seen:
            continue
        seen.add(s.language)
        extra = missing_extra(s.language)
        if extra is not None:
            lang = get(s.language)
            out.append(Problem(
                s.file, None, None,
                f"{lang.name} text is matched by cutting word endings, which misses some"
                f" inflected forms; for lemmas: pip install \"kzclaims[{extra}]\"",
                "warning", "missing-language-extra",
            ))
    return out


def detect_language(text: str) -> str:
    """The language of a source without ``language:`` in the manifest (see kzclaims.lang)."""
    from kzclaims.lang import detect

    return detect(text)


@dataclass(frozen=True)
class SourceListing:
    """The sources of a folder, listed and checked but not read yet (for streaming runs).

    ``read(entry)`` reads one source; ``load_sources`` reads them all. A listing is small and
    picklable: worker processes read their own share of the sources.
    """

    directory: str  # the folder on disk
    shown_dir: str  # the folder as shown in messages and reports
    entries: tuple[ManifestEntry, ...]
    warnings: tuple[Problem, ...] = ()
    manifest: str | None = None
    follow_symlinks: bool = False
    problems: tuple[Problem, ...] = ()  # errors found while listing (``collect=True`` only)
    manifest_name: str = MANIFEST  # the manifest's file name in ``directory`` (when there is one)
    pattern: str | None = None  # the glob, as given, when the sources come from one

    @cached_property
    def _manifest_dates(self) -> tuple[dt.date, ...]:
        """The median of the manifest's dates (one, or none): the year of a year-less dateline
        in a source the manifest gives no date is the one nearest to it (kzclaims.dateline)."""
        return other_dates(d for x in self.entries for d in (x.as_of, x.published))

    def where_to_give(self, keys: str) -> str:
        """Where a user states ``keys`` (`published:`, `language:`) of a source, for a warning's
        advice: the manifest this run read, else a manifest to write (a folder's sources.yaml;
        for a glob, one to pass to --sources)."""
        if self.manifest:
            return f"give {keys} in {self.manifest} to be sure"
        if self.pattern is not None:
            return f"to be sure, list the files with {keys} in a manifest and pass it to --sources"
        folder = self.shown_dir.rstrip("/" + os.sep)
        manifest = MANIFEST if folder in ("", ".") else f"{folder}/{MANIFEST}"
        return f"to be sure, give {keys} in a manifest, {manifest}"

    def read(
        self, e: ManifestEntry, others: tuple[dt.date, ...] | None = None
    ) -> tuple[Source | None, list[Problem], list[Problem]]:
        """(the source or None, its problems, its warnings).

        ``others``: the dates that give the year of a year-less dateline (default: the
        manifest's); a source :func:`needs_other_dates` is read again with the dates of every
        other source of the run, once they are known."""
        manifest_shown = _join(self.shown_dir, self.manifest_name)
        if is_url(e.file):  # read through fsspec, by whichever process reads this source
            from kzclaims.readers import read_bytes
            from kzclaims.remote import read_url
            from kzclaims.safefs import MAX_SOURCE_BYTES

            shown = e.file
            try:
                data = read_url(e.file, (manifest_shown, e.line, e.file_col), MAX_SOURCE_BYTES)
                doc, size = read_bytes(data, shown, url_suffix(e.file) or ".txt"), len(data)
            except InputError as exc:
                return None, list(exc.problems), []
            return self._finish(e, shown, doc, size, manifest_shown, others)
        directory = Path(self.directory)
        path = directory / e.file
        shown = _join(self.shown_dir, e.file)
        if not path.exists() and not path.is_symlink():
            return None, [
                Problem(
                    manifest_shown,
                    e.line,
                    e.file_col,
                    f"source file not found: {shown}",
                    "error",
                    "missing-file",
                )
            ], []
        try:
            path = _safe_source_path(directory, path, shown, self.follow_symlinks)
            doc, size = _read_source(path, shown, Path(e.file).suffix)
        except InputError as exc:
            return None, [_listed_without_reader(p, e, manifest_shown) for p in exc.problems], []
        return self._finish(e, shown, doc, size, manifest_shown, others)

    def _finish(
        self, e: ManifestEntry, shown: str, doc: Document, size: int, manifest_shown: str,
        others: tuple[dt.date, ...] | None = None,
    ) -> tuple[Source | None, list[Problem], list[Problem]]:
        warnings = list(doc.warnings)
        source, language_warning, set_aside = _source(
            e, shown, doc, size, self._manifest_dates if others is None else others,
            self.where_to_give("`language:`"),
        )
        if language_warning is not None:
            warnings.append(language_warning)
        if set_aside is not None and e.published is not None:
            warnings.append(Problem(
                manifest_shown, e.line or None, e.col or None,
                f"{e.file}: the dateline “{set_aside}” is not within {_DATELINE_BEFORE_DAYS} days"
                f" before published {e.published.isoformat()}, so relative dates (yesterday,"
                f" вчера) count from {e.published.isoformat()}; give as_of: for this source if"
                " they count from the dateline",
                "warning", "dateline-set-aside",
            ))
        if source.language not in SUPPORTED:
            warnings.append(Problem(
                manifest_shown, e.line or None, e.col or None,
                f"language `{source.language}` of {e.file} is not supported (supported:"
                f" {', '.join(SUPPORTED)}); it is read as English",
                "warning", "unsupported-language",
            ))
            source = replace(source, language="en")
        if not doc.text.strip() and not doc.warnings:
            warnings.append(
                Problem(shown, None, None, "the source is empty", "warning", "empty-source")
            )
        if source.published is None and e.published is None and e.as_of is None:
            warnings.extend(_dateline_without_year(e, shown, doc.text, manifest_shown, self))
        return source, [], warnings


def _dateline_without_year(
    e: ManifestEntry, shown: str, text: str, manifest_shown: str, listing: SourceListing
) -> list[Problem]:
    """A year-less dateline nothing gives a year to ("МОСКВА, 14 марта. /ТАСС/." in a folder of
    undated sources, the text naming no year of the story): the source stays undated, so its
    relative and year-less dates are not read; one warning says so and what to give (QA9 S1)."""
    from kzclaims.dateline import find_yearless_dateline

    found = find_yearless_dateline(text)
    if found is None:
        return []
    where = listing.where_to_give("`published:`").replace(" to be sure", "").replace(
        "to be sure, ", ""
    )
    return [Problem(
        manifest_shown if e.line else shown, e.line or None, e.col or None,
        f"{e.file + ': ' if e.line else ''}its dateline “{found.text}” has no year and nothing"
        " gives one (no other dated source, no year of the story in the text), so its relative"
        f" and year-less dates are not read; {where}",
        "warning", "dateline-without-year",
    )]


#: what to do with a kind of file no reader knows, where there is something to do
_CONVERT = {
    ".doc": "save it as .docx",
    ".rtf": "save it as .docx",
    ".odt": "save it as .docx",
    ".pages": "export it as .docx or PDF",
    ".mht": "save the page as .html",
    ".mhtml": "save the page as .html",
    ".webarchive": "save the page as .html",
}


def _listed_without_reader(p: Problem, e: ManifestEntry, manifest_shown: str) -> Problem:
    """A manifest entry naming a kind of file no reader knows (``- file: notes.rtf``): the error
    at the entry's ``file:``, the line to edit, with what to do about it (as for such a file left
    out of a folder). Any other problem of the file is kept as it is."""
    if p.code != "no-reader" or p.line is not None:
        return p
    message = p.message
    hint = _CONVERT.get(Path(p.path).suffix.lower())
    if hint and message.startswith("no reader for "):
        message = message.replace(" (sources may be ", f" ({hint}; sources may be ", 1)
    return Problem(
        manifest_shown, e.line or None, e.file_col or None, f"{p.path}: {message}", "error",
        "no-reader",
    )


def _no_reader(shown: str) -> Problem:
    """The warning for a file of the sources no reader knows: it is left out."""
    suffix = Path(shown).suffix
    hint = _CONVERT.get(suffix.lower())
    return Problem(
        shown, None, None,
        f"no reader for {suffix or 'files without a suffix'}; it is not compared"
        f" ({hint + '; ' if hint else ''}sources may be {suffix_list()} files)",
        "warning", "no-reader",
    )


def list_sources(
    directory: str | Path,
    display: str | None = None,
    *,
    follow_symlinks: bool = False,
    collect: bool = False,
) -> SourceListing:
    """List and check the sources folder (and its manifest) without reading the sources.

    Raises InputError on a problem, unless ``collect``: then the listing carries its problems
    (``problems``) and the entries that are valid, so that every problem is found in one pass.
    """
    directory = Path(directory)
    shown_dir = display or str(directory)
    if not directory.exists() and not directory.is_symlink() and globlib.has_magic(str(directory)):
        return _list_glob(directory, shown_dir, follow_symlinks, collect)
    if not directory.exists():
        what = "manifest" if directory.suffix.lower() in _MANIFEST_SUFFIXES else "sources folder"
        raise InputError.single(shown_dir, f"{what} not found", code="missing-dir")
    manifest_name = MANIFEST
    given_manifest = directory.is_file() and directory.suffix.lower() in _MANIFEST_SUFFIXES
    if given_manifest:  # --sources corpus.yaml: its files are relative to its folder
        manifest_name = directory.name
        directory = directory.parent
        shown_dir = os.path.dirname(shown_dir) or "."
    elif directory.is_file() and directory.suffix.lower() in SOURCE_SUFFIXES:
        return _list_one(directory, shown_dir, follow_symlinks)
    elif not directory.is_dir():
        raise InputError.single(
            shown_dir,
            "not a folder; --sources takes the folder that holds the source files, a glob"
            " ('articles/**/*.html') or a manifest (.yaml)",
            code="not-a-dir",
        )
    manifest_path = directory / manifest_name
    manifest_shown = _join(shown_dir, manifest_name)
    files = [] if given_manifest else sorted(  # beside a manifest given by name: not sources
        p.name
        for p in directory.iterdir()
        if (p.is_symlink() or not p.is_dir()) and p.name != MANIFEST
    )
    on_disk = [name for name in files if Path(name).suffix.lower() in SOURCE_SUFFIXES]
    problems: list[Problem] = []
    warnings: list[Problem] = []
    listed: set[str] = set()
    if manifest_path.exists():
        text = read_text_file(manifest_path, manifest_shown, "manifest")
        if given_manifest:
            _not_a_claims_file(text, manifest_shown)
        entries, manifest_problems, named = check_manifest(text, manifest_shown)
        from kzclaims.remote import check_urls

        url_problems, unreadable = check_urls(
            [(e.file, manifest_shown, e.line, e.file_col) for e in entries if is_url(e.file)]
        )
        manifest_problems += url_problems
        entries = tuple(e for e in entries if e.file not in unreadable)  # said once, above
        manifest_problems = sorted(manifest_problems, key=_position)
        problems.extend(p for p in manifest_problems if p.severity == "error")
        warnings.extend(p for p in manifest_problems if p.severity != "error")
        listed = set(named)
        unlisted = [name for name in on_disk if name not in listed]
        if len(unlisted) > UNLISTED_SHOWN:  # an archive beside a curated manifest (QA9 Q20)
            more = ", ".join(_join(shown_dir, name) for name in unlisted[1:3])
            warnings.append(Problem(  # on a file, so that an annotation lands on one
                _join(shown_dir, unlisted[0]),
                None,
                None,
                f"not listed in {manifest_shown}, nor are {len(unlisted) - 1:,} more files of"
                f" the folder ({more}, ...); none is compared (add them to the manifest, or keep"
                " them in another folder)",
                "warning",
                "unlisted-source",
            ))
            unlisted = []
        warnings.extend(
            Problem(
                _join(shown_dir, name),
                None,
                None,
                f"not listed in {manifest_shown}; it is not compared (add it to the manifest)",
                "warning",
                "unlisted-source",
            )
            for name in unlisted
        )
    elif not on_disk:
        raise InputError.single(
            shown_dir,
            f"no sources: the folder has no {suffix_list()} files and no sources.yaml",
            code="no-sources",
        )
    else:  # without a manifest every readable file is a source named after its file
        entries = tuple(_unlisted_entries(on_disk, shown_dir, problems))
    warnings.extend(
        _no_reader(_join(shown_dir, name))
        for name in files
        if name not in listed and name not in on_disk and not name.startswith(".")
    )
    listing = SourceListing(
        directory=str(directory),
        shown_dir=shown_dir,
        entries=tuple(entries),
        warnings=tuple(warnings),
        manifest=manifest_shown if manifest_path.exists() else None,
        follow_symlinks=follow_symlinks,
        problems=tuple(problems),
        manifest_name=manifest_name,
    )
    if problems and not collect:
        raise InputError(problems)
    return listing


_MANIFEST_SUFFIXES = (".yaml", ".yml")


def _not_a_claims_file(text: str, shown: str) -> None:
    """``--sources claims.yaml``: one line saying what it is, not one per key it should not have."""
    root, _ = parse_yaml(text, shown)
    if root is not None and root.is_mapping and "sources" not in root.value and (
        "claims" in root.value
    ):
        raise InputError.single(
            shown,
            "not a folder nor a manifest: it has `claims:`, not `sources:` (a claims file?);"
            " --sources takes the folder that holds the source files, a glob or a manifest",
            code="not-a-dir",
        )


def _glob_base(parts: tuple[str, ...]) -> tuple[str, ...]:
    """The leading parts of a glob without a wildcard: the folder it lists."""
    k = next((i for i, part in enumerate(parts) if globlib.has_magic(part)), len(parts))
    return parts[:k]


def _list_glob(pattern: Path, shown: str, follow_symlinks: bool, collect: bool) -> SourceListing:
    """The sources a glob matches (``**`` for any depth), in the order of their paths.

    Each is read like a file of a folder without a manifest; its id is its path below the
    glob's folder without the suffix, ``/`` written ``-`` (``2022/jan/a.html`` -> ``2022-jan-a``).
    """
    base_parts = _glob_base(pattern.parts)
    base = Path(*base_parts) if base_parts else Path(".")
    rel = "/".join(pattern.parts[len(base_parts):])
    shown_parts = _glob_base(Path(shown).parts)
    shown_dir = str(Path(*shown_parts)) if shown_parts else "."
    if not base.is_dir():
        raise InputError.single(
            shown, f"no sources: {shown_dir} is not a folder", code="missing-dir"
        )
    matches = sorted(
        Path(m).as_posix()
        for m in globlib.glob(rel, root_dir=base, recursive=True)
        if (base / m).is_symlink() or not (base / m).is_dir()
    )
    readable = [m for m in matches if Path(m).suffix.lower() in SOURCE_SUFFIXES]
    if not readable:
        found = (
            f"the glob matches {len(matches)} file{'s' * (len(matches) > 1)}, none of them"
            f" {suffix_list()}"
            if matches else "no files match the glob"
        )
        raise InputError.single(shown, f"no sources: {found}", code="no-sources")
    problems: list[Problem] = []
    entries = _unlisted_entries(readable, shown_dir, problems, _path_id)
    warnings = [_no_reader(_join(shown_dir, name)) for name in matches if name not in readable]
    listing = SourceListing(
        directory=str(base),
        shown_dir=shown_dir,
        entries=tuple(entries),
        warnings=tuple(warnings),
        follow_symlinks=follow_symlinks,
        problems=tuple(problems),
        pattern=shown,
    )
    if problems and not collect:
        raise InputError(problems)
    return listing


def _list_one(path: Path, shown: str, follow_symlinks: bool) -> SourceListing:
    """One source file given as --sources (``--sources sources/tass.txt``): read like the one
    file a glob matches, its id its stem (QA8: "not a folder" for a file a user wanted checked
    on its own)."""
    return SourceListing(
        directory=str(path.parent),
        shown_dir=os.path.dirname(shown) or ".",
        entries=(
            ManifestEntry(file=path.name, id=path.stem, outlet=path.stem, outlet_given=False),
        ),
        follow_symlinks=follow_symlinks,
        pattern=shown,
    )


def _path_id(name: str) -> str:
    """The id of a source a glob found: its path without the suffix, ``/`` written ``-``."""
    return str(Path(name).with_suffix("").as_posix()).replace("/", "-")


def load_sources(
    directory: str | Path, display: str | None = None, *, follow_symlinks: bool = False
) -> Corpus:
    """Read the sources folder; raises InputError listing every unreadable file.

    A source whose path leaves the folder once symlinks are resolved is refused unless
    ``follow_symlinks``; FIFOs, devices and files over the size limit are refused too.
    """
    listing = list_sources(directory, display, follow_symlinks=follow_symlinks, collect=True)
    problems: list[Problem] = list(listing.problems)
    warnings: list[Problem] = list(listing.warnings)
    sources: list[Source] = []
    missing_extras: dict[str, list[Problem]] = {}
    read = [listing.read(e) for e in listing.entries]
    later = [
        k for k, (e, (source, _, _)) in enumerate(zip(listing.entries, read, strict=True))
        if source is not None and needs_other_dates(e, source)
    ]
    if later:  # year-less datelines dated by the other sources' dates (needs_other_dates)
        others = other_dates(  # an unreadable source (None) has no date to give
            s.published for k, (s, _, _) in enumerate(read) if k not in later and s is not None
        )
        for k in later:
            read[k] = listing.read(listing.entries[k], others)
    for source, bad, warned in read:
        for p in bad:
            if p.code == "missing-extra":
                missing_extras.setdefault(p.message, []).append(p)
            else:
                problems.append(p)
        warnings.extend(warned)
        if source is not None:
            sources.append(source)
    problems.extend(merge_missing_extras(missing_extras))
    warnings.extend(_missing_extras(sources))
    warnings.extend(_duplicates(sources))
    if problems:  # every error, and the warnings with them (``kzclaims check`` shows both)
        raise InputError(problems + warnings)
    return Corpus(
        directory=listing.shown_dir,
        sources=tuple(sources),
        warnings=tuple(warnings),
        manifest=listing.manifest,
    )


def _duplicates(sources: list[Source]) -> list[Problem]:
    """A warning for each source that repeats an earlier one: the same text (a page saved twice,
    a browser's "article (1).html") or the same address (a page and its AMP copy, whose
    canonical link names the page). Each copy counts as one more outlet in the verdicts, the
    outliers and the agreement across sources, so one outlet saved twice outvotes another."""
    import hashlib
    import re

    by_text: dict[str, str] = {}
    by_url: dict[str, str] = {}
    out: list[Problem] = []
    # the copy is the one named as a copy ("article (1).html", "article - Copy.txt", "Copy of
    # article.docx", "статья - копия.txt"), else the later: the warning names it, not the original
    copy = re.compile(r"(?i)(?: \(\d+\)| - (?:copy|копия)(?: \(\d+\))?)\.[^./]+$|(?:^|/)copy of ")
    for s in sorted(sources, key=lambda s: copy.search(s.file) is not None):
        words = " ".join(s.text.split())
        key = hashlib.sha256(words.encode("utf-8")).hexdigest() if words else None
        url = (s.url or "").strip().rstrip("/") or None
        if key is not None and key in by_text:
            how = f"the same text as {by_text[key]}"
        elif url is not None and url in by_url:
            how = f"the same address ({url}) as {by_url[url]}"
        else:
            how = ""
        if how:
            out.append(Problem(
                s.file, None, None,
                f"{how}: each copy counts as one more source in the comparison; keep one",
                "warning", "duplicate-source",
            ))
        if key is not None:
            by_text.setdefault(key, s.file)
        if url is not None:
            by_url.setdefault(url, s.file)
    return out


def merge_missing_extras(missing_extras: dict[str, list[Problem]]) -> list[Problem]:
    """One line per missing library, not one per file."""
    out = []
    for same in missing_extras.values():
        more = f" (and {len(same) - 1} more)" if len(same) > 1 else ""
        out.append(replace(same[0], path=same[0].path + more))
    return out


def _unlisted_entries(
    names: list[str],
    shown_dir: str,
    problems: list[Problem],
    id_of: Callable[[str], str] = lambda name: Path(name).stem,
) -> list[ManifestEntry]:
    """Entries for the files of a folder without a manifest: id = outlet = the file's stem."""
    entries: list[ManifestEntry] = []
    stems: dict[str, str] = {}
    for name in names:
        stem = id_of(name)
        if stem in stems:
            problems.append(
                Problem(
                    _join(shown_dir, name),
                    None,
                    None,
                    f"two sources would have the id `{stem}` ({_join(shown_dir, stems[stem])});"
                    " name them in a sources.yaml",
                    "error",
                    "duplicate-id",
                )
            )
            continue
        stems[stem] = name
        entries.append(ManifestEntry(file=name, id=stem, outlet=stem, outlet_given=False))
    return entries


def _join(directory: str, name: str) -> str:
    return name if directory in ("", ".") else f"{directory.rstrip('/' + os.sep)}/{name}"


def _safe_source_path(directory: Path, path: Path, shown: str, follow_symlinks: bool) -> Path:
    """The real path of a source, refused when it leaves the folder (see kzclaims.safefs)."""
    from kzclaims.safefs import resolve_inside

    return resolve_inside(directory, path, shown, follow_symlinks=follow_symlinks)


def _read_bytes(path: Path, shown: str) -> bytes:
    """A source's bytes: regular files only, never more than MAX_SOURCE_BYTES."""
    from kzclaims.safefs import MAX_SOURCE_BYTES, read_regular_file

    return read_regular_file(path, shown, MAX_SOURCE_BYTES, "source")


def _read_source(path: Path, shown: str, suffix: str) -> tuple[Document, int]:
    """The file read by the reader for its kind (see :mod:`kzclaims.readers`), and its size.

    ``suffix`` is the listed file's (``path`` may be a symlink's target with another name).
    """
    from kzclaims.readers import read_bytes

    data = _read_bytes(path, shown)
    return read_bytes(data, shown, suffix.lower()), len(data)


def _source(
    e: ManifestEntry, shown: str, doc: Document, size: int, others: tuple[dt.date, ...] = (),
    language_advice: str = f"give `language:` in {MANIFEST} to be sure",
) -> tuple[Source, Problem | None, str | None]:
    """A Source from its manifest entry and what its reader found; the manifest wins. Also a
    declared language the text contradicts (a warning), and a year-less dateline the publication
    date set aside (as written).

    The publication date not given by the manifest comes from an HTML page's markup (htmldate),
    else from a dateline near the top of the text, else from a PDF's or Word file's metadata
    (the file's creation date: the weakest sign, used last). Either way it is marked inferred.
    The language is the manifest's, else the one the file declares, else detected from the text;
    a declared language the script of the text plainly contradicts (a CMS template's
    ``<html lang="en">`` around Russian text) gives way to detection, with a warning.
    """
    published = e.published
    published_from = None
    if published is None:
        # a page's own markup (HTML, or a Markdown page's front matter) says when it was
        # published; a PDF's or Word file's date is when the file was made (used last)
        marked = doc.kind in ("html", "text") and doc.published is not None
        dateline = None if marked else infer_dateline(doc.text)
        if marked:
            published, published_from = doc.published, "page metadata"
        elif dateline is not None:
            published, published_from = dateline, "dateline"
        elif doc.published is not None:
            published, published_from = doc.published, "document properties"
    dateline, dateline_note, set_aside = _yearless_dateline(e, doc.text, published, others)
    if published is None and dateline is not None:
        published, published_from = dateline, "dateline"
    title = e.title or doc.title
    # the language a page or Word file declares (<html lang="ru">), when kzclaims reads it
    declared = doc.language if doc.language in SUPPORTED else None
    warning = None
    if e.language is None and declared is not None:
        from kzclaims.lang import get, script_language

        seen = script_language(doc.text)
        if seen is not None and seen != declared:
            where = f'lang="{declared}"' if doc.kind == "html" else f"language {declared}"
            warning = Problem(
                shown, None, None,
                f"declares {where} but the text is {get(seen).name}; {language_advice}",
                "warning", "declared-language",
            )
            declared = None
    source = Source(
        id=e.id,
        file=shown,
        text=doc.text,
        # a saved web page names its site: a better column title than the file's name
        outlet=e.outlet if e.outlet_given or not doc.site else doc.site,
        title=title,
        published=published,
        published_inferred=e.published is None and published is not None,
        as_of=e.as_of,
        url=e.url or doc.url,
        language=e.language or declared or detect_language(doc.text),
        language_detected=e.language is None and declared is None,
        size=size,
        kind=doc.kind,
        location_unit=doc.unit,
        locations=doc.line_marks(),
        title_inferred=e.title is None and title is not None,
        author=doc.author,
        published_from=published_from,
        dateline=dateline,
        dateline_note=dateline_note,
    )
    return source, warning, set_aside


def needs_other_dates(e: ManifestEntry, source: Source) -> bool:
    """Was this source's year-less dateline ("МОСКВА, 14 сентября. /Интерфакс/.") dated with no
    other date to go by (its year taken from a year the text writes, which may be a past one, or
    no date at all)? Such a source is read again once the dates of every other source of the
    run are known (:func:`other_dates`): the year nearest to them is the likelier one. The
    second reading depends on the set of the other sources' dates only, so the result is the
    same whatever the order of reading, the shards or ``--jobs``."""
    if e.published is not None or e.as_of is not None:
        return False
    if source.published is None:
        from kzclaims.dateline import find_yearless_dateline

        return find_yearless_dateline(source.text) is not None
    return source.published_from == "dateline" and _YEAR_FROM_TEXT in (source.dateline_note or "")


def other_dates(published: Iterable[dt.date | str | None]) -> tuple[dt.date, ...]:
    """The median of the other sources' publication dates (one, or none), as the manifest's
    dates are used (:attr:`SourceListing._manifest_dates`)."""
    dates = sorted(
        d if isinstance(d, dt.date) else dt.date.fromisoformat(d) for d in published if d
    )
    return (dates[len(dates) // 2],) if dates else ()


#: how a year-less dateline's year taken from the text is described (:func:`needs_other_dates`)
_YEAR_FROM_TEXT = "year from the text"

#: how many days before its publication date a dateline may be and still give the day written
_DATELINE_BEFORE_DAYS = 7


def _yearless_dateline(
    e: ManifestEntry, text: str, published: dt.date | None, others: tuple[dt.date, ...]
) -> tuple[dt.date | None, str | None, str | None]:
    """The day of a year-less dateline ("МОСКВА, 14 марта. /ТАСС/.", "Aug 19 (Reuters) -") and
    how its year was chosen (see :mod:`kzclaims.dateline`), and the dateline as written when the
    publication date set it aside; (None, None, None) without one.

    Next to a publication date (the manifest's, or one read from the file), the dateline counts
    only when it falls on it or up to a week before it (the day the story was written).
    """
    from kzclaims.dateline import find_yearless_dateline, nearest_year, text_year

    if e.as_of is not None:
        return None, None, None  # the manifest says what relative dates refer to
    found = find_yearless_dateline(text)
    if found is None:
        return None, None, None
    quoted = f"“{found.text}”"
    if published is not None:
        day = nearest_year(found.month, found.day, [published])
        if day is None or not 0 <= (published - day).days <= _DATELINE_BEFORE_DAYS:
            return None, None, found.text
        return day, f"{quoted}, year from the publication date {published.isoformat()}", None
    day = nearest_year(found.month, found.day, others)
    if day is not None:
        return day, f"{quoted}, year from the dates of the other sources", None
    year = text_year(text)
    if year is None:
        return None, None, None
    try:
        return dt.date(year, found.month, found.day), f"{quoted}, {_YEAR_FROM_TEXT} ({year})", None
    except ValueError:
        return None, None, None


_DATELINE_LINES = 8
_DATELINE_CHARS = 300


def infer_dateline(text: str) -> dt.date | None:
    """The publication date from a dateline near the top ("12 January 2022", "07.01.2022",
    "11 января 2022 года"): each line read in its own language."""
    from kzclaims.lang import detect
    from kzclaims.values import read_values

    # a dateline is short: only the start of each line is read (a 50 MB text on one line
    # must not be scanned whole)
    head_lines = [
        ln[:_DATELINE_CHARS] for ln in text[: 40 * _DATELINE_CHARS].split("\n", 40)[:40]
        if ln.strip()
    ][:_DATELINE_LINES]
    for line in head_lines:
        m = re.search(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b", line)
        if m:
            try:
                return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                pass
        for v in read_values(line, "date", None, detect(line)):
            reading = v.reading
            if not v.relative and getattr(reading, "day", None) is not None:
                return reading.first()  # type: ignore[union-attr]
    return None
