"""The whole job: `kzclaims compare` on the bundled corpus, and on the corpus scaled up.

    python benchmarks/pipeline.py            # table
    python benchmarks/pipeline.py --json     # one JSON object

Figures (medians of several runs, in one process run so they compare with each other):
- ``python -c pass`` (the interpreter floor), ``kzclaims --help`` (start-up), and
  ``kzclaims compare`` on the bundled corpus (29 claims x 5 sources), as whole processes;
- the in-process cost of each stage on the bundled corpus;
- ``compare()`` on the bundled sources repeated to ~1 MB and ~4 MB (29 claims), in MB/s: the
  pipeline should grow linearly with the corpus (values are read only in matched passages).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _median_process(args: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(args, cwd=ROOT, capture_output=True, check=False)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def processes(runs: int = 7) -> dict[str, float]:
    py = sys.executable
    return {
        "python_pass_ms": _median_process([py, "-c", "pass"], runs),
        "help_ms": _median_process([py, "-m", "kzclaims", "--help"], runs),
        "compare_ms": _median_process([py, "-m", "kzclaims", "compare"], runs),
        "compare_json_ms": _median_process(
            [py, "-m", "kzclaims", "compare", "--format", "json"], runs
        ),
    }


def scaled(megabytes: float) -> dict[str, float]:
    from kzclaims.claims import load_claims
    from kzclaims.pipeline import compare
    from kzclaims.sources import Corpus, load_sources

    claims = load_claims(ROOT / "claims.yaml", "claims.yaml")
    corpus = load_sources(ROOT / "sources", "sources")
    size = sum(len(s.text.encode()) for s in corpus.sources)
    copies = max(1, round(megabytes * 1e6 / size))
    sources = tuple(
        replace(s, id=f"{s.id}-{i}", text=s.text) for i in range(copies) for s in corpus.sources
    )
    big = Corpus(corpus.directory, sources)
    compare(claims, corpus)  # warm: imports and compiled patterns
    t = time.perf_counter()
    compare(claims, big)
    seconds = time.perf_counter() - t
    mb = size * copies / 1e6
    return {"megabytes": round(mb, 2), "sources": len(sources), "seconds": round(seconds, 3),
            "mb_per_s": round(mb / seconds, 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    res: dict[str, object] = {"processes": processes(args.runs),
                              "scaled": [scaled(1.0), scaled(4.0)]}
    if args.json:
        print(json.dumps(res, indent=2, sort_keys=True))
        return 0
    p = res["processes"]
    assert isinstance(p, dict)
    print(f"{'python -c pass':34} {p['python_pass_ms']:8.0f} ms")
    print(f"{'kzclaims --help':34} {p['help_ms']:8.0f} ms")
    print(f"{'kzclaims compare (bundled)':34} {p['compare_ms']:8.0f} ms")
    print(f"{'kzclaims compare --format json':34} {p['compare_json_ms']:8.0f} ms")
    for row in res["scaled"]:  # type: ignore[union-attr]
        print(f"compare() on {row['megabytes']:5.2f} MB ({row['sources']} sources): "
              f"{row['seconds']:.2f} s, {row['mb_per_s']:.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
