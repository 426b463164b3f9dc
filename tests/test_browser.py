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


DESKTOP, PHONE = {"width": 1440, "height": 900}, {"width": 390, "height": 844}


def open_page(browser, viewport: dict[str, int]) -> tuple[object, list[str], list[str]]:  # type: ignore[no-untyped-def]
    """A page that records console errors, uncaught exceptions and any request leaving this machine."""
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport=viewport)
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: outside.append(r.url) if urlparse(r.url).hostname not in ("127.0.0.1", "localhost")
            and not r.url.startswith(("data:", "blob:")) else None)
    return page, errors, outside


def in_view(page, selector: str) -> bool:  # type: ignore[no-untyped-def]
    box = page.locator(selector).bounding_box()
    size = page.viewport_size
    return bool(box) and box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= size["width"] + 1 \
        and box["y"] < size["height"]


def test_page_map_filter_table_card(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page, errors, outside = open_page(browser, DESKTOP)
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

    exported = page.get_attribute("#export-csv", "href") or ""
    assert exported.startswith("/api/events.csv?") and "country=Iraq" in exported  # the view, exported

    row = page.locator("#events tbody tr").first
    row.click()
    page.wait_for_selector("#card:not([hidden]) mark", timeout=10_000)
    assert in_view(page, "#card")  # beside the table, not below it
    assert "selected" in (row.get_attribute("class") or "")
    assert "event=" in page.url
    fields = page.locator("#card section.field h4").all_inner_texts()
    assert len(fields) == len(set(fields)) > 0  # evidence grouped by field
    assert page.locator("#card .evidence .gave").first.inner_text().count(" gave ")
    page.screenshot(path=str(ARTIFACTS / "card.png"))
    page.keyboard.press("Escape")
    page.wait_for_selector("#card[hidden]", state="attached", timeout=5_000)
    assert "event=" not in page.url

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


def test_every_state_is_said(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page, errors, _ = open_page(browser, DESKTOP)
    page.goto(server + "/?country=Atlantis")
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    assert "No events match" in page.inner_text("#events tbody")

    page.goto(server + "/?since=2024-02-30&sort=bogus&page=999")
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    said = page.inner_text("#status")
    assert "2024-02-30" in said and "bogus" in said, said  # named, not silently dropped
    assert page.get_attribute("#status", "role") == "alert"

    page.goto(server + "/?event=ev_no_such_event")
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    page.wait_for_function("document.querySelector('#status').textContent.includes('ev_no_such_event')")
    assert page.locator("#card").is_hidden()
    assert not [e for e in errors if "404" not in e], errors  # only the refused look-up itself
    page.close()


def test_keyboard_alone_opens_and_closes_an_event(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page, errors, _ = open_page(browser, DESKTOP)
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    for _ in range(200):  # Tab through the filters, exports and headers to the first row
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#events tbody tr') !== null"):
            break
    else:
        pytest.fail("no table row is reachable with Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector("#card:not([hidden])", timeout=10_000)
    assert page.evaluate("document.activeElement.id") == "card"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "card-close"
    page.keyboard.press("Enter")
    page.wait_for_selector("#card[hidden]", state="attached", timeout=5_000)
    assert page.evaluate("document.activeElement.closest('#events tbody tr') !== null")  # back where it was
    assert errors == [], errors
    page.close()


def test_phone_layout_is_one_column_without_sideways_scrolling(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page, errors, _ = open_page(browser, PHONE)
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.locator("#timeline canvas").bounding_box()["width"] <= 390  # the timeline fits the phone
    left, right = page.locator("#left").bounding_box(), page.locator("#right").bounding_box()
    assert left and right and right["y"] >= left["y"] + left["height"] - 1  # stacked, not side by side
    assert left["width"] > 350
    page.screenshot(path=str(ARTIFACTS / "phone.png"), full_page=True)
    total = page.inner_text("#count")
    page.evaluate("""() => {  // a finger dragged across the middle of the timeline
        const over = document.querySelector('#timeline .u-over'), r = over.getBoundingClientRect();
        const touch = (x) => new Touch({identifier: 1, target: over, clientX: r.left + x, clientY: r.top + 20});
        const send = (type, x) => over.dispatchEvent(new TouchEvent(type, {touches: type === 'touchend' ? [] : [touch(x)],
            changedTouches: [touch(x)], bubbles: true, cancelable: true}));
        send('touchstart', r.width * 0.4); send('touchmove', r.width * 0.7); send('touchmove', r.width * 0.99);
        send('touchend', r.width * 0.99);
    }""")
    page.wait_for_function("new URLSearchParams(location.search).has('since')", timeout=10_000)
    page.wait_for_function(f"document.querySelector('#count').textContent !== {total!r}", timeout=10_000)
    page.locator("#events tbody tr[data-id]").first.click()
    page.wait_for_selector("#card:not([hidden])", timeout=10_000)
    card = page.locator("#card").bounding_box()
    assert card and card["width"] <= 390 and card["y"] > 0  # a sheet from the bottom
    page.screenshot(path=str(ARTIFACTS / "phone-card.png"))
    assert errors == [], errors
    page.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_serious_accessibility_violation(server: str, browser, viewport: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    """axe-core (npm), run in the page with the event card open."""
    page, _, _ = open_page(browser, viewport)
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    page.locator("#events tbody tr").first.click()
    page.wait_for_selector("#card:not([hidden]) .evidence", timeout=10_000)
    page.add_script_tag(url="/vendor/axe-core/axe.min.js")
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == [], bad
    page.close()


def test_api_docs_render_offline(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page, errors, outside = open_page(browser, DESKTOP)
    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
    assert page.locator(".swagger-ui .opblock").count() >= 10
    assert outside == [], outside
    assert errors == [], errors
    page.close()


def test_map_timeline_and_filters_an_analyst_reads(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page, errors, _ = open_page(browser, DESKTOP)
    page.goto(server + "/?event_type=Air/drone%20strike,Armed%20clash&min_fatalities=1")
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    assert page.eval_on_selector("select[name=event_type]", "s => [...s.selectedOptions].map(o => o.value)") == [
        "Armed clash", "Air/drone strike"]  # several types, read back from the URL
    types = set(page.locator("#events tbody tr td:nth-child(2)").all_inner_texts())
    assert types and types <= {"Air/drone strike", "Armed clash"}
    deaths = [int(t) for t in page.locator("#events tbody tr td:nth-child(8)").all_inner_texts()]
    assert deaths and min(deaths) >= 1
    assert "deaths" in page.inner_text("#totals")

    page.goto(server + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    total = int(page.inner_text("#count").split()[0])
    assert int(page.get_attribute("#map", "data-markers") or 0) > 0
    assert "drawn at their country" in page.inner_text("#mapnote")  # country-level events: placed, marked, counted
    assert page.locator(".cluster-badge").count() > 0  # clusters in the colour of their main type
    assert "known only to a week or month" in page.inner_text("#timelinenote")  # drawn as spans, not days
    page.select_option("#shade", "events")
    page.wait_for_function("document.querySelector('#shadenote').textContent.includes('shaded by events')")
    page.select_option("#bucket", "month")
    page.select_option("#measure", "fatalities")
    page.wait_for_timeout(300)
    assert page.locator("#timeline .u-legend").count() == 1  # hover values

    page.evaluate("void map.setView([33.3, 44.4], 7)")  # Baghdad (void: the map object is no value to send back)
    page.click(".area-button")
    page.wait_for_function(f"Number(document.querySelector('#count').textContent.split(' ')[0]) < {total}")
    assert "bbox=" in page.url
    page.click("#clear-area")
    page.wait_for_function(f"document.querySelector('#count').textContent.startsWith('{total} ')")
    assert "bbox=" not in page.url
    page.screenshot(path=str(ARTIFACTS / "map-timeline.png"))
    assert errors == [], errors
    page.close()
