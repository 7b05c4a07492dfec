from __future__ import annotations

import json
import subprocess
import sys

import pytest

import sutun
from sutun.bench.pages import rasterise, render
from sutun.bench.simulate import articles_from_ntrex
from sutun.pages import ExtractError, read_pages
from sutun.pages.layout import Word, columns_of, layout, lines_of


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


def test_column_detection_finds_the_gutters():
    words = [
        Word(x, y, x + 40, y + 9, "söz", 9.0)
        for y in range(100, 300, 12)
        for x in (40, 90, 220, 270, 400, 450)
    ]
    lines = lines_of(words)
    assert len(columns_of(lines, 595)) == 3


def test_a_headline_owns_the_columns_beneath_it():
    head = [Word(40, 50, 300, 66, "Başlıq", 16.0, True)]
    body = [Word(40, y, 250, y + 9, "mətn sözləri", 9.0) for y in range(80, 200, 12)]
    head2 = [Word(40, 220, 300, 236, "İkinci", 16.0, True)]
    body2 = [Word(40, y, 250, y + 9, "başqa sözlər", 9.0) for y in range(250, 330, 12)]
    page = layout(head + body + head2 + body2, 595, 842)
    assert [len(r.columns[0]) for r in page.regions] == [10, 7]


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


def test_a_scan_goes_through_tesseract_into_the_same_layout(tmp_path, aze):
    _, page = _page(tmp_path, aze[3:5], 3, False)
    png = tmp_path / "scan.png"
    png.write_bytes(rasterise(page.pdf, dpi=200))
    articles = sutun.extract(png, "aze")
    assert [a.title for a in articles] == [t for t, _ in page.gold]


@pytest.mark.parametrize(
    "content", [b"", b"%PDF-1.4\n1 0 obj\n<<", b"not a pdf at all", b"\x89PNG\r\n\x1a\nbroken"]
)
def test_broken_files_are_a_clear_error(tmp_path, content):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(ExtractError):
        read_pages(path)


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
