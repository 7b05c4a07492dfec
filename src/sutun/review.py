"""A review page: one self-contained HTML file (no network, no server) with the input and the
repaired text side by side, every edit marked by kind with its confidence and evidence, moved
blocks badged, and a toggle per edit that re-applies the list in the page — the same replay as
``sutun.apply_edits`` — with a button to download the result."""

from __future__ import annotations

import html
import json
from importlib import resources

from sutun.document import Edit


def page(documents: list[dict], title: str = "sütun review") -> str:
    """``documents``: ``{"name", "input", "edits": [Edit.to_dict()…]}`` each."""
    data = json.dumps(documents, ensure_ascii=False).replace("</", "<\\/")
    script = resources.files("sutun.data").joinpath("review.js").read_text(encoding="utf-8")
    style = resources.files("sutun.data").joinpath("review.css").read_text(encoding="utf-8")
    return (
        "<!doctype html>\n<html lang='az'><head><meta charset='utf-8'>"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{html.escape(title)}</title><style>{style}</style></head><body>"
        f"<header><h1>{html.escape(title)}</h1><p>Tick an edit off to reject it; the output "
        "and the download follow. Tab moves between edits, Space toggles one.</p></header>"
        "<main id='docs'></main>"
        f"<script id='sutun-data' type='application/json'>{data}</script>"
        f"<script>{script}</script></body></html>\n"
    )


def document(name: str, text: str, edits: list[Edit]) -> dict:
    return {"name": name, "input": text, "edits": [e.to_dict() for e in edits]}


def pages_page(path, extracted) -> str:
    """The review page of ``sutun extract``: each page image with its articles' regions drawn
    over it and numbered in reading order, the articles' text beside it."""
    import base64
    from pathlib import Path

    path = Path(path)
    images = _page_images(path, sorted(extracted.sizes))
    parts = []
    for n, png in images.items():
        width, height = extracted.sizes[n]
        boxes = []
        for k, (a, b) in enumerate(zip(extracted.articles, extracted.boxes, strict=True)):
            if a.page != n:
                continue
            x0, y0, x1, y1 = b["box"]
            style = (
                f"left:{100 * x0 / width:.2f}%;top:{100 * y0 / height:.2f}%;"
                f"width:{100 * (x1 - x0) / width:.2f}%;height:{100 * (y1 - y0) / height:.2f}%"
            )
            boxes.append(
                f"<div class='region' style='{style}' title='{html.escape(a.title)}'>"
                f"<span class='badge'>{k + 1}</span></div>"
            )
        src = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
        articles = "".join(
            f"<article><h3>{k + 1}. {html.escape(a.title)}</h3>"
            + "".join(f"<p>{html.escape(p)}</p>" for p in a.paragraphs)
            + "</article>"
            for k, a in enumerate(extracted.articles)
            if a.page == n
        )
        parts.append(
            f"<section class='page'><h2>Page {n}</h2><div class='panes'>"
            f"<div class='sheet'><img alt='page {n}' src='{src}'>{''.join(boxes)}</div>"
            f"<div>{articles}</div></div></section>"
        )
    style = resources.files("sutun.data").joinpath("review.css").read_text(encoding="utf-8")
    extra = (
        ".sheet{position:relative}.sheet img{width:100%;display:block;border:1px solid #ddd}"
        ".region{position:absolute;border:2px solid #1f5fbf;background:rgba(31,95,191,.08)}"
        ".region .badge{position:absolute;left:-2px;top:-2px}"
    )
    title = html.escape(f"sütun extract — {path.name}")
    return (
        f"<!doctype html>\n<html lang='az'><head><meta charset='utf-8'><title>{title}</title>"
        f"<style>{style}{extra}</style></head><body><header><h1>{title}</h1></header>"
        f"{''.join(parts)}</body></html>\n"
    )


def _page_images(path, numbers: list[int]) -> dict[int, bytes]:
    from sutun.pages.api import IMAGES

    if path.suffix.lower() in IMAGES:
        import pymupdf

        with pymupdf.open(path) as doc:
            return {1: doc[0].get_pixmap(dpi=72).tobytes("png")}
    import pymupdf

    with pymupdf.open(path, filetype="pdf") as doc:
        return {n: doc[n - 1].get_pixmap(dpi=100).tobytes("png") for n in numbers}
