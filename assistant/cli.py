"""`unres`: ask the General Assembly resolutions, with paragraph citations.

Exit codes: 0 answered (or abstained), 2 bad usage or input, 1 internal error.
"""
from __future__ import annotations

import json
import os
import sys
import textwrap
from collections.abc import Callable
from functools import wraps

import click

EXIT_INPUT, EXIT_INTERNAL = 2, 1


def _progress(msg: str) -> None:
    click.echo(f"unres: {msg}", err=True)


def _fail(code: int, msg: str) -> None:
    click.echo(f"unres: error: {msg}", err=True)
    sys.exit(code)


def _guarded(fn: Callable) -> Callable:
    """Turn known failures into one line on stderr and the right exit code."""

    @wraps(fn)
    def run(*args, **kwargs):
        from index import EmbeddingError, SeedError, StoreError
        from index.intake import FolderError

        from .api import QuestionError
        from .config import SettingsError
        from .files import OutputError

        try:
            return fn(*args, **kwargs)
        except (QuestionError, SettingsError, OutputError, FolderError) as exc:
            _fail(EXIT_INPUT, str(exc))
        except (StoreError, EmbeddingError, SeedError) as exc:
            _fail(EXIT_INTERNAL, str(exc))
        except (KeyboardInterrupt, BrokenPipeError):
            sys.exit(130)
        except click.exceptions.Exit:
            raise
        except Exception as exc:  # anything unexpected: one line, not a traceback
            _fail(EXIT_INTERNAL, f"internal error: {type(exc).__name__}: {exc}")

    return run


def _from_argv(text: str) -> str:
    """An argument as typed. Under an ASCII locale Python keeps the UTF-8 bytes of an argument
    as surrogate escapes; they are decoded as UTF-8 here (and stay invalid if they are not)."""
    if not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    try:
        return os.fsencode(text).decode("utf-8")
    except UnicodeError:
        return text


def _assistant(ctx: click.Context):
    from .api import Assistant

    return Assistant(progress=_progress, **ctx.obj)


def _wrap(text: str, indent: str = "") -> str:
    return "\n".join(textwrap.fill(line, 100, initial_indent=indent, subsequent_indent=indent) for line in text.split("\n"))


def _print_answer(answer, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(answer.to_dict(), ensure_ascii=False))
        return
    click.echo(_wrap(answer.answer))
    if answer.citations:
        click.echo("\nSources:")
        for c in answer.citations:
            click.echo(f"  [{c.label}]")
            click.echo(_wrap(c.text, "    "))
    elif answer.contexts:
        click.echo("\nRelated paragraphs (not support): " + ", ".join(
            f"{c.doc} {c.part}{'' if c.number is None else ' ' + str(c.number)}" for c in answer.contexts[:3]))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", "store_dir", type=click.Path(file_okay=False), help="Store folder (default: .store in the project; env UNRES_STORE_DIR).")
@click.option("--embedding", help="Embedding backend: use, minilm, or a local sentence-transformers folder (env UNRES_EMBEDDING).")
@click.pass_context
def main(ctx: click.Context, store_dir: str | None, embedding: str | None) -> None:
    """Grounded answers from UN General Assembly resolutions, every sentence cited
    by its paragraph (PP preambular, OP operative, FN footnote, META adoption record)."""
    from .config import Settings, SettingsError

    ctx.obj = {k: v for k, v in {"store_dir": store_dir, "embedding": embedding}.items() if v is not None}
    try:
        Settings.load(**ctx.obj)  # every setting checked before any work starts
    except SettingsError as exc:
        _fail(EXIT_INPUT, str(exc))


def _filters(doc: tuple[str, ...], lang: str | None, part: tuple[str, ...]) -> dict:
    return {"doc": list(doc) or None, "lang": lang, "part": list(part) or None}


def _filter_options(fn: Callable) -> Callable:
    """--doc, --lang and --part, shared by the commands that answer questions."""
    fn = click.option("--part", multiple=True, help="Only these parts: PP, OP, FN, META, P (repeatable).")(fn)
    fn = click.option("--lang", help="Only paragraphs in this language (en, zh).")(fn)
    return click.option("--doc", multiple=True, help="Only this document, e.g. A/RES/80/57 (repeatable).")(fn)


@main.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as one JSON object.")
@_filter_options
@click.pass_context
@_guarded
def ask(ctx: click.Context, question: str, as_json: bool, doc, lang, part) -> None:
    """Answer QUESTION with cited paragraphs, or say that the texts do not answer it."""
    from .api import QuestionError

    if not question.strip():
        raise QuestionError("the question is empty")
    assistant = _assistant(ctx)
    _print_answer(assistant.ask(_from_argv(question), **_filters(doc, lang, part)), as_json)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Read one question per line on stdin; print one JSON answer per line.")
@_filter_options
@click.pass_context
@_guarded
def chat(ctx: click.Context, as_json: bool, doc, lang, part) -> None:
    """A conversation: follow-up questions are read in the light of earlier ones."""
    from .api import QuestionError

    assistant = _assistant(ctx)
    history = []
    interactive = not as_json and sys.stdin.isatty()
    if interactive:
        click.echo("Ask about the resolutions; an empty line or Ctrl-D ends the chat.", err=True)
    for raw in iter(sys.stdin.buffer.readline, b""):
        try:
            line = raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError:
            _chat_error(as_json, "", "the input line is not valid UTF-8 text")
            continue
        if interactive and not line.strip():
            break
        if not line.strip():
            continue
        try:
            answer = assistant.ask(line, history, **_filters(doc, lang, part))
        except QuestionError as exc:
            _chat_error(as_json, line, str(exc))
            continue
        history.append(answer)
        _print_answer(answer, as_json)
        if not as_json:
            click.echo("")


def _chat_error(as_json: bool, question: str, msg: str) -> None:
    if as_json:
        click.echo(json.dumps({"question": question, "error": msg}, ensure_ascii=False))
    else:
        click.echo(f"unres: {msg}", err=True)


@main.command()
@click.argument("reference")
@click.option("--json", "as_json", is_flag=True, help="Print the paragraph as JSON.")
@click.pass_context
@_guarded
def show(ctx: click.Context, reference: str, as_json: bool) -> None:
    """Show one paragraph, e.g. "A/RES/79/62 OP 4", with its footnotes and its other-language versions,
    or a document, e.g. "A/RES/79/62", with its series; either with what it cites and what cites it."""
    assistant = _assistant(ctx)
    doc = assistant.document(reference)
    if doc:
        _show_document(assistant, doc, as_json)
        return
    p = assistant.paragraph(reference)
    src = assistant.source(p)
    cites, cited_by = assistant.cites(p), assistant.cited_by(p)
    if as_json:
        click.echo(json.dumps({**src.to_dict(), "cites": _links(assistant, cites, "to"),
                               "cited_by": _links(assistant, cited_by, "from")}, ensure_ascii=False))
        return
    click.echo(f"{p.label}: {src.title}\n")
    click.echo(_wrap(p.text))
    for n in src.footnotes:
        click.echo(f"\nFootnote {n.number}: {n.text}")
    for v in src.versions:
        click.echo(f"\n[{v.label}]")
        click.echo(_wrap(v.text))
    _echo_links(assistant, cites, cited_by)
    click.echo(f"\nCite as: {src.reference}")


def _links(assistant, links, side: str) -> list[dict]:
    """Links as JSON; `indexed` says whether the other end is among the indexed texts."""
    return [{**link.to_dict(), "indexed": (link.target if side == "to" else link.source[0]) in assistant.docs}
            for link in links]


def _echo_links(assistant, cites, cited_by) -> None:
    if cites:
        click.echo("\nCites:")
        for link in cites:
            where = "" if link.target in assistant.docs else " (not indexed)"
            click.echo(f"  [{link.source_label}] -> {link.target_label}{where}: {link.text}")
    if cited_by:
        click.echo("\nCited by:")
        for link in cited_by:
            click.echo(f"  [{link.source_label}] {link.text}")


def _show_document(assistant, doc: str, as_json: bool) -> None:
    info = next(d for d in assistant.documents() if d["doc"] == doc)
    chain = assistant.series(doc) if doc in assistant.resolutions else []
    cites, cited_by = assistant.cites(doc), assistant.cited_by(doc)
    if as_json:
        click.echo(json.dumps({**info, "series": chain, "cites": _links(assistant, cites, "to"),
                               "cited_by": _links(assistant, cited_by, "from")}, ensure_ascii=False))
        return
    click.echo(f"{doc}: {info['title']} ({info['date']}; {', '.join(info['langs'])})")
    if len(chain) > 1:
        click.echo("Series: " + " -> ".join(chain))
    _echo_links(assistant, cites, cited_by)


@main.command()
@click.option("--rebuild", is_flag=True, help="Build again even if the store is up to date.")
@click.pass_context
@_guarded
def index(ctx: click.Context, rebuild: bool) -> None:
    """Build the paragraph store (done automatically on first use)."""
    from index import make_encoder, open_store

    from .config import Settings

    settings = Settings.load(**ctx.obj)
    store = open_store(settings.store_dir, settings.seeds_dir, make_encoder(settings.embedding), rebuild=rebuild,
                       chroma_url=settings.chroma_url or None, progress=_progress)
    info = store.info
    click.echo(f"{store.path}: {info['paragraphs']} paragraphs, {info['nodes']} vectors, "
               f"embedding {info['embedding']}, built {info['built_at']}")
    for err in store.corpus.errors:
        click.echo(f"skipped {err}", err=True)


@main.command()
@click.argument("old")
@click.argument("new")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json"]), default="text", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), help="Write to this file instead of the terminal.")
@click.pass_context
@_guarded
def compare(ctx: click.Context, old: str, new: str, fmt: str, out: str | None) -> None:
    """What changed from resolution OLD to resolution NEW, paragraph by paragraph."""
    from .compare import as_markdown, as_text

    result = _assistant(ctx).compare(old, new)
    text = {"text": as_text, "md": as_markdown}.get(fmt, lambda c: json.dumps(c.to_dict(), ensure_ascii=False, indent=1))(result)
    _emit(text, out)


@main.command()
@click.argument("topic")
@click.option("--format", "fmt", type=click.Choice(["md", "docx", "json"]), default="md", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), help="Write to this file (required for docx).")
@click.pass_context
@_guarded
def brief(ctx: click.Context, topic: str, fmt: str, out: str | None) -> None:
    """A cited briefing note on TOPIC: key points, the paragraphs, how the language evolved, sources."""
    from .api import QuestionError
    from .files import write_file

    if fmt == "docx" and not out:
        raise QuestionError("--format docx needs --out FILE.docx")
    note = _assistant(ctx).brief(_from_argv(topic))
    if fmt == "docx":
        write_file(out, note.to_docx)  # never a half-written file under the asked name
        click.echo(f"wrote {out}", err=True)
        return
    _emit(note.to_markdown() if fmt == "md" else json.dumps(note.to_dict(), ensure_ascii=False, indent=1), out)


def _emit(text: str, out: str | None) -> None:
    if not out:
        click.echo(text)
        return
    from .files import write_text

    write_text(out, text + "\n")
    click.echo(f"wrote {out}", err=True)


@main.command(name="eval")
@click.option("--config", "configs", multiple=True, help="Configuration(s) to run (default: the project default). Repeatable.")
@click.option("--all-configs", is_flag=True, help="Run every configuration and print a comparison table.")
@click.option("--out", type=click.Path(file_okay=False), help="Report folder (default: evals/results/<config>).")
@click.option("--compare", "old", type=click.Path(exists=True, dir_okay=False), help="An earlier report.json to compare with.")
@click.option("--gate", is_flag=True, help="Exit 1 if the default configuration misses a CI threshold.")
@click.pass_context
@_guarded
def evaluate(ctx: click.Context, configs, all_configs: bool, out: str | None, old: str | None, gate: bool) -> None:
    """Run the gold question set: retrieval, citation, answer and speed metrics."""
    from pathlib import Path

    from evals import CONFIGS, DEFAULT_CONFIG, compare, gate_failures, write_report
    from evals.run import RESULTS, compare_configs, run_eval, side_by_side

    from .api import QuestionError
    from .files import write_text

    names = list(CONFIGS) if all_configs else list(configs) or [DEFAULT_CONFIG]
    unknown = [n for n in names if n not in CONFIGS]
    if unknown:
        raise QuestionError(f"unknown configuration {unknown[0]!r}; known: {', '.join(CONFIGS)}")
    overrides = {k: v for k, v in ctx.obj.items() if k == "store_dir"}
    baseline = json.loads(Path(old).read_text()) if old else None  # read before a new report replaces it
    if len(names) > 1:
        reports, table = compare_configs(names, **overrides)
        RESULTS.mkdir(parents=True, exist_ok=True)
        write_text(RESULTS / "configs.md", table)
    else:
        reports = [run_eval(names[0], **overrides)]
        table = None
    failed = []
    for report in reports:
        folder = write_report(report, Path(out) if out and len(reports) == 1 else RESULTS / report["config"]["name"])
        s = report["summary"]
        click.echo(f"{report['config']['name']}: recall@5 {s['recall@5']}, citation P/R {s['citation_precision']}/"
                   f"{s['citation_recall']}, facts {s['fact_recall']}, abstention {s['abstention_recall']}, "
                   f"p50 {s['latency_ms'].get('p50')} ms -> {folder}/report.md")
        if report["config"]["name"] == DEFAULT_CONFIG:
            failed = gate_failures(report)
            click.echo("\n".join(side_by_side(report)))
    if table:
        click.echo("\n" + table)
    if baseline:
        click.echo("\n".join(compare(reports[0], baseline)))
    if gate and failed:
        _fail(EXIT_INTERNAL, "eval gate failed: " + "; ".join(failed))



def _document_line(r: dict) -> str:
    counts = ", ".join(f"{k} {v}" for k, v in r["counts"].items())
    return f"{r['doc']} ({r['lang']}) {r['title']!r}, adopted {r['date']}: {counts}"


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Read and detect each file, change nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list, one object per file.")
@click.pass_context
@_guarded
def add(ctx: click.Context, paths: tuple[str, ...], dry_run: bool, as_json: bool) -> None:
    """Add resolution files (official PDF, .docx, text or markdown, also `pdftotext` output):
    detect symbol, language, title and date, list them in the manifest, copy them into the
    documents folder (env UNRES_SEEDS_DIR; made if missing) and index them. A file that cannot
    be read as a resolution is refused whole (exit 2)."""
    from pathlib import Path

    from .adding import add_files
    from .config import Settings

    results, _ = add_files([Path(p) for p in paths], Settings.load(**ctx.obj), dry_run=dry_run, progress=_progress)
    if as_json:
        click.echo(json.dumps(results, ensure_ascii=False, indent=1))
    for r in results:
        if r["error"]:
            click.echo(f"unres: error: {r['error']}", err=True)
        elif not as_json:
            state = "would be added" if dry_run and r["added"] else "added" if r["added"] else "already indexed"
            click.echo(f"{_document_line(r)} [{state}]")
    if any(r["error"] for r in results):
        sys.exit(EXIT_INPUT)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list, one object per document and language.")
@click.pass_context
@_guarded
def documents(ctx: click.Context, as_json: bool) -> None:
    """List the indexed documents with their paragraph counts; report files that were not indexed."""
    assistant = _assistant(ctx)
    listing = assistant.indexed()
    if as_json:
        click.echo(json.dumps(listing, ensure_ascii=False, indent=1))
    else:
        for r in listing:
            click.echo(_document_line(r))
    for err in assistant.store.corpus.errors:
        click.echo(f"unres: warning: {err}", err=True)


if __name__ == "__main__":
    main()
