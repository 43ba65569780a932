"""Read seed texts into `Paragraph` records.

Resolutions come in several extracted shapes (markdown with italic verbs run together,
plain text with footnotes collected at the end, text from a PDF with wrapped lines and
page-break debris); the rules below recognise the shapes, not particular files.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .manifest import SeedDoc, SeedError
from .records import FN, META, OP, PP, P, Paragraph

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
TERMINAL = tuple(",;:.，；：。")
MONTHS = (
    "January February March April May June July August September October November December".split()
)

_front_matter = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_md_link = re.compile(r"\[([^\]^]+)\]\([^)]*\)")
_italic_verb_boundary = re.compile(r"([,;][⁰¹²³⁴⁵⁶⁷⁸⁹]*)[ \t]*\*+[ \t]*(?=[A-Z])")  # ",*Affirming*" starts a paragraph
_op_start = re.compile(r"^(\d{1,3})\.\s+(?=\S)")
_md_footnote_def = re.compile(r"^\[\^(\d+)\]:\s*(.*)$")
_superscript_def = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s+(.*)$")
_pdf_footnote_def = re.compile(r"^\s*(\d{1,3})\s+(?!\d)(\S.*)$")
_rule = re.compile(r"^\s*(_{5,}|-{3,})\s*$")
_url = re.compile(r"^\s*https?://\S+\s*$")
_plenary_en = re.compile(
    r"(\d+)(?:st|nd|rd|th)\s+plenary\s+meeting\s*(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?"
)
_plenary_zh = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*第\s*(\d+)\s*次全体会议"
)


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
    text = _normalise(raw)
    if not text.strip():
        raise SeedError(seed.file, "the file is empty")
    if seed.is_resolution:
        return _parse_resolution(text, seed)
    return _parse_article(text, seed)


# ---------------------------------------------------------------- common helpers


def _normalise(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    # Non-breaking hyphens and spaces from PDF extraction read as their plain forms.
    return text.replace("\u2011", "-").replace("\u00a0", " ").replace("\ufeff", "")


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
    text = re.sub(r"\s+([,;:.)])", r"\1", text) if lang != "zh" else text
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

    opening = "大会，" if seed.lang == "zh" else "The General Assembly,"
    start = next((i for i, ln in enumerate(lines) if ln.strip().strip("*") == opening), None)
    if start is None:
        raise SeedError(seed.file, f"no line {opening!r} opens the resolution, so it is not a resolution text")
    header = [ln.strip() for ln in lines[:start] if ln.strip()]
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
    if lang == "zh":
        m = _plenary_zh.search(text)
        if not m:
            return {}, text
        y, mo, d, meeting = m.groups()
        found = {"plenary_meeting": meeting, "adopted": f"{y}-{int(mo):02d}-{int(d):02d}"}
    else:
        m = _plenary_en.search(text)
        if not m:
            return {}, text
        found = {"plenary_meeting": m.group(1)}
        if m.group(2):
            found["adopted"] = _iso_date(m.group(2))
    return found, (text[: m.start()] + text[m.end() :]).rstrip()


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


def _iso_date(text: str) -> str:
    day, month, year = text.split()
    return f"{year}-{MONTHS.index(month) + 1:02d}-{int(day):02d}"


def _adoption_record(header_lines: list[str], front: dict[str, str], plenary: dict[str, str], seed: SeedDoc) -> Paragraph:
    """The META record: session, agenda item, committee report, plenary meeting and date."""
    f: dict[str, str] = {"symbol": seed.doc, "title": seed.title}
    header = " ".join(header_lines)
    title = next(filter(None, (re.match(r"(\d+/\d+)\.\s+(.+)$", ln) for ln in header_lines)), None)
    if title:
        printed = f"A/RES/{title.group(1)}"
        if printed != seed.doc:
            raise SeedError(seed.file, f"the text is resolution {printed} but the manifest says {seed.doc}")
        f["title"] = title.group(2).strip().rstrip(" :")
    if front.get("symbol") and front["symbol"] != seed.doc:
        raise SeedError(seed.file, f"front matter says {front['symbol']} but the manifest says {seed.doc}")
    if m := re.search(r"\b([A-Z][a-z]+(?:-[a-z]+)?)\s+session\b", header):
        f["session"] = m.group(1).lower()
    if m := re.search(r"Agenda item\s+(\d+\s*(?:\([a-z]+\))?)", header):
        f["agenda_item"] = m.group(1)
    if m := re.search(r"on the report of the ([A-Z][a-z]+ Committee)\s*\(([^,)]+)(?:,\s*para\.\s*(\d+))?\)", header):
        f["committee"], f["report"] = m.group(1), m.group(2)
        if m.group(3):
            f["report_para"] = m.group(3)
    if m := re.search(r"adopted by the General Assembly\s+on\s+(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})", header):
        f["adopted"] = _iso_date(m.group(1))
    f.update({k: v for k, v in plenary.items() if k not in f})
    return Paragraph(seed.doc, seed.lang, META, None, _meta_text(f, seed.lang), (), f)


def _human_date(iso: str, lang: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}年{m}月{d}日" if lang == "zh" else f"{d} {MONTHS[m - 1]} {y}"


def _meta_text(f: dict[str, str], lang: str) -> str:
    number = f["symbol"].removeprefix("A/RES/")
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
        text += f" at its {_ordinal(int(f['plenary_meeting']))} plenary meeting"
    if "session" in f:
        text += f", {f['session']} session"
    if "agenda_item" in f:
        text += f", under agenda item {f['agenda_item']}"
    if "report" in f:
        para = f", para. {f['report_para']}" if "report_para" in f else ""
        text += f", on the report of the {f.get('committee', 'Committee')} ({f['report']}{para})"
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
