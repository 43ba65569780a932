"""The public Python API: `Assistant(**config).ask(question, history) -> Answer`."""
from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable

from index import FN, PART_NAMES, PARTS, Paragraph, label_for, make_encoder, open_store

from .answer import Answer, Citation, Context, Source
from .brief import Brief, make_brief
from .compare import Change, Comparison, align
from .compose import answer_patterns, change_sentence, human_date, sentence, short_symbol, used_clauses
from .config import Settings
from .grounding import sentences_with_citations
from .limits import clean_filters, clean_history
from .references import Reference, find_references, resolve_relative
from .retrieve import Filters, Hit, Retriever
from .text import Concept, concepts, content_terms, expand, language, names, phrase_pairs

# Signs that a question leans on the previous turn: some always ("And what did ...?", "What
# about ...?"), some only when the question does not stand on its own ("them", "it").
_CONTINUES = re.compile(r"^\s*(and|but|so|what about|how about|also)\b|\b(the same|previous|earlier|last year's)\b|"
                        r"^\s*(那么|还有|那)|呢[？?]?\s*$", re.I)
_FOLLOW_UP = re.compile(
    r"\b(they|them|their|it|its|this|that|these|those|he|she|his|her|there|the group|the chair)\b|"
    r"他们|它|其|该|这些|那些|上述|此",
    re.I,
)
_COMPARE = re.compile(r"\b(compare|comparison|differ|difference|change|changed|same|keep|kept|still|both|"
                      r"drop|dropped|add|added|versus|vs)\b|比较|区别|变化|相同|保留|两项", re.I)
_SYMBOL = re.compile(r"(?<![\d/])\d{2,3}/\d{1,4}(?![\d/])")
_LABEL = re.compile(r"^\s*((?:A/RES/)?\d+/\d+|[\w/-]+)\s+(PP|OP|FN|META|P)\s*(\d+)?\s*(?:\((\w+)\))?\s*$", re.I)

FOLLOW_UP_MARGIN = 0.25  # a follow-up well supported on its own is read on its own
ANSWER_TYPE_BONUS = 0.2  # a paragraph holding what a when/where/how-long question asks for
ABSTAIN = {
    "en": "The indexed texts do not answer this question.",
    "zh": "所收录的文本没有回答这个问题。",
}
RELATED = {"en": "Nearest paragraphs (related, not support): ", "zh": "最接近的段落（仅供参考，不作为依据）："}
ENGLISH_ONLY = "（第{sym}号决议没有中文文本，以下引自英文文本。）"


class QuestionError(ValueError):
    """The question (or a filter) cannot be used; the message says why."""


class Assistant:
    """Grounded question answering over the indexed resolutions.

    `Assistant(**config)` opens the store (building it on first use); any field of
    `Settings` may be passed, e.g. `Assistant(embedding="minilm")`.
    """

    def __init__(self, progress: Callable[[str], None] | None = None, **config):
        self.settings = Settings.load(**config)
        encoder = make_encoder(self.settings.embedding)
        # Load the model's weights while the store opens: the two take about as long.
        threading.Thread(target=_quietly(encoder.load), daemon=True).start()
        self.store = open_store(
            self.settings.store_dir,
            self.settings.seeds_dir,
            encoder,
            chroma_url=self.settings.chroma_url or None,
            progress=progress or (lambda msg: None),
        )
        self.retriever = Retriever(self.store, self.settings.dense_weight, self.settings.lexical_weight)
        # One entry per document; the English entry's title where there are several languages.
        self.docs = {d.doc: d for d in sorted(self.store.corpus.docs, key=lambda d: d.lang == "en")}
        self.resolutions = {d.doc: d.date for d in self.store.corpus.docs if d.is_resolution}
        self.by_key = {p.key: p for p in self.store.paragraphs}
        # Every resolution number the texts mention ("78/241"), to tell a question about a
        # resolution that is quoted from one about a resolution the texts never name.
        self._quoted = {m for p in self.store.paragraphs for m in _SYMBOL.findall(p.text)}
        self._comparisons: dict[tuple[str, ...], Comparison] = {}
        self._languages = {(d.doc, d.lang) for d in self.store.corpus.docs}

    # ------------------------------------------------------------------ paragraphs

    def paragraph(self, label: str) -> Paragraph:
        """Look up "A/RES/79/62 OP 4" (or "79/62 OP 4", "A/RES/79/62 OP 4 (zh)")."""
        m = _LABEL.match(label)
        if not m:
            raise QuestionError(f"not a paragraph reference: {label!r} (try \"A/RES/79/62 OP 4\")")
        doc, part, number, lang = m.group(1), m.group(2).upper(), m.group(3), (m.group(4) or "en").lower()
        if re.fullmatch(r"\d+/\d+", doc):
            doc = f"A/RES/{doc}"
        doc = next((d for d in self.docs if d.lower() == doc.lower()), doc)
        key = (doc, lang, part, int(number) if number else None)
        if key not in self.by_key:
            raise QuestionError(f"no paragraph {label_for(*key)} in the indexed texts")
        return self.by_key[key]

    def versions(self, p: Paragraph) -> list[Paragraph]:
        """The same provision in the corpus's other languages."""
        return [v for lang, v in sorted(self.retriever.by_provision[p.provision].items()) if lang != p.lang]

    def footnotes(self, p: Paragraph) -> list[Paragraph]:
        return [self.by_key[k] for n in p.footnotes if (k := (p.doc, p.lang, FN, n)) in self.by_key]

    def documents(self) -> list[dict]:
        """Each indexed document: symbol, title, kind, date and the languages it has."""
        langs: dict[str, list[str]] = {}
        for d in self.store.corpus.docs:
            langs.setdefault(d.doc, []).append(d.lang)
        return [{"doc": d.doc, "title": d.title, "kind": d.kind, "date": d.date, "langs": sorted(langs[d.doc])}
                for d in self.docs.values()]

    def paragraphs_of(self, doc: str, lang: str = "en") -> list[Citation]:
        """A document's paragraphs in reading order: preamble, operative part, footnotes, record."""
        order = {"META": 0, "PP": 1, "P": 1, "OP": 2, "FN": 3}
        found = [p for p in self.store.paragraphs if p.doc == doc and p.lang == lang]
        if not found:
            raise QuestionError(f"no document {doc} in language {lang!r}")
        return [Citation.of(p) for p in sorted(found, key=lambda p: (order[p.part], p.number or 0))]

    def source(self, p: Paragraph, used: str = "") -> Source:
        """What a reader needs to check paragraph `p`; `used` is the answer text that cites it."""
        seed = self.docs[p.doc]
        where = PART_NAMES[p.part] + ("" if p.number is None else f" {p.number}")
        when = self.by_key.get((p.doc, "en", "META", None)) or self.by_key.get((p.doc, p.lang, "META", None))
        date = (when.fields.get("adopted") or when.fields.get("issued") or seed.date) if when else seed.date
        return Source(
            Citation.of(p),
            title=f"{where} of {p.doc}, {seed.title} ({human_date(date)})",
            reference=f"{p.doc}, {where}" + ("" if p.lang == "en" else f" ({p.lang})"),
            highlights=used_clauses(p.text, used) if used else [],
            footnotes=[Citation.of(f) for f in self.footnotes(p)],
            versions=[Citation.of(v) for v in self.versions(p)],
            secondary=not seed.is_resolution,
        )

    def sources(self, answer: Answer) -> list[Source]:
        """The cited paragraphs of an answer (for an abstention, the related ones), each with
        the clauses the answer drew on highlighted."""
        if answer.citations:
            return [self.source(self.by_key[(c.doc, c.lang, c.part, c.number)], _citing(answer.answer, c.label))
                    for c in answer.citations]
        return [self.source(self.by_key[(c.doc, c.lang, c.part, c.number)]) for c in answer.contexts[:3]
                if (c.doc, c.lang, c.part, c.number) in self.by_key]

    def similarity(self, a: str, b: str) -> float:
        """Cosine similarity of two texts under the store's embedding model."""
        ea, eb = self.store.embed([a, b])
        return float(ea @ eb)

    # ------------------------------------------------------------------ questions

    def ask(
        self,
        question: str,
        history: list[Answer] | None = None,
        *,
        doc: str | list[str] | None = None,
        lang: str | None = None,
        part: str | list[str] | None = None,
    ) -> Answer:
        """Answer `question` from the indexed texts, with citations, or abstain.

        `history` holds the earlier answers of the conversation, oldest first; `doc`,
        `lang` and `part` restrict which paragraphs may be used.
        """
        question = self._check(question)
        filters = self._filters(*clean_filters(doc, lang, part))
        qlang = language(question)
        history = clean_history(history, self.settings)
        ref = find_references(question, self.resolutions)
        context_docs = [c.doc for c in history[-1].citations] if history else []
        if ref.relative:
            ref.docs += [d for d in resolve_relative(ref.relative, self.resolutions, context_docs) if d not in ref.docs]
        comparing = bool(_COMPARE.search(question)) or len(ref.docs) > 1
        # "Did 80/57 keep ...?" compares 80/57 with the resolution before it: no narrowing.
        if ref.docs and not filters.docs and not (comparing and len(ref.docs) == 1):
            filters.docs = list(ref.docs)

        if ref.paragraph:
            return self._quote_reference(question, qlang, ref, filters)

        hits, about = self._retrieve(question, ref, history, filters, qlang)
        contexts = [self._context(h, qlang, filters) for h in hits[: self.settings.top_k]]
        if not hits or hits[0].support < self.settings.min_support or self._names_unknown(ref, question):
            return self._abstain(question, qlang, hits, contexts, filters)
        change = self._change_for(hits, ref, filters) if comparing else None
        chosen = [h for h in change[1:] if h] if change else self._choose(hits, ref, question, comparing)
        sentences: list[str] = []
        citations: list[Citation] = []
        for h in chosen:
            p = self._version(h, qlang, filters)
            if qlang == "zh" and p.lang != "zh":
                sentences.append(ENGLISH_ONLY.format(sym=short_symbol(p.doc)))
            seed = self.docs[p.doc]
            sentences.append(sentence(p, question, self.retriever.matcher(about), seed.kind, seed.date))
            citations.append(Citation.of(p))
        if change and qlang == "en":
            sentences.append(change_sentence(change[0], self.resolutions))
        return Answer(question, " ".join(sentences), False, qlang, citations, contexts)

    def compare(self, old: str, new: str) -> Comparison:
        """Paragraph-by-paragraph changes from resolution `old` to resolution `new` (English texts)."""
        docs = self._filters([old, new], None, None).docs
        key = tuple(docs)
        if key not in self._comparisons:
            for d in docs:
                if d not in self.resolutions:
                    raise QuestionError(f"{d} is not a resolution; compare resolutions: {', '.join(self.resolutions)}")
            old_paras, new_paras = (self.paragraphs_of(d, "en") for d in docs)
            self._comparisons[key] = Comparison(docs[0], docs[1], align(old_paras, new_paras))
        return self._comparisons[key]

    def brief(self, topic: str) -> Brief:
        """A briefing note on `topic`: key points, the paragraphs in full, how the language
        evolved between the resolutions, and the sources."""
        return make_brief(self, self._check(topic))

    # ------------------------------------------------------------------ helpers

    def _retrieve(self, question: str, ref: Reference, history: list[Answer], filters: Filters, qlang: str):
        """Candidate provisions ranked by support, and the concepts they were scored on."""
        query = ref.rest or question
        about = concepts(query)
        hits = self._search(expand(query), about, filters)
        best = hits[0].support if hits else 0.0
        leans = _FOLLOW_UP.search(question) or len(content_terms(query)) <= 2
        if history and (_CONTINUES.search(question) or (leans and best < self.settings.min_support + FOLLOW_UP_MARGIN)):
            # A follow-up that does not stand on its own is searched together with the
            # question before it; its own words count three times as much.
            earlier = find_references(history[-1].question, self.resolutions).rest
            query = f"{earlier} {query}"
            about = about * 3 + concepts(earlier)
            hits = self._search(expand(query), about, filters)
        if qlang != "en":
            hits = self._bridge(hits, query, qlang, filters)
        wanted = answer_patterns(question, strict=True)
        for h in hits:
            if wanted and any(w.search(v.text) for w in wanted for v in h.versions.values()):
                h.bonus = ANSWER_TYPE_BONUS
        hits.sort(key=lambda h: -h.support)
        return hits, about

    def _change_for(self, hits: list[Hit], ref: Reference, filters: Filters) -> tuple[Change, Hit | None, Hit | None] | None:
        """For a question about what changed: the aligned pair holding the best resolution
        paragraph, as (change, older paragraph's hit, newer paragraph's hit)."""
        ordered = sorted(ref.docs if len(ref.docs) > 1 else self.resolutions, key=lambda d: self.resolutions[d])
        best = next((h for h in hits if h.provision[0] in ordered and h.provision[1] in ("PP", "OP")), None)
        if best is None or len(ordered) < 2:
            return None
        i = ordered.index(best.provision[0])
        old, new = (ordered[i - 1], ordered[i]) if i else (ordered[0], ordered[1])
        for ch in self.compare(old, new).changes:
            sides = [(c.doc, c.part, c.number) if c else None for c in (ch.old, ch.new)]
            if best.provision in sides:
                by = {h.provision: h for h in hits}
                pair = [by.get(s) or (Hit(s, self.retriever.by_provision[s]) if s else None) for s in sides]
                if any(h and not any(filters.admits(v) for v in h.versions.values()) for h in pair):
                    return None
                return ch, pair[0], pair[1]
        return None

    def _search(self, query: str, about: list[Concept], filters: Filters) -> list[Hit]:
        k = max(10, self.settings.top_k)
        hits = self.retriever.search(query, filters, k=k, mode=self.settings.retrieval, about=about)
        return [h for h in hits if any(filters.admits(v) for v in h.versions.values())]

    def _bridge(self, hits: list[Hit], query: str, qlang: str, filters: Filters) -> list[Hit]:
        """Reach documents that have no text in the question's language through the
        parallel texts: the English version of the best same-language paragraphs becomes
        the query for English-only documents. A bridged hit is as strong as its weaker link."""
        single = [d for d in (filters.docs or self.docs) if (d, qlang) not in self._languages]
        if not single:
            return hits
        pivot = self._search(expand(query), concepts(query), Filters([], qlang, filters.parts))
        pivot = sorted((h for h in pivot if "en" in h.versions), key=lambda h: -h.support)
        if not pivot:
            return hits
        english = pivot[0].versions["en"].text
        bridged = self._search(english, concepts(english), Filters(single, "en", filters.parts))
        top = max((h.support for h in bridged), default=0.0)
        # Scaled below the pivot so that a paragraph in the question's own language wins a tie.
        scale = 0.95 * min(1.0, pivot[0].support / top) if top else 0.0
        for h in bridged:
            h.coverage, h.dense, h.bonus = h.coverage * scale, h.dense * scale, h.bonus * scale
        merged = {h.provision: h for h in bridged}
        merged.update({h.provision: h for h in hits if h.provision not in merged or h.support > merged[h.provision].support})
        return list(merged.values())

    def _check(self, question: object) -> str:
        if not isinstance(question, str):
            raise QuestionError(f"a question must be text, not {type(question).__name__}")
        if any("\udc80" <= ch <= "\udcff" for ch in question):  # undecodable bytes from argv
            raise QuestionError("the question is not valid UTF-8 text")
        # Control characters (other than line breaks and tabs) carry no meaning here.
        question = "".join(ch for ch in question if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
        question = question.strip()
        if not question:
            raise QuestionError("the question is empty")
        if len(question) > self.settings.max_question_chars:
            raise QuestionError(
                f"the question is {len(question)} characters long; the limit is {self.settings.max_question_chars}"
            )
        return question

    def _filters(self, doc, lang, part) -> Filters:
        docs = [doc] if isinstance(doc, str) else list(doc or [])
        resolved = []
        for d in docs:
            full = f"A/RES/{d}" if re.fullmatch(r"\d+/\d+", d) else d
            if full not in self.docs:
                raise QuestionError(f"unknown document {d!r}; indexed: {', '.join(sorted(self.docs))}")
            resolved.append(full)
        langs = {lang for _, lang in self._languages}
        if lang and lang not in langs:
            raise QuestionError(f"unknown language {lang!r}; indexed: {', '.join(sorted(langs))}")
        parts = [part] if isinstance(part, str) else list(part or [])
        parts = [x.upper() for x in parts]
        for x in parts:
            if x not in PARTS:
                raise QuestionError(f"unknown part {x!r}; use one of {', '.join(PARTS)}")
        return Filters(resolved, lang, parts)

    def _names_unknown(self, ref: Reference, question: str) -> bool:
        """A question about a resolution that is not indexed (and not quoted in one that is),
        or about a named body or thing the texts never mention ("the Security Council")."""
        if ref.mentioned and not ref.docs and all(m.removeprefix("A/RES/") not in self._quoted for m in ref.mentioned):
            return True
        return any(pairs and not any(p in self.retriever.idf for p in pairs)
                   for pairs in (phrase_pairs(n) for n in names(ref.rest or question)))

    def _version(self, h: Hit, qlang: str, filters: Filters) -> Paragraph:
        """The version to show: the question's language where it exists and is allowed."""
        allowed = {lang: p for lang, p in h.versions.items() if filters.admits(p)}
        return allowed.get(qlang) or allowed.get("en") or next(iter(allowed.values()))

    def _context(self, h: Hit, qlang: str, filters: Filters) -> Context:
        p = self._version(h, qlang, filters)
        return Context(p.doc, p.lang, p.part, p.number, round(h.support, 4))

    def _choose(self, hits: list[Hit], ref: Reference, question: str, comparing: bool) -> list[Hit]:
        """One to three provisions: the best, others nearly as good, and for comparisons
        the best of each resolution in question."""
        best = hits[0]
        chosen = [best]
        if comparing:
            wanted = ref.docs if len(ref.docs) > 1 else list(self.resolutions)
            for d in wanted:
                if all(h.provision[0] != d for h in chosen):
                    other = next((h for h in hits if h.provision[0] == d and h.support >= 0.8 * best.support), None)
                    if other:
                        chosen.append(other)
        # A question after one fact (when, where, how long) gets one sentence; a broader one
        # may get up to three when other paragraphs support it nearly as well.
        if not answer_patterns(question, strict=True):
            for h in hits[1:]:
                if len(chosen) >= 3:
                    break
                if h not in chosen and h.support >= 0.9 * best.support and h.coverage >= best.coverage * 0.9:
                    chosen.append(h)
        return chosen[:3]

    def _quote_reference(self, question: str, qlang: str, ref: Reference, filters: Filters) -> Answer:
        """A question naming a paragraph ("What does OP 4 of 79/62 say?") gets that paragraph."""
        docs = filters.docs or list(self.resolutions)
        hits = []
        for d in docs:
            versions = self.retriever.by_provision.get((d, ref.part, ref.number))
            if versions:
                hits.append(Hit((d, ref.part, ref.number), versions, coverage=1.0))
        hits = [h for h in hits if any(filters.admits(v) for v in h.versions.values())]
        contexts = [self._context(h, qlang, filters) for h in hits]
        if not hits:
            name = f"{PART_NAMES[ref.part]} {ref.number}"
            msg = {"en": f"The indexed texts have no {name} in {', '.join(docs)}.",
                   "zh": f"所收录的文本中没有{', '.join(docs)}的该段落。"}[qlang]
            return Answer(question, msg, True, qlang, [], [])
        sentences, citations = [], []
        for h in hits[:3]:
            p = self._version(h, qlang, filters)
            if qlang == "zh" and p.lang != "zh":
                sentences.append(ENGLISH_ONLY.format(sym=short_symbol(p.doc)))
            seed = self.docs[p.doc]
            sentences.append(sentence(p, question, self.retriever.matcher([]), seed.kind, seed.date, whole=True))
            citations.append(Citation.of(p))
        return Answer(question, " ".join(sentences), False, qlang, citations, contexts)

    def _abstain(self, question, qlang, hits, contexts, filters) -> Answer:
        related = ", ".join(self._version(h, qlang, filters).label for h in hits[:3])
        text = ABSTAIN[qlang] + (f" {RELATED[qlang]}{related}." if related and qlang == "en" else
                                 f"{RELATED[qlang]}{related}。" if related else "")
        return Answer(question, text, True, qlang, [], contexts)


def _quietly(load: Callable[[], None]) -> Callable[[], None]:
    """A background load whose failure surfaces later, at first use, as a clear error."""
    def run() -> None:
        try:
            load()
        except Exception:
            pass

    return run


def _citing(text: str, label: str) -> str:
    """The sentences of an answer that cite `label`."""
    return " ".join(s for s, labels in sentences_with_citations(text) if label in labels)




