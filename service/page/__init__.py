"""The timeline page: HTML, CSS and JavaScript shipped as package data in `static/`, with the vendored libraries
in `static/vendor/` (refreshed by `make vendor`, never edited by hand). The page is a client of the public JSON
API like any other; nothing here reads the store."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def static_directory() -> Path:
    """Where the page's files are installed (a real directory: setuptools installs package data unzipped)."""
    return Path(str(files("service.page") / "static"))
