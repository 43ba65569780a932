"""Adding documents: the real files in tests/data (official PDF, `pdftotext -layout` text, a
.docx made from one), made-up texts in French, Spanish, Russian and Arabic, and `unres add`
through the real CLI into a temporary documents folder and store."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from index import SeedDoc, SeedError, parse_document
from index.intake import examine
from index.parse import detect_text
from index.read import read_document

DATA = Path(__file__).resolve().parent / "data"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# Counts as printed (see tests/data and the sources' own SOURCES.md).
REAL = [
    ("A_RES_78_265-EN.pdf", "A/RES/78/265", "2024-03-21", {"PP": 9, "OP": 13, "FN": 10}),
    ("A_RES_78_241-EN.md", "A/RES/78/241", "2023-12-22", {"PP": 9, "OP": 4, "FN": 2}),
    ("A_RES_79_62-EN.layout.md", "A/RES/79/62", "2024-12-02", {"PP": 16, "OP": 12, "FN": 3}),
    ("A_RES_80_57-EN.layout.md", "A/RES/80/57", "2025-12-01", {"PP": 13, "OP": 4, "FN": 3}),
]


def _parse(path: Path):
    r = examine(path)
    assert r.error is None, r.error
    return r, {(p.part, p.number): p for p in parse_document(read_document(path), r.seed)}


@pytest.mark.parametrize("name, symbol, date, counts", REAL)
def test_real_files_parse_as_printed(name, symbol, date, counts):
    r, by = _parse(DATA / name)
    assert (r.doc, r.lang, r.date, r.counts) == (symbol, "en", date, counts)
    for p in by.values():
        assert "___" not in p.text and "[^" not in p.text and "24-" not in p.text[:6], p.label
        assert not any(x in p.text for x in (" -p", " -S", " -n", "A/RES/")) or p.part in ("META", "FN"), p.label
    # Every footnote is cited by exactly one paragraph.
    cited = Counter(n for p in by.values() for n in p.footnotes)
    assert sorted(cited) == list(range(1, counts["FN"] + 1)) and set(cited.values()) == {1}


def test_official_pdf_details():
    r, by = _parse(DATA / "A_RES_78_265-EN.pdf")
    assert r.title == ("Seizing the opportunities of safe, secure and trustworthy artificial intelligence "
                       "systems for sustainable development")
    meta = by[("META", None)].fields
    assert meta["draft"] == "A/78/L.49" and meta["committee"] == "without reference to a Main Committee"
    assert meta["plenary_meeting"] == "63" and meta["agenda_item"] == "13" and meta["session"] == "seventy-eighth"
    assert by[("PP", 1)].footnotes == (1,) and by[("PP", 3)].footnotes == (2, 3, 4, 5)
    assert by[("OP", 2)].footnotes == (10,)
    # Sub-paragraphs stay with their parent; running headers and page numbers never enter.
    op4 = by[("OP", 4)].text
    assert "\n(a) Expanding participation" in op4 and "\n(g) Promoting the access" in op4
    assert "Seizing the opportunities" not in op4 and "3/8" not in op4
    assert by[("OP", 9)].text.startswith("Encourages the private sector")
    assert by[("FN", 8)].text.endswith("(A/66/53), chap. III, sect. A.")


def test_layout_text_details():
    r, by = _parse(DATA / "A_RES_78_241-EN.md")
    meta = by[("META", None)].fields
    assert meta["plenary_meeting"] == "50" and meta["resumed"] == "yes" and meta["report"] == "A/78/409"
    assert "(resumed)" in by[("META", None)].text
    assert by[("OP", 4)].text.endswith("“Lethal autonomous weapons systems”.")
    assert by[("FN", 2)].text.endswith("(A/77/53/Add.1), chap. III, sect. A.")
    _, by62 = _parse(DATA / "A_RES_79_62-EN.layout.md")
    assert "non-State actors" in by62[("PP", 4)].text
    assert "report of the Secretary-General, and notes" in by62[("OP", 2)].text
    assert by62[("PP", 7)].text.endswith("the various proposals presented,")  # across a page break
    _, by57 = _parse(DATA / "A_RES_80_57-EN.layout.md")
    assert by57[("OP", 4)].text.startswith("Decides to include in the provisional agenda of its eighty-first")


def test_docx_made_from_a_real_text(tmp_path):
    import docx

    text = read_document(DATA / "A_RES_78_241-EN.md")
    document = docx.Document()
    for line in text.splitlines():
        para = document.add_paragraph()
        if line.startswith("[^"):  # a footnote typed as a paragraph opening with its superscript number
            number, rest = line[2:].split("]: ", 1)
            para.add_run(number).font.superscript = True
            para.add_run(" " + rest)
            continue
        for i, piece in enumerate(line.split("[^")):
            if i:
                number, piece = piece.split("]", 1)
                para.add_run(number).font.superscript = True
            para.add_run(piece)
    document.save(tmp_path / "res.docx")
    r, by = _parse(tmp_path / "res.docx")
    assert (r.doc, r.counts, r.date) == ("A/RES/78/241", {"PP": 9, "OP": 4, "FN": 2}, "2023-12-22")
    assert by[("PP", 5)].footnotes == (1,)


# ---- the other official languages: small made-up texts of the same skeleton

FRENCH = """Soixante-dix-neuvième session
Point 98 de l'ordre du jour

Résolution adoptée par l'Assemblée générale le 2 décembre 2024
[sur la base du rapport de la Première Commission (A/79/408, par. 114)]

79/99. Un sujet

L’Assemblée générale,
Rappelant sa résolution 78/241 du 22 décembre 2023,
Notant le rapport du Secrétaire général¹,
1. Prie le Secrétaire général de faire rapport ;
2. Décide d'inscrire la question à l'ordre du jour :
(a) premier point ;
(b) second point.

44e séance plénière
2 décembre 2024

[^1]: A/79/88.
"""

SPANISH = """Septuagésimo noveno período de sesiones
Tema 98 del programa

Resolución aprobada por la Asamblea General el 2 de diciembre de 2024

79/99. Un tema

La Asamblea General,
Recordando su resolución 78/241,
Observando el informe del Secretario General¹,
1. Solicita al Secretario General que informe;
2. Decide seguir ocupándose de la cuestión.

44ª sesión plenaria
2 de diciembre de 2024

[^1]: A/79/88.
"""

RUSSIAN = """Семьдесят девятая сессия
Пункт 98 повестки дня

Резолюция, принятая Генеральной Ассамблеей 2 декабря 2024 года

79/99. Одна тема

Генеральная Ассамблея,
ссылаясь на свою резолюцию 78/241,
принимая к сведению доклад Генерального секретаря¹,
1. просит Генерального секретаря представить доклад;
2. постановляет продолжать заниматься этим вопросом.

44-е пленарное заседание
2 декабря 2024 года

[^1]: A/79/88.
"""

ARABIC = """الدورة التاسعة والسبعون
البند 98 من جدول الأعمال

قرار اتخذته الجمعية العامة في 2 كانون الأول/ديسمبر 2024

79/99 - موضوع ما

إن الجمعية العامة،
إذ تشير إلى قرارها 78/241،
وإذ تحيط علما بتقرير الأمين العام¹،
1 - تطلب إلى الأمين العام أن يقدم تقريرا؛
2 - تقرر أن تبقي المسألة قيد نظرها.

الجلسة العامة 44
2 كانون الأول/ديسمبر 2024

[^1]: A/79/88.
"""


@pytest.mark.parametrize("text, lang, ops", [(FRENCH, "fr", 2), (SPANISH, "es", 2), (RUSSIAN, "ru", 2),
                                               (ARABIC, "ar", 2)])
def test_other_languages_parse_like_english(text, lang, ops):
    found = detect_text(text, "x.txt")
    assert (found.lang, found.symbol, found.adopted) == (lang, "A/RES/79/99", "2024-12-02")
    assert found.fields["agenda_item"] == "98"
    paras = parse_document(text, SeedDoc("x.txt", found.symbol, found.title or "", lang, "resolution", found.adopted))
    by = {(p.part, p.number): p for p in paras}
    assert Counter(p.part for p in paras) == {"PP": 2, "OP": ops, "FN": 1, "META": 1}
    assert by[("PP", 2)].footnotes == (1,) and by[("FN", 1)].text == "A/79/88."
    assert by[("META", None)].fields["plenary_meeting"] == "44"
    if lang == "fr":
        assert by[("OP", 2)].text.endswith("\n(a) premier point ;\n(b) second point.")
        assert found.fields["report"] == "A/79/408"


@pytest.mark.parametrize("masthead, symbol", [
    ("United Nations A/RES/ES-11/1\n\n", "A/RES/ES-11/1"),
    ("United Nations S/RES/2231 (2015)\n\n", "S/RES/2231 (2015)"),
])
def test_other_symbols_are_detected(masthead, symbol):
    text = masthead + "Resolution adopted by the General Assembly on 2 March 2022\n\nThe General Assembly,\nNoting x,\n1. Decides y.\n"
    assert detect_text(text, "x.txt").symbol == symbol


def test_draft_symbol_is_detected():
    text = "United Nations A/C.1/79/L.43\n\nDraft resolution\n\nThe General Assembly,\nNoting x,\n1. Decides y.\n"
    assert detect_text(text, "x.txt").symbol == "A/C.1/79/L.43"


def test_a_contradicting_manifest_language_is_reported():
    with pytest.raises(SeedError, match="the text is in fr .* manifest says en"):
        parse_document(FRENCH, SeedDoc("x.txt", "A/RES/79/99", "t", "en", "resolution", "2024-12-02"))


@pytest.mark.parametrize("content, reason", [
    (b"%PDF-1.7\n1 0 obj garbage", "not a readable PDF"),
    (b"Minutes of the meeting.\n\nNothing was decided.\n", "not a resolution text"),
])
def test_unreadable_files_are_refused(tmp_path, content, reason):
    path = tmp_path / ("bad.pdf" if content.startswith(b"%PDF") else "notes.txt")
    path.write_bytes(content)
    r = examine(path)
    assert r.error.startswith(path.name + ":") and reason in r.error


# ---- the real CLI, a temporary documents folder and store

@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("adding")
    shutil.copytree(SEEDS, root / "seeds")
    return root


def _unres(workspace: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "UNRES_SEEDS_DIR": str(workspace / "seeds"), "UNRES_STORE_DIR": str(workspace / "store")}
    return subprocess.run([str(Path(sys.executable).with_name("unres")), *args], capture_output=True, env=env,
                          timeout=600, text=True)


def _state(workspace: Path) -> tuple[str, list[str], str]:
    store = next((workspace / "store").glob("*/fingerprint.json"))
    return ((workspace / "seeds" / "manifest.toml").read_text(), sorted(f.name for f in (workspace / "seeds").iterdir()),
            store.read_text())


def test_add_real_files_then_ask(workspace):
    dry = _unres(workspace, "add", "--dry-run", "--json", *(str(DATA / n) for n, *_ in REAL))
    assert dry.returncode == 2  # 79/62 and 80/57 are already in the seeds
    got = {r["file"].rsplit("/", 1)[-1]: r for r in json.loads(dry.stdout)}
    for name, symbol, date, counts in REAL:
        assert (got[name]["doc"], got[name]["lang"], got[name]["date"], got[name]["counts"]) == (symbol, "en", date, counts)
    assert "already indexed from 000_" in got["A_RES_79_62-EN.layout.md"]["error"]
    assert not (workspace / "seeds" / "A_RES_78_265-EN.pdf").exists()

    added = _unres(workspace, "add", "--json", str(DATA / "A_RES_78_265-EN.pdf"), str(DATA / "A_RES_78_241-EN.md"))
    assert added.returncode == 0, added.stderr
    assert [r["added"] for r in json.loads(added.stdout)] == [True, True]
    assert 'doc = "A/RES/78/265"' in (workspace / "seeds" / "manifest.toml").read_text()

    listed = json.loads(_unres(workspace, "documents", "--json").stdout)
    assert {"doc": "A/RES/78/265", "counts": {"PP": 9, "OP": 13, "FN": 10}}.items() <= next(
        r for r in listed if r["doc"] == "A/RES/78/265").items()

    answer = json.loads(_unres(workspace, "ask", "--json",
                               "What does resolution 78/265 encourage the private sector to do?").stdout)
    assert answer["citations"][0]["label"] == "A/RES/78/265 OP 9"
    answer = json.loads(_unres(workspace, "ask", "--json", "When was resolution 78/241 adopted?").stdout)
    assert answer["citations"][0]["label"] == "A/RES/78/241 META" and "22 December 2023" in answer["answer"]


def test_bad_files_are_refused_and_change_nothing(workspace, tmp_path):
    _unres(workspace, "index")
    before = _state(workspace)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes((DATA / "A_RES_78_265-EN.pdf").read_bytes()[:2000])
    notes = tmp_path / "notes.md"
    notes.write_text("# Meeting notes\n\nWe talked about resolutions.\n")
    for path in (broken, notes):
        r = _unres(workspace, "add", str(path))
        assert r.returncode == 2
        assert r.stderr.strip().splitlines()[-1].startswith(f"unres: error: {path.name}: "), r.stderr
    assert _state(workspace) == before


def test_unlisted_file_is_reported(workspace):
    shutil.copyfile(DATA / "A_RES_80_57-EN.layout.md", workspace / "seeds" / "stray.md")
    try:
        r = _unres(workspace, "documents")
        assert "stray.md: not listed in manifest.toml" in r.stderr
    finally:
        (workspace / "seeds" / "stray.md").unlink()


# ---- a documents folder that is empty, not there yet, or cannot be made

def _run(seeds: Path, store: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "UNRES_SEEDS_DIR": str(seeds), "UNRES_STORE_DIR": str(store)}
    return subprocess.run([str(Path(sys.executable).with_name("unres")), *args], capture_output=True, env=env,
                          timeout=600, text=True)


def test_add_into_a_documents_folder_not_there_yet(tmp_path):
    seeds = tmp_path / "not" / "yet" / "docs"
    dry = _run(seeds, tmp_path / "store", "add", "--dry-run", str(DATA / "A_RES_78_241-EN.md"))
    assert dry.returncode == 0 and "[would be added]" in dry.stdout, dry.stderr
    assert not (tmp_path / "not").exists()  # a dry run makes nothing

    added = _run(seeds, tmp_path / "store", "add", str(DATA / "A_RES_78_241-EN.md"))
    assert added.returncode == 0, added.stderr
    assert added.stdout == ("A/RES/78/241 (en) 'Lethal autonomous weapons systems', adopted 2023-12-22: "
                            "PP 9, OP 4, FN 2 [added]\n")
    assert sorted(f.name for f in seeds.iterdir()) == ["A_RES_78_241-EN.md", "manifest.toml"]
    answer = json.loads(_run(seeds, tmp_path / "store", "ask", "--json", "When was resolution 78/241 adopted?").stdout)
    assert answer["citations"][0]["label"] == "A/RES/78/241 META" and "22 December 2023" in answer["answer"]


def test_add_into_an_empty_documents_folder(tmp_path):
    seeds = tmp_path / "docs"
    seeds.mkdir()
    added = _run(seeds, tmp_path / "store", "add", "--json", str(DATA / "A_RES_80_57-EN.layout.md"))
    assert added.returncode == 0, added.stderr
    [r] = json.loads(added.stdout)
    assert (r["doc"], r["counts"], r["added"], r["error"]) == ("A/RES/80/57", {"PP": 13, "OP": 4, "FN": 3}, True, None)
    from index import read_manifest

    assert [(d.file, d.doc, d.date) for d in read_manifest(seeds / "manifest.toml")] == [
        ("A_RES_80_57-EN.layout.md", "A/RES/80/57", "2025-12-01")]
    assert next((tmp_path / "store").glob("*/fingerprint.json")).is_file()  # indexed


def test_add_where_the_documents_folder_cannot_be_made(tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    seeds = tmp_path / "a-file" / "docs"
    r = _run(seeds, tmp_path / "store", "add", str(DATA / "A_RES_78_241-EN.md"))
    assert r.returncode == 2
    assert r.stderr.strip().splitlines()[-1] == (f"unres: error: cannot create the documents folder {seeds} (Not a "
                                                 "directory); set UNRES_SEEDS_DIR to a folder that can be written")
    assert sorted(f.name for f in tmp_path.iterdir()) == ["a-file"]  # no store, nothing half made
    # The folder can be made but the store cannot: the file, the manifest and the new folders go again.
    r = _run(tmp_path / "new" / "docs", tmp_path / "a-file" / "store", "add", str(DATA / "A_RES_78_241-EN.md"))
    assert r.returncode == 1 and "cannot create the store folder" in r.stderr
    assert sorted(f.name for f in tmp_path.iterdir()) == ["a-file"]


# ---- the app's upload: the size limit, then `Assistant.add_many` for the rest

def test_received_files_over_the_limit_are_refused_before_reading(tmp_path):
    from assistant.adding import add_received, over_limit

    small, big = tmp_path / "small.md", tmp_path / "big.pdf"
    small.write_bytes(b"x" * 1000)
    big.write_bytes(b"x" * 300_000)
    assert over_limit(small, 0.25) is None
    assert over_limit(big, 0.25) == ("big.pdf: 0.3 MB is more than the 0.25 MB a file may have "
                                     "(setting UNRES_MAX_UPLOAD_MB)")

    class Recorder:  # stands in for the Assistant: only what reaches add_many matters here
        def add_many(self, paths):
            self.got = paths
            return [{"file": str(p), "error": None, "added": True} for p in paths]

    assistant = Recorder()
    results = add_received(assistant, [big, small], 0.25)
    assert assistant.got == [small]
    assert [r["file"] for r in results] == [str(big), str(small)]
    assert results[0]["error"].startswith("big.pdf: 0.3 MB") and results[0]["added"] is False
    assert results[1]["added"] is True
