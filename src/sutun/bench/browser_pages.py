"""Newspaper pages printed by a browser: a second typesetter besides :mod:`sutun.bench.pages`.

Articles are set in HTML with CSS columns (2–4), justified, with discretionary hyphens at the
syllable breaks of every word (as a site's hyphenation script leaves them), under a dated head;
some articles in a frame. Headless Chromium prints the page to PDF, running on to further pages
when the text does. Chromium decides the line breaks, the hyphens it prints (U+2010) and the
text layer's order, so the extraction is tried on layouts sütun's own renderer does not draw.
Styled pages set some of :data:`STYLES` besides: ragged right, spaced paragraphs, drop caps,
pull quotes, small headlines; or :data:`PICTURES`.
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
PULL_QUOTE_WORDS = 12


def browser() -> str | None:
    return next((path for name in CHROMIUM if (path := shutil.which(name))), None)


STYLES = ("ragged right", "spaced paragraphs", "drop caps", "pull quotes", "small headlines")
"""What a styled page may set otherwise than a plain one: lines left-aligned, paragraphs parted by
space instead of indentation, each article's first letter large beside its first lines, a quote
from the article in large italic between its paragraphs, headlines in bold a tenth larger than
the text (a brief's)."""
PICTURES = "pictures"
"""A style of its own: a picture a column wide after each article's second paragraph, with a
caption under it in smaller italic type (which Chromium may push to the next column's top)."""


def pages(
    articles: list[Article],
    n: int,
    folder: Path,
    seed: int = 0,
    styled: bool | frozenset[str] = False,
) -> list[tuple[Path, Page]]:
    """Up to ``n`` pages of two articles each, printed as PDFs in ``folder``; none without a
    browser. ``styled``: each page takes some of :data:`STYLES` (at least one), or the ones
    given."""
    chromium = browser()
    if chromium is None:
        return []
    rng = random.Random(seed)
    out = []
    for k in range(n):
        picked = rng.sample(articles, 2)
        if isinstance(styled, frozenset):
            styles = styled
        elif styled:
            styles = frozenset(s for s in STYLES if rng.random() < 0.5) or frozenset(
                [rng.choice(STYLES)]
            )
        else:
            styles = frozenset()
        name = f"browser-{'pictures-' if PICTURES in styles else 'styled-' if styled else ''}{k}"
        if PICTURES in styles:
            _picture(folder / PICTURE, rng)
        source = folder / f"{name}.html"
        source.write_text(_html(picked, rng, styles), encoding="utf-8")
        pdf = folder / f"{name}.pdf"
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


def _html(articles: list[Article], rng: random.Random, styles: frozenset[str] = frozenset()) -> str:
    columns = rng.choice([2, 3, 4])
    align = "left" if "ragged right" in styles else "justify"
    spaced = "spaced paragraphs" in styles
    style = (
        "@page { size: A4; margin: 15mm; }"
        f"body {{ font-family: '{rng.choice(FONTS)}'; font-size: {rng.choice([9, 9.5, 10])}pt; }}"
        ".head { border-bottom: 1px solid #000; font-size: 8pt; margin-bottom: 6pt; }"
        + ("h1 { font-size: 1.1em; " if "small headlines" in styles else "h1 { font-size: 17pt; ")
        + "margin: 8pt 0 4pt 0; }"
        f".body {{ column-count: {columns}; column-gap: 5mm; text-align: {align}; }}"
        + (
            ".body p { margin: 0 0 5pt 0; }"
            if spaced
            else ".body p { margin: 0; text-indent: 1.2em; }"
        )
        + ".box { border: 1px solid #000; padding: 4pt; margin-top: 8pt; }"
        ".body p.first { text-indent: 0; }"
        ".body p.first::first-letter { float: left; font-size: 2.6em; line-height: 0.9; "
        "margin-right: 2pt; }"
        "figure { margin: 4pt 0; } figure img { width: 100%; } "
        "figcaption { font-size: 0.8em; font-style: italic; }"
        ".pull { font-size: 1.5em; font-style: italic; text-align: left; margin: 6pt 0; "
        "padding: 4pt 0; border-top: 2px solid #000; border-bottom: 2px solid #000; "
        "break-inside: avoid; }"
    )
    head = f"QƏZET • {rng.randint(1, 28)} aprel 2025 • № {rng.randint(10, 300)}"
    parts = [f'<html lang="az"><head><meta charset="utf-8"><style>{style}</style></head><body>']
    parts.append(f'<div class="head">{head}</div>')
    for k, a in enumerate(articles):
        framed = k > 0 and rng.random() < 0.3
        parts.append(f'<div class="{"box" if framed else ""}"><h1>{html.escape(a.title)}</h1>')
        parts.append('<div class="body">')
        for i, p in enumerate(a.paragraphs):
            first = ' class="first"' if i == 0 and "drop caps" in styles else ""
            parts.append(f"<p{first}>{_hyphenated(p)}</p>")
            if i == 1 and PICTURES in styles:
                day = rng.randint(1, 28)
                parts.append(
                    f'<figure><img src="{PICTURE}"><figcaption>Foto: tədbirdən görüntü, {day} '
                    "aprel</figcaption></figure>"
                )
            if i == 1 and "pull quotes" in styles and len(a.paragraphs) > 3:
                quoted = " ".join(a.paragraphs[2].split()[:PULL_QUOTE_WORDS])
                parts.append(f'<div class="pull">“{html.escape(quoted)}”</div>')
        parts.append("</div></div>")
    parts.append("</body></html>")
    return "".join(parts)


PICTURE = "picture.png"


def _picture(path: Path, rng: random.Random) -> None:
    """A photograph's stand-in: grey noise, 4 × 3."""
    import pymupdf

    pixels = bytes(rng.randrange(256) for _ in range(160 * 120))
    path.write_bytes(pymupdf.Pixmap(pymupdf.csGRAY, 160, 120, pixels, False).tobytes("png"))


def _hyphenated(paragraph: str) -> str:
    """Each word with a discretionary hyphen (&shy;) at each of its syllable breaks."""
    words = []
    for word in paragraph.split(" "):
        # A word's own hyphen is a break point already.
        cuts = [0, *(c for c in syllable_breaks(word) if word[c - 1] != "-"), len(word)]
        words.append("&shy;".join(html.escape(word[a:b]) for a, b in itertools.pairwise(cuts)))
    return " ".join(words)
