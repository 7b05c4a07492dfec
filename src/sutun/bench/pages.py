"""Newspaper pages for the extraction benchmark: dev articles typeset into columns under
headlines that span them, with syllable hyphenation, indented paragraphs, a running head and a page
number, drawn with DejaVu fonts by PyMuPDF — in reading order or in a scrambled content-stream
order — and, for the OCR path, rasterised with noise."""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np

from sutun.bench.simulate import Article, Defects, _fill

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
WIDTH, HEIGHT = 595.0, 842.0
MARGIN = 40.0
GUTTER = 14.0
BODY, LEADING, HEAD = 9.0, 11.5, 16.0
INDENT = 9.0


@dataclass
class Page:
    pdf: bytes
    gold: list[tuple[str, list[str]]]  # (title, paragraphs) in reading order
    scrambled: bool


def render(articles: list[Article], columns: int, seed: int, scramble: bool) -> Page:
    import pymupdf

    rng = random.Random(seed)
    ops: list[tuple[float, float, str, str, float]] = []  # x, baseline y, text, font, size
    col_width = (WIDTH - 2 * MARGIN - (columns - 1) * GUTTER) / columns
    font = pymupdf.Font(fontfile=FONT)
    y = MARGIN + 10
    ops.append((MARGIN, MARGIN - 8, "XALQ QƏZETİ • 12 mart 2024 • № 48", FONT, 7.0))
    ops.append((WIDTH / 2 - 10, HEIGHT - 24, f"— {seed % 20 + 2} —", FONT, 8.0))
    gold = []
    for article in articles:
        head_lines = _wrap(article.title, int((WIDTH - 2 * MARGIN) / (HEAD * 0.62)))
        paras = [p.replace("**", "") for p in article.paragraphs[:4]]
        body = _set(paras, col_width, font, random.Random(rng.random()))
        per_col = -(-len(body) // columns)
        needed = len(head_lines) * HEAD * 1.25 + per_col * LEADING + 24
        if y + needed > HEIGHT - MARGIN - 10:
            break
        for line in head_lines:
            y += HEAD * 1.2
            ops.append((MARGIN, y, line, BOLD, HEAD))
        y += 8
        top = y
        for c in range(columns):
            x = MARGIN + c * (col_width + GUTTER)
            for k, line in enumerate(body[c * per_col : (c + 1) * per_col]):
                first = _starts_paragraph(body, c * per_col + k)
                ops.append(
                    (x + (INDENT if first else 0), top + (k + 1) * LEADING, line.text, FONT, BODY)
                )
        y = top + per_col * LEADING + 20
        gold.append((article.title, paras))
    if scramble:
        rng.shuffle(ops)
    doc = pymupdf.open()
    page = doc.new_page(width=WIDTH, height=HEIGHT)
    page.insert_font(fontname="dv", fontfile=FONT)
    page.insert_font(fontname="dvb", fontfile=BOLD)
    for x, yy, text, font, size in ops:
        page.insert_text((x, yy), text, fontname="dvb" if font == BOLD else "dv", fontsize=size)
    return Page(doc.tobytes(), gold, scramble)


def _set(paras: list[str], width: float, font, rng: random.Random) -> list:
    """Lines filled to the column: as many characters as fit, so that no line runs into the
    gutter (checked with the font's own advance widths)."""
    chars = int(width / (BODY * 0.5))
    while chars > 8:
        state = rng.getstate()
        lines = [ln for k, p in enumerate(paras) for ln in _fill(p, k, chars, rng, Defects())]
        widest = max(font.text_length(ln.text, BODY) + INDENT for ln in lines)
        if widest <= width:
            return lines
        rng.setstate(state)
        chars -= 1
    return lines


def _starts_paragraph(body: list, k: int) -> bool:
    return k == 0 or body[k - 1].end == "para"


def _wrap(text: str, width: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current] if current else lines


def rasterise(pdf: bytes, dpi: int = 200, noise: float = 12.0, seed: int = 0) -> bytes:
    """The page as a grey PNG scan at ``dpi`` with Gaussian noise and a slight darkening."""
    import pymupdf

    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        pix = doc[0].get_pixmap(dpi=dpi, colorspace="gray")
        img = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width)
        rng = np.random.default_rng(seed)
        noisy = np.clip(img.astype(np.float32) * 0.95 + rng.normal(0, noise, img.shape), 0, 255)
        out = pymupdf.Pixmap(
            pymupdf.csGRAY, pix.width, pix.height, noisy.astype(np.uint8).tobytes(), False
        )
        return out.tobytes("png")


def page_text(gold: list[tuple[str, list[str]]]) -> str:
    return "\n\n".join("\n\n".join([title, *paras]) for title, paras in gold)
