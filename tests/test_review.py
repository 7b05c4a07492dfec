from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import sutun

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian chromium (make test installs it)"
)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield b
        b.close()


def test_seed_review_page_marks_every_edit_and_replays_a_rejection(tmp_path, seed, browser):
    broken, _ = seed
    src = tmp_path / "seed.md"
    src.write_text(broken, encoding="utf-8")
    out = tmp_path / "seed.html"
    subprocess.run(
        [sys.executable, "-m", "sutun.cli", "repair", str(src), "--html", str(out)],
        check=True,
        capture_output=True,
    )
    result = sutun.repair(broken)
    page = browser.new_page(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    page.goto(out.as_uri())
    page.wait_for_function("window.sutunReady === true")
    marked = page.eval_on_selector_all("#in-0 [data-edit]", "els => els.map(e => +e.dataset.edit)")
    assert sorted(set(marked)) == list(range(len(result.edits)))
    assert page.inner_text("#out-0") == result.text

    victim = next(i for i, e in enumerate(result.edits) if e.kind == "dehyphenate")
    page.uncheck(f"#e-0-{victim}")
    with page.expect_download() as download:
        page.click("#download-0")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    kept = [e for i, e in enumerate(result.edits) if i != victim]
    assert text == sutun.apply_edits(broken, kept) != result.text
    ARTIFACTS.mkdir(exist_ok=True)
    page.check(f"#e-0-{victim}")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "review-seed.png"), full_page=False)


def test_the_page_replays_moves_like_python(tmp_path, shared, browser):
    from sutun.bench.run import build_dataset
    from sutun.review import document
    from sutun.review import page as review_page

    docs = [d for d in build_dataset(shared, seeds=(0,), limit=6) if d.kind == "broken"]
    entries, expected = [], []
    for d in docs:
        r = sutun.repair(d.text, d.language)
        if any(e.is_move for e in r.edits):
            entries.append(document(d.id, d.text, r.edits))
            expected.append(r.text)
    assert entries
    out = tmp_path / "many.html"
    out.write_text(review_page(entries), encoding="utf-8")
    page = browser.new_page()
    page.goto(out.as_uri())
    page.wait_for_function("window.sutunReady === true")
    for k, want in enumerate(expected):
        assert page.inner_text(f"#out-{k}") == want


def test_corpus_sample_and_extract_pages_get_review_pages(tmp_path, shared, browser):
    import json

    from sutun.bench.pages import render
    from sutun.bench.run import build_dataset
    from sutun.bench.simulate import articles_from_ntrex

    docs = build_dataset(shared, seeds=(0,), limit=4)
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in docs), encoding="utf-8"
    )
    html = tmp_path / "sample.html"
    cli = [sys.executable, "-m", "sutun.cli"]
    subprocess.run(
        [
            *cli,
            "repair",
            "--jsonl",
            str(src),
            "-o",
            str(tmp_path / "out.jsonl"),
            "-j",
            "1",
            "--html",
            str(html),
            "--html-sample",
            "3",
        ],
        check=True,
        capture_output=True,
    )
    page = browser.new_page()
    page.goto(html.as_uri())
    page.wait_for_function("window.sutunReady === true")
    assert page.eval_on_selector_all("section.doc", "els => els.length") == 3

    pdf = tmp_path / "page.pdf"
    articles = articles_from_ntrex(_ntrex(shared), "aze")
    pdf.write_bytes(render(articles[3:5], 3, 7, True).pdf)
    review = tmp_path / "page.html"
    subprocess.run(
        [*cli, "extract", str(pdf), "--html", str(review)], check=True, capture_output=True
    )
    page.goto(review.as_uri())
    assert page.eval_on_selector_all(".region", "els => els.length") == 2
    assert page.eval_on_selector_all(".sheet img", "els => els.length") == 1


def _ntrex(shared):
    import json

    path = shared / "corpora" / "ntrex-dev" / "ntrex.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
