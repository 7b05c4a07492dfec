"""Corruption simulator: typeset a clean article into newspaper columns and extract it back broken.

Deterministic per seed. Every defect is a documented knob in :class:`Defects`; setting a knob to 0
switches that defect off. The simulator records the truth (block order, what each junction was,
which
compounds were glued, what furniture, glyphs and letters were injected) so that a scorer — or
:func:`invert` — can tell a right repair from a wrong one.

Defects reproduced (see ``docs/design.md``, "Defects to reproduce"):

- column fragments as separate blocks: one block per run of a paragraph inside one column;
- line-break hyphens: lines are filled to a column width and broken at syllable boundaries;
  a docling-like extractor removes line-final hyphens *inside* a block (gluing compounds that broke
  at their own hyphen) and keeps them at block ends; a raw-line extractor keeps every printed line;
- block order damage at column boundaries: a column's head fragment emitted late or early;
- furniture (page numbers, running heads) between blocks at column/page boundaries;
- a bold lead, a stray layout glyph, OCR letter confusions.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import asdict, dataclass, field

import regex

from sutun.lang.alphabet import lower, syllable_breaks, upper
from sutun.lang.scripts import azlat_to_latin, latin_to_azlat

EXTRACTORS = ("docling", "raw")


@dataclass(frozen=True)
class Defects:
    """Defect knobs. Probabilities are in [0, 1]; 0 turns a defect off."""

    width_min: int = 28
    """Narrowest column, in characters per line."""
    width_max: int = 42
    """Widest column, in characters per line."""
    lines_min: int = 10
    """Fewest lines in a column."""
    lines_max: int = 32
    """Most lines in a column."""
    columns_per_page: int = 4
    """Columns on a page; a page boundary may carry furniture."""
    hyphenate: float = 1.0
    """Chance that a word which does not fit a line is hyphenated rather than wrapped whole."""
    split_columns: float = 1.0
    """Chance that a column boundary splits the text into blocks (0: one block per paragraph)."""
    raw_lines: float = 0.2
    """Chance that a document goes through the raw-line extractor, not the docling-like one."""
    order: float = 0.45
    """Chance, per column boundary, that the next column's head fragment is emitted out of order."""
    max_shift: int = 2
    """Largest displacement (in blocks) of a misplaced fragment."""
    furniture: float = 0.25
    """Chance, per column boundary (always at page boundaries when > 0), of furniture."""
    bold_lead: float = 0.5
    """Chance that the lead paragraph is bold in print (kept bold in the gold)."""
    glyph: float = 0.3
    """Chance of a stray layout glyph (□ ■ ▪ •) before the lead or a column head."""
    ocr: float = 0.0
    """Share of words (3+ letters) that get one OCR error."""
    ocr_drop: float = 0.1
    """Of those errors, the share that drops a letter (the rest confuse one, like ə→e)."""
    legacy: float = 0.0
    """Chance, per Azerbaijani body block, that it was typed in a legacy "AzLat" font (stored on
    Cyrillic code points)."""
    paragraph_sentences: tuple[int, int] = (1, 3)
    """Sentences per paragraph when articles are built from sentence lists."""


NO_DEFECTS = Defects(
    hyphenate=0.0,
    split_columns=0.0,
    raw_lines=0.0,
    order=0.0,
    furniture=0.0,
    bold_lead=0.0,
    glyph=0.0,
    ocr=0.0,
)

GLYPHS = "□■▪•"

OCR_CONFUSIONS = {
    "ə": "e",
    "e": "ə",
    "ı": "i",
    "i": "ı",
    "ö": "o",
    "o": "ö",
    "ü": "u",
    "u": "ü",
    "ş": "s",
    "ç": "c",
    "ğ": "g",
    "İ": "I",
}

_MONTHS = {
    "aze": [
        "yanvar",
        "fevral",
        "mart",
        "aprel",
        "may",
        "iyun",
        "iyul",
        "avqust",
        "sentyabr",
        "oktyabr",
        "noyabr",
        "dekabr",
    ],
    "tur": [
        "Ocak",
        "Şubat",
        "Mart",
        "Nisan",
        "Mayıs",
        "Haziran",
        "Temmuz",
        "Ağustos",
        "Eylül",
        "Ekim",
        "Kasım",
        "Aralık",
    ],
    "eng": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
_PAPERS = {
    "aze": ["Xalq qəzeti", "Səs", "Azərbaycan", "Respublika", "Yeni Müsavat"],
    "tur": ["Cumhuriyet", "Yeni Gazete", "Sabah Postası", "Günlük Haber"],
    "eng": ["The Daily Record", "Evening Courier", "The Morning Star"],
}
_ISSUE = {"aze": "№", "tur": "Sayı", "eng": "No."}
_WORD = regex.compile(r"\p{L}+")
_TOKEN = regex.compile(r"[\p{L}\p{N}]+")
_TOKEN_THEN_MARKS = regex.compile(r"[\p{L}\p{N}]+[^\s\p{L}\p{N}]*$")


@dataclass
class Article:
    """A clean article: a title and paragraphs; the first paragraph may be a bold lead."""

    title: str
    paragraphs: list[str]
    language: str
    bold_lead: bool = False
    id: str = ""

    def text(self) -> str:
        paras = list(self.paragraphs)
        if self.bold_lead and paras:
            paras[0] = f"**{paras[0]}**"
        return "\n\n".join([self.title, *paras])


@dataclass
class Block:
    """One extracted block, with its truth."""

    text: str
    kind: str  # "title" | "body" | "furniture"
    paragraph: int = -1  # index into Article.paragraphs; -1 for title and furniture
    starts_paragraph: bool = True
    ends_paragraph: bool = True
    end_junction: str = ""  # how this block continues into the next block of its paragraph
    glued: list[str] = field(default_factory=list)  # compounds glued inside the block (gold forms)
    line_junctions: list[str] = field(default_factory=list)  # raw-line mode: per line end
    glyph: str = ""  # stray glyph prefix added, with its space
    ocr: list[tuple[int, str, str, str]] = field(default_factory=list)
    """OCR errors: (word index, gold, noisy, kind)."""
    bold: bool = False
    column: int = 0
    legacy: bool = False  # stored in a legacy AzLat font encoding


@dataclass
class SimDoc:
    id: str
    language: str
    kind: str  # "broken" | "clean"
    gold: str
    text: str
    blocks: list[Block] = field(default_factory=list)
    order: list[int] = field(default_factory=list)  # order[k] = original index of emitted block k
    extractor: str = ""
    order_damaged: bool = False
    recoverable: bool = True

    def truth(self) -> dict:
        return {
            "order": self.order,
            "blocks": [asdict(b) for b in self.blocks],
            "extractor": self.extractor,
            "order_damaged": self.order_damaged,
            "recoverable": self.recoverable,
        }


# --------------------------------------------------------------------------------------------
# Typesetting


@dataclass
class _Line:
    text: str
    paragraph: int
    end: str  # "" (word wrap), "syllable" (hyphen added), "compound" (broke at own hyphen), "para"


def _fill(paragraph: str, index: int, width: int, rng: random.Random, d: Defects) -> list[_Line]:
    words = paragraph.split()
    lines: list[_Line] = []
    current: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        used = len(" ".join(current))
        room = width - used - (1 if current else 0)
        if len(word) <= room:
            current.append(word)
            i += 1
            continue
        split = _hyphen_split(word, room, rng, d) if current or room > 0 else None
        if split is not None:
            head, tail, kind = split
            current.append(head)
            lines.append(_Line(" ".join(current), index, kind))
            current = []
            words[i] = tail
            continue
        if current:
            lines.append(_Line(" ".join(current), index, ""))
            current = []
        else:  # a single word longer than the column: set it alone on its line
            lines.append(_Line(word, index, ""))
            i += 1
    if current:
        lines.append(_Line(" ".join(current), index, "para"))
    elif lines:
        lines[-1].end = "para"
    return lines


LEADING_PUNCTUATION = regex.compile(r"\p{P}*")


def _hyphen_split(word: str, room: int, rng: random.Random, d: Defects):
    if d.hyphenate <= 0 or rng.random() >= d.hyphenate:
        return None
    core = LEADING_PUNCTUATION.match(word)
    lead_p = core.group(0) if core else ""
    candidates = []
    for cut in syllable_breaks(word):
        if word[cut - 1] == "-":
            head, kind = word[:cut], "compound"
        else:
            head, kind = word[:cut] + "-", "syllable"
        if len(head) <= room and cut > len(lead_p):
            candidates.append((cut, head, kind))
    if not candidates:
        return None
    cut, head, kind = candidates[-1]
    return head, word[cut:], kind


# --------------------------------------------------------------------------------------------
# Extraction


def _docling_block(lines: list[_Line]) -> tuple[str, list[str]]:
    """Join a block's lines the way docling does: every line-final hyphen between letters goes."""
    out = lines[0].text
    glued: list[str] = []
    for prev, line in itertools.pairwise(lines):
        if prev.end in ("syllable", "compound") and out.endswith("-"):
            if prev.end == "compound":
                # With the marks between the word and its hyphen (həqiqtələr”-in).
                left = _TOKEN_THEN_MARKS.search(out[:-1]).group(0)
                right = _TOKEN.findall(line.text)[0]
                glued.append(f"{left}-{right}")
            out = out[:-1] + line.text
        else:
            out = out + " " + line.text
    return out, glued


def _raw_block(lines: list[_Line]) -> tuple[str, list[str]]:
    return "\n".join(line.text for line in lines), [line.end for line in lines[:-1]]


def _furniture(language: str, page: int, rng: random.Random) -> str:
    lang = language if language in _PAPERS else "eng"
    if rng.random() < 0.5:
        return rng.choice([str(page), f"— {page} —", f"{page}"])
    paper = rng.choice(_PAPERS[lang])
    month = rng.choice(_MONTHS[lang])
    day = rng.randint(1, 28)
    year = rng.randint(1995, 2024)
    styles = [
        f"{upper(paper, language)} • {day} {month} {year} • {_ISSUE[lang]} {rng.randint(1, 250)}",
        f"{paper}, {day} {month} {year}",
        f"{page}   {upper(paper, language)}",
    ]
    return rng.choice(styles)


def _ocr_word(word: str, language: str, rng: random.Random, drop: float) -> tuple[str, str] | None:
    """One OCR error in ``word``: (noisy word, kind), kind like ``ə→e`` or ``drop``."""
    if len(word) >= 5 and rng.random() < drop:
        i = rng.randrange(1, len(word) - 1)
        return word[:i] + word[i + 1 :], "drop"
    spots = [i for i, ch in enumerate(word) if ch in OCR_CONFUSIONS]
    if language != "aze":  # only Azerbaijani has ə to confuse with e
        spots = [i for i in spots if word[i] not in "əƏe"]
    if not spots:
        return None
    i = rng.choice(spots)
    new = OCR_CONFUSIONS[word[i]]
    return word[:i] + new + word[i + 1 :], f"{word[i]}→{new}"


def simulate(article: Article, seed: int, defects: Defects = Defects()) -> SimDoc:
    """Typeset ``article`` into columns and extract it back with ``defects``."""
    rng = random.Random(f"{article.id}:{seed}")
    d = defects
    width = rng.randint(d.width_min, d.width_max)
    per_column = rng.randint(d.lines_min, d.lines_max)
    extractor = "raw" if rng.random() < d.raw_lines else "docling"
    bold = article.bold_lead

    lines: list[_Line] = []
    for p, para in enumerate(article.paragraphs):
        lines.extend(_fill(para, p, width, rng, d))

    columns: list[list[_Line]] = []
    if d.split_columns > 0 and rng.random() < d.split_columns:
        for k in range(0, len(lines), per_column):
            columns.append(lines[k : k + per_column])
    else:
        columns.append(lines)

    blocks: list[Block] = [Block(text=article.title, kind="title")]
    n_par = len(article.paragraphs)
    for c, column in enumerate(columns):
        if c > 0:
            page_break = c % max(1, d.columns_per_page) == 0
            if d.furniture > 0 and (page_break or rng.random() < d.furniture):
                page = 1 + c // max(1, d.columns_per_page) + rng.randint(0, 20)
                blocks.append(
                    Block(text=_furniture(article.language, page, rng), kind="furniture", column=c)
                )
        run: list[_Line] = []
        for line in [*column, None]:  # type: ignore[list-item]
            if run and (line is None or line.paragraph != run[0].paragraph):
                blocks.append(_make_block(run, extractor, bold, c))
                run = []
            if line is not None:
                run.append(line)
                if line.end == "para":
                    blocks.append(_make_block(run, extractor, bold, c))
                    run = []
    assert all(0 <= b.paragraph < n_par for b in blocks if b.kind == "body")
    _fix_starts(blocks)

    body = [b for b in blocks if b.kind == "body"]
    if body and d.glyph > 0 and rng.random() < d.glyph:
        heads = [b for b in body if b.starts_paragraph]
        target = body[0] if rng.random() < 0.6 else rng.choice(heads)
        target.glyph = rng.choice(GLYPHS) + " "
    if d.ocr > 0:
        for b in body:
            _inject_ocr(b, article.language, rng, d.ocr, d.ocr_drop)
    if d.legacy > 0 and article.language == "aze":
        for b in body:
            b.legacy = rng.random() < d.legacy

    order = list(range(len(blocks)))
    damaged = False
    recoverable = True
    if d.order > 0:
        heads = [
            i
            for i, b in enumerate(blocks)
            if i > 0
            and b.kind == "body"
            and b.column > 0
            and (i == 0 or blocks[i - 1].column != b.column or blocks[i - 1].kind == "furniture")
        ]
        pinned = 2  # the title and the first body block stay first
        moved: list[int] = []
        for h in heads:
            if rng.random() >= d.order:
                continue
            pos = order.index(h)
            shift = rng.choice([s for s in range(-d.max_shift, d.max_shift + 1) if s != 0])
            new = min(max(pinned, pos + shift), len(order) - 1)
            if new == pos:
                continue
            order.insert(new, order.pop(pos))
            moved.append(h)
            damaged = True
        recoverable = all(_open_at_an_end(blocks, i) for i in moved)

    text = "\n\n".join(_render(blocks[i]) for i in order)
    gold = article.text()
    return SimDoc(
        id=f"{article.id}#{seed}",
        language=article.language,
        kind="broken",
        gold=gold,
        text=text,
        blocks=blocks,
        order=order,
        extractor=extractor,
        order_damaged=damaged,
        recoverable=recoverable,
    )


def _make_block(run: list[_Line], extractor: str, bold: bool, column: int) -> Block:
    para = run[0].paragraph
    starts = True
    # A block starts its paragraph unless the line before its first line belongs to the same one;
    # the caller fills ends/starts from the junctions below.
    if extractor == "raw":
        text, line_junctions = _raw_block(run)
        glued: list[str] = []
    else:
        text, glued = _docling_block(run)
        line_junctions = []
    last = run[-1].end
    block = Block(
        text=text,
        kind="body",
        paragraph=para,
        starts_paragraph=starts,
        ends_paragraph=last == "para",
        end_junction="" if last == "para" else last or "space",
        glued=glued,
        line_junctions=line_junctions,
        bold=bold and para == 0,
        column=column,
    )
    return block


def _fix_starts(blocks: list[Block]) -> None:
    prev_para = None
    prev_closed = True
    for b in blocks:
        if b.kind != "body":
            continue
        b.starts_paragraph = b.paragraph != prev_para or prev_closed
        prev_para, prev_closed = b.paragraph, b.ends_paragraph


def _render(block: Block) -> str:
    text = latin_to_azlat(block.text) if block.legacy else block.text
    if block.bold:
        text = f"**{text}**"
    return block.glyph + text


def _inject_ocr(block: Block, language: str, rng: random.Random, rate: float, drop: float) -> None:
    counter = iter(range(1 << 30))

    def swap(m: regex.Match) -> str:
        word, index = m.group(0), next(counter)
        if len(word) < 3 or rng.random() >= rate:
            return word
        made = _ocr_word(word, language, rng, drop)
        if made is None:
            return word
        noisy, kind = made
        block.ocr.append((index, word, noisy, kind))
        return noisy

    block.text = _WORD.sub(swap, block.text)


_CLOSED = regex.compile(r"[.!?…:;][\"'»”’)\]]*$")


def _open_at_an_end(blocks: list[Block], i: int) -> bool:
    """Whether the text shows block ``i`` is a fragment: it ends or starts mid-sentence."""
    b = blocks[i]
    if not b.ends_paragraph and not _CLOSED.search(b.text):
        return True
    if b.starts_paragraph:
        return False
    prev = next(p for p in reversed(blocks[:i]) if p.kind == "body")
    return not _CLOSED.search(prev.text)


def invert(doc: SimDoc) -> str:
    """Rebuild the clean article from ``doc.text`` and its recorded truth alone."""
    parts = doc.text.split("\n\n")
    if len(parts) != len(doc.order):
        raise ValueError(f"{doc.id}: {len(parts)} blocks in text, {len(doc.order)} in truth")
    by_index: dict[int, str] = {}
    for k, i in enumerate(doc.order):
        block = doc.blocks[i]
        text = parts[k]
        if block.glyph:
            assert text.startswith(block.glyph)
            text = text[len(block.glyph) :]
        if block.bold:
            assert text.startswith("**") and text.endswith("**")
            text = text[2:-2]
        by_index[i] = restore_block(block, text)
    paragraphs: dict[int, str] = {}
    title = ""
    pending: dict[int, str] = {}
    for i, block in enumerate(doc.blocks):
        if block.kind == "title":
            title = by_index[i]
        elif block.kind == "body":
            p = block.paragraph
            text = by_index[i]
            paragraphs[p] = _join(paragraphs[p], text, pending[p]) if p in paragraphs else text
            pending[p] = block.end_junction
    paras = [paragraphs[p] for p in sorted(paragraphs)]
    if doc.blocks and any(b.bold for b in doc.blocks) and paras:
        paras[0] = f"**{paras[0]}**"
    return "\n\n".join([title, *paras])


def restore_block(block: Block, text: str, lines: bool = True) -> str:
    """Undo a block's recorded letter and glue damage (and, with ``lines``, its line breaks)."""
    if block.legacy:
        text = azlat_to_latin(text)
    for index, gold_word, noisy, _ in block.ocr:
        m = list(_WORD.finditer(text))[index]
        assert m.group(0) == noisy, (m.group(0), noisy)
        text = text[: m.start()] + gold_word + text[m.end() :]
    offset = 0
    for compound in block.glued:
        text, offset = _replace_word(text, compound.replace("-", ""), compound, offset)
    if lines and block.line_junctions:
        parts = text.split("\n")
        out = parts[0]
        for junction, line in zip(block.line_junctions, parts[1:], strict=True):
            out = _join(out, line, junction)
        text = out
    return text


def _join(left: str, right: str, junction: str) -> str:
    if junction == "syllable":
        return left[:-1] + right
    if junction == "compound":
        return left + right
    return left + " " + right


def _replace_word(text: str, old: str, new: str, offset: int) -> tuple[str, int]:
    pattern = regex.compile(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(old)}(?![\p{{L}}\p{{N}}])")
    m = pattern.search(text, offset)
    if m is None:
        raise ValueError(f"truth word {old!r} not found")
    return text[: m.start()] + new + text[m.end() :], m.start() + len(new)


# --------------------------------------------------------------------------------------------
# Data


def paragraphs_from_sentences(
    sentences: list[str], rng: random.Random, sizes: tuple[int, int] = (1, 3)
) -> list[str]:
    out, i = [], 0
    while i < len(sentences):
        n = rng.randint(*sizes)
        out.append(" ".join(" ".join(s.split()) for s in sentences[i : i + n]))
        i += n
    return out


def articles_from_ntrex(
    records: list[dict], language: str, seed: int = 0, bold_lead: float = 0.5
) -> list[Article]:
    out = []
    for r in records:
        if r["lang"] != language:
            continue
        rng = random.Random(f"{r['id']}:{seed}")
        paras = paragraphs_from_sentences(r["sentences"], rng)
        out.append(
            Article(
                title=" ".join(r["title"].split()),
                paragraphs=paras,
                language=language,
                bold_lead=rng.random() < bold_lead,
                id=r["id"],
            )
        )
    return out


def clean_variants(article: Article, seed: int) -> list[SimDoc]:
    """Do-no-harm cases: the printed article, and one with a colon-introduced list."""
    rng = random.Random(f"{article.id}:clean:{seed}")
    docs = [_clean(article, "clean")]
    if len(article.paragraphs) >= 3:
        paras = list(article.paragraphs)
        k = rng.randint(1, len(paras) - 1)
        items = [lower(w, article.language) for w in _WORD.findall(paras[k])[:3] if len(w) > 3]
        if items:
            intro = {"aze": "Əsas məqamlar:", "tur": "Öne çıkanlar:", "eng": "Key points:"}.get(
                article.language, "Key points:"
            )
            marks = "abcdefgh"
            listing = [intro] + [f"{marks[j]}) {w};" for j, w in enumerate(items[:-1])]
            listing.append(f"{marks[len(items) - 1]}) {items[-1]}.")
            paras[k:k] = listing
            listed = Article(article.title, paras, article.language, article.bold_lead, article.id)
            docs.append(_clean(listed, "clean-list"))
    return docs


def _clean(article: Article, name: str) -> SimDoc:
    text = article.text()
    return SimDoc(f"{article.id}#{name}", article.language, "clean", gold=text, text=text)
