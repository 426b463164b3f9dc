"""Turn the bundled sample's hand-coded events (examples/expected.json, expected_claims.json) into the
scorer's gold format (event-gold/1), so bench/quality can also score the sample: a second, independent check
beside the seed articles. Everything, coordinates included, is taken from the hand-coded files: each event's
`latitude`/`longitude` and `radius_km` (25 km for a town or site, 75 km for a district or province) were set
by hand, not looked up with sitrep's gazetteer, so sitrep is never scored against itself. An event whose text
names no place has null coordinates, and the scorer then leaves its place unscored.

    .venv/bin/python bench/sample_gold.py > /tmp/sample.gold.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "examples"


def main() -> int:
    events = json.loads((ROOT / "expected.json").read_text())
    claims = json.loads((ROOT / "expected_claims.json").read_text())
    gold_events = []
    for i, e in enumerate(events, 1):
        placed = e.get("latitude") is not None and e.get("longitude") is not None and e.get("radius_km") is not None
        gold_events.append({
            "id": f"S{i:02d}", "salience": "primary", "articles": e["articles"], "summary": e.get("note", ""),
            "event_type": [e["event_type"]], "sub_event_type": [e["sub_event_type"]], "date": e["date"],
            "window": [e["date"], e["date"]], "country": e["country"], "admin1": e.get("admin1"),
            "location": e.get("location"), "lat": e["latitude"] if placed else None,
            "lon": e["longitude"] if placed else None, "radius_km": e["radius_km"] if placed else None,
            "actor1": e.get("actor1"), "actor2": e.get("actor2"),
            "fatalities": "any" if e.get("fatalities") is None else [e["fatalities"]],
            "injuries": "any" if e.get("injuries") is None else [e["injuries"]],
        })
    gold_claims = [{"id": f"SC{i}", "article": c["article"], "text": c.get("sentence", ""), "quantity": c["quantity"],
                    "bound": c["bound"], "what": c.get("what"), "where": c.get("where"), "from": c.get("from"),
                    "to": c.get("to"), "source": None} for i, c in enumerate(claims, 1)]
    json.dump({"schema": "event-gold/1", "about": "generated from examples/expected*.json (hand-coded, hand coordinates)",
               "articles": {}, "actors": {}, "events": gold_events, "must_not_merge": [], "claims": gold_claims},
              sys.stdout, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
