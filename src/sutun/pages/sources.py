"""Word boxes from a PDF's text layer (PyMuPDF) or from Tesseract's TSV for images."""

from __future__ import annotations

import bisect
import csv
import difflib
import io
import itertools
import math
import os
import shutil
import statistics
import struct
import subprocess
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import regex

from sutun.lang.alphabet import lower
from sutun.pages import paper
from sutun.pages.layout import Word
from sutun.pages.paper import FAINT_DARK, RULE_DARK
from sutun.steps.evidence import CLOSED_END, OPENING_QUOTES

# Type3 fonts without a ToUnicode map come out as Latin-1 symbols and C1 controls (Mºsºlº).
GARBLED = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]|[º³²¹¶¤ª¬]")
OCR_DPI = 300
OCR_TIMEOUT = 120


def garbled(text: str) -> bool:
    """Too many characters a text layer only holds when a font has no usable ToUnicode map."""
    letters = sum(ch.isalpha() for ch in text)
    return letters > 20 and len(GARBLED.findall(text)) > 0.02 * letters


def pdf_words(page) -> list[Word]:
    """Words of a PyMuPDF page with their boxes, font size and weight."""
    out = []
    data = page.get_text("rawdict", flags=0)
    for block in data.get("blocks", []):
        for line in block.get("lines", []):
            if line.get("dir", (1, 0))[1] != 0:
                continue  # rotated text: not article body
            words = []
            for span in line.get("spans", []):
                bold = bool(span.get("flags", 0) & 16) or "Bold" in span.get("font", "")
                words.extend(_span_words(span, bold))
            out.extend(_touching_joined(words))
    return out


def _touching_joined(words: list[Word]) -> list[Word]:
    """Words of one line whose glyphs touch across a change of font are one word (a formula's
    𝑥 and the suffix typed after it, 𝑥-ə; a number set apart, 5-dən); not a smaller one
    (a footnote mark)."""
    out: list[Word] = []
    for w in words:
        last = out[-1] if out else None
        if (
            last is not None
            and -0.1 * w.size < w.x0 - last.x1 < 0.05 * w.size
            and abs(w.size - last.size) < 0.1 * w.size
        ):
            out[-1] = Word(
                last.x0,
                min(last.y0, w.y0),
                w.x1,
                max(last.y1, w.y1),
                last.text + w.text,
                last.size,
                last.bold,
            )
        else:
            out.append(w)
    return out


def _span_words(span: dict, bold: bool) -> list[Word]:
    words, chars = [], []
    raw = span.get("chars", [])
    for k, ch in enumerate([*raw, None]):
        if ch is not None and ch["c"].isspace() and _inside_a_word(raw, k, span["size"]):
            continue
        if ch is None or ch["c"].isspace():
            if chars:
                x0 = min(c["bbox"][0] for c in chars)
                y0 = min(c["bbox"][1] for c in chars)
                x1 = max(c["bbox"][2] for c in chars)
                y1 = max(c["bbox"][3] for c in chars)
                text = "".join(c["c"] for c in chars)
                words.append(Word(x0, y0, x1, y1, text, span["size"], bold))
                chars = []
        else:
            chars.append(ch)
    return words


def _inside_a_word(chars: list[dict], k: int, size: float) -> bool:
    """A space of no width between letters that touch (Word's stand-in glyph for İ leaves one:
    "İ nformatika"): no word break."""
    if not 0 < k < len(chars) - 1:
        return False
    before, space, after = chars[k - 1], chars[k], chars[k + 1]
    width = space["bbox"][2] - space["bbox"][0]
    gap = after["bbox"][0] - before["bbox"][2]
    return width < 0.05 * size and gap < 0.05 * size and not after["c"].isspace()


TALL = set("bdfhklt" + "ijöüğ" + "0123456789")  # capitals too, by isupper()
DEEP = set("gjpqyçşğÇŞ")


def glyph_extent(text: str) -> float:
    """How much of the font size a word's ink spans: x-height letters (``ənən``) about half,
    with ascenders or capitals about three quarters, with descenders too nearly all of it. A scan's
    word box divided by this is the word's font size."""
    chars = [ch for ch in text if ch.isalnum()]
    if not chars:
        return 0.75
    top = 0.75 if any(ch in TALL or ch.isupper() for ch in chars) else 0.55
    bottom = 0.22 if any(ch in DEEP for ch in chars) else 0.0
    return top + bottom


NARROW = set("iljıfrtI1.,:;'\"!|()[]-")
WIDE = set("mwMWŞÇ")


def glyph_advance(text: str) -> float:
    """A word's width in font sizes, from rough letter widths of a sans-serif font."""
    total = 0.0
    for ch in text:
        if ch in NARROW:
            total += 0.3
        elif ch in WIDE:
            total += 0.85
        elif ch.isupper() or ch.isdigit():
            total += 0.65
        else:
            total += 0.56
    return max(total, 0.3)


def word_size(width: float, height: float, text: str) -> float:
    """A scanned word's font size from its box: its height over its glyphs' extent, bounded by
    its width over their advance (a box can run into the next line on a crowded scan)."""
    return min(height / glyph_extent(text), width / glyph_advance(text))


def tesseract_env() -> dict[str, str]:
    """Tesseract's OpenMP threads spin against each other on a small machine (a page takes 13 s
    instead of 2 on two cores): one thread each, parallel over pages instead."""
    return {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}


LSTM_UNICHARSET = 21
"""The LSTM model's character set: entry 21 of a ``.traineddata`` file (Tesseract's
``TessdataType``; ``combine_tessdata -u`` unpacks it as ``*.lstm-unicharset``)."""


@lru_cache(maxsize=8)
def model_charset(language: str) -> frozenset[str] | None:
    """Every character the installed Tesseract models for ``language`` (``aze``, ``aze+eng``)
    can output, or None when a model cannot be read. Debian's Azerbaijani model has no j, w, %
    or !: what it prints for them is a misreading, whatever the page."""
    if shutil.which("tesseract") is None:
        return None
    listing = subprocess.run(
        ["tesseract", "--list-langs"], capture_output=True, timeout=30, env=tesseract_env()
    ).stdout.decode("utf-8", "replace")
    folder = listing.split('"')[1] if listing.count('"') >= 2 else ""
    out: set[str] = set()
    for code in language.split("+"):
        chars = _lstm_charset(Path(folder) / f"{code}.traineddata")
        if chars is None:
            return None
        out |= chars
    return frozenset(out)


def _lstm_charset(path: Path) -> set[str] | None:
    # No Python package reads .traineddata; its table of contents is a count and 64-bit offsets.
    try:
        data = path.read_bytes()
        (count,) = struct.unpack_from("<i", data)
        offsets = struct.unpack_from(f"<{count}q", data, 4)
    except (OSError, struct.error):
        return None
    if count <= LSTM_UNICHARSET or offsets[LSTM_UNICHARSET] < 0:
        return None
    start = offsets[LSTM_UNICHARSET]
    end = min((o for o in offsets[LSTM_UNICHARSET + 1 :] if o > start), default=len(data))
    lines = data[start:end].decode("utf-8", "replace").splitlines()[1:]
    return {line.split(" ", 1)[0] for line in lines if line}


class Scan(NamedTuple):
    """A page image as Tesseract read it: words, page width and height, and where pictures are
    (x0, y0, x1, y1)."""

    words: list[Word]
    width: float
    height: float
    pictures: list[tuple[float, float, float, float]]


def read_scan(image: Path | bytes, language: str = "aze") -> Scan:
    """A page image (path or PNG bytes) read by Tesseract, turned the right way up and level.
    What Tesseract's layout analysis takes for a photograph holds no words (whatever it reads
    there is the picture's grain)."""
    if shutil.which("tesseract") is None:
        raise RuntimeError("tesseract is not installed (make demo installs tesseract-ocr-aze)")
    data = paper.levelled(image.read_bytes() if isinstance(image, Path) else image)
    data, (boxes, width, height, _, pictures) = _upright(data, language)
    angle = skew(boxes)
    if abs(angle) >= REREAD_SKEW:
        # Tesseract misreads letters on tilted lines (P inella, Sİ-lah): the page is turned
        # level and read again, its boxes put back in the page's own frame.
        level, dx, dy = _turned(data, angle)
        again = _tesseract_boxes(level, language)
        first = deskewed(boxes, width, height, angle)
        found = _completed(level, again[0], again[4], language)
        boxes = [(x - dx, y - dy, *rest) for x, y, *rest in found]
        pictures = [(x0 - dx, y0 - dy, x1 - dx, y1 - dy) for x0, y0, x1, y1 in again[4]]
        angle = skew(boxes)  # what the turn left over
        if _letters(boxes) < REREAD_KEEPS * _letters(first):
            # Tesseract lost a block of the turned page (a boxed article's column): the first
            # reading's words where the second has none are kept, turned level.
            boxes += _unread(first, boxes)
    else:
        boxes = _completed(data, boxes, pictures, language)
    boxes = [b for b in boxes if not _in_picture(b, pictures)]
    words = []
    lines: dict[tuple[str, ...], list[Word]] = {}
    for x, y, w, h, text, key in deskewed(boxes, width, height, angle):
        words.append(Word(x, y, x + w, y + h, text, word_size(w, h, text)))
        lines.setdefault(key, []).append(words[-1])
    charset = model_charset(language)
    if charset is not None and EN_DASH not in charset:
        for line in lines.values():
            _en_dashes(line)
    for line in lines.values():
        _punctuation_sized(line)
    return Scan(_without_specks(words), width, height, pictures)


def _punctuation_sized(line: list[Word]) -> None:
    """A mark without letters or digits takes the size of its line's words: measured on its own
    box it reads as large as a headline when the OCR misread another glyph for it (a bullet `•`
    read as a quote `"`, whose own glyph is a third of the type's height)."""
    sizes = [w.size for w in line if any(ch.isalnum() for ch in w.text)]
    if not sizes:
        return
    size = statistics.median(sizes)
    for w in line:
        if not any(ch.isalnum() for ch in w.text) and w.size > size:
            w.size = size


def _in_picture(box: Box, pictures: list[tuple[float, float, float, float]]) -> bool:
    x, y, w, h = box[:4]
    cx, cy = x + w / 2, y + h / 2
    return any(x0 <= cx <= x1 and y0 <= cy <= y1 for x0, y0, x1, y1 in pictures)


def image_pages(path: Path) -> int:
    """How many pages an image holds (a TIFF of a scanned issue has many); 1 for a file Pillow
    cannot open (Tesseract reads it as it is, or says what is wrong)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as img:
            return getattr(img, "n_frames", 1)
    except (UnidentifiedImageError, OSError):
        return 1


def image_page(path: Path, n: int) -> bytes:
    """Page ``n`` (1-based) of a multi-page image, as a grey PNG."""
    from PIL import Image

    with Image.open(path) as img:
        img.seek(n - 1)
        return _png(paper.eight_bit_grey(img))


def _png(img) -> bytes:
    """A Pillow image as PNG bytes (what Tesseract is given)."""
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()


def _upright(data: bytes, language: str) -> tuple[bytes, Read]:
    """The image the right way up, and Tesseract's reading of it. A page scanned on its side or
    upside down reads as words of low confidence, or in boxes standing upright (Tesseract reads
    a page turned a quarter as lines running down): Tesseract's orientation detection names the
    turn (it confuses a quarter turn with three), and the turn read most confidently, lines
    level, wins."""
    read = _tesseract_boxes(data, language)
    if read[3] >= UPRIGHT_CONFIDENCE and not _standing(read[0]):
        return data, read
    best = (_confidence(read), data, read)
    for turn in _orientation_turns(data):
        turned = _quarter_turned(data, turn)
        again = _tesseract_boxes(turned, language)
        if _confidence(again) > best[0] + TURN_GAIN:
            best = (_confidence(again), turned, again)
        if best[0] >= UPRIGHT_CONFIDENCE:
            break
    return best[1], best[2]


UPRIGHT_CONFIDENCE = 60.0
"""Tesseract's mean word confidence (0-100) on a page the right way up is 90 or more on a fair
scan; 30 on one upside down or on its side."""
TURN_GAIN = 20.0
"""How much more confident a turned page's reading must be to be taken."""


def _confidence(read: Read) -> float:
    return 0.0 if _standing(read[0]) else read[3]


def _standing(boxes: list[Box]) -> bool:
    """Whether most words of three letters or more stand in boxes taller than wide."""
    long = [(w, h) for _, _, w, h, text, _ in boxes if len(text) >= 3]
    return bool(long) and sum(h > STANDING * w for w, h in long) > len(long) / 2


STANDING = 1.5
"""How many times taller than wide a word's box stands when its line runs down the page."""


def _orientation_turns(data: bytes) -> list[int]:
    """Quarter turns (clockwise degrees) to try, from ``tesseract --psm 0`` (whose "Rotate" is
    counter-clockwise); none when it cannot tell (too few letters to turn a page by)."""
    proc = subprocess.run(
        ["tesseract", "-", "-", "--psm", "0"],
        input=data,
        capture_output=True,
        timeout=OCR_TIMEOUT,
        env=tesseract_env(),
    )
    found = regex.search(r"Rotate: (\d+)", proc.stdout.decode("utf-8", "replace"))
    if proc.returncode != 0 or found is None:
        return []
    turn = (360 - int(found.group(1))) % 360
    return {0: [], 180: [180]}.get(turn, [turn, 360 - turn])


def _quarter_turned(data: bytes, clockwise: int) -> bytes:
    """The image in grey, turned clockwise by a multiple of 90 degrees (no pixel resampled)."""
    from PIL import Image

    how = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180}
    with Image.open(io.BytesIO(data)) as img:
        return _png(img.convert("L").transpose(how.get(clockwise, Image.Transpose.ROTATE_90)))


def _tesseract_boxes(data: bytes, language: str, psm: int = 3) -> Read:
    """The word boxes of ``tesseract … tsv`` on an image, with the image's width and height,
    the words' mean confidence (0-100) and the photographs of its hOCR, read in the same run.
    ``psm``: Tesseract's page segmentation mode (3: columns and blocks; 11: words anywhere).
    Words read with little confidence are read again alone, and what the OCR model cannot print
    is read from the glyphs."""
    boxes, confidences, width, height, pictures = _tesseract_read(data, language, psm)
    if psm == 3 and pictures:
        pictures = _pictures_read(boxes, confidences, pictures)
    confidence = statistics.fmean(confidences) if confidences else 0.0
    dark, faint, _ = _inks(data)
    if psm == 3 and confidence >= UPRIGHT_CONFIDENCE:  # not a page on its side
        boxes = _doubtful_read_again(data, boxes, confidences, language, dark)
    charset = model_charset(language) or ""
    if charset and "j" not in charset:
        boxes = [_descenders_read(b, dark) for b in boxes]
    if charset and "w" not in charset:
        boxes = [_w_read(b, dark) for b in boxes]
    if charset and "%" not in charset:
        boxes = [_percent_read(b, dark) for b in boxes]
    if charset and "ı" in charset:
        boxes = [_dots_read(b, dark, faint) for b in boxes]
    boxes = [_stop_read(b, dark, faint) for b in boxes]
    if charset and EN_DASH not in charset:
        boxes = [_dash_read(b, dark) for b in boxes]
    found = _rules_in(dark)
    kept = [b for b in boxes if not _on_a_rule(b, found)]
    return _small_letters(_to_inks(kept, dark), dark), width, height, confidence, pictures


def _to_inks(boxes: list[Box], dark) -> list[Box]:
    """:func:`_to_ink` for each box, right to left along each line: where the next word's
    letters start, with that box moved already (Tesseract misplaces a run of a line's words
    together: `ki sıfıra` boxed a third of an em left of their letters, beside a gutter)."""
    out = list(boxes)
    for k in range(len(out) - 1, -1, -1):
        nxt = out[k + 1] if k + 1 < len(out) else None
        out[k] = _to_ink(out[k], dark, nxt[0] if nxt and nxt[5] == out[k][5] else math.inf)
    return out


def _tesseract_read(
    data: bytes, language: str, psm: int
) -> tuple[list[Box], list[float], float, float, list[tuple[float, float, float, float]]]:
    """Tesseract's words as it read them: boxes, each word's confidence (0-100), the image's
    width and height, and the photographs of its hOCR."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "page"
        args = ["tesseract", "-", str(out), "-l", language, "--psm", str(psm), "tsv", "hocr"]
        proc = subprocess.run(
            args, input=data, capture_output=True, timeout=OCR_TIMEOUT, env=tesseract_env()
        )
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr.decode("utf-8", "replace").strip()[:300])
        tsv = out.with_suffix(".tsv").read_text(encoding="utf-8")
        hocr = out.with_suffix(".hocr").read_text(encoding="utf-8")
    pictures = [tuple(float(v) for v in m.groups()) for m in PHOTO.finditer(hocr)]
    boxes: list[Box] = []
    confidences: list[float] = []
    width = height = 0.0
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=3):
        if row.get("level") == "1":
            width, height = float(row["width"]), float(row["height"])
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text or float(row.get("conf") or -1) < 0:
            continue
        x, y, w, h = (float(row[k]) for k in ("left", "top", "width", "height"))
        key = tuple(row.get(k, "") for k in ("block_num", "par_num", "line_num"))
        boxes.append((x, y, w, h, text, key))
        confidences.append(float(row["conf"]))
    return boxes, confidences, width, height, pictures


def _pictures_read(
    boxes: list[Box], confidences: list[float], pictures: list[tuple[float, float, float, float]]
) -> list[tuple[float, float, float, float]]:
    """The photographs of Tesseract's layout analysis that are none: Tesseract reads on in the
    blocks of a region it took for one, and where those words are text it is sure of (a blurred
    scan's columns, taken for a picture whole), the region is no photograph."""
    kept = []
    for picture in pictures:
        sure = [c for b, c in zip(boxes, confidences, strict=True) if _in_picture(b, [picture])]
        if len(sure) < PICTURE_WORDS or statistics.fmean(sure) < UPRIGHT_CONFIDENCE:
            kept.append(picture)
    return kept


PICTURE_WORDS = 10
"""Words Tesseract must read in a photograph for it to be taken for text (a photograph's grain
reads as a few, of little confidence)."""


def _doubtful_read_again(
    data: bytes, boxes: list[Box], confidences: list[float], language: str, dark
) -> list[Box]:
    """Words Tesseract read with little confidence, read again each cut out alone: on the page,
    ink of the lines around a word (a descender above, a dot below) reads into it (öistəyirdi-,
    MecdGregor-un, gonra for sonra). The second reading is taken where Tesseract is sure of it,
    and was not of the first, and it reads the same glyphs otherwise. So are the words whose
    first glyph the first reading left out (:func:`_leads_left_out`), cut from that glyph on."""
    import numpy as np
    from PIL import Image

    doubtful = [
        k
        for k, (box, conf) in enumerate(zip(boxes, confidences, strict=True))
        if conf < DOUBTFUL and sum(ch.isalnum() for ch in box[4]) >= 2
    ]
    leads = _leads_left_out(boxes, dark)
    if not doubtful and not leads:
        return boxes
    with Image.open(io.BytesIO(data)) as img:
        grey = np.array(img.convert("L"))
    out = list(boxes)
    for k, text, conf, cut in _read_each_alone(grey, dark, boxes, doubtful, language):
        first = boxes[k][4]
        glyphs = len(_glyph_columns(cut < RULE_DARK))
        if conf >= max(DOUBTFUL, confidences[k] + REREAD_GAIN) and _read_better(
            first, text, glyphs
        ):
            out[k] = (*boxes[k][:4], _merged(first, text), boxes[k][5])
    # Cut out from where the glyph starts, on sheets of their own: Tesseract reads a word on a
    # sheet by the others there.
    wider = list(boxes)
    for k, lead in leads.items():
        x, y, w, h, first, key = boxes[k]
        wider[k] = (float(lead), y, x + w - lead, h, first, key)
    for k, text, conf, _ in _read_each_alone(grey, dark, wider, sorted(leads), language):
        if out[k] == boxes[k] and conf >= DOUBTFUL and _lead_read(boxes[k][4], text):
            out[k] = (*wider[k][:4], text, wider[k][5])
    return out


def _read_each_alone(
    grey, dark, boxes: list[Box], some: list[int], language: str
) -> Iterator[tuple[int, str, float, Any]]:
    """(index, reading, confidence, cut) for each of the words ``some`` cut out and read alone
    as one word, SHEET_WORDS to a sheet."""
    for start in range(0, len(some), SHEET_WORDS):
        part = some[start : start + SHEET_WORDS]
        cuts = [_cut_out(grey, dark, boxes[k]) for k in part]
        for k, cut, words in zip(part, cuts, _read_alone(cuts, language), strict=True):
            if len(words) == 1:
                yield k, words[0][0], words[0][1], cut


def _leads_left_out(boxes: list[Box], dark) -> dict[int, int]:
    """The words whose first glyph Tesseract left out of its box and its reading (lərdən,
    keçən read ərdən, eçən at a column's edge, (Riversayd) read Riversayd)), each with the
    column that glyph starts at: ink in the box's rows that ends a letter's gap or less before
    its letters, no wider than a glyph, through the middle of those rows (a letter's), with paper
    before it and in no other box."""
    # A line's type size: one short word's box is no measure of it (il).
    sizes: dict[tuple[str, ...], list[float]] = {}
    for _, _, w, h, text, key in boxes:
        sizes.setdefault(key, []).append(word_size(w, h, text))
    line_size = {key: statistics.median(found) for key, found in sizes.items()}
    out = {}
    for k, (x, y, w, h, text, key) in enumerate(boxes):
        if not text[:1].isalnum():
            continue
        size = line_size[key]
        rows = dark[int(y) : math.ceil(y + h)]
        own = rows[:, int(x) : math.ceil(x + w)].any(axis=0)
        if not own.any():
            continue
        # From its letters' ink, which a box may start before.
        start = int(x) + int(own.argmax())
        reach, widest = math.ceil(LETTER_GAP * size), math.ceil(LEAD_WIDTH * size)
        lo = max(0, start - reach - widest - 1)
        inked = rows[:, lo:start].any(axis=0)
        end = len(inked)
        while end > len(inked) - reach and end and not inked[end - 1]:
            end -= 1  # the paper between that glyph and the box
        lead = end
        while lead > end - widest and lead and inked[lead - 1]:
            lead -= 1
        if end == len(inked) - reach or lead == end or not lead or inked[lead - 1]:
            continue  # no ink there, or more than a glyph's (the word before's letters)
        if not rows[int(MIDDLE[0] * h) : math.ceil(MIDDLE[1] * h), lo + lead : lo + end].any():
            continue  # a mark over or under the line (a quote, a comma)
        middle = y + h / 2
        if not any(
            bx < lo + end and lo + lead < bx + bw and by <= middle <= by + bh
            for j, (bx, by, bw, bh, *_) in enumerate(boxes)
            if j != k
        ):
            out[k] = lo + lead
    return out


def _lead_read(first: str, alone: str) -> bool:
    """Whether a word read alone is its first reading with the glyph it left out before it: a
    letter, or an opening bracket or quote. The first reading may have taken its first letter
    for the capital of its shape, as a word's first (ki, read İ,)."""
    added, rest = alone[: len(alone) - len(first)], alone[len(alone) - len(first) :]
    small = SMALL_TWINS.get(first[:1], first[:1]) + first[1:]
    return (
        len(alone) == len(first) + 1
        and rest in (first, small)
        and (added.isalpha() or added in OPENING_QUOTES)
    )


LEAD_WIDTH = 0.6
"""The widest a glyph left out before a word stands, in font sizes."""


def _read_alone(crops: list, language: str) -> list[list[tuple[str, float]]]:
    """The words Tesseract reads, with its confidence, on each of ``crops`` (grey arrays), set
    one under another on a sheet read at once (a run of Tesseract per word would cost its
    start each time)."""
    import numpy as np
    from PIL import Image

    gap = max(c.shape[0] for c in crops)
    tops = list(itertools.accumulate((c.shape[0] + gap for c in crops), initial=gap))
    sheet = np.full((tops[-1], max(c.shape[1] for c in crops) + 2 * gap), 255, dtype=np.uint8)
    for crop, top in zip(crops, tops, strict=False):
        sheet[top : top + crop.shape[0], gap : gap + crop.shape[1]] = crop
    read, confidences, *_ = _tesseract_read(_png(Image.fromarray(sheet)), language, psm=6)
    found: list[list[tuple[str, float]]] = [[] for _ in crops]
    for (_, y, _, h, text, _), conf in zip(read, confidences, strict=True):
        slot = bisect.bisect_right(tops, y + h / 2) - 1
        if 0 <= slot < len(crops) and y + h / 2 <= tops[slot] + crops[slot].shape[0]:
            found[slot].append((text, conf))
    return found


def _read_better(first: str, alone: str, glyphs: int) -> bool:
    """Whether a word read alone reads the first reading's glyphs otherwise: the same word but
    for a few letters, with the same marks at its ends, none added (what the first reading saw
    no glyph for is another line's ink), none dropped unless the word's ink has fewer
    ``glyphs`` than the first reading has characters (alone, the OCR model leaves out a letter
    it cannot print: iurnalı for jurnalı read urnalı), and not only where a word alone cannot
    tell."""
    a, b = _alone_tells(first), _alone_tells(alone)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return (
        a != b
        and _end_marks(alone) == _end_marks(first)
        and matcher.ratio() >= REREAD_LIKE
        and all(op != "insert" for op, *_ in matcher.get_opcodes())
        and (len(b) >= len(a) or abs(glyphs - len(b)) < abs(glyphs - len(a)))
    )


def _cut_out(grey, dark, box: Box):
    """A word's letters cut from the page's grey pixels round its box, on white. Its letters
    are the ink through the middle of its box, and the letters that follow within a letter's
    gap (a box may cut a word short: əsa|s); beside them, the marks that stand apart over,
    under and after them (a capital's dots, which a box may leave out, a comma); not the ink
    that runs on past the cut (the lines above and below, the neighbours)."""
    import numpy as np

    x, y, w, h, *_ = box
    top, left = max(0, int(y - REREAD_ABOVE * h)), max(0, int(x - REREAD_SIDE * h))
    bottom = min(grey.shape[0], math.ceil(y + h + REREAD_BELOW * h))
    right = min(grey.shape[1], math.ceil(x + w + REREAD_SIDE * h))
    ink = dark[top:bottom, left:right]
    rows = slice(int(y + MIDDLE[0] * h) - top, math.ceil(y + MIDDLE[1] * h) - top)
    x0, x1 = int(x) - left, math.ceil(x + w) - left
    inked = np.flatnonzero(ink[rows].any(axis=0))
    own = inked[(inked >= x0) & (inked < x1)]
    if not own.size:
        return grey[int(y) : math.ceil(y + h), int(x) : math.ceil(x + w)]
    # A letter's gap: as the box's height measures it, or as wide as the widest in the box (a
    # box of small letters only is no taller than they are).
    reach = max(math.ceil(LETTER_GAP * h), int(np.diff(own).max(initial=1)))
    x0, x1 = int(own[0]), int(own[-1]) + 1
    while True:
        near = inked[
            ((inked >= x1) & (inked < x1 + reach)) | ((inked < x0) & (inked >= x0 - reach))
        ]
        if not near.size:
            break
        x0, x1 = min(x0, int(near[0])), max(x1, int(near[-1]) + 1)
    middle = np.zeros_like(ink)
    middle[rows, x0:x1] = ink[rows, x0:x1]
    letters = _grown(middle, ink)
    edges = np.zeros_like(ink)
    for edge in (np.s_[0, :], np.s_[-1, :], np.s_[:, 0], np.s_[:, -1]):
        edges[edge] = ink[edge]
    marks = ink & ~_grown(edges, ink)
    marks[:, :x0] = False
    marks[:, x1 + reach :] = False
    # with the grey rim round the ink, which Tesseract reads letters' edges by
    rim = _grown(letters | marks, np.ones_like(ink), steps=1)
    cut = np.where(rim, grey[top:bottom, left:right], 255).astype(np.uint8)
    ys, xs = np.flatnonzero(rim.any(axis=1)), np.flatnonzero(rim.any(axis=0))
    return cut[ys[0] : ys[-1] + 1, xs[0] : xs[-1] + 1]


def _grown(seed, within, steps: int | None = None):
    """``seed`` grown through the True pixels of ``within``, 8-connected: the parts of
    ``within`` it touches (all the way, or ``steps`` pixels)."""
    done = 0
    while steps is None or done < steps:
        grown = seed.copy()
        grown[1:] |= seed[:-1]
        grown[:-1] |= seed[1:]
        grown[:, 1:] |= grown[:, :-1].copy()
        grown[:, :-1] |= grown[:, 1:].copy()
        grown &= within
        if (grown == seed).all():
            break
        seed, done = grown, done + 1
    return seed


def _alone_tells(text: str) -> str:
    """``text`` as a word read alone tells it: letters whose case is told only by their size
    beside the line's other letters (o O, s S) in one case, the bars (i ı l I İ |) as one."""
    return lower(text, "aze").translate(BARS)


BARS = str.maketrans({c: "ı" for c in "il|"})
"""The bars, which a word read alone reads one for another, as one."""


def _merged(first: str, alone: str) -> str:
    """The word read alone, but in the case of the first reading where the two read the same
    letters up to what a word alone cannot tell (its line tells o from O). Where the first
    reading read a glyph twice, in both cases (sƏə-, Ssi-), the glyph is the small letter: ink
    of the line above makes a letter look taller, never shorter."""
    a, b = _alone_tells(first), _alone_tells(alone)
    if len(a) != len(first) or len(b) != len(alone):
        return alone
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            out.append(alone[j1:j2])
            continue
        for i in range(i1, i2):
            small = lower(first[i], "aze")
            twice = any(
                0 <= n < len(a) and first[n] != first[i] and lower(first[n], "aze") == small
                for n in (i - 1, i + 1)
            )
            out.append(small if twice else first[i])
    return "".join(out)


def _end_marks(text: str) -> tuple[str, str]:
    """The marks before a word's first letter or digit, and after its last."""
    found = END_MARKS.fullmatch(text)
    return (found.group(1), found.group(2)) if found else (text, "")


END_MARKS = regex.compile(r"([^\p{L}\p{N}]*).*?([^\p{L}\p{N}]*)", flags=regex.DOTALL)


DOUBTFUL = 60.0
"""Tesseract's confidence (0-100) in a word under which it is read again alone; a fair scan's
words are read at 90 or more."""
REREAD_GAIN = 20.0
"""How much more confident Tesseract must be of a word read alone for it to be taken."""
SHEET_WORDS = 40
"""Words read again on one sheet at most (a sheet of headline words stays within what
Tesseract reads in one image)."""
REREAD_LIKE = 0.5
"""How alike a word read alone and its first reading must be (difflib's ratio): the same word,
a few letters apart, not another one."""
REREAD_ABOVE, REREAD_BELOW, REREAD_SIDE = 0.35, 0.15, 3.0
"""How far past a doubtful word's box it is cut out, in heights of the box: over it, a
capital's dots; beside it, letters the box cut short."""
MIDDLE = (0.3, 0.7)
"""The rows of a word's box, as shares of its height, that every letter of it crosses (its
x-height), and a descender of the line above does not reach."""


def _completed(
    data: bytes, boxes: list[Box], pictures: list[tuple[float, float, float, float]], language: str
) -> list[Box]:
    """The boxes of the reading a page's words are taken from, each ending at its letters, and
    the words that reading left out."""
    dark, faint, grey = _inks(data)
    read = [_dash_measured(b, grey) if b[4] == "-" else b for b in _to_letters(boxes, dark)]
    return read + _missed(dark, boxes, pictures, language, _ruled(faint))


def _dash_measured(box: Box, grey) -> Box:
    """A lone hyphen's box as wide as its dash's ink at half the dash's darkness against the
    paper beside it: out of focus, a dash is darker than RULE_DARK over less of its length (an
    en dash then measures as a hyphen, :func:`_en_dashes`); in focus, over all of it."""
    x, y, w, h, text, key = box
    margin = 2 * max(w, h)
    lo, hi = max(0, int(x - margin)), min(grey.shape[1], int(x + w + margin) + 1)
    profile = grey[max(0, int(y) - 2) : int(y + h) + 2, lo:hi].min(axis=0).astype(int)
    inside = profile[int(x) - lo : int(x + w) - lo]
    if not len(inside) or inside.min() >= FAINT_DARK:
        return box
    peak = int(x) - lo + int(inside.argmin())
    half = (profile[peak] + profile.max()) / 2
    a = b = peak
    while a > 0 and profile[a - 1] < half:
        a -= 1
    while b + 1 < len(profile) and profile[b + 1] < half:
        b += 1
    return (float(lo + a), y, float(b + 1 - a), h, text, key)


def _ruled(faint) -> list[tuple[int, int, int, int]]:
    """The lines of a page, down it and across it, as (x0, y0, x1, y1), found in its ``faint``
    ink: a blurred scan's thin rules are lighter than its letters."""
    return _rules_in(faint) + [(x0, y0, x1, y1) for y0, x0, y1, x1 in _rules_in(faint.T)]


def _missed(
    dark,
    boxes: list[Box],
    pictures: list[tuple[float, float, float, float]],
    language: str,
    lines: list[tuple[int, int, int, int]] | None = None,
) -> list[Box]:
    """Words Tesseract's reading of the page left out (in narrow justified columns it drops
    words that rivers of spaces set apart: lib olan və ha-): the page read again word by word,
    in black and white (else the grain of a page's paper turns to glyphs once its words are
    gone) with the words read, the photographs and the page's ``lines`` painted out (the ink of
    a faint rule reads as dashes). Not a word within a letter's gap of a word read: a box may
    leave a letter's edge out (qədə|r), which reads as a glyph of its own; nor one too small to
    be a word (a speck)."""
    import numpy as np
    from PIL import Image

    if not boxes:
        return []
    painted = np.zeros_like(dark)
    for x, y, w, h, *_ in boxes:
        m = max(2, math.ceil(MISSED_MARGIN * h))
        painted[max(0, int(y) - m) : int(y + h) + m, max(0, int(x) - m) : int(x + w) + m] = True
    for x0, y0, x1, y1 in pictures:
        painted[int(y0) : int(y1), int(x0) : int(x1)] = True
    for x0, y0, x1, y1 in lines or []:
        painted[y0:y1, x0:x1] = True
    page = np.where(dark & ~painted, 0, 255).astype(np.uint8)
    found = _tesseract_boxes(_png(Image.fromarray(page)), language, psm=11)[0]
    height = statistics.median(b[3] for b in boxes)
    reach = math.ceil(LETTER_GAP * height)
    read_ink = dark & painted
    out = []
    for x, y, w, h, text, key in found:
        near = read_ink[int(y) : int(y + h), max(0, int(x) - reach) : int(x + w) + reach]
        if h >= MISSED_LEAST * height and not near.any():
            out.append((x, y, w, h, text, ("missed", *key)))
    return out


MISSED_MARGIN = 0.1
"""How far round a word read, in its box's heights, the page is painted out."""
MISSED_LEAST = 0.4
"""The smallest word read again, in heights of the page's median word box."""


def _inks(data: bytes):
    """The image's ink and its faint ink (a blurred scan's dots and rules), read at once: boolean
    arrays, True where a pixel is darker than RULE_DARK and than FAINT_DARK; and its grey."""
    import numpy as np
    from PIL import Image

    with Image.open(io.BytesIO(data)) as img:
        grey = np.array(img.convert("L"))
    return grey < RULE_DARK, grey < FAINT_DARK, grey


def _to_ink(box: Box, dark, next_x: float = math.inf) -> Box:
    """A word's box where its ink is. Tesseract's box may take in paper left of the letters (a
    line's first word starting up to an em early, into the gutter beside it), or stand wholly
    too far left (the words of a line it read on from one column into the next): then its
    letters' ink goes on past its right edge, and it moves right as it is, up to the next
    word's box on its line (at ``next_x``). Neither where that leaves it narrower than its
    letters are tall (the next box is misplaced too), nor where the paper's trimmed off would:
    its right edge cut into its letters."""
    x, y, w, h, text, key = box
    band = dark[int(y) : int(y + h)]
    inked = band[:, int(x) : int(x + w)].any(axis=0)
    if not inked.any():
        return _onto_ink_after(box, band, next_x)
    first = int(inked.argmax())
    _, tall = _rows_inked(band[:, int(x) + first : int(x + w)])
    reach = math.ceil(LETTER_GAP * tall)
    if first >= reach and band[:, int(x + w) : int(x + w) + reach].any():
        moved = min(w, next_x - x - first)
        top, tall = _rows_inked(band[:, int(x) + first : int(x + first + moved)])
        if not tall or moved < MOVED_WIDTH * tall / glyph_extent(text) * glyph_advance(text):
            return box
        # Misplaced, the box is no measure of its letters' height either.
        return (x + first, y + top, moved, tall, text, key)
    if first and w - first >= h:
        return (x + first, y, w - first, h, text, key)
    return box


MOVED_WIDTH = 0.8
"""A moved box must stay this share of its text's width at its letters' height at least."""


def _onto_ink_after(box: Box, band, next_x: float) -> Box:
    """A box with no ink in it, its letters' ink starting where it ends (Tesseract set it a
    whole word's width too far left: the `1` of `Subtask 1`), moved onto that ink, as wide as
    it was, up to the next box."""
    x, y, w, h, text, key = box
    reach = math.ceil(LETTER_GAP * h)
    after = band[:, int(x + w) : int(min(x + w + reach, next_x))].any(axis=0)
    if not after.any():
        return box
    start = int(x + w) + int(after.argmax())
    wide = min(w, next_x - start)
    top, tall = _rows_inked(band[:, start : int(start + wide)])
    if not tall:
        return box
    return (float(start), y + top, wide, tall, text, key)


def _to_letters(boxes: list[Box], dark) -> list[Box]:
    """Boxes that reach well above or below their letters (into the space between two lines,
    where they join the next line's words in a row) end where the letters do. Measured on the
    reading a page's words are taken from, not on those its tilt is measured on (whose angle
    decides how Tesseract reads the page turned level). Not a mark without letters or digits:
    its type is its line's (a speck read as `:` would measure as small as itself)."""
    out = []
    for x, y, w, h, text, key in boxes:
        top, tall = _rows_inked(dark[int(y) : int(y + h), int(x) : int(x + w)])
        if tall and h - tall > LETTER_GAP * h and any(ch.isalnum() for ch in text):
            y, h = y + top, tall
        out.append((x, y, w, h, text, key))
    return out


def _rows_inked(ink) -> tuple[float, float]:
    """Where the ink of an image region begins, down from its top, and how many rows tall it
    stands (0 for none)."""
    rows = ink.any(axis=1).nonzero()[0]
    return (float(rows[0]), float(rows[-1] + 1 - rows[0])) if len(rows) else (0.0, 0.0)


LETTER_GAP = 0.25
"""The widest blank between two letters of a word, in heights of its ink (a word space is
wider)."""


def _descenders_read(box: Box, dark) -> Box:
    """A word with a glyph Tesseract read as one standing on the line (l, i, ), /, y, or i and l
    for one glyph) has a j there when that glyph's ink runs well below the baseline of the
    word's other glyphs: its Azerbaijani model has no j and prints these for it (lay for Jay,
    mesailarınız, Quilou, /AY-Z); a J where the glyph is one stroke, without a dot, or the word
    is in capitals. Glyphs are told apart by the blank columns between them, where there are as
    many as the word has characters (Tesseract's own glyph boxes stand up to a glyph off)."""
    x, y, w, h, text, key = box
    if J_READ_AS.isdisjoint(text) and text[:1] not in J_OPENS_AS:
        return box
    ink = _word_ink(box, dark)
    # Its size from its letters' ink (a box may stand taller), as the j in question would make
    # it: the ink holds the tail below the line.
    size = min(ink.shape[0] / glyph_extent(text + "j"), w / glyph_advance(text))
    glyphs = _glyph_columns(ink)
    pieces = _one_a_glyph(text, len(glyphs), J_READ_AS_TWO)
    if pieces is None:
        return box
    ends = _glyph_ends(ink, glyphs)
    feet = [foot for _, foot in ends]
    # The baseline: where the letters that stand on it end (not those read as j's look-alikes).
    standing = [
        f
        for f, p in zip(feet, pieces, strict=True)
        if p.isalnum() and len(p) == 1 and p not in DEEP and p not in J_READ_AS
    ]
    if not standing:
        return box
    baseline = statistics.median(standing)
    narrow = glyphs[0][1] - glyphs[0][0] <= J_WIDTH * size
    if text[:1] == "y" and narrow and _rises_to_capitals(ends, text, size):
        pieces[0] = "j" if _dotted(ink, glyphs[0], baseline) else "J"
    for k, piece in enumerate(pieces):
        # A bracket, a slash or a bar reaches below the baseline too: a J only opening a word.
        read_as = piece in J_READ_AS or piece in J_READ_AS_TWO
        read_as |= piece in J_READ_AS_MARK and k == 0 and text[1:2].isalpha()
        if not read_as or not _j_shaped(ink, glyphs[k], ends[k], baseline, size):
            continue
        dotted = _dotted(ink, glyphs[k], baseline)
        if len(piece) == 2 and not dotted:
            continue  # two glyphs' reading for one: only a j's dot explains it
        pieces[k] = "j" if dotted and not text.isupper() else "J"
    return (x, y, w, h, "".join(pieces), key)


def _j_shaped(
    ink, glyph: tuple[int, int], ends: tuple[int, int], baseline: float, size: float
) -> bool:
    """Whether a glyph (its top and foot row ``ends``) stands as a j or J does: narrow, reaching
    well below the baseline and from above the x-height (not a subscript, nor a wide letter a
    glyph off: g, ş)."""
    import numpy as np

    own = ink[:, glyph[0] : glyph[1]]
    top, foot = ends
    if not (
        glyph[1] - glyph[0] <= J_WIDTH * size
        and baseline - top >= J_RISE * size
        and DESCENDER * size <= foot - baseline <= DESCENDER_MOST * size
    ):
        return False
    # Its tail turns left under the line, where a bar's (|a|) runs straight down.
    base = int(baseline)
    stem = np.flatnonzero(own[max(0, base - int(J_RISE * size / 2)) : base + 1].any(axis=0))
    tail = np.flatnonzero(own[base + 1 + int(DESCENDER * size / 2) : foot + 1].any(axis=0))
    return len(stem) > 0 and len(tail) > 0 and stem[0] - tail[0] >= J_HOOK * size


def _dotted(ink, glyph: tuple[int, int], baseline: float) -> bool:
    """Whether a glyph's ink above the baseline has a blank row in it: j's dot stands apart from
    its stem, J is one stroke."""
    rows = ink[: int(baseline), glyph[0] : glyph[1]].any(axis=1)
    return not rows[int(rows.argmax()) :].all()


def _rises_to_capitals(ends: list[tuple[int, int]], text: str, size: float) -> bool:
    """Whether a word's first glyph (of those whose top and foot rows are ``ends``), read as y,
    rises well above the x-height its small letters stand to (a J's stroke does, from the cap
    height: yustin for Justin)."""
    tops = [
        top
        for (top, _), ch in zip(ends[1:], text[1:], strict=True)
        if ch.islower() and ch not in TALL and ch not in "ıə"
    ]
    if not tops:
        return False
    return statistics.median(tops) - ends[0][0] >= SMALL_STEM * size


J_READ_AS = frozenset("liı")
"""Glyphs with nothing below the baseline that Tesseract's Azerbaijani model reads a j as."""
J_READ_AS_MARK = frozenset(")/|")
"""… and marks that reach below it, which it reads an opening J as."""
J_OPENS_AS = J_READ_AS_MARK | {"y"}
"""… and, opening a word, as y."""
J_READ_AS_TWO = frozenset({"il", "iİ", "ıl", "ii"})
"""… and the pairs of glyphs it reads a j as (Quilou for Qujou, iİanrın for janrın)."""
DESCENDER = 0.12
"""How far below its word's baseline (in font sizes) a glyph's ink must reach to be a j's; a
j's or J's tail reaches about a fifth of the size in DejaVu Sans."""
DESCENDER_MOST = 0.32
"""… and how far at most: further down, the glyphs told apart are not the word's letters (a box
set a glyph off, its first a piece of the letter before it)."""
J_WIDTH = 0.45
"""The widest a j or J stands (in font sizes; DejaVu Sans's J with its hook about 0.3)."""
J_HOOK = 0.08
"""How far left of its stem (in font sizes) a j's or J's tail turns at least."""
J_RISE = 0.6
"""How far above the baseline (in font sizes) a j's dot or a J's top reaches at least."""
DOT_GAP = 0.15
"""The widest blank (in font sizes) between a letter and a dot or accent over it."""


def _w_read(box: Box, dark) -> Box:
    """A w read as v, as vv or as uvv (Nevvs, Tuvvitter: Tesseract's Azerbaijani model has no w)
    where that is one glyph in print, wider than the word's other letters of its case: a w
    stands about one and a half times as wide as n, o or v. Letters only are matched with glyphs:
    a quotation mark may stand as one glyph or two."""
    x, y, w, h, text, key = box
    if "v" not in text.lower():
        return box
    ink = _word_ink(box, dark)
    tall = [
        (a, b)
        for a, b in _glyph_columns(ink)
        if _rows_inked(ink[:, a:b])[1] >= MARK_HEIGHT * ink.shape[0]
    ]
    at = [k for k, ch in enumerate(text) if ch.isalnum()]
    pieces = _one_a_glyph("".join(text[k] for k in at), len(tall), W_READ_AS)
    if pieces is None:
        return box
    widths = [b - a for a, b in tall]
    out, first = list(text), 0
    for k, piece in enumerate(pieces):
        last, first = first + len(piece) - 1, first + len(piece)
        if piece.lower() not in W_READ_AS or at[last] - at[last - len(piece) + 1] != len(piece) - 1:
            continue
        # Measured on letters of its case (a capital V stands wider than small letters), or, for
        # two characters read off one glyph, on any.
        capital = piece[-1].isupper()
        others = [
            wd
            for wd, p in zip(widths, pieces, strict=True)
            if p in W_MEASURES and (p.isupper() == capital or len(piece) > 1)
        ]
        wider = W_WIDER if len(piece) > 1 else W_WIDER_ALONE
        usual = statistics.median(others) if len(others) >= W_MEASURED else 0
        if usual and wider * usual <= widths[k] <= W_WIDEST * usual:
            start = at[last - len(piece) + 1]
            out[start : at[last] + 1] = ["W" if capital else "w"] + [""] * (len(piece) - 1)
    return (x, y, w, h, "".join(out), key)


MARK_HEIGHT = 0.4
"""Glyphs less tall than this share of their line's letters are marks (quotes, commas, hyphens)."""


W_READ_AS = frozenset({"v", "vv", "uvv", "uv", "wv"})
"""What Tesseract's Azerbaijani model reads a w as, one glyph (in capitals: V, VV, WV)."""
W_MEASURES = frozenset("abdeghknopquxy" + "əöüğ" + "ABDEGHKNOPQRUXYƏÖÜ")
"""Letters about as wide as one another, a w's measure (not the narrow s, c, z)."""
W_MEASURED = 2
"""Fewest of them a word must have to measure a w by."""
W_WIDER = 1.3
"""How many times as wide as those letters a glyph read as vv or uvv must be to be a w."""
W_WIDER_ALONE = 1.45
"""… and one read as v: a serif font's v stands up to 1.3 times as wide as its e, its w 1.8."""
W_WIDEST = 1.85
"""… and as wide at most: two v's run together (əvvəl, in a browser's tight setting) stand over
twice as wide."""


PERCENT_READ = regex.compile(r"((?:\d+[-–])?\d+)([79v]\d)(\W*|-\p{L}+\W*)")
"""A number (or a range) whose last two characters may be Tesseract's reading of a % sign (96,
92, 76, v6: its Azerbaijani model has no %; the sign's upper ring reads as 9, 7 or v), then
punctuation or a suffix after a hyphen."""


def _percent_read(box: Box, dark) -> Box:
    """A number read with two characters for what is one glyph in print, one wider than its
    digits but narrower than two of them, ends in a % sign (1496 for 14%, 3v6 for 3%)."""
    x, y, w, h, text, key = box
    m = PERCENT_READ.fullmatch(text)
    if m is None:
        return box
    ink, glyphs = _word_glyphs(box, dark)
    digits = len(m.group(1))
    if len(glyphs) != len(text) - 1:
        return box
    widths = [b - a for a, b in glyphs]
    # Digits other than 1 (narrow) measure a digit's width; without them, the glyph's height.
    wide = [wd for wd, ch in zip(widths, m.group(1), strict=False) if ch.isdigit() and ch != "1"]
    digit = statistics.median(wide) if wide else DIGIT_WIDTH * ink.shape[0]
    if PERCENT_MOST_NARROW * digit <= widths[digits] <= PERCENT_MOST_WIDE * digit:
        return (x, y, w, h, m.group(1) + "%" + m.group(3), key)
    return box


DIGIT_WIDTH = 0.68
"""A digit's width in heights of its ink, in a sans-serif font."""
PERCENT_MOST_NARROW = 1.25
PERCENT_MOST_WIDE = 1.85
"""A % sign stands about 1.6 digits wide in DejaVu Sans; two digits run together, 2 or more."""


def _dots_read(box: Box, dark, faint=None) -> Box:
    """A word's i and ı, and I and İ, as their glyphs have a dot or not: the Azerbaijani model
    reads one for the other where the lexicon knows both words (six for sıx, artiq) and a
    foreign name's I as İ (İmperial). Where the word has as many glyphs, apart, as letters, the
    glyph is a stem, and the ink over it tells."""
    x, y, w, h, text, key = box
    # Letters only, or a stop or a line-end hyphen after them: marks stand in glyphs of their
    # own, or two (a ").
    if DOTS.keys().isdisjoint(text) or not text.rstrip(".,:;!?-").isalpha():
        return box
    size = word_size(w, h, text)
    band, top = _word_band(box, dark)
    glyphs = _glyph_columns(band)
    if len(glyphs) != len(text):
        return box
    out = list(text)
    for k, ((a, b), (_, foot), ch) in enumerate(
        zip(glyphs, _glyph_ends(band, glyphs), text, strict=True)
    ):
        if ch in DOTS and b - a <= STEM_WIDTH * size:
            dotted = _dot_over(dark, (int(x) + a, int(x) + b), top + foot, size, faint)
            if dotted is not None and dotted != (ch in "iİ"):
                out[k] = DOTS[ch]
    return (x, y, w, h, "".join(out), key)


def _dot_over(dark, columns: tuple[int, int], foot: int, size: float, faint=None) -> bool | None:
    """Whether a stem in the page's ``columns`` standing on row ``foot`` has a dot over it: ink
    over its top within a dot's reach, standing apart, no bigger than a dot; none when the reach
    is blank, even of ``faint`` ink; None when the ink there is more (a descender of the line
    above hanging into it), or only faint (a blurred scan's dot, lighter than its stem)."""
    import numpy as np

    a, b = columns
    rows = dark[: foot + 1, a:b].any(axis=1)
    top = foot
    while top > 0 and rows[top - 1]:
        top -= 1
    reach = math.ceil(DOT_REACH * size)
    inked = np.flatnonzero(rows[max(0, top - reach) : top])
    if not inked.size:
        # Faint ink a halo's width over the stem's top is its own, blurred.
        halo = top - math.ceil(HALO * size)
        if faint is not None and faint[max(0, top - reach) : max(0, halo), a:b].any():
            return None
        return False
    # The ink nearest the stem, taken whole in the page round it.
    margin = math.ceil(size)
    y0, x0 = max(0, top - reach - margin), max(0, a - margin)
    window = dark[y0:top, x0 : b + margin]
    nearest = max(0, top - reach) + int(inked[-1]) - y0
    seed = np.zeros_like(window)
    seed[nearest, a - x0 : b - x0] = window[nearest, a - x0 : b - x0]
    blob = _grown(seed, window)
    ys, xs = np.flatnonzero(blob.any(axis=1)), np.flatnonzero(blob.any(axis=0))
    small = ys[-1] - ys[0] < DOT_SIZE * size and xs[-1] - xs[0] < DOT_SIZE * size
    apart = ys[0] > 0 and xs[0] > 0 and xs[-1] < window.shape[1] - 1
    return True if small and apart else None


DOTS = {"i": "ı", "ı": "i", "İ": "I", "I": "İ"}
"""Each of the letters a dot tells apart, and its twin."""
STEM_WIDTH = 0.2
"""The widest an i's glyph stands, in font sizes (a glyph of two letters run together is
wider)."""
DOT_SIZE = 0.25
"""The tallest and widest a dot stands, in font sizes."""
DOT_REACH = 0.35
"""How far over a stem's top its dot may stand, in font sizes (i's stands 0.2 over the x-height,
İ's over the cap height)."""


def _stop_read(box: Box, dark, faint=None) -> Box:
    """A word read as ending in a comma whose mark does not reach below the baseline of the
    word's letters, not even in ``faint`` ink (a blurred scan's comma tail), ends in a full
    stop; one with a dot over its comma, in a semicolon, which Tesseract's Azerbaijani model
    has not (olacaqdı, for olacaqdı., yaradırlar, for yaradırlar;)."""
    x, y, w, h, text, key = box
    if not text.endswith(",") or len(text) < 2:
        return box
    size = word_size(w, h, text)
    ink, glyphs = _word_glyphs(box, dark)
    if len(glyphs) < 2:
        return box
    ends = _glyph_ends(ink, glyphs)
    feet = [foot for _, foot in ends]
    # The baseline: where the letters that stand on it end, where the glyphs are one to a
    # character (yi, has as many feet below it as on it); else where a longer word's other
    # glyphs end.
    if len(glyphs) == len(text):
        standing = [f for f, ch in zip(feet, text, strict=True) if ch.isalnum() and ch not in DEEP]
    else:
        standing = feet[:-1] if len(glyphs) > STOP_GLYPHS else []
    # Letters standing on one line: not a formula's (tı, with its index set low).
    if len(standing) < 2 or max(standing) - min(standing) > BASELINE_SPREAD * size:
        return box
    baseline = statistics.median(standing)
    mark = ink[:, glyphs[-1][0] : glyphs[-1][1]].any(axis=1)
    top, foot = ends[-1]
    # The box's last glyph must be a mark, narrow (else the box left the comma out: Oklahoma,).
    if glyphs[-1][1] - glyphs[-1][0] > MARK_WIDTH * size:
        return box
    below = foot - baseline > STOP_DROP * size
    if below and not mark[top : foot + 1].all() and baseline - top >= SEMICOLON_DOT * size:
        return (x, y, w, h, text[:-1] + ";", key)
    if not below and foot - top <= MARK_WIDTH * size:
        if faint is not None:
            # Blurred, a comma's tail is faint, and no surer than Tesseract's reading of it.
            row = _word_band(box, dark)[1] + int(baseline + STOP_DROP * size) + 1
            a, b = int(x) + glyphs[-1][0], int(x) + glyphs[-1][1]
            if faint[row : row + math.ceil(MARK_WIDTH * size), a:b].any():
                return box
        return (x, y, w, h, text[:-1] + ".", key)
    return box


def _dash_read(box: Box, dark) -> Box:
    """A word read as opening on a hyphen before its letters (an attribution after a quote,
    ” –deyə) whose first glyph, a dash, is as wide as an en dash (:func:`_en_dashes`) opens on
    one, which the model has not."""
    x, y, w, h, text, key = box
    if text[:1] != "-" or not text[1:2].isalpha():
        return box
    ink, glyphs = _word_glyphs(box, dark)
    if len(glyphs) < 2:
        return box
    (a, b), (top, foot) = glyphs[0], _glyph_ends(ink, glyphs[:1])[0]
    size = word_size(w, h, text)
    if foot - top <= MARK_WIDTH * size and b - a >= EN_DASH_WIDTH * size:
        return (x, y, w, h, EN_DASH + text[1:], key)
    return box


STOP_DROP = 0.04
"""How far below the baseline (in font sizes) a full stop's ink may reach, a pixel's noise; a
comma's tail reaches about an eighth of the size."""
BASELINE_SPREAD = 0.08
"""How far apart (in font sizes) the feet of letters on one baseline may stand: a pixel or two of
noise; an index below the line stands a fifth of the size lower."""
STOP_GLYPHS = 3
"""Fewer glyphs than the characters read, and as few as this: no baseline to measure on."""
MARK_WIDTH = 0.25
"""The widest and, for a full stop, the tallest (in font sizes) a comma or a stop stands."""
SEMICOLON_DOT = 0.3
"""How far above the baseline (in font sizes) a semicolon's dot stands at least."""


def _word_ink(box: Box, dark):
    """The ink of a word's box, in the rows its own line's letters stand in."""
    return _word_band(box, dark)[0]


def _word_band(box: Box, dark):
    """The ink of a word's box in the rows its own line's letters stand in
    (:func:`_line_rows`), and the page's row its first stands in."""
    x, y, w, h, text, _ = box
    ink = dark[int(y) : int(y + h), int(x) : int(x + w)]
    top, bottom = _line_rows(ink, word_size(w, h, text))
    return ink[top : bottom + 1], int(y) + top


def _word_glyphs(box: Box, dark) -> tuple[Any, list[tuple[int, int]]]:
    """A word's ink (:func:`_word_ink`) and its glyphs' columns (:func:`_glyph_columns`)."""
    ink = _word_ink(box, dark)
    return ink, _glyph_columns(ink)


def _glyph_ends(ink, glyphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The top and foot row of each glyph's ink (its columns, from ``_glyph_columns``)."""
    ends = []
    for a, b in glyphs:
        top, tall = _rows_inked(ink[:, a:b])
        ends.append((int(top), int(top + tall) - 1))
    return ends


def _glyph_columns(ink) -> list[tuple[int, int]]:
    """The runs of inked columns of a word's ink, left to right: its glyphs, where they stand
    apart."""
    import numpy as np

    columns = np.concatenate(([False], ink.any(axis=0), [False]))
    edges = np.flatnonzero(np.diff(columns.astype(np.int8)))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _one_a_glyph(text: str, glyphs: int, readings: frozenset[str]) -> list[str] | None:
    """``text`` in pieces, one for each of ``glyphs``: its characters, or its characters with the
    one of ``readings`` (what Tesseract reads one glyph as) it holds, as long as the glyphs are
    fewer, in one piece."""
    if len(text) == glyphs:
        return list(text)
    found = [
        (p, r)
        for r in readings
        if len(r) - 1 == len(text) - glyphs
        for p in range(len(text) - len(r) + 1)
        if text.startswith(r, p)
    ]
    if len(found) != 1:
        return None
    p, r = found[0]
    return [*text[:p], r, *text[p + len(r) :]]


def _line_rows(ink, size: float) -> tuple[int, int]:
    """The first and last row of a word's box its own line's letters stand in: from the rows
    inked most down to the first blank row, and up over gaps no wider than a dot's (a box may
    reach into the next line, whose letters' tops would stand below this line's baseline)."""
    import numpy as np

    rows = ink.sum(axis=1)
    if not rows.any():
        return 0, -1
    middle = int(np.argmax(rows))
    bottom = middle
    while bottom + 1 < len(rows) and rows[bottom + 1]:
        bottom += 1
    top, gap = middle, 0
    for r in range(middle - 1, -1, -1):
        gap = 0 if rows[r] else gap + 1
        if gap > DOT_GAP * size:
            break
        if rows[r]:
            top = r
    return top, bottom


def _small_letters(boxes: list[Box], dark) -> list[Box]:
    """A word inside a sentence that Tesseract read as opening on a capital whose small letter
    has its shape (İ, S, V, Z …), where the ink of that letter stops at the line's x-height: the
    small letter. Its Azerbaijani model reads the one as the other (çox İnsan, dərəcə İstilik,
    Trampa Səs); the ink tells them apart by height, a capital standing a cap height tall (the
    dots over i and İ are left out)."""
    lines: dict[tuple[str, ...], list[int]] = {}
    for n, box in enumerate(boxes):
        lines.setdefault(box[5], []).append(n)
    ordered = {key: sorted(members, key=lambda n: boxes[n][0]) for key, members in lines.items()}
    out = list(boxes)
    for (block, par, number), line in ordered.items():
        # A line's first word comes after the last of the line above it in its paragraph.
        above = ordered.get((block, par, str(int(number) - 1))) if number.isdigit() else None
        for k, (before, n) in enumerate(itertools.pairwise([above[-1] if above else None, *line])):
            small = _small_reading(boxes[n][4])
            if small is None or before is None or CLOSED_END.search(boxes[before][4]):
                continue
            rise = _stem_rise(line, k, boxes, dark)
            # As far below the x-height is no measure (a line of two sizes).
            if rise is not None and -SMALL_STEM <= rise < SMALL_STEM:
                out[n] = (*boxes[n][:4], small, boxes[n][5])
    return out


def _small_reading(text: str) -> str | None:
    """The word in small letters, where Tesseract may have read small letters as capitals of
    their shape: the first (İnsan), or a run of them (VƏ, VƏZİyyətdə, CÜZİ)."""
    if text[:1] not in SMALL_TWINS:
        return None
    # Not a glyph printed in both cases (Sseçici, SSİs), which the letters step mends; İi is a j
    # read as two glyphs (enerİisinin), mended from a small i's reading.
    if text[1:2] == text[0] or (text[0] != "İ" and text[1:2] == SMALL_TWINS[text[0]]):
        return None
    capitals = len(text) - len(text.lstrip("".join(ALL_TWINS)))
    rest = text[capitals:]
    letters = rest.rstrip(WORD_END)
    if not (letters[:1].islower() if capitals == 1 else letters == "" or letters.islower()):
        return None
    return "".join(ALL_TWINS[c] for c in text[:capitals]) + rest


SMALL_TWINS = {
    "İ": "i",
    "S": "s",
    "V": "v",
    "Z": "z",
    "X": "x",
    "C": "c",
    "Ç": "ç",
    "Ş": "ş",
    "Y": "y",
}
"""Capitals a small letter of the same shape may be read as, where they open a word (and Y for
y: çəkdi-|yi, read as Yİ,); not Ə, whose round top the measure takes for low."""
ALL_TWINS = SMALL_TWINS | {"Ə": "ə", "Ü": "ü", "Ö": "ö", "O": "o"}
"""… and after such a capital, in a run of them."""
WORD_END = ".,;:!?\"”»’')-"
SMALL_STEM = 0.1
"""How far (in font sizes) above its line's x-height the stem of a word's first letter may
reach and the letter still be small; a capital's stands about 0.18 above. On the bench's scans
at 200 and 300 dpi the small letters Tesseract read as capitals inside a sentence reach at most
0.09, the capitals there at least 0.12."""


def _stem_rise(line: list[int], k: int, boxes: list[Box], dark) -> float | None:
    """How far above the x-height of the words about it the stem of the first letter of the
    line's ``k``-th word (its ink from the foot up, to a gap) reaches, in font sizes (the
    x-height: where most columns of ink there begin)."""
    import numpy as np

    n = line[k]
    x, y, w, h = (int(v) for v in boxes[n][:4])
    size = word_size(w, h, boxes[n][4])
    ink = dark[y : y + h, x : x + w]
    inked = np.flatnonzero(ink.any(axis=0))
    if not len(inked):
        return None
    first = last = int(inked[0])
    while last + 1 < ink.shape[1] and ink[:, last + 1].any() and last - first < size / 2:
        last += 1
    rows = ink[:, first : last + 1].any(axis=1)
    stem = int(np.flatnonzero(rows)[-1])
    while stem and rows[stem - 1]:
        stem -= 1
    tops = _column_tops(ink[:, last + 2 :], size)
    for m in line[max(0, k - 1) : k + 2]:
        X, Y, W, H = (int(v) for v in boxes[m][:4])
        if m != n and abs(H - h) <= h / 2:
            tops += [t + Y - y for t in _column_tops(dark[Y : Y + H, X : X + W], size)]
    if len(tops) < X_HEIGHT_COLUMNS:
        return None
    return (float(np.percentile(tops, 75)) - stem) / size


X_HEIGHT_COLUMNS = 5
"""Fewest columns of ink the x-height is measured on."""


def _column_tops(ink, size: float) -> list[int]:
    """The row where each column's ink begins, for the columns whose ink begins at least a third
    of a font size over the box's foot, but for a mark's (a comma, or a hyphen, whose top
    stands under the x-height): a glyph of its own less than that tall."""
    import numpy as np

    tops = ink.argmax(axis=0)
    kept = ink.any(axis=0) & (ink.shape[0] - tops > size * 0.3)
    for a, b in _glyph_columns(ink):
        rows = np.flatnonzero(ink[:, a:b].any(axis=1))
        if rows[-1] - rows[0] < size * 0.3:
            kept[a:b] = False
    return [int(t) for t, k in zip(tops, kept, strict=True) if k]


def _rules_in(dark) -> list[tuple[int, int, int, int]]:
    """The lines running down the image (its ``dark`` pixels) over a good part of its height,
    as (x0, y0, x1, y1): column rules and the sides of boxed articles."""
    import numpy as np

    height, width = dark.shape
    least = RULE_LENGTH * height
    # Only a column with that much ink in all may hold a line that long.
    inked = np.flatnonzero(dark.sum(axis=0) >= least)
    if not len(inked):
        return []
    run = np.zeros(len(inked), dtype=np.int32)
    longest = np.zeros(len(inked), dtype=np.int32)
    for row in dark[:, inked]:
        run = (run + 1) * row
        np.maximum(longest, run, out=longest)
    ruled = inked[longest >= least]
    found = []
    for band in np.split(ruled, np.flatnonzero(np.diff(ruled) > 1) + 1):
        if not len(band) or len(band) > RULE_WIDTH * width:
            continue  # a photograph's dark stretch, not a line
        ink = np.concatenate(([0], dark[:, band].any(axis=1).astype(np.int8), [0]))
        edges = np.diff(ink)
        for top, bottom in zip(
            np.flatnonzero(edges == 1), np.flatnonzero(edges == -1), strict=True
        ):
            if bottom - top >= least:
                found.append((int(band[0]), int(top), int(band[-1]) + 1, int(bottom)))
    return found


def _on_a_rule(box: Box, found: list[tuple[int, int, int, int]]) -> bool:
    """Whether a word is a piece of a rule Tesseract read as a glyph or two (``İ``, ``1``,
    ``/)``): short, and its box across the line, within its length. Painting the rules out
    instead costs more than it mends: Tesseract reads columns apart by them."""
    x, y, w, h, text, _ = box
    slack = RULE_SLACK * h
    return len(text) <= RULE_GLYPHS and any(
        x <= x1 + slack and x0 - slack <= x + w and top <= y + h / 2 <= bottom
        for x0, top, x1, bottom in found
    )


HALO = 0.1
"""How far round its ink a glyph of a blurred scan stands in faint ink, in font sizes."""
RULE_LENGTH = 0.15
"""A column of ink unbroken over this share of the page's height is a rule: the tallest
headline letter is a few lines high."""
RULE_WIDTH = 0.01
"""A rule is at most this share of the page across."""
RULE_GLYPHS = 2
"""What Tesseract reads off a rule is a glyph or two to a line."""
RULE_SLACK = 0.25
"""How far from a rule (in its word's heights) a word read off it may lie: Tesseract's box for a
glyph it made of a rule is a few pixels off the line."""


PHOTO = regex.compile(r"class='ocr_photo'[^>]*?bbox (\d+) (\d+) (\d+) (\d+)")
"""A region of Tesseract's hOCR its layout analysis took for a photograph."""


def _turned(data: bytes, angle: float) -> tuple[bytes, float, float]:
    """The image (PNG, JPEG, TIFF …) in grey, turned about its centre by ``angle`` radians so
    that lines sloping by it run level, grown to keep its corners (filled white): the PNG, and
    how far it grew on the left and at the top."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as img:
        grey = img.convert("L")
    level = grey.rotate(math.degrees(angle), Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    return _png(level), (level.width - grey.width) / 2, (level.height - grey.height) / 2


def _unread(first: list[Box], read: list[Box]) -> list[Box]:
    """The boxes of ``first`` that no box of ``read`` overlaps (their lines keyed apart)."""
    rows: dict[int, list[Box]] = {}
    for b in read:
        for r in range(int(b[1] // UNREAD_ROW), int((b[1] + b[3]) // UNREAD_ROW) + 1):
            rows.setdefault(r, []).append(b)
    out = []
    for x, y, w, h, text, key in first:
        near = {
            id(b): b
            for r in range(int(y // UNREAD_ROW), int((y + h) // UNREAD_ROW) + 1)
            for b in rows.get(r, ())
        }
        if not any(
            x < bx + bw and bx < x + w and y < by + bh and by < y + h
            for bx, by, bw, bh, *_ in near.values()
        ):
            out.append((x, y, w, h, text, ("first reading", *key)))
    return out


def _letters(boxes: list[Box]) -> int:
    return sum(sum(ch.isalpha() for ch in text) for _, _, _, _, text, _ in boxes)


REREAD_KEEPS = 0.97
"""A reading of the page turned level holds about the letters of the first (a few more read
right); with fewer than this share of them, it lost some."""
UNREAD_ROW = 50.0
"""Pixels of the rows boxes are filed by when looked up."""
REREAD_SKEW = math.radians(0.4)
"""A page tilted this much or more is turned level and read again: Tesseract reads tilted lines
with letters lost and words cut (P inella, Sİ-lah on a page 1.5° askew)."""


Box = tuple[float, float, float, float, str, tuple[str, ...]]
"""left, top, width, height, text and Tesseract's (block, paragraph, line) of a word."""
Read = tuple[list[Box], float, float, float, list[tuple[float, float, float, float]]]
"""A page's word boxes, its width and height, the words' mean confidence and its photographs."""


def deskewed(boxes: list[Box], width: float, height: float, angle: float) -> list[Box]:
    """The word boxes of a scan turned level about the page's centre, when its lines slope by
    ``angle`` (:func:`skew`; a page laid on the glass askew): columns and lines are then told
    apart by position as on a straight page. Each box keeps its word's own width and height, out
    of the larger upright box Tesseract drew around the tilted word."""
    if abs(angle) < MIN_SKEW:
        return boxes
    cos, sin = math.cos(angle), math.sin(angle)
    tilt, det = abs(sin), cos * cos - sin * sin
    cx, cy = width / 2, height / 2
    out = []
    for x, y, w, h, text, key in boxes:
        mx, my = x + w / 2 - cx, y + h / 2 - cy
        # Turned by -angle: a point on a line y = b + x·tan(angle) lands on y' = b·cos(angle).
        mx, my = mx * cos + my * sin, my * cos - mx * sin
        w0 = max(1.0, (cos * w - tilt * h) / det)
        h0 = max(1.0, (cos * h - tilt * w) / det)
        out.append((cx + mx - w0 / 2, cy + my - h0 / 2, w0, h0, text, key))
    return out


def skew(boxes: list[Box]) -> float:
    """The page's tilt in radians (positive when lines fall to the right, y growing down): the
    median slope of Tesseract's lines of SKEW_WORDS words or more (FEW_WORDS where those are too
    few), each fitted through its words' centres by least squares."""
    lines: dict[tuple[str, ...], list[tuple[float, float]]] = {}
    for x, y, w, h, _, key in boxes:
        lines.setdefault(key, []).append((x + w / 2, y + h / 2))
    for least in (SKEW_WORDS, FEW_WORDS):
        slopes = []
        for points in lines.values():
            if len(points) < least:
                continue
            mx = statistics.fmean(p[0] for p in points)
            my = statistics.fmean(p[1] for p in points)
            sxx = sum((p[0] - mx) ** 2 for p in points)
            if sxx > 0:
                slopes.append(sum((p[0] - mx) * (p[1] - my) for p in points) / sxx)
        if len(slopes) >= SKEW_LINES:
            return math.atan(statistics.median(slopes))
    return 0.0


SKEW_WORDS = 4
SKEW_LINES = 5
"""A page's tilt is measured on lines of this many words at least, and this many lines."""
FEW_WORDS = 3
"""… or, on a page with too few such lines (narrow columns), of this many."""
MIN_SKEW = math.radians(0.2)
"""A smaller tilt moves a word by under two pixels per 500, and is within the measure's own
spread on a straight page (up to 0.1°): the boxes are left as read."""


EN_DASH = "–"
EN_DASH_WIDTH = 0.35
"""Ink width, in font sizes, above which a dash standing alone is an en dash (about half an em
wide) rather than a hyphen (about a quarter): measured on 200 dpi scans of the bench's pages,
hyphens 0.25-0.33, en dashes 0.37-0.43, against their line's letters."""


def _en_dashes(line: list[Word]) -> None:
    """A model without the en dash prints a hyphen for it: a hyphen standing alone as wide as an
    en dash, measured against its line's letters, is one."""
    sizes = [w.size for w in line if any(ch.isalpha() for ch in w.text)]
    if not sizes:
        return
    size = statistics.median(sizes)
    for w in line:
        if w.text == "-" and w.x1 - w.x0 >= EN_DASH_WIDTH * size:
            w.text = EN_DASH


def _without_specks(words: list[Word]) -> list[Word]:
    """Tesseract reads specks as words of their own: inside a large glyph's box (`.`, `-`,
    `öLlü` inside a headline's `iki`), where a body-sized line of them would cut the headline
    in two; or letterless and wider than any punctuation mark (`—.` across a gutter, which it
    would close). Only small or letterless words are asked (a few a page)."""
    if not words:
        return words
    size = statistics.median(w.size for w in words)

    def speck(w: Word) -> bool:
        letterless = not any(ch.isalnum() for ch in w.text)
        if letterless and w.x1 - w.x0 > SPECK_WIDTH * size:
            return True
        return (letterless or w.size < SPECK_ASKED * size) and any(
            o is not w and _holds(o, w) and (letterless or w.size < SPECK * o.size) for o in words
        )

    return [w for w in words if not speck(w)]


SPECK = 0.5
"""Words smaller than this share of the glyph whose box holds them are its specks (the dots of
a headline's `ü` read as `...ə.`)."""
SPECK_ASKED = 0.75
"""Only words smaller than this share of the page's median size are asked."""
SPECK_WIDTH = 1.5
"""A letterless word wider than this many ems of the page's median size is no punctuation
mark (an em dash is one em)."""


def _holds(outer: Word, inner: Word) -> bool:
    """``inner``'s box lies within ``outer``'s, which is larger (a pixel of slack)."""
    return (
        outer.x0 - 1 <= inner.x0
        and inner.x1 <= outer.x1 + 1
        and outer.y0 - 1 <= inner.y0
        and inner.y1 <= outer.y1 + 1
        and (outer.x1 - outer.x0) * (outer.y1 - outer.y0)
        > (inner.x1 - inner.x0) * (inner.y1 - inner.y0)
    )


def ocr_text_layer(page, figures: list[tuple[float, float, float, float]]) -> bool:
    """Whether a PyMuPDF page's text is another OCR engine's, laid invisible over its scan (a
    searchable scan): a picture covers most of the page and most of the text is never drawn."""
    area = page.rect.width * page.rect.height
    if not any((x1 - x0) * (y1 - y0) >= SCANNED * area for x0, y0, x1, y1 in figures):
        return False
    spans = page.get_texttrace()
    hidden = sum(len(s["chars"]) for s in spans if s["type"] == INVISIBLE)
    return hidden > 0.5 * sum(len(s["chars"]) for s in spans)


SCANNED = 0.5
"""Share of a page a picture covers when the page is a scan."""
INVISIBLE = 3
"""PDF text render mode 3: neither filled nor stroked (an OCR layer under its scan)."""


def pdf_figures(page) -> list[tuple[float, float, float, float]]:
    """Where a PyMuPDF page shows pictures, as (x0, y0, x1, y1)."""
    return [tuple(info["bbox"]) for info in page.get_image_info()]


def pdf_frames(page) -> list[tuple[float, float, float, float]]:
    """Rectangles drawn on a PyMuPDF page (boxed items), as (x0, y0, x1, y1)."""
    out = []
    for path in page.get_drawings():
        if any(item[0] in ("re", "qu") for item in path.get("items", [])):
            r = path["rect"]
            out.append((r.x0, r.y0, r.x1, r.y1))
    return out
