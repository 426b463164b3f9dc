"""The web page in a real headless browser: Debian's Chromium driven by Playwright (never a browser
that Playwright downloads). Screenshots go to test-artifacts/."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
import uvicorn
from conftest import free_port

from sitrep.api import create_app
from sitrep.runner import run
from sitrep.store import Store

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (scripts/setup)")
SCRIPT, IMG = "<script>window.__pwned=1</script>", '<img src=x onerror="window.__pwned=2">'
HOSTILE = f"""Drone strike near Kirkuk {SCRIPT}

A drone strike killed three fighters near the Iraqi city of Kirkuk on Sunday {SCRIPT} {IMG}, the US military said.
"""


@pytest.fixture(scope="module")
def desk_db(sqlite_sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The page, on SQLite (the API itself is tested on both back-ends): the sample database plus an article
    whose text carries markup that must stay text."""
    tmp = tmp_path_factory.mktemp("desk")
    db = tmp / "desk.db"
    src, dst = sqlite3.connect(sqlite_sample_db), sqlite3.connect(db)
    src.backup(dst)
    src.close()
    dst.close()
    (tmp / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    store = Store(db)
    assert run([str(tmp / "hostile.txt")], store, published=dt.date(2024, 2, 5), progress=False).reports == 1
    store.close()
    return db


@pytest.fixture(scope="module")
def server(desk_db: Path) -> Iterator[str]:
    port = free_port()
    config = uvicorn.Config(create_app(desk_db), host="127.0.0.1", port=port, log_level="warning")
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


def test_markup_in_article_text_shows_as_text(server: str, desk_db: Path, browser) -> None:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(desk_db)
    event_id = con.execute("SELECT event_id FROM event_sources WHERE article_id='hostile'").fetchone()[0]
    con.close()
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{server}/?event={event_id}")
    page.wait_for_selector("#card:not([hidden]) .evidence", timeout=30_000)
    card = page.inner_text("#card")
    assert SCRIPT in card and IMG in card  # shown, not parsed
    assert page.locator("#card script, #card img").count() == 0
    assert page.evaluate("window.__pwned") is None
    page.close()
