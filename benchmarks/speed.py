"""Speed of the value reader and start-up time of the CLI.

- reader: MB/s of ``kzclaims.values.read_values`` (temporal + numeric) over a deterministic,
  synthetic, news-like text of about 2 MB (the same every run: generated from a fixed seed),
  best of 3 runs;
- reader_numbers: the same for the numeric half alone (``read_numbers``);
- startup: median wall time of ``python -m kzclaims --help`` over 7 runs (import time of
  ``kzclaims.values`` when there is no CLI yet).

Run: python benchmarks/speed.py [--mb 2] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

_SENTENCES = [
    "The mission consists of {n:,} troops and {m} units of military equipment.",
    "Almost {w} thousand bandits attacked {city}, the president said on {month} {d}.",
    "About {n:,} service members were deployed, and the withdrawal will last for {d} days.",
    "At least {m} people were killed, {s} of them police officers, officials said.",
    "More than {n:,} people were detained in {city} between {month} {d} and {d2}.",
    "Inflation is expected to stay within a corridor of {a}-{b} percent by {year}.",
    "A {n:,}-strong force arrived from {country}; up to {n2:,} more may follow.",
    "Dozens of vehicles were burned and hundreds of shops were looted in {city}.",
    "The government allocated {a}.{s} billion tenge, or about ${m} million, to rebuild {city}.",
    "Protests began on {month} {d}, {year}, after fuel prices doubled to {m} tenge a litre.",
    "The {ord} session of the council approved the plan by {n:,} votes to {m}.",
    "Roughly {w} percent of respondents said the situation had improved in {city}.",
    "Security forces said {s} suspects were still at large, and no fewer than {m} were held.",
    "Officials said it was too early to discuss the consequences of the events for the market.",
    "The president thanked the leaders of the alliance for their support during the crisis.",
    "Residents told reporters that the streets of {city} were quiet on {weekday} morning.",
]
# sentences without a value: real news has roughly one value every few sentences (the seed
# articles: about one per 750 characters); the mix below gives about one per 150 characters
_FILLER = [
    "The president spoke about the strategic need to restructure the armed forces.",
    "Law enforcement agencies continue to restore order in {city} and other regions.",
    "The government will take all necessary measures to rebuild the confidence of investors.",
    "Kazakhstan experienced armed violence and terror attacks, the president said.",
    "A special operational group will investigate the case and disclose all the details.",
    "The new reforms will be on the agenda at the meeting of the Security Council soon.",
    "Internet access was restored in {city} after several days of disruption.",
    "Officials in {country} said the peacekeepers would return home once the mission ended.",
    "The fund will support families and help the city recover from the tragedy.",
    "Critics said the authorities had not explained why the protests turned violent.",
]
_FILL = {
    "city": ["Almaty", "Aktobe", "Taraz", "Shymkent", "Zhanaozen", "Nur-Sultan"],
    "country": ["Russia", "Belarus", "Armenia", "Tajikistan", "Kyrgyzstan"],
    "month": ["January", "Jan.", "February", "December"],
    "weekday": ["Monday", "Thursday", "Saturday"],
    "ord": ["30th", "73rd", "second", "fifth"],
}


def synthetic_text(megabytes: float = 2.0, seed: int = 2022) -> str:
    """A deterministic news-like text of about ``megabytes`` MB."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    target = int(megabytes * 1_000_000)
    while size < target:
        paragraph = []
        for _ in range(rng.randint(3, 6)):
            tpl = rng.choice(_SENTENCES) if rng.random() < 0.4 else rng.choice(_FILLER)
            sentence = tpl.format(
                n=rng.randint(100, 20000), n2=rng.randint(100, 20000), m=rng.randint(2, 999),
                w=rng.randint(2, 99), s=rng.randint(1, 40), d=rng.randint(1, 28),
                d2=rng.randint(1, 28), a=rng.randint(1, 9), b=rng.randint(10, 19),
                year=rng.randint(2015, 2025),
                **{k: rng.choice(v) for k, v in _FILL.items()},
            )  # fmt: skip
            paragraph.append(sentence)
        p = " ".join(paragraph) + "\n\n"
        parts.append(p)
        size += len(p.encode("utf-8"))
    return "".join(parts)


def reader_mb_per_s(text: str, numbers_only: bool = False, repeat: int = 3) -> float:
    from kzclaims.values import read_values
    from kzclaims.values.numbers import read_numbers

    fn = read_numbers if numbers_only else read_values
    mb = len(text.encode("utf-8")) / 1_000_000
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t0)
    return round(mb / best, 2)


def startup_ms(runs: int = 7) -> tuple[float, str]:
    """Median wall time of the CLI's --help (or of importing kzclaims.values)."""
    if (ROOT / "kzclaims" / "cli.py").exists():
        cmd = [sys.executable, "-m", "kzclaims", "--help"]
        what = "python -m kzclaims --help"
    else:
        cmd = [sys.executable, "-c", "import kzclaims.values"]
        what = "python -c 'import kzclaims.values'"
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, capture_output=True, check=False)
        times.append(time.perf_counter() - t0)
    return round(1000 * statistics.median(times), 1), what


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    text = synthetic_text(args.mb)
    res = {
        "reader_mb_per_s": reader_mb_per_s(text),
        "reader_numbers_mb_per_s": reader_mb_per_s(text, numbers_only=True),
    }
    ms, what = startup_ms()
    res["startup_ms"] = ms
    if args.json:
        print(json.dumps(res))
    else:
        for k, v in res.items():
            print(f"{k:26s} {v}")
        print(f"(startup measured as: {what})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
