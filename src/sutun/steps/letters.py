"""OCR letter errors: a word the language model rejects that one or two letter confusions (ə↔e,
ı↔i, ö↔o/ə, ü↔u, ş↔s, ç↔c, ğ↔g) or one dropped or doubled letter turn into a word it knows.

Names and foreign words are left alone: only words in the Azerbaijani alphabet are judged (a
capitalised one, a name most likely, only by one confusion into a very frequent word), never
acronyms, numbers, URLs, e-mails, a piece of a word a line-end hyphen breaks (judged whole once
the joins have made it so), a spelling the document repeats, or letter debris outside prose (OCR
of a picture or a table). Options: ``real_word`` (a known word whose neighbours strongly prefer a
confusable one) and ``restore_diacritics`` (text typed without ə ı ö ü ş ç ğ).
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from sutun.document import Document, Edit
from sutun.edits import apply_edits
from sutun.lang import morphology
from sutun.lang.alphabet import is_vowel, lower, upper
from sutun.lang.model import LanguageModel
from sutun.lang.morphology import harmony_breaks
from sutun.steps.evidence import (
    CLOSING_QUOTES,
    MIN_LEXICON,
    OPENING_QUOTES,
    USUALLY_ENDS,
    Context,
    in_code,
    in_prose,
    words_of,
)

STEP = "letters"
ALPHABET = frozenset("abcçdeəfgğhxıijkqlmnoöprsştuüvyz")
CONFUSED = {
    "e": "ə",
    "ə": "eö",
    "ı": "i",
    "i": "ı",
    "o": "ö",
    "ö": "oə",
    "u": "ü",
    "ü": "u",
    "s": "ş",
    "ş": "s",
    "c": "ç",
    "ç": "c",
    "g": "ğ",
    "ğ": "gj",
}
"""What an OCR engine reads → what the letter may really have been (a j, its dot read as a
breve over the same descender, comes out ğ: texnoloği, bioloği in a Tesseract specimen)."""
LOOK_ALIKES = {"j": ("i", "l", "y", "il", "iy", "if")}
"""A letter an OCR model cannot output (Tesseract's Azerbaijani model has no j) → what it reads
it as instead (rejim → reyim, enerji → enerii, janr → lanr, mesajlar → mesailar, jurnal →
iyurnal, ifurnal)."""
INSIDE_LOOK_ALIKES = {"j": ("f", "fl")}
"""… and what it reads it as inside a word only (rejim → refim, reifim, süjet → süflet; a word's
first F is an F: Flora is no Jora)."""
DROPPED_FIRST = frozenset("j")
"""Letters an OCR model cannot output that it may leave out at a word's start (Johnny → ohnny)."""
CAPITAL_LOOK_ALIKES = {"j": ("l", "y", "")}
"""What a word-initial capital reads as where its model lacks it: Tesseract prints a J as l or y
or not at all (John → lohn, Jacobs → yacobs), a dotted j as i (janr → ianr)."""
PLAIN = str.maketrans("əıöüşçğ", "eiouscg")
MARGIN = 1.0
"""How far (in log-frequency) the best candidate must lead the next one."""
LETTERS_ONLY = re.compile(r"[^\W\d_]+")
LINE_BREAK_AFTER = re.compile(r"[ \t*_]*[-\u2010\u00ad¬]?[ \t]*\r?\n")
LINE_BREAK_BEFORE = re.compile(r"[-\u2010\u00ad¬][ \t]*\r?\n[\s*_]*\Z")
REPEATED = 3
"""A spelling the document uses this often is its own (a name, a term), not an error."""


@dataclass(frozen=True)
class Correction:
    start: int
    end: int
    old: str
    new: str
    kind: str  # "ocr-letter" | "real-word" | "diacritics"
    confidence: float
    evidence: dict[str, Any] = field(default_factory=dict)


def usable(model: LanguageModel | None) -> bool:
    """The confusion set and alphabet are Azerbaijani; the model must be big enough that a word
    it does not know is suspect."""
    return (
        model is not None
        and model.language == "aze"
        and (model.grammar or len(model.words) >= MIN_LEXICON)
    )


def corrections(doc: Document, ctx: Context, where: str = "all") -> list[Correction]:
    """Letter corrections for the document's body words, judged as earlier steps left them.

    A word an earlier step cut into is left alone, two pieces a join glued are judged as one word.
    ``where="interior"`` leaves out words at block edges and line breaks, which before the joins
    are known may be fragments, and takes one confusion only (the gate's count);
    ``where="interior, any kind"`` leaves out the same words and takes every kind of error;
    ``where="fragments"`` judges just those words, as the joins left them, the same way.
    """
    interior_only = where.startswith("interior")
    near_only = where in ("interior", "fragments")
    model = ctx.model
    if not usable(model):
        return []
    assert model is not None
    lang = doc.language
    source = doc.source
    # The gate's count is of the text as it came, whenever it is asked.
    edits = [] if interior_only else sorted((e.start, e.end) for e in doc.edits if not e.is_move)
    found_all, lows_all, types = words_of(doc, ctx)
    options = ctx.config
    confused = _confused_with_the_documents(types, model, ctx)
    plain_only = not (options.real_word or options.restore_diacritics)
    unprinted = unprintable(options.ocr_charset)
    # With diacritics to restore, the words around are typed without them too.
    plain = model.undiacritised() if options.restore_diacritics else {}

    def known(word: str) -> bool:
        return model.known(word) or (bool(plain) and model.norm(word) in plain)

    wanted = ctx.memo.get(("wanted",))
    if wanted is None:
        # The big sets are asked in C (set.difference): a look-up in them misses the cache.
        wanted = ctx.memo[("wanted",)] = {
            t
            for t in set(types).difference(_frequent(model))
            if len(t) >= 3
            and ALPHABET.issuperset(t)
            and (types[t] < REPEATED or unprinted or _document_spellings(t, types, ctx))
        } | confused.keys()
        if not plain_only:
            wanted |= {t for t in types if ALPHABET.issuperset(t)}
    if not wanted and not edits:
        return []

    def has_look_alike(lw: str) -> bool:
        return _has_look_alike(lw, confused, types, model, ctx, not near_only, unprinted)

    worth = _worth_a_look(wanted, has_look_alike, ctx, not near_only) if plain_only else wanted
    if not worth and not edits:
        return []
    out = []
    starts = ctx.memo.get(("word starts",))
    if starts is None:
        starts = ctx.memo[("word starts",)] = [m.start() for m in found_all]
    touched_all = _touched(starts, found_all, edits)
    # Where a block was cut out or put in: the words on either side are no neighbours any more.
    cuts = sorted({p for e in doc.edits if e.is_move for p in (e.start, e.end, e.after)})
    glued_on: set[int] = set()  # where a word starts that the word before it took in
    for b in doc.blocks:
        if b.kind == "furniture":
            continue
        first = bisect.bisect_left(starts, b.start)
        last = bisect.bisect_left(starts, b.end, first)
        found, lows = found_all[first:last], lows_all[first:last]
        span = touched_all[
            bisect.bisect_left(touched_all, first) : bisect.bisect_left(touched_all, last)
        ]
        touched = {k - first for k in span}
        look = [k for k, lw in enumerate(lows) if lw in worth]
        look = sorted(set(look) | touched) if touched else look
        for k in look:
            m = found[k]
            start, end = m.start(), m.end()
            if start in glued_on:
                continue
            if where == "fragments" and not _maybe_fragment(source, found, k, b.end):
                continue  # a whole word: counted already
            word = doc.word(start, end) if k in touched else m.group(0)
            after = k + 1
            if word is None and not interior_only:
                # Two pieces a join glued (to-|zün): judged as the word they make.
                end, word = _glued_word(doc, found_all, first + k, cuts)
                after = bisect.bisect_left(starts, end) - first
                if word is not None:
                    glued_on.add(found_all[first + after - 1].start())
            if word is None:
                continue
            lw = lows[k] if k not in touched else lower(word, lang)
            if lw not in wanted and (k not in touched or not _eligible(lw, model)):
                continue
            if plain_only and not has_look_alike(lw):
                continue  # the common case: a rare word with no frequent look-alike
            if interior_only and _maybe_fragment(source, found, k, b.end):
                continue
            if not _in_prose(doc, start, end, interior_only, known):
                continue
            prev = _neighbour(doc, found, touched, k - 1, lows, lang)
            nxt = _neighbour(doc, found, touched, after, lows, lang)
            name_follows = (
                after < len(found)
                and found[after].group(0)[:1].isupper()
                and not source[end : found[after].start()].strip()
            )
            c = _judge(
                start,
                end,
                word,
                lw,
                prev,
                nxt,
                model,
                ctx,
                lang,
                types,
                not near_only,
                name_follows,
            )
            if c is None or (word[:1].isupper() and _verb_inside_a_sentence(c, b.start, ctx)):
                continue
            out.append(c)
    return out


def _has_look_alike(
    lw: str,
    confused: dict,
    types: dict[str, int],
    model: LanguageModel,
    ctx: Context,
    far: bool,
    unprinted: str,
) -> bool:
    """Whether the word has a correction to weigh: a known word, or the document's own spelling,
    a confusion away."""
    return (
        lw in confused
        or bool(_candidates(lw, model, far, unprinted))
        or (not model.words.get(lw) and bool(_document_spellings(lw, types, ctx, far)))
    )


def _worth_a_look(
    wanted: set[str], has_look_alike: Callable[[str], bool], ctx: Context, far: bool
) -> set[str]:
    """The wanted words that have a look-alike (asked once per word, not per occurrence)."""
    key = ("worth a look", far)
    hit = ctx.memo.get(key)
    if hit is None:
        hit = ctx.memo[key] = {lw for lw in wanted if has_look_alike(lw)}
    return hit


def _in_prose(
    doc: Document, start: int, end: int, as_read: bool, known: Callable[[str], bool]
) -> bool:
    """Whether the word stands in prose, the text around it as earlier steps left it (or, for
    the gate's count, as it came): a 'correction' in letter debris only turns debris into other
    debris."""
    source = doc.source
    if in_code(source, start):
        return False
    read = (lambda a, b: source[a:b]) if as_read else doc.view
    return in_prose(read, len(source), start, end, known)


def _glued_word(
    doc: Document, found: list[re.Match], k: int, cuts: list[int]
) -> tuple[int, str | None]:
    """Where the word an edit glued onto word ``k`` ends, and what the pieces read together (None
    unless they make one word, or a block move ``cuts`` between them: a join there glued word
    ``k`` or the next to a word placed elsewhere)."""
    if k + 1 >= len(found):
        return found[k].end(), None
    at = bisect.bisect_left(cuts, found[k].end())
    if at < len(cuts) and cuts[at] <= found[k + 1].start():
        return found[k].end(), None
    end = found[k + 1].end()
    word = doc.word(found[k].start(), end)
    return end, word if word is not None and LETTERS_ONLY.fullmatch(word) else None


def _frequent(model: LanguageModel) -> frozenset[str]:
    hit = model.memo.get(("letters", "frequent"))
    if hit is None:
        hit = model.memo[("letters", "frequent")] = frozenset(
            w for w, c in model.words.items() if c >= RARE_COUNT
        ).difference(_misread_frequent(model))
    return hit


def _misread_frequent(model: LanguageModel) -> frozenset[str]:
    """Words seen RARE_COUNT times or more that a word one confusion away outnumbers as ODDS
    asks of a rare spelling: the spellings without the language's letters a web lexicon keeps by
    the thousand (ile 10,307 beside ilə 10.9 million; her, hem, cox, ve, azerbaycan), suspects
    however often seen."""
    hit = model.memo.get(("letters", "misread frequent"))
    if hit is None:
        words, odds = model.words, ODDS[SUBSTITUTION_COST]
        # Asked from the other side: the words that far ahead are few (a misreading seen
        # RARE_COUNT times needs one seen ODDS times as often), the misread ones are many.
        hit = model.memo[("letters", "misread frequent")] = frozenset(
            w
            for n, count in words.items()
            if count >= odds * RARE_COUNT
            for w in _misreadings(n)
            if RARE_COUNT <= words.get(w, 0) <= count / odds and w.isalpha()
        )
    return hit


_MISREAD_AS = {
    meant: "".join(sorted(read for read, alts in CONFUSED.items() if meant in alts))
    for meant in {alt for alts in CONFUSED.values() for alt in alts}
}
"""Each letter → the letters OCR may read it as (CONFUSED the other way round)."""


def _misreadings(word: str) -> tuple[str, ...]:
    """The words ``word`` becomes by one misread letter (the words whose _substitutions hold
    it)."""
    return tuple(
        word[:i] + wrong + word[i + 1 :]
        for i, ch in enumerate(word)
        for wrong in _MISREAD_AS.get(ch, "")
    )


def _touched(starts: list[int], found: list[re.Match], edits: list[tuple[int, int]]) -> list[int]:
    """Indices of the words an edit lies in or touches, in order."""
    if not edits:
        return []
    out = set()
    for s, e in edits:
        k = bisect.bisect_right(starts, e)
        while k > 0 and found[k - 1].end() >= s:
            out.add(k - 1)
            k -= 1
    return sorted(out)


def _neighbour(
    doc: Document, found: list[re.Match], touched: set[int], k: int, lows: list[str], lang
) -> str:
    if not 0 <= k < len(found):
        return ""
    if k not in touched:
        return lows[k]
    return lower(doc.word(found[k].start(), found[k].end()) or "", lang)


def _eligible(lw: str, model: LanguageModel) -> bool:
    return len(lw) >= 3 and ALPHABET.issuperset(lw) and _suspect(lw, model)


def _maybe_fragment(source: str, found: list[re.Match], k: int, block_end: int) -> bool:
    """A word a join may still glue to another: at a line break (a full stop or comma after it
    closes it), after a line-end hyphen, opening a block in lower case, or ending one without
    punctuation."""
    m = found[k]
    if LINE_BREAK_AFTER.match(source, m.end()) or LINE_BREAK_BEFORE.search(
        source, max(0, m.start() - 8), m.start()
    ):
        return True
    if k == 0 and m.group(0)[:1].islower():
        return True
    return k == len(found) - 1 and not source[m.end() : block_end].strip(" *_-")


SENTENCE_END = frozenset(".!?…:")
BEFORE_A_SENTENCE = " \t\r\n*_-–—•" + OPENING_QUOTES


def _inside_a_sentence(source: str, start: int, block_start: int) -> bool:
    """Whether the word at ``start`` stands after a sentence's first word."""
    k = start
    while k > block_start and source[k - 1] in BEFORE_A_SENTENCE:
        k -= 1
    return k > block_start and source[k - 1] not in SENTENCE_END


def _mid_sentence(doc: Document, starts: list[int], at: int) -> bool:
    """Whether the word at input offset ``at`` stands after its sentence's first word, in the
    block it falls in (``starts``: the document's block starts)."""
    block = doc.blocks[max(0, bisect.bisect_right(starts, at) - 1)]
    return _inside_a_sentence(doc.source, at, block.start)


def _verb_inside_a_sentence(c: Correction, block_start: int, ctx: Context) -> bool:
    """A capitalised word inside a sentence is a name (Aldi, a shop), never corrected into a
    finite verb (aldı), which no one capitalises there."""
    assert ctx.document is not None and ctx.model is not None
    if not _inside_a_sentence(ctx.document.source, c.start, block_start):
        return False
    rate = ctx.model.end_rate(lower(c.new, ctx.document.language))
    return rate is not None and rate >= USUALLY_ENDS


def _judge(
    start: int,
    end: int,
    word: str,
    lw: str,
    prev: str,
    nxt: str,
    model: LanguageModel,
    ctx: Context,
    lang: str | None,
    counts: dict[str, int],
    far: bool,
    name_follows: bool = False,
) -> Correction | None:
    capitalised = word != lw
    if capitalised and word[1:] != lw[1:]:
        # An acronym or mixed case; or a name with a glyph printed before its capital (MNews).
        spelt = _document_spelling(lw, counts, ctx, model, far) if word[2:] == lw[2:] else None
        if spelt is None or spelt[0] != lw[1:]:
            return None
        return Correction(start, end, word, word[1:], "ocr-letter", spelt[1], spelt[2])
    if capitalised and _frequent_name(lw, model):
        return None  # as written (Şon, not Son)
    best, kind = None, ""
    repeats = counts.get(lw, 1)
    unprinted = unprintable(ctx.config.ocr_charset)
    if repeats < REPEATED and _eligible(lw, model):
        best = _nonword(lw, prev, nxt, model, capitalised, far, unprinted)
        kind = "ocr-letter"
        if best is None:
            best = _document_spelling(lw, counts, ctx, model, far)
    elif unprinted and _eligible(lw, model):
        # A letter the OCR model cannot print is misread every time: repeats prove nothing.
        best = _nonword(lw, prev, nxt, model, capitalised, far, unprinted)
        kind = "ocr-letter"
        if best is not None and not _puts_back(lw, best[0], unprinted):
            best = None
    elif repeats >= REPEATED:
        # A misreading the OCR repeats is the document's own spelling only if the document
        # does not spell the word otherwise, twice as often (psixoloği 5 times, psixoloji 19).
        best, kind = _document_spelling(lw, counts, ctx, model, far), "ocr-letter"
    if best is None and repeats == 1:
        best = _confused_with_the_documents(counts, model, ctx).get(lw)
        kind = "ocr-letter"
    if best is None and ctx.config.restore_diacritics and lw == lw.translate(PLAIN):
        best, kind = _diacritics(lw, model), "diacritics"
    if best is None and ctx.config.real_word and model.known(lw):
        best, kind = _real_word(lw, prev, nxt, model), "real-word"
    if best is None:
        return None
    new, confidence, evidence = best
    if capitalised or _capital_put_back(lw, new, unprinted, model, name_follows):
        new = upper(new[:1], lang) + new[1:]
    evidence = {"harmony_broken": harmony_breaks(lw), **evidence}
    return Correction(start, end, word, new, kind, confidence, evidence)


def _capital_put_back(
    lw: str, new: str, unprinted: str, model: LanguageModel, name_follows: bool
) -> bool:
    """Whether the letter put back at the word's start, one the OCR model cannot print, is a
    capital: a name the model knows, or one a capitalised word follows where the model printed
    what it prints for a capital (CAPITAL_LOOK_ALIKES: lohn Kennedy is John Kennedy; not a
    common word's form, lanrındakı Bean)."""
    if not _puts_back(lw[:1], new[:1], unprinted):
        return False
    if new in model.names:
        return True
    return (
        name_follows
        and any(
            lw.startswith(alike) and lw[len(alike) :] == new[1:]
            for alike in CAPITAL_LOOK_ALIKES.get(new[:1], ())
        )
        and not _inflected(new, model)
    )


def _inflected(word: str, model: LanguageModel) -> bool:
    """Whether ``word`` reads as suffixes after a stem the lexicon has seen INFLECTED_ODDS times
    as often as the word (janr + ındakı): a common word's form, where a name stands bare."""
    least = INFLECTED_ODDS * max(1, model.count(word))
    return any(
        model.count(word[:k]) >= least and morphology.suffix_chain(word[k:], word[:k])
        for k in range(MIN_STEM, len(word))
    )


INFLECTED_ODDS = 10
"""How many times as often as an inflected form its stem is seen (janr 109,621 against
janrındakı 770; jord 9,126 against jordan 5,911 is no stem)."""


def _frequent_name(lw: str, model: LanguageModel) -> bool:
    """A name the training text writes often. Not one that starts with ı: that is a capital I
    typed for İ (Iran), which lower-cases to ı and is the confusion to mend."""
    return lw in model.names and model.count(lw) >= RARE_COUNT and lw[:1] != "ı"


def _puts_back(lw: str, new: str, unprinted: str) -> bool:
    """Whether ``new`` has a letter the OCR model could not print where ``lw`` has another."""
    return any(a != b and b in unprinted for a, b in zip(lw, new, strict=False))


DOCUMENT_WORD_ODDS = 30
"""A known word (a web lexicon keeps Turkish ile, her, ses) is the OCR's misreading of a word one
confusion away that the document itself uses and the lexicon has seen this many times as often
(ilə, hər, səs)."""
DOCUMENT_WORD_MAX_COUNT = 50_000
"""Words the lexicon has seen this often are taken as written, whatever the document uses."""


def _confused_with_the_documents(
    types: dict[str, int], model: LanguageModel, ctx: Context
) -> dict[str, tuple[str, float, dict]]:
    """Known words the document uses once (seen fewer than DOCUMENT_WORD_MAX_COUNT times), each
    with its correction: the document's own word one confusion away, DOCUMENT_WORD_ODDS times as
    frequent — the rare-spelling rule's odds, lowered by the document's evidence (computed once
    per document)."""
    key = ("confused with the document's",)
    hit = ctx.memo.get(key)
    if hit is None:
        hit = {}
        # Only words whose skeleton another word shares can be a confusion of it.
        skeletons = _skeletons(types, ctx)
        shared = {k for k, n in Counter(skeletons.values()).items() if n > 1}
        seen = model.words
        for t, k in skeletons.items():
            if k not in shared or types[t] != 1 or len(t) < 3 or not ALPHABET.issuperset(t):
                continue
            own = seen.get(t, 0)  # the document's words are lower-cased already
            if not 0 < own < DOCUMENT_WORD_MAX_COUNT:
                continue
            near = [
                c
                for c in _substitutions(t)
                if types.get(c, 0) and seen.get(c, 0) >= DOCUMENT_WORD_ODDS * own
            ]
            if len(near) == 1:
                hit[t] = (
                    near[0],
                    0.8,
                    {
                        "reason": "a word the document uses, one confusion away and far more "
                        "frequent",
                        "count": own,
                        "candidates": [(near[0], model.count(near[0]))],
                    },
                )
        ctx.memo[key] = hit
    return hit


DOCUMENT_SPELLING_MIN = 2
"""A word the lexicon lacks, one confusion from a spelling the document uses this often (and more
often than it), is that spelling misread (Kavanö for Kavano, Thömas for Thomas)."""


DOCUMENT_SPELLING_MIN_LETTERS = 4
DOCUMENT_SPELLING = "unknown word, a confusion or a glyph from the document's own spelling"
SKELETON = {
    "ə": "e",
    "ö": "e",
    "o": "e",
    "ı": "i",
    "ü": "u",
    "ş": "s",
    "ç": "c",
    "ğ": "g",
    "j": "g",
}
"""Letters one confusion apart map to one: words a confusion apart share their skeleton."""


def skeleton(text: str) -> str:
    # str.replace per letter: several times faster than str.translate on non-ASCII text.
    for letter, key in SKELETON.items():
        if letter in text:
            text = text.replace(letter, key)
    return text


def _skeletons(types: dict[str, int], ctx: Context) -> dict[str, str]:
    """Each of the document's words with its skeleton (translated in one call: this runs on every
    document)."""
    hit = ctx.memo.get(("skeletons",))
    if hit is None:
        words = list(types)
        keys = skeleton("\n".join(words)).split("\n") if words else []
        hit = ctx.memo[("skeletons",)] = dict(zip(words, keys, strict=True))
    return hit


def _spelt_often(types: dict[str, int], ctx: Context) -> frozenset[str]:
    """Skeletons of the words the document uses at least DOCUMENT_SPELLING_MIN times."""
    hit = ctx.memo.get(("spelt often",))
    if hit is None:
        hit = ctx.memo[("spelt often",)] = frozenset(
            k for w, k in _skeletons(types, ctx).items() if types[w] >= DOCUMENT_SPELLING_MIN
        )
    return hit


def _document_spellings(
    lw: str, counts: dict[str, int], ctx: Context, far: bool = True
) -> list[str]:
    """The spellings the document uses more often than ``lw`` one confusion away, or with
    ``far``, one glyph fewer."""
    if len(lw) < DOCUMENT_SPELLING_MIN_LETTERS:
        return []  # OCR debris (öəə, şsn) has look-alikes too
    least = max(DOCUMENT_SPELLING_MIN, 2 * counts.get(lw, 1))
    inserted = []
    if far and len(lw) >= INSERTED_GLYPH_MIN_LETTERS:
        # Not the last letter, which may be a suffix, nor one of two alike, which typists
        # double too (ölkəddəki).
        inserted = [
            c
            for c in dict.fromkeys(
                lw[:i] + lw[i + 1 :]
                for i in range(len(lw) - 1)
                if lw[i] not in lw[max(0, i - 1) : i] + lw[i + 1]
            )
            if counts.get(c, 0) >= least
        ]
    key = _skeletons(counts, ctx).get(lw) or skeleton(lw)
    if key not in _spelt_often(counts, ctx):
        return inserted
    return [c for c in _substitutions(lw) if counts.get(c, 0) >= least] + inserted


INSERTED_GLYPH_MIN_LETTERS = 5
"""A word the OCR printed a glyph into (Vanhn for Vann, MNews) is this long at least: shorter
ones are line-end fragments and debris (gözl, orqa) that lose a letter into a word by chance."""


def _document_spelling(
    lw: str, counts: dict[str, int], ctx: Context, model: LanguageModel, far: bool = True
) -> tuple[str, float, dict] | None:
    if model.count(lw) or model.known(lw):
        return None  # a word of its own
    spellings = _document_spellings(lw, counts, ctx, far)
    if len(spellings) != 1:
        return None
    evidence = {"reason": DOCUMENT_SPELLING, "document_count": counts[spellings[0]]}
    return spellings[0], 0.8, evidence


ODDS = {0.0: 300, 0.5: 300, 1.5: 3000, 2.5: 3000}
"""Edit cost → how many times more frequent than the word itself a correction must be: a rare
spelling one confusion from a very frequent word is that word misread."""
HARMONY_RELIEF = 10
"""A rare spelling that mixes back and front vowels needs a correction that does not, and that
is this many times less far ahead of it than ODDS asks (harmony broken is an OCR sign)."""
CAPITALISED_MIN_COUNT = 1000
"""A capitalised word (a name, most likely) is corrected only to a word this frequent."""


def _suspect(lw: str, model: LanguageModel) -> bool:
    """Unknown, or rare (web-crawled lexicons keep misspellings), or a frequent misreading."""
    return model.count(lw) < RARE_COUNT or lw in _misread_frequent(model)


RARE_COUNT = 5000
"""Words seen this often are taken as written (their confusion neighbours are rarely ODDS times
more frequent anyway); the cut keeps the search off frequent words."""


def _nonword(
    lw: str,
    prev: str,
    nxt: str,
    model: LanguageModel,
    capitalised: bool,
    far: bool,
    unprinted: str = "",
) -> tuple[str, float, dict] | None:
    # A form only the suffix grammar knows counts as seen once.
    own = model.count(lw) or int(model.known(lw))
    if not own and _two_words(lw, model):
        return None
    broken = own > 0 and harmony_breaks(lw)
    scored = []
    # A spelling only a ranked web word list has (counted once) is as good as unseen.
    seen = model.count(lw)
    seen = seen if seen > LISTED_ONLY else 0
    candidates = _candidates(lw, model, far and not seen, unprinted)
    # A letter dropped between two alike (sonunda → sonnda) reads as one doubled: the letter put
    # back is the likelier, and a doubled letter is made single only when none can be.
    single = not any(
        cost >= INSERT_COST and len(c) > len(lw) and model.count(c) >= RESTORED_LETTER_MIN_COUNT
        for c, cost in candidates
    )
    for cand, cost in candidates:
        freq = model.count(cand)
        if cost == GRAMMAR_COST:
            freq = MIN_COUNT  # as if seen just often enough
        odds = ODDS[cost] / (HARMONY_RELIEF if broken and not harmony_breaks(cand) else 1)
        if freq < max(MIN_COUNT, odds * own):
            continue
        if capitalised and (freq < CAPITALISED_MIN_COUNT or cost > SUBSTITUTION_COST):
            continue
        if len(lw) <= SHORT_WORD and freq < SHORT_WORD_MIN_COUNT:
            continue
        context = (model.bigram(prev, cand) > 0) + (model.bigram(cand, nxt) > 0)
        short = len(lw) < 6 and not (cost == INSERT_COST and freq >= MIN_SHORT_DROP_COUNT)
        if cost == GRAMMAR_COST and not (
            (
                (harmony_breaks(lw) and not harmony_breaks(cand))
                or _in_suffixes(lw, cand, model)
                or _in_a_frequent_stem(lw, cand, model)
            )
            and model.char_logp(cand) > model.char_logp(lw)
        ):
            # A form only the grammar knows must mend the vowel harmony, a letter of its
            # suffixes (-ler, -de are Turkish) or of a long frequent stem, and read more like
            # the language: loanwords break harmony in their own way (coğrafiya, not coğrafıya).
            continue
        if cost > GRAMMAR_COST and (freq < MIN_FAR_COUNT or short or seen):
            continue
        restored = cost >= INSERT_COST and _restores_a_letter(lw, cand, freq, own, model, single)
        if (
            cost > GRAMMAR_COST
            and own
            and not restored
            and not (context and freq >= GRAMMAR_ONLY_FAR_COUNT and len(cand) > len(lw))
        ):
            continue  # further edits land on too many words by chance
        if cost >= INSERT_COST and not context and not restored:
            continue
        scored.append((math.log1p(freq) + 2.0 * context - cost, cand, cost, freq, context))
    if not scored:
        return None
    scored.sort(reverse=True)
    top = scored[0]
    lead = top[0] - scored[1][0] if len(scored) > 1 else math.inf
    if lead < MARGIN:
        return None
    evidence = {
        "reason": "a rare spelling one confusion from a frequent word"
        if own
        else "unknown word, one confusion from a known one",
        "count": own,
        "candidates": [(c, round(s, 2)) for s, c, *_ in scored[:4]],
        "context_bigrams": top[4],
    }
    return top[1], round(min(0.95, 0.6 + 0.1 * min(lead, 3.5)), 3), evidence


def _two_words(lw: str, model: LanguageModel) -> bool:
    """Two frequent words the OCR read without the space between them (onunmaşın): no letter
    of either is wrong."""
    count = model.words.get  # lw is lower-case already
    return any(
        count(lw[:k], 0) >= TWO_WORDS_COUNT and count(lw[k:], 0) >= TWO_WORDS_COUNT
        for k in range(TWO_WORDS_MIN_LETTERS, len(lw) - TWO_WORDS_MIN_LETTERS + 1)
    )


TWO_WORDS_COUNT = 50_000
TWO_WORDS_MIN_LETTERS = 4
"""Two words read as one are each this frequent and this long at least (shorter frequent words
make up too many a misread word: bildi + ren, veril + mis)."""


def _in_suffixes(lw: str, cand: str, model: LanguageModel) -> bool:
    """Whether the letter ``cand`` changes in ``lw`` lies in a chain of suffixes after a word
    the model knows (möcüzə + lərdən for möcüzəlerdən), not in a stem."""
    at = next((k for k, (a, b) in enumerate(zip(lw, cand, strict=False)) if a != b), len(lw))
    return any(
        model.known(cand[:k]) and morphology.suffix_chain(cand[k:], cand[:k])
        for k in range(MIN_STEM, at + 1)
    )


def _in_a_frequent_stem(lw: str, cand: str, model: LanguageModel) -> bool:
    """Whether the letter ``cand`` changes in ``lw`` lies in the stem the grammar finds under
    ``cand``, a word of FREQUENT_STEM_LETTERS or more the lexicon has seen FREQUENT_STEM times
    (fasılə + ni for fasilə + ni; short stems take too many suffix chains: gər + li + lən)."""
    stem = model.stem_of(cand)
    at = next((k for k, (a, b) in enumerate(zip(lw, cand, strict=False)) if a != b), len(lw))
    return (
        stem is not None
        and len(stem) >= FREQUENT_STEM_LETTERS
        and at < len(stem)
        and model.count(stem) >= FREQUENT_STEM
    )


FREQUENT_STEM = 1000
FREQUENT_STEM_LETTERS = 5


MIN_STEM = 3
"""Letters a stem has at least before the suffixes a correction may mend."""


def _restores_a_letter(
    lw: str, cand: str, freq: int, own: int, model: LanguageModel, single: bool
) -> bool:
    """Whether ``cand`` is ``lw`` (a word the lexicon has not counted) with a dropped letter put
    back, frequent and reading more like the language: then no neighbour's bigram is needed.
    A spelling a web word list keeps or the suffix grammar accepts (``own``) must read clearly
    better: the grammar takes a word with a letter dropped for a stem and suffixes (şəhər+ər+in
    for şəhərlərin). Deleting a letter lands on a known word by chance far more often (apul →
    pul, prosesni → prosesi), so that one still needs the bigram; not a doubled letter made
    single (saaat → saat, ollmuşlar → olmuşlar), which OCR and typists double, when ``single``
    (no letter put back makes a frequent word)."""
    undoubled = single and _undoubled(lw, cand)
    if (len(cand) <= len(lw) and not undoubled) or freq < RESTORED_LETTER_MIN_COUNT:
        return False
    gain = model.char_logp(cand) - model.char_logp(lw)
    return gain >= GRAMMAR_ONLY_GAIN if own else gain > 0


def _undoubled(lw: str, cand: str) -> bool:
    """Whether ``cand`` is ``lw`` with one of two letters in a row left out."""
    return len(cand) == len(lw) - 1 and any(
        lw[i] == lw[i + 1] and lw[:i] + lw[i + 1 :] == cand for i in range(len(lw) - 1)
    )


SUBSTITUTION_COST = 0.0
GRAMMAR_COST = 0.5
TWO_SUBSTITUTIONS_COST = 1.5
INSERT_COST = 2.5
MIN_COUNT = 20
"""A correction must land on a word the lexicon has seen this often."""
MIN_FAR_COUNT = 50
"""Two confusions, or a dropped/doubled letter, must land on a word at least this frequent (and
the word must be six letters or more; a dropped/doubled letter also needs a neighbour's bigram)."""
GRAMMAR_ONLY_FAR_COUNT = 1000
"""A form only the suffix grammar knows is taken for a word this frequent with a letter dropped,
when a neighbour's bigram backs it (the grammar also accepts such debris: dəəcə for dərəcə)."""
SHORT_WORD = 3
SHORT_WORD_MIN_COUNT = 20_000
"""A word this short is one confusion from many a web lexicon keeps (OCR debris reads as
`hüm`, `zım`, `saö`): it is corrected only into a word this frequent."""
RESTORED_LETTER_MIN_COUNT = 1000
"""A word with a dropped letter put back is taken without a neighbour's bigram only if it is
this frequent."""
GRAMMAR_ONLY_GAIN = 0.35
"""How much better (mean log-probability per character) a word with a dropped letter put back
must read than a spelling only a word list or the grammar knows (şəhərərin → şəhərlərin: 0.57;
the grammar's own rare forms gain less)."""
LISTED_ONLY = 1
"""The count the lexicon gives a spelling seen once, as a ranked web word list's entry (those
lists keep misspellings)."""
MIN_SHORT_DROP_COUNT = 10_000
"""A word of four or five letters is taken for one with a letter dropped only if that word is
this frequent (snra → sonra)."""


def _candidates(
    lw: str, model: LanguageModel, far: bool, unprinted: str = ""
) -> list[tuple[str, float]]:
    """Lexicon words one confusion from ``lw``; with ``far``, when there are none, two confusions
    or one dropped/doubled letter away (remembered by the model). ``unprinted``: letters the OCR
    model could not output, whose look-alikes are confusions too."""
    key = ("letters", lw, far, unprinted) if unprinted else ("letters", lw, far)
    hit = model.memo.get(key)
    if hit is None:
        if len(model.memo) > 200_000:
            model.memo.clear()
        hit = model.memo[key] = _find_candidates(lw, model, far, unprinted)
    return hit


def _find_candidates(
    lw: str, model: LanguageModel, far: bool, unprinted: str
) -> list[tuple[str, float]]:
    subs = _substitutions(lw)
    if unprinted:
        subs += _look_alikes_read_back(lw, unprinted)
    near = [(c, SUBSTITUTION_COST) for c in subs if model.count(c) >= MIN_COUNT]
    if near or not far:
        return near
    # A rare inflected form: the only confusion the suffix grammar accepts.
    grammatical = [c for c in subs if model.known(c)]
    out = [(grammatical[0], GRAMMAR_COST)] if len(grammatical) == 1 else []
    two = [
        (c, TWO_SUBSTITUTIONS_COST)
        for c in _two_substitutions(lw)
        if model.count(c) >= MIN_FAR_COUNT
    ]
    if two:
        return out + two
    return out + [
        (c, INSERT_COST) for c in _drops_and_doubles(lw) if model.count(c) >= MIN_FAR_COUNT
    ]


def unprintable(charset: frozenset[str] | None) -> str:
    """The letters with known look-alikes that an OCR model with ``charset`` cannot output."""
    return "" if charset is None else "".join(sorted(set(LOOK_ALIKES).difference(charset)))


def _look_alikes_read_back(lw: str, unprinted: str) -> tuple[str, ...]:
    """``lw`` with one look-alike read back into a letter the OCR model cannot print, or with one
    it left out at the start put back."""
    return tuple(
        lw[:i] + letter + lw[i + len(alike) :]
        for letter in unprinted
        for first, alikes in ((0, LOOK_ALIKES[letter]), (1, INSIDE_LOOK_ALIKES.get(letter, ())))
        for alike in alikes
        for i in range(first, len(lw))
        if lw.startswith(alike, i)
    ) + tuple(letter + lw for letter in unprinted if letter in DROPPED_FIRST)


@lru_cache(maxsize=8192)
def _substitutions(lw: str) -> tuple[str, ...]:
    return tuple(
        lw[:i] + alt + lw[i + 1 :]
        for i, ch in enumerate(lw)
        if ch in CONFUSED
        for alt in CONFUSED[ch]
    )


def _two_substitutions(lw: str) -> list[str]:
    spots = [i for i, ch in enumerate(lw) if ch in CONFUSED]
    if len(spots) > 8:
        return []
    return [
        lw[:i] + a + lw[i + 1 : j] + b + lw[j + 1 :]
        for i, j in itertools.combinations(spots, 2)
        for a in CONFUSED[lw[i]]
        for b in CONFUSED[lw[j]]
    ]


def _drops_and_doubles(lw: str) -> list[str]:
    if len(lw) < 4:
        return []
    out = [lw[:i] + ch + lw[i:] for i in range(1, len(lw)) for ch in ALPHABET]
    out += [lw[:i] + lw[i + 1 :] for i in range(len(lw))]
    # Once each: a letter doubled or dropped next to its twin (mili → milli) comes from two
    # places, and a candidate counted twice would tie with itself.
    return list(dict.fromkeys(out))


def _real_word(
    lw: str, prev: str, nxt: str, model: LanguageModel
) -> tuple[str, float, dict] | None:
    def support(w: str) -> int:
        return (model.bigram(prev, w) > 0) + (model.bigram(w, nxt) > 0)

    if support(lw):
        return None
    best = [
        (support(c), model.count(c), c)
        for c in _substitutions(lw)
        if model.count(c) > model.count(lw)
    ]
    best = [b for b in best if b[0] == 2]
    if len(best) != 1:
        return None
    evidence = {"reason": "both neighbours form known bigrams with it, none with the original"}
    return best[0][2], 0.7, evidence


def _diacritics(lw: str, model: LanguageModel) -> tuple[str, float, dict] | None:
    best = model.undiacritised().get(lw)
    if best is None or best == lw or model.count(best) < 2 * max(1, model.count(lw)):
        return None
    evidence = {"reason": "likeliest spelling with diacritics", "count": model.count(best)}
    return best, 0.8, evidence


def ocr_damaged(doc: Document, ctx: Context) -> bool:
    """Enough confident letter errors, or enough of any kind, that the text went through OCR
    (or a diacritic-less keyboard); one alone may be the author's own typo, and stays."""
    hit = ctx.memo.get(("ocr damaged",))
    if hit is None:
        confident = _confident(doc, ctx)
        hit = ctx.memo[("ocr damaged",)] = _enough(confident, doc, ctx) or (
            # OCR that drops letters confuses some too: the costlier count is asked of a long
            # text whose confident errors are enough in number but reach only half the rate.
            confident >= ctx.config.min_letter_errors
            and _enough(2 * confident, doc, ctx)
            and _enough_of_any_kind(doc, ctx)
        )
    return hit


def _enough_of_any_kind(doc: Document, ctx: Context) -> bool:
    """Enough letter errors of any kind, away from line breaks and block edges."""
    options = ctx.config
    errors = len(corrections(doc, ctx, "interior, any kind"))
    return errors >= options.min_any_letter_errors and errors >= (
        options.any_letter_error_rate * len(words_of(doc, ctx)[0])
    )


def _enough(errors: int, doc: Document, ctx: Context) -> bool:
    return errors >= ctx.config.min_letter_errors and (
        errors >= ctx.config.letter_error_rate * len(words_of(doc, ctx)[0])
    )


def _confident(doc: Document, ctx: Context) -> int:
    """How many confident letter errors the words away from line breaks and block edges hold."""
    hit = ctx.memo.get(("confident errors",))
    if hit is None:
        hit = ctx.memo[("confident errors",)] = len(corrections(doc, ctx, "interior"))
    return hit


def run(doc: Document, ctx: Context) -> None:
    _put_back_symbols(doc, ctx)
    found = corrections(doc, ctx) if _gate_open(doc, ctx) else _unprinted_letters(doc, ctx)
    for c in found:
        doc.add(
            Edit(
                c.kind,
                c.start,
                c.end,
                c.new,
                step=STEP,
                confidence=c.confidence,
                evidence={"from": c.old, **c.evidence},
            )
        )


def _gate_open(doc: Document, ctx: Context) -> bool:
    if ocr_damaged(doc, ctx):
        return True
    # Errors the line ends hid from the count are plain words once joined: counted as a second
    # pass would count them, and asked of the repaired text when they could tip it.
    if not doc.edits:
        return False
    hidden = corrections(doc, ctx, "fragments")
    return _enough(_confident(doc, ctx) + len(hidden), doc, ctx) and _damaged_once_repaired(
        doc, ctx
    )


def misprints(doc: Document, ctx: Context) -> bool:
    """Whether the text holds what an OCR model printed for a character it lacks (a sign of
    damage on its own: no author types those)."""
    return bool(misprinted_symbols(doc, ctx) or _unprinted_letters(doc, ctx))


def _unprinted_letters(doc: Document, ctx: Context) -> list[Correction]:
    """Below the gate's count, only the letters the OCR model cannot print are put back, and
    in text sütun's own OCR read, an unknown word made the document's own spelling or given back
    the ı its model reads as i: each was misread for certain, where any other error may be the
    author's own typo."""
    charset = ctx.config.ocr_charset
    unprinted = unprintable(charset)
    if charset is None:
        return []
    lang = doc.language
    return [
        c
        for c in corrections(doc, ctx)
        if _puts_back(lower(c.old, lang), lower(c.new, lang), unprinted)
        or _undots(lower(c.old, lang), lower(c.new, lang), ctx.model)
        or c.evidence.get("reason") == DOCUMENT_SPELLING
    ]


def _undots(lw: str, new: str, model: LanguageModel | None) -> bool:
    """Whether ``new`` gives an ı back where ``lw``, a word neither the lexicon nor its grammar
    knows, has an i and differs in nothing else: Tesseract's Azerbaijani model reads ı as i
    (adlandırdi, məlumatina), where typists do not (no word of NTREX's 62 Azerbaijani articles is
    so written); a rare word the lexicon has (zoraki beside zorakı) may be meant."""
    pairs = [(a, b) for a, b in zip(lw, new, strict=False) if a != b]
    return (
        len(lw) == len(new)
        and bool(pairs)
        and all(p == ("i", "ı") for p in pairs)
        and model is not None
        and not model.known(lw)
    )


PERCENT_READ = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)? ?)(96)-([^\W\d_]+)(?![\w-])")
"""A number read off a page (a space may follow it), ``96``, a hyphen and suffixes: Tesseract
prints ``96`` for a ``%`` its model lacks (``40%-i`` → ``4096-i``, ``90 %-i`` → ``90 96-i``)."""
SHARE_READ = re.compile(r"(?<![\w.,])\d+,\d(96)(?![\w%,.-]|[.,]\d)")
"""A decimal with one digit after its comma and then ``96`` (``2,796 yüksəliş``): a share read off
a page whose ``%`` the OCR model printed as ``96`` (``2,7%``)."""
SHARES_READ = 2
"""Decimals so read a text needs: one such number may be what it says (2,796 milyon), two or more
ending alike are a misprint."""
PERCENT_SAID, SIX_SAID = "faiz", "altı"
"""How ``%`` and a number ending in 6 are read out, which their suffixes agree with."""
EXCLAMATION_READ = regex.compile(
    r"(?<![\w-])(\p{L}{2,})(l)(?=[”\"»’)]|[ \t]*(?:\n|\Z)| +[\"«“(]?\p{Lu})"
)
"""A word ending in ``l`` where a sentence may end (a closing quote, a line end, a capital
next): Tesseract prints ``l`` for a ``!`` its model lacks (``edir!”`` → ``edirl”``)."""


@dataclass(frozen=True)
class Misprint:
    start: int
    end: int
    symbol: str
    evidence: dict[str, Any]
    kind: str = "ocr-symbol"

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


CAPITAL_J_READ = regex.compile(r"(?<![^\s\"“«])(l?\)l?)(?=\p{L}{2})")
"""A closing parenthesis (or ``l)``, ``)l``) that opens a word: Tesseract's reading of a ``J``
its model lacks (``)alek``, ``l)ura``, ``)lohn``)."""
SLASH_J_READ = regex.compile(r"(?<![^\s\"“«(])(i?/)(\p{Ll}+)(?![\p{L}\d/.])")
"""A slash (or ``i/``) that opens a word of lower-case letters (``/üri``, ``i/urnal``):
Tesseract's reading of a ``j`` or ``J`` its model lacks; not a path (``/usr/bin``, ``/a.b``)."""
INNER_J_READ = regex.compile(r"(?<![\p{L}\p{M}\d/])(\p{L}+?)(i?[/)])(\p{Ll}+)(?![\p{L}\p{M}\d/(])")
"""A slash or a closing parenthesis (or ``i/``, ``i)``) between a word's letters (``ener/i``,
``Eneri/i``): Tesseract's reading of a ``j`` its model lacks, in a word it hooks into."""
POSSESSIVE_READ = regex.compile(r'(?<=\p{L})"(?=s(?!\p{L}))')
"""A double quote between a word and a lone ``s`` (``Harold"s``): the apostrophe of an English
possessive, which the model lacks; a quote before Azerbaijani suffixes (``Vaxt"ın``) stays."""
PARENTHESIS_REACH = 200
"""Characters looked back for an open parenthesis a ``)`` would close."""


def misprinted_symbols(doc: Document, ctx: Context) -> list[Misprint]:
    """``%``, ``!``, ``J`` and ``'`` that the OCR model could not print, where what it printed
    reads as such: ``…96-`` whose suffixes follow ``faiz``, not ``altı`` (``4096-i`` is
    ``40%-i``; ``1996-cı`` stays), two or more one-digit decimals ending in ``96`` (``2,796``
    is ``2,7%``), an ``l`` that makes an unknown word of a known one where a
    sentence may end (``edirl`` is ``edir!``), a ``)`` or a ``/`` that opens a word (``)alek``,
    ``/üri``), and the apostrophe of ``'s`` (``Harold"s``)."""
    charset, model = ctx.config.ocr_charset, ctx.model
    if charset is None or not usable(model):
        return []
    assert model is not None
    hit = ctx.memo.get(("misprinted symbols",))
    if hit is not None:
        return hit
    found = []
    source = doc.source
    if "%" not in charset and "96-" in source:
        for m in PERCENT_READ.finditer(source):
            suffix = lower(m.group(3), doc.language)
            if (
                not suffix.startswith(("c", "nc"))  # an ordinal's (its ı misread as i, say)
                and morphology.suffix_chain(suffix)
                and morphology.harmonic(PERCENT_SAID, suffix)
                and not morphology.harmonic(SIX_SAID, suffix)
            ):
                why = "the OCR model has no %; the suffixes follow 'faiz', not 'altı'"
                found.append(Misprint(*m.span(2), "%", {"from": "96", "reason": why}))
    if "%" not in charset and "96" in source:
        shares = list(SHARE_READ.finditer(source))
        if len(shares) >= SHARES_READ:
            why = "the OCR model has no %; the text's decimals one digit long end in 96"
            found += [Misprint(*m.span(1), "%", {"from": "96", "reason": why}) for m in shares]
    if "!" not in charset:
        for m in EXCLAMATION_READ.finditer(source):
            word = lower(m.group(1), doc.language)
            if word != m.group(1) and source[m.end() : m.end() + 1] == " ":
                continue  # a name before another name
            if model.known(word) and not model.known(word + "l"):
                why = "the OCR model has no !; the word is known without the l, not with it"
                found.append(Misprint(*m.span(2), "!", {"from": "l", "reason": why}))
    if "J" not in charset and ")" in source:
        for m in CAPITAL_J_READ.finditer(source):
            opened = source.rfind("(", max(0, m.start() - PARENTHESIS_REACH), m.start())
            if opened == -1 or source.find(")", opened, m.start()) != -1:
                why = "the OCR model has no J; a closing parenthesis opens no word"
                found.append(Misprint(*m.span(1), "J", {"from": m.group(1), "reason": why}))
    if "j" not in charset and "/" in source:
        for m in SLASH_J_READ.finditer(source):
            # The word as the joins left it: a line-end hyphen may have cut it (/ü-|ri).
            rest = _word_at(doc, m.start(2)) or m.group(2)
            if len(rest) < 2:
                continue
            if model.known("j" + rest):
                letter = "j"  # /üri: jüri
            elif "J" not in charset and not any(model.known(c + rest) for c in "lıi"):
                letter = "J"  # /erdan: a name (a slash for an l or an i makes a known word)
            else:
                continue
            why = "the OCR model has no j; a slash opens no word"
            found.append(Misprint(*m.span(1), letter, {"from": "/", "reason": why}))
    if "j" not in charset and ("/" in source or ")" in source):
        found += _inner_j_read(source, model, doc.language)
    if "1" in source or "0" in source:
        found += _digits_read(source, model, doc.language)
    found += _capitals_inside(source, model, doc.language)
    if "'" not in charset and '"s' in source:
        for m in POSSESSIVE_READ.finditer(source):
            why = "the OCR model has no apostrophe; an English possessive's 's"
            found.append(Misprint(*m.span(), "'", {"from": '"', "reason": why}))
    found += _twin_glyphs(doc, model) + _stops_read_as_commas(doc) + _stray_parentheses(doc)
    found += _dotted_capitals(doc, model) + _faint_strokes(doc, model)
    # Only in prose: OCR of a picture or a table is letter debris, where any sign may stand.
    found = [
        f for f in found if in_prose(lambda a, b: source[a:b], len(source), *f.span, model.known)
    ]
    ctx.memo[("misprinted symbols",)] = found
    return found


TWIN_START = regex.compile(r"(?<![\p{L}\p{M}\d'’-])(\p{L})((?i:\1){1,2})(?=\p{Ll})")
"""A word's first letters, where the OCR may have printed one glyph twice or thrice."""


def _twin_glyphs(doc: Document, model: LanguageModel) -> list[Misprint]:
    """Glyphs Tesseract printed twice: a word that opens on one letter read twice or thrice in
    both cases (``Ssisteminə``, ``əƏyləndirici``, ``sSstrategiya``: one is kept, a capital where
    a sentence starts or the word is a name, else the small letter), one letter in both cases
    inside a word (``sƏəbəb``: the capital goes), a look-alike before a word's first letter
    (``0ofislər``). Each where the word left is known and the word as read is not."""
    source, lang = doc.source, doc.language
    starts = [b.start for b in doc.blocks]
    found = []
    for m in TWIN_START.finditer(source):
        first, more = m.group(1), m.group(2)
        small, capital = lower(first, lang), upper(first, lang)
        run = first + more
        if run in (small * len(run), capital * len(run)):
            continue  # one case: a letter doubled (ssenari), or capitals
        word = _word_at(doc, m.start())
        if word is None:
            continue
        written = lower(word, lang)
        meant = written[len(more) :]
        # Suffixes after a quoted name (“Dandi”Yyə) are a word of their own here.
        suffixes = source[m.start() - 1 : m.start()] in CLOSING_QUOTES
        if _known_as_read(written, model):
            continue
        if not (model.known(meant) or (suffixes and morphology.suffix_chain(meant))):
            continue
        keep = (
            capital
            if not suffixes and (meant in model.names or not _mid_sentence(doc, starts, m.start()))
            else small
        )
        why = "the OCR printed the word's first glyph more than once"
        found.append(Misprint(*m.span(), keep, {"from": run, "reason": why}, "ocr-letter"))
    for m in INNER_TWIN.finditer(source):
        if source[m.start(1)] == source[m.end(1)]:
            continue  # a letter doubled (müəyyən, Gerrard)
        # Inside a word the capital of the two is the one printed in (sƏəbəb, SeçÇiciləri).
        at = m.start(1) if m.group(1).isupper() else m.start(1) + 1
        start = m.start()
        word = _word_at(doc, start)
        # Two cases of one letter inside a word are no spelling: the grammar's say is not asked.
        if word is None or model.count(lower(word, lang)) > LISTED_ONLY:
            continue
        cut = at - start
        if model.known(lower(word[:cut] + word[cut + 1 :], lang)):
            why = "the OCR printed a glyph twice, in both cases"
            found.append(
                Misprint(at, at + 1, "", {"from": source[at], "reason": why}, "ocr-letter")
            )
    onsets = _onsets(model)
    for m in STRAY_START.finditer(source):
        glyph = m.group()
        pair = lower(source[m.start() : m.end() + 1], lang)
        if m.group("letter") and not _no_onset(pair, onsets):
            continue
        word = _word_at(doc, m.end())
        if word is None or _known_as_read(lower(glyph + word, lang), model):
            continue
        # A digit must leave a word of its own (nlar, a web list's entry once, is none).
        if glyph.isdigit() and not _known_as_read(lower(word, lang), model):
            continue
        if model.known(lower(word, lang)):
            why = "the OCR printed a speck or a look-alike before the word's first letter"
            found.append(Misprint(*m.span(), "", {"from": glyph, "reason": why}, "ocr-letter"))
    return found


INNER_TWIN = regex.compile(r"(?<![\p{L}\p{M}\d'’-])\p{L}+?(\p{L})(?i:\1)(?=\p{L}|-)")
"""A word with one letter printed twice inside it, in two cases (the pair may end a line's
piece of it: sƏə-|bəb)."""
STRAY_START = regex.compile(
    r"(?<![\p{L}\p{M}\d'’-])"
    r"(?:0(?=[oO]\p{L})|l(?=[Iİ]\p{Ll})|2(?=[zZ]\p{L})|(?<![.,])\d(?=\p{Ll}{4})"
    r"|(?P<letter>\p{Ll}(?=\p{Ll}{3})|\p{Lu}(?=\p{Lu}\p{Ll}{2})))"
)
"""A glyph the OCR printed before a word's first letter: of that letter's shape (0 before o,
l before I, 2 before z: 0ofislər, lİranla, 2zəmanət), a digit before a word in small letters
(4qrafiki: a number and a word go apart or by a hyphen), or a letter that opens it on two
consonants the language does not open words on (ktexnikasından; a capital before a capital:
MNews)."""


DIGIT_READ = regex.compile(
    r"(?<![\p{L}\p{M}\d])([\p{L}\p{M}]+)((?:[-\u2010¬][ \t]*\r?\n[ \t]*)?)([01])([\p{L}\p{M}]+)"
    r"(?![\p{L}\p{M}\d])"
)
"""A word with a 1 or a 0 between its letters, or opening a line after its line-end hyphen: the
OCR's reading of an l or an o (Kata1oniyanın, Kata-|1oniyanın)."""
DIGIT_LETTERS = {"1": "lIiı", "0": "oO"}
"""The letters of a digit's shape, in the order they are tried."""


def _digits_read(source: str, model: LanguageModel, language: str) -> list[Misprint]:
    """A 1 or a 0 between a word's letters that makes a known word as a letter of its shape (a
    word with a digit in it is none): in capitals between capitals, else small."""
    found = []
    for m in DIGIT_READ.finditer(source):
        left, digit, right = m.group(1), m.group(3), m.group(4)
        capitals = left[-1].isupper() and right[0].isupper()
        for letter in DIGIT_LETTERS[digit]:
            if letter.isupper() != capitals:
                continue
            if model.known(lower(left + letter + right, language)):
                why = "a digit between a word's letters, a letter of its shape in a known word"
                found.append(
                    Misprint(*m.span(3), letter, {"from": digit, "reason": why}, "ocr-letter")
                )
                break
    return found


CAPITAL_INSIDE = regex.compile(
    r"(?<![\p{L}\p{M}\d])\p{Ll}+([İISVZXCÇŞOÖÜ])\p{Ll}*(?![\p{L}\p{M}\d])"
)
"""A word in small letters but one capital after its first, of a shape its small letter shares
(enerjİsinin, sİs, aparıcI): the OCR read the small letter's size wrong."""


def _capitals_inside(source: str, model: LanguageModel, language: str) -> list[Misprint]:
    """The capital inside a word of small letters read small, where the word in small letters
    is one the lexicon has seen (names that set a capital inside, LinkedIn, open on one)."""
    found = []
    for m in CAPITAL_INSIDE.finditer(source):
        capital = m.group(1)
        small = lower(capital, language)
        word = lower(m.group(), language)
        if model.count(word) > LISTED_ONLY:
            why = "a capital inside a word of small letters: the small letter of its shape"
            found.append(
                Misprint(*m.span(1), small, {"from": capital, "reason": why}, "ocr-letter")
            )
    return found


def _inner_j_read(source: str, model: LanguageModel, language: str) -> list[Misprint]:
    """Marks inside a word that read as the ``j`` the OCR model lacks: where the word with a
    ``j`` there is known (``ener/i`` is ``enerji``; ``km/saat`` and ``o/bu`` stay)."""
    found = []
    for m in INNER_J_READ.finditer(source):
        left, mark, right = m.group(1), m.group(2), m.group(3)
        # i/ is the j's dot and hook read apart, or an i before a j read as a slash.
        for cut in (0, 1) if mark[0] == "i" else (0,):
            word = left + mark[:cut] + "j" + right
            if model.known(lower(word, language)):
                why = "the OCR model has no j; a mark inside a word that is known with one"
                start = m.start(2) + cut
                found.append(Misprint(start, m.end(2), "j", {"from": mark[cut:], "reason": why}))
                break
    return found


def _word_at(doc: Document, at: int) -> str | None:
    """The letters of the word that starts at ``at``, as the joins left it (a line-end hyphen
    may have cut it: Ssiste-|minə, /ü-|ri)."""
    word = LETTERS_ONLY.match(doc.view(at, min(len(doc.source), at + WORD_REACH)))
    return word.group() if word is not None else None


WORD_REACH = 64
"""Characters of the input read for a word that a join may have made whole."""


def _known_as_read(written: str, model: LanguageModel) -> bool:
    """A word of its own as read: seen more than once (once is a web word list's entry, as good
    as unseen), or known to the grammar."""
    seen = model.count(written)
    return seen > LISTED_ONLY or (not seen and model.known(written))


def _stops_read_as_commas(doc: Document) -> list[Misprint]:
    """A paragraph that ends on a comma before one that opens on a capital (and stays apart from
    it): the OCR read its full stop as a comma (``deyil,`` then ``Bazar meneceri …``)."""
    source = doc.source
    body = [b for b in doc.blocks if b.kind != "furniture"]
    found = []
    for b, after in itertools.pairwise(body):
        end = source[b.start : b.end].rstrip()
        opening = source[after.start : after.end].lstrip().lstrip("*_" + OPENING_QUOTES)
        if end.endswith(",") and opening[:1].isupper() and not doc.overlaps(b.end, after.start):
            why = "a paragraph ends on a comma, the next opens on a capital"
            found.append(
                Misprint(
                    b.start + len(end) - 1, b.start + len(end), ".", {"from": ",", "reason": why}
                )
            )
    return found


DOTTED_CAPITAL = regex.compile(r"(?<![\p{L}\p{M}\d'’-])İ(?=\p{Ll})")
"""A word that opens on a dotted capital İ."""
DOTLESS_ODDS = 2
"""How many times as often the lexicon must see a word with a dotless capital I (lower-cased
ı…) as with İ for the OCR's İ to be an I (International 51,314 against 12,365; İran, İlk, İn
stay)."""


def _dotted_capitals(doc: Document, model: LanguageModel) -> list[Misprint]:
    """A capital I the OCR read as İ: Tesseract's Azerbaijani model prints İ for the I of a
    foreign name (İnternational, İsland), which the lexicon sees far more often written with I."""
    found = []
    for m in DOTTED_CAPITAL.finditer(doc.source):
        word = _word_at(doc, m.start())
        if word is None:
            continue
        rest = lower(word[1:], doc.language)
        if model.count("ı" + rest) >= DOTLESS_ODDS * max(1, model.count("i" + rest)):
            why = "the lexicon writes the word with I far more often than with İ"
            found.append(Misprint(*m.span(), "I", {"from": "İ", "reason": why}, "ocr-letter"))
    return found


FAINT_STROKES = {"a": "q", "T": "f"}
"""A letter as Tesseract reads it where a stroke of another came out faint → that letter: a q
whose descender faded reads as a (Konares, arupları), an f whose hook did as T (Termerə, at a
word's start)."""
FAINT_STROKE_MIN_COUNT = 500
"""How often the lexicon must see the word the stroke makes (no NTREX aze word unknown as
written is one of them at 100)."""
WHOLE_WORD = regex.compile(
    r"(?<![\p{L}\p{M}\d'’-])(?<![-\u2010\u00ad¬][ \t]*\r?\n[ \t]*)\p{L}+(?![\p{L}\p{M}\d-])"
)
"""A word no line-end hyphen cuts (neither of whose ends is a line's piece of a longer word)."""


def _faint_strokes(doc: Document, model: LanguageModel) -> list[Misprint]:
    """A word neither the lexicon nor its grammar knows that one FAINT_STROKES letter, put
    back, makes a frequent word."""
    source, lang = doc.source, doc.language
    starts = [b.start for b in doc.blocks]
    found = []
    for m in WHOLE_WORD.finditer(source):
        word = m.group()
        if not FAINT_STROKES.keys() & set(word) or model.known(lower(word, lang)):
            continue
        fixes = []
        for k, read in enumerate(word):
            meant = FAINT_STROKES.get(read)
            if meant is None or (read.isupper() and k > 0):
                continue
            if read.isupper() and not _mid_sentence(doc, starts, m.start()):
                meant = upper(meant, lang)
            if model.count(lower(word[:k] + meant + word[k + 1 :], lang)) >= FAINT_STROKE_MIN_COUNT:
                fixes.append((k, meant))
        if len(fixes) == 1:
            k, meant = fixes[0]
            why = "a letter whose stroke came out faint makes a known word of an unknown one"
            at = m.start() + k
            found.append(
                Misprint(at, at + 1, meant, {"from": word[k], "reason": why}, "ocr-letter")
            )
    return found


RARE_ONSET = 30
"""Words per million in the lexicon that may open on a pair of consonants for it to be no onset
of the language (ktexnika, gçökdürə: kt 18, gç 0, against tr 727, st 2,530)."""


def _no_onset(pair: str, onsets: dict[str, float]) -> bool:
    """Two consonants the lexicon hardly ever opens a word on."""
    return not is_vowel(pair[0]) and not is_vowel(pair[1:2]) and onsets.get(pair, 0) < RARE_ONSET


def _onsets(model: LanguageModel) -> dict[str, float]:
    """How many words per million in the lexicon open on each pair of letters."""
    hit = model.memo.get(("letters", "onsets"))
    if hit is None:
        counts: Counter[str] = Counter()
        for w, c in model.words.items():
            if len(w) > 2:
                counts[w[:2]] += c
        total = sum(counts.values()) or 1
        hit = model.memo[("letters", "onsets")] = {k: v * 1e6 / total for k, v in counts.items()}
    return hit


STRAY_PARENTHESIS = regex.compile(r"(?<![^\s\"“«])\((?=\p{L})")
"""An opening parenthesis before a word's first letter."""


def _stray_parentheses(doc: Document) -> list[Misprint]:
    """An opening parenthesis that nothing closes before its paragraph ends (``(CBS-nin``): a
    speck or a rule's end the OCR read as one."""
    source = doc.source
    found = []
    for b in doc.blocks:
        if b.kind == "furniture" or "(" not in source[b.start : b.end]:
            continue
        for m in STRAY_PARENTHESIS.finditer(source, b.start, b.end):
            if ")" not in source[m.end() : b.end]:
                why = "an opening parenthesis nothing in its paragraph closes"
                found.append(Misprint(*m.span(), "", {"from": "(", "reason": why}, "ocr-letter"))
    return found


def _put_back_symbols(doc: Document, ctx: Context) -> None:
    for f in misprinted_symbols(doc, ctx):
        if not doc.overlaps(f.start, f.end):
            doc.add(
                Edit(
                    f.kind,
                    f.start,
                    f.end,
                    f.symbol,
                    step=STEP,
                    confidence=0.9,
                    evidence=dict(f.evidence),
                )
            )


def _damaged_once_repaired(doc: Document, ctx: Context) -> bool:
    """What the gate will say of the repaired text on a second pass, so that repair(repair(x))
    equals repair(x)."""
    if ctx.reread is None:
        return False
    again = ctx.reread(apply_edits(doc.source, doc.edits), doc.language)
    return ocr_damaged(again, Context(config=ctx.config, model=ctx.model, document=again))
