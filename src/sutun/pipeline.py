"""``repair``: text → Document → steps → text, with every change replayable by ``apply_edits``."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Callable, Iterator

from sutun.config import RepairConfig
from sutun.document import Document, Edit, Repaired
from sutun.edits import apply_edits, back_through, compose
from sutun.lang.model import LanguageModel, canonical, shipped
from sutun.lang.scripts import (
    azerbaijani_cyrillic,
    cyrillic_read_as_latin,
    latin_back_to_cyrillic,
)
from sutun.readers import document_from_text
from sutun.steps import STEPS, cleanup, columns, dehyphenate, legacy, letters, normalise
from sutun.steps.evidence import (
    CLOSING_QUOTES,
    LEADING_GLYPHS,
    LINE_END_HYPHENS,
    OPENING_QUOTES,
    SOFT_HYPHEN,
    TOKEN_CHAR,
    Context,
    debris,
    ends_inside_a_name,
    ends_on_a_word_no_sentence_ends_on,
    forget_blocks,
    glued_index,
    head_of,
    heading_goes_on,
    new_title,
    structural,
    tail_of,
)
from sutun.steps.structure import fill

DEFAULT = RepairConfig()
_LINE_END_HYPHEN = re.compile(
    rf"[{LINE_END_HYPHENS}\u00ad]{dehyphenate.SPECK_AFTER_HYPHEN}[ \t\r]*\n[ \t]*"
)


def _raw_hyphen(text: str) -> bool:
    """A letter (or a closing quote), a hyphen at a line end, a letter (found from the hyphen: a
    scan for the rare character is several times faster than one that tries a letter class
    everywhere)."""
    return any(
        m.start()
        and (text[m.start() - 1].isalpha() or text[m.start() - 1] in CLOSING_QUOTES)
        and text[m.end() : m.end() + 1].isalpha()
        for m in _LINE_END_HYPHEN.finditer(text)
    )


def detect_language(text: str) -> str | None:
    """A cheap guess from letters only Azerbaijani / Turkish use; None when unsure."""
    sample = text[:20_000]
    letters = sum(ch.isalpha() for ch in sample)
    if not letters:
        return None
    schwa = sample.count("ə") + sample.count("Ə")
    if schwa / letters > 0.005 or azerbaijani_cyrillic(sample):
        return "aze"
    turkish = sum(sample.count(ch) for ch in "ışğİ")
    if turkish / letters > 0.005:
        return "tur"
    if sample.isascii() or sum(ch.isascii() for ch in sample) / len(sample) > 0.98:
        return "eng"
    return None


MISSING_LETTER_ODDS = 14.0
"""Times a text in the model's language would show a frequent letter, at least, before its
scarcity counts (odds of e^-14, one in a million, against a chance miss: Azerbaijani's ə is due
14 times in 200 letters)."""
SCARCE = 8
"""A frequent letter written at under an eighth of its rate is missing: a Turkish or English
text that quotes an Azerbaijani name or two still shows it (the aze dev articles write ə at 0.96
of the model's rate or more, an article half in English quotes would at half)."""
LETTER = re.compile(r"[^\W\d_]")


def written_in(text: str, model: LanguageModel, printable: frozenset[str] | None = None) -> bool:
    """False when a letter the model's language writes often is missing from ``text``, or nearly
    so, where a text in the language would hold it many times: Turkish or English labelled
    Azerbaijani. A letter the OCR that read the text cannot print (not in ``printable``) is not
    asked for."""
    letters = None
    for letter, share in model.frequent_letters():
        seen = text.count(letter) + text.count(letter.upper())
        if seen * SCARCE >= len(text) * share:
            continue  # the common case, asked without counting letters
        if printable is not None and letter not in printable:
            continue
        if letters is None:
            letters = len(LETTER.findall(text))
        if seen * SCARCE < letters * share and letters * share >= MISSING_LETTER_ODDS:
            return False
    return True


def damage(doc: Document, ctx: Context) -> Iterator[str]:
    """The signs that a document was broken by extraction, cheapest to find first; none for
    clean text (the gate needs only the first)."""
    if _raw_hyphen(doc.source):
        yield "line-end hyphen inside a block"
    texts = [doc.source[b.start : b.end] for b in doc.blocks]
    for k, t in enumerate(texts):
        if cleanup.furniture_kind(t, strong_only=True) and (k or cleanup.dated_head(t)):
            yield "page furniture"
        # The block's edge characters first: most blocks end in a full stop and start with a
        # capital, and the full reading of an edge is the costlier question.
        end = t.rstrip().rstrip("*_").rstrip()
        if k + 1 < len(texts) and end[-1:] in LINE_END_HYPHENS and tail_of(t).hyphen:
            yield "block ends in a hyphen"
        if k and _may_start_lower(t) and head_of(t).lower:
            yield "block starts in lower case"
        if (
            "(" in t
            and tail_of(t).parenthesis
            and any(head_of(u).parenthesis for u in texts[k + 1 : k + 2 + ctx.config.max_shift])
        ):
            yield "a parenthesis opened in one block and closed in another"
        if k and heading_goes_on(texts[k - 1], t):
            yield "a heading set on two lines"
        wordy = end.rstrip(CLOSING_QUOTES)[-1:]
        if not (k and k + 1 < len(texts) and (wordy.isalpha() or wordy == ",")) or structural(t):
            continue  # a markdown heading ends as it likes
        following = head_of(texts[k + 1])
        if following.capital and not following.enumerated:
            if ends_inside_a_name(t) and not _kept_apart(k, texts, ctx):
                yield "a paragraph cut off inside a name"
            if ends_on_a_word_no_sentence_ends_on(t, ctx) and not _kept_apart(k, texts, ctx):
                yield "a paragraph cut off on a word no sentence ends on"
    if cleanup.glyph_spans(doc, ctx):
        yield "glyph or invisible character"
    if dehyphenate.glued_suffixes(doc):
        yield "a number or an acronym glued to its suffix"
    if dehyphenate.glued_compounds(doc, ctx):
        yield "a compound glued where a line-end hyphen was dropped"
    # One read inside a word (mürək-kəb) is no damage on its own: an author may write a
    # compound so (on-line) that the lexicon knows solid.
    kept = dehyphenate.hyphens_inside_lines(doc, ctx)
    if any(doc.source[start:end].endswith(" ") for start, end, _ in kept):
        yield "a line-end hyphen kept inside a line"
    if cleanup.repeated_heads(doc, ctx):
        yield "a running head inside a sentence"
    if normalise.damaged_tokens(doc, ctx):
        yield "non-NFC or look-alike letters"
    if legacy.conversions(doc, ctx):
        yield "text in a legacy font encoding"
    if letters.ocr_damaged(doc, ctx):
        yield "words the model rejects, a letter away from known ones"
    if letters.misprints(doc, ctx):
        yield "a letter or sign the OCR model could not print"


def _kept_apart(k: int, texts: list[str], ctx: Context) -> bool:
    """Letter debris, or a headline over its lead, at the junction after block ``k``: the joins
    keep both apart."""
    return (
        debris(texts[k], ctx, at_end=True)
        or debris(texts[k + 1], ctx)
        or new_title(texts[k - 1], texts[k], texts[k + 1])
    )


def _may_start_lower(text: str) -> bool:
    """False when a block cannot start in lower case: its first letter past glyphs, emphasis
    and opening quotes is not one."""
    start = text.lstrip().lstrip(LEADING_GLYPHS).lstrip(" \t").lstrip("*_").lstrip()
    return start.lstrip(OPENING_QUOTES)[:1].islower()


def repair(
    text: str,
    language: str | None = None,
    config: RepairConfig = DEFAULT,
    model: LanguageModel | None = None,
) -> Repaired:
    """Restore ``text``; ``language`` like ``aze``/``azj_Latn`` (detected when None).

    ``model`` replaces the shipped model for documents in its language; documents in another
    language use theirs, so one model can be passed for a mixed batch.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if text.strip() and len(text) <= config.max_chars:
        plan = normalise.mojibake_plan(text)
        if plan is not None:
            decoded = _read_decoded(text, plan, language, config, model)
            if decoded is not None:
                return decoded
        if "   " in text:
            read = _read_columns(text, language, config, model)
            if read is not None:
                return read
        if SOFT_HYPHEN in text:
            whole = _read_through(text, language, config, model)
            if whole is not None:
                return whole
    return _repair(text, language, config, model)


def _read_columns(
    text: str, language: str | None, config: RepairConfig, model: LanguageModel | None
) -> Repaired | None:
    """Columns printed side by side (``pdftotext -layout``) are read one after another first,
    and that text repaired. Where a block moved inside them, the change is one edit of the whole
    text, its evidence both lists (the reading's, then the repair's of what it read)."""
    first = columns.edits(text)
    if not first:
        return None
    # Text read out of a page's layout is damaged by that alone: its lines are a column's.
    inner = repair(apply_edits(text, first), language, config._replace(gate=False), model)
    composed = _repaired_through(text, first, inner)
    if composed is not None:
        return composed
    back = back_through(first)
    starts = [e.start for e in first]
    furniture = [
        {**f, "offset": _back_or_region(back, starts, f["offset"])}
        for f in inner.document.furniture
    ]
    edit = Edit(
        "columns",
        0,
        len(text),
        inner.text,
        step=columns.STEP,
        confidence=min(e.confidence for e in first),
        evidence={
            "reason": "columns printed side by side, read one after another, then repaired",
            "read": [e.to_dict() for e in first],
            "then": [e.to_dict() for e in inner.edits],
        },
    )
    return _repaired_as(text, inner.document, [edit], furniture)


def _back_or_region(back: Callable[[int], int | None], starts: list[int], offset: int) -> int:
    """The input offset of ``offset``, or where the columns read around it start."""
    found = back(offset)
    return found if found is not None else starts[max(0, bisect.bisect_right(starts, offset) - 1)]


INNER_SOFT_HYPHENS = re.compile(r"(?<=[^\W_])\u00ad+(?=[^\W_])")


def _read_through(
    text: str, language: str | None, config: RepairConfig, model: LanguageModel | None
) -> Repaired | None:
    """A browser's PDF keeps every discretionary hyphen of its words in the text layer
    (te\u00adle\u00adfon): they go first, and the words are repaired whole, as printed. Those at
    line ends stay: the breaks are read by them. None when a block move would start inside one."""
    first = [
        Edit(
            "remove-invisible",
            m.start(),
            m.end(),
            "",
            step=cleanup.STEP,
            confidence=0.99,
            evidence={"removed": m.group(), "reason": "soft hyphen inside a word"},
        )
        for m in INNER_SOFT_HYPHENS.finditer(text)
    ]
    if not first:
        return None
    return _repaired_through(text, first, repair(apply_edits(text, first), language, config, model))


def _repair(
    text: str,
    language: str | None,
    config: RepairConfig,
    model: LanguageModel | None,
    check_language: bool = True,
) -> Repaired:
    forget_blocks()
    lang = canonical(language) or (detect_language(text) if check_language else None)
    # A lone \r ends a line: read as \n (same offsets), and written as one where repaired.
    lone_cr = "\r" in text and cleanup.LONE_CR.search(text) is not None
    read = functools.partial(document_from_text, paragraph_line=config.max_line)
    doc = read(cleanup.LONE_CR.sub("\n", text) if lone_cr else text, lang)
    if not text.strip() or len(text) > config.max_chars:
        fill(doc, text)
        return Repaired(text, [], doc)
    if model is not None and model.language != lang:
        model = None
    if model is None and lang is not None:
        model = shipped(lang)
    if model is not None and lang == "aze" and not config.to_latin and azerbaijani_cyrillic(text):
        return _read_as_latin(text, lang, config, model)
    ctx = Context(config=config, model=model, document=doc, reread=read)
    if "legacy" in config.steps:
        converted = _read_converted(text, doc, ctx, config, model, language)
        if converted is not None:
            return converted
    if (
        check_language
        and model is not None
        and not config.restore_diacritics
        and not written_in(text, model, config.ocr_charset)
    ):
        # Labelled with a language it is not written in: read as the language its letters show,
        # or as none, rather than "corrected" into the label's words. Scarce letters alone are
        # no proof (a paragraph of names and front vowels has few ı): detection must disagree.
        other = detect_language(text)
        if other != lang:
            return _repair(text, other, config, model, check_language=False)
    if config.gate and next(damage(doc, ctx), None) is None:
        fill(doc, text)
        return Repaired(text, [], doc)
    doc.damaged = True
    ctx.read_vocabulary()
    ctx.glued = glued_index(ctx.vocab, model, doc.source)
    for name in config.steps:
        STEPS[name](doc, ctx)
    if doc.edits:
        _trim(doc)
    if lone_cr:
        _line_ends(doc, text)
    out = apply_edits(text, doc.edits)
    fill(doc, out)
    return Repaired(out, list(doc.edits), doc)


def _read_as_latin(
    text: str, language: str, config: RepairConfig, model: LanguageModel
) -> Repaired:
    """Azerbaijani Cyrillic (Soviet-era print) repaired through its Latin reading, which the
    model knows, letter for letter so that every offset holds. The text stays Cyrillic: letters
    an edit writes are written back in Cyrillic (an edit that cannot be is left out)."""
    latin = repair(cyrillic_read_as_latin(text), language, config, model)
    edits = []
    for e in latin.edits:
        if not e.is_move and TOKEN_CHAR.search(e.replacement):
            back = latin_back_to_cyrillic(e.replacement)
            if back is None:
                continue
            e = dataclasses.replace(e, replacement=back)
        e.evidence["read_as"] = "Latin letters"
        edits.append(e)
    furniture = [  # as written: the Latin reading has the same offsets and lengths
        {**f, "text": text[f["offset"] : f["offset"] + len(f["text"])]}
        for f in latin.document.furniture
    ]
    return _repaired_as(text, latin.document, edits, furniture)


def _read_decoded(
    text: str,
    plan: list[tuple[str, str]],
    language: str | None,
    config: RepairConfig,
    model: LanguageModel | None,
) -> Repaired | None:
    """UTF-8 read as Windows-1252 (AzÉ™rbaycan) is decoded first, word by word, and the decoded
    text repaired: every step reads the words as written. The edits are of the input: an edit
    that cuts into a decoded word takes its decoding in. None when a block move would cut one."""
    first = normalise.decoding(text, plan)
    decoded = apply_edits(text, first)
    if decoded == text:
        return None
    return _repaired_through(text, first, repair(decoded, language, config, model))


def _read_converted(
    text: str,
    doc: Document,
    ctx: Context,
    config: RepairConfig,
    model: LanguageModel | None,
    language: str | None,
) -> Repaired | None:
    """Text in a legacy font encoding is converted first and the Latin text repaired, so that
    every step, and what it learns from the whole document, reads the words as written (as for
    mis-decoded text); its language, unless given, is detected on the converted text (coded, the
    letters showed none). None when there is nothing to convert, or a block move would cut into a
    converted word."""
    first = legacy.edits(doc, ctx)
    if not first:
        return None
    inner = _repair(apply_edits(text, first), language, config, model)
    return _repaired_through(text, first, inner)


def _repaired_through(text: str, first: list[Edit], inner: Repaired) -> Repaired | None:
    """``text`` repaired by its replacements ``first`` and by ``inner``, the repair of what they
    made; None when a block move of ``inner`` would cut into a replaced word."""
    edits = compose(text, first, inner.edits)
    if edits is None:
        return None
    back = back_through(first)  # furniture starts a block, never inside a replaced word
    furniture = [{**f, "offset": back(f["offset"])} for f in inner.document.furniture]
    return _repaired_as(text, inner.document, edits, furniture)


def _repaired_as(text: str, read: Document, edits: list[Edit], furniture: list[dict]) -> Repaired:
    """``text`` repaired by ``edits`` found in another reading of it (``read``)."""
    doc = document_from_text(text, read.language)
    doc.edits = edits
    doc.damaged = read.damaged or bool(edits)
    doc.furniture = furniture
    out = apply_edits(text, edits)
    fill(doc, out)
    return Repaired(out, edits, doc)


def _line_ends(doc: Document, text: str) -> None:
    """Each lone \r no edit replaced becomes the \n the steps read it as."""
    for m in cleanup.LONE_CR.finditer(text):
        if not doc.overlaps(m.start(), m.end()):
            doc.add(Edit("line-end", m.start(), m.end(), "\n", step="pipeline"))


def _trim(doc: Document) -> None:
    """Leading and trailing blank space goes once the document is being repaired anyway (also
    what furniture taken off the top leaves)."""
    if not doc.blocks:
        return
    kept = [b for b in doc.blocks if b.kind != "furniture"] or doc.blocks
    first = min(b.start for b in kept)
    last = max(b.end for b in doc.blocks)
    taken = [(e.start, e.end) for e in doc.edits if not e.is_move]
    top = max((e for s, e in taken if e <= first), default=0)
    if top < first and not any(s < first and e > top for s, e in taken):
        doc.add(Edit("trim", top, first, "", step="pipeline"))
    if last < len(doc.source) and not any(e > last for _, e in taken):
        doc.add(Edit("trim", last, len(doc.source), "", step="pipeline"))
