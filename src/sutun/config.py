"""Repair configuration: one immutable object, every option documented with its default."""

from __future__ import annotations

from typing import NamedTuple


class RepairConfig(NamedTuple):
    steps: tuple[str, ...] = (
        "cleanup",
        "legacy",
        "normalise",
        "dehyphenate",
        "reorder",
        "join",
        "letters",
        "structure",
    )
    """Steps to run, in order (names from :data:`sutun.steps.STEPS`)."""
    gate: bool = True
    """Touch a document only when it shows damage (do-no-harm)."""
    glyphs: str = "□■▪◾◼"
    """Layout glyphs removed wherever they stand alone."""
    max_shift: int = 3
    """How far (in blocks) reorder's search may move a block; further only on the strongest
    evidence (see :mod:`sutun.steps.reorder`)."""
    link_threshold: float = 1.0
    """Least evidence for reorder to link a block to a continuation that is not next to it."""
    move_cost: float = 0.4
    """Reorder's price for each block a moved block passes over."""
    open_cost: float = 1.0
    """Reorder's price for an open block end, or a lower-case block start, left without a
    continuation."""
    beam: int = 16
    """Orders reorder's search keeps at each step."""
    max_line: int = 150
    """Lines longer than this are paragraphs, not a column's wrapped lines (printed columns and
    pages wrap well before it; an extractor that joins a hyphenated word's lines makes a few long
    ones). In text of a few runs, a run a quarter of whose lines are this long is read a block
    per line, as if blank lines parted them; elsewhere a block most of whose lines are keeps its
    line breaks."""
    space_join_min_words: int = 6
    """An open block followed by a capitalised block is joined only when it has this many words
    (shorter ones are headings, list intros or captions)."""
    split_glued: bool = True
    """Split compounds glued by a line-end hyphen removal back (on strong evidence only)."""
    min_letter_errors: int = 2
    """Letters are corrected in a document with at least this many confident letter errors (which
    alone mark it as damaged); one can be the author's own typo, and stays."""
    letter_error_rate: float = 0.002
    """Confident letter errors per word a document needs besides (min_letter_errors), so that a
    long record (a page, an issue) is not taken for OCR output by its authors' typos: clean dev
    articles hold 0.7 confident errors per 1,000 words, text with OCR noise on 0.5% of its words
    4.3 (records of three clean dev articles changed: 12% at 0.0015, 7% at 0.002, 2% at 0.0025,
    which would miss more OCR'd pages)."""
    min_any_letter_errors: int = 5
    """Letters are also corrected in a document with at least this many letter errors of any kind
    the step would correct (a dropped or doubled letter, two confusions, besides the confident
    ones), at a rate of at least any_letter_error_rate: Tesseract on phone photos drops and
    doubles letters as often as it confuses them, and the confident count alone misses such a
    text (a real OCR'd lecture: 1.3 confident errors per 1,000 words besides the misreadings it
    repeats, 3.6 of any kind; clean dev articles in one record: 0.8 and 1.4). Fewer may be a
    short article's own typos (at four, one more record of three clean dev articles is changed;
    at three, a clean dev article)."""
    any_letter_error_rate: float = 0.0025
    """Letter errors of any kind per word a document needs besides (min_any_letter_errors)."""
    ocr_charset: frozenset[str] | None = None
    """The characters the OCR model that read the text can output, when known (``sutun.extract``
    sets it for pages it reads with Tesseract): a letter outside it was misread as a look-alike,
    which letters reads back where the lexicon knows the word with it."""
    to_latin: bool = False
    """Also transliterate Azerbaijani Cyrillic (Soviet-era texts) to the Latin alphabet."""
    restore_diacritics: bool = False
    """Put back ə ı ö ü ş ç ğ in text typed without them (each word to its likeliest spelling)."""
    real_word: bool = False
    """Also correct OCR errors that made another real word (adı read as adi); needs strong context
    evidence and is off because our bigrams are too sparse to keep precision."""
    max_chars: int = 1_000_000
    """Longer inputs (no newspaper article is this long) are passed through unchanged."""
