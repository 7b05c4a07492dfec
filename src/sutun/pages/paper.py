"""A scanned page's paper made white and even, and cleared of what is not its print, before
anything reads it.

Old newsprint scans grey or yellow, a photographed page is lit unevenly, and its ink may be no
darker than grey. Tesseract binarises a page by one threshold (Otsu) and the page reader tells
ink from paper by one more (RULE_DARK): on such a page both take paper for ink in the darker
parts. Each pixel is divided by the paper's own brightness around it (estimated as the brightest
cell nearby, which a line of text never fills) and the ink then stretched to black: the usual
background normalisation of scan cleaners, here in Pillow and numpy. Specks of dust and the
print of the sheet's other side, shown through, go: Tesseract reads both as marks.
"""

from __future__ import annotations

import io

RULE_DARK = 128
"""Grey values below this are ink."""
FAINT_DARK = 200
"""Grey values below this may be faint ink (paper scans at 230 or more, with little noise)."""
CELLS = 400
"""The page is measured in about this many cells across (at 300 dpi, a cell of six pixels)."""
REACH = 9
"""Cells across the window the paper's brightness is the brightest of: wider than a headline's
stroke and a line of body text, so that some paper is always inside it."""
WHITE = 225
"""Paper at least this bright (0-255) over all but PAPER_SHARE percent of the page is taken as
it is."""
PAPER_SHARE = 10
"""Percent of a page that may be darker than white paper and leave it as it is: a photograph,
a dark corner."""
PHOTO_DARKER = 0.7
"""What is darker than this share of the page's paper is no paper: old newsprint lit from one
side is a sixth darker at its edge."""
INK = 96
"""Ink at least this dark (the page's darkest pixels) is taken as it is: well inside RULE_DARK.
A blurred scan's darkest ink is lighter than a sharp one's (60 to 0), and stretched, reads
worse."""
INK_SHARE = 0.05
"""Percent of a page's pixels taken for its darkest ink: text fills more than that, even three
lines of it on a page."""


def levelled(data: bytes) -> bytes:
    """The page image ``data`` with white, even paper and black ink, as an eight-bit grey PNG;
    ``data`` as it is (in eight-bit grey, on white) when its paper is white and its ink dark
    already."""
    import numpy as np
    from PIL import Image, ImageFilter

    with Image.open(io.BytesIO(data)) as img:
        redrawn = img.mode in WIDE_MODES or _see_through(img)
        grey = eight_bit_grey(img)
    step = max(1, grey.width // CELLS)
    cells = grey.reduce(step) if step > 1 else grey
    paper = cells.filter(ImageFilter.MaxFilter(REACH)).filter(ImageFilter.BoxBlur(REACH // 2))
    pixels = np.asarray(grey)
    bright = np.asarray(paper)
    if float(np.percentile(bright, PAPER_SHARE)) < WHITE or _darkest(pixels) > INK:
        even = np.asarray(paper.resize(grey.size, Image.Resampling.BILINEAR), dtype=np.float32)
        # What is far darker than the page's paper is no paper but a photograph (or a banner
        # of white letters on black): divided by the floor, it keeps its tones.
        floor = PHOTO_DARKER * float(np.median(bright))
        pixels = np.clip(pixels * (255.0 / np.maximum(even, floor)), 0, 255).astype(np.uint8)
        black = _darkest(pixels)
        if INK < black < FAINT_DARK:  # lighter, it is no ink but the paper's grain
            stretch = np.clip((np.arange(256) - black) * 255.0 / (255 - black), 0, 255)
            pixels = stretch.astype(np.uint8)[pixels]
        redrawn = True
    for stray in (_specks(pixels), _shown_through(pixels)):
        if stray.any():
            pixels = np.where(stray, 255, pixels).astype(np.uint8)
            redrawn = True
    return _png(Image.fromarray(pixels)) if redrawn else data


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


def _shown_through(pixels):
    """Faint ink with no ink near it, where a page holds much of it far from any: the print of
    the sheet's other side, shown through thin newsprint, which Tesseract reads as stops and
    quotes beside the words. A blurred scan's faint ink (an i's dot) stands near its letters."""
    import numpy as np

    dark = pixels < RULE_DARK
    faint = (pixels >= RULE_DARK) & (pixels < FAINT_DARK)
    if (faint & (_near(dark, SHOWN_REACH) == 0)).mean() < SHOWN_THROUGH:
        return np.zeros_like(faint)
    return faint & (_near(dark, INK_REACH) == 0)


SHOWN_THROUGH = 0.0015
"""The share of a page's pixels in faint ink SHOWN_REACH or more from ink that is another
page's print: at 200 dpi a sharp scan has 0.015 %, a blurred one 0.05 % at most, an eighth's
show-through 0.35 % or more."""
SHOWN_REACH = 6
"""Pixels from ink beyond which a blurred scan's faint ink hardly stands (at 200 dpi)."""
INK_REACH = 3
"""Pixels from ink within which faint ink is that ink's own edge, and stays."""


def _near(mask, reach: int):
    """How many of ``mask``'s pixels lie within ``reach`` of each (in a square)."""
    import numpy as np

    side = 2 * reach + 1
    sums = np.zeros((mask.shape[0] + side, mask.shape[1] + side), dtype=np.int32)
    sums[1:, 1:] = np.pad(mask, reach).cumsum(0, dtype=np.int32).cumsum(1)
    return sums[side:, side:] - sums[:-side, side:] - sums[side:, :-side] + sums[:-side, :-side]


def _specks(pixels):
    """Dark pixels with no more than SPECK others, even faint, within SPECK_REACH of them, where
    a page holds many: a scan's dust and a bilevel scan's salt-and-pepper, which Tesseract reads
    as stops, colons and quotes. The smallest mark printed, a full stop or an i's dot at 150
    dpi, has more."""
    import numpy as np

    dark = pixels < RULE_DARK
    if not dark.any():
        return dark
    # Not even faint ink round it: a dot whose ink is pale has a halo of it.
    found = dark & (_near(pixels < FAINT_DARK, SPECK_REACH) <= SPECK + 1)
    return found if found.mean() >= SPECKS else np.zeros_like(found)


SPECK = 1
"""Dark pixels a speck has besides the one asked about."""
SPECKS = 5e-5
"""The share of a page's pixels in specks that is dust: a few a page may be a small print's
dots (an i's at 100 dpi), and do little harm as marks."""
SPECK_REACH = 2
"""Pixels round a dark one in which a speck has no more."""


def _darkest(pixels) -> int:
    """The grey level (0-255) the darkest INK_SHARE percent of ``pixels`` reach."""
    import numpy as np

    counts = np.bincount(pixels.ravel(), minlength=256).cumsum()
    return int(np.searchsorted(counts, counts[-1] * INK_SHARE / 100))
