"""How long the review page takes to load and to re-apply the edits after a toggle, for a page
holding at least 5,000 edits, in headless Chromium."""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

import sutun
from sutun.bench.simulate import SimDoc
from sutun.review import document, page

CHROMIUM = "/usr/bin/chromium"


def run(docs: list[SimDoc], edits_wanted: int = 5000) -> dict | None:
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        return None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    entries, total = [], 0
    for d in docs:
        r = sutun.repair(d.text, d.language)
        if r.edits:
            entries.append(document(d.id, d.text, r.edits))
            total += len(r.edits)
        if total >= edits_wanted:
            break
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "review.html"
        path.write_text(page(entries), encoding="utf-8")
        loads, toggles = [], []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for _ in range(3):
                tab = browser.new_page()
                start = time.perf_counter()
                tab.goto(path.as_uri())
                tab.wait_for_function("window.sutunReady === true")
                loads.append(time.perf_counter() - start)
                start = time.perf_counter()
                tab.uncheck("#e-0-0")
                tab.inner_text("#out-0")
                toggles.append(time.perf_counter() - start)
                tab.close()
            browser.close()
        size = path.stat().st_size
    return {
        "documents": len(entries),
        "edits": total,
        "html_mb": round(size / 1e6, 2),
        "load_s": round(statistics.median(loads), 3),
        "toggle_s": round(statistics.median(toggles), 3),
    }
