from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from sutun.document import Edit
from sutun.edits import apply_edits, compose


def _replacements(draw, text: str, min_size: int) -> list[Edit]:
    """Non-overlapping replacements; with ``min_size``, of non-empty spans (as decoding makes)."""
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if (edits and a <= edits[-1].end) or (min_size and a == b):
            continue
        new = draw(st.text(alphabet="pqr", min_size=min_size, max_size=3))
        edits.append(Edit("r", a, b, new))
    return edits


@given(st.data())
def test_composed_edits_replay_both_passes_at_once(data):
    text = data.draw(st.text(alphabet="abcXY \n", max_size=40))
    first = _replacements(data.draw, text, min_size=1)
    middle = apply_edits(text, first)
    then = _replacements(data.draw, middle, min_size=0)
    if data.draw(st.booleans()) and len(middle) > 2:
        a, b, after = sorted(
            data.draw(st.lists(st.integers(0, len(middle)), min_size=3, max_size=3))
        )
        then.append(
            Edit("move", b, after, after=a) if b < after else Edit("move", a, b, after=after)
        )
    try:
        want = apply_edits(middle, then)
    except ValueError:
        assume(False)  # a move across one of ``then``'s own replacements: not a valid list
    composed = compose(text, first, then)
    assume(composed is not None)  # a move that starts or ends inside a replacement of ``first``
    assert apply_edits(text, composed) == want


def test_an_edit_cutting_into_a_first_replacement_takes_it_in():
    text = "AzÉ™rbaycan ilÉ™-\nbirlikdə"
    word = text.index("ilÉ™-")
    first = [Edit("decode", 0, word - 1, "Azərbaycan"), Edit("decode", word, word + 5, "ilə-")]
    middle = apply_edits(text, first)
    then = [Edit("dehyphenate", middle.index("-"), middle.index("-") + 2, "")]
    composed = compose(text, first, then)
    assert apply_edits(text, composed) == "Azərbaycan iləbirlikdə"
    assert [e.kind for e in composed] == ["dehyphenate", "decode"]
    assert composed[0].evidence["from"] == "ilÉ™-\n"
