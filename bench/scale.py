"""How the design scales: build, store size, query latency, recall and memory at 1k, 10k and 100k paragraphs.

For each size the script writes a synthetic corpus of resolutions (seed text files and a
manifest.toml, in the plain shape `index/parse.py` reads) into a temporary folder, made from
the English paragraphs of the real seeds with varied wording: other topics, bodies, treaties,
organisations, cities and countries, shifted years and dates, other resolution symbols,
synonyms and shuffled clauses (resolutions A/RES/81/1 ... A/RES/89/n, 10-40 paragraphs each).
Into each corpus it plants 20 "needle" paragraphs, each naming a made-up programme and a date
no other needle has, with a question that paraphrases it, and many decoys of the same shape
naming other programmes, so that retrieval has to find the name rather than the shape. Then, in a child process per size
(so that peak memory is per size), it measures with the default settings and the real encoder:

  - build: wall time of `Assistant(...)` on an empty store, throughput (paragraphs/s, nodes/s)
    and where it went (parsing and nodes, embedding, Chroma + BM25 + records), from the
    store's progress messages
  - store size on disk, and the time to open the built store again
  - warm `Assistant.ask` latency p50/p95 over the needle questions and ~30 generic ones
    (one warm-up pass, then --repeats timed passes), with a rough split of one question
    (embedding, Chroma query, lexical search) and one Chinese question (a separate code path)
  - recall@5 of the needles (their paragraph among the top-5 `answer.contexts`), how many of
    the 20 needle questions are answered (not refused), and how many are answered with the
    needle cited first
  - peak resident memory of the child, and its resident memory once the store is open

It prints a table and the growth between consecutive sizes, and writes scale.json and
scale.png (log-log) to --out.

Run:  .venv/bin/python bench/scale.py [--sizes 1000 10000 100000] [--out bench/results] [--repeats 3]
"""
from __future__ import annotations

import argparse
import gc
import itertools
import json
import math
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NEEDLES = 20
DECOY_RATE = 0.03  # share of operative paragraphs that look like needles but name another programme

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ONES = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
TENS = {7: ("seventy", "seventieth"), 8: ("eighty", "eightieth"), 9: ("ninety", "ninetieth")}
COUNTS = ["two", "three", "four", "five", "six", "seven", "eight"]

# What a synthetic resolution is about; each replaces the seeds' own names.
TOPICS = [
    "lethal autonomous weapons systems", "small arms and light weapons", "unmanned aerial vehicles",
    "offensive cyber capabilities", "anti-satellite weapons", "improvised explosive devices",
    "hypersonic missiles", "explosive weapons in populated areas", "autonomous naval vessels",
    "directed-energy weapons", "chemical weapons", "biological agents", "anti-personnel landmines",
    "cluster munitions", "nuclear-capable delivery systems", "military applications of quantum computing",
]
BODIES = [
    "Group of Governmental Experts", "Open-ended Working Group", "Conference on Disarmament",
    "Disarmament Commission", "Advisory Board on Disarmament Matters", "Scientific Advisory Panel",
    "Preparatory Committee", "Ad Hoc Committee",
]
TREATIES = [
    ("Convention on Prohibitions or Restrictions on the Use of Certain Conventional Weapons Which May Be "
     "Deemed to Be Excessively Injurious or to Have Indiscriminate Effects"),
    "Arms Trade Treaty", "Treaty on the Non-Proliferation of Nuclear Weapons", "Chemical Weapons Convention",
    "Biological Weapons Convention", "Convention on Cluster Munitions", "Outer Space Treaty",
    "Anti-Personnel Mine Ban Convention",
]
ORGANISATIONS = [
    "International Committee of the Red Cross", "International Atomic Energy Agency",
    "United Nations Institute for Disarmament Research", "World Health Organization",
    "International Telecommunication Union", "Organisation for the Prohibition of Chemical Weapons",
]
CITIES = ["New York", "Geneva", "Vienna", "Nairobi", "Addis Ababa", "Bangkok", "Santiago", "Beirut", "Panama City"]
COUNTRIES = [
    "the Philippines", "Sierra Leone", "Austria", "the Republic of Korea", "Kenya", "Chile", "Thailand", "Mexico",
    "Ghana", "Norway", "Costa Rica", "Viet Nam", "Morocco", "Brazil", "Fiji", "Kazakhstan", "Ireland", "Senegal",
]
OPENERS = {  # a paragraph's first words: the seeds' verb and what a resolution may say instead
    "Recalling": ["Recalling", "Recalling also", "Bearing in mind"], "Affirming": ["Affirming", "Reaffirming"],
    "Mindful": ["Mindful", "Conscious", "Aware"], "Concerned": ["Concerned", "Deeply concerned", "Gravely concerned"],
    "Recognizing": ["Recognizing", "Acknowledging"], "Welcoming": ["Welcoming", "Appreciating"],
    "Noting": ["Noting", "Taking note of", "Noting with interest"], "Stressing": ["Stressing", "Emphasizing"],
    "Highlighting": ["Highlighting", "Underscoring"], "Decides": ["Decides", "Resolves"],
    "Requests": ["Requests", "Also requests"], "Invites": ["Invites", "Encourages"],
    "Calls upon": ["Calls upon", "Urges"],
    "Underlines": ["Underlines", "Emphasizes"], "Welcomes": ["Welcomes", "Notes with satisfaction"],
    "Highlights": ["Highlights", "Stresses"], "Stresses": ["Stresses", "Emphasizes"],
}
SYNONYMS = {
    "importance": ["significance"], "serious": ["grave"], "rapid": ["swift", "fast"], "valuable": ["useful"],
    "urgent": ["pressing"], "comprehensive": ["holistic"], "ongoing": ["continuing"], "sustained": ["continued"],
    "significant": ["considerable"], "consider": ["examine"], "discussions": ["deliberations"],
    "efforts": ["endeavours"], "stakeholders": ["actors"], "possible": ["potential"], "risk": ["danger"],
}

# Needles (and decoys): one paragraph naming a made-up programme, and a paraphrasing question.
KINDS = ["Programme", "Initiative", "Partnership", "Facility", "Platform", "Network", "Compact", "Dialogue"]
SUBJECTS = ["capacity-building on {t}", "verification technologies for {t}", "victim assistance related to {t}",
            "stockpile management of {t}", "export controls on {t}", "transparency measures concerning {t}"]
TEMPLATES = [  # (part, paragraph, question)
    ("OP", ("Decides to establish the {name} on {subject}, to be launched in {city} on {date}, and requests the "
            "Secretary-General to report on its implementation at the {session} session"),
     "When and in which city is the {name} going to start?"),
    ("OP", ("Welcomes the offer of {country} to host the first meeting of the {name} on {subject} on {date}, and "
            "invites Member States to contribute to its voluntary trust fund"),
     "Which country offered to host the opening meeting of the {name}, and on what date?"),
    ("OP", ("Requests the {body} to submit, by {date}, a report on the work of the {name} concerning {subject}, "
            "including its budgetary implications"),
     "By what date is the report on the {name} due?"),
    ("OP", ("Encourages all States to take part in the {name} on {subject}, which will hold {count} regional "
            "workshops ending on {date}"),
     "How many regional workshops will the {name} hold, and when do they end?"),
    ("PP", "Welcoming the launch of the {name} on {subject} in {city} on {date}",
     "Where and when was the {name} launched?"),
]
GENERIC = [
    "What is the Group of Governmental Experts called upon to do?",
    "Who is requested to facilitate the informal consultations?",
    "Where should the open informal consultations be convened?",
    "For how many days should the informal consultations last?",
    "What item is to be included in the provisional agenda?",
    "Why does the role of humans in the use of force matter?",
    "Which bodies of law apply to autonomous weapons systems?",
    "What risks do small arms and light weapons pose to international peace and security?",
    "Who contributed to international discussions on offensive cyber capabilities?",
    "What did the Secretary-General call for regarding a legally binding instrument?",
    "What promise do new and emerging technologies hold?",
    "Which weapons must not be used?",
    "Which conferences on unmanned aerial vehicles were hosted by States?",
    "How should developing countries be supported to participate in forums on anti-personnel landmines?",
    "What approach is required to address the challenges posed by cluster munitions?",
    "What is the Chair of the Open-ended Working Group invited to do?",
    "Who is invited to take into account the report of the Secretary-General?",
    "From which perspectives do hypersonic missiles raise concerns?",
    "When should the open informal consultations be conducted?",
    "Who may participate in the open informal consultations?",
    "What does the report of the Secretary-General reflect?",
    "Why are international cooperation and capacity-building important?",
    "What did the Human Rights Council adopt by consensus?",
    "What is the role of the General Assembly with regard to international peace and security?",
    "What is the New Agenda for Peace initiative meant to address?",
    "What are the High Contracting Parties urged to work towards?",
    "What does resolution 81/3 say about the report of the Secretary-General?",  # a named resolution: a filter
    "What does OP 2 of resolution 81/1 say?",  # a named paragraph: quoted, no search
    "What did resolution 75/32 decide?",  # a resolution that is not indexed
    "What is the best recipe for banana bread?",  # off topic: abstains
]
CHINESE = "自主武器系统带来了哪些挑战？"  # no Chinese text in the corpus: the English bridge path


# ---------------------------------------------------------------- the synthetic corpus


@dataclass
class Needle:
    doc: str
    part: str
    number: int
    name: str
    text: str
    question: str


@dataclass
class Corpus:
    files: int = 0
    paragraphs: int = 0  # PP + OP + one adoption record per resolution, as the parser will count them
    needles: list[Needle] = field(default_factory=list)


def session_word(n: int) -> str:
    base, round_ten = TENS[n // 10]
    return round_ten if n % 10 == 0 else f"{base}-{ONES[n % 10 - 1]}"


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def made_up_names(rng: random.Random, count: int) -> list[str]:
    """Distinct pronounceable names that no dictionary (and so no other paragraph) holds."""
    onsets = ["v", "k", "t", "z", "br", "dr", "gl", "m", "n", "p", "r", "s", "l", "qu", "th", "f", "h", "j", "sk", "w"]
    vowels = ["a", "e", "i", "o", "u", "ai", "ou", "ei"]
    names: set[str] = set()
    while len(names) < count:
        word = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(3)) + rng.choice(["n", "r", "l", "s", ""])
        names.add(word.capitalize())
    return sorted(names)


def seed_paragraphs() -> tuple[list[str], list[str]]:
    """The distinct preambular and operative paragraphs of the English seed resolutions."""
    import index

    corpus = index.load_corpus(ROOT / "seeds")
    resolutions = {d.doc for d in corpus.docs if d.is_resolution}
    english = [p for p in corpus.paragraphs if p.lang == "en" and p.doc in resolutions]

    def pick(part: str) -> list[str]:
        return list(dict.fromkeys(" ".join(p.text.split()) for p in english if p.part == part))

    return pick("PP"), pick("OP")


@dataclass
class Profile:
    """What one synthetic resolution is about, and its numbers."""

    doc: str
    session: int
    number: int
    topic: str
    body: str
    treaty: str
    organisation: str
    city: str
    countries: list[str]
    adopted: tuple[int, int, int]  # day, month, year

    @property
    def title(self) -> str:
        return self.topic[0].upper() + self.topic[1:]

    def date(self, rng: random.Random, years_ahead: int = 0) -> str:
        return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {self.adopted[2] + years_ahead}"

    def replacements(self) -> list[tuple[str, str]]:
        # Longest names first, so that the short forms do not break the long ones.
        topic_title = " ".join(w if w in ("and", "of", "in", "on") else w.capitalize() for w in self.topic.split())
        long_treaty = TREATIES[0]
        pairs = [
            (long_treaty, self.treaty), ("Convention on Certain Conventional Weapons", self.treaty),
            ("Group of Governmental Experts on Emerging Technologies in the Area of Lethal Autonomous Weapons Systems",
             f"{self.body} on {topic_title}"),
            ("Group of Governmental Experts", self.body), ("Lethal autonomous weapons systems", self.title),
            ("lethal autonomous weapons systems", self.topic), ("autonomous weapons systems", self.topic),
            ("autonomous weapon systems", self.topic), ("International Committee of the Red Cross", self.organisation),
            ("New York", self.city),
        ]
        pairs += list(zip(["the Philippines", "Sierra Leone", "Austria", "the Republic of Korea"], self.countries))
        return pairs


def vary(text: str, prof: Profile, rng: random.Random) -> str:
    """One seed paragraph, reworded for this resolution (without its closing mark)."""
    text = " ".join(text.split()).rstrip(",;.")
    for old, new in prof.replacements():
        text = text.replace(old, new)
    shift = prof.adopted[2] - 2025  # the seeds were adopted in 2024 and 2025
    text = re.sub(r"\b20\d\d\b", lambda m: str(int(m.group()) + shift), text)
    text = re.sub(rf"\b\d{{1,2}}(?= (?:{'|'.join(MONTHS)}) \d{{4}})", lambda m: str(rng.randint(1, 28)), text)
    text = re.sub(r"(?<![\w/])\d{2}/\d{1,4}(?![\w/])", lambda m: f"{rng.randint(60, 80)}/{rng.randint(1, 320)}", text)
    text = re.sub(r"\btwo days\b", f"{rng.choice(COUNTS)} days", text)
    text = re.sub(r"\b(eightieth|eighty-first) session", f"{session_word(prof.session + 1)} session", text)
    for head, choices in OPENERS.items():
        if text.startswith(head + " "):
            text = rng.choice(choices) + text[len(head):]
            break
    for word, others in SYNONYMS.items():
        text = re.sub(rf"\b{word}\b", lambda m, o=others: rng.choice([m.group()] + o), text)
    pieces = text.split(", ")
    if len(pieces) >= 4 and rng.random() < 0.25:  # shuffle the clauses after the opening one
        rest = pieces[1:]
        rng.shuffle(rest)
        text = ", ".join(pieces[:1] + rest)
    return text


def needle_text(template: int, name: str, prof: Profile, rng: random.Random, date: str) -> tuple[str, str, str]:
    part, paragraph, question = TEMPLATES[template]
    subject = rng.choice(SUBJECTS).format(t=prof.topic)
    values = {"name": name, "subject": subject, "city": rng.choice(CITIES), "date": date, "body": prof.body,
              "country": rng.choice(COUNTRIES), "count": rng.choice(COUNTS),
              "session": session_word(prof.session + rng.randint(1, 3))}
    return part, paragraph.format(**values), question.format(**values)


def write_corpus(folder: Path, size: int, rng: random.Random) -> Corpus:
    """Seed files and a manifest of about `size` paragraphs; returns the counts and the needles."""
    pp_pool, op_pool = seed_paragraphs()
    folder.mkdir(parents=True)
    lengths: list[int] = []  # body paragraphs per resolution, 10-40
    while sum(lengths) + len(lengths) < size:
        lengths.append(rng.randint(10, 40))
    with_needle = set(rng.sample(range(len(lengths)), min(NEEDLES, len(lengths))))
    names = made_up_names(rng, NEEDLES + int(size * DECOY_RATE) + 10)
    needle_names, decoy_names = names[:NEEDLES], names[NEEDLES:]
    rng.shuffle(needle_names)
    used_dates: set[str] = set()
    out = Corpus(files=len(lengths))
    manifest: list[str] = []
    for i, length in enumerate(lengths):
        session, number = 81 + i % 9, i // 9 + 1
        prof = Profile(
            doc=f"A/RES/{session}/{number}", session=session, number=number, topic=rng.choice(TOPICS),
            body=rng.choice(BODIES), treaty=rng.choice(TREATIES), organisation=rng.choice(ORGANISATIONS),
            city=rng.choice(CITIES), countries=rng.sample(COUNTRIES, 4),
            adopted=(rng.randint(1, 22), rng.choice([11, 12]), 2026 + session - 81),
        )
        n_pp = rng.randint(3, min(15, length - 3))
        pps = [vary(t, prof, rng) for t in rng.sample(pp_pool, min(n_pp, len(pp_pool)))]
        ops = []
        for _ in range(length - len(pps)):
            if rng.random() < DECOY_RATE and decoy_names:  # same shape as a needle, another name
                decoy = f"{decoy_names.pop()} {rng.choice(KINDS)}"
                ops.append(needle_text(rng.randrange(4), decoy, prof, rng, prof.date(rng, rng.randint(1, 3)))[1])
            else:
                ops.append(vary(rng.choice(op_pool), prof, rng))
        if i in with_needle:
            while (date := prof.date(rng, rng.randint(1, 3))) in used_dates:
                pass
            used_dates.add(date)
            name = f"{needle_names.pop()} {rng.choice(KINDS)}"
            part, text, question = needle_text(len(out.needles) % len(TEMPLATES), name, prof, rng, date)
            paras = pps if part == "PP" else ops
            at = rng.randint(0, len(paras))
            paras.insert(at, text)
            out.needles.append(Needle(prof.doc, part, at + 1, name, text, question))
        out.paragraphs += len(pps) + len(ops) + 1
        file = f"{i:05d}.txt"
        (folder / file).write_text(resolution_text(prof, pps, ops, rng), encoding="utf-8")
        adopted = "{2}-{1:02d}-{0:02d}".format(*prof.adopted)
        manifest.append(f'[[document]]\nfile = "{file}"\ndoc = "{prof.doc}"\ntitle = {json.dumps(prof.title)}\n'
                        f'lang = "en"\nkind = "resolution"\ndate = "{adopted}"\n')
    (folder / "manifest.toml").write_text("\n".join(manifest), encoding="utf-8")
    return out


def resolution_text(prof: Profile, pps: list[str], ops: list[str], rng: random.Random) -> str:
    """The plain shape the parser reads: header, title line, preamble, numbered operative part, meeting."""
    day, month, year = prof.adopted
    adopted = f"{day} {MONTHS[month - 1]} {year}"
    header = [
        "United Nations", f"General Assembly Distr.: General {day + 3} {MONTHS[month - 1]} {year}",
        (f"{session_word(prof.session).capitalize()} session Agenda item {rng.randint(60, 120)} "
         f"({rng.choice('abcdefghjk')}{rng.choice('abcdefghjk')}) General and complete disarmament: {prof.topic}"),
        f"Resolution adopted by the General Assembly on {adopted}",
        (f"[on the report of the First Committee (A/{prof.session}/{rng.randint(400, 600)}, "
         f"para. {rng.randint(5, 120)})]"),
        f"{prof.session}/{prof.number}. {prof.title}", "The General Assembly,",
    ]
    body = [p + "," for p in pps] + [f"{i}. {p}{'.' if i == len(ops) else ';'}" for i, p in enumerate(ops, 1)]
    closing = f"{ordinal(rng.randint(30, 70))} plenary meeting {adopted}"
    return "\n\n".join(header + body + [closing]) + "\n"


# ---------------------------------------------------------------- measuring one size (child process)


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def rss_mb() -> float:
    """Resident memory now (Linux), as opposed to the peak."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def folder_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20


def build_phases(start: float, events: list[tuple[float, str]]) -> dict[str, float]:
    """Split the build by the store's progress messages (a missing message merges two phases)."""
    def at(prefix: str, last: bool = False) -> float | None:
        hits = [t for t, msg in events if msg.startswith(prefix)]
        return (hits[-1] if last else hits[0]) if hits else None

    embedding, embedded, built = at("embedding "), at("embedded ", last=True), at("built ")
    phases: dict[str, float] = {}
    if embedding and built:
        phases["parse_and_nodes_s"] = embedding - start
        if embedded:
            phases["embed_s"] = embedded - embedding
            phases["chroma_bm25_records_s"] = built - embedded
        else:
            phases["embed_chroma_bm25_records_s"] = built - embedding
    return {k: round(v, 2) for k, v in phases.items()}


def query_parts(assistant, questions: list[str]) -> dict[str, float]:
    """Median time of the main steps of one question, measured on their own."""
    from assistant.retrieve import Filters

    embed, dense, lexical = [], [], []
    for q in questions:
        t0 = time.perf_counter()
        vec = assistant.store.embed([q])[0]
        t1 = time.perf_counter()
        assistant.store.dense(vec, 50)
        t2 = time.perf_counter()
        assistant.retriever.search(q, Filters(), k=10, mode="lexical")  # BM25 and coverage of its hits
        t3 = time.perf_counter()
        embed.append(t1 - t0)
        dense.append(t2 - t1)
        lexical.append(t3 - t2)

    def ms(xs: list[float]) -> float:
        return round(1000 * float(np.median(xs)), 2)

    return {"embed_ms": ms(embed), "chroma_ms": ms(dense), "lexical_ms": ms(lexical)}


def measure(size: int, work: Path, seed: int, repeats: int) -> dict:
    from assistant import Assistant

    def log(msg: str) -> None:
        print(f"[{size}] {time.strftime('%H:%M:%S')} {msg}", file=sys.stderr, flush=True)

    seeds, store_dir = work / "seeds", work / "store"
    t0 = time.perf_counter()
    corpus = write_corpus(seeds, size, random.Random(seed * 1_000_003 + size))
    log(f"wrote {corpus.files} resolutions, {corpus.paragraphs} paragraphs in {time.perf_counter() - t0:.1f} s")

    events: list[tuple[float, str]] = []

    def progress(msg: str) -> None:
        events.append((time.perf_counter(), msg))
        log(msg)

    t0 = time.perf_counter()
    built = Assistant(store_dir=store_dir, seeds_dir=seeds, progress=progress)
    build_s = time.perf_counter() - t0
    info = dict(built.store.info)
    settings = {"embedding": built.settings.embedding, "retrieval": built.settings.retrieval,
                "top_k": built.settings.top_k, "encoder": info.get("embedding")}
    del built
    gc.collect()

    t0 = time.perf_counter()
    assistant = Assistant(store_dir=store_dir, seeds_dir=seeds)  # the built store, opened as a new session would
    open_s = time.perf_counter() - t0
    serving_mb = rss_mb()
    if info["paragraphs"] != corpus.paragraphs:
        log(f"warning: the parser found {info['paragraphs']} paragraphs, the generator wrote {corpus.paragraphs}")
    misplaced = [n for n in corpus.needles
                 if n.name not in getattr(assistant.by_key.get((n.doc, "en", n.part, n.number)), "text", "")]
    if misplaced:
        log(f"warning: {len(misplaced)} needles are not where they were planted, e.g. {misplaced[0]}")

    questions = [n.question for n in corpus.needles] + GENERIC
    log(f"asking {len(questions)} questions, 1 warm-up + {repeats} timed passes")
    answers = [assistant.ask(q) for q in questions]  # the warm-up pass; answers are deterministic
    times: list[float] = []
    for _ in range(repeats):
        for q in questions:
            t = time.perf_counter()
            assistant.ask(q)
            times.append(1000 * (time.perf_counter() - t))
    found = top = cited = abstained = 0
    for n, a in zip(corpus.needles, answers):
        want = (n.doc, n.part, n.number)
        ranked = [(c.doc, c.part, c.number) for c in a.contexts[:5]]
        found += want in ranked
        top += ranked[:1] == [want]
        cited += bool(a.citations) and (a.citations[0].doc, a.citations[0].part, a.citations[0].number) == want
        abstained += a.abstained  # found but below the support threshold: listed, not cited
    generic = answers[len(corpus.needles):]
    t = time.perf_counter()
    assistant.ask(CHINESE)
    chinese_ms = 1000 * (time.perf_counter() - t)
    parts = query_parts(assistant, questions)
    log("done")

    n_needles = max(1, len(corpus.needles))
    return {
        "size": size, "files": corpus.files, "paragraphs": info["paragraphs"], "nodes": info["nodes"],
        "build_s": round(build_s, 2), "built_seconds": info.get("built_seconds"),
        "paragraphs_per_s": round(info["paragraphs"] / build_s, 1), "nodes_per_s": round(info["nodes"] / build_s, 1),
        "build_phases": build_phases(events[0][0] if events else 0.0, events),
        "store_mb": round(folder_mb(store_dir), 1), "open_s": round(open_s, 2),
        "questions": len(questions), "timed_asks": len(times),
        "p50_ms": round(percentile(times, 50), 1), "p95_ms": round(percentile(times, 95), 1),
        "needle_p50_ms": round(percentile(times[: len(corpus.needles)], 50), 1),
        "query_parts": parts, "chinese_ms": round(chinese_ms, 1),
        "needles": len(corpus.needles), "recall_at_5": round(found / n_needles, 3),
        "recall_at_1": round(top / n_needles, 3), "cited_first": round(cited / n_needles, 3),
        "needles_answered": len(corpus.needles) - abstained,
        "answered_rate": round((len(corpus.needles) - abstained) / n_needles, 3),
        "needles_cited_first": cited, "needles_abstained": abstained, "misplaced_needles": len(misplaced),
        "generic_abstained": sum(a.abstained for a in generic),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "serving_mb": round(serving_mb, 1), "settings": settings,
        "examples": [asdict(n) for n in corpus.needles[:3]],
    }


# ---------------------------------------------------------------- the report (parent process)


def run_child(size: int, work: Path, seed: int, repeats: int) -> dict:
    """Measure one size in a fresh interpreter, so that its peak memory is its own."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--one", str(size), "--work", str(work),
           "--seed", str(seed), "--repeats", str(repeats)]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT, check=False)  # progress: stderr
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    if proc.returncode or not lines:
        raise SystemExit(f"size {size} failed (exit {proc.returncode})")
    return json.loads(lines[-1].removeprefix("RESULT "))


def growth(rows: list[dict]) -> list[dict]:
    """Ratios between consecutive sizes, with the exponent k of n^k they imply."""
    out = []
    keys = ("build_s", "store_mb", "open_s", "p50_ms", "p95_ms", "peak_mb", "serving_mb")
    for a, b in itertools.pairwise(rows):
        n = b["paragraphs"] / a["paragraphs"]
        ratios = {k: round(b[k] / a[k], 2) for k in keys if a[k]}
        exps = {k: round(math.log(r) / math.log(n), 2) for k, r in ratios.items() if r > 0 and n > 1}
        out.append({"from": a["size"], "to": b["size"], "paragraphs_x": round(n, 2), "ratio": ratios, "exponent": exps})
    return out


def print_report(rows: list[dict], steps: list[dict]) -> None:
    head = ["size", "paragraphs", "files", "build s", "para/s", "nodes/s", "store MB", "open s",
            "p50 ms", "p95 ms", "recall@5", "recall@1", "cited 1st", "answered", "cited 1st/N", "peak MB", "serve MB"]
    keys = ["size", "paragraphs", "files", "build_s", "paragraphs_per_s", "nodes_per_s", "store_mb", "open_s",
            "p50_ms", "p95_ms", "recall_at_5", "recall_at_1", "cited_first", "answered", "cited_first_n",
            "peak_mb", "serving_mb"]

    def cell(r: dict, k: str) -> str:  # the needle questions answered, and answered citing the needle first
        if k == "answered":
            return f"{r['needles_answered']}/{r['needles']}"
        if k == "cited_first_n":
            return f"{r['needles_cited_first']}/{r['needles']}"
        return str(r[k])

    cells = [head] + [[cell(r, k) for k in keys] for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
    for j, line in enumerate(cells):
        print("  ".join(c.rjust(w) for c, w in zip(line, widths)))
        if j == 0:
            print("  ".join("-" * w for w in widths))
    print()
    for r in rows:
        phases = ", ".join(f"{k.removesuffix('_s').replace('_', ' ')} {v} s" for k, v in r["build_phases"].items())
        q = r["query_parts"]
        print(f"{r['size']:>7}: build {phases or 'n/a'}; one question: embed {q['embed_ms']} ms, "
              f"Chroma {q['chroma_ms']} ms, lexical {q['lexical_ms']} ms; Chinese question {r['chinese_ms']} ms; "
              f"needles answered {r['needles_answered']}/{r['needles']} (answered rate {r['answered_rate']}), "
              f"cited first {r['needles_cited_first']}/{r['needles']}, "
              f"abstained {r['needles_abstained']}/{r['needles']} (misplaced {r['misplaced_needles']}), "
              f"generic abstained {r['generic_abstained']}/{len(GENERIC)}")
    if steps:
        print()
    for s in steps:
        e, x = s["exponent"], s["ratio"]
        print(f"{s['from']} -> {s['to']} (x{s['paragraphs_x']} paragraphs): "
              + ", ".join(f"{k.removesuffix('_s').removesuffix('_ms').removesuffix('_mb')} x{x[k]} (n^{e.get(k, '?')})"
                          for k in x))


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    n = [r["paragraphs"] for r in rows]
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.5))
    panels = [
        ("build time", "seconds", [("build", "build_s")]),
        ("warm query latency", "ms", [("p50", "p50_ms"), ("p95", "p95_ms")]),
        ("size and memory", "MB",
         [("store on disk", "store_mb"), ("peak RSS", "peak_mb"), ("RSS serving", "serving_mb")]),
    ]
    for ax, (title, unit, series) in zip(axes, panels):
        for label, key in series:
            ax.plot(n, [r[key] for r in rows], marker="o", label=label)
        first = rows[0][series[0][1]]  # a dashed line of slope 1 from the first point: linear growth
        ax.plot(n, [first * x / n[0] for x in n], ls="--", color="grey", label="linear")
        ax.set(xscale="log", yscale="log", title=title, xlabel="paragraphs", ylabel=unit)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend()
    fig.suptitle("unres: how build, store, latency and memory grow with the corpus")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--repeats", type=int, default=3, help="timed passes over the questions")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: measure one size, print RESULT
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.one:
        if args.work:
            work = args.work / f"n{args.one}"
            result = measure(args.one, work, args.seed, args.repeats)
        else:
            with tempfile.TemporaryDirectory(prefix="unres-scale-") as tmp:
                result = measure(args.one, Path(tmp), args.seed, args.repeats)
        print("RESULT " + json.dumps(result), flush=True)
        return

    rows = []
    with tempfile.TemporaryDirectory(prefix="unres-scale-") as tmp:
        for size in sorted(args.sizes):
            rows.append(run_child(size, Path(tmp), args.seed, args.repeats))
            shutil.rmtree(Path(tmp) / f"n{size}", ignore_errors=True)  # a 100k store is large: free it now
    steps = growth(rows)
    print()
    print_report(rows, steps)
    args.out.mkdir(parents=True, exist_ok=True)
    machine = {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}
    (args.out / "scale.json").write_text(json.dumps({"machine": machine, "results": rows, "growth": steps}, indent=1))
    plot(rows, args.out / "scale.png")
    print(f"\nwrote {args.out / 'scale.json'} and {args.out / 'scale.png'}")


if __name__ == "__main__":
    main()
