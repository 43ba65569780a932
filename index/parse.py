"""Read seed texts into `Paragraph` records.

Resolutions come in several extracted shapes (markdown with italic verbs run together,
plain text with footnotes collected at the end, text from a PDF with wrapped lines and
page-break debris); the rules below recognise the shapes, not particular files.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import detect
from .detect import Detected, normalise
from .manifest import SeedDoc, SeedError
from .records import FN, META, OP, PP, P, Paragraph

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
TERMINAL = tuple(",;:.，；：。،؛")
MONTHS = detect.MONTHS["en"]

_front_matter = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_md_link = re.compile(r"\[([^\]^]+)\]\([^)]*\)")
_italic_verb_boundary = re.compile(r"([,;][⁰¹²³⁴⁵⁶⁷⁸⁹]*)[ \t]*\*+[ \t]*(?=[A-Z])")  # ",*Affirming*" starts a paragraph
_op_start = re.compile(r"^(\d{1,3})(?:\.|\s+-)\s+(?=\S)")  # "1." (Arabic texts print "1 -")
_md_footnote_def = re.compile(r"^\[\^(\d+)\]:\s*(.*)$")
_superscript_def = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s+(.*)$")
_pdf_footnote_def = re.compile(r"^\s*(\d{1,3})\s+(?!\d)(\S.*)$")
_rule = re.compile(r"^\s*(_{5,}|-{3,})\s*$")
_url = re.compile(r"^\s*https?://\S+\s*$")


@dataclass
class _Unit:
    """One physical line of the body, before paragraphs are assembled."""

    text: str
    indented: bool


@dataclass
class _Draft:
    part: str
    number: int
    text: str
    footnotes: list[int] = field(default_factory=list)


def parse_document(raw: str, seed: SeedDoc) -> list[Paragraph]:
    """Parse one seed text; raises `SeedError` naming the file when it cannot."""
    text = normalise(raw)
    if not text.strip():
        raise SeedError(seed.file, "the file is empty")
    if seed.is_resolution:
        return _parse_resolution(text, seed)
    return _parse_article(text, seed)


# ---------------------------------------------------------------- common helpers


def _is_cjk(ch: str) -> bool:
    return bool(re.match(f"[{CJK}]", ch))


def _join(left: str, right: str) -> str:
    """Join two wrapped pieces: no space between Chinese characters."""
    left, right = left.rstrip(), right.strip()
    if not left:
        return right
    if not right:
        return left
    if _is_cjk(left[-1]) or _is_cjk(right[0]):
        return left + right
    return f"{left} {right}"


def _tidy(text: str, lang: str) -> str:
    text = text.replace("*", "")
    text = re.sub(r"[ \t]+", " ", text).strip()
    if lang != "zh":  # French sets a space before ; and : by rule
        text = re.sub(r"\s+([,.)])" if lang == "fr" else r"\s+([,;:.)])", r"\1", text)
    if lang == "zh":
        # PDF extraction pads digits and Latin runs with spaces inside Chinese text.
        text = re.sub(rf"(?<=[{CJK}])\s+(?=[\w(])", "", text)
        text = re.sub(rf"(?<=[\w)])\s+(?=[{CJK}])", "", text)
    return text


_trailing_marker = re.compile(r"(\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\s*\[\^\d+\]|(?<=[,;:.，；：。])\s*\d{1,3})\s*$")


def _ends_paragraph(text: str) -> bool:
    """A paragraph is complete when it ends with a clause mark (a footnote marker may follow)."""
    text = _trailing_marker.sub("", text.rstrip()).rstrip("”\"’'")
    return bool(text) and text.endswith(TERMINAL) and not _op_start.match(text + " x")


# ---------------------------------------------------------------- resolutions


def _parse_resolution(text: str, seed: SeedDoc) -> list[Paragraph]:
    front = _read_front_matter(text)
    text = _front_matter.sub("", text)
    text = _md_link.sub(r"\1", text)
    text = "\n".join(
        ln if _footnote_def(ln, False) else _italic_verb_boundary.sub(r"\1\n\n", ln) for ln in text.split("\n")
    )
    text = re.sub(r"\*{2,}", "\n", text)

    plenary, text = _take_plenary(text, seed.lang)
    lines, footnotes = _take_footnotes(text.split("\n"))

    found = detect.opening_line(lines)
    if found is None:
        raise SeedError(seed.file, "no opening formula such as \"The General Assembly,\" starts the body, "
                                   "so it is not a resolution text")
    start, lang = found
    if lang != seed.lang:
        raise SeedError(seed.file, f"the text is in {lang} (its opening formula) but the manifest says {seed.lang}")
    header = [ln.strip() for ln in lines[:start]]
    body = [_Unit(ln.rstrip(), ln[:1].isspace()) for ln in lines[start + 1 :] if ln.strip()]

    drafts = _assemble(body, seed)
    # Text extracted after the footnotes can hide the last operative paragraphs inside the
    # last footnote ("[^3]: A/79/88. 4. Decides ..."): move them back into the body.
    next_op = 1 + max((d.number for d in drafts if d.part == OP), default=0)
    for n in sorted(footnotes):
        m = re.search(rf"(?:^|\s){next_op}\.\s+(?=\S)", footnotes[n])
        if m:
            spill = footnotes[n][m.start() :]
            footnotes[n] = footnotes[n][: m.start()].strip()
            drafts = _assemble([_Unit(spill.strip(), True)], seed, drafts)
            plenary_spill, _ = _take_plenary(spill, seed.lang)
            plenary = plenary or plenary_spill
    for d in drafts:
        d.text = _take_plenary(d.text, seed.lang)[1]

    if not any(d.part in (PP, OP) for d in drafts):
        raise SeedError(seed.file, "no preambular or operative paragraphs found")
    _attach_markers(drafts, footnotes, seed.lang)

    paragraphs = [
        Paragraph(seed.doc, seed.lang, d.part, d.number, _tidy(d.text, seed.lang), tuple(d.footnotes))
        for d in drafts
    ]
    paragraphs += [
        Paragraph(seed.doc, seed.lang, FN, n, _tidy(t, seed.lang)) for n, t in sorted(footnotes.items())
    ]
    for p in paragraphs:
        if not p.text:
            raise SeedError(seed.file, f"{p.part} {p.number} is empty")
    paragraphs.append(_adoption_record(header, front, plenary, seed))
    return paragraphs


def _read_front_matter(text: str) -> dict[str, str]:
    m = _front_matter.match(text)
    if not m:
        return {}
    pairs = (ln.split(":", 1) for ln in m.group(1).splitlines() if ":" in ln)
    return {k.strip(): v.strip().strip("\"'") for k, v in pairs}


def _take_plenary(text: str, lang: str) -> tuple[dict[str, str], str]:
    """Find and remove the closing "44th plenary meeting, 2 December 2024" line."""
    hit = detect.plenary(text, lang)
    if hit is None:
        return {}, text
    found, start, end = hit
    return found, (text[:start] + text[end:]).rstrip()


def _take_footnotes(lines: list[str]) -> tuple[list[str], dict[int, str]]:
    """Split footnote definitions and page-break debris from the running text."""
    kept: list[str] = []
    notes: dict[int, str] = {}
    current: int | None = None
    in_zone = False  # after a rule: footnotes until the body text resumes
    for line in lines:
        stripped = line.strip()
        if _url.match(line):  # links printed under a PDF page's footnotes close the zone
            in_zone, current = False, None
            continue
        if _rule.match(line):
            in_zone, current = True, None
            continue
        m = _footnote_def(line, in_zone)
        if m:
            current = int(m.group(1).translate(SUPERSCRIPTS))
            notes[current] = m.group(2).strip()
            continue
        if in_zone and stripped and current is not None and not line[:1].isspace():
            notes[current] = _join(notes[current], line)  # a wrapped footnote line
            continue
        if stripped:  # an indented line in a zone is the body resuming after the page break
            in_zone, current = False, None
        kept.append(line)
    return kept, notes


def _footnote_def(line: str, in_zone: bool) -> re.Match | None:
    stripped = line.strip()
    return (
        _md_footnote_def.match(stripped)
        or _superscript_def.match(stripped)
        or (_pdf_footnote_def.match(line) if in_zone else None)
    )


def _assemble(units: list[_Unit], seed: SeedDoc, drafts: list[_Draft] | None = None) -> list[_Draft]:
    """Group physical lines into paragraphs: PP before the first numbered one, OP after."""
    drafts = list(drafts or [])
    # In PDF text a paragraph starts on an indented line; elsewhere every block may start one.
    indent_mode = any(u.indented for u in units) and not all(u.indented for u in units)
    for unit in units:
        cur = drafts[-1] if drafts else None
        m = _op_start.match(unit.text.strip())
        in_ops = any(d.part == OP for d in drafts)
        last_op = max((d.number for d in drafts if d.part == OP), default=0)
        closed = cur is None or _ends_paragraph(cur.text)
        if m and closed:
            number = int(m.group(1))
            if number != last_op + 1:
                raise SeedError(
                    seed.file,
                    f"operative paragraph {number} follows {last_op or 'the preamble'} "
                    "(a duplicate or missing paragraph number)",
                )
            drafts.append(_Draft(OP, number, unit.text.strip()[m.end() :]))
        elif cur is None or (closed and (unit.indented or not indent_mode) and not in_ops):
            drafts.append(_Draft(PP, 1 + sum(d.part == PP for d in drafts), unit.text.strip()))
        elif closed and in_ops:
            cur.text = f"{cur.text}\n{unit.text.strip()}"  # a sub-paragraph such as "(a) ..."
        else:
            cur.text = _join(cur.text, unit.text)
    return drafts


def _attach_markers(drafts: list[_Draft], footnotes: dict[int, str], lang: str) -> None:
    """Record which paragraph carries which footnote marker, and remove the marker."""
    for d in drafts:
        for sym in re.findall(r"\[\^(\d+)\]|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)", d.text):
            d.footnotes.append(int((sym[0] or sym[1]).translate(SUPERSCRIPTS)))
        d.text = re.sub(r"\[\^\d+\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+", "", d.text)
    # Plain-digit markers ("Effects,1 and", "报告，3 其中"): look for each footnote in turn,
    # in document order, where a bare number follows a word or punctuation.
    found = {n for d in drafts for n in d.footnotes}
    pos = (0, 0)
    for n in sorted(set(footnotes) - found):
        hit = _find_plain_marker(drafts, n, pos, lang)
        if hit is None:
            continue
        i, start, end = hit
        d = drafts[i]
        d.text = d.text[:start] + (" " if lang != "zh" else "") + d.text[end:]
        d.footnotes.append(n)
        pos = (i, start)
    for d in drafts:
        d.footnotes.sort()


def _find_plain_marker(drafts: list[_Draft], n: int, pos: tuple[int, int], lang: str):
    after = "年月日号卷次届段条%"
    pattern = re.compile(rf"(?<=[^\W\d_]|[,.;:)\]》」”’，。；：])\s?{n}(?=\s|$)(?!\s*[{after}])")
    for i in range(pos[0], len(drafts)):
        text = drafts[i].text
        offset = pos[1] if i == pos[0] else 0
        for m in pattern.finditer(text, offset):
            before = text[: m.start()].rstrip()
            word = re.split(r"\s", before)[-1].lower() if before else ""
            following = text[m.end() : m.end() + 12].strip()
            if word in {"para.", "paragraph", "no.", "vol.", "item", "resolution", "session", "annex", "chap."}:
                continue
            if before.endswith("第") or any(following.startswith(mo) for mo in MONTHS):
                continue
            return i, m.start(), m.end()
    return None


def detect_text(raw: str, file: str) -> Detected:
    """What a resolution text says about itself (symbol, language, title, date, session, ...);
    raises `SeedError` when no opening formula marks it as a resolution."""
    text = normalise(raw)
    front = _read_front_matter(text)
    lines = re.sub(r"\*{2,}", "\n", _md_link.sub(r"\1", _front_matter.sub("", text))).split("\n")
    found = detect.opening_line(lines)
    if found is None:
        raise SeedError(file, "no opening formula such as \"The General Assembly,\" starts the body, "
                              "so it is not a resolution text")
    start, lang = found
    result = detect.detect_header(lines[:start], lang)
    result.symbol = result.symbol or front.get("symbol")
    if result.adopted is None and (hit := detect.plenary(text, lang)) and "adopted" in hit[0]:
        result.adopted = hit[0]["adopted"]
    return result


def _adoption_record(header_lines: list[str], front: dict[str, str], plenary: dict[str, str], seed: SeedDoc) -> Paragraph:
    """The META record: session, agenda item, committee report, plenary meeting and date."""
    f: dict[str, str] = {"symbol": seed.doc, "title": seed.title}
    found = detect.detect_header(header_lines, seed.lang)
    printed = front.get("symbol") or found.symbol
    if printed and printed != seed.doc:
        raise SeedError(seed.file, f"the text is resolution {printed} but the manifest says {seed.doc}")
    if found.title:
        f["title"] = found.title
    f.update(found.fields)
    if found.adopted:
        f["adopted"] = found.adopted
    f.update({k: v for k, v in plenary.items() if k not in f})
    return Paragraph(seed.doc, seed.lang, META, None, _meta_text(f, seed.lang), (), f)


_human_date = detect.human_date


def _meta_text(f: dict[str, str], lang: str) -> str:
    number = f["symbol"].removeprefix("A/RES/")  # other languages' records are written in English
    if lang == "zh":
        text = f"第{number}号决议《{f['title']}》"
        if "adopted" in f:
            text += f"于{_human_date(f['adopted'], lang)}"
        if "plenary_meeting" in f:
            text += f"第{f['plenary_meeting']}次全体会议"
        return text + "通过。"
    text = f"Resolution {number} ({f['title']}) was adopted by the General Assembly"
    if "adopted" in f:
        text += f" on {_human_date(f['adopted'], lang)}"
    if "plenary_meeting" in f:
        resumed = " (resumed)" if f.get("resumed") else ""
        text += f" at its {_ordinal(int(f['plenary_meeting']))}{resumed} plenary meeting"
    if "session" in f:
        text += f", {f['session']} session"
    if "agenda_item" in f:
        text += f", under agenda item {f['agenda_item']}"
    if "report" in f:
        para = f", para. {f['report_para']}" if "report_para" in f else ""
        text += f", on the report of the {f.get('committee', 'Committee')} ({f['report']}{para})"
    elif "draft" in f:
        text += f", {f.get('committee', 'on the draft')} ({f['draft']})"
    return text + "."


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# ---------------------------------------------------------------- articles


def _parse_article(text: str, seed: SeedDoc) -> list[Paragraph]:
    """A secondary source: a title line, an optional "ISSUED ON" line, then paragraphs."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    if not blocks:
        raise SeedError(seed.file, "no paragraphs found")
    title = re.sub(r"\s+", " ", blocks.pop(0))
    issued = seed.date
    if blocks and (m := re.match(r"ISSUED ON:\s*(\d{1,2})/(\d{1,2})/(\d{4})", blocks[0], re.I)):
        issued = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
        blocks.pop(0)
    units = [_Unit(re.sub(r"\s+", " ", b), False) for b in blocks]
    paragraphs: list[str] = []
    for u in units:
        if paragraphs and not _ends_paragraph(paragraphs[-1]):
            paragraphs[-1] = _join(paragraphs[-1], u.text)
        else:
            paragraphs.append(u.text)
    if not paragraphs:
        raise SeedError(seed.file, "no paragraphs found after the title")
    out = [Paragraph(seed.doc, seed.lang, P, i, _tidy(t, seed.lang)) for i, t in enumerate(paragraphs, 1)]
    fields = {"symbol": seed.doc, "title": title, "issued": issued, "kind": seed.kind}
    meta = f"News article \"{title}\", issued on {_human_date(issued, seed.lang)}; a secondary source."
    out.append(Paragraph(seed.doc, seed.lang, META, None, meta, (), fields))
    return out
