"""Turn the bundled sample's hand-coded events (examples/expected.json, expected_claims.json) into the
scorer's gold format, so bench/quality can also score the sample: a second, independent check beside the
seed articles. Coordinates come from sitrep's own gazetteer for the coded location when it knows it
(radius 50 km), so place is scored only where that lookup succeeds.

    .venv/bin/python bench/sample_gold.py > /tmp/sample.gold.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sitrep.resolve.gazetteer import gazetteer

ROOT = Path(__file__).resolve().parents[1] / "examples"


def main() -> int:
    events = json.loads((ROOT / "expected.json").read_text())
    claims = json.loads((ROOT / "expected_claims.json").read_text())
    gold_events = []
    for i, e in enumerate(events, 1):
        entry = gazetteer().lookup(e["location"].split(" (")[0], {e["country"]: 1.0}) if e.get("location") else None
        near = entry is not None and entry.latitude is not None and entry.country == e["country"]
        gold_events.append({
            "id": f"S{i:02d}", "salience": "primary", "articles": e["articles"], "summary": e.get("note", ""),
            "event_type": [e["event_type"]], "sub_event_type": [e["sub_event_type"]], "date": e["date"],
            "window": [e["date"], e["date"]], "country": e["country"], "admin1": e.get("admin1"),
            "location": e.get("location"), "lat": entry.latitude if near else None,
            "lon": entry.longitude if near else None, "radius_km": 50 if near else None,
            "actor1": e.get("actor1"), "actor2": e.get("actor2"),
            "fatalities": "any" if e.get("fatalities") is None else [e["fatalities"]],
            "injuries": "any" if e.get("injuries") is None else [e["injuries"]],
        })
    gold_claims = [{"id": f"SC{i}", "article": c["article"], "text": c.get("sentence", ""), "quantity": c["quantity"],
                    "bound": c["bound"], "what": c.get("what"), "where": c.get("where"), "from": c.get("from"),
                    "to": c.get("to"), "source": None} for i, c in enumerate(claims, 1)]
    json.dump({"schema": "event-gold/1", "about": "generated from examples/expected*.json", "articles": {},
               "actors": {}, "events": gold_events, "must_not_merge": [], "claims": gold_claims}, sys.stdout, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
