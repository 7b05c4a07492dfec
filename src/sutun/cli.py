"""sütun: restore newspaper text broken by PDF/OCR extraction."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from sutun.config import RepairConfig
from sutun.pipeline import repair as repair_text

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
model_app = typer.Typer(no_args_is_help=True, help="Build language models.")
app.add_typer(model_app, name="model")

SAMPLE = Path(__file__).parent / "data" / "sample.md"


def _render(result, fmt: str, explain: bool) -> str:
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False)
    text = result.text
    if fmt == "text":
        text = text.replace("**", "")
    if explain:
        lines = [
            f"- {e.kind} [{e.start}:{e.end}] {e.replacement!r} ({e.confidence:.2f}) "
            f"{json.dumps(e.evidence, ensure_ascii=False)}"
            for e in result.edits
        ]
        text += "\n\n<!-- edits:\n" + "\n".join(lines) + "\n-->"
    return text


def _read_input(path: str) -> tuple[str, str | None]:
    raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    text = raw.decode("utf-8")
    if path.endswith(".json"):
        record = json.loads(text)
        return record["text"], record.get("language")
    return text, None


@app.command()
def repair(
    files: Annotated[
        list[str] | None, typer.Argument(help="md/txt/json files, or - for stdin")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="md | text | json")] = "md",
    explain: Annotated[bool, typer.Option(help="list the edits after the text")] = False,
    language: Annotated[
        str | None, typer.Option(help="aze, tur, azj_Latn… (default: detect)")
    ] = None,
    out_dir: Annotated[Path | None, typer.Option(help="write one file per input here")] = None,
    jsonl: Annotated[
        list[str] | None,
        typer.Option(
            "--jsonl", help="JSON Lines shards (FinePDFs shape; .gz/.zst; globs; FILES too)"
        ),
    ] = None,
    parquet: Annotated[
        list[str] | None, typer.Option("--parquet", help="Parquet shards (globs; FILES too)")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="output file, or directory (for several shards)"),
    ] = None,
    workers: Annotated[
        int | None, typer.Option("-j", "--workers", help="worker processes (default: all cores)")
    ] = None,
    report: Annotated[
        Path | None, typer.Option(help="write the run summary (JSON) here too")
    ] = None,
    timings: Annotated[
        bool, typer.Option(help="add per-record seconds (outputs then differ between runs)")
    ] = False,
    progress: Annotated[
        bool | None, typer.Option(help="progress bar (default: when stderr is a terminal)")
    ] = None,
    html_out: Annotated[
        Path | None, typer.Option("--html", help="also write a review page (self-contained HTML)")
    ] = None,
    html_sample: Annotated[
        int, typer.Option(help="with --jsonl and --html: review this many changed records")
    ] = 20,
    model_path: Annotated[
        Path | None,
        typer.Option("--model", help="a model from `sutun model build` (for its language)"),
    ] = None,
    to_latin: Annotated[
        bool,
        typer.Option(
            "--to-latin", help="transliterate Azerbaijani Cyrillic to Latin (Azerbaijani)"
        ),
    ] = False,
    restore_diacritics: Annotated[
        bool,
        typer.Option(
            "--restore-diacritics",
            help="put back ə ı ö ü ş ç ğ in text typed without (Azerbaijani)",
        ),
    ] = False,
) -> None:
    """Restore text; with --jsonl/--parquet IN… -o OUT, one output record per input record."""
    if fmt not in ("md", "text", "json"):
        raise typer.BadParameter("--format must be md, text or json")
    config = RepairConfig(to_latin=to_latin, restore_diacritics=restore_diacritics)
    if (to_latin or restore_diacritics) and not language:
        language = "aze"  # both options are about Azerbaijani text
    model = None
    if model_path is not None:
        from sutun.lang.model import LanguageModel

        try:
            model = LanguageModel.load(model_path)
        except (OSError, ValueError, KeyError) as exc:
            raise typer.BadParameter(f"cannot load model {model_path}: {exc}") from exc
    if jsonl or parquet:
        from sutun import corpus

        if jsonl and parquet:
            raise typer.BadParameter("give --jsonl or --parquet, not both")
        if output is None:
            raise typer.BadParameter("--jsonl/--parquet need -o OUT")
        try:
            inputs = corpus.expand([*(jsonl or parquet or []), *(files or [])])
            summary = corpus.run(
                inputs,
                output,
                parquet=bool(parquet),
                workers=workers,
                language=language,
                model=model,
                config=config,
                timings=timings,
                progress=progress,
            )
        except (FileNotFoundError, ValueError) as exc:
            typer.echo(f"sutun: {exc}", err=True)
            raise typer.Exit(2) from exc
        if html_out is not None:
            _review_sample(inputs, html_out, html_sample, language, model, config)
        rendered = json.dumps(summary, ensure_ascii=False)
        if report is not None:
            report.write_text(rendered + "\n", encoding="utf-8")
        typer.echo(rendered, err=True)
        return
    if not files:
        raise typer.BadParameter("give FILE… or - for stdin")
    reviewed = []
    for path in files:
        try:
            text, record_lang = _read_input(path)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError) as exc:
            typer.echo(f"sutun: {path}: {exc}", err=True)
            raise typer.Exit(2) from exc
        result = repair_text(text, language=language or record_lang, model=model, config=config)
        if html_out is not None:
            from sutun.review import document

            name = Path(path).name if path != "-" else "stdin"
            reviewed.append(document(name, text, result.edits))
        rendered = _render(result, fmt, explain)
        if not rendered.endswith("\n"):
            rendered += "\n"  # a text that ends its last line keeps it: a rerun reads the same
        if out_dir is not None and path != "-":
            out_dir.mkdir(parents=True, exist_ok=True)
            suffix = {"md": ".md", "text": ".txt", "json": ".json"}[fmt]
            (out_dir / (Path(path).stem + suffix)).write_text(rendered, encoding="utf-8")
        else:
            sys.stdout.write(rendered)
    if html_out is not None:
        from sutun.review import page

        html_out.write_text(page(reviewed), encoding="utf-8")


def _review_sample(inputs: list[Path], html_out: Path, n: int, language, model, config) -> None:
    """A review page for ``n`` changed records picked at random (seeded) from JSON Lines input."""
    import random

    from sutun.corpus import _lines
    from sutun.review import document, page

    rng = random.Random(0)
    pool: list[dict] = []
    seen = 0
    for shard in inputs:
        if shard.suffix == ".parquet":
            continue
        for raw in _lines(shard):
            try:
                rec = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError):
                continue
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                continue
            seen += 1  # reservoir sampling: every record equally likely
            if len(pool) < 4 * n:
                pool.append(rec)
            elif (j := rng.randrange(seen)) < 4 * n:
                pool[j] = rec
    docs = []
    for rec in pool:
        result = repair_text(rec["text"], rec.get("language") or language, config, model)
        if result.edits:
            docs.append(document(str(rec.get("id", len(docs))), rec["text"], result.edits))
        if len(docs) == n:
            break
    html_out.write_text(page(docs), encoding="utf-8")


@app.command()
def demo() -> None:
    """Repair the bundled sample article and show every edit."""
    text = SAMPLE.read_text(encoding="utf-8")
    result = repair_text(text, language="aze")
    typer.echo("── input " + "─" * 60)
    typer.echo(text)
    typer.echo("── repaired " + "─" * 57)
    typer.echo(result.text)
    typer.echo("── edits " + "─" * 60)
    for e in result.edits:
        why = e.evidence.get("reason") or e.evidence.get("furniture") or ""
        typer.echo(
            f"{e.kind:15} {text[e.start : e.end]!r:28.28} → {e.replacement!r:12.12} "
            f"{e.confidence:.2f} {why}"
        )


@model_app.command("build")
def model_build(
    output: Annotated[Path, typer.Option("-o", "--output", help="model file (.json.gz)")],
    language: Annotated[str, typer.Option(help="language code, e.g. aze, tur")] = "aze",
    text: Annotated[list[Path] | None, typer.Option(help="plain-text files to learn from")] = None,
    corpora: Annotated[Path | None, typer.Option(help="../shared/corpora (for aze)")] = None,
) -> None:
    """Build a model: Azerbaijani from the shared corpora, or any language from plain text."""
    from sutun.lang.build import build_azerbaijani, build_from_text

    if text:
        model = build_from_text(
            (p.read_text(encoding="utf-8") for p in text), language, sources=[str(p) for p in text]
        )
    elif language == "aze" and corpora is not None:
        model = build_azerbaijani(corpora)
    else:
        raise typer.BadParameter("give --text FILE… or, for aze, --corpora DIR")
    model.save(output)
    typer.echo(f"{output}: {len(model.words)} words, {len(model.char)} char n-grams", err=True)


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="PDF or image files, directories, globs")],
    fmt: Annotated[str, typer.Option("--format", help="json | md")] = "json",
    language: Annotated[str | None, typer.Option(help="aze, eng… (default: detect)")] = None,
    pages: Annotated[str | None, typer.Option(help="pages to read, like 1,3-5")] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="JSON Lines, one record per article")
    ] = None,
    html_out: Annotated[
        Path | None,
        typer.Option("--html", help="a review page: the page image with the articles drawn on"),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("-j", "--workers", help="with -o: worker processes (default: all cores)"),
    ] = None,
    progress: Annotated[
        bool | None, typer.Option(help="with -o: progress bar (default: when stderr is a terminal)")
    ] = None,
) -> None:
    """Articles of newspaper pages: born-digital PDFs or scans, in reading order, repaired."""
    from sutun.pages import ExtractError
    from sutun.pages import read_pages as run_extract

    if fmt not in ("json", "md"):
        raise typer.BadParameter("--format must be json or md")
    from sutun.corpus import expand

    wanted = _page_numbers(pages) if pages else None
    try:
        paths = expand(files)
    except FileNotFoundError as exc:
        typer.echo(f"sutun: {exc}", err=True)
        raise typer.Exit(2) from exc
    if output is None:
        status = 0
        for path in paths:
            try:
                result = run_extract(path, language, wanted)
            except ExtractError as exc:
                typer.echo(f"sutun: {exc}", err=True)
                status = 2
                continue
            except Exception as exc:  # the other files still get read
                typer.echo(f"sutun: {path}: {type(exc).__name__}: {exc}", err=True)
                status = 2
                continue
            for note in result.notes:
                typer.echo(f"sutun: {path}: {note}", err=True)
            sys.stdout.write(_render_extracted(result, fmt) + "\n")
            if html_out is not None:
                from sutun.review import pages_page

                html_out.write_text(pages_page(path, result), encoding="utf-8")
        raise typer.Exit(status)
    from sutun.pages.archive import ArchiveError
    from sutun.pages.archive import run as run_archive

    try:
        summary = run_archive(
            paths, output, workers or os.cpu_count() or 1, language, wanted, progress
        )
    except ArchiveError as exc:
        typer.echo(f"sutun: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(json.dumps(summary), err=True)


def _page_numbers(spec: str) -> list[int]:
    out: list[int] = []
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out.extend(range(int(a), int(b or a) + 1))
    return out


def _render_extracted(result, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=1)
    parts = []
    for a in result.articles:
        head = f"# {a.title}\n\n" if a.title else ""
        parts.append(f"{head}" + "\n\n".join(a.paragraphs) + f"\n\n<!-- page {a.page} -->")
    return "\n\n---\n\n".join(parts)


@model_app.command("learn")
def model_learn(
    corpus: Annotated[
        list[str], typer.Argument(help="JSON Lines shards (.gz/.zst, globs) or text")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="model file (.json.gz)")],
    language: Annotated[str, typer.Option(help="language code, e.g. tur, eng")] = "aze",
    merge: Annotated[
        bool, typer.Option(help="merge the shipped model for the language, if there is one")
    ] = False,
) -> None:
    """Learn a model from the corpus you are about to repair (its intact spans only)."""
    from sutun.corpus import expand, texts_of
    from sutun.lang.build import learn_from_corpus
    from sutun.lang.model import canonical, shipped

    try:
        paths = expand(corpus)
    except FileNotFoundError as exc:
        typer.echo(f"sutun: {exc}", err=True)
        raise typer.Exit(2) from exc
    base = shipped(canonical(language) or language) if merge else None
    model = learn_from_corpus(texts_of(paths), language, sources=[str(p) for p in paths], base=base)
    model.save(output)
    typer.echo(f"{output}: {len(model.words)} words, {len(model.bigrams)} bigrams", err=True)


if __name__ == "__main__":
    app()
