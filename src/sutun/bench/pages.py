"""Newspaper pages for the extraction benchmark, drawn with reportlab and DejaVu fonts.

A page is a grid of 2–5 columns under a running head. Articles sit in rows: one article across
the whole width, or two side by side, each under a headline across its own columns; one article
per page is a boxed item (a framed article). Body text is set with syllable hyphenation (real
compounds break at their own hyphen), justified, with indented paragraphs. Half of the pages are
drawn in a scrambled content-stream order, so that only geometry gives the reading order. For the
OCR path a page is rasterised with noise.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field

import numpy as np

from sutun.bench.simulate import Article, Defects, _fill

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
WIDTH, HEIGHT = 595.0, 842.0
MARGIN = 36.0
GUTTER = 12.0
BODY, LEADING = 8.5, 10.8
HEAD, HEAD_LEADING = 15.0, 17.0
BOX_HEAD = 12.0
MIN_HEAD = 11.0  # headlines stay well above body size
INDENT = 8.0
PAD = 5.0  # inside a box's frame
ROW_GAP = 16.0


@dataclass
class Page:
    pdf: bytes
    gold: list[tuple[str, list[str]]]  # (title, paragraphs) in reading order
    scrambled: bool
    columns: int = 0
    side_by_side: bool = False
    boxed: bool = False


@dataclass
class _Slot:
    """Where one article goes: a run of the page's columns, framed or not."""

    first: int
    span: int
    boxed: bool = False


@dataclass
class _Canvas:
    """Drawing operations, kept so they can be issued in any order."""

    text: list[tuple[float, float, str, str, float]] = field(default_factory=list)
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)
    frames: list[tuple[float, float, float, float]] = field(default_factory=list)


def _fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", FONT))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", BOLD))


def _width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)


def render(articles: list[Article], columns: int, seed: int, scramble: bool) -> Page:
    """Set ``articles`` on one page of ``columns`` columns; those that do not fit are left out
    (the gold holds what was drawn)."""
    _fonts()
    rng = random.Random(seed)
    canvas = _Canvas()
    canvas.text.append((MARGIN, MARGIN - 12, "XALQ QƏZETİ • 12 mart 2024 • № 48", "DejaVu", 7.0))
    canvas.text.append((WIDTH / 2 - 10, HEIGHT - 20, f"— {seed % 20 + 2} —", "DejaVu", 8.0))
    canvas.rules.append((MARGIN, MARGIN - 8, WIDTH - MARGIN, MARGIN - 8))
    col_w = (WIDTH - 2 * MARGIN - (columns - 1) * GUTTER) / columns
    rules = rng.random() < 0.5  # half the pages separate articles with rules
    y, gold = MARGIN + 4, []
    queue = list(articles)
    boxed_done = side_by_side = False
    while queue:
        row = _row(columns, len(queue), rng, boxed_done)
        placed, bottom = [], y
        for slot in row:
            if not queue:
                break
            article = queue.pop(0)
            x0 = MARGIN + slot.first * (col_w + GUTTER)
            x1 = x0 + slot.span * col_w + (slot.span - 1) * GUTTER
            drawn = _article(canvas, article, x0, x1, y, slot, columns, col_w, rng)
            if drawn is None:
                continue
            gold_entry, end = drawn
            placed.append(gold_entry)
            bottom = max(bottom, end)
            boxed_done |= slot.boxed
        if not placed:
            break
        side_by_side |= len(placed) > 1
        gold.extend(placed)
        y = bottom + ROW_GAP
        if rules and queue:
            canvas.rules.append((MARGIN, y - ROW_GAP / 2, WIDTH - MARGIN, y - ROW_GAP / 2))
    if scramble:
        rng.shuffle(canvas.text)
    return Page(_pdf(canvas), gold, scramble, columns, side_by_side, boxed_done)


def _row(columns: int, left: int, rng: random.Random, boxed_done: bool) -> list[_Slot]:
    """One article across the page, or two side by side (the right one often boxed)."""
    if left >= 2 and columns >= 2 and rng.random() < 0.6:
        k = rng.randint(1, columns - 1)
        return [_Slot(0, k), _Slot(k, columns - k, boxed=not boxed_done)]
    return [_Slot(0, columns, boxed=not boxed_done and left == 1)]


def _article(
    canvas: _Canvas,
    article: Article,
    x0: float,
    x1: float,
    top: float,
    slot: _Slot,
    page_columns: int,
    col_w: float,
    rng: random.Random,
) -> tuple[tuple[str, list[str]], float] | None:
    inner0, inner1 = (x0 + PAD, x1 - PAD) if slot.boxed else (x0, x1)
    head_size = BOX_HEAD if slot.boxed else HEAD
    # A headline's longest word must fit its columns: narrow articles get smaller headlines.
    longest = max(article.title.split(), key=lambda w: _width(w, "DejaVu-Bold", 1.0))
    head_size = min(head_size, (inner1 - inner0) / _width(longest, "DejaVu-Bold", 1.0))
    if head_size < MIN_HEAD:
        return None
    head = _wrap(article.title, inner1 - inner0, "DejaVu-Bold", head_size)
    columns = slot.span
    width = (inner1 - inner0 - (columns - 1) * GUTTER) / columns
    paras = [p.replace("**", "") for p in article.paragraphs]
    room = HEIGHT - MARGIN - 20 - top - (PAD * 2 if slot.boxed else 0)
    y_body = top + (PAD if slot.boxed else 0) + len(head) * head_size * 1.15 + 8
    while paras:
        lines = _set(paras, width, random.Random(rng.random()))
        per_col = -(-len(lines) // columns)
        if y_body - top + per_col * LEADING <= room:
            break
        paras = paras[:-1]
    if not paras:
        return None
    y = top + (PAD if slot.boxed else 0)
    for line in head:
        y += head_size * 1.15
        canvas.text.append((inner0, y, line, "DejaVu-Bold", head_size))
    for c in range(columns):
        cx = inner0 + c * (width + GUTTER)
        for k, line in enumerate(lines[c * per_col : (c + 1) * per_col]):
            index = c * per_col + k
            first = index == 0 or lines[index - 1].end == "para"
            last = line.end == "para"
            _justify(
                canvas,
                line.text,
                cx + (INDENT if first else 0),
                cx + width,
                y_body + (k + 1) * LEADING,
                last,
            )
    bottom = y_body + per_col * LEADING + 3
    if slot.boxed:
        bottom += PAD
        canvas.frames.append((x0, top, x1, bottom))
    return (article.title, paras), bottom


def _justify(canvas: _Canvas, text: str, x0: float, x1: float, y: float, last: bool) -> None:
    """Words spread to fill the line from x0 to x1 (a paragraph's last line stays ragged)."""
    words = text.split()
    widths = [_width(w, "DejaVu", BODY) for w in words]
    space = _width(" ", "DejaVu", BODY)
    if last or len(words) == 1:
        gap = space
    else:
        gap = max(space, (x1 - x0 - sum(widths)) / (len(words) - 1))
    x = x0
    for word, w in zip(words, widths, strict=True):
        canvas.text.append((x, y, word, "DejaVu", BODY))
        x += w + gap


def _set(paras: list[str], width: float, rng: random.Random) -> list:
    """Lines filled to the column: as many characters as fit, checked with the font's own
    advance widths, so that no line runs into the gutter."""
    chars = int(width / (BODY * 0.5))
    while chars > 8:
        state = rng.getstate()
        lines = [ln for k, p in enumerate(paras) for ln in _fill(p, k, chars, rng, Defects())]
        widest = max(_width(ln.text, "DejaVu", BODY) + INDENT for ln in lines)
        if widest <= width:
            return lines
        rng.setstate(state)
        chars -= 1
    return lines


def _wrap(text: str, width: float, font: str, size: float) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and _width(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines


def _pdf(canvas: _Canvas) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    pdf = Canvas(out, pagesize=(WIDTH, HEIGHT), invariant=1)
    pdf.setLineWidth(0.6)
    for x0, y0, x1, y1 in canvas.frames:
        pdf.rect(x0, HEIGHT - y1, x1 - x0, y1 - y0)
    for x0, y0, x1, y1 in canvas.rules:
        pdf.line(x0, HEIGHT - y0, x1, HEIGHT - y1)
    for x, y, text, font, size in canvas.text:
        pdf.setFont(font, size)
        pdf.drawString(x, HEIGHT - y, text)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def rasterise(
    pdf: bytes, dpi: int = 200, noise: float = 12.0, seed: int = 0, tilt: float = 0.0
) -> bytes:
    """The page as a grey PNG scan at ``dpi`` with Gaussian noise and a slight darkening, laid
    on the glass ``tilt`` degrees askew (counter-clockwise)."""
    import pymupdf

    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        pix = doc[0].get_pixmap(dpi=dpi, colorspace="gray")
        img = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width)
    if tilt:
        from PIL import Image

        turned = Image.fromarray(img).rotate(
            tilt, Image.Resampling.BICUBIC, expand=True, fillcolor=255
        )
        img = np.asarray(turned)
    rng = np.random.default_rng(seed)
    noisy = np.clip(img.astype(np.float32) * 0.95 + rng.normal(0, noise, img.shape), 0, 255)
    height, width = img.shape
    out = pymupdf.Pixmap(pymupdf.csGRAY, width, height, noisy.astype(np.uint8).tobytes(), False)
    return out.tobytes("png")


def aged(png: bytes, paper: float = 150.0, ink: float = 40.0, quality: int = 80) -> bytes:
    """A scan as an old newspaper's comes: yellowed paper of grey level ``paper``, lit from one
    side (a sixth darker at the left), ink only as dark as ``ink``, saved as a colour JPEG."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as img:
        grey = np.asarray(img.convert("L"), dtype=np.float32)
    light = np.linspace(0.85, 1.0, grey.shape[1])[None, :]
    tone = (ink + grey / 255.0 * (paper - ink)) * light
    rgb = np.stack([tone, tone * 0.96, tone * 0.82], axis=-1).clip(0, 255).astype(np.uint8)
    out = io.BytesIO()
    Image.fromarray(rgb).save(out, format="JPEG", quality=quality)
    return out.getvalue()


def worn(png: bytes, wear: str, seed: int = 0, back: bytes | None = None) -> bytes:
    """A grey scan as worn copies come: ``blurred`` (out of focus, a Gaussian of 1.2 pixels at
    200 dpi, lighter than the ink threshold on an i's dot), ``dusty`` (a pixel in 2000 black, a
    bilevel scan's pepper) or ``shown through`` (the sheet's other side, ``back``, mirrored
    at an eighth of its darkness)."""
    from PIL import Image, ImageFilter

    with Image.open(io.BytesIO(png)) as img:
        grey = img.convert("L")
    if wear == "blurred":
        grey = grey.filter(ImageFilter.GaussianBlur(1.2))
    elif wear == "dusty":
        pixels = np.array(grey)
        pixels[np.random.default_rng(seed).random(pixels.shape) < 0.0005] = 0
        grey = Image.fromarray(pixels)
    elif wear == "shown through" and back is not None:
        with Image.open(io.BytesIO(back)) as img:
            other = img.convert("L").transpose(Image.Transpose.FLIP_LEFT_RIGHT).resize(grey.size)
        ink = 255 - np.asarray(other, dtype=np.float32)
        grey = Image.fromarray(np.clip(np.asarray(grey) - ink * 0.12, 0, 255).astype(np.uint8))
    else:
        raise ValueError(f"unknown wear: {wear!r}")
    out = io.BytesIO()
    grey.save(out, format="PNG")
    return out.getvalue()


def scan_all(pdf: bytes, dpi: int = 200, seed: int = 0) -> bytes:
    """Every page of ``pdf`` scanned as :func:`rasterise` scans one, in one multi-page TIFF (as
    archives keep a scanned issue)."""
    import pymupdf
    from PIL import Image

    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        count = doc.page_count
    frames = []
    for k in range(count):
        with pymupdf.open(stream=pdf, filetype="pdf") as doc:
            doc.select([k])
            one = doc.tobytes()
        frames.append(Image.open(io.BytesIO(rasterise(one, dpi=dpi, seed=seed + k))))
    out = io.BytesIO()
    frames[0].save(out, format="TIFF", save_all=True, append_images=frames[1:])
    return out.getvalue()


def page_text(gold: list[tuple[str, list[str]]]) -> str:
    return "\n\n".join("\n\n".join([title, *paras]) for title, paras in gold)
