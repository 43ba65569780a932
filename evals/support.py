"""Does a cited paragraph support a sentence, with the same meaning? Judged without a language model
and without the answer code's own analysis (see `evals.text`).

A sentence of an answer is one of:
- an absence claim ("The indexed texts do not answer this question.", "所收录的文本没有…"):
  no citation, not a support claim, not scored;
- a count ("Resolution 79/62 has 3 footnotes. [..FN 1] [..FN 2] [..FN 3]"): supported when the
  highest cited number of that part in that document is the count;
- a mention ("The Red Cross is mentioned in resolution 79/62 (PP 11, OP 9). [..] [..]"): the
  thing named is in every cited paragraph;
- a comparison ("The wording changed: “X” became “Y”. [old] [new]"): X in the old, Y in the new;
- any other sentence: a lead ("By the end of 2025."), a quotation, a restatement or a mix.
Every sentence must cite what its framing names ("Resolution 79/62 (OP 4)" needs
A/RES/79/62 OP 4 among its citations, in any language). Then:
- a block quotation (after "…:") is one span of ONE cited paragraph, word for word, its
  "…"-marked pieces in order; it must end where the paragraph ends a clause, unless it ends
  with "…" (a list cut mid-way and closed as if complete is a misquotation);
- a quoted phrase inside running text is word for word in one cited paragraph;
- the rest (outside quotations and framing) has every content word in the cited paragraphs
  (Chinese: COVERAGE_ZH of its character pairs), each with the same polarity (a word under
  "not", "never", "without", 不, 未 … in the claim must be under one in the text, and the
  reverse); every number stands in the cited text, in the clause that holds the words of
  the claim's clause around it and next to one of its neighbouring words; its tense may not
  turn what the text states as intended or required ("to convene", "should be convened")
  into something that happened ("convened", "were convened") or the reverse — the resolution's
  own act may be reported in the past ("Calls upon" -> "called upon"), which is why a word
  the text uses in the present is free;
- a restatement of RESTATEMENT_MIN content words or more keeps SUPPORT_ORDER of them in one
  paragraph's order and stays SIMILARITY_CUT cosine-similar to the clauses it restates.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .sentences import ELLIPSIS, Label, Mention, Sentence, framing, parse_label, quotations, split_answer
from .text import IRREALIS_AUX, PAST_AUX, ZH_FUTURE, ZH_PAST, clauses, is_cjk, normalise, numbers, tokens

COVERAGE_ZH = 0.8  # character pairs across a function character ("组应") are not in the text
CLAUSE_COVERAGE = 0.8  # share of a claim clause's words in the paragraph clause holding its number
NEIGHBOUR_REACH = 6  # tokens between a number and a neighbouring word of the claim, in the text
SUPPORT_ORDER = 0.85
RESTATEMENT_MIN = 6
SIMILARITY_CUT = 0.35  # kept from the earlier judge: supported restatements scored 0.42 to 0.82

Similarity = Callable[[str, str], float]

_ABSENCE = re.compile(r"indexed texts do not|indexed texts say otherwise|Nearest paragraphs \(related, not support\)|"
                      r"所收录的文本(?:没有|未|不|的说法不同)|最相关的段落")
_COUNT_EN = re.compile(r"\bhas (\d+) (operative paragraphs?|preambular paragraphs?|footnotes?|paragraphs?)\b", re.I)
_COUNT_ZH = re.compile(r"有(\d+)(?:个|段|条)?(执行部分段落|执行段落|序言部分段落|序言段落|脚注|段)")
_BEGINS_EN = re.compile(r"^(\w+) (?:operative |preambular )?paragraphs? of resolution \S+ begins? with “(\w+)”", re.I)
_NUMBER_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()
_SAME = re.compile(r"\bthe same in both\b|两项决议中相同")
_MENTION = re.compile(r"^(?P<what>.+?) (?:is|are) (?:mentioned|named|cited)\b")
_CHANGE = re.compile(r"[“\"](?P<old>[^“”\"]*)[”\"] became [“\"](?P<new>[^“”\"]*)[”\"]|[“\"](?P<x>[^“”\"]*)[”\"] was (?P<how>added|dropped)")
_CLAUSE_OPENER = re.compile(
    r"(?:and|or)\b|which\b|who\b|in order\b|in particular\b|including\b|inter alia\b|as well as\b|if possible\b|"
    r"preferably\b|with a view\b|in this regard\b")


@dataclass(frozen=True)
class Verdict:
    supported: bool
    reason: str = ""  # why not, for a reader of the report

    def __bool__(self) -> bool:
        return self.supported


def is_absence(sentence: Sentence) -> bool:
    return not sentence.labels and bool(_ABSENCE.search(sentence.text))


def judge(sentence: str, cited: dict[str, str], similarity: Similarity) -> Verdict:
    """Is `sentence` (its framing included, its citations not) supported by `cited`, label -> text?"""
    if not cited:
        return Verdict(False, "no citation")
    mentions, rest = framing(sentence)
    labels = {lab: parse_label(lab) for lab in cited}
    if None in labels.values():
        return Verdict(False, "a citation that is not a paragraph label")
    if _verbatim(sentence, list(cited.values())):
        return Verdict(True)
    bad = [m for m in mentions if not _named_is_cited(m, labels.values())]
    if bad:
        return Verdict(False, f"the framing names {bad[0]} which is not cited")
    if m := _BEGINS_EN.match(sentence):
        return _begins(m, cited)
    if m := _COUNT_EN.search(rest) or _COUNT_ZH.search(rest):
        return _count(m, mentions, list(labels.values()))
    if changes := list(_CHANGE.finditer(rest)):
        return _comparison(changes, list(cited.values()))
    if _SAME.search(rest):
        same = len({normalise(t) for t in cited.values()}) == 1 and len(cited) > 1
        return Verdict(same, "" if same else "the cited paragraphs differ")
    # What a sentence says of a named resolution or paragraph must come from that one.
    named = [t for lab, t in cited.items() if not mentions or any(_names(m, labels[lab]) for m in mentions)]
    if m := _MENTION.match(rest):
        what = m.group("what")
        if all(_all_in(what, [t]) for t in named):
            return Verdict(True)
        return Verdict(False, f"{what!r} is not in every cited paragraph")
    return _statement(rest, named, similarity)


def _verbatim(sentence: str, texts: list[str]) -> bool:
    """A direct answer in a cited paragraph's own words, unquoted ("Resolution 78/241 of 22
    December 2023.", "2024年4月17日和18日。"): what the paragraph says, whatever it names. Its
    opening "Yes."/"No." aside; a few words at least, so that no stray word passes."""
    said = normalise(_LEAD.sub("", sentence)).strip(" .。")
    return len(said) >= 6 and len(said.split()) <= 20 and any(said in normalise(t) for t in texts)


_LEAD = re.compile(r"^\s*(?:Yes|No)\b[.,:;]?\s*|^\s*(?:是|否|不)[。，：]\s*")


def supports(sentence: str, cited: dict[str, str], similarity: Similarity) -> bool:
    return judge(sentence, cited, similarity).supported


def _named_is_cited(m: Mention, labels) -> bool:
    return any(_names(m, lab) for lab in labels)


def _names(m: Mention, lab: Label) -> bool:
    """Does the framing's mention name this cited paragraph (in any language)?"""
    if m.news:
        return lab.resolution is None
    if m.resolution and lab.resolution != m.resolution:
        return False
    return m.part is None or (lab.part == m.part and lab.number == m.number)


def _begins(m: re.Match, cited: dict[str, str]) -> Verdict:
    """"Three operative paragraphs of resolution 79/62 begin with “Decides”": as many cited
    paragraphs, each beginning with the word."""
    n = _NUMBER_WORDS.index(m.group(1).lower()) if m.group(1).lower() in _NUMBER_WORDS else int(m.group(1))
    word = m.group(2).lower()
    starts = [t.split(maxsplit=1)[0].lower().startswith(word[: max(4, len(word) - 2)]) for t in cited.values() if t.strip()]
    if len(cited) == n and all(starts):
        return Verdict(True)
    return Verdict(False, f"{n} paragraphs beginning with {word!r}, but {sum(starts)} of {len(cited)} cited do")


def _count(m: re.Match, mentions: list[Mention], labels) -> Verdict:
    n = int(m.group(1))
    kind = m.group(2).lower()
    part = ("FN" if "footnote" in kind or "脚注" in kind else "PP" if "preambular" in kind or "序言" in kind
            else "OP" if "operative" in kind or "执行" in kind else None)
    docs = {x.resolution for x in mentions if x.resolution}
    cited = [lab for lab in labels if (part is None or lab.part == part) and (not docs or lab.resolution in docs)]
    highest = max((lab.number or 0 for lab in cited), default=0)
    if highest == n:
        return Verdict(True)
    return Verdict(False, f"count {n} but the highest cited paragraph is {highest}")


def _comparison(changes: list[re.Match], texts: list[str]) -> Verdict:
    """Cited old paragraph first, new one last: X became Y, X was added, X was dropped."""
    old, new = texts[0], texts[-1]
    for c in changes:
        if c["how"] is None:
            ok = _quoted(c["old"], [old], whole=False) and _quoted(c["new"], [new], whole=False)
        else:
            there, gone = (new, old) if c["how"] == "added" else (old, new)
            ok = _quoted(c["x"], [there], whole=False) and not _quoted(c["x"], [gone], whole=False)
        if not ok:
            return Verdict(False, f"the change {c.group(0)!r} is not what the cited paragraphs show")
    return Verdict(True)


def _all_in(text: str, sources: list[str]) -> bool:
    have = {t.key for s in sources for t in tokens(s)}
    return all(t.key in have for t in tokens(text) if t.content)


# ------------------------------------------------------------------ statements


def _statement(rest: str, texts: list[str], similarity: Similarity) -> Verdict:
    block = bool(re.match(r"^\s*[“\"]", rest))  # after the framing's colon: a quotation presented whole
    spans = quotations(rest)
    for a, b in spans:
        quote = rest[a + 1:b - 1]
        if not _quoted(quote, texts, whole=block):
            return Verdict(False, f"quotation not found as one span of one cited paragraph: “{quote[:60]}”")
    outside = rest
    for a, b in reversed(spans):
        outside = outside[:a] + " " + outside[b:]
    return _restated(outside, texts, similarity)


def _quoted(quote: str, texts: list[str], whole: bool) -> bool:
    pieces = [p.strip(" ,;:.，；：。") for p in ELLIPSIS.split(normalise(quote))]
    open_end = bool(ELLIPSIS.search(quote.rstrip(" .。")[-3:]))
    pieces = [p for p in pieces if p]
    if not pieces:
        return True
    for text in texts:
        src = normalise(text)
        pos, end = 0, None
        for p in pieces:
            at = src.find(p, pos)
            if at < 0:
                break
            pos = end = at + len(p)
        else:
            if not whole or open_end or _ends_clause(src[end:]):
                return True
    return False


def _ends_clause(after: str) -> bool:
    """Does the paragraph end a clause where a quotation stops? Not inside a list
    ("…and international and regional organizations, the International Committee …")."""
    after = after.lstrip()
    if not after or after[0] in ";.:!?)\"'。；：！？）」』":
        return True
    if after[0] == ",":  # also the Chinese "，" (NFKC folds it): a clause break, where lists use "、"
        nxt = after[1:].lstrip()
        return not nxt or is_cjk(nxt[:1]) or bool(_CLAUSE_OPENER.match(nxt))
    return False


def _restated(rest: str, texts: list[str], similarity: Similarity) -> Verdict:
    claim = [t for t in tokens(rest) if t.content]
    if not claim:
        return Verdict(True)
    source = [t for text in texts for t in tokens(text)]
    by_key: dict[str, set[bool]] = {}
    by_pair: dict[tuple[str, str], set[bool]] = {}  # polarity of a word after a given word
    prev = ""
    for t in source:
        by_key.setdefault(t.key, set()).add(t.negated)
        if t.content:
            by_pair.setdefault((prev, t.key), set()).add(t.negated)
            prev = t.key
    missing = [t.form for t in claim if t.key not in by_key]
    zh = is_cjk(rest)
    if (len(missing) > (1 - COVERAGE_ZH) * len(claim)) if zh else missing:
        return Verdict(False, f"not in the cited text: {missing[:5]}")
    flipped = [t.form for prev, t in zip([None, *claim], claim) if t.key in by_key
               and t.negated not in by_pair.get((prev.key if prev else "", t.key), by_key[t.key])]
    if flipped:
        return Verdict(False, f"negation differs on {flipped[:3]}")
    for n in numbers(rest):
        if why := _number_misplaced(n, rest, texts):
            return Verdict(False, why)
    if why := _tense_changed(rest, texts):
        return Verdict(False, why)
    if len(claim) >= RESTATEMENT_MIN and not zh:
        keys = [t.key for t in claim]
        if max(_in_order(keys, [t.key for t in tokens(x) if t.content]) for x in texts) < SUPPORT_ORDER * len(keys):
            return Verdict(False, "the words are in another order than in any cited paragraph")
        if similarity(rest, _relevant(set(keys), texts)) < SIMILARITY_CUT:
            return Verdict(False, "the sentence does not restate the clauses it draws on")
    return Verdict(True)


def _number_misplaced(n: str, rest: str, texts: list[str]) -> str:
    """Why number `n` of the claim is not attached to what the claim attaches it to, or ""."""
    claim_clause = next((c for c in clauses(rest) if n in numbers(c)), rest)
    words = [t for t in tokens(claim_clause) if t.content and t.key != n]
    ctoks = list(tokens(claim_clause))
    at = next((i for i, t in enumerate(ctoks) if t.key == n), None)
    left = next((t.key for t in reversed(ctoks[:at]) if t.content and not t.key.isdigit()), None) if at is not None else None
    right = next((t.key for t in ctoks[at + 1:] if t.content and not t.key.isdigit()), None) if at is not None else None
    found = False
    for text in texts:
        for clause in clauses(text):
            if n not in numbers(clause):
                continue
            found = True
            toks = list(tokens(clause))
            have = {t.key for t in toks}
            if words and sum(t.key in have for t in words) < CLAUSE_COVERAGE * len(words):
                continue
            spots = [i for i, t in enumerate(toks) if t.key == n]
            near = {t.key for i in spots for t in toks[max(0, i - NEIGHBOUR_REACH):i + NEIGHBOUR_REACH + 1]}
            if (left is None or left in near) and (right is None or right in near):
                return ""
    return f"{n} is attached to something else in the text" if found else f"{n} is not in the cited text"


def _tense_changed(rest: str, texts: list[str]) -> str:
    if is_cjk(rest):
        said = [m for m in (*ZH_PAST, *ZH_FUTURE) if m in rest]
        source = "".join(texts)
        extra = [m for m in said if m not in source]
        return f"the claim adds {extra[0]!r} (when it happens)" if extra else ""
    claim = _verb_times(rest)
    if not claim:
        return ""
    source: dict[str, set[str]] = {}
    for text in texts:
        for key, time in _verb_times(text).items():
            source.setdefault(key, set()).update(time)
    for key, times in claim.items():
        have = source.get(key, set())
        if not have or "present" in have:
            continue
        for time in times:
            if time == "past" and "past" not in have:
                return f"the claim says {key!r} happened; the text says it is to happen"
            if time == "irrealis" and "irrealis" not in have and "past" in have:
                return f"the claim says {key!r} is to happen; the text says it happened"
    return ""


def _verb_times(text: str) -> dict[str, set[str]]:
    """Each word's times: "past" after was/were/had/has been or as a bare "-ed" form, "irrealis"
    after to/will/shall/should/may/must (a "be" between is skipped), else "present"."""
    toks = list(tokens(text))
    out: dict[str, set[str]] = {}
    for i, t in enumerate(toks):
        if not t.content or t.key.isdigit() or is_cjk(t.form):
            continue
        before = [x.form for x in toks[max(0, i - 2):i]]
        if before[-1:] == ["be"] or before[-1:] == ["been"]:
            before = before[:-1] + (["been"] if before[-1:] == ["been"] else [])
        prev = before[-1] if before else ""
        if prev in IRREALIS_AUX:
            time = "irrealis"
        elif prev in PAST_AUX or t.form.endswith("ed"):
            time = "past"
        else:
            time = "present"
        out.setdefault(t.key, set()).add(time)
    return out


def _relevant(keys: set[str], texts: list[str]) -> str:
    """The clauses of the cited paragraphs that the claim draws on: a short claim from a long
    paragraph is compared with what it restates, not with the whole paragraph."""
    parts = []
    for text in texts:
        for c in clauses(text):
            words = [t.key for t in tokens(c) if t.content]
            if words and sum(w in keys for w in words) / len(words) >= 0.5:
                parts.append(c)
    return " ".join(parts) or " ".join(texts)


def _in_order(claim: list[str], source: list[str]) -> int:
    """Length of the longest common subsequence of two token lists."""
    prev = [0] * (len(source) + 1)
    for c in claim:
        cur = [0]
        for j, s in enumerate(source):
            cur.append(prev[j] + 1 if c == s else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


# ------------------------------------------------------------------ answers


def citation_scores(answer: str, texts: dict[str, str], similarity: Similarity) -> tuple[int, int, int, int]:
    """ALCE citation recall and precision (Gao et al. 2023) for one answer.

    Recall: a sentence counts when its citations together support it. Precision: a citation
    counts unless it neither supports the sentence alone nor is needed, i.e. the other
    citations support it without it. Absence claims are not support claims and are skipped.
    Returns (supported sentences, sentences, relevant citations, citations)."""
    supported = sentences = relevant = cited = 0
    for s in split_answer(answer):
        if is_absence(s) or (not s.labels and not _has_claim(s.text)):
            continue
        sentences += 1
        cited += len(s.labels)
        have = {lab: texts[lab] for lab in s.labels if lab in texts}
        if len(have) < len(s.labels) or not supports(s.text, have, similarity):
            continue
        supported += 1
        for lab in s.labels:
            alone = supports(s.text, {lab: have[lab]}, similarity)
            rest = {o: t for o, t in have.items() if o != lab}
            relevant += alone or not (rest and supports(s.text, rest, similarity))
    return supported, sentences, relevant, cited


def _has_claim(sentence: str) -> bool:
    """A sentence of framing alone ("Yes.", "是。") claims nothing to check."""
    return any(t.content for t in tokens(framing(sentence)[1]))
