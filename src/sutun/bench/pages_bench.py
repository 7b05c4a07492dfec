"""Page extraction benchmark: rendered newspaper pages (born-digital and scanned) through sütun and
the tools people use today, scored on page CER and articles reproduced exactly."""

from __future__ import annotations

import random
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from sutun.bench import browser_pages
from sutun.bench.metrics import fold
from sutun.bench.pages import Page, aged, page_text, rasterise, render, scan_all, worn
from sutun.bench.simulate import Article
from sutun.pages.sources import tesseract_env


def pages(articles: list[Article], n: int, seed: int = 0) -> list[Page]:
    rng = random.Random(seed)
    out = []
    for k in range(n):
        picked = rng.sample(articles, rng.randint(2, 4))
        out.append(render(picked, rng.randint(2, 5), seed * 1000 + k, scramble=k % 2 == 1))
    return out


def _sutun(path: Path) -> tuple[str, list[str]]:
    from sutun.pages import read_pages

    result = read_pages(path, "aze")
    texts = ["\n\n".join([a.title, *a.paragraphs]) for a in result.articles]
    return "\n\n".join(texts), texts


def _pdftotext(path: Path, *options: str) -> tuple[str, list[str]]:
    out = subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8", "replace"), []


def _pdftotext_repaired(path: Path, *options: str) -> tuple[str, list[str]]:
    """Already-extracted text, as a corpus holds it: pdftotext's lines, then ``sutun repair``."""
    from sutun.pipeline import repair

    text, _ = _pdftotext(path, *options)
    return repair(text, "aze").text, []


def _pdftotext_layout_repaired(path: Path) -> tuple[str, list[str]]:
    """The same from ``pdftotext -layout``: the columns side by side, as printed."""
    return _pdftotext_repaired(path, "-layout")


def _pymupdf(path: Path) -> tuple[str, list[str]]:
    import pymupdf

    with pymupdf.open(path) as doc:
        return "\n".join(p.get_text(sort=True) for p in doc), []


def _pdfminer(path: Path) -> tuple[str, list[str]]:
    from pdfminer.high_level import extract_text

    return extract_text(str(path)), []


def _pymupdf4llm(path: Path) -> tuple[str, list[str]]:
    import pymupdf4llm

    return pymupdf4llm.to_markdown(str(path), show_progress=False), []


def _tesseract(path: Path) -> tuple[str, list[str]]:
    out = subprocess.run(
        ["tesseract", str(path), "-", "-l", "aze"],
        capture_output=True,
        check=True,
        timeout=300,
        env=tesseract_env(),  # the same threading as sütun's own call
    )
    return out.stdout.decode("utf-8", "replace"), []


Reader = Callable[[Path], tuple[str, list[str]]]
SLOW = {"pdfminer.six", "pymupdf4llm"}
TILT = 1.5
"""Degrees a scan of the tilted row lies askew on the glass (counter-clockwise)."""


WEARS = ("blurred", "dusty", "shown through")
"""How the worn copies of the scanned rows are worn (:func:`sutun.bench.pages.worn`)."""


def score(reader: Reader, items: list[tuple[Path, Page]]) -> dict:
    cers, exact, total, seconds = [], 0, 0, 0.0
    found, paragraphs = 0, 0
    for path, page in items:
        start = time.perf_counter()
        text, articles = reader(path)
        seconds += time.perf_counter() - start
        gold = fold(page_text(page.gold))
        got = fold(text)
        cers.append(Levenshtein.distance(got, gold) / max(1, len(gold)))
        folded = {fold(a) for a in articles}
        printed = {" ".join(p.split()) for p in got.split("\n\n")}
        for title, paras in page.gold:
            total += 1
            want = fold("\n\n".join([title, *paras]))
            # Tools without articles get credit when the article stands intact in their text.
            exact += want in folded if articles else want in got
            wanted = [" ".join(p.split()) for p in want.split("\n\n")]
            paragraphs += len(wanted)
            found += sum(p in printed for p in wanted)
    return {
        "pages": len(items),
        "page_cer": statistics.fmean(cers) if cers else None,
        "articles_exact": exact / total if total else None,
        "paragraphs": found / paragraphs if paragraphs else None,
        "pages_per_s": len(items) / seconds if seconds else None,
    }


def run(articles: list[Article], n_pdf: int = 40, n_scan: int = 4, n_browser: int = 12) -> dict:
    readers: dict[str, Reader] = {"sutun": _sutun, "PyMuPDF sort=True": _pymupdf}
    if shutil.which("pdftotext"):
        readers["pdftotext"] = _pdftotext
        readers["pdftotext, then sutun repair"] = _pdftotext_repaired
        readers["pdftotext -layout, then sutun repair"] = _pdftotext_layout_repaired
    try:
        import pdfminer  # noqa: F401

        readers["pdfminer.six"] = _pdfminer
    except ImportError:
        pass
    try:
        import pymupdf4llm  # noqa: F401

        readers["pymupdf4llm"] = _pymupdf4llm
    except ImportError:
        pass
    born = pages(articles, n_pdf)
    browser_printed: list = []
    out: dict = {
        "born_digital": {},
        "browser": {},
        "browser_styled": {},
        "browser_pictures": {},
        "scanned": {},
    }
    with tempfile.TemporaryDirectory() as tmp:
        items = []
        for k, page in enumerate(born):
            path = Path(tmp) / f"page-{k}.pdf"
            path.write_bytes(page.pdf)
            items.append((path, page))
        for name, reader in readers.items():
            # The tools at about a page a second read every second page: make bench stays
            # short, and the pages are drawn alike.
            out["born_digital"][name] = score(reader, items[::2] if name in SLOW else items)
        pictures = frozenset([browser_pages.PICTURES])
        for kind, styled, count in (
            ("browser", False, n_browser),
            ("browser_styled", True, n_browser),
            ("browser_pictures", pictures, n_browser // 2),
        ):
            printed = browser_pages.pages(articles, count, Path(tmp), styled=styled)
            for name, reader in readers.items():
                if printed and name not in SLOW:
                    out[kind][name] = score(reader, printed)
            if kind == "browser":
                browser_printed = printed
        if shutil.which("tesseract"):
            for dpi, count, tilt in ((200, n_scan, 0.0), (300, 1, 0.0), (200, n_scan, TILT)):
                scans = []
                for k, page in enumerate(born[:count]):
                    path = Path(tmp) / f"scan-{dpi}-{tilt}-{k}.png"
                    path.write_bytes(rasterise(page.pdf, dpi=dpi, seed=k, tilt=tilt))
                    scans.append((path, page))
                kind = f"{dpi} dpi" + (f", tilted {tilt}°" if tilt else "")
                out["scanned"][f"sutun, {kind}"] = score(_sutun, scans)
                out["scanned"][f"tesseract -l aze, {kind}"] = score(_tesseract, scans)
            old_paper = []
            for k, page in enumerate(born[:n_scan]):
                path = Path(tmp) / f"scan-aged-{k}.jpg"
                path.write_bytes(aged(rasterise(page.pdf, dpi=200, seed=k)))
                old_paper.append((path, page))
            out["scanned"]["sutun, 200 dpi, old paper (JPEG)"] = score(_sutun, old_paper)
            out["scanned"]["tesseract -l aze, 200 dpi, old paper (JPEG)"] = score(
                _tesseract, old_paper
            )
            for wear in WEARS:
                copies = []
                for k, page in enumerate(born[:n_scan]):
                    path = Path(tmp) / f"scan-{wear}-{k}.png"
                    scan = rasterise(page.pdf, dpi=200, seed=k)
                    back = rasterise(born[-1 - k].pdf, dpi=200, seed=k)
                    path.write_bytes(worn(scan, wear, seed=k, back=back))
                    copies.append((path, page))
                out["scanned"][f"sutun, 200 dpi, {wear}"] = score(_sutun, copies)
                out["scanned"][f"tesseract -l aze, 200 dpi, {wear}"] = score(_tesseract, copies)
            # A typesetter not ours, scanned: every page of a browser-printed PDF in one TIFF.
            tiffs = []
            for k, (pdf, page) in enumerate(browser_printed[: n_scan // 2]):
                path = Path(tmp) / f"browser-scan-{k}.tif"
                path.write_bytes(scan_all(pdf.read_bytes(), dpi=200, seed=k))
                tiffs.append((path, page))
            if tiffs:
                out["scanned"]["sutun, browser-printed, 200 dpi TIFF"] = score(_sutun, tiffs)
                out["scanned"]["tesseract -l aze, browser-printed, 200 dpi TIFF"] = score(
                    _tesseract, tiffs
                )
    return out


def specimens(folder: Path) -> list[dict]:
    """What sütun makes of the real specimen PDFs: articles, furniture, notes."""
    from sutun.pages import ExtractError, read_pages

    rows = []
    for path in sorted(folder.glob("*.pdf")):
        start = time.perf_counter()
        try:
            result = read_pages(path, "aze")
            row = {
                "file": path.name,
                "articles": len(result.articles),
                "furniture": len(result.furniture),
                "notes": result.notes,
                "first_title": result.articles[0].title if result.articles else "",
            }
        except ExtractError as exc:
            row = {"file": path.name, "error": str(exc)}
        row["seconds"] = round(time.perf_counter() - start, 2)
        rows.append(row)
    return rows
