"""``sutun.extract(path)``: a PDF or an image in, its articles (title, paragraphs, page) and its
furniture out."""

from __future__ import annotations

import dataclasses
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sutun.config import RepairConfig
from sutun.document import Repaired
from sutun.edits import apply_edits
from sutun.pages import layout as lay
from sutun.pages import sources

IMAGES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"}
MAX_PAGES = 500
"""Pages read from one PDF; an archive's 2,000-page scan of a year is cut here, with a note."""
MAX_OCR_PAGES = 20
"""Pages of one PDF read by OCR (seconds each); the rest are noted, so a file takes bounded time."""
# Extracted text has its reading order from geometry: no reordering, no paragraph re-joining.
EXTRACT_STEPS = ("cleanup", "legacy", "normalise", "dehyphenate", "letters", "structure")
OCR_READ = RepairConfig(steps=EXTRACT_STEPS, gate=False)
TEXT_LAYER = OCR_READ._replace(steps=tuple(s for s in EXTRACT_STEPS if s != "letters"))
"""A PDF's text layer holds its author's letters: OCR's letter errors are not there to correct,
and the author's own typos stay."""


TESSERACT, OCR_LAYER = "tesseract", "ocr layer"
"""How a page's words were read besides from its author's text layer: by sütun's Tesseract, or
from another engine's OCR layer laid invisible over a scan."""


class ExtractError(Exception):
    """The file cannot be read as a page (missing, encrypted, truncated, not a PDF or image)."""


@dataclass
class Article:
    title: str
    paragraphs: list[str]
    page: int


@dataclass
class Extracted:
    articles: list[Article] = field(default_factory=list)
    furniture: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What could not be read as text (pages read by OCR, pages skipped), for stderr."""
    boxes: list[dict] = field(default_factory=list)
    """Each article's region on its page (points, top-left origin), for the review page."""
    sizes: dict[int, tuple[float, float]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The JSON of ``sutun extract --format json`` (design.md: articles and furniture)."""
        return {"articles": [asdict(a) for a in self.articles], "furniture": self.furniture}


def extract(path: str | Path, language: str | None = None) -> list[Article]:
    """``sutun.extract``: the articles of a PDF or image in reading order (see :func:`read_pages`
    for their furniture too)."""
    return read_pages(path, language).articles


def read_pages(
    path: str | Path, language: str | None = None, pages: list[int] | None = None
) -> Extracted:
    """Articles of a PDF or image, page by page, by the top of their headline, then left to right,
    and the page furniture. ``pages`` are 1-based (default: all, up to ``MAX_PAGES``)."""
    path = Path(path)
    if not path.is_file():
        raise ExtractError(f"{path}: no such file")
    if path.suffix.lower() in IMAGES:
        return _image(path, language, pages)
    if path.suffix.lower() == ".pdf" or _opens_as_pdf(path):
        return _pdf(path, language, pages)
    # A name that says neither (scan.dat, a download without its suffix): an image, or neither.
    try:
        return _image(path, language, pages)
    except ExtractError as exc:
        why = "neither a PDF nor an image (text is repaired by `sutun repair`)"
        raise ExtractError(f"{path}: {why}") from exc


def _opens_as_pdf(path: Path) -> bool:
    """Whether the file starts as a PDF does (its header may follow a few bytes of junk)."""
    with path.open("rb") as f:
        return b"%PDF-" in f.read(1024)


def _image(path: Path, language: str | None, pages: list[int] | None) -> Extracted:
    from PIL import UnidentifiedImageError

    try:
        count = sources.image_pages(path)
        if count > 1:
            return _image_pages(path, count, language, pages)
        scan = sources.read_scan(path, _tesseract_language(language))
    except UnidentifiedImageError as exc:
        raise ExtractError(f"{path}: not an image Pillow can read") from exc
    except OSError as exc:  # truncated or damaged image data
        raise ExtractError(f"{path}: {exc}") from exc
    out = Extracted()
    _lay_out(out, [(*scan[:3], 1, [], scan.pictures, TESSERACT)], language)
    return out


def _image_pages(
    path: Path, count: int, language: str | None, pages: list[int] | None
) -> Extracted:
    """The pages of a multi-page image (a TIFF of a scanned issue), each read by OCR."""
    out = Extracted()
    numbers = [n for n in pages or range(1, count + 1) if 1 <= n <= count]
    if len(numbers) > MAX_OCR_PAGES:
        out.notes.append(f"{len(numbers)} pages; read the first {MAX_OCR_PAGES} by OCR")
        numbers = numbers[:MAX_OCR_PAGES]
    read = []
    for n in numbers:
        scan = sources.read_scan(sources.image_page(path, n), _tesseract_language(language))
        read.append((*scan[:3], n, [], scan.pictures, TESSERACT))
    _lay_out(out, read, language)
    return out


def _pdf(path: Path, language: str | None, pages: list[int] | None) -> Extracted:
    import pymupdf

    try:
        doc = pymupdf.open(path, filetype="pdf")
    except Exception as exc:  # PyMuPDF raises its own types for broken files
        raise ExtractError(f"{path}: not a readable PDF ({exc})") from exc
    try:
        return _pdf_pages(doc, path, language, pages)
    except (ExtractError, RuntimeError):
        raise
    except Exception as exc:  # a page MuPDF cannot load
        raise ExtractError(f"{path}: unreadable page ({type(exc).__name__}: {exc})") from exc


def _pdf_pages(doc, path: Path, language: str | None, pages: list[int] | None) -> Extracted:
    with doc:
        if doc.needs_pass:
            raise ExtractError(f"{path}: encrypted")
        out = Extracted()
        numbers = pages or list(range(1, doc.page_count + 1))
        if len(numbers) > MAX_PAGES:
            out.notes.append(f"{len(numbers)} pages; read the first {MAX_PAGES}")
            numbers = numbers[:MAX_PAGES]
        ocr_pages = 0
        read = []
        for n in numbers:
            if not 1 <= n <= doc.page_count:
                continue
            page = doc[n - 1]
            size = (page.rect.width, page.rect.height)
            words = sources.pdf_words(page)
            frames = sources.pdf_frames(page)
            figures = sources.pdf_figures(page)
            text = " ".join(w.text for w in words)
            ocr = not words or sources.garbled(text)
            layer = OCR_LAYER if not ocr and sources.ocr_text_layer(page, figures) else ""
            if layer:
                out.notes.append(f"page {n}: an OCR text layer over a scan; its letters mended")
            if ocr:
                reason = "no text layer" if not words else "fonts without a usable ToUnicode map"
                if ocr_pages >= MAX_OCR_PAGES:
                    out.notes.append(f"page {n}: {reason}; past {MAX_OCR_PAGES} OCR pages, skipped")
                    continue
                ocr_pages += 1
                out.notes.append(f"page {n}: {reason}; read by OCR")
                words, width, height, pictures = _ocr_page(page, language)
                if (width > height) != (page.rect.width > page.rect.height):
                    size = (page.rect.height, page.rect.width)  # scanned on its side
                scale = 72 / sources.OCR_DPI
                for w in words:
                    w.x0, w.y0, w.x1, w.y1, w.size = (
                        w.x0 * scale,
                        w.y0 * scale,
                        w.x1 * scale,
                        w.y1 * scale,
                        w.size * scale,
                    )
                figures = [tuple(v * scale for v in box) for box in pictures]
            read.append((words, *size, n, frames, figures, TESSERACT if ocr else layer))
        _lay_out(out, read, language)
        return out


def _lay_out(out: Extracted, read: list[tuple], language: str | None) -> None:
    """The articles of pages read as (words, width, height, number, frames, figures, ocr):
    ``ocr`` is TESSERACT, OCR_LAYER or "" (an author's text layer)."""
    # A line at the top or bottom of the pages around it too is the document's running head.
    keys = [lay.edge_keys(words, h) if len(read) > 1 else [] for words, _, h, *_ in read]
    edges = lay.repeated_edges(keys)
    laid_out = []
    grid: lay.Grid = []
    before = 0.0  # the width of the page before
    for (words, width, height, n, frames, figures, ocr), repeated in zip(read, edges, strict=True):
        hint = grid if width == before else []
        parts, grid = _page(
            out, words, width, height, n, language, frames, repeated, ocr, hint, figures
        )
        laid_out.append(parts)
        before = width
    _articles(out, laid_out, language)


def _ocr_page(page, language: str | None) -> sources.Scan:
    pix = page.get_pixmap(dpi=sources.OCR_DPI, colorspace="gray")
    return sources.read_scan(pix.tobytes("png"), _tesseract_language(language))


def _tesseract_language(language: str | None) -> str:
    from sutun.lang.model import canonical

    code = canonical(language) or "aze"
    return {"aze": "aze", "eng": "eng"}.get(code, "aze+eng")


@dataclass
class _Part:
    """An article's region as laid out on the page it starts on, and how its text is repaired."""

    region: lay.Region
    page: int
    config: RepairConfig
    box: list[float]


def _page(
    out: Extracted,
    words: list,
    width: float,
    height: float,
    n: int,
    language,
    frames=(),
    repeated: frozenset[str] = frozenset(),
    ocr: str = "",
    grid_hint: lay.Grid = (),
    figures=(),
) -> tuple[list[_Part], lay.Grid]:
    """The page's furniture into ``out``; its articles' regions, in reading order, and its
    gutters."""
    page = lay.layout(
        words, width, height, list(frames), repeated, grid_hint, list(figures), text_layer=not ocr
    )
    out.sizes[n] = (width, height)
    out.furniture.extend({**f, "page": n} for f in page.furniture)
    # Letters are mended in OCR's text: sütun's own (whose model's missing letters it knows) or
    # another engine's layer under a scan.
    charset = sources.model_charset(_tesseract_language(language)) if ocr == TESSERACT else None
    config = OCR_READ._replace(ocr_charset=charset) if ocr else TEXT_LAYER
    parts = []
    for region in page.regions:
        lines = [*region.title, *(ln for col in region.columns for ln in col)]
        if not lines:
            continue
        box = [
            round(min(ln.x0 for ln in lines), 1),
            round(min(ln.y0 for ln in lines), 1),
            round(max(ln.x1 for ln in lines), 1),
            round(max(ln.y1 for ln in lines), 1),
        ]
        parts.append(_Part(region, n, config, box))
    return parts, page.grid


def _keep_furniture(out: Extracted, repaired, page: int) -> None:
    """What the repair of an article's text filed as furniture (a folio or a running head set
    among its lines) goes into the page's furniture: nothing read off a page is dropped."""
    out.furniture.extend(
        {"kind": f["kind"], "text": f["text"], "page": page} for f in repaired.document.furniture
    )


def _repaired_article(
    title: str, text: str, language, config: RepairConfig
) -> tuple[str, str, list[Repaired]]:
    """The headline and the body repaired as one document, so that each reads the other's words
    (a name the OCR misread in the headline is spelt right in the body) and the headline's
    letters are judged at the body's OCR error rate: (headline, body, the repairs made). Each on
    its own when an edit would run from one into the other."""
    from sutun.pipeline import repair

    if title and text:
        cut = len(title) + len(SEPARATOR)
        whole = repair(title + SEPARATOR + text, language, config=config)
        head = [e for e in whole.edits if e.end <= len(title)]
        body = [
            dataclasses.replace(e, start=e.start - cut, end=e.end - cut)
            for e in whole.edits
            if e.start >= cut
        ]
        if len(head) + len(body) == len(whole.edits) and not any(e.is_move for e in body):
            return apply_edits(title, head).strip(), apply_edits(text, body), [whole]
    repaired = [repair(t, language, config=config) if t else None for t in (title, text)]
    head_text, body_text = (r.text if r is not None else "" for r in repaired)
    return head_text.strip(), body_text, [r for r in repaired if r is not None]


SEPARATOR = "\n\n"


def _articles(out: Extracted, pages: list[list[_Part]], language) -> None:
    """Articles from the pages' regions. Text above a page's first headline goes on from the
    article that ended the page before (an article run onto the next page), its columns read
    after that article's."""
    from sutun.pipeline import repair

    parts: list[_Part] = []
    for page in pages:
        if page and parts and not page[0].region.title:
            parts[-1].region.columns.extend(page[0].region.columns)
            page = page[1:]
        parts += page
    for part in parts:
        region, config = part.region, part.config
        title = "\n".join(ln.text for ln in region.title)  # its line breaks read as a body's
        paras = ["\n".join(lines) for lines in lay.paragraphs(region)]
        if not paras and not title:
            continue
        text = "\n\n".join(paras)
        title, fixed, repairs = _repaired_article(title, text, language, config)
        if fixed and repairs[-1].document.furniture:
            # The lines either side of a running head are neighbours now: a word it cut at a
            # line-end hyphen is read whole on a second pass.
            fixed = repair(fixed, language, config=config).text
        paragraphs = [p.strip() for p in fixed.split("\n\n") if p.strip()]
        for r in repairs:
            _keep_furniture(out, r, part.page)
        out.articles.append(Article(title, paragraphs, part.page))
        out.boxes.append({"page": part.page, "box": part.box})
