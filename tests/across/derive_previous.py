#!/usr/bin/env python3
"""Derives a realistic 2012-13 report from the 2013-14 seed, for the --previous tests.

The first annual report (2012-2013) is not among the seeds, so its figures here are
SYNTHETIC: the chart is the seed's minus the work that starts in 2013/14 or later, work
that the seed shows complete but that started in 2012/13 is `in_progress`, and every
cumulative figure is lower than the seed's (the 2013 flow taken out where the seed gives
it: 230 - 14 permits, 102 - 10 recipients). It is test data, not a record of that report.
"""
import copy
import json
import pathlib

here = pathlib.Path(__file__).resolve().parent
seed = json.loads((here / "../../seeds/2013-14/report.json").read_text())
doc = copy.deepcopy(seed)
doc["$schema"] = "../../schemas/report.schema.json"
doc["report"].update({"title": "2012-2013 Annual Report on Progress", "edition": 1, "fiscal_year": "2012/13",
                      "period": {"start": "2012-04-01", "end": "2013-03-31"}})
for pillar in doc["pillars"]:
    for objective in pillar["objectives"]:
        for task in objective["tasks"]:
            kept = []
            for d in task["deliverables"]:
                if d.get("start", "0") >= "2013/14":
                    continue
                d.pop("new", None)
                if d.get("status") == "complete" and d.get("start") == "2012/13":
                    d["status"] = "in_progress"
                items = [i for i in d.get("items", []) if i.get("start", "0") < "2013/14"]
                if "items" in d:
                    d["items"] = items
                kept.append(d)
            task["deliverables"] = kept
stats = doc["statistics"]
c = stats["trp"]["cumulative"]
c.update({"period": {"start": "2006-05", "end": "2012-12"}, "permits_issued": 216, "recipients": 92,
          "male": 25, "female": 61, "minor_dependents": 6,
          "top_countries_of_birth": [{"country": "TH", "count": 28}, {"country": "HU", "count": 17},
                                     {"country": "PH", "count": 12}, {"country": "MD", "count": 9},
                                     {"country": "MX", "count": 8}]})
stats["trp"]["annual"] = []
del stats["trp"]["annual"]
stats["court_cases"]["as_of"] = "2013-03-31"
stats["court_cases"]["completed"].update({"cases": 56, "victims": 132, "accused_convicted": 70})
del stats["operations"], stats["investigations"]
stats["training"] = [t for t in stats["training"] if t["period"]["end"] < "2013-04"]
for t in stats["training"]:
    t["period"]["end"] = "2012-12"
    t["participants"]["value"] = 49500
    t["law_enforcement"]["value"] = 21000
stats["outreach"] = [o for o in stats["outreach"] if o.get("since", "9999") < "2013-04"]
for o in stats["outreach"]:
    o["count"] = {"value": o["count"]["value"] * 3 // 4 // 100 * 100, "qualifier": o["count"].get("qualifier", "approximately")}
doc["funding"] = [f for f in doc["funding"] if f.get("years", {}).get("start", 0) < 2013]
(here / "seed-2012-13.json").write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
