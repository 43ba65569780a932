"""The chat UI: `python app.py [--host H] [--port P] [--share]`.

Ask tab: a conversation whose answers carry inline citations, with the cited paragraphs in
full beside it (supporting clauses marked, footnotes, the other-language version, a citation
to copy). Compare tab: what changed between two resolutions. Brief tab: a cited briefing
note on a topic, also as a Word file. Browse tab: read a document paragraph by paragraph.
Documents tab: what is indexed, and an upload that adds files as `unres add` does. Named API
endpoints `/ask` and `/show` serve scripts through gradio_client. Uses only the public
`assistant` API.
"""
from __future__ import annotations

import argparse
import contextlib
import html
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path  # noqa: I001  (the environment is set before gradio is imported)

from assistant import Answer, Assistant, QuestionError, Settings, SettingsError, Source  # noqa: E402
from assistant.adding import add_received  # noqa: E402


def _settings() -> Settings:
    try:
        return Settings.load()
    except SettingsError as exc:  # a bad setting: one line and exit 2, as the CLI does
        print(f"unres: error: {exc}", file=sys.stderr)
        sys.exit(2)


SETTINGS = _settings()
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no calls home from a research tool
# Files the app hands out (briefing notes) and receives (uploads) stay inside the project's
# store, not elsewhere on disk.
FILES = Path(os.environ.setdefault("GRADIO_TEMP_DIR", str(SETTINGS.store_dir / "app-files")))

import gradio as gr  # noqa: E402

EXAMPLES = [
    "By when should the GGE fulfil its mandate?",
    "Who may take part in the open informal consultations?",
    "How did the Secretary-General's calls for negotiations change between 79/62 and 80/57?",
    "政府专家组应在何时完成其任务？",
    "第80/57号决议决定将什么项目列入议程？",
]
CONCURRENCY = 4  # requests answered at once; the rest wait in Gradio's queue
STORE_CHECK_SECONDS = 2.0  # how often a request looks for a newer store build
_SURROGATE = re.compile("[\ud800-\udfff]")
_MARKUP = re.compile(r"[!-/:-@\[-`{-~]")  # ASCII punctuation: all that Markdown, HTML or a URL is made of
LANGS = {"Any": None, "English": "en", "中文": "zh"}
PARTS = {"Operative": "OP", "Preambular": "PP"}
UPLOAD_TYPES = [".pdf", ".docx", ".txt", ".md"]
DOCUMENT_COLUMNS = {"Symbol": "16%", "Lang": "6%", "Title": "37%", "Adopted": "11%", "Kind": "12%", "PP": "6%",
                    "OP": "6%", "FN": "6%"}  # name: width
CSS = """
.unres-source { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 4px 10px; margin: 6px 0; }
.unres-source summary { cursor: pointer; font-weight: 600; }
.unres-source mark { background: #fff1a8; color: inherit; padding: 0 1px; }
.unres-related summary { font-weight: 400; font-style: italic; }
.unres-meta { color: var(--body-text-color-subdued); font-size: 0.9em; }
.unres-cite code { user-select: all; }
.unres-para { margin: 4px 0 10px 0; }
.unres-change del { background: #ffd7d5; }
.unres-change ins { background: #d5f5d7; text-decoration: none; }
.unres-dropped { color: var(--body-text-color-subdued); }
.unres-refused { color: var(--error-text-color); }
"""


def _highlight(text: str, clauses: list[str]) -> str:
    out = html.escape(text)
    for clause in sorted(set(clauses), key=len, reverse=True):
        escaped = html.escape(clause)
        out = out.replace(escaped, f"<mark>{escaped}</mark>", 1)
    return out


def source_html(s: Source, related: bool = False, open_: bool = False) -> str:
    p = s.paragraph
    kind = " · secondary source, not a resolution" if s.secondary else ""
    notes = "".join(f"<div class='unres-meta'>Footnote {f.number}: {html.escape(f.text)}</div>" for f in s.footnotes)
    versions = "".join(
        f"<details><summary>{html.escape(v.label)}</summary><div>{html.escape(v.text)}</div></details>" for v in s.versions)
    return (
        f"<details class='unres-source{' unres-related' if related else ''}' data-label='{html.escape(p.label)}'"
        f"{' open' if open_ else ''}><summary>{html.escape(p.label)}</summary>"
        f"<div class='unres-meta'>{html.escape(s.title)}{kind}</div>"
        f"<div class='unres-para'>{_highlight(p.text, s.highlights)}</div>{notes}{versions}"
        f"<div class='unres-cite'>Cite as: <code>{html.escape(s.reference)}</code></div></details>"
    )


def sources_panel(answer: Answer, sources: list[Source]) -> str:
    if not sources:
        return "<p class='unres-meta'>No paragraphs.</p>"
    if answer.abstained:
        head = "<p><b>Not answered by the indexed texts.</b> Nearest paragraphs, related only (not support):</p>"
        return head + "".join(source_html(s, related=True) for s in sources)
    head = "<p><b>Cited paragraphs</b> (supporting clauses marked):</p>"
    return head + "".join(source_html(s, open_=i == 0) for i, s in enumerate(sources))


def comparison_html(comparison) -> str:
    """Each aligned pair with deletions struck through and insertions marked."""
    counts = ", ".join(f"{n} {status}" for status, n in comparison.counts().items())
    rows = [f"<p><b>{html.escape(comparison.old_doc)} → {html.escape(comparison.new_doc)}</b>: {counts}</p>"]
    for ch in comparison.changes:
        old = html.escape(ch.old.label) if ch.old else "—"
        new = html.escape(ch.new.label) if ch.new else "—"
        if ch.diff:  # reworded, and merged or split (the diff of the part continued)
            body = " ".join(html.escape(w) if op == "equal" else
                            (f"<del>{html.escape(w)}</del>" if op == "delete" else f"<ins>{html.escape(w)}</ins>")
                            for op, w in ch.diff)
        else:
            body = html.escape((ch.new or ch.old).text)
        rows.append(f"<div class='unres-change unres-{ch.status}'><b>{ch.status}</b> {old} → {new}"
                    f"<div class='unres-para'>{body}</div></div>")
    return "".join(rows)


def document_rows(listing: list[dict]) -> list[list]:
    """`Assistant.indexed()` as table rows; a secondary source has paragraphs, not PP / OP / FN."""
    return [[d["doc"], d["lang"], d["title"], d["date"], d["kind"],
             *(d["counts"].get(k, "") for k in ("PP", "OP", "FN"))] for d in listing]


def added_html(results: list[dict]) -> str:
    """One line per received file: what was detected and whether it was added, or why not."""
    rows = []
    for r in results:
        if r["error"]:
            rows.append(f"<li class='unres-refused'>⚠️ Refused: {html.escape(r['error'])}</li>")
            continue
        counts = ", ".join(f"{k} {v}" for k, v in r["counts"].items())
        state = "added" if r["added"] else "already indexed"
        rows.append(f"<li>✅ {html.escape(r['doc'])} ({html.escape(r['lang'])}) “{html.escape(r['title'])}”, "
                    f"adopted {html.escape(r['date'])}: {counts} <b>[{state}]</b></li>")
    return f"<ul>{''.join(rows)}</ul>"


def as_text(typed: str) -> str:
    """What a user typed, shown as typed: markup, HTML and formulas inert (the chat renders
    Markdown with HTML, and a typed <img> or <form> would otherwise be live in the page)."""
    # A character reference is shown as its character and never parsed as markup or a link.
    return _MARKUP.sub(lambda m: f"&#{ord(m.group())};", typed)


def valid_text(value: object) -> str | None:
    """A message if `value` cannot be a question: not text, or holding a lone surrogate
    (which a browser can send, and which no reply holding it could be encoded with)."""
    if not isinstance(value, str):
        return f"a question must be text, not {type(value).__name__}"
    if _SURROGATE.search(value):
        return "the question holds a broken character (a lone surrogate); please type it again"
    return None


class LiveAssistant:
    """The assistant over the newest store build: when `unres index` swaps in a new build,
    the next request switches to it (while it loads, requests keep the old one)."""

    def __init__(self, make) -> None:
        self._make = make
        self._current: Assistant = make()
        self._checked = time.monotonic()
        self._loading = threading.Lock()

    def __getattr__(self, name: str):
        return getattr(self.current(), name)

    def current(self) -> Assistant:
        now = time.monotonic()
        if now - self._checked >= STORE_CHECK_SECONDS and self._loading.acquire(blocking=False):
            try:
                self._checked = now
                if self._current.store.newer_build():
                    print("unres: the store was rebuilt; switching to the new build", file=sys.stderr, flush=True)
                    self._current = self._make()
            except Exception as exc:  # a new build that cannot be opened: keep serving the old one
                print(f"unres: warning: cannot open the new store build ({exc}); still serving the old one",
                      file=sys.stderr, flush=True)
            finally:
                self._loading.release()
        return self._current


def keep_newest(folder: Path, pattern: str, keep: int) -> None:
    """Delete all but the `keep` newest entries of `folder` matching `pattern`."""
    entries = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def sweep_partial_uploads(folder: Path) -> None:
    """Uploads are written to tmp* files at the top of `folder` and moved into a subfolder once
    complete; one left there by an earlier run is a partial upload (a dropped connection)."""
    for partial in folder.glob("tmp*"):
        if partial.is_file():
            partial.unlink(missing_ok=True)


def received_files(files: list[dict] | None) -> list[Path]:
    """The uploaded files of an upload event; only ones inside FILES, where uploads are written
    (Gradio checks this too)."""
    paths = [Path(f["path"]) for f in files or []]
    return [p for p in paths if p.resolve().is_relative_to(FILES.resolve())]


def discard(received: list[Path]) -> None:
    """Delete uploaded files (and their emptied folders): what was added has been copied into
    the documents folder, and what was refused must not stay anywhere."""
    for path in received:
        path.unlink(missing_ok=True)
        if path.parent.resolve() != FILES.resolve():
            with contextlib.suppress(OSError):
                path.parent.rmdir()  # only if nothing else is in it


def message(answer: Answer) -> str:
    if answer.abstained:
        return f"⚠️ **Not answered by the indexed texts.**\n\n{answer.answer}"
    return answer.answer


def document_choices(assistant: Assistant) -> tuple[list[str], list[tuple[str, str]]]:
    """The resolutions (for the filters and Compare) and each document in each language (Browse)."""
    docs = assistant.documents()
    resolutions = [d["doc"] for d in docs if d["kind"] == "resolution"]
    by_language = [(f"{d['doc']} ({lang}) · {d['title']}", f"{d['doc']}|{lang}") for d in docs for lang in d["langs"]]
    return resolutions, by_language


def build(assistant: Assistant) -> gr.Blocks:
    resolution_docs, doc_choices = document_choices(assistant)

    def respond(question: str, chat: list, history: list, doc_filter: list, lang: str, parts: list):
        chat = list(chat or [])
        problem = valid_text(question)
        if problem:  # shown beside the conversation, which stays as it was
            shown = _SURROGATE.sub("\ufffd", question) if isinstance(question, str) else ""
            chat += [{"role": "user", "content": as_text(shown) or " "}, {"role": "assistant", "content": f"⚠️ {problem}"}]
            return chat, history, "", gr.update(), ""
        try:
            answer = assistant.ask(question, history, doc=doc_filter or None, lang=LANGS.get(lang),
                                   part=[PARTS[p] for p in parts] or None)
        except QuestionError as exc:
            chat += [{"role": "user", "content": as_text(question) or " "}, {"role": "assistant", "content": f"⚠️ {exc}"}]
            return chat, history, "", gr.update(), ""
        except Exception as exc:  # a broken store must read as a message, not a stack trace
            text = f"⚠️ The assistant could not answer: {exc}. Run `unres index --rebuild` and restart the app."
            chat += [{"role": "user", "content": as_text(question)}, {"role": "assistant", "content": text}]
            return chat, history, "", gr.update(), ""
        sources = assistant.sources(answer)
        chat += [{"role": "user", "content": as_text(question)}, {"role": "assistant", "content": message(answer)}]
        copy = "\n".join(s.reference for s in sources) if not answer.abstained else ""
        return chat, [*history, answer], "", sources_panel(answer, sources), copy

    def browse(choice: str, parts: list):
        if not choice:
            return ""
        doc, lang = choice.split("|")
        wanted = {PARTS[p] for p in parts} or None
        paras = [p for p in assistant.paragraphs_of(doc, lang) if not wanted or p.part in wanted]
        return "".join(
            f"<div class='unres-para'><b>{html.escape(p.label)}</b><br>{html.escape(p.text)}</div>" for p in paras)

    def compare(old: str, new: str) -> str:
        try:
            return comparison_html(assistant.compare(old, new))
        except QuestionError as exc:
            return f"<p>⚠️ {html.escape(str(exc))}</p>"

    def brief(topic: str):
        try:
            result = assistant.brief(topic)
        except QuestionError as exc:
            return f"⚠️ {exc}", None
        FILES.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix="brief-", dir=FILES))
        keep_newest(FILES, "brief-*", SETTINGS.max_notes)  # notes are handed out once, not kept forever
        # The topic is shown as typed, not as markup.
        note = result.to_markdown().replace(result.topic, as_text(result.topic))
        return note, str(result.to_docx(folder / "briefing-note.docx"))

    def upload(files: list[dict] | None):
        received = received_files(files)
        try:
            results = add_received(assistant, received, SETTINGS.max_upload_mb)
        except Exception as exc:  # the documents folder is put back as it was; say what went wrong
            results = [{"file": str(p), "error": f"{p.name}: not added ({exc})"} for p in received]
        finally:
            discard(received)
        return added_html(results), None, *listings()

    def listings():
        """The table of indexed documents and the document lists of the other tabs, as they are now."""
        resolutions, choices = document_choices(assistant)
        return (document_rows(assistant.indexed()), *[gr.update(choices=resolutions)] * 3, gr.update(choices=choices))

    def ask_api(question: str, history: list[dict] | None = None, doc: list[str] | None = None,
                lang: str | None = None, part: list[str] | None = None) -> dict:
        """Answer a question; `history` is the list of earlier answers as returned here
        (the last few are used)."""
        problem = valid_text(question)
        if problem:
            return {"error": problem}
        try:  # the history and filters are checked and bounded by the assistant
            return assistant.ask(question, history, doc=doc or None, lang=lang or None, part=part or None).to_dict()
        except QuestionError as exc:
            return {"error": str(exc)}

    def show_api(reference: str) -> dict:
        """A paragraph ("A/RES/79/62 OP 4") with its footnotes and other-language versions."""
        try:
            p = assistant.paragraph(reference)
        except QuestionError as exc:
            return {"error": str(exc)}
        cited = next(c for c in assistant.paragraphs_of(p.doc, p.lang) if c.label == p.label)
        return assistant.sources(Answer(reference, f"[{cited.label}]", False, p.lang, [cited], []))[0].to_dict()

    with gr.Blocks(title="unres · UN General Assembly resolutions", analytics_enabled=False) as demo:
        gr.Markdown("## Ask the General Assembly resolutions\nEvery sentence of an answer cites the paragraph "
                    "it comes from, numbered as in the official text; when the texts do not answer, it says so.")
        history = gr.State([])
        with gr.Tab("Ask"):
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(label="Conversation", height=460, elem_id="unres-chat")
                    question = gr.Textbox(label="Question", placeholder="Ask about the resolutions (English or 中文)…",
                                          elem_id="unres-question", max_lines=4)
                    with gr.Row():
                        send = gr.Button("Ask", variant="primary", elem_id="unres-send")
                        clear = gr.Button("New conversation")
                    gr.Examples(EXAMPLES, inputs=question, label="Examples")
                with gr.Column(scale=2):
                    with gr.Accordion("Filters", open=False):
                        doc_filter = gr.CheckboxGroup(resolution_docs, label="Resolutions (none ticked: all texts)")
                        lang = gr.Radio(list(LANGS), value="Any", label="Language of the paragraphs")
                        parts = gr.CheckboxGroup(list(PARTS), label="Parts (none ticked: all)")
                    panel = gr.HTML("<p class='unres-meta'>Cited paragraphs appear here.</p>", elem_id="unres-sources")
                    copy = gr.Textbox(label="Citations to copy", lines=2, interactive=False, buttons=["copy"],
                                      elem_id="unres-copy")
            inputs = [question, chat, history, doc_filter, lang, parts]
            outputs = [chat, history, question, panel, copy]
            question.submit(respond, inputs, outputs, api_visibility="undocumented", concurrency_limit=CONCURRENCY)
            send.click(respond, inputs, outputs, api_visibility="undocumented", concurrency_limit=CONCURRENCY)
            clear.click(lambda: ([], [], "", "", ""), None, [chat, history, question, panel, copy],
                        api_visibility="private")
        with gr.Tab("Compare"):
            with gr.Row():
                older = gr.Dropdown(resolution_docs, value=resolution_docs[0], label="Earlier resolution")
                newer = gr.Dropdown(resolution_docs, value=resolution_docs[-1], label="Later resolution")
                run_compare = gr.Button("Compare", elem_id="unres-compare-run")
            changes = gr.HTML(elem_id="unres-compare")
            run_compare.click(compare, [older, newer], changes, api_visibility="private")
        with gr.Tab("Brief"):
            with gr.Row():
                topic = gr.Textbox(label="Topic", placeholder="e.g. capacity-building and developing countries",
                                   elem_id="unres-topic", scale=4)
                run_brief = gr.Button("Write the note", elem_id="unres-brief-run")
            note = gr.Markdown(elem_id="unres-brief")
            note_file = gr.File(label="Word document", elem_id="unres-brief-file")
            run_brief.click(brief, topic, [note, note_file], api_visibility="private")
            topic.submit(brief, topic, [note, note_file], api_visibility="private")
        with gr.Tab("Browse"):
            with gr.Row():
                pick = gr.Dropdown(doc_choices, label="Document", value=doc_choices[0][1])
                browse_parts = gr.CheckboxGroup(list(PARTS), label="Parts (none ticked: all)")
            reader = gr.HTML(browse(doc_choices[0][1], []), elem_id="unres-browse")
            pick.change(browse, [pick, browse_parts], reader, api_visibility="private")
            browse_parts.change(browse, [pick, browse_parts], reader, api_visibility="private")
        with gr.Tab("Documents"):
            table = gr.Dataframe(document_rows(assistant.indexed()), headers=list(DOCUMENT_COLUMNS), interactive=False,
                                 wrap=True, column_widths=list(DOCUMENT_COLUMNS.values()), label="Indexed documents",
                                 elem_id="unres-documents")
            uploads = gr.File(label=f"Add resolutions: official PDF, Word, text or markdown, up to "
                                    f"{SETTINGS.max_upload_mb:g} MB each", file_count="multiple",
                              file_types=UPLOAD_TYPES, elem_id="unres-upload")
            report = gr.HTML(elem_id="unres-added")
            lists = [table, doc_filter, older, newer, pick]
            # The files as received (preprocess=False): gr.File's own preprocessing would leave an
            # empty temporary file behind for each one. One upload at a time: each appends to the
            # manifest and rebuilds the store.
            uploads.upload(upload, uploads, [report, uploads, *lists], preprocess=False, api_visibility="private",
                           concurrency_limit=1)
        demo.load(listings, None, lists, api_visibility="private")  # a new page shows what was added since
        # Answers are short CPU work on shared read-only indexes: a few may run at once.
        gr.api(ask_api, api_name="ask", concurrency_limit=CONCURRENCY)
        gr.api(show_api, api_name="show", concurrency_limit=CONCURRENCY)
    return demo


def main(argv: list[str] | None = None) -> None:
    settings = SETTINGS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=settings.host, help="address to listen on (default %(default)s)")
    parser.add_argument("--port", type=int, default=settings.port, help="port (default %(default)s)")
    parser.add_argument("--share", action="store_true", help="ask Gradio for a public share link")
    args = parser.parse_args(argv)
    print("unres: opening the paragraph store (built on first start)…", file=sys.stderr, flush=True)
    sweep_partial_uploads(FILES)

    def make() -> Assistant:
        assistant = Assistant(progress=lambda msg: print(f"unres: {msg}", file=sys.stderr, flush=True))
        assistant.ask("warm-up")  # loads the embedding model before the first visitor
        return assistant

    build(LiveAssistant(make)).launch(server_name=args.host, server_port=args.port, share=args.share, css=CSS,
                                      ssr_mode=False, footer_links=["api"],
                                      max_file_size=int(settings.max_upload_mb * 1024 * 1024))


if __name__ == "__main__":
    main()
