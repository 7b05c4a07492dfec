"""``sutun extract FILES -o articles.jsonl``: many PDFs and images into one JSON Lines file of
articles, by ``-j`` worker processes, in input order.

Resumable: after each file its records are appended in one write, then a line naming the file and
the output's new length goes to ``OUT.journal``. A run that finds a journal cuts the output back to
the last length it names (dropping a file cut short by a kill) and skips the files it lists; a
finished run removes the journal. Records carry no timings, so a run killed at any point and
started again writes the same bytes as one that never stopped.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from sutun.pages.api import ExtractError, read_pages


class ArchiveError(Exception):
    """The output cannot be written or resumed (it exists without a journal, or was cut)."""


def run(
    paths: list[Path],
    output: Path,
    workers: int = 1,
    language: str | None = None,
    pages: list[int] | None = None,
    progress: bool | None = None,
) -> dict:
    from sutun.corpus import progress_bar, worker_pool

    journal = output.with_name(output.name + ".journal")
    done = _resume(output, journal)
    todo = [p for p in paths if str(p) not in done]
    summary = {"files": len(paths), "skipped": len(paths) - len(todo), "articles": 0, "errors": 0}
    start = time.perf_counter()
    bar = progress_bar(len(paths), progress, unit="file", initial=summary["skipped"])
    pool = worker_pool(workers) if workers > 1 and len(todo) > 1 else None
    jobs = [(p, language, pages) for p in todo]
    results = pool.imap(_file, jobs) if pool is not None else map(_file, jobs)
    fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        with journal.open("a", encoding="utf-8") as log:
            for path, blob, articles, error in results:
                _write_all(fd, blob)
                log.write(json.dumps({"source": str(path), "end": os.fstat(fd).st_size}) + "\n")
                log.flush()
                summary["articles"] += articles
                summary["errors"] += error
                bar.update(1)
    finally:
        os.close(fd)
        if pool is not None:
            pool.close()
            pool.join()
        bar.close()
    journal.unlink()
    summary["seconds"] = round(time.perf_counter() - start, 3)
    return summary


def _resume(output: Path, journal: Path) -> set[str]:
    """The files a killed run finished; the output is cut back to where they end."""
    if not journal.exists():
        if output.exists() and output.stat().st_size:
            raise ArchiveError(f"{output} exists (a finished run); remove it to extract again")
        output.write_bytes(b"")
        return set()
    done, end = set(), 0
    for line in journal.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            break  # the kill cut this line: the file it names is done again
        done.add(entry["source"])
        end = entry["end"]
    size = output.stat().st_size if output.exists() else 0
    if size < end:
        raise ArchiveError(f"{output} is shorter than its journal says: it was changed")
    with output.open("r+b" if output.exists() else "wb") as f:
        f.truncate(end)
    return done


def _write_all(fd: int, blob: bytes) -> None:
    while blob:
        blob = blob[os.write(fd, blob) :]


def _file(job: tuple[Path, str | None, list[int] | None]) -> tuple[Path, bytes, int, int]:
    """One file's records as JSON Lines bytes, with how many articles and errors they hold."""
    path, language, pages = job
    try:
        result = read_pages(path, language, pages)
    except Exception as exc:  # one unreadable file is a record, never the end of the batch
        message = str(exc) if isinstance(exc, ExtractError) else f"{type(exc).__name__}: {exc}"
        record = {"source": str(path), "error": message}
        return path, (json.dumps(record, ensure_ascii=False) + "\n").encode(), 0, 1
    lines = []
    for k, a in enumerate(result.articles):
        record = {
            "source": str(path),
            "page": a.page,
            "article": k,
            "title": a.title,
            "text": "\n\n".join(a.paragraphs),
            "furniture": [f for f in result.furniture if f.get("page") == a.page],
        }
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    return path, "".join(lines).encode(), len(result.articles), 0
