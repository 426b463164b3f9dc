"""The analyst's page at scale, measured in Debian's Chromium: time until the first view is ready (table,
map, timeline, tallies) and until the map has redrawn after a zoom, on synthetic events in SQLite served
by `sitrep serve` in its own process. Targets (issue 16): first view under 1 s, zoom redraw under 300 ms
at 100,000 events.

    .venv/bin/python bench/page.py --events 100000 --zooms 10
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from api import build, serving

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def main() -> int:
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--zooms", type=int, default=10, help="zoom steps measured")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "page.db"
        t0 = time.perf_counter()
        build(db, args.events)
        print(f"built {args.events:,} events in {time.perf_counter() - t0:.1f} s", flush=True)
        with serving(db) as (_, port), sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            firsts = []
            for _ in range(3):
                t = time.perf_counter()
                page.goto(f"http://127.0.0.1:{port}/")
                page.wait_for_selector("body[data-ready='1']", timeout=60_000)
                firsts.append((time.perf_counter() - t) * 1000)
            page.wait_for_timeout(2000)  # the view-fitted redraw after the first frame, and its animation
            redraws = []
            for i in range(args.zooms):
                before = page.get_attribute("#map", "data-drawn")
                t = time.perf_counter()
                step = 1 if i % 4 < 2 else -1  # in, in, out, out: around the fitted view
                page.evaluate(f"void map.setView(map.getCenter(), map.getZoom() + {step}, {{animate: false}})")
                page.wait_for_function(f"document.querySelector('#map').dataset.drawn !== '{before}'", timeout=30_000)
                redraws.append((time.perf_counter() - t) * 1000)
            markers = page.get_attribute("#map", "data-markers")
            browser.close()
    print(f"first view ready: median {statistics.median(firsts):.0f} ms (of {len(firsts)} loads; {firsts[0]:.0f} ms cold)")
    print(f"zoom redraw: median {statistics.median(redraws):.0f} ms, max {max(redraws):.0f} ms "
          f"({len(redraws)} zooms; includes the page's 80 ms settle delay); {markers} markers in the last view")
    return 0


if __name__ == "__main__":
    sys.exit(main())
