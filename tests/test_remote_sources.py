"""Sources from a glob, from a manifest given by name, and from URLs read through fsspec.

No network: fsspec's ``memory://`` filesystem (one per process, shared by the threads of an
in-process Dask cluster), ``file://`` URLs, and a fake protocol that refuses access.
"""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from kzclaims.cli import app
from kzclaims.sources import list_sources

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "sources"

fsspec = pytest.importorskip("fsspec")


def _run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def _manifest() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((BUNDLED / "sources.yaml").read_text(encoding="utf-8"))
    return data


def _without_locations(report: str) -> list[Any]:
    """The claims of a JSON report (what was found where), without the sources' file names."""
    data = json.loads(report)
    return data["claims"]


@pytest.fixture
def bundled_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    shutil.copy(ROOT / "claims.yaml", tmp_path / "claims.yaml")
    shutil.copytree(BUNDLED, tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    result = _run("compare", "-f", "json", "-q")
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


@pytest.fixture
def in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """A manifest (corpus.yaml) of the bundled sources put in memory://<unique>/."""
    bucket = f"kz-{uuid.uuid4().hex[:8]}"
    fs = fsspec.filesystem("memory")
    man = _manifest()
    for e in man["sources"]:
        fs.pipe(f"/{bucket}/{e['file']}", (BUNDLED / e["file"]).read_bytes())
        e["file"] = f"memory://{bucket}/{e['file']}"
    shutil.copy(ROOT / "claims.yaml", tmp_path / "claims.yaml")
    (tmp_path / "corpus.yaml").write_text(yaml.safe_dump(man, sort_keys=False), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    yield tmp_path, bucket
    fs.rm(f"/{bucket}", recursive=True)


# --- globs ------------------------------------------------------------------------------------


def test_a_glob_lists_its_files_in_path_order_with_path_ids(tmp_path: Path) -> None:
    for rel in ("b.txt", "2022/jan/a.txt", "2022/feb/c.md", "x/notes.csv", ".hidden.txt"):
        (tmp_path / "articles" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "articles" / rel).write_text("Some text.\n", encoding="utf-8")
    pattern = tmp_path / "articles" / "**" / "*"
    listing = list_sources(pattern, "articles/**/*")
    assert [e.file for e in listing.entries] == ["2022/feb/c.md", "2022/jan/a.txt", "b.txt"]
    assert [e.id for e in listing.entries] == ["2022-feb-c", "2022-jan-a", "b"]
    assert listing.shown_dir == "articles"
    assert [w.path for w in listing.warnings] == ["articles/x/notes.csv"]  # no reader
    flat = list_sources(tmp_path / "articles" / "*.txt", "articles/*.txt")
    assert [e.id for e in flat.entries] == ["b"]  # hidden files are not matched


def test_compare_over_a_glob_finds_what_the_folder_gives(
    bundled_json: str, tmp_path: Path
) -> None:
    nested = tmp_path / "articles" / "2022"
    nested.mkdir(parents=True)
    for f in BUNDLED.glob("*.txt"):
        shutil.copy(f, nested / f.name)
    # the same files, ids from their paths: compare the values found, not the ids
    result = _run("compare", "--sources", "articles/**/*.txt", "-f", "json", "-q")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [s["file"] for s in data["sources"]] == sorted(
        f"articles/2022/{f.name}" for f in BUNDLED.glob("*.txt")
    )
    found = {(c["id"], json.dumps(f["value"])) for c in data["claims"] for f in c["findings"]
             if f["found"]}
    # the bundled manifest gives publication dates the glob cannot; statements and numbers match
    before = {(c["id"], json.dumps(f["value"])) for c in json.loads(bundled_json)["claims"]
              for f in c["findings"] if f["found"]}
    assert len(found & before) >= len(before) - 3


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("articles/**/*.pdf", "articles/**/*.pdf: error: no sources: no files match the glob"),
        ("nowhere/*.txt", "nowhere/*.txt: error: no sources: nowhere is not a folder"),
    ],
)
def test_a_glob_that_matches_no_source_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, message: str
) -> None:
    (tmp_path / "articles").mkdir()
    shutil.copy(ROOT / "claims.yaml", tmp_path / "claims.yaml")
    monkeypatch.chdir(tmp_path)
    result = _run("compare", "--sources", pattern)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [message]


# --- a manifest given by name; URLs -----------------------------------------------------------


def test_sources_in_memory_give_the_same_report(
    in_memory: tuple[Path, str], bundled_json: str
) -> None:
    folder, bucket = in_memory
    result = _run("compare", "--sources", str(folder / "corpus.yaml"), "-f", "json", "-q")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [s["file"] for s in data["sources"]] == [
        f"memory://{bucket}/{e['file']}" for e in _manifest()["sources"]
    ]
    assert _without_locations(result.stdout) == _without_locations(bundled_json)


def test_file_urls_give_the_same_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bundled_json: str
) -> None:
    man = _manifest()
    for e in man["sources"]:
        e["file"] = (BUNDLED / e["file"]).resolve().as_uri()
    (tmp_path / "urls.yaml").write_text(yaml.safe_dump(man), encoding="utf-8")
    result = _run("compare", "--sources", "urls.yaml", "-f", "json", "-q")
    assert result.exit_code == 0, result.stderr
    assert _without_locations(result.stdout) == _without_locations(bundled_json)


def test_dask_workers_read_url_sources(in_memory: tuple[Path, str], bundled_json: str) -> None:
    pytest.importorskip("distributed")
    from dask.distributed import LocalCluster

    from kzclaims.claims import load_claims
    from kzclaims.execute import run_compare
    from kzclaims.render.json import render_json

    claims = load_claims(Path("claims.yaml"), "claims.yaml")
    listing = list_sources("corpus.yaml")
    # workers in this process (memory:// is per process): they read the URLs themselves
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        dask = run_compare(claims, listing, scheduler=cluster.scheduler_address)
    local = run_compare(claims, listing, jobs=1)
    assert render_json(dask.report) == render_json(local.report)
    assert all(s.file.startswith("memory://") for s in dask.report.sources)


def _write_manifest(folder: Path, files: list[str]) -> None:
    man = {"sources": [{"file": f} for f in files]}
    (folder / "corpus.yaml").write_text(yaml.safe_dump(man), encoding="utf-8")


def test_a_missing_object_is_one_line_at_its_entry(in_memory: tuple[Path, str]) -> None:
    folder, bucket = in_memory
    man = yaml.safe_load((folder / "corpus.yaml").read_text(encoding="utf-8"))
    man["sources"].append({"file": f"memory://{bucket}/gone.txt"})
    (folder / "corpus.yaml").write_text(yaml.safe_dump(man, sort_keys=False), encoding="utf-8")
    line = (folder / "corpus.yaml").read_text(encoding="utf-8").splitlines().index(
        f"- file: memory://{bucket}/gone.txt"
    ) + 1
    result = _run("compare", "--sources", "corpus.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"corpus.yaml:{line}:9: error: memory://{bucket}/gone.txt: source not found"
    ]


def test_an_unknown_protocol_is_found_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _write_manifest(tmp_path, ["memory://kz-none/a.txt", "nosuch://bucket/b.txt"])
    result = _run("check", "--claims", str(ROOT / "claims.yaml"), "--sources", "corpus.yaml")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith("corpus.yaml:2:9: error: memory://kz-none/a.txt: source not found")
    assert lines[1].startswith("corpus.yaml:3:9: error: nosuch://bucket/b.txt: unknown protocol")
    assert sum("nosuch://" in x for x in lines) == 1  # said once, not again when reading


class _Refusing(fsspec.AbstractFileSystem):  # type: ignore[misc]
    protocol = "kzrefuse"

    def info(self, path: str, **kwargs: Any) -> dict[str, Any]:
        raise PermissionError("Access Denied (no credentials found)")


class _NoCredentials(Exception):
    """What botocore raises (NoCredentialsError), without botocore."""


class _NoCreds(fsspec.AbstractFileSystem):  # type: ignore[misc]
    protocol = "kznocreds"

    def info(self, path: str, **kwargs: Any) -> dict[str, Any]:
        raise _NoCredentials("Unable to locate credentials")


def test_refused_access_and_missing_credentials_are_one_line_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fsspec.register_implementation("kzrefuse", _Refusing, clobber=True)
    fsspec.register_implementation("kznocreds", _NoCreds, clobber=True)
    monkeypatch.chdir(tmp_path)
    _write_manifest(tmp_path, ["kzrefuse://bucket/a.txt", "kznocreds://bucket/b.txt"])
    result = _run("compare", "--claims", str(ROOT / "claims.yaml"), "--sources", "corpus.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "corpus.yaml:2:9: error: kzrefuse://bucket/a.txt: access refused (credentials?):"
        " Access Denied (no credentials found)",
        "corpus.yaml:3:9: error: kznocreds://bucket/b.txt: cannot read (credentials?):"
        " _NoCredentials: Unable to locate credentials",
    ]
    assert "Traceback" not in result.output


def test_a_url_source_has_the_size_limit_of_a_file(
    in_memory: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kzclaims import safefs

    monkeypatch.setattr(safefs, "MAX_SOURCE_BYTES", 1000)
    result = _run("compare", "--sources", "corpus.yaml")
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith("corpus.yaml:2:9: error: memory://")
    assert "too large for a source" in first and "the limit is 1000 bytes" in first


def test_url_sources_are_read_by_content(in_memory: tuple[Path, str]) -> None:
    """An HTML page at a URL without a suffix is read by the HTML reader."""
    pytest.importorskip("trafilatura")
    folder, bucket = in_memory
    page = (
        "<!doctype html><html lang=en><head><title>Almaty</title></head><body><article>"
        "<p>Kazakhstan appealed to the CSTO states for help on January 5, 2022.</p>"
        "</article></body></html>"
    )
    fsspec.filesystem("memory").pipe(f"/{bucket}/page", page.encode())
    _write_manifest(folder, [f"memory://{bucket}/page"])
    listing = list_sources("corpus.yaml")
    (entry,) = listing.entries
    source, problems, _ = listing.read(entry)
    assert problems == [] and source is not None
    assert (source.id, source.kind, source.file) == ("page", "html", f"memory://{bucket}/page")
    assert source.text.startswith("Kazakhstan appealed")


def test_without_fsspec_one_line_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    real = builtins.__import__

    def no_fsspec(name: str, *a: object, **k: object) -> object:
        if name.startswith("fsspec"):
            raise ImportError(name)
        return real(name, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_fsspec)
    monkeypatch.chdir(tmp_path)
    _write_manifest(tmp_path, ["s3://bucket/a.html", "https://example.org/b"])
    result = _run("compare", "--claims", str(ROOT / "claims.yaml"), "--sources", "corpus.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "corpus.yaml:2:9: error: s3://bucket/a.html (and 1 more): reading sources from URLs"
        ' needs fsspec; pip install "kzclaims[remote]"'
    ]


def test_the_manifest_schema_accepts_url_files() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "kzclaims" / "schemas" / "sources.schema.json").read_text())
    manifest = {"sources": [{"file": "s3://bucket/a.html"}, {"file": "file:///srv/b.pdf"},
                            {"file": "articles/c.txt"}]}
    jsonschema.validate(manifest, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"sources": [{"file": "../outside.txt"}]}, schema)


def test_a_protocol_whose_library_is_missing_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fsspec.register_implementation(
        "kzmissing", "kzclaims_no_such_module.FileSystem", clobber=True,
        errtxt="Install kzmissingfs to access it",
    )
    monkeypatch.chdir(tmp_path)
    _write_manifest(tmp_path, ["kzmissing://bucket/a.txt", "kzmissing://bucket/b.txt"])
    line = (
        "corpus.yaml:2:9: error: kzmissing://bucket/a.txt: reading kzmissing:// needs a library"
        " that is not installed (Install kzmissingfs to access it)"
    )
    claims = str(ROOT / "claims.yaml")
    result = _run("compare", "--claims", claims, "--sources", "corpus.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [line]
    # check reads every source it can: the two it cannot are not read (and said once)
    checked = _run("check", "--claims", claims, "--sources", "corpus.yaml")
    assert checked.exit_code == 2
    assert checked.stderr.splitlines() == [line, "kzclaims: 1 error, 0 warnings"]


class _Unreachable(fsspec.AbstractFileSystem):  # type: ignore[misc]
    """What fsspec's HTTPFileSystem does without a network: every failure of its HEAD and GET
    becomes FileNotFoundError, raised from the connection error."""

    protocol = "kzoffline"

    def info(self, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            raise ConnectionRefusedError("Cannot connect to host example.com:443")
        except OSError as exc:
            raise FileNotFoundError(path) from exc


def test_a_host_that_cannot_be_reached_is_not_called_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fsspec.register_implementation("kzoffline", _Unreachable, clobber=True)
    monkeypatch.chdir(tmp_path)
    _write_manifest(tmp_path, ["kzoffline://example.com/a.html"])
    result = _run("compare", "--claims", str(ROOT / "claims.yaml"), "--sources", "corpus.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "corpus.yaml:2:9: error: kzoffline://example.com/a.html: cannot reach it (network?):"
        " ConnectionRefusedError: Cannot connect to host example.com:443"
    ]


def test_a_relative_file_url_is_refused_whatever_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``file://../a.txt`` names the host ``..``: fsspec would read it from the working
    folder, so the same manifest would read different files from different folders."""
    (tmp_path / "a.txt").write_text("Some text.\n", encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    monkeypatch.chdir(tmp_path / "corpus")
    _write_manifest(tmp_path / "corpus", ["file://../a.txt"])
    result = _run("check", "--claims", str(ROOT / "claims.yaml"), "--sources", "corpus.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "corpus.yaml:2:9: error: file://../a.txt: a file:// URL must be absolute"
        " (file:///path/to/file); a path relative to the manifest needs no file://"
    )


def test_a_percent_encoded_file_url_that_is_not_found_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "with space"
    folder.mkdir()
    (folder / "a.txt").write_text("Some text.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    url = (folder / "a.txt").as_uri()  # file:///.../with%20space/a.txt
    assert "%20" in url
    _write_manifest(tmp_path, [url])
    result = _run("compare", "--claims", str(ROOT / "claims.yaml"), "--sources", "corpus.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"corpus.yaml:2:9: error: {url}: source not found (file:// paths are read as written,"
        f" not %-decoded: write `file://{folder / 'a.txt'}`)"
    ]


# --- http(s):// -------------------------------------------------------------------------------


@pytest.fixture
def web_server(tmp_path: Path) -> Any:
    """The bundled sources served over HTTP on 127.0.0.1 (no network needed)."""
    import functools
    import http.server
    import threading

    site = tmp_path / "site"
    shutil.copytree(BUNDLED, site)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_sources_served_over_http_give_the_folder_findings(
    bundled_json: str, web_server: str, tmp_path: Path
) -> None:
    pytest.importorskip("aiohttp")  # the [remote] extra's http support
    man = _manifest()
    for e in man["sources"]:
        e["file"] = f"{web_server}/{e['file']}"
    (tmp_path / "web.yaml").write_text(yaml.safe_dump(man, sort_keys=False), encoding="utf-8")
    result = _run("compare", "--sources", "web.yaml", "-f", "json", "-q")
    assert result.exit_code == 0, result.stderr
    assert _without_locations(result.stdout) == _without_locations(bundled_json)
    # a page the server does not have is one line at the manifest entry, exit 2
    man["sources"][0]["file"] = f"{web_server}/gone.txt"
    (tmp_path / "web.yaml").write_text(yaml.safe_dump(man, sort_keys=False), encoding="utf-8")
    result = _run("compare", "--sources", "web.yaml", "-q")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("web.yaml:") and "gone.txt" in lines[0], lines


def test_check_lists_a_manifests_problems_in_line_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a read failure (line 2) is found after the listing's problems (lines 3, 4): shown in order
    fsspec.register_implementation("kzrefuse", _Refusing, clobber=True)
    monkeypatch.chdir(tmp_path)
    _write_manifest(
        tmp_path, ["kzrefuse://bucket/a.txt", "nosuch://bucket/b.txt", "ftpx://host/c.txt"]
    )
    result = _run("check", "--claims", str(ROOT / "claims.yaml"), "--sources", "corpus.yaml")
    assert result.exit_code == 2
    located = [x.split(": ")[0] for x in result.stderr.splitlines() if x.startswith("corpus")]
    assert located == ["corpus.yaml:2:9", "corpus.yaml:3:9", "corpus.yaml:4:9"]
