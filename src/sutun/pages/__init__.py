"""Pages to articles: born-digital PDFs (PyMuPDF text layer) and scans (Tesseract), one layout
analysis for both, then the same repair steps as extracted text."""

from __future__ import annotations

from sutun.pages.api import Article, Extracted, ExtractError, extract, read_pages

__all__ = ["Article", "ExtractError", "Extracted", "extract", "read_pages"]
