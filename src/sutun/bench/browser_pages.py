"""Newspaper pages printed by a browser: a second typesetter besides :mod:`sutun.bench.pages`.

Articles are set in HTML with CSS columns (2–4), justified, with discretionary hyphens at the
syllable breaks of every word (as a site's hyphenation script leaves them), under a dated head;
some articles in a frame. Headless Chromium prints the page to PDF, running on to further pages
when the text does. Chromium decides the line breaks, the hyphens it prints (U+2010) and the
text layer's order, so the extraction is tried on layouts sütun's own renderer does not draw.
"""

from __future__ import annotations

import html
import itertools
import random
import shutil
import subprocess
from pathlib import Path

from sutun.bench.pages import Page
from sutun.bench.simulate import Article
from sutun.lang.alphabet import syllable_breaks

CHROMIUM = ("chromium", "chromium-browser")
FONTS = ("DejaVu Sans", "DejaVu Serif")
PRINT_TIMEOUT = 120


def browser() -> str | None:
    return next((path for name in CHROMIUM if (path := shutil.which(name))), None)


def pages(articles: list[Article], n: int, folder: Path, seed: int = 0) -> list[tuple[Path, Page]]:
    """Up to ``n`` pages of two articles each, printed as PDFs in ``folder``; none without a
    browser."""
    chromium = browser()
    if chromium is None:
        return []
    rng = random.Random(seed)
    out = []
    for k in range(n):
        picked = rng.sample(articles, 2)
        source = folder / f"browser-{k}.html"
        source.write_text(_html(picked, rng), encoding="utf-8")
        pdf = folder / f"browser-{k}.pdf"
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                source.as_uri(),
            ],
            capture_output=True,
            timeout=PRINT_TIMEOUT,
            check=False,
        )
        if pdf.is_file():
            gold = [(a.title, list(a.paragraphs)) for a in picked]
            out.append((pdf, Page(pdf.read_bytes(), gold, scrambled=False)))
    return out


def _html(articles: list[Article], rng: random.Random) -> str:
    columns = rng.choice([2, 3, 4])
    style = (
        "@page { size: A4; margin: 15mm; }"
        f"body {{ font-family: '{rng.choice(FONTS)}'; font-size: {rng.choice([9, 9.5, 10])}pt; }}"
        ".head { border-bottom: 1px solid #000; font-size: 8pt; margin-bottom: 6pt; }"
        "h1 { font-size: 17pt; margin: 8pt 0 4pt 0; }"
        f".body {{ column-count: {columns}; column-gap: 5mm; text-align: justify; }}"
        ".body p { margin: 0; text-indent: 1.2em; }"
        ".box { border: 1px solid #000; padding: 4pt; margin-top: 8pt; }"
    )
    head = f"QƏZET • {rng.randint(1, 28)} aprel 2025 • № {rng.randint(10, 300)}"
    parts = [f'<html lang="az"><head><meta charset="utf-8"><style>{style}</style></head><body>']
    parts.append(f'<div class="head">{head}</div>')
    for k, a in enumerate(articles):
        framed = k > 0 and rng.random() < 0.3
        parts.append(f'<div class="{"box" if framed else ""}"><h1>{html.escape(a.title)}</h1>')
        parts.append('<div class="body">')
        parts += [f"<p>{_hyphenated(p)}</p>" for p in a.paragraphs]
        parts.append("</div></div>")
    parts.append("</body></html>")
    return "".join(parts)


def _hyphenated(paragraph: str) -> str:
    """Each word with a discretionary hyphen (&shy;) at each of its syllable breaks."""
    words = []
    for word in paragraph.split(" "):
        # A word's own hyphen is a break point already.
        cuts = [0, *(c for c in syllable_breaks(word) if word[c - 1] != "-"), len(word)]
        words.append("&shy;".join(html.escape(word[a:b]) for a, b in itertools.pairwise(cuts)))
    return " ".join(words)
