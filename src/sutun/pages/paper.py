"""A scanned page's paper made white and even before anything reads it.

Old newsprint scans grey or yellow, a photographed page is lit unevenly, and its ink may be no
darker than grey. Tesseract binarises a page by one threshold (Otsu) and the page reader tells
ink from paper by one more (``sources.RULE_DARK``): on such a page both take paper for ink in
the darker parts. Each pixel is divided by the paper's own brightness around it (estimated as
the brightest cell nearby, which a line of text never fills) and the ink then stretched to
black: the usual background normalisation of scan cleaners, here in Pillow and numpy.
"""

from __future__ import annotations

import io

CELLS = 400
"""The page is measured in about this many cells across (at 300 dpi, a cell of six pixels)."""
REACH = 9
"""Cells across the window the paper's brightness is the brightest of: wider than a headline's
stroke and a line of body text, so that some paper is always inside it."""
WHITE = 225
"""Paper at least this bright everywhere (its darkest cell, 0-255) is taken as it is."""
INK = 60
"""Ink at least this dark (the page's darkest pixels) is taken as it is."""
INK_SHARE = 0.5
"""Percent of a page's pixels taken for its darkest ink: text fills far more than that."""


def levelled(data: bytes) -> bytes:
    """The page image ``data`` with white, even paper and black ink, as an eight-bit grey PNG;
    ``data`` as it is (in eight-bit grey, on white) when its paper is white and its ink dark
    already."""
    import numpy as np
    from PIL import Image, ImageFilter

    with Image.open(io.BytesIO(data)) as img:
        redrawn = img.mode in WIDE_MODES or _see_through(img)
        grey = eight_bit_grey(img)
    width, height = grey.size
    step = max(1, width // CELLS)
    cells = grey.reduce(step) if step > 1 else grey
    paper = cells.filter(ImageFilter.MaxFilter(REACH)).filter(ImageFilter.BoxBlur(REACH // 2))
    pixels = np.asarray(grey)
    if float(np.asarray(paper).min()) >= WHITE and _darkest(pixels) <= INK:
        return _png(grey) if redrawn else data
    even = np.asarray(paper.resize((width, height), Image.Resampling.BILINEAR), dtype=np.float32)
    flat = np.clip(pixels * (255.0 / np.maximum(even, 1.0)), 0, 255).astype(np.uint8)
    black = min(_darkest(flat), 254)
    if black > INK:
        stretch = np.clip((np.arange(256) - black) * 255.0 / (255 - black), 0, 255)
        flat = stretch.astype(np.uint8)[flat]
    return _png(Image.fromarray(flat))


def _png(img) -> bytes:
    out = io.BytesIO()
    img.save(out, format="PNG", compress_level=1)  # Tesseract reads it once: fast over small
    return out.getvalue()


WIDE_MODES = frozenset({"I;16", "I;16B", "I;16L", "I;16N", "I", "F"})
"""Pillow's modes of more than eight bits a grey level: an archive's 16-bit scan. Pillow
converts them to eight bits by clipping (all paper, and most ink, comes out white)."""


def _see_through(img) -> bool:
    return "A" in img.getbands() or (img.mode == "P" and "transparency" in img.info)


def eight_bit_grey(img):
    """``img`` in eight-bit grey: more bits scaled down, and what is see-through laid on white
    paper (Pillow drops the alpha, and a transparent page's pixels are mostly black)."""
    import numpy as np
    from PIL import Image

    if img.mode in WIDE_MODES:
        levels = np.asarray(img, dtype=np.float32)
        top = 65535.0 if levels.max() > 255 else 255.0
        return Image.fromarray((levels * (255.0 / top)).clip(0, 255).astype(np.uint8))
    if _see_through(img):
        rgba = img.convert("RGBA")
        return Image.alpha_composite(Image.new("RGBA", rgba.size, "white"), rgba).convert("L")
    return img.convert("L")


def _darkest(pixels) -> int:
    """The grey level (0-255) the darkest INK_SHARE percent of ``pixels`` reach."""
    import numpy as np

    counts = np.bincount(pixels.ravel(), minlength=256).cumsum()
    return int(np.searchsorted(counts, counts[-1] * INK_SHARE / 100))
