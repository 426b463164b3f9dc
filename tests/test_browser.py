"""The web page in a real headless browser: Debian's Chromium driven by Playwright (never a browser
that Playwright downloads). Screenshots go to test-artifacts/."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
import uvicorn

from sitrep.api import create_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (scripts/setup)")


@pytest.fixture(scope="module")
def server(sample_dbs: Callable[[str], str]) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # the page, on SQLite; the API itself is tested on both back-ends
    config = uvicorn.Config(create_app(sample_dbs("sqlite")), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync", "--disable-quic"])
        yield b
        b.close()


def test_page_map_filter_table_card(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: outside.append(r.url) if urlparse(r.url).hostname not in ("127.0.0.1", "localhost")
            and not r.url.startswith("data:") else None)

    page.goto(server + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    markers_all = int(page.get_attribute("#map", "data-markers") or 0)
    assert markers_all > 0
    assert page.locator(".leaflet-interactive, .marker-cluster").count() > 0
    rows_all = page.locator("#events tbody tr").count()
    assert rows_all > 0
    page.screenshot(path=str(ARTIFACTS / "page.png"))

    page.fill("input[name=country]", "Iraq")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelector('#count').textContent.length > 0")
    page.wait_for_timeout(500)
    countries = page.locator("#events tbody tr td:nth-child(6)").all_inner_texts()
    assert countries and set(countries) == {"Iraq"}
    assert int(page.get_attribute("#map", "data-markers") or 0) < markers_all
    assert "country=Iraq" in page.url  # the view can be shared

    page.locator("#events tbody tr").first.click()
    page.wait_for_selector("#card:not([hidden]) mark", timeout=10_000)
    assert page.locator("#card mark").count() > 0
    page.screenshot(path=str(ARTIFACTS / "card.png"), full_page=True)

    assert errors == [], errors
    assert outside == [], outside
    page.close()
