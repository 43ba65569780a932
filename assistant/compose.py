"""Stage 4, compose: a direct answer first, then the paragraph's own words, each sentence cited.

No language model and no rewriting: a lead sentence ("By the end of 2025.", "Yes.", "Resolution
79/62 has 3 footnotes.") made only of words and numbers found in its evidence or counted from
the paragraph records, then each paragraph quoted exactly, introduced by a fixed framing
("Resolution 79/62 (OP 4): “…”"), every omission marked with an ellipsis.
"""
from __future__ import annotations

import re

from index import FN, META, OP, PP, P, Paragraph

from .evidence import Evidence, select
from .retrieve import Matcher
from .text import NUMBER_WORDS, clauses, tokens

PART_WORDS = {
    "en": {PP: "preambular paragraphs", OP: "operative paragraphs", FN: "footnotes", None: "paragraphs"},
    "zh": {PP: "段序言部分段落", OP: "段执行部分段落", FN: "个脚注", None: "个段落"},
}
YES = {"en": "Yes.", "zh": "是。"}
NO = {"en": "No: ", "zh": "否。"}  # (a Chinese "No" stands alone, as 否 does)
NOT_SAID = {
    "en": "the indexed texts do not say so; the nearest paragraph follows.",
    "zh": "所收录的文本没有这样说；以下是最接近的段落。",
}
# the paragraph says something else than the claim ("in New York", not Geneva)
NOT_SO = {
    "en": "the indexed texts say otherwise; the paragraph follows.",
    "zh": "所收录的文本的说法不同；以下是该段落。",
}
NOT_DEFINED = {
    "en": "The indexed texts do not define it; the nearest paragraph follows.",
    "zh": "所收录的文本没有给出定义；以下是最接近的段落。",
}
NOT_SAID_WHY = {
    "en": "The indexed texts do not say why; the nearest paragraph follows.",
    "zh": "所收录的文本没有说明原因；以下是最接近的段落。",
}


def short_symbol(doc: str) -> str:
    return doc.removeprefix("A/RES/")


def framing(p: Paragraph, date: str, kind: str) -> str:
    """The fixed words that introduce a quotation: which document, which paragraph."""
    sym = short_symbol(p.doc)
    if p.lang == "zh":
        where = {OP: f"执行部分第{p.number}段", PP: f"序言部分第{p.number}段", FN: f"脚注{p.number}", META: "通过记录"}
        return f"第{sym}号决议（{where.get(p.part, f'第{p.number}段')}）："
    if kind != "resolution":
        return f"A news article of {human_date(date)} (secondary source):"
    where = {OP: f"OP {p.number}", PP: f"PP {p.number}", FN: f"footnote {p.number}", META: "adoption record"}
    return f"Resolution {sym} ({where.get(p.part, f'{p.part} {p.number}')}):"


def quotation(ev: Evidence, date: str, kind: str) -> str:
    """`Resolution 79/62 (OP 4): “Calls upon … by the end of 2025”. [A/RES/79/62 OP 4]`; an
    adoption record as the sentence it is, unquoted."""
    p = ev.paragraph
    if p.part == META:  # a record composed from the document's heading, not its words: stated, not quoted
        text = ev.quote().rstrip()
        return f"{text}{'' if text.endswith(('…', '。')) else '。' if p.lang == 'zh' else '.'} [{p.label}]"
    if p.lang == "zh":
        return f"{framing(p, date, kind)}“{ev.quote()}”。[{p.label}]"
    return f"{framing(p, date, kind)} “{ev.quote()}”. [{p.label}]"


def cite(text: str, labels: list[str]) -> str:
    return f"{text} " + " ".join(f"[{lab}]" for lab in labels)


def _end(text: str, lang: str) -> str:
    text = text.rstrip(" ,;:，；：")
    if lang == "zh":
        return text if text.endswith(("。", "”")) else text + "。"
    return text if text.endswith((".", "”", '"')) else text + "."


def fact_lead(fact: str, ev: Evidence) -> str:
    """"Preferably by the end of 2025." from those words of the evidence: a qualifier stays, a
    wish stated as a deadline would say more than the text."""
    words = fact.strip()
    if ev.paragraph.lang != "zh":
        words = re.sub(r"^of\s+(?=(?:its|the)\b)", "at ", words)  # "(agenda) of its 81st session" -> "at its ..."
        words = words[:1].upper() + words[1:]
    return cite(_end(words, ev.paragraph.lang), [ev.paragraph.label])


def carrier_lead(carrier: Paragraph, number: int, lang: str) -> str:
    """"Footnote 3 is attached to resolution 79/62 (OP 1).", citing that paragraph."""
    short = carrier.doc.removeprefix("A/RES/")
    if lang == "zh":
        where = f"第{short}号决议（{'执行' if carrier.part == 'OP' else '序言'}部分第{carrier.number}段）"
        return cite(f"脚注{number}附于{where}。", [carrier.label])
    return cite(f"Footnote {number} is attached to resolution {short} ({carrier.part} {carrier.number}).", [carrier.label])


def adoption_lead(p: Paragraph) -> str | None:
    """"Adopted on 2 December 2024, at the 44th plenary meeting." from the adoption record."""
    date = p.fields.get("adopted")
    if not date:
        return None
    if p.lang == "zh":
        y, m, d = (int(x) for x in date.split("-"))
        return cite(f"{y}年{m}月{d}日。", [p.label])
    meeting = p.fields.get("plenary_meeting")
    when = human_date(date)
    text = f"On {when}" + (f", at its {_ordinal(meeting)} plenary meeting" if meeting and f"{_ordinal(meeting)} plenary" in p.text else "")
    return cite(text + ".", [p.label]) if when in p.text else None


def _ordinal(n: str) -> str:
    n = n.strip()
    if not n.isdigit():
        return n
    k = int(n)
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix}"


def count_lead(doc: str, part: str | None, n: int, lang: str, labels: list[str]) -> str:
    sym = short_symbol(doc)
    if part == P:  # an article: its paragraphs
        return cite(f"{doc}有{n}个段落。" if lang == "zh" else f"{doc} has {n} paragraphs.", labels)
    if lang == "zh":
        return cite(f"第{sym}号决议有{n}{PART_WORDS['zh'][part]}。", labels)
    return cite(f"Resolution {sym} has {n} {PART_WORDS['en'][part]}.", labels)


def begins_lead(doc: str, part: str | None, word: str, found: list[Paragraph], lang: str) -> str:
    """"Three operative paragraphs of resolution 79/62 begin with “Decides”: OP 7, OP 9 and OP 12." """
    sym, n = short_symbol(doc), len(found)
    where = [f"{p.part} {p.number}" for p in found]
    if lang == "zh":
        return cite(f"第{sym}号决议有{n}段以“{word}”开头：{'、'.join(where)}。", [p.label for p in found]) if found else \
            f"第{sym}号决议没有以“{word}”开头的段落。"
    kind = PART_WORDS["en"][part] if n != 1 else PART_WORDS["en"][part].removesuffix("s")
    if not found:
        return f"No {PART_WORDS['en'][part].removesuffix('s')} of resolution {sym} begins with “{word}”."
    listed = where[0] if n == 1 else ", ".join(where[:-1]) + " and " + where[-1]
    count = NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)
    return cite(f"{count.capitalize()} {kind} of resolution {sym} begin{'s' if n == 1 else ''} with “{word}”: {listed}.",
                [p.label for p in found])




def mentions_lead(found: dict[str, list[Paragraph]], lang: str) -> str:
    """"Mentioned in resolution 79/62 (PP 5, OP 1) and resolution 80/57 (PP 4)." citing each."""
    labels = [p.label for ps in found.values() for p in ps]
    if lang == "zh":
        parts = [f"第{short_symbol(d)}号决议（" + "、".join(_zh_where(p) for p in ps) + "）" for d, ps in found.items()]
        return cite("见" + "和".join(parts) + "。", labels)
    parts = [f"resolution {short_symbol(d)} ({', '.join(f'{p.part} {p.number}' for p in ps)})" if ps[0].part != P
             else f"{d} ({', '.join(f'P {p.number}' for p in ps)})" for d, ps in found.items()]
    return cite("Mentioned in " + " and ".join(parts) + ".", labels)


def _zh_where(p: Paragraph) -> str:
    return {OP: f"执行部分第{p.number}段", PP: f"序言部分第{p.number}段", FN: f"脚注{p.number}"}.get(p.part, f"第{p.number}段")


def sentence(p: Paragraph, question: str, match: Matcher, kind: str, date: str, *, whole: bool = False) -> str:
    """One cited quotation of paragraph `p`: the clauses that bear on `question` (or all)."""
    return quotation(select(p, match, None, broad=True, whole=whole), date, kind)


def human_date(iso: str) -> str:
    """2024-12-02 -> 2 December 2024."""
    months = "January February March April May June July August September October November December".split()
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d} {months[m - 1]} {y}"


def used_clauses(text: str, answer: str) -> list[str]:
    """The clauses of a paragraph that an answer restates (most of their words are in it)."""
    said = set(tokens(answer, keep_stopwords=True))
    out = []
    for c in clauses(text):
        words = tokens(c, keep_stopwords=True)
        if words and sum(w in said for w in words) >= 0.8 * len(words):
            out.append(c.strip())
    return out




MAX_EDITS = 4  # edits named in a change sentence, in the order of the text
EDIT_WORDS = 12  # a longer inserted or deleted stretch is cut with an ellipsis


def _clip(words: str) -> str:
    w = words.split()
    return " ".join(w[:EDIT_WORDS]) + " …" if len(w) > EDIT_WORDS else words


def change_sentence(change, resolutions: dict[str, str]) -> str:
    """One sentence on how an aligned pair of paragraphs changed, citing both."""
    old, new = change.old, change.new
    cites = " ".join(f"[{c.label}]" for c in (old, new) if c)
    if change.status == "dropped":
        later = [d for d in sorted(resolutions, key=resolutions.get) if resolutions[d] > resolutions[old.doc]]
        return f"Resolution {short_symbol(later[0]) if later else 'the later text'} has no corresponding paragraph. {cites}"
    if change.status == "added":
        return f"The earlier resolution had no corresponding paragraph. {cites}"
    if change.status == "unchanged":
        return f"The paragraph is the same in both resolutions. {cites}"
    edits = []
    pending = None
    for op, words in change.diff + [("equal", "")]:
        if op == "delete":
            pending = words
        elif op == "insert":
            edits.append((pending or "", words))
            pending = None
        else:
            if pending:
                edits.append((pending, ""))
            pending = None
    edits = [(_clip(g), _clip(c)) for g, c in edits if re.search(r"\w", g + c)][:MAX_EDITS]
    parts = []
    for gone, came in edits:
        if gone and came:
            parts.append(f"“{gone}” became “{came}”")
        elif came:
            parts.append(f"“{came}” was added")
        else:
            parts.append(f"“{gone}” was dropped")
    return f"The wording changed: {'; '.join(parts)}. {cites}"
