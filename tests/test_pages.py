from __future__ import annotations

import io
import json
import math
import subprocess
import sys

import pytest

import sutun
from sutun.bench import browser_pages
from sutun.bench.metrics import fold
from sutun.bench.pages import aged, rasterise, render, worn
from sutun.bench.pages_bench import WEARS, pages
from sutun.bench.simulate import articles_from_ntrex
from sutun.pages import ExtractError, read_pages
from sutun.pages.layout import Word, layout, lines_of
from sutun.pages.sources import deskewed, model_charset, pdf_words, skew


@pytest.fixture(scope="module")
def aze(ntrex):
    return articles_from_ntrex(ntrex, "aze")


def _page(tmp_path, articles, columns, scramble, seed=7):
    page = render(articles, columns, seed, scramble)
    path = tmp_path / f"p{seed}{int(scramble)}.pdf"
    path.write_bytes(page.pdf)
    return path, page


@pytest.mark.parametrize("scramble", [False, True])
def test_articles_come_out_in_reading_order_whatever_the_content_stream(tmp_path, aze, scramble):
    path, page = _page(tmp_path, aze[3:5], 3, scramble)
    result = read_pages(path, "aze")
    assert [a.title for a in result.articles] == [t for t, _ in page.gold]
    assert result.articles[1].paragraphs == page.gold[1][1]
    assert {f["kind"] for f in result.furniture} == {"running-head", "page-number"}
    assert all("XALQ" not in p for a in result.articles for p in a.paragraphs)


def test_gutters_are_found_and_justified_spaces_as_wide_are_not():
    import random

    rng = random.Random(3)
    words, left_edges = [], (40.0, 204.0, 368.0)  # columns 150 wide, 14-point gutters
    for row in range(14):
        y = 100.0 + 12 * row
        for x0 in left_edges:
            widths = [rng.uniform(18, 60) for _ in range(rng.randint(2, 4))]
            gap = (150 - sum(widths)) / (len(widths) - 1)  # justified: spaces up to ~60 points
            x = x0
            for w in widths:
                words.append(Word(x, y, x + w, y + 9, "söz", 9.0))
                x += w + gap
    lines = lines_of(words)
    assert len(lines) == 14 * 3
    assert all(
        any(abs(ln.x0 - x0) < 0.01 and ln.x1 <= x0 + 150.01 for x0 in left_edges) for ln in lines
    )


def test_a_wide_space_in_a_short_column_is_no_gutter_however_a_gutter_elsewhere_reaches():
    def row(y: float, spans: list[tuple[float, float]]) -> list[Word]:
        return [Word(a, y, b, y + 10, f"w{a:.0f}", 10.0) for a, b in spans]

    words = []
    for k in range(6):  # two columns, the left one's last line short: its gutter reaches left
        cut = 80 + 7 * k  # where a row's one space falls
        left = [(0, cut), (cut + 4, 200)] if k < 5 else [(0, 50), (54, 90)]
        words += row(15.0 * k, [*left, (220, 220 + cut), (224 + cut, 420)])
    # Far below, a column two lines short, justified with spaces as wide as a gutter.
    words += row(300, [(0, 40), (60, 100), (120, 200), (220, 300)])
    words += row(315, [(0, 45), (65, 98), (118, 200), (220, 290)])
    short = {ln.text for ln in lines_of(words) if ln.y0 >= 300}
    assert short == {"w0 w60 w120", "w220", "w0 w65 w118"}


def test_the_page_befores_gutter_speaks_where_a_short_page_found_only_some_of_its_own():
    # An article's last three rows on a page of their own: the first gutter shows (the left
    # column's lines end together), the second does not (ragged ends); the page before has it.
    words = []
    for k, end in enumerate((200, 190, 205)):
        y = 12.0 * k
        spans = [(0, 40), (44, 100), (120, 150), (154, end), (240, 270), (274, 340)]
        words += [Word(a, y, b, y + 10, f"w{a:.0f}", 10.0) for a, b in spans]
    assert {ln.text for ln in lines_of(words)} >= {"w120 w154 w240 w274"}
    lines = {ln.text for ln in lines_of(words, grid_hint=[(205.0, 240.0)])}
    assert lines == {"w0 w44", "w120 w154", "w240 w274"}


def test_a_river_of_wide_spaces_in_a_short_narrow_column_is_no_gutter():
    # Four justified rows of a column 11 ems wide: the wide spaces line up, and right of them
    # the rows' last words end together at the column's edge (a column's words start together).
    col0 = [
        [(36, 60), (75, 100), (110, 131)],
        [(36, 76), (91.4, 102.2), (117.7, 131)],
        [(36, 66), (85.9, 97.1), (116.9, 131)],
        [(36, 82.4), (106.9, 131)],
    ]
    col1 = [(143, 238)]  # the next column, one long word a row
    words = [
        Word(a, 700 + 11 * k, b, 708 + 11 * k, f"w{a:.0f}", 8.5)
        for k, spans in enumerate(col0)
        for a, b in [*spans, *col1]
    ]
    lines = lines_of(words)
    assert (
        sorted((round(ln.x0), round(ln.x1)) for ln in lines) == [(36, 131)] * 4 + [(143, 238)] * 4
    )


def test_three_rows_whose_second_words_start_in_line_are_no_two_columns():
    # A short justified column: the second words of its three rows happen to start within an
    # em of each other, but the words left of the spaces do not end at one edge.
    rows = [
        [(44.0, 54.8), (61.4, 80.8), (87.5, 111.0), (117.6, 131.0)],
        [(36.0, 48.8), (60.6, 98.1), (109.9, 131.0)],
        [(36.0, 52.0), (62.0, 83.4), (93.4, 131.0)],
    ]
    words = [
        Word(a, 682 + 10.8 * k, b, 690.5 + 10.8 * k, f"w{a:.0f}", 8.5)
        for k, spans in enumerate(rows)
        for a, b in spans
    ]
    assert sorted((round(ln.x0), round(ln.x1)) for ln in lines_of(words)) == [
        (36, 131),
        (36, 131),
        (44, 131),
    ]


def test_a_gutter_between_two_justified_rows_is_found_by_both_column_edges():
    # A lead two rows deep, alone in its columns: left of the gutter both rows end at the
    # column's edge, right of it both start at the next column's.
    rows = [
        [(44, 61), (71.1, 98.1), (108.2, 131), (143, 153.6), (192.5, 238), (250, 305.3)],
        [(44, 60), (70, 95), (98.2, 131), (143, 191.7), (214.3, 238), (250, 301)],
    ]
    words = [
        Word(a, 700 + 11 * k, b, 708 + 11 * k, f"w{a:.0f}", 8.5)
        for k, spans in enumerate(rows)
        for a, b in spans
    ]
    lines = lines_of(words)
    assert sorted((round(ln.x0), round(ln.x1)) for ln in lines) == [
        (44, 131),
        (44, 131),
        (143, 238),
        (143, 238),
        (250, 301),
        (250, 305),
    ]


def _columns(rows: int, edges: tuple[float, ...], top: float = 100.0) -> list[Word]:
    """Justified columns 150 wide: four words a row, spaces where they fall."""
    import random

    rng = random.Random(5)
    words = []
    for k in range(rows):
        y = top + 12 * k
        for x0 in edges:
            widths = [rng.uniform(28, 34) for _ in range(4)]
            gap, x = (150 - sum(widths)) / 3, x0
            for w in widths:
                words.append(Word(x, y, x + w, y + 9, "söz", 9.0))
                x += w + gap
    return words


def test_a_folio_under_the_columns_closes_no_gutter_and_edge_lines_set_in_are_furniture():
    edges = (40.0, 204.0, 368.0)  # 14-point gutters
    words = _columns(10, edges, top=570.0)  # rows down to y 687 of 800
    # The page number right under the last row, centred over a gutter; the dated head at the
    # top: both further in than the edge band (wide margins).
    words += [Word(x, 700, x + 8, 709, t, 8.0) for x, t in ((186, "—"), (196, "4"), (206, "—"))]
    words += [
        Word(40 + 40 * k, 66, 75 + 40 * k, 74, t, 8.0)
        for k, t in enumerate(["Qəzet", "•", "12", "mart", "2024", "•", "№", "48"])
    ]
    page = layout(words, 560.0, 800.0)
    kinds = {f["kind"]: f["text"] for f in page.furniture}
    assert kinds == {"page-number": "— 4 —", "running-head": "Qəzet • 12 mart 2024 • № 48"}
    body = [ln for r in page.regions for col in r.columns for ln in col]
    assert len(body) == 30 and all(ln.x1 - ln.x0 <= 150.01 for ln in body)


def test_a_dated_head_read_by_ocr_with_its_bullets_misread_is_still_furniture():
    words = _columns(10, (40.0, 204.0, 368.0), top=120.0)
    head = ["QƏZET", "“", "23", "aprel", "2025", "“", "Ne", "32"]  # • read as “, № as Ne
    words += [Word(40 + 40 * k, 66, 75 + 40 * k, 74, t, 8.0) for k, t in enumerate(head)]
    page = layout(words, 560.0, 800.0)
    assert [f["kind"] for f in page.furniture] == ["running-head"]


def test_a_word_too_long_for_its_column_runs_into_the_next_one_and_splits_no_row():
    edges = (40.0, 204.0)
    words = [w for w in _columns(9, edges) if not (w.y0 == 148 and w.x0 < 204)]
    words.append(Word(40, 148, 205, 157, "uzunsözsözsözsözsözsöz", 9.0))  # 1 point into it
    lines = sorted(lines_of(words), key=lambda ln: (ln.y0, ln.x0))
    assert [ln.text for ln in lines if ln.y0 != 148] == ["söz söz söz söz"] * 16
    long_row = ["uzunsözsözsözsözsözsöz", "söz söz söz söz"]
    assert [ln.text for ln in lines if ln.y0 == 148] == long_row


def test_a_word_boxed_over_its_neighbour_inside_a_column_splits_no_line():
    # OCR boxed a row's first word over the second; a paragraph's short last line further down
    # left a gutter whose left edge falls inside that box, and the second word starts nowhere
    # near the next column.
    edges = (40.0, 204.0)
    last = 100 + 12 * 8
    words = [w for w in _columns(9, edges) if not (w.y0 == last and 40 < w.x0 < 204)]
    first = min((w for w in words if w.y0 == 112), key=lambda w: w.x0)
    words[words.index(first)] = Word(first.x0, first.y0, first.x1 + 20, first.y1, "söz", 9.0)
    found: list = []
    lines = lines_of(words, found=found)
    assert any(a < first.x1 + 20 and b == 204.0 for a, b in found)  # the short line's gutter
    assert [ln.text for ln in lines if ln.y0 == 112] == ["söz söz söz söz"] * 2


def test_a_word_boxed_over_its_neighbour_far_from_another_articles_gutter_splits_no_line():
    # Two columns at the top of the page; far down, an article across the page whose OCR boxed
    # one word over the next, this one starting where the top article's second column does.
    words = _columns(9, (40.0, 204.0))
    y = 600.0
    xs = [40.0, 80.0, 120.0, 150.0, 198.0, 240.0, 280.0, 320.0]
    row = [Word(x, y, x + 32, y + 9, "söz", 9.0) for x in xs]
    row[3] = Word(150.0, y, 201.0, y + 9, "söz", 9.0)  # over the next box by 3 points
    lines = lines_of(words + row)
    assert [ln.text for ln in lines if ln.y0 == y] == ["söz " * 7 + "söz"]


def test_side_by_side_articles_and_a_boxed_item_keep_their_own_columns(tmp_path, aze):
    page = next(
        p
        for seed in range(40)
        if (p := render(aze[seed : seed + 3], 4, seed, True)).side_by_side and p.boxed
    )
    path = tmp_path / "page.pdf"
    path.write_bytes(page.pdf)
    result = read_pages(path, "aze")
    assert [a.title for a in result.articles] == [t for t, _ in page.gold]
    got = {a.title: a.paragraphs for a in result.articles}
    exact = sum(got[t] == paras for t, paras in page.gold)
    assert exact >= len(page.gold) - 1  # a compound's hyphen at a line end may still be misread


def test_a_headline_owns_the_columns_beneath_it():
    head = [Word(40, 50, 300, 66, "Başlıq", 16.0, True)]
    body = [Word(40, y, 250, y + 9, "mətn sözləri", 9.0) for y in range(80, 200, 12)]
    head2 = [Word(40, 220, 300, 236, "İkinci", 16.0, True)]
    body2 = [Word(40, y, 250, y + 9, "başqa sözlər", 9.0) for y in range(250, 330, 12)]
    page = layout(head + body + head2 + body2, 595, 842)
    assert [len(r.columns[0]) for r in page.regions] == [10, 7]


def _body_lines(x0: float, ys: range) -> list[Word]:
    return [Word(x0, y, x0 + 210, y + 9, "mətn sözləri", 9.0) for y in ys]


def _caption_words(x0: float, y: float) -> list[Word]:
    return [Word(x0, y, x0 + 120, y + 7.5, "Foto: tədbirdən görüntü", 7.5)]


def test_small_type_under_a_picture_is_its_caption():
    head = [Word(40, 50, 300, 66, "Başlıq", 16.0, True)]
    words = head + _body_lines(40, range(80, 200, 12)) + _caption_words(40, 332)
    words += _body_lines(40, range(350, 450, 12))
    page = layout(words, 595, 842, figures=[(40, 206, 250, 330)])
    assert [(f["kind"], f["text"]) for f in page.furniture] == [
        ("caption", "Foto: tədbirdən görüntü")
    ]
    assert {ln.text for r in page.regions for col in r.columns for ln in col} == {"mətn sözləri"}
    # Without the picture, the same line is the text's own (a smaller type alone says little).
    alone = layout(words, 595, 842)
    assert alone.furniture == []


@pytest.mark.parametrize("width", [120, 212], ids=["narrow", "wider than the picture"])
def test_a_caption_the_column_end_pushed_to_the_next_columns_top_is_still_one(width):
    # The picture ends the first column (the next article's headline is under it); its caption
    # opens the second column, which may be a little wider than the picture.
    head = [Word(40, 50, 460, 66, "Başlıq", 16.0, True)]
    words = head + _body_lines(40, range(80, 200, 12))
    words.append(Word(260, 80, 260 + width, 87.5, "Foto: tədbirdən görüntü", 7.5))
    words += _body_lines(260, range(95, 330, 12))
    words.append(Word(40, 345, 460, 361, "İkinci", 16.0, True))
    words += _body_lines(40, range(375, 450, 12))
    page = layout(words, 595, 842, figures=[(40, 206, 250, 330)])
    assert [f["kind"] for f in page.furniture] == ["caption"]
    assert {ln.text for r in page.regions for col in r.columns for ln in col} == {"mətn sözləri"}


def test_a_headline_at_the_very_top_of_a_page_is_no_running_head():
    # A page with narrow margins: the headline's first line lies in the top band, where small
    # lines are running heads.
    head = [Word(40, 20, 300, 36, "Əvvəl", 16.0, True), Word(40, 38, 300, 54, "sonra", 16.0, True)]
    page = layout(head + _body_lines(40, range(70, 400, 12)), 595, 842)
    assert page.furniture == [] and [ln.text for ln in page.regions[0].title] == ["Əvvəl", "sonra"]


def test_an_ocr_headline_set_tight_with_a_short_word_in_it_stays_one_title():
    # OCR boxes: a word without ascenders (Aİ) reads smaller than its type, a word at a body
    # line's end (bilərlər.) larger; a tight headline's lines overlap a little.
    head = [
        Word(40, 250, 150, 280, "Təhsil", 34.0),
        Word(162, 250, 300, 280, "Naziri", 34.0),
        Word(40, 277, 100, 307, "yeni", 34.0),
        Word(112, 280, 140, 302, "Aİ", 26.0),
        Word(152, 277, 330, 307, "proqramları", 34.0),
        Word(40, 304, 200, 334, "haqqında", 34.0),
    ]
    body = [Word(40, y, 120, y + 20, "mətn", 23.0) for y in range(350, 650, 30)]
    body += [Word(128, y, 250, y + 20, "sözləri", 23.0) for y in range(350, 650, 30)]
    body.append(Word(256, 620, 330, 642, "bilərlər.", 30.0))
    page = layout(head + body, 1653, 2339)
    assert [" ".join(ln.text for ln in r.title) for r in page.regions] == [
        "Təhsil Naziri yeni Aİ proqramları haqqında"
    ]
    assert page.regions[0].columns[0][-1].text == "mətn sözləri bilərlər."


def test_a_row_set_as_one_line_of_type_is_of_one_type():
    # OCR boxes of a page set in one column: a heading whose second part is set smaller
    # (Subtask 1 (bal: 40)), and a body line holding a formula whose symbols read tall.
    heading = [
        Word(200, 1290, 420, 1334, "Subtask", 58.7),
        Word(449, 1291, 474, 1332, "1", 54.7),
        Word(503, 1287, 600, 1348, "(bal:", 48.0),
        Word(627, 1287, 699, 1348, "40)", 45.0),
    ]
    formula = [Word(200 + 120 * k, 800, 300 + 120 * k, 835, "söz", 40.0) for k in range(5)]
    formula[2:4] = [Word(440, 790, 540, 845, "xa", 69.0), Word(560, 795, 660, 845, "bx", 50.7)]
    body = [
        Word(200 + 120 * k, y, 300 + 120 * k, y + 35, "mətn", 40.0)
        for k in range(5)
        for y in range(1390, 1800, 50)
    ]
    lines = lines_of(heading + formula + body)
    assert [ln.text for ln in lines if ln.headline] == ["Subtask 1 (bal: 40)"]
    assert "söz söz xa bx söz" in [ln.text for ln in lines]
    # A gutter's width apart, a headline's row and a body line stay apart.
    # Two columns, a gutter between them at 700-745.
    columns = [
        Word(x0, y, x0 + 100, y + 35, "mətn", 40.0)
        for x0 in (200, 320, 440, 560, 745, 865, 985)
        for y in range(1390, 1800, 50)
    ]
    beside = [Word(745 + 120 * k, 1295, 845 + 120 * k, 1330, "mətn", 40.0) for k in range(3)]
    lines = lines_of(heading + beside + columns)
    assert "mətn mətn mətn" in [ln.text for ln in lines if not ln.headline]
    assert all("mətn" not in ln.text for ln in lines if ln.headline)


def test_an_ocr_line_box_sticking_out_left_is_no_edge_to_measure_indents_from():
    from sutun.pages.layout import Line, Region, paragraphs

    def line(x0: float, y: float, text: str) -> Line:
        return Line([Word(x0, y, 1000, y + 20, text, 23.0)])

    starts = [870, 850, 850, 834, 850, 850, 850, 870, 850, 850]  # two indents, one box off
    col = [line(x0, 300 + 30 * k, f"sətir{k}") for k, x0 in enumerate(starts)]
    assert [len(p) for p in paragraphs(Region(title=[], columns=[col]))] == [7, 3]


def test_specks_of_a_large_glyph_read_as_words_of_their_own_are_dropped():
    from sutun.pages.sources import _without_specks

    words = [
        Word(100, 270, 270, 323, "ümitsiz", 48.0),
        Word(176, 271, 184, 277, "-", 8.0),  # a speck inside the headline word
        Word(110, 269, 160, 276, "...ə.", 12.7),  # the dots of its ü, over half the body size
        Word(100, 400, 160, 423, "bu", 23.0),
        Word(170, 410, 180, 411, "-", 1.4),  # a dash between words: kept
        Word(190, 400, 260, 423, "gün", 23.0),
        Word(351, 240, 421, 244, "—.", 5.3),  # three ems wide: no punctuation mark
        Word(430, 400, 454, 402, "—", 1.0),  # an em dash: kept
    ]
    body = [Word(100 + 80 * k, 500, 170 + 80 * k, 523, "söz", 23.0) for k in range(8)]
    kept = ["ümitsiz", "bu", "-", "gün", "—"] + ["söz"] * 8
    assert [w.text for w in _without_specks(words + body)] == kept


def test_line_end_hyphens_are_decided_with_the_language_model(tmp_path, aze):
    path, page = _page(tmp_path, aze[10:12], 4, False, seed=3)
    text = " ".join(p for a in read_pages(path, "aze").articles for p in a.paragraphs)
    assert "- " not in text.replace(" - ", " ").replace(" – ", " ")
    gold = " ".join(p for _, ps in page.gold for p in ps)
    hyphenated = {w for w in gold.split() if "-" in w.strip("-")}
    assert hyphenated and sum(w in text for w in hyphenated) >= 0.8 * len(hyphenated)


def test_fonts_without_tounicode_are_reported_and_read_by_ocr(shared):
    result = read_pages(shared / "corpora" / "specimens" / "latex-statements.pdf", "aze")
    assert any("ToUnicode" in note for note in result.notes)
    text = " ".join(a.title + " " + " ".join(a.paragraphs) for a in result.articles)
    assert "Məsələ" in text and "º" not in text


def test_a_word_documents_running_head_is_furniture_on_every_page(shared):
    # Word drew its İ with a stand-in glyph and a space of no width after it ("İ nformatika"),
    # and put the contest's name and date at the top of both pages.
    pdf = shared / "corpora" / "specimens" / "olympiad-mixed-network.pdf"
    result = read_pages(pdf, "aze")
    heads = [f for f in result.furniture if f["kind"] == "running-head"]
    assert {f["page"] for f in heads} == {1, 2}
    assert all("İnformatika" in f["text"] for f in heads if "Olimpiadası" in f["text"])
    text = " ".join(" ".join([a.title, *a.paragraphs]) for a in result.articles)
    assert "Olimpiadası" not in text and "Zaman limiti" in text


def test_a_line_repeated_at_the_top_of_pages_is_a_running_head(tmp_path):
    import pymupdf

    doc = pymupdf.open()
    for n in range(3):
        page = doc.new_page()
        page.insert_text((72, 40), f"Elmi jurnal, cild {n + 4}", fontsize=9)
        for k in range(20):
            page.insert_text((72, 120 + 18 * k), f"Məqalənin {n}-ci səhifəsinin {k}-cı sətri.")
    path = tmp_path / "three.pdf"
    doc.save(path)
    result = read_pages(path)
    assert [f["page"] for f in result.furniture if f["kind"] == "running-head"] == [1, 2, 3]
    assert all("jurnal" not in " ".join(a.paragraphs) for a in result.articles)


def test_an_article_run_onto_the_next_page_goes_on_there(tmp_path):
    import pymupdf

    regular = pymupdf.Font(fontfile="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    bold = pymupdf.Font(fontfile="/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
    doc = pymupdf.open()
    pages = [
        [("Yeni körpü açıldı", bold, 16), "Şəhərin mərkəzində yeni körpü", "bu gün açıldı və"],
        [
            "sakinlər onu çoxdan gözləyirdi.",
            ("Bazarda qiymətlər", bold, 16),
            "Tərəvəzin qiyməti bu həftə düşüb.",
        ],
    ]
    for lines in pages:
        writer = pymupdf.TextWriter(doc.new_page().rect)
        y = 90
        for line in lines:
            text, font, size = line if isinstance(line, tuple) else (line, regular, 11)
            writer.append((72, y), text, font=font, fontsize=size)
            y += 24 if size > 11 else 14
        writer.write_text(doc[-1])
    path = tmp_path / "two.pdf"
    doc.save(path)
    first, second = read_pages(path, "aze").articles
    assert (first.title, first.page) == ("Yeni körpü açıldı", 1)
    assert first.paragraphs == [
        "Şəhərin mərkəzində yeni körpü bu gün açıldı və sakinlər onu çoxdan gözləyirdi."
    ]
    assert (second.title, second.page) == ("Bazarda qiymətlər", 2)


@pytest.mark.skipif(
    browser_pages.browser() is None, reason="Debian chromium (make test installs it)"
)
def test_a_browser_printed_page_reads_back_as_its_articles(tmp_path, aze):
    [(path, page)] = browser_pages.pages(aze, 1, tmp_path, seed=2)
    got = {fold("\n\n".join([a.title, *a.paragraphs])) for a in read_pages(path, "aze").articles}
    wanted = [fold("\n\n".join([title, *paras])) for title, paras in page.gold]
    assert sum(w in got for w in wanted) >= 1
    assert "\u00ad" not in "".join(got) and "\u2010" not in "".join(got)


@pytest.mark.skipif(
    browser_pages.browser() is None, reason="Debian chromium (make test installs it)"
)
def test_a_page_in_every_other_style_reads_back_as_its_articles(tmp_path, aze):
    styles = frozenset(browser_pages.STYLES)
    [(path, page)] = browser_pages.pages(aze, 1, tmp_path, seed=2, styled=styles)
    got = {fold("\n\n".join([a.title, *a.paragraphs])) for a in read_pages(path, "aze").articles}
    wanted = [fold("\n\n".join([title, *paras])) for title, paras in page.gold]
    assert sorted(got) == sorted(wanted)


@pytest.mark.skipif(
    browser_pages.browser() is None, reason="Debian chromium (make test installs it)"
)
@pytest.mark.parametrize("styled", [False, True], ids=["plain", "other-styles"])
@pytest.mark.parametrize("layout", [[], ["-layout"]], ids=["raw", "layout"])
def test_a_browser_pages_pdftotext_text_is_repaired_once_and_for_all(tmp_path, aze, styled, layout):
    # Already-extracted text, as a corpus keeps it: pdftotext's lines, soft hyphens and all.
    [(path, _)] = browser_pages.pages(aze, 1, tmp_path, seed=5, styled=styled)
    text = subprocess.run(
        ["pdftotext", *layout, str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "\u00ad" in text
    once = sutun.repair(text, "aze")
    assert sutun.apply_edits(text, once.edits) == once.text
    assert "\u00ad" not in once.text
    assert sutun.repair(once.text, "aze").text == once.text


@pytest.mark.skipif(
    browser_pages.browser() is None, reason="Debian chromium (make test installs it)"
)
def test_a_browser_pages_columns_side_by_side_read_back_as_its_articles(tmp_path, aze):
    [(path, page)] = browser_pages.pages(aze, 1, tmp_path, seed=2)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    got = fold(sutun.repair(text, "aze").text)
    wanted = [fold("\n\n".join([title, *paras])) for title, paras in page.gold]
    assert sum(w in got for w in wanted) >= 1


def test_a_scan_goes_through_tesseract_into_the_same_layout(tmp_path, aze):
    _, page = _page(tmp_path, aze[3:5], 3, False)
    png = tmp_path / "scan.png"
    png.write_bytes(rasterise(page.pdf, dpi=200))
    articles = sutun.extract(png, "aze")
    assert [a.title for a in articles] == [t for t, _ in page.gold]


def _tilted_lines(degrees: float) -> list:
    """Word boxes of two columns of eight lines, as Tesseract boxes a page tilted by
    ``degrees`` (each upright box around a tilted 60 × 20 word)."""
    t = math.radians(degrees)
    boxes = []
    for col, x0 in enumerate((100.0, 900.0)):
        for line in range(8):
            for k in range(5):
                cx, cy = x0 + 80 * k, 200 + 40 * line
                # The word turned about the page centre (1000, 1000), y growing down.
                mx, my = cx - 1000, cy - 1000
                tx, ty = mx * math.cos(t) - my * math.sin(t), mx * math.sin(t) + my * math.cos(t)
                w = 60 * math.cos(t) + 20 * abs(math.sin(t))
                h = 20 * math.cos(t) + 60 * abs(math.sin(t))
                key = (str(col), "1", str(line))
                boxes.append((1000 + tx - w / 2, 1000 + ty - h / 2, w, h, "söz", key))
    return boxes


@pytest.mark.parametrize("degrees", [1.5, -3.0])
def test_a_tilted_pages_word_boxes_are_turned_level(degrees):
    boxes = _tilted_lines(degrees)
    assert math.degrees(skew(boxes)) == pytest.approx(degrees, abs=0.01)
    level = deskewed(boxes, 2000, 2000, skew(boxes))
    for line in {b[5] for b in level}:
        tops = [b[1] for b in level if b[5] == line]
        assert max(tops) - min(tops) < 0.5
    assert all(
        b[2] == pytest.approx(60, abs=0.5) and b[3] == pytest.approx(20, abs=0.5) for b in level
    )


def test_a_misread_mark_takes_its_lines_size_not_a_headlines():
    from sutun.pages.sources import _punctuation_sized

    # A bullet read as a quote: its box is the bullet's, its glyph a third of the type's height.
    line = [Word(40, 60, 110, 70, "QƏZET", 10.0), Word(118, 58, 124, 72, '"', 40.0)]
    line += [Word(130, 60, 170, 70, "aprel", 10.0), Word(176, 66, 180, 70, ",", 6.0)]
    _punctuation_sized(line)
    assert [w.size for w in line] == [10.0, 10.0, 10.0, 6.0]


def test_a_straight_pages_word_boxes_are_left_as_read():
    boxes = _tilted_lines(0.05)
    assert deskewed(boxes, 2000, 2000, skew(boxes)) == boxes


def _reads_as_printed(scan, page) -> None:
    """The articles of ``scan`` have ``page``'s headlines, and four in five of its paragraphs
    whole."""
    articles = sutun.extract(scan, "aze")
    assert [a.title for a in articles] == [t for t, _ in page.gold]
    found = {fold(p) for a in articles for p in a.paragraphs}
    wanted = [fold(p) for _, paragraphs in page.gold for p in paragraphs]
    assert sum(p in found for p in wanted) >= 0.8 * len(wanted)


def test_a_tilted_scan_reads_back_as_the_straight_one(tmp_path, aze):
    from PIL import Image

    _, page = _page(tmp_path, aze[3:5], 3, False)
    png = tmp_path / "scan.png"
    png.write_bytes(rasterise(page.pdf, dpi=200))
    with Image.open(png) as img:
        img.rotate(2.0, Image.Resampling.BICUBIC, expand=True, fillcolor=255).save(png)
    _reads_as_printed(png, page)


def test_a_scan_on_dark_uneven_paper_reads_as_on_white(tmp_path, aze):
    _, page = _page(tmp_path, aze[3:5], 3, False)
    jpg = tmp_path / "aged.jpg"
    jpg.write_bytes(aged(rasterise(page.pdf, dpi=200)))
    _reads_as_printed(jpg, page)


@pytest.mark.parametrize("wear", WEARS)
def test_a_worn_scan_reads_as_a_clean_one(tmp_path, aze, wear):
    _, page = _page(tmp_path, aze[3:5], 3, False)
    _, back = _page(tmp_path, aze[5:7], 3, False)
    png = tmp_path / "scan.png"
    png.write_bytes(worn(rasterise(page.pdf, dpi=200), wear, back=rasterise(back.pdf, dpi=200)))
    _reads_as_printed(png, page)


def test_a_blurred_rules_ink_is_no_dash(tmp_path, aze):
    # A page with a boxed article: out of focus, its frame's lines are fainter than the ink
    # threshold but for a pixel here and there, which a reading of the ink left over took for
    # dashes heading an article of their own.
    page = pages(aze, 5)[4]
    png = tmp_path / "scan.png"
    png.write_bytes(worn(rasterise(page.pdf, dpi=200, seed=4), "blurred"))
    assert [a.title for a in sutun.extract(png, "aze")] == [t for t, _ in page.gold]


def test_paper_is_levelled_only_where_it_is_not_white_or_the_ink_not_black(aze, tmp_path):
    import numpy as np
    from PIL import Image

    from sutun.pages.paper import levelled
    from sutun.pages.sources import RULE_DARK, image_page

    _, page = _page(tmp_path, aze[3:5], 3, False)
    white = rasterise(page.pdf, dpi=100)
    assert levelled(white) is white
    with Image.open(io.BytesIO(white)) as img:
        before = np.asarray(img.convert("L"))
    with Image.open(io.BytesIO(levelled(aged(white, paper=150, ink=90)))) as img:
        after = np.asarray(img)
    paper, ink = before > 200, before < 60
    # As the page reader tells them apart:
    assert (after[paper] >= RULE_DARK).mean() > 0.99 and (after[ink] < RULE_DARK).mean() > 0.95
    # An archive's 16-bit scan, which Pillow would clip to white:
    wide = io.BytesIO()
    Image.fromarray(before.astype(np.uint16) * 257).save(wide, format="PNG")
    with Image.open(io.BytesIO(levelled(wide.getvalue()))) as img:
        assert img.mode == "L" and np.array_equal(np.asarray(img), before)
    tiff = tmp_path / "issue.tif"
    Image.fromarray(before.astype(np.uint16) * 257).save(tiff, save_all=True)
    with Image.open(io.BytesIO(image_page(tiff, 1))) as img:
        assert np.array_equal(np.asarray(img), before)
    # Ink on a transparent page, which Pillow would turn black:
    clear = io.BytesIO()
    Image.fromarray(np.stack([np.zeros_like(before)] * 3 + [255 - before], axis=-1)).save(
        clear, format="PNG"
    )
    with Image.open(io.BytesIO(levelled(clear.getvalue()))) as img:
        assert (np.abs(np.asarray(img).astype(int) - before) <= 1).all()


def test_a_scan_upside_down_or_on_its_side_is_turned_the_right_way_up(tmp_path, aze):
    import pymupdf
    from PIL import Image

    _, page = _page(tmp_path, aze[3:5], 3, False)
    png = tmp_path / "scan.png"
    png.write_bytes(rasterise(page.pdf, dpi=200))
    titles = [t for t, _ in page.gold]
    with Image.open(png) as img:
        img.rotate(180).save(tmp_path / "upside-down.png")
        img.rotate(90, expand=True).save(tmp_path / "on-its-side.png")
    assert [a.title for a in sutun.extract(tmp_path / "upside-down.png", "aze")] == titles
    # A scanned PDF's page on its side: laid out in the page's own frame, turned.
    with pymupdf.open() as doc:
        side = tmp_path / "on-its-side.png"
        with Image.open(side) as img:
            width, height = img.size
        doc.new_page(width=width * 72 / 200, height=height * 72 / 200).insert_image(
            pymupdf.Rect(0, 0, width * 72 / 200, height * 72 / 200), filename=side
        )
        doc.save(tmp_path / "scanned.pdf")
    assert [a.title for a in sutun.extract(tmp_path / "scanned.pdf", "aze")] == titles


@pytest.mark.parametrize("dark", [False, True])
def test_a_photograph_on_a_scan_gives_no_words_and_stands_as_a_picture(tmp_path, aze, dark):
    import numpy as np
    from PIL import Image, ImageFilter

    from sutun.pages.sources import read_scan

    _, page = _page(tmp_path, aze[3:5], 3, False)
    with Image.open(io.BytesIO(rasterise(page.pdf, dpi=200))) as img:
        scan = Image.new("L", (img.width, img.height + 500), 255)
        scan.paste(img, (0, 0))
    grain = np.random.default_rng(0).integers(0, 256, (400, 600), dtype=np.uint8)
    photo = Image.fromarray(grain)
    if dark:  # smooth and dark all over: no paper for the page's paper to be levelled by
        smooth = np.asarray(photo.filter(ImageFilter.GaussianBlur(12)), dtype=np.float32)
        smooth = 20 + (smooth - smooth.min()) / (smooth.max() - smooth.min()) * 120
        photo = Image.fromarray(smooth.astype(np.uint8))
    scan.paste(photo, (500, img.height + 50))  # a photograph under the text
    png = tmp_path / "scan.png"
    scan.save(png)
    read = read_scan(png, "aze")
    assert any(y0 >= img.height for _, y0, _, _ in read.pictures)
    assert not [w.text for w in read.words if w.y0 > img.height + 40]
    assert [a.title for a in sutun.extract(png, "aze")] == [t for t, _ in page.gold]


@pytest.mark.parametrize("hidden", [True, False])
def test_another_engines_ocr_layer_under_a_scan_gets_its_letters_mended(tmp_path, hidden):
    import pymupdf

    # A searchable scan: the page's picture, and the OCR's text laid invisible over it.
    lines = [
        "Nazir bildirib ki, ölkədə yeni məktəblər tikilecək və",
        "müəllimlərin maaşı artırılacaq. Bu qərar gələn ilin",
        "büdcesində nəzərdə tutulub, həmçinin kənd yerlərində",
        "də xəstexanalar təmir olunacaq və yollar çəkiləcək.",
    ]
    path = tmp_path / "scan.pdf"
    with pymupdf.open() as doc:
        page = doc.new_page(width=400, height=300)
        grey = pymupdf.Pixmap(pymupdf.csGRAY, 80, 60, bytes([230]) * 4800, False)
        page.insert_image(page.rect, pixmap=grey)
        page.insert_font(fontname="dv", fontfile="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
        mode = 3 if hidden else 0
        page.insert_text((30, 40), "Yeni məktəblər", fontsize=16, fontname="dv", render_mode=mode)
        for k, line in enumerate(lines):
            page.insert_text((30, 70 + 14 * k), line, fontsize=10, fontname="dv", render_mode=mode)
        doc.save(path)
    text = sutun.extract(path, "aze")[0].paragraphs[0]
    mended = ("tikiləcək", "büdcəsində", "xəstəxanalar")
    # Drawn text is its author's, letters and all.
    assert all((w in text) == hidden for w in mended)


def test_a_multi_page_tiff_is_read_page_by_page(tmp_path, aze):
    from PIL import Image

    scans = []
    for k, articles in enumerate((aze[3:5], aze[6:8])):
        _, page = _page(tmp_path, articles, 3, False, seed=k)
        scans.append((Image.open(io.BytesIO(rasterise(page.pdf, dpi=200, seed=k))), page))
    tiff = tmp_path / "issue.tif"
    scans[0][0].save(tiff, save_all=True, append_images=[scans[1][0]])
    articles = sutun.extract(tiff, "aze")
    assert [(a.title, a.page) for a in articles] == [
        (title, n) for n, (_, page) in enumerate(scans, 1) for title, _ in page.gold
    ]


def test_glyphs_that_touch_across_a_change_of_font_are_one_word():
    import pymupdf

    regular = pymupdf.Font(fontfile="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    italic = pymupdf.Font(fontfile="/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf")
    doc = pymupdf.open()
    page = doc.new_page()
    writer = pymupdf.TextWriter(page.rect)
    writer.append((72, 100), "Ədəd ", font=regular, fontsize=12)
    writer.append(writer.last_point, "N", font=italic, fontsize=12)  # a formula's variable
    writer.append(writer.last_point, "-dən böyükdür, ", font=regular, fontsize=12)
    writer.append(writer.last_point, "sonra", font=italic, fontsize=12)  # a space apart
    writer.write_text(page)
    assert [w.text for w in pdf_words(page)] == ["Ədəd", "N-dən", "böyükdür,", "sonra"]


def _hung_list(path, title: str, intro: str, items: list[tuple[str, list[str]]]):
    """A PDF page: a headline, an introducing line, then items whose mark hangs in the margin
    and whose lines stand under each other; the articles read from it."""
    placed = [(72, 110, intro, 11)]
    y = 130
    for mark, lines in items:
        placed.append((90, y, mark, 11))
        for line in lines:
            placed.append((108, y, line, 11))
            y += 14
    return _set_page(path, placed, title).articles


def test_a_bulleted_list_keeps_its_bullets_one_item_a_paragraph(tmp_path):
    items = [
        ("•", ["İştirakçı on səkkiz yaşından böyük olmalı və", "vəsiqəsini təqdim etməlidir."]),
        ("•", ["Ərizə iyun ayının sonunadək göndərilir."]),
        ("•", ["Hər iştirakçı yalnız bir əsər təqdim edə bilər."]),
    ]
    intro = "Yazılmaq üçün bu şərtlər ödənməlidir."
    [article] = _hung_list(tmp_path / "list.pdf", "Şərtlər", intro, items)
    assert article.paragraphs == [intro, *(f"{m} " + " ".join(lines) for m, lines in items)]


def test_a_numbered_items_lines_hung_under_its_text_go_on_with_it(tmp_path):
    items = [
        ("1.", ["Hər oyunçu növbə ilə bir daş qoyur və rəqibin", "daşlarını mühasirəyə alır."]),
        ("2.", ["Daşı qalmayan oyunçu məğlub olur."]),
    ]
    intro = "Oyun iki nəfərlə oynanılır."
    [article] = _hung_list(tmp_path / "numbered.pdf", "Qaydalar", intro, items)
    assert article.paragraphs == [intro, *(f"{m} " + " ".join(lines) for m, lines in items)]


def _set_page(path, placed: list[tuple], title: str | None = "Kənddə yeni məktəb"):
    """A page with ``title`` (if any) in bold 16 pt and each (x, y, text, font size[, bold]) of
    ``placed`` set there; what read_pages makes of it."""
    import pymupdf

    regular = pymupdf.Font(fontfile="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    heavy = pymupdf.Font(fontfile="/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
    doc = pymupdf.open()
    page = doc.new_page()
    writer = pymupdf.TextWriter(page.rect)
    if title is not None:
        writer.append((72, 80), title, font=heavy, fontsize=16)
    for x, y, text, size, *bold in placed:
        writer.append((x, y), text, font=heavy if bold == [True] else regular, fontsize=size)
    writer.write_text(page)
    doc.save(path)
    return read_pages(path, "aze")


def test_a_text_layer_keeps_its_authors_letters(tmp_path):
    # OCR's letter confusions are not in a PDF's text layer; the author's typos stay as set
    # (the same text read by OCR would have them corrected).
    lines = [
        "Kənd sakinləri bu gün yeni mektəbin açıldığını bildirən",
        "rəsmilərə təşəkkür ediblər. Rəsmilər bildiriblər ki, gə-",
        "ləcəkdə kənddə xəstexana da tikiləcək. Sakinlər bu xəbəri",
        "sevincle qarşılayıblar və minnətdarlıqlarını bildiriblər.",
    ]
    placed = [(72, 110 + 14 * k, line, 11) for k, line in enumerate(lines)]
    [article] = _set_page(tmp_path / "typos.pdf", placed).articles
    text = " ".join(article.paragraphs)
    assert "mektəbin" in text and "xəstexana" in text and "sevincle" in text
    assert "gələcəkdə" in text
    read = sutun.repair(" ".join(lines).replace("gə- ", "gə"), "aze").text
    assert "məktəbin" in read and "xəstəxana" in read


def _spaced_paragraphs(path, paragraphs: list[list[str]], extra: float):
    """Paragraphs that open unindented, ``extra`` points further down than the line spacing."""
    placed, y = [], 110.0
    for lines in paragraphs:
        for line in lines:
            placed.append((72, y, line, 11))
            y += 14
        y += extra
    return _set_page(path, placed).articles


SPACED = [
    [
        "Kənddə yeni məktəb binası tikilib və dərslər",
        "sentyabrın əvvəlindən orada keçiriləcək. Bina",
        "iki mərtəbəlidir, otaqları çox geniş və işıqlıdır.",
    ],
    ["Valideynlər uşaqlarının uzaq yola getməyəcəyinə", "sevinirlər."],
]


def test_paragraphs_set_apart_by_space_not_indentation_are_told_apart(tmp_path):
    [article] = _spaced_paragraphs(tmp_path / "spaced.pdf", SPACED, extra=6)
    assert article.paragraphs == [" ".join(lines) for lines in SPACED]
    # The same lines at even spacing: nothing marks a paragraph, the lines read as one.
    [article] = _spaced_paragraphs(tmp_path / "even.pdf", SPACED, extra=0)
    assert article.paragraphs == [" ".join(line for lines in SPACED for line in lines)]


def test_ragged_lines_short_after_a_full_stop_do_not_cut_spaced_paragraphs(tmp_path):
    # Set ragged right, a line ends short wherever the next word is long, after a full stop
    # too; the space between paragraphs marks them.
    paragraphs = [
        [
            "Kənddə məktəb tikilib.",
            "Mütəxəssislərin fikrincə, bina iki",
            "mərtəbəli və çox işıqlıdır.",
        ],
        [
            "Valideynlər uşaqlarının uzaq yola",
            "getməyəcəyinə sevinirlər. Həyətdə",
            "idman meydançası da var.",
        ],
    ]
    [article] = _spaced_paragraphs(tmp_path / "ragged.pdf", paragraphs, extra=6)
    assert article.paragraphs == [" ".join(lines) for lines in paragraphs]


@pytest.mark.parametrize(
    "cap, word, first",
    [("K", "ənddə", "Kənddə"), ("O,", "deyəsən", "O, deyəsən"), ("2", "6", "26")],
    ids=["letter", "word", "digit"],
)
def test_a_drop_cap_goes_back_onto_its_word_and_its_lines_stay_one_paragraph(
    tmp_path, cap, word, first
):
    import pymupdf

    font = pymupdf.Font(fontfile="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    beside = [f"{word} yeni məktəb binası tikilib", "və dərslər sentyabrın əvvəlindən"]
    beside.append("orada keçiriləcək. Məktəbin")
    # The line under the letter starts at its left edge: its second word comes near the
    # letter's right edge, and is no line beside the letter for that.
    under = ["binası iki mərtəbəlidir, otaqları çox geniş", "və həyətində idman meydançası var."]
    right = 72 + font.text_length(cap, 44) + 3
    placed = [(72, 136, cap, 44)]
    placed += [(right, 110 + 14 * k, line, 11) for k, line in enumerate(beside)]
    placed += [(72, 152 + 14 * k, line, 11) for k, line in enumerate(under)]
    [article] = _set_page(tmp_path / "cap.pdf", placed).articles
    text = " ".join([*beside, *under])
    assert article.paragraphs == [first + text[len(word) :]]


def test_the_short_columns_an_article_ends_in_are_read_one_after_another(tmp_path):
    # Two lines, one, two: the second row's empty middle cell is a column, not a wide space.
    columns = [
        ["Kənddə yeni məktəb binası tikilib", "və dərslər sentyabrda başlayır."],
        ["Bina iki mərtəbəlidir, otaqları"],
        ["geniş və işıqlıdır. Valideynlər", "buna çox sevinirlər, deyəsən."],
    ]
    placed = [
        (72 + 180 * c, 110 + 14 * k, line, 10)
        for c, lines in enumerate(columns)
        for k, line in enumerate(lines)
    ]
    [article] = _set_page(tmp_path / "short.pdf", placed).articles
    assert article.paragraphs == [" ".join(line for lines in columns for line in lines)]


def test_a_headline_broken_after_a_hyphen_keeps_the_word_whole(tmp_path):
    placed = [(72, 100, "ü keçib", 16, True)]
    placed.append((72, 130, "Sərgiyə gələnlərin sayı gözləniləndən çox olub.", 11))
    [article] = _set_page(tmp_path / "title.pdf", placed, "Qonaqların sayı 1200-").articles
    assert article.title == "Qonaqların sayı 1200-ü keçib"


def test_a_briefs_bold_headline_a_little_larger_than_its_text_starts_an_article(tmp_path):
    placed = [
        (72, 110, "Kənddə yeni məktəb binası tikilib və dərslər", 11),
        (72, 124, "sentyabrın əvvəlindən orada keçiriləcək.", 11),
        (72, 152, "Çayın üstündə yeni körpü tikilir", 12, True),
        (72, 170, "Körpünün tikintisi gələn il başa çatacaq və", 11),
        (72, 184, "iki kəndi birləşdirəcək.", 11),
    ]
    result = _set_page(tmp_path / "briefs.pdf", placed)
    assert [a.title for a in result.articles] == [
        "Kənddə yeni məktəb",
        "Çayın üstündə yeni körpü tikilir",
    ]
    assert result.articles[1].paragraphs == [
        "Körpünün tikintisi gələn il başa çatacaq və iki kəndi birləşdirəcək."
    ]


def test_a_bold_headline_over_two_columns_heads_an_article_though_it_ends_on_a_stop(tmp_path):
    left = [
        "Kəndin məktəbi uzun illər köhnə",
        "binada yerləşirdi və sinif otaqları",
        "şagirdlərin hamısına yetmirdi. Bu",
        "il rayon rəhbərliyi yeni bina üçün",
        "vəsait ayırıb və tikinti yazda başla",
        "yıb. Valideynlər işlərin gedişini",
        "hər həftə gəlib yoxlayırdılar.",
    ]
    right = [
        "Yeni binada iki kompüter otağı,",
        "kitabxana və idman zalı olacaq.",
        "Müəllimlər deyirlər ki, belə bir",
        "məktəbdə dərs demək onlar üçün",
        "böyük sevincdir. Açılış mərasimi",
        "sentyabrın birinci günü keçiriləcək",
        "və bütün kənd ora dəvət olunub.",
    ]
    headline = "Kənddə yeni məktəb binası tezliklə açılacaq."
    placed = [(72, 110, "Qonşu kənddə bu həftə yeni körpü istifadəyə verildi.", 11)]
    placed.append((72, 150, headline, 12, True))
    placed += [(72, 172 + 14 * k, line, 11) for k, line in enumerate(left)]
    placed += [(310, 172 + 14 * k, line, 11) for k, line in enumerate(right)]
    result = _set_page(tmp_path / "across.pdf", placed, "Körpü açıldı")
    assert [a.title for a in result.articles] == ["Körpü açıldı", headline]
    # The columns under it read left, then right.
    assert result.articles[1].paragraphs[0].startswith("Kəndin məktəbi")
    assert result.articles[1].paragraphs[-1].endswith("dəvət olunub.")


def test_a_bold_lead_a_little_larger_than_its_text_stays_in_its_article(tmp_path):
    lead = ["Kənddə yeni məktəb binası tikilib və dərslər", "sentyabrdan orada keçiriləcək."]
    placed = [(72, 110 + 16 * k, line, 12, True) for k, line in enumerate(lead)]
    placed += [(72, 146, "Valideynlər buna çox sevinirlər.", 11)]
    [article] = _set_page(tmp_path / "lead.pdf", placed).articles
    assert article.paragraphs[0].startswith(" ".join(lead))


def _with_display_lines(
    tmp_path, display: list[str], bold: bool, title: str | None = "Kənddə yeni məktəb"
):
    """An article whose columns hold ``display`` in 16 pt between its two paragraphs; the second
    paragraph says "Məktəbin həyətində idman meydançası və kiçik bir park var." too."""
    first = [
        "Kənddə yeni məktəb binası tikilib və dərslər",
        "sentyabrın əvvəlindən orada keçiriləcək.",
    ]
    second = [
        "Valideynlər buna çox sevinirlər. Məktəbin",
        "həyətində idman meydançası və kiçik bir park",
        "var. Uşaqlar artıq uzaq yola getməyəcəklər.",
    ]
    placed = [(72, 110 + 14 * k, line, 11) for k, line in enumerate(first)]
    y = 148
    placed += [(72, y + 20 * k, line, 16, bold) for k, line in enumerate(display)]
    y += 20 * len(display)
    placed += [(72, y + 14 * k, line, 11) for k, line in enumerate(second)]
    return _set_page(tmp_path / "display.pdf", placed, title), first, second


def test_a_pull_quote_is_furniture_and_leaves_its_article_whole(tmp_path):
    quote = ["“Məktəbin həyətində idman", "meydançası və kiçik bir park var”"]
    result, first, second = _with_display_lines(tmp_path, quote, bold=False)
    [article] = result.articles
    assert article.title == "Kənddə yeni məktəb"
    assert " ".join(article.paragraphs) == " ".join([*first, *second])
    assert [f["text"] for f in result.furniture if f["kind"] == "pull-quote"] == [" ".join(quote)]
    # A short one (two words) quotes the text as surely, in quote marks.
    result, first, second = _with_display_lines(tmp_path, ["“idman meydançası”"], bold=False)
    assert [f["kind"] for f in result.furniture] == ["pull-quote"]
    assert " ".join(result.articles[0].paragraphs) == " ".join([*first, *second])
    # On a page with nothing in bold (an article's second page), a text layer still tells.
    result, first, second = _with_display_lines(tmp_path, quote, bold=False, title=None)
    [article] = result.articles
    assert " ".join(article.paragraphs) == " ".join([*first, *second])
    assert [f["kind"] for f in result.furniture] == ["pull-quote"]


def test_a_bold_headline_its_lead_repeats_still_heads_an_article(tmp_path):
    headline = ["Məktəbin həyətində idman", "meydançası və kiçik bir park var"]
    result, _, _ = _with_display_lines(tmp_path, headline, bold=True)
    assert [a.title for a in result.articles] == ["Kənddə yeni məktəb", " ".join(headline)]
    assert not [f for f in result.furniture if f["kind"] == "pull-quote"]


def test_the_installed_ocr_models_character_set_is_read():
    aze = model_charset("aze")
    assert aze is not None and {"ə", "ğ", "ı", "İ", "Ş", "0"} <= aze
    # Debian's Azerbaijani model: what it prints for these is a misreading.
    assert not {"j", "J", "w", "%"} & aze
    both = model_charset("aze+eng")
    assert both is not None and aze < both and "j" in both
    assert model_charset("no-such-language") is None


@pytest.mark.parametrize("font", ["DejaVuSans.ttf", "DejaVuSerif.ttf"])
def test_an_en_dash_the_ocr_model_cannot_print_is_told_from_a_hyphen_by_its_width(font):
    import pymupdf

    from sutun.pages.sources import read_scan

    doc = pymupdf.open()
    page = doc.new_page()
    lines = [
        "Nazir bu gün – cümə günü – yeni planı açıqladı.",
        "Sonra qonaqlar - həm yerli, həm də xarici - gəldilər.",
        "İclas 10 – 12 saat arasında keçiriləcək.",
    ]
    for k, line in enumerate(lines):
        fontfile = f"/usr/share/fonts/truetype/dejavu/{font}"
        page.insert_text((60, 100 + 30 * k), line, fontsize=12, fontfile=fontfile, fontname="F0")
    words = read_scan(rasterise(doc.tobytes(), dpi=200)).words
    assert [w.text for w in words if w.text in "-–"] == ["–", "–", "-", "-", "–"]


@pytest.mark.parametrize(
    "content", [b"", b"%PDF-1.4\n1 0 obj\n<<", b"not a pdf at all", b"\x89PNG\r\n\x1a\nbroken"]
)
@pytest.mark.parametrize("suffix", [".pdf", ".png", ".tif"])
def test_broken_files_are_a_clear_error(tmp_path, content, suffix):
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(content)
    with pytest.raises(ExtractError):
        read_pages(path)


def test_a_file_is_read_by_what_it_holds_where_its_name_says_neither(tmp_path, aze):
    path, _ = _page(tmp_path, aze[3:5], 3, True)
    as_pdf = tmp_path / "download"
    as_pdf.write_bytes(path.read_bytes())
    assert read_pages(as_pdf, "aze").articles == read_pages(path, "aze").articles
    # An image named as neither is read as one.
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (900, 200), 255)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 40)
    ImageDraw.Draw(image).text((40, 60), "Bu gün hava yaxşıdır.", font=font, fill=0)
    scan = tmp_path / "scan.dat"
    image.save(scan, format="PNG")
    read = read_pages(scan, "aze").articles
    assert "hava" in " ".join(a.title + " " + " ".join(a.paragraphs) for a in read)
    # Text is neither, and says where it goes.
    text = tmp_path / "article.md"
    text.write_text("Başlıq\n\nBu gün hava yaxşıdır.", encoding="utf-8")
    with pytest.raises(ExtractError, match="neither a PDF nor an image"):
        read_pages(text)


def test_cli_json_shape_and_jsonl_archive(tmp_path, aze):
    path, _ = _page(tmp_path, aze[3:5], 3, True)
    proc = subprocess.run(
        [sys.executable, "-m", "sutun.cli", "extract", str(path), "--format", "json"],
        capture_output=True,
        check=True,
    )
    data = json.loads(proc.stdout)
    assert set(data) >= {"articles", "furniture"}
    assert set(data["articles"][0]) == {"title", "paragraphs", "page"}
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"nope")
    out = tmp_path / "articles.jsonl"
    subprocess.run(
        [sys.executable, "-m", "sutun.cli", "extract", str(path), str(bad), "-o", str(out)],
        check=True,
        capture_output=True,
    )
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 3 and records[-1]["error"] and records[0]["article"] == 0


def test_a_huge_pdf_without_text_takes_bounded_time(tmp_path, monkeypatch):
    import time

    import pymupdf

    from sutun.pages import api

    doc = pymupdf.open()
    for _ in range(2000):
        doc.new_page()
    path = tmp_path / "blank.pdf"
    doc.save(path)
    monkeypatch.setattr(api, "MAX_OCR_PAGES", 2)  # OCR of blank pages is what takes time
    start = time.perf_counter()
    result = read_pages(path)
    assert time.perf_counter() - start < 60
    assert result.articles == [] and any("500" in n for n in result.notes)
    assert sum("skipped" in n for n in result.notes) == 498


def test_an_encrypted_pdf_is_a_clear_error(tmp_path):
    import pymupdf

    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "gizli")
    path = tmp_path / "locked.pdf"
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="x", owner_pw="y")
    with pytest.raises(ExtractError, match="encrypted"):
        read_pages(path)


def test_extract_archive_killed_then_rerun_is_byte_identical(tmp_path, aze):
    import os
    import signal
    import time

    folder = tmp_path / "issues"
    folder.mkdir()
    for k in range(8):
        page = render(aze[2 * k : 2 * k + 2], 2 + k % 3, k, k % 2 == 1)
        (folder / f"page-{k}.pdf").write_bytes(page.pdf)
    (folder / "page-9.pdf").write_bytes(b"%PDF-1.4 cut")
    args = [sys.executable, "-m", "sutun.cli", "extract", str(folder), "-j", "1", "--no-progress"]
    clean = tmp_path / "clean.jsonl"
    subprocess.run([*args, "-o", str(clean)], check=True, capture_output=True)

    out = tmp_path / "killed.jsonl"
    journal = tmp_path / "killed.jsonl.journal"
    proc = subprocess.Popen([*args, "-o", str(out)], stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and not (
        journal.exists() and journal.read_text().count("\n") >= 2
    ):
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = journal.read_text().count("\n")
    assert 0 < done_before < 9, "the kill should land mid-run"
    with out.open("ab") as f:  # a file cut short by the kill
        f.write(b'{"source": "half a rec')
    subprocess.run([*args, "-o", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == clean.read_bytes()
    assert not journal.exists()
    records = [json.loads(line) for line in clean.read_text().splitlines()]
    assert {r["source"] for r in records} == {str(p) for p in sorted(folder.iterdir())}
    assert records[-1]["error"] and all("text" in r for r in records[:-1])
    again = subprocess.run([*args, "-o", str(out)], capture_output=True, text=True)
    assert again.returncode == 2 and "exists" in again.stderr


def test_an_unexpected_failure_on_one_file_is_its_record_not_the_end_of_the_archive(
    tmp_path, aze, monkeypatch
):
    from sutun.pages import archive

    good, _ = _page(tmp_path, aze[3:5], 3, False)
    odd = tmp_path / "odd.pdf"
    odd.write_bytes(good.read_bytes())
    real = archive.read_pages

    def flaky(path, language=None, pages=None):
        if path == odd:
            raise ValueError("a layout nobody planned for")
        return real(path, language, pages)

    monkeypatch.setattr(archive, "read_pages", flaky)
    out = tmp_path / "articles.jsonl"
    summary = archive.run([odd, good], out, progress=False)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert records[0] == {"source": str(odd), "error": "ValueError: a layout nobody planned for"}
    assert len(records) == 3 and summary["errors"] == 1 and summary["articles"] == 2


def test_columns_set_on_staggered_baselines_keep_their_lines_apart(tmp_path):
    # Each column starts a third of a line lower than the one before (quotes above them): read
    # row by row, every line lies nearly level with the next column's, and the rows must not
    # chain down the page into one.
    prose = (
        "Kəndin məktəbi uzun illər köhnə binada yerləşirdi və sinif otaqları şagirdlərin "
        "hamısına yetmirdi. Bu il rayon rəhbərliyi yeni bina üçün vəsait ayırıb və tikinti "
        "yazda başlayıb. Valideynlər işlərin gedişini hər həftə gəlib yoxlayırdılar. Yeni "
        "binada iki kompüter otağı, kitabxana və idman zalı olacaq. Müəllimlər deyirlər ki, "
        "belə bir məktəbdə dərs demək onlar üçün böyük sevincdir. Açılış mərasimi sentyabrın "
        "birinci günü keçiriləcək və bütün kənd ora dəvət olunub. Qonaqlar da gələcək."
    )
    words = prose.split()
    lines, line = [], []
    for w in words:
        if len(" ".join([*line, w])) > 22:
            lines.append(" ".join(line))
            line = []
        line.append(w)
    lines.append(" ".join(line))
    per = -(-len(lines) // 3)
    placed = [
        (72 + 160 * (k // per), 110 + 5 * (k // per) + 14 * (k % per), text, 11)
        for k, text in enumerate(lines)
    ]
    [article] = _set_page(tmp_path / "staggered.pdf", placed).articles
    assert " ".join(article.paragraphs) == " ".join(words)


def test_a_paragraphs_last_line_as_short_as_its_indent_stays_in_its_column(tmp_path):
    left = [
        (84, "Sakinlər üçün vəziyyət getdikcə çətin"),
        (72, "idi."),
        (84, "Kənddə yeni məktəb binası tikilib və"),
        (72, "dərslər sentyabrdan orada keçiriləcək."),
    ] + [
        (72, line)
        for line in (
            "Valideynlər buna çox sevinirlər və",
            "müəllimlər də razıdırlar. Məktəbin",
            "həyətində idman meydançası da var.",
            "Uşaqlar orada futbol oynayacaqlar.",
        )
    ]
    right = [
        (362, "Yeni binada iki kompüter otağı,"),
        (350, "kitabxana və idman zalı olacaq."),
        (362, "Açılış mərasimi sentyabrın birinci"),
        (350, "günü keçiriləcək və bütün kənd ora"),
        (350, "dəvət olunub. Qonaqlar da gələcək."),
        (350, "Hamı bayramı birlikdə qeyd edəcək."),
        (350, "Kəndin ağsaqqalları da çıxış edəcək"),
        (350, "və məktəbə uğurlar arzulayacaqlar."),
    ]
    placed = [(x, 110 + 14 * k, line, 11) for k, (x, line) in enumerate(left)]
    placed += [(x, 110 + 14 * k, line, 11) for k, (x, line) in enumerate(right)]
    [article] = _set_page(tmp_path / "short.pdf", placed).articles
    assert article.paragraphs[0] == "Sakinlər üçün vəziyyət getdikcə çətin idi."
    assert article.paragraphs[2].startswith("Yeni binada")


def test_a_headline_line_with_a_number_and_its_suffix_stays_in_the_headline(tmp_path):
    placed = [
        (72, 60 + 20 * k, line, 16, True)
        for k, line in enumerate(["Qurbanların", "Sayı 800-ü", "keçib"])
    ]
    placed.append((72, 140, "Xilasedicilər bu gün də axtarışları davam etdirirlər.", 11))
    [article] = _set_page(tmp_path / "number.pdf", placed, title=None).articles
    assert article.title == "Qurbanların Sayı 800-ü keçib"


def test_a_running_head_among_an_articles_lines_goes_to_furniture_not_away(tmp_path):
    lines = [
        "Kənddə yeni məktəb binası tikilib və dər-",
        "XALQ QƏZETİ • № 48",
        "slər sentyabrdan orada keçiriləcək.",
    ]
    placed = [(72, 110 + 14 * k, line, 11) for k, line in enumerate(lines)]
    result = _set_page(tmp_path / "head.pdf", placed)
    [article] = result.articles
    # The word it cut is read whole once it is gone.
    assert article.paragraphs == [
        "Kənddə yeni məktəb binası tikilib və dərslər sentyabrdan orada keçiriləcək."
    ]
    assert {"kind": "running-head", "text": lines[1], "page": 1} in result.furniture


def test_a_gutter_found_far_up_the_page_does_not_split_an_articles_last_lines(tmp_path, aze):
    # A page whose articles keep different grids: at its foot, an article ends in two rows of
    # narrow justified columns, and one line's wide space lies where the article far above has
    # a gutter; only a gutter found near a row speaks for it.
    from sutun.bench.pages_bench import pages

    page = pages(aze, 3, seed=6)[2]
    path = tmp_path / "grids.pdf"
    path.write_bytes(page.pdf)
    result = read_pages(path, "aze")
    got = {fold("\n\n".join([a.title, *a.paragraphs])) for a in result.articles}
    for title, paragraphs in page.gold:
        assert fold("\n\n".join([title, *paragraphs])) in got, title


def test_a_headline_is_repaired_with_its_body_and_reads_the_bodys_spellings():
    from sutun.pages.api import OCR_READ, _repaired_article

    # Text sütun's own OCR read: a glyph printed into a name the body spells twice.
    config = OCR_READ._replace(ocr_charset=frozenset(map(chr, range(32, 0x2000))) - {"j", "J"})
    title = "Bernard Vanhn: kilsənin qəhrəmanı"
    body = "Bernard Vann 1918-ci ildə medal aldı.\n\nVann sonra evə qayıtdı."
    head, text, repairs = _repaired_article(title, body, "aze", config)
    assert head == "Bernard Vann: kilsənin qəhrəmanı" and text == body and len(repairs) == 1
    # On its own a headline has no spelling to read; a body without a headline is the same.
    assert _repaired_article(title, "", "aze", config)[:2] == (title, "")
    assert _repaired_article("", body, "aze", config)[:2] == ("", body)


def test_what_tesseract_reads_off_a_column_rule_is_no_word():
    import numpy as np
    from PIL import Image

    from sutun.pages import sources

    page = np.full((800, 1000), 235, dtype=np.uint8)
    page[100:700, 500:503] = 20  # a rule down the page, between two columns
    page[300:340, 200:206] = 20  # a letter's stroke: no rule
    page[50:650, 100:160] = 60  # a photograph's dark stretch: wider than a line
    image = io.BytesIO()
    Image.fromarray(page).save(image, format="PNG")
    assert sources._rules_in(sources._inks(image.getvalue())[0]) == [(500, 100, 503, 700)]
    found = [(500, 100, 503, 700)]
    key = ("1", "1", "1")
    assert sources._on_a_rule((494, 300, 8, 40, "İ", key), found)  # a few pixels off the line
    assert not sources._on_a_rule((520, 300, 120, 40, "sözlər", key), found)
    assert not sources._on_a_rule((494, 300, 8, 40, "sözlər", key), found)
    assert not sources._on_a_rule((494, 720, 8, 40, "İ", key), found)  # below its end


def test_a_small_letter_tesseract_read_as_a_capital_is_told_by_its_height():
    import numpy as np

    from sutun.pages import sources

    def line(stem_top: int, dot_top: int, before: str = "çox", word: str = "İnsan") -> list[str]:
        """Three words of a 30-pixel font on a baseline at row 100 (x-height from row 84, cap
        height from 78): the middle one opens on a stem and a dot, its letters after it."""
        dark = np.zeros((120, 300), dtype=bool)
        for x0, x1 in ((20, 70), (100, 177), (190, 257)):
            for x in range(x0, x1, 11):
                dark[84:100, x : x + 8] = True  # letters of x-height
        dark[stem_top:100, 92:96] = True
        dark[dot_top : dot_top + 3, 92:96] = True
        key = ("1", "1", "1")
        boxes = [
            (20.0, 84.0, 50.0, 16.0, before, key),
            (90.0, float(dot_top), 87.0, float(100 - dot_top), word, key),
            (190.0, 84.0, 67.0, 16.0, "sənə", key),
        ]
        return [b[4] for b in sources._small_letters(boxes, dark)]

    assert line(stem_top=84, dot_top=77)[1] == "insan"  # its stem stops at the x-height
    assert line(stem_top=78, dot_top=71)[1] == "İnsan"  # a capital's stands a cap height tall
    assert line(stem_top=84, dot_top=77, before="çox.")[1] == "İnsan"  # a sentence's first word
    # Letters without dots alike (Səs: the dot's rows are the letter's own); not a glyph
    # printed in both cases, which the letters step mends.
    assert line(stem_top=84, dot_top=84, word="Səslər")[1] == "səslər"
    assert line(stem_top=78, dot_top=78, word="Səslər")[1] == "Səslər"
    assert line(stem_top=84, dot_top=84, word="Sseçici")[1] == "Sseçici"
    # A run of such capitals is small letters alike (VƏ, CÜZİ); not an acronym's other letters.
    assert line(stem_top=84, dot_top=84, word="VƏZİyyətdə")[1] == "vəziyyətdə"
    assert line(stem_top=78, dot_top=78, word="VƏ")[1] == "VƏ"
    assert line(stem_top=84, dot_top=84, word="CNN")[1] == "CNN"
    # A y alike, and the small letters after it (çəkdi-|yi, read as Yİ,).
    assert line(stem_top=84, dot_top=84, word="Yİ,")[1] == "yi,"
    assert line(stem_top=78, dot_top=78, word="Yeni")[1] == "Yeni"


def test_a_hyphen_is_no_measure_of_the_x_height():
    import numpy as np

    from sutun.pages import sources

    # A line's last word broken by a hyphen (is-|tiqamətində), its first letter read as a
    # capital: a 30-pixel font on a baseline at row 100, the x-height from row 84.
    dark = np.zeros((120, 200), dtype=bool)
    for x in range(20, 70, 11):
        dark[84:100, x : x + 8] = True  # the word before, of x-height
    dark[84:100, 92:96] = True  # the i's stem, to the x-height
    dark[77:80, 92:96] = True  # and its dot
    dark[84:100, 101:109] = True  # s
    dark[90:93, 112:140] = True  # a wide hyphen, half the x-height up
    key = ("1", "1", "1")
    boxes = [(20.0, 84.0, 50.0, 16.0, "çox", key), (90.0, 77.0, 50.0, 23.0, "İs-", key)]
    assert [b[4] for b in sources._small_letters(boxes, dark)] == ["çox", "is-"]


def test_an_ocr_box_that_starts_on_paper_starts_where_its_ink_does():
    import numpy as np

    from sutun.pages import sources

    dark = np.zeros((100, 300), dtype=bool)
    dark[40:60, 130:200] = True  # a word's letters
    key = ("1", "1", "1")
    # Tesseract's box reaches 30 pixels left of them, into the gutter.
    assert sources._to_ink((100.0, 35.0, 100.0, 30.0, "zərbə", key), dark) == (
        130.0,
        35.0,
        70.0,
        30.0,
        "zərbə",
        key,
    )
    # A box its ink fills stays.
    assert sources._to_ink((130.0, 35.0, 70.0, 30.0, "zərbə", key), dark)[0] == 130.0


def test_an_ocr_box_that_reaches_into_the_next_line_ends_where_its_letters_do():
    import numpy as np

    from sutun.pages import sources

    dark = np.zeros((100, 300), dtype=bool)
    dark[40:58, 130:200] = True  # a word's letters
    dark[76:94, 130:200] = True  # the next line's
    key = ("1", "1", "1")
    # Its box, 32 pixels tall for letters 18 tall, reaches down into the space between the
    # lines (where the next line's words lie in a column beside it): it ends at the letters.
    # A pixel or two of paper round them is no reach (the ink's edge is a matter of the
    # threshold): that box stays as Tesseract measured it.
    boxes = [(130.0, 40.0, 70.0, 32.0, "itirdiklərini", key), (130.0, 75.0, 70.0, 20.0, "və", key)]
    assert sources._to_letters(boxes, dark) == [
        (130.0, 40.0, 70.0, 18.0, "itirdiklərini", key),
        (130.0, 75.0, 70.0, 20.0, "və", key),
    ]
    # A mark without letters keeps its box: its type is its line's (a speck read as ":").
    speck = (130.0, 40.0, 70.0, 32.0, ":", key)
    assert sources._to_letters([speck], dark) == [speck]


def test_words_tesseract_left_out_are_read_again_and_only_they():
    import pymupdf

    from sutun.pages import sources

    doc = pymupdf.open()
    page = doc.new_page()
    fontfile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    lines = ["Polis zabitləri atışmanı gördülər.", "Qurban ona atəş açan şəxsi tanımırdı."]
    for k, line in enumerate(lines):
        page.insert_text((60, 100 + 30 * k), line, fontsize=12, fontfile=fontfile, fontname="F0")
    png = rasterise(doc.tobytes(), dpi=200)
    boxes, *_, pictures = sources._tesseract_boxes(png, "aze")
    assert [b[4] for b in boxes] == " ".join(lines).split()
    # Tesseract's reading left two words out (as it does beside rivers of spaces).
    kept = [b for b in boxes if b[4] not in ("zabitləri", "açan")]
    found = sources._missed(sources._inks(png)[0], kept, pictures, "aze")
    assert [b[4] for b in found] == ["zabitləri", "açan"]
    assert all(b[5][0] == "missed" for b in found)
    # A box that left its word's last letters out: they are no word of their own.
    x, y, w, h, text, key = boxes[3]
    cut = [*boxes[:3], (x, y, w - 1.3 * h, h, text, key), *boxes[4:]]  # gördül|ər.
    assert sources._missed(sources._inks(png)[0], cut, pictures, "aze") == []


def test_an_ocr_box_set_too_far_left_moves_onto_its_letters():
    import numpy as np

    from sutun.pages import sources

    dark = np.zeros((100, 300), dtype=bool)
    dark[45:60, 130:142] = True  # y
    dark[45:60, 144:156] = True  # ə, a letter's gap on
    dark[45:60, 170:230] = True  # the next word, a space on
    key = ("1", "1", "1")
    # Tesseract's box (taller than the letters, paper left of them) ends between them: the
    # ə's ink goes on a letter's gap past it, so the whole box stood too far left.
    moved = sources._to_ink((110.0, 35.0, 33.0, 35.0, "yə", key), dark, next_x=170.0)
    assert moved == (130.0, 45.0, 33.0, 15.0, "yə", key)
    # It stops where the next word's box starts (Oklahoma,Tulsa printed without a space: the
    # ink past the edge is the next word's).
    assert sources._to_ink((110.0, 35.0, 33.0, 35.0, "yə", key), dark, next_x=150.0)[:3] == (
        130.0,
        45.0,
        20.0,
    )
    # Not where the next box cuts into its letters (misplaced too: ka qaçdı.), leaving it
    # narrower than they are tall.
    box = (110.0, 35.0, 33.0, 35.0, "yə", key)
    assert sources._to_ink(box, dark, next_x=140.0) == box
    # A space's width of paper before the next word moves nothing.
    assert sources._to_ink((110.0, 35.0, 47.0, 35.0, "yə", key), dark)[0] == 110.0


def test_an_ocr_box_with_no_ink_in_it_moves_onto_the_letters_after_it():
    import numpy as np

    from sutun.pages import sources

    dark = np.zeros((140, 400), dtype=bool)
    dark[40:84, 20:60] = True  # Subtask's last letters
    dark[41:82, 90:115] = True  # 1, narrower than it is tall
    dark[37:98, 144:160] = True  # (bal:
    key = ("1", "1", "1")
    # Tesseract boxed the 1 a whole glyph's width left of it, on paper only, and taller.
    box = (65.0, 14.0, 24.0, 89.0, "1", key)
    assert sources._to_ink(box, dark, next_x=144.0) == (90.0, 41.0, 24.0, 41.0, "1", key)
    # Not onto ink a letter's gap or more past its edge (the next word's), nor into the next box.
    assert sources._to_ink((40.0, 14.0, 24.0, 89.0, "1", key), dark, next_x=144.0)[0] == 40.0
    assert sources._to_ink(box, dark, next_x=89.0) == box
    # A narrow glyph's size is its height's: a 1 is as wide as an i.
    assert sources.word_size(25, 41, "1") == pytest.approx(41 / 0.75)


def test_a_lone_dash_is_as_wide_as_its_ink_at_half_its_darkness():
    import numpy as np
    from PIL import Image, ImageFilter

    from sutun.pages import sources

    sharp = np.full((40, 80), 240, dtype=np.uint8)
    sharp[20:22, 30:40] = 0  # an en dash, 10 pixels long
    key = ("1", "1", "1")
    # In focus, its dark pixels are the dash: the box stays as wide.
    assert sources._dash_measured((30.0, 20.0, 10.0, 2.0, "-", key), sharp)[:4] == (
        30.0,
        20.0,
        10.0,
        2.0,
    )
    # Out of focus, the dash is darker than RULE_DARK over a few pixels at its middle only, and
    # Tesseract's box was cut to them; at half its darkness, it is as long as it was printed.
    blurred = np.array(Image.fromarray(sharp).filter(ImageFilter.GaussianBlur(1.4)))
    core = (blurred < sources.RULE_DARK).any(axis=0).nonzero()[0]
    assert 0 < len(core) <= 6
    box = (float(core[0]), 19.0, float(len(core)), 4.0, "-", key)
    assert sources._dash_measured(box, blurred)[2] == pytest.approx(10, abs=1)
    # Paper only: nothing to measure.
    blank = np.full((40, 80), 240, dtype=np.uint8)
    assert sources._dash_measured(box, blank) == box


def test_a_run_of_ocr_boxes_set_too_far_left_moves_onto_its_letters_together():
    import numpy as np

    from sutun.pages import sources

    dark = np.zeros((100, 400), dtype=bool)
    dark[40:70, 130:142] = True  # k, an ascender tall
    dark[50:70, 144:156] = True  # i, a letter's gap on
    dark[50:70, 177:272] = True  # the next word, a space on
    key = ("1", "1", "1")
    # Both boxes stand 20 pixels left of their letters. The first, cut off where Tesseract put
    # the second, would be narrower than its letters are tall: it moves once the second has.
    boxes = [(110.0, 35.0, 33.0, 40.0, "ki", key), (157.0, 35.0, 95.0, 40.0, "sıfıra", key)]
    assert sources._to_ink(boxes[0], dark, next_x=157.0) == boxes[0]
    moved = sources._to_inks(boxes, dark)
    assert [b[:4] for b in moved] == [(130.0, 40.0, 33.0, 30.0), (177.0, 50.0, 95.0, 20.0)]
    # The next line's box is no limit to a line's last word.
    below = (157.0, 35.0, 95.0, 40.0, "sıfıra", ("1", "1", "2"))
    assert sources._to_inks([boxes[0], below], dark)[0][:3] == (130.0, 40.0, 33.0)


def test_a_tilted_page_of_narrow_columns_is_measured_on_its_short_lines():
    # Lines of three words, 1.5° askew: too few of four for the measure.
    slope = math.tan(math.radians(1.5))
    boxes = [
        (x, 100.0 + 40 * line + x * slope, 50.0, 20.0, "söz", ("1", "1", str(line)))
        for line in range(8)
        for x in (100.0, 170.0, 240.0)
    ]
    assert math.degrees(skew(boxes)) == pytest.approx(1.5, abs=0.05)


def test_what_a_reading_of_the_page_turned_level_lost_is_taken_from_the_first():
    from sutun.pages.sources import _unread

    read = [(100.0, 100.0, 80.0, 20.0, "qaldı", ("1", "1", "1"))]
    first = [
        (102.0, 101.0, 78.0, 20.0, "qaIdı", ("1", "1", "1")),  # read again: the second stands
        (100.0, 400.0, 90.0, 20.0, "zabitləri", ("2", "1", "1")),  # lost on the second reading
    ]
    assert _unread(first, read) == [
        (100.0, 400.0, 90.0, 20.0, "zabitləri", ("first reading", "2", "1", "1"))
    ]


def _set_in_dejavu(printed: str, lefts: tuple[int, ...] = (), size: int = 30, blur: float = 0.0):
    """``printed`` set in ``size``-pixel DejaVu Sans (each character at ``lefts``, when given,
    to run glyphs together), out of focus by ``blur`` pixels: the box round its ink, without the
    text, the image's ink and its faint ink."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    from sutun.pages import sources

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", size)
    image = Image.new("L", (400, 80), 255)
    draw = ImageDraw.Draw(image)
    for ch, left in zip(printed, lefts, strict=True) if lefts else [(printed, 20)]:
        draw.text((left, 20), ch, font=font, fill=0)
    grey = np.array(image.filter(ImageFilter.GaussianBlur(blur)) if blur else image)
    dark = grey < sources.RULE_DARK
    rows, cols = dark.any(axis=1).nonzero()[0], dark.any(axis=0).nonzero()[0]
    box = (float(cols[0]), float(rows[0]))
    return (
        (*box, float(cols[-1] + 1 - cols[0]), float(rows[-1] + 1 - rows[0])),
        dark,
        grey < sources.FAINT_DARK,
    )


def _read_as(measure, printed: str, tesseract: str, lefts: tuple[int, ...] = ()) -> str:
    """What ``measure`` makes of ``printed`` set in DejaVu Sans, read as ``tesseract``."""
    box, dark, _ = _set_in_dejavu(printed, lefts)
    return measure((*box, tesseract, ("1", "1", "1")), dark)[4]


UNPRINTABLE_READ = [
    # Debian's Azerbaijani model has no j: a J opening a name is read as l, ) or y; a small j as
    # i or l, or as i and l for its one glyph. A glyph below the line tells it.
    ("_descenders_read", "Jay", "lay", "Jay"),
    ("_descenders_read", "John", ")ohn", "John"),
    ("_descenders_read", "Justin", "yustin", "Justin"),
    ("_descenders_read", "mesajlarınız", "mesailarınız", "mesajlarınız"),
    ("_descenders_read", "Qujou", "Qulou", "Qujou"),
    ("_descenders_read", "Qujou", "Quilou", "Qujou"),
    ("_descenders_read", "janrın", "ianrın", "janrın"),
    ("_descenders_read", "jurnalı", "yurnalı", "jurnalı"),  # its dot stands apart: no capital
    # Glyphs that stand on the line stay, and so do those that reach below it of themselves.
    ("_descenders_read", "lay", "lay", "lay"),
    ("_descenders_read", "bilir", "bilir", "bilir"),
    ("_descenders_read", "yaşıl", "yaşıl", "yaşıl"),
    ("_descenders_read", "partiyası)", "partiyası)", "partiyası)"),
    ("_descenders_read", "(bilir)", "(bilir)", "(bilir)"),
    # No %: one glyph read as two characters; a number printed so has a glyph for each.
    ("_percent_read", "14%", "1496", "14%"),
    ("_percent_read", "3%", "3v6", "3%"),
    ("_percent_read", "70-90%-i", "70-9076-i", "70-90%-i"),
    ("_percent_read", "1%", "196", "1%"),
    ("_percent_read", "1496", "1496", "1496"),
    ("_percent_read", "1996-cı", "1996-cı", "1996-cı"),
    # No w: one glyph read as v, vv or uvv. A v stays a v, a capital V too (wider than small
    # letters, as a capital is); a closing quote is two glyphs, not letters.
    ("_w_read", "Howard", "Hovard", "Howard"),
    ("_w_read", "Lithgow", "Lithgovv", "Lithgow"),
    ("_w_read", "Network-də", "Netvvork-də", "Network-də"),
    ("_w_read", "Show”", "Shovv”", "Show”"),
    ("_w_read", "vardır", "vardır", "vardır"),
    ("_w_read", "Vann", "Vann", "Vann"),
    ("_w_read", "qüvvə", "qüvvə", "qüvvə"),
    # No en dash: one opening a word (” –deyə) is read as a hyphen, half as wide.
    ("_dash_read", "–deyə,", "-deyə,", "–deyə,"),
    ("_dash_read", "-deyə,", "-deyə,", "-deyə,"),
    ("_dash_read", "–2", "-2", "-2"),  # a minus, as Tesseract read it
]


@pytest.mark.parametrize(("measure", "printed", "tesseract", "expected"), UNPRINTABLE_READ)
def test_a_letter_the_ocr_model_cannot_print_is_told_by_its_glyph(
    measure: str, printed: str, tesseract: str, expected: str
):
    from sutun.pages import sources

    assert _read_as(getattr(sources, measure), printed, tesseract) == expected


@pytest.mark.parametrize(
    ("measure", "printed", "lefts", "glyphs"),
    [
        # Two digits run together (ink spread on a poor scan) stand wider than a % sign.
        ("_percent_read", "1996", (20, 39, 58, 73), 3),
        # Two v's run together (a browser sets them tight) stand twice as wide as a letter.
        ("_w_read", "əvvəl", (20, 39, 55, 72, 91), 4),
    ],
)
def test_two_glyphs_run_together_are_no_letter_the_ocr_model_cannot_print(
    measure: str, printed: str, lefts: tuple[int, ...], glyphs: int
):
    from sutun.pages import sources

    box, dark, _ = _set_in_dejavu(printed, lefts)
    assert len(sources._glyph_columns(dark[int(box[1]) : int(box[1] + box[3])])) == glyphs
    assert _read_as(getattr(sources, measure), printed, printed, lefts) == printed


@pytest.mark.parametrize(
    ("printed", "tesseract", "expected"),
    [
        ("olacaqdı.", "olacaqdı,", "olacaqdı."),  # a full stop stands on the line
        ("yaradırlar;", "yaradırlar,", "yaradırlar;"),  # a semicolon's dot stands over it
        ("ki,", "ki,", "ki,"),  # a comma's tail reaches below it
        ("bildirib,", "bildirib,", "bildirib,"),
        ("Oklahoma", "Oklahoma,", "Oklahoma,"),  # the box left its comma out: no mark to read
        ("yi,", "yi,", "yi,"),  # its y's tail is no baseline
    ],
)
def test_a_stop_tesseract_read_as_a_comma_is_told_by_its_mark(
    printed: str, tesseract: str, expected: str
):
    from sutun.pages import sources

    assert _read_as(sources._stop_read, printed, tesseract) == expected


def _set_under(above: str, printed: str, gap: int):
    """``printed`` in 30-pixel DejaVu Sans under a line ``above`` set ``gap`` pixels higher:
    the page as PNG bytes, its ink, and the box round the ink of ``printed`` alone."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    from sutun.pages import sources

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 30)
    alone = Image.new("L", (400, 140), 255)
    ImageDraw.Draw(alone).text((20, 60), printed, font=font, fill=0)
    ink = np.array(alone) < sources.RULE_DARK
    rows, cols = ink.any(axis=1).nonzero()[0], ink.any(axis=0).nonzero()[0]
    box = (
        float(cols[0]),
        float(rows[0]),
        float(cols[-1] + 1 - cols[0]),
        float(rows[-1] + 1 - rows[0]),
    )
    ImageDraw.Draw(alone).text((20, 60 - gap), above, font=font, fill=0)
    out = io.BytesIO()
    alone.save(out, format="PNG")
    return out.getvalue(), np.array(alone) < sources.RULE_DARK, box


@pytest.mark.parametrize(
    ("above", "printed", "box", "first", "expected"),
    [
        # The line above hangs its descenders into the word's box: they are left out of the cut.
        (
            "yyy ggg jjj",
            "istəyirdi",
            lambda b: (b[0], b[1] - 8, b[2], b[3] + 8),
            "öistəyirdi",
            "istəyirdi",
        ),
        # A box that cut the word short: the letters that follow within a letter's gap go in.
        ("", "əsas", lambda b: (b[0], b[1], b[2] * 0.7, b[3]), "əsaş", "əsas"),
        # A box that left out a capital's dots: marks standing apart over the word go in.
        ("", "Ölümünə", lambda b: (b[0], b[1] + 6, b[2], b[3] - 6), "Olümünə", "Ölümünə"),
        # Letters a word alone cannot tell by their size keep the first reading's case.
        ("", "istilik", lambda b: b, "İstilik", "İstilik"),
        # A glyph the first reading read twice, in both cases, is the small letter.
        ("", "səbəb", lambda b: b, "sƏəbəb", "səbəb"),
    ],
)
def test_a_doubtful_word_is_read_again_alone(above, printed, box, first, expected):
    from sutun.pages import sources

    png, dark, inked = _set_under(above, printed, 34)
    x, y, w, h = box(inked)
    boxes = [(x, y, w, h, first, ("1", "1", "1"))]
    assert sources._doubtful_read_again(png, boxes, [10.0], "aze", dark)[0][4] == expected
    # A word Tesseract was sure of is not read again.
    assert sources._doubtful_read_again(png, boxes, [95.0], "aze", dark)[0][4] == first


@pytest.mark.parametrize("printed", ["lərdən", "(Riversayd)"])
def test_a_glyph_tesseract_left_out_before_a_word_is_read_with_it(printed):
    from sutun.pages import sources

    # Tesseract's box and reading start after the word's first glyph (lərdən read ərdən at a
    # column's edge), however sure it was of them.
    png, dark, (x, y, w, h) = _set_under("", printed, 34)
    band = dark[int(y) : int(y + h), int(x) : int(x + w)]
    second = sources._glyph_columns(band)[1][0]
    key = ("1", "1", "1")
    boxes = [(x + second, y, w - second, h, printed[1:], key)]
    read = sources._doubtful_read_again(png, boxes, [95.0], "aze", dark)
    assert read[0][4] == printed and read[0][0] == x
    # Ink another box holds is that word's (the word before, set close).
    before = (x - 40, y, 40 + second - 2, h, "bu", key)
    assert sources._leads_left_out([before, *boxes], dark) == {}


@pytest.mark.parametrize(
    ("first", "alone", "taken"),
    [
        ("ərdən", "lərdən", True),
        ("Riversayd)", "(Riversayd)", True),  # an opening bracket
        ("ərdən", "lərdan", False),  # other letters read otherwise
        ("ərdən", "1ərdən", False),  # a digit: the edge of a rule or a table
        ("ərdən", "ərdən", False),
        ("ərdən", "ilərdən", False),  # more than one glyph
        ("İ,", "ki,", True),  # its first letter taken for a capital as a word's first
        ("İ,", "kİ,", True),
        ("Ev", "hev", False),  # not a capital of another letter's shape
    ],
)
def test_a_word_read_again_with_a_glyph_before_it_must_read_it_and_the_rest_alike(
    first, alone, taken
):
    from sutun.pages import sources

    assert sources._lead_read(first, alone) is taken


@pytest.mark.parametrize(
    ("first", "alone", "glyphs", "taken"),
    [
        ("öistəyirdi-", "istəyirdi-", 10, True),  # another line's ink read as a letter
        ("MecdGregor-un", "McGregor-un", 11, True),
        ("gonra", "sonra", 5, True),
        # Alone, the OCR model leaves out the j it cannot print: the ink has the glyph.
        ("iurnalı", "urnalı", 7, False),
        ("Nxe3", "İNx3", 4, False),  # a glyph the first reading saw none of
        ("Oklahoma,", "Oklahoma", 9, False),  # a mark at its end gone
        ("İstilik", "istilik", 7, False),  # only what a word alone cannot tell
        ("ln", "İn", 2, False),
        ("yanrın", "Çöl", 3, False),  # another word
    ],
)
def test_a_word_read_again_alone_is_taken_where_it_reads_the_same_glyphs_otherwise(
    first, alone, glyphs, taken
):
    from sutun.pages import sources

    assert sources._read_better(first, alone, glyphs) is taken


@pytest.mark.parametrize(
    ("first", "alone", "merged"),
    [
        ("Oklahoma", "oklahoma", "Oklahoma"),  # its line told the first reading the case
        ("sƏə-", "sə-", "sə-"),  # a glyph read twice, in both cases: the small letter
        ("Ssi-", "Sİ-", "si-"),
        ("lInverevve", "İnverevve", "Inverevve"),  # I and l are no case twins
        ("Dises", "Discs", "Discs"),
    ],
)
def test_a_word_read_again_alone_keeps_the_case_its_line_told(first, alone, merged):
    from sutun.pages import sources

    assert sources._merged(first, alone) == merged


@pytest.mark.parametrize(
    ("printed", "tesseract", "expected"),
    [
        # The Azerbaijani model reads i for ı where both make words, and a name's I as İ.
        ("sıx", "six", "sıx"),
        ("artıq", "artiq", "artıq"),
        ("bilir", "bılır", "bilir"),
        ("Imperial", "İmperial", "Imperial"),
        ("İstanbul", "Istanbul", "İstanbul"),
        ("qırmızı", "qirmizi", "qırmızı"),
        ("Imperi-", "İmperi-", "Imperi-"),  # broken at a line's end
        # Read right, they stay.
        ("sıx", "sıx", "sıx"),
        ("bilir", "bilir", "bilir"),
        # A mark of two glyphs (") leaves glyphs and letters unpaired: the reading stands.
        ('dedi"', 'dedı"', 'dedı"'),
    ],
)
def test_a_dot_tells_i_from_dotless_i(printed, tesseract, expected):
    from sutun.pages import sources

    assert _read_as(sources._dots_read, printed, tesseract) == expected


def test_a_photograph_tesseract_reads_text_in_surely_is_none():
    from sutun.pages.sources import PICTURE_WORDS, _pictures_read

    picture = (100.0, 100.0, 600.0, 400.0)
    words = [
        (120.0 + 40 * (k % 10), 120.0 + 30 * (k // 10), 35.0, 20.0, "söz", ("1", "1", "1"))
        for k in range(PICTURE_WORDS)
    ]
    assert _pictures_read(words, [91.0] * len(words), [picture]) == []
    # Its grain read as glyphs of little confidence, or as too few words: a photograph.
    assert _pictures_read(words, [30.0] * len(words), [picture]) == [picture]
    assert _pictures_read(words[:-1], [91.0] * (len(words) - 1), [picture]) == [picture]


def test_specks_go_and_the_smallest_marks_stay():
    import numpy as np

    from sutun.pages.paper import _specks

    page = np.full((30, 30), 240, dtype=np.uint8)
    page[3, 3] = 0  # a speck
    page[8, 8:10] = 20  # a speck of two
    page[15:17, 15:17] = 0  # an i's dot at 150 dpi
    page[22:28, 5] = 0  # a hairline
    assert np.argwhere(_specks(page)).tolist() == [[3, 3], [8, 8], [8, 9]]


@pytest.mark.parametrize(
    ("printed", "tesseract", "expected"),
    [
        # The dot's ink lighter than the ink threshold: there, faint, it is no dotless i.
        ("birinin", "birinin", "birinin"),
        ("İmperial", "İmperial", "İmperial"),
        # A dotless stem's own faint halo is no dot.
        ("sındı", "sindi", "sındı"),
        # A comma's tail as faint: Tesseract's reading stands.
        ("Devon,", "Devon,", "Devon,"),
        ("Bondun,", "Bondun,", "Bondun,"),
    ],
)
def test_a_blurred_scans_faint_dots_and_tails_are_read_as_marks(printed, tesseract, expected):
    from sutun.pages import sources

    # Body text at 200 dpi, out of focus.
    box, dark, faint = _set_in_dejavu(printed, size=24, blur=1.2)
    word = (*box, tesseract, ("1", "1", "1"))
    read = sources._stop_read if tesseract.endswith(",") else sources._dots_read
    assert read(word, dark, faint)[4] == expected


@pytest.mark.parametrize("gap", [26, 30, 34])
def test_the_line_above_hanging_over_a_dotless_i_is_no_dot(gap):
    from sutun.pages import sources

    _, dark, box = _set_under("ggg yyy ggg", "qırmızı", gap)
    assert sources._dots_read((*box, "qırmızı", ("1", "1", "1")), dark)[4] == "qırmızı"
