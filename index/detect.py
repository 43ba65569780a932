"""What a resolution text says about itself: symbol, language, title, dates, session, agenda
item, the report or draft it was adopted on, and the plenary meeting.

Every resolution has the same skeleton in the six official languages (masthead, session and
agenda item, "Resolution adopted by ... on", the report, number and title, the opening
formula, paragraphs, plenary meeting and date); the patterns below follow that skeleton.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

LANGS = ("en", "fr", "es", "ru", "ar", "zh")

# Symbols: A/RES/78/265, A/RES/ES-11/1, S/RES/2231 (2015), drafts A/C.1/79/L.43 or A/78/L.49.
SYMBOL = re.compile(
    r"(?<![\w/])(?:A/RES/(?:ES-\d+/|S-\d+/)?\d+(?:/\d+)?|S/RES/\d+\s*\(\d{4}\)|A/(?:C\.\d/)?\d+/L\.\d+(?:/Rev\.\d+)?)"
    r"(?![\w/])"
)
_RESOLUTION_SYMBOL = re.compile(r"(?:A/RES/|S/RES/)")

# The line that opens the body, per language and body. Apostrophes vary between ' and ’.
OPENINGS: dict[str, tuple[str, ...]] = {
    "en": ("The General Assembly,", "The Security Council,"),
    "fr": ("L'Assemblée générale,", "Le Conseil de sécurité,"),
    "es": ("La Asamblea General,", "El Consejo de Seguridad,"),
    "ru": ("Генеральная Ассамблея,", "Совет Безопасности,"),
    "ar": ("إن الجمعية العامة،", "إن مجلس الأمن،"),
    "zh": ("大会，", "大会,", "安全理事会，"),
}

MONTHS: dict[str, tuple[str, ...]] = {
    "en": tuple("January February March April May June July August September October November December".split()),
    "fr": tuple("janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()),
    "es": tuple("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()),
    "ru": tuple("января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()),
    # UN Arabic prints both calendars' names, "كانون الأول/ديسمبر": the second is matched.
    "ar": tuple("يناير فبراير مارس أبريل مايو يونيه يوليه أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split()),
}
_AR_ALT = {"يونيو": 6, "يوليو": 7, "ابريل": 4, "إبريل": 4}

_ADOPTED = {
    "en": r"adopted by the (?:General Assembly|Security Council)",
    "fr": r"adoptée par (?:l['’]Assemblée générale|le Conseil de sécurité)",
    "es": r"aprobada por (?:la Asamblea General|el Consejo de Seguridad)",
    "ru": r"принятая (?:Генеральной Ассамблеей|Советом Безопасности)",
    "ar": r"(?:اتخذته|اتخذها) (?:الجمعية العامة|مجلس الأمن)",
}
_AGENDA = {
    "en": r"Agenda items?\s+(\d+\s*(?:\([a-z]+\))?)",
    "fr": r"Points? (\d+\s*(?:\([a-z]+\))?) de l['’]ordre du jour",
    "es": r"Temas? (\d+\s*(?:\([a-z]+\))?) del programa",
    "ru": r"Пункты? (\d+\s*(?:\([а-яa-z]+\))?) повестки дня",
    "ar": r"البند (\d+\s*(?:\([^)]+\))?) من جدول الأعمال",
    "zh": r"议程项目\s*(\d+\s*(?:\([a-z]+\))?)",
}
_SESSION = {
    "en": r"\b((?:[A-Z][a-z]+(?:-[a-z]+)?\s+)?(?:emergency special |special )?)session\b",
    "fr": r"\b([A-ZÉ][\w-]+(?:ième|e))\s+session\b",
    "es": r"\b([\w-]+ período (?:extraordinario )?de sesiones)\b",
    "ru": r"\b([А-Я][\w-]+)\s+сессия\b",
    "ar": r"(الدورة [^\n]+)",
    "zh": r"(第[一二三四五六七八九十]+届会议)",
}
# The closing "44th plenary meeting" (with "(resumed)" for a resumed meeting), per language.
PLENARY = {
    "en": r"(\d+)(?:st|nd|rd|th)\s+(\(resumed\)\s+)?plenary\s+meeting",
    "fr": r"(\d+)e\s+séance\s+plénière(\s*\(reprise\))?",
    "es": r"(\d+)[ªa]\s+sesión\s+plenaria(\s*\(continuación\))?",
    "ru": r"(\d+)-е\s+(\(возобновленное\)\s+)?пленарное\s+заседание",
    "ar": r"الجلسة العامة\s+(\d+)(\s*\(المستأنفة\))?",
    "zh": r"第\s*(\d+)\s*次\s*(\(续会\)|（续会）)?\s*全体会议",
}


@dataclass
class Detected:
    """What the text says about itself; a field is None when the text does not say."""

    symbol: str | None = None
    lang: str | None = None
    title: str | None = None
    adopted: str | None = None  # YYYY-MM-DD
    fields: dict[str, str] = field(default_factory=dict)  # session, agenda_item, committee, report, ...


def normalise(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    # Non-breaking hyphens and spaces from PDF extraction read as their plain forms.
    return text.replace("\u2011", "-").replace("\u00a0", " ").replace("\ufeff", "")


def opening_line(lines: list[str]) -> tuple[int, str] | None:
    """(index, language) of the line holding the opening formula, or None."""
    for i, line in enumerate(lines):
        s = line.strip().strip("*").strip().replace("’", "'")
        for lang, forms in OPENINGS.items():
            if s and any(s == f or (lang == "zh" and s in f) for f in forms):
                return i, lang
    return None


def script_language(text: str) -> str | None:
    """The language its letters say: CJK, Arabic and Cyrillic by script; Latin by common words."""
    counts = {"zh": len(re.findall(r"[\u4e00-\u9fff]", text)), "ar": len(re.findall(r"[\u0600-\u06ff]", text)),
              "ru": len(re.findall(r"[\u0400-\u04ff]", text)), "latin": len(re.findall(r"[A-Za-z]", text))}
    best = max(counts, key=counts.get)
    if counts[best] == 0:
        return None
    if best != "latin":
        return best
    words = re.findall(r"[a-zàâçéèêëîïôûùüñóíú]+", text.lower())
    marks = {"en": {"the", "of", "and", "to", "its"}, "fr": {"le", "la", "les", "des", "et", "du"},
             "es": {"el", "los", "las", "del", "y", "en"}}
    score = {lang: sum(w in ws for w in words) for lang, ws in marks.items()}
    return max(score, key=score.get)


def find_date(text: str, lang: str) -> tuple[str, re.Match] | None:
    """The first date in `text` as YYYY-MM-DD, with its match."""
    if lang == "zh":
        m = re.search(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", text)
        return (f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}", m) if m else None
    months = MONTHS[lang] + (tuple(_AR_ALT) if lang == "ar" else ())
    alt = "|".join(months)
    if lang == "ar":
        pattern = rf"(\d{{1,2}})\s+(?:[^\s/\d]+(?:\s[^\s/\d]+)?/)?({alt})\s+(\d{{4}})"
    else:
        pattern = rf"(\d{{1,2}})(?:er)?\s+(?:de\s+)?({alt})\s+(?:de\s+)?(\d{{4}})"
        pattern += r"(?:\s+года)?" if lang == "ru" else ""
    m = re.search(pattern, text, re.I if lang != "ar" else 0)
    if not m:
        return None
    name = m.group(2) if lang == "ar" else m.group(2).lower()
    lookup = [x.lower() for x in MONTHS[lang]] if lang != "ar" else list(MONTHS[lang])
    month = _AR_ALT[name] if name in _AR_ALT else lookup.index(name) + 1
    return f"{m.group(3)}-{month:02d}-{int(m.group(1)):02d}", m


def human_date(iso: str, lang: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}年{m}月{d}日" if lang == "zh" else f"{d} {MONTHS['en'][m - 1]} {y}"


def plenary(text: str, lang: str) -> tuple[dict[str, str], int, int] | None:
    """The closing plenary-meeting line: its number, "resumed" and the date printed with it
    (after it; before it in Chinese), with the span of the whole."""
    m = re.search(PLENARY[lang], text)
    if not m:
        return None
    found = {"plenary_meeting": m.group(1)}
    if m.group(2):
        found["resumed"] = "yes"
    start, end = m.start(), m.end()
    if lang == "zh":
        before = text[max(0, start - 30) : start]
        date = find_date(before, lang)
        if date and not before[date[1].end() :].strip():
            found["adopted"], start = date[0], start - len(before) + date[1].start()
    else:
        date = find_date(text[end : end + 40], lang)
        if date and not text[end : end + date[1].start()].strip(" ,\n"):
            found["adopted"], end = date[0], end + date[1].end()
    return found, start, end


def detect_header(header_lines: list[str], lang: str) -> Detected:
    """Read the masthead and adoption lines that precede the opening formula."""
    header = re.sub(r"\s+", " ", " ".join(ln.strip() for ln in header_lines))
    found = Detected(lang=lang)
    symbols = [s for s in SYMBOL.findall(header)]
    resolution = [s for s in symbols if _RESOLUTION_SYMBOL.match(s)]
    if resolution:
        found.symbol = re.sub(r"\s+", " ", resolution[0])
    title = _title(header_lines)
    if title:
        number, found.title = title
        # The printed number ("78/265.") names the resolution where the masthead symbol was lost.
        if found.symbol is None and not number.startswith("S"):
            found.symbol = f"A/RES/{number}"
    elif symbols:
        found.symbol = symbols[0]  # a draft: its own symbol heads the page
    f = found.fields
    if m := re.search(_SESSION[lang], header):
        f["session"] = m.group(1).strip().lower() if lang == "en" else m.group(1).strip()
        if lang == "en" and not f["session"]:
            del f["session"]
    if m := re.search(_AGENDA[lang], header):
        f["agenda_item"] = re.sub(r"\s+", " ", m.group(1)).strip()
    if m := re.search(r"\[([^\]]+)\]", header):  # "[on the report of the First Committee (A/78/409, para. 89)]"
        basis = m.group(1).strip()
        f["adopted_on"] = basis
        if rm := re.search(r"\((A/[^,)]+)(?:,\s*(?:para|par|párr|пункт)\.?\s*(\d+))?\)", basis):
            key = "draft" if "/L." in rm.group(1) else "report"
            f[key] = rm.group(1).strip()
            if rm.group(2):
                f["report_para"] = rm.group(2)
        if cm := re.search(r"report of the ([A-Z][a-z]+ Committee)", basis):
            f["committee"] = cm.group(1)
        elif re.search(r"without reference to a Main Committee", basis):
            f["committee"] = "without reference to a Main Committee"
    adopted_kw = _ADOPTED.get(lang)
    if lang == "zh":
        if m := re.search(r"大会\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*通过", header):
            found.adopted = find_date(m.group(1), lang)[0]
    elif adopted_kw and (m := re.search(adopted_kw, header, re.I)):
        if (date := find_date(header[m.end() : m.end() + 60], lang)) is not None:
            found.adopted = date[0]
    return found


def _title(lines: list[str]) -> tuple[str, str] | None:
    """The "78/265. Title" line, with the title's wrapped continuation lines."""
    cleaned = [re.sub(r"\s+", " ", ln.strip().strip("*").strip()) for ln in lines]
    for i, ln in enumerate(cleaned):
        m = re.match(r"((?:ES-\d+/|S-\d+/)?\d+/\d+|\d+\s*\(\d{4}\))\s*(?:[.．]|\s-)\s*(.*)$", ln)  # Arabic prints "79/62 - title"
        if not m:
            continue
        title = m.group(2).strip()
        rest = cleaned[i + 1 :]
        if not title:  # "78/265." alone on its line, the title below it
            rest = rest[next((j for j, s in enumerate(rest) if s), len(rest)) :]
        for nxt in rest:
            if not nxt:
                break
            title = f"{title} {nxt}".strip() if not re.match(r"[\u4e00-\u9fff]", nxt) else title + nxt
        return m.group(1), title.strip(" :")
    return None
