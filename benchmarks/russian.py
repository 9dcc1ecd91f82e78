"""Library choices for Russian sources, measured: lemmatizer, sentence splitter, language detector.

    python benchmarks/russian.py

1. Lemmas for matching: pymorphy3 vs simplemma vs snowballstemmer vs our light_stem fallback,
   on inflected news words whose forms must meet on one key (войска/войск/войсками, ...):
   groups kept together, lemma accuracy, import and first-call time, time per word.
2. Sentence splitting: razdel vs kzclaims' own splitter with the Russian abbreviations, on
   hand-split news paragraphs with the traps news text has (тыс., г., initials, т.е., quotes,
   dashes, "№", numbers with dots).
3. Language detection: a script count vs lingua (restricted to English and Russian), on the
   sentences of the bundled and fixture sources: accuracy and time.

The optional libraries are imported only when installed; a missing one is reported and skipped.
Figures are recorded in docs/benchmarks.md ("Russian").
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# word -> its dictionary lemma (ё written е). Forms of one lemma must meet on one key.
GOLD = {
    "войска": "войско", "войск": "войско", "войсками": "войско", "войскам": "войско",
    "войсках": "войско", "вывод": "вывод", "вывода": "вывод", "выводе": "вывод",
    "выводом": "вывод", "бандитов": "бандит", "бандиты": "бандит", "бандитами": "бандит",
    "бандита": "бандит", "военнослужащих": "военнослужащий", "военнослужащие": "военнослужащий",
    "военнослужащими": "военнослужащий", "военных": "военный", "военные": "военный",
    "миротворцев": "миротворец", "миротворцы": "миротворец", "миротворческих": "миротворческий",
    "миротворческого": "миротворческий", "контингента": "контингент", "контингент": "контингент",
    "контингентом": "контингент", "сил": "сила", "силы": "сила", "силами": "сила",
    "начнётся": "начаться", "начнется": "начаться", "начался": "начаться", "завершится":
    "завершиться", "дней": "день", "дня": "день", "днях": "день", "суток": "сутки",
    "недели": "неделя", "недель": "неделя", "аэропорта": "аэропорт", "аэропорт": "аэропорт",
    "захватили": "захватить", "напали": "напасть", "нападения": "нападение",
    "президента": "президент", "президент": "президент", "мажилиса": "мажилис",
    "мажилисе": "мажилис", "обращения": "обращение", "заявил": "заявить",
    "погибли": "погибнуть", "человек": "человек", "техники": "техника", "единиц": "единица",
    "самолетов": "самолет", "самолётов": "самолет", "тысяч": "тысяча", "тысячи": "тысяча",
    "процентов": "процент", "инфляции": "инфляция", "января": "январь", "года": "год",
    "гражданских": "гражданский", "операции": "операция", "миссии": "миссия",
    "составе": "состав", "численность": "численность", "численностью": "численность",
    "стран": "страна", "государств": "государство", "жителей": "житель", "жители": "житель",
    "пожарных": "пожарный", "пожарные": "пожарный", "горняков": "горняк", "горняки": "горняк",
    "наводнения": "наводнение", "наводнении": "наводнение", "гектаров": "гектар",
}


def _norm(x: str) -> str:
    return x.lower().replace("ё", "е")


def lemmatizers() -> dict[str, Callable[[str], str]]:
    out: dict[str, Callable[[str], str]] = {}
    from kzclaims.lang.ru import light_stem

    out["light_stem (ours, no extra)"] = lambda w: light_stem(w.lower())
    try:
        t = time.perf_counter()
        import pymorphy3

        m = pymorphy3.MorphAnalyzer()
        m.parse("войска")
        print(f"  pymorphy3: import + analyzer + first call {time.perf_counter() - t:.2f} s")
        out["pymorphy3"] = lambda w: str(m.parse(w.lower())[0].normal_form)
    except ImportError:
        print("  pymorphy3 not installed")
    try:
        t = time.perf_counter()
        import simplemma

        simplemma.lemmatize("войска", lang="ru")
        print(f"  simplemma: import + first call (dictionary load) {time.perf_counter() - t:.2f} s")
        out["simplemma"] = lambda w: str(simplemma.lemmatize(w.lower(), lang="ru"))
    except ImportError:
        print("  simplemma not installed")
    try:
        t = time.perf_counter()
        import snowballstemmer

        st = snowballstemmer.stemmer("russian")
        print(f"  snowballstemmer: import {time.perf_counter() - t:.2f} s")
        out["snowballstemmer"] = lambda w: str(st.stemWord(w.lower()))
    except ImportError:
        print("  snowballstemmer not installed")
    return out


def measure_lemmas() -> None:
    print("1. Lemmas: inflected forms that must meet on one key")
    groups: dict[str, list[str]] = defaultdict(list)
    for w, g in GOLD.items():
        groups[_norm(g)].append(w)
    multi = {g: ws for g, ws in groups.items() if len(ws) > 1}
    for name, f in lemmatizers().items():
        together = sum(1 for ws in multi.values() if len({_norm(f(w)) for w in ws}) == 1)
        exact = sum(1 for w, g in GOLD.items() if _norm(f(w)) == _norm(g))
        t = time.perf_counter()
        for _ in range(5):
            for w in GOLD:
                f(w)
        per = (time.perf_counter() - t) / (5 * len(GOLD)) * 1e6
        exact_s = f"{exact}/{len(GOLD)}" if "stem" not in name else "n/a (stems)"
        print(f"  {name:28} groups together {together}/{len(multi)}; lemma right {exact_s};"
              f" {per:.1f} µs/word (uncached)")


# Paragraphs and their sentences (gold), with the traps of Russian news text.
SPLIT_GOLD: list[list[str]] = [
    ["В Алматы действовали 20 тыс. боевиков.", "Об этом сообщил президент."],
    ["Ущерб оценивается в 1,5 млрд тенге.", "Работы продлятся до весны."],
    ["Заседание прошло в г. Нур-Султане.", "Его провел спикер Мажилиса."],
    ["Как заявил В. В. Путин, миссия выполнена.", "Войска вернутся домой."],
    ["Решение принято, т.е. вывод начнется в четверг.", "Об этом сообщает ТАСС."],
    ["«Миссия выполнена», — сказал Токаев.", "Вывод начнется через два дня."],
    ["«Мы это сделаем!» — заявил президент.", "Его слова встретили аплодисментами."],
    ["Указ № 5 подписан.", "Он вступает в силу немедленно."],
    ["Инфляция составила 8,4%.", "Это выше прогноза."],
    ["В 2022 г. реформы продолжатся.", "Их план опубликован."],
    ["Режим ЧП действует до 19 января.", "Комендантский час сохраняется."],
    ["Погибли 225 человек, в т.ч. 19 сотрудников полиции.", "Расследование продолжается."],
    ["Встреча состоялась на ул. Абая.", "Присутствовали журналисты."],
    ["Контингент насчитывает 2 030 военнослужащих.", "Техники — 250 единиц."],
    ["По данным МВД, задержаны 9 900 человек.", "Среди них — иностранцы."],
    ["Он сказал: «Это конец».", "Затем вышел из зала."],
    ["Что будет дальше?", "Эксперты не дают прогнозов."],
    ["Доклад подготовил проф. Иванов.", "Он работает в МГУ."],
    ["Объем — 3.200 единиц оружия.", "Оружие изъято."],
    ["Президент Казахстана К.-Ж. Токаев выступил в Мажилисе.", "Выступление длилось час."],
    ["Сумма составила 340 млн долл.", "Часть средств уже выделена."],
    ["Миротворцы прибыли 6 янв. 2022 г. в Алматы.", "Их встретили военные."],
    ["Глубина — ок. 900 м.", "Спасатели работают круглосуточно."],
    ["Выборы прошли 13.09.2025.", "Явка составила 46,8%."],
]


def measure_split() -> None:
    print("2. Sentence splitting: boundaries right (paragraphs split exactly as the gold)")
    from kzclaims.text import split_sentences

    def ours(p: str) -> list[str]:
        return [s.text for s in split_sentences(p, "ru")]

    splitters: dict[str, Callable[[str], list[str]]] = {"kzclaims (own rules + ru abbrev.)": ours}
    try:
        import razdel

        splitters["razdel"] = lambda p: [s.text for s in razdel.sentenize(p)]
    except ImportError:
        print("  razdel not installed")
    for name, f in splitters.items():
        right = 0
        wrong: list[str] = []
        t = time.perf_counter()
        for gold in SPLIT_GOLD:
            got = f(" ".join(gold))
            if got == gold:
                right += 1
            else:
                wrong.append(" | ".join(got))
        ms = (time.perf_counter() - t) * 1000
        print(f"  {name:34} {right}/{len(SPLIT_GOLD)} paragraphs right; {ms:.1f} ms in all")
        for w in wrong:
            print(f"      wrong: {w}")


def measure_detection() -> None:
    print("3. Language detection on the sentences of the bundled and fixture sources")
    from kzclaims.lang import detect
    from kzclaims.text import split_sentences

    items: list[tuple[str, str]] = []
    for path in sorted((ROOT / "sources").glob("*.txt")):
        items += [(s.text, "en") for s in split_sentences(path.read_text(encoding="utf-8"))]
    ru = ROOT / "tests" / "fixtures" / "formats" / "sources" / "stepnoy-interfax-2022-01-11.txt"
    items += [(s.text, "ru") for s in split_sentences(ru.read_text(encoding="utf-8"), "ru")]
    items += [(" ".join(g), "ru") for g in SPLIT_GOLD]
    t = time.perf_counter()
    right = sum(detect(x) == want for x, want in items)
    print(f"  script count: {right}/{len(items)} right, {(time.perf_counter() - t) * 1e3:.1f} ms")
    try:
        t = time.perf_counter()
        from lingua import Language, LanguageDetectorBuilder

        det = LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.RUSSIAN).build()
        det.detect_language_of("warm up")
        load = time.perf_counter() - t
        t = time.perf_counter()
        right = sum(
            (det.detect_language_of(x) == Language.RUSSIAN) == (want == "ru") for x, want in items
        )
        print(f"  lingua (en, ru): {right}/{len(items)} right, load {load:.2f} s,"
              f" {(time.perf_counter() - t) * 1e3:.1f} ms")
    except ImportError:
        print("  lingua-language-detector not installed")


if __name__ == "__main__":
    measure_lemmas()
    measure_split()
    measure_detection()
