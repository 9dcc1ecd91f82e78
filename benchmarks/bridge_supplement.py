"""A measured alternative, not the library's behaviour (issue 10, ninth pass): a one-line claim
also searched by its other language's lines, bridged (docs/benchmarks.md, "Phrasing the way users
write").

    python benchmarks/bridge_supplement.py --modes title,first,question
    python benchmarks/bridge_supplement.py --variants 2 --bar 1 --only en

The library bridges a claim only into a language it has no phrasing in
(:mod:`kzclaims.lang.bridge`). Here ``kzclaims.lang.bridge`` and ``ShardSearch._needs_bridge``
are patched for the run so that a claim with at most one ``find`` line in every language is also
bridged into a language where it has one line (claims as written, with two lines in a language,
are untouched). ``--variants``: bridged phrasings per line for such a supplement (the library's
5 otherwise); ``--bar N``: each supplementary phrasing gets N content words no text holds, which
emulates a higher bar (its coverage and local score count them missing); ``--no-questions``:
questions are not bridged as supplements; ``--only``: supplement into one language only.

Printed: per mode, design right / false finds (``benchmarks/phrasing_cells.py``: the design splits,
development figures) and the validation split's aggregate (value right en / ru, false
finds: never a failure); the design right values less false finds summed over the modes; with
``--per-event FILE``, that sum per design event as JSON (for leaving one event out).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import claims as bench  # noqa: E402
import phrasing_cells as cells  # noqa: E402

import kzclaims.lang.bridge as br  # noqa: E402
import kzclaims.pipeline as pl  # noqa: E402
from kzclaims.lang import language_of_phrase  # noqa: E402
from kzclaims.model import Claim  # noqa: E402

#: a word no text holds (the --bar emulation)
ABSENT = "qxqzv"


def patch(variants: int, bar: int, questions: bool, only: str | None) -> None:
    """Patch the bridge for the run (see the module's docstring)."""

    def count(phrases: Iterable[str], lang: str) -> int:
        return sum(language_of_phrase(p) == lang for p in phrases)

    def targets(claim: Claim, languages: Iterable[str]) -> list[str]:
        langs = set(languages)
        have = {language_of_phrase(p) for p in claim.find}
        short = all(count(claim.find, lang) <= 1 for lang in have)
        return sorted(
            lang for lang in langs
            if count(claim.find, lang) == 0
            or (short and (only is None or lang == only))
        )

    def bridges_of(
        claim: Claim, languages: Iterable[str], searched: Any = None
    ) -> tuple[br.Bridge, ...]:
        phrases: Sequence[str] = br._searched(claim, searched)
        out: list[br.Bridge] = []
        for target in targets(claim, languages):
            supplement = count(claim.find, target) > 0
            for p in phrases:
                if language_of_phrase(p) == target:
                    continue
                if supplement and not questions and bench._is_question(p):
                    continue
                got = br.bridge_phrasing(p, target, variants if supplement else br.VARIANTS)
                if supplement and bar:
                    got = tuple(replace(b, text=b.text + f" {ABSENT}" * bar) for b in got)
                out.extend(got)
        return tuple(out)

    def bridge_claim(claim: Claim, languages: Iterable[str], searched: Any = None) -> Claim:
        langs = frozenset(languages)
        if not targets(claim, langs):
            return claim
        bridges = bridges_of(claim, langs, searched)
        if not bridges:
            return claim
        find = tuple(dict.fromkeys((*claim.find, *(b.text for b in bridges))))
        units = tuple(claim.unit)
        for target in sorted({b.language for b in bridges}):
            units += br._bridge_units(claim.unit, target)
        return replace(claim, find=find, unit=tuple(dict.fromkeys(units)))

    def bridge_claims(
        claims: Sequence[Claim], languages: Iterable[str], searched: Any = None
    ) -> tuple[Claim, ...]:
        return tuple(bridge_claim(c, languages, searched) for c in claims)

    def needs_bridge(self: pl.ShardSearch) -> bool:
        return any(targets(c, self.languages) for c in self.given)

    br.bridges_of = bridges_of  # type: ignore[assignment]
    br.bridge_claim = bridge_claim  # type: ignore[assignment]
    br.bridge_claims = bridge_claims  # type: ignore[assignment]
    pl.ShardSearch._needs_bridge = needs_bridge  # type: ignore[method-assign]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--modes", default=",".join(cells.MODES))
    ap.add_argument("--variants", type=int, default=br.VARIANTS)
    ap.add_argument("--bar", type=int, default=0)
    ap.add_argument("--no-questions", action="store_true")
    ap.add_argument("--only", choices=("en", "ru"))
    ap.add_argument("--off", action="store_true", help="the library as it is (the reference)")
    ap.add_argument("--per-event", type=Path)
    args = ap.parse_args()
    if not args.off:
        patch(args.variants, args.bar, not args.no_questions, args.only)
    modes = tuple(args.modes.split(","))
    if "as-written" not in modes:
        modes = ("as-written", *modes)
    table = cells.run(modes)
    per: Counter[str] = Counter()
    for how in modes:
        right, false = cells.score(table[how])
        for (ev, _, _), v in table[how].items():
            per[ev] += (v[0] == "right") - (v[0] == "false")
        v = bench.SPLITS.validation[0]
        valid = bench.run([v], phrasing=how)[v]
        print(f"{how:11} design {right} / {false}   {v} "
              f"{valid['en'].figures()['value_right']} / {valid['ru'].figures()['value_right']}"
              f" / {valid['all'].false_finds}", flush=True)
    print("design right - false, summed over the modes:", sum(per.values()))
    if args.per_event:
        args.per_event.write_text(json.dumps(per, indent=1, sort_keys=True), encoding="utf-8")


if __name__ == "__main__":
    main()
