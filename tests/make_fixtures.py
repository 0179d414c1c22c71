#!/usr/bin/env python3
"""Writes the rule fixtures under tests/fixtures/<CODE>/ from one small base report.

Each case is the base document with one change, so a failing fixture and its passing twin
differ only in the fact the rule guards. Run it after changing the base; then review the
expected diagnostics with `UPDATE_SNAPSHOTS=1 cargo test -p naplint --test fixtures`.
Hand-written fixtures (syntax errors, YAML) live beside the generated ones and are not
touched by this script.
"""
import copy
import json
import pathlib

import yaml

ROOT = pathlib.Path(__file__).resolve().parent / "fixtures"

BASE = {
    "$schema": "../../../schemas/report.schema.json",
    "format_version": "1",
    "plan": {
        "id": "ca-nap-cht",
        "title": "National Action Plan to Combat Human Trafficking",
        "jurisdiction": "CA",
        "launched": "2012-06-06",
        "coordinator": "PS",
    },
    "report": {
        "title": "2013-2014 Annual Report on Progress",
        "edition": 2,
        "fiscal_year": "2013/14",
        "period": {"start": "2013-04-01", "end": "2014-03-31"},
    },
    "departments": [
        {"code": "PS", "name": "Public Safety Canada", "membership": "core"},
        {"code": "RCMP", "name": "Royal Canadian Mounted Police", "membership": "core"},
        {"code": "CIC", "name": "Citizenship and Immigration Canada", "membership": "core"},
        {
            "code": "ESDC-TFWP",
            "name": "Employment and Social Development Canada (Temporary Foreign Worker Program)",
            "label": "ESDC (TFWP)",
            "aliases": ["ESDC (TFWP)"],
            "membership": "core",
        },
        {"code": "STATCAN", "name": "Statistics Canada", "aliases": ["StatsCan", "Stats Can"], "membership": "ad_hoc"},
    ],
    "pillars": [
        {
            "id": "1",
            "key": "prevention",
            "name": "Prevention",
            "objectives": [
                {
                    "id": "1.1",
                    "statement": "The Government of Canada will support a broad-based prevention strategy.",
                    "tasks": [
                        {
                            "id": "1.11",
                            "title": "Support and develop human trafficking information and awareness campaigns.",
                            "deliverables": [
                                {
                                    "id": "1.11.1",
                                    "text": "Promote online training tool launched by the BC Office to Combat Trafficking in Persons.",
                                    "start": "2012/13",
                                    "status": "ongoing",
                                    "leads": ["PS"],
                                },
                                {
                                    "id": "1.11.2",
                                    "text": "Through a dedicated contribution program support:",
                                    "start": "2011/12",
                                    "status": "complete",
                                    "leads": ["RCMP"],
                                    "items": [
                                        {"text": "PACT-Ottawa to launch the TruckStop awareness campaign", "start": "2011/12", "status": "complete"},
                                        {"text": "NASHI: Our Children to hold a 2-day youth forum", "start": "2012/13", "status": "complete"},
                                    ],
                                },
                                {
                                    "id": "1.11.3",
                                    "text": "Create Advocacy tool kit and campaign for use by Canadian Embassies.",
                                    "new": True,
                                    "start": "2013/14",
                                    "status": "on_track",
                                    "target": "2014/15",
                                    "leads": ["CIC", "ESDC-TFWP"],
                                },
                            ],
                        }
                    ],
                }
            ],
        }
    ],
    "statistics": {
        "trp": {
            "cumulative": {
                "period": {"start": "2006-05", "end": "2013-12"},
                "permits_issued": 230,
                "recipients": 102,
                "male": 28,
                "female": 68,
                "minor_dependents": 6,
                "top_countries_of_birth": [
                    {"country": "TH", "count": 31},
                    {"country": "HU", "count": 17},
                    {"country": "PH", "count": 14},
                ],
            },
            "annual": [
                {"year": 2013, "new_victims": 10, "permits_issued": 14, "initial_permits": 10, "subsequent_permits": 4, "provisional": True}
            ],
        },
        "court_cases": {
            "as_of": "2014-03-31",
            "completed": {"since": 2005, "cases": 71, "victims": 165, "accused_convicted": 85},
            "before_courts": {
                "cases": {"value": 87, "qualifier": "approximately"},
                "accused": {"value": 139, "qualifier": "approximately"},
                "victims": {"value": 160, "qualifier": "approximately"},
            },
        },
        "operations": [
            {"name": "Project COMBATIVE", "lead": "RCMP", "arrested": 30, "charged": 20, "charges_laid": 108,
             "guilty_pleas": 8, "removed_or_departed": 5, "victims_identified": 4}
        ],
        "investigations": [
            {"unit": "RCMP Human Trafficking Enforcement Team", "since": "2014-01", "launched": 14, "closed": 6,
             "ongoing": 6, "escalated": 1, "concluded_with_charges": 1}
        ],
        "training": [
            {"provider": "RCMP", "period": {"start": "2006-12", "end": "2013-12"},
             "participants": {"value": 56427, "qualifier": "approximately"},
             "law_enforcement": {"value": 23770, "qualifier": "approximately"}}
        ],
        "outreach": [
            {"what": "online training program accesses", "count": {"value": 9000, "qualifier": "over"}, "since": "2012-04"}
        ],
    },
    "funding": [
        {"title": "Tripartite Action for the Protection and Promotion of the Rights of Migrant Workers in ASEAN",
         "recipient": "International Labour Organization (ILO)", "funder": "PS",
         "amount": {"value": 5500000, "currency": "CAD"}, "years": {"start": 2012, "end": 2016}}
    ],
}

D = ["pillars", 0, "objectives", 0, "tasks", 0, "deliverables"]
TRP = ["statistics", "trp", "cumulative"]


def at(doc, path):
    for p in path:
        doc = doc[p]
    return doc


def setv(path, value):
    def f(doc):
        at(doc, path[:-1])[path[-1]] = value
    return f


def delete(path):
    def f(doc):
        del at(doc, path[:-1])[path[-1]]
    return f


def chain(*fs):
    def f(doc):
        for g in fs:
            g(doc)
    return f


def add_task(doc):
    at(doc, ["pillars", 0, "objectives", 0, "tasks"]).append(
        {"id": "1.12", "title": "Support prevention and intervention efforts.", "deliverables": []})


def add_task_ok(doc):
    at(doc, ["pillars", 0, "objectives", 0, "tasks"]).append(
        {"id": "1.12", "title": "Support prevention and intervention efforts.", "deliverables": [
            {"id": "1.12.1", "text": "Develop a diagnostic tool.", "start": "2011/12", "status": "complete", "leads": ["PS"]}]})


def dup_deliverable(doc):
    ds = at(doc, D)
    ds.append(dict(copy.deepcopy(ds[0]), text="A second deliverable with the same id."))


def dup_deliverable_ok(doc):
    ds = at(doc, D)
    ds.append(dict(copy.deepcopy(ds[0]), id="1.11.4", text="A second deliverable with its own id."))


def idle(doc):
    doc["departments"].append({"code": "SWC", "name": "Status of Women Canada", "membership": "core"})


def idle_ok(doc):
    doc["departments"].append({"code": "SWC", "name": "Status of Women Canada", "membership": "ad_hoc"})


CASES = {
    "S001": [
        ("fail_misspelt_field", chain(delete(TRP + ["female"]), setv(TRP + ["femal"], 68))),
        ("fail_wrong_type", setv(TRP + ["male"], "28")),
        ("fail_missing_required", delete(["plan", "title"])),
        ("fail_negative_count", setv(TRP + ["male"], -28)),
        ("fail_huge_count", setv(TRP + ["male"], 10 ** 30)),
        ("pass", None),
    ],
    "S004": [("fail_version_2", setv(["format_version"], "2")), ("pass", None)],
    # 1,001 unknown fields: 1,000 S001 findings shown, then the S007 notice of the one left.
    "S007": [("fail", chain(*(setv(["report", f"x{i}"], i) for i in range(1001)))), ("pass", None)],
    "P001": [("fail", add_task), ("pass", add_task_ok)],
    "P002": [
        ("fail", setv(D + [0, "leads"], [])),
        ("fail_absent", delete(D + [0, "leads"])),
        ("pass", None),
    ],
    "P003": [
        ("fail_alias", setv(D + [2, "leads"], ["CIC", "ESDC (TFWP)"])),
        ("fail_typo", setv(D + [0, "leads"], ["PSS"])),
        ("fail_unregistered_funder", setv(["funding", 0, "funder"], "DFATD")),
        ("pass", None),
    ],
    "P004": [("fail", delete(D + [0, "start"])), ("pass", None)],
    "P005": [
        ("fail_dash", setv(D + [0, "start"], "2012-13")),
        ("fail_long", setv(D + [1, "items", 1, "start"], "2012/2013")),
        ("fail_not_consecutive", setv(D + [0, "start"], "2012/14")),
        ("fail_unfixable", setv(D + [0, "start"], "FY13")),
        ("pass", None),
    ],
    "P006": [
        ("fail_spelling", setv(D + [0, "status"], "In Progress")),
        ("fail_completed", setv(D + [1, "items", 0, "status"], "completed")),
        ("fail_unknown", setv(D + [0, "status"], "halfway")),
        ("pass", None),
    ],
    "P007": [("fail", delete(D + [0, "status"])), ("pass", None)],
    "P008": [("fail", delete(D + [2, "target"])), ("pass", None)],
    "P009": [("fail", setv(D + [2, "target"], "2012/13")), ("pass", None)],
    "P010": [("fail", setv(D + [0, "start"], "2014/15")), ("pass", chain(setv(D + [0, "start"], "2014/15"), setv(D + [0, "status"], "planned"), setv(D + [0, "new"], True)))],
    "P011": [
        ("fail_new_but_old", setv(D + [0, "new"], True)),
        ("fail_current_not_new", delete(D + [2, "new"])),
        ("pass", None),
    ],
    "P012": [
        ("fail_deliverable", setv(D + [0, "id"], "1.12.1")),
        ("fail_objective", setv(["pillars", 0, "objectives", 0, "id"], "2.1")),
        ("pass", None),
    ],
    "P013": [("fail", dup_deliverable), ("pass", dup_deliverable_ok)],
    "P014": [
        ("fail_items_complete", setv(D + [1, "status"], "ongoing")),
        ("fail_item_not_complete", setv(D + [1, "items", 1, "status"], "ongoing")),
        ("pass", None),
    ],
    "P015": [("fail", setv(D + [1, "items", 0, "start"], "2010/11")), ("pass", None)],
    "P016": [("fail", idle), ("pass", idle_ok)],
    "P017": [
        ("fail_trailing", setv(D + [0, "text"], "Promote online training tool launched by the BC Office to Combat Trafficking in Persons. ")),
        ("fail_double", setv(["plan", "title"], "National Action Plan to  Combat Human Trafficking")),
        ("fail_invisible", setv(D + [0, "text"], "Promote online\u200b training tool launched by the BC Office\u0007 to Combat Trafficking in Persons.")),
        # Two distinct findings of one rule at one pointer: both are reported.
        ("fail_invisible_and_trailing", setv(D + [0, "text"], "Promote online training tool launched by the BC Office to Combat Trafficking in Persons.\u200b ")),
        ("pass", None),
    ],
    "M001": [("fail", setv(TRP + ["period"], {"start": "2013-12", "end": "2006-05"})), ("pass", None)],
    "M002": [("fail", setv(["report", "period"], {"start": "2012-04-01", "end": "2013-03-31"})), ("pass", None)],
    "M003": [
        ("fail_training_end", setv(["statistics", "training", 0, "period", "end"], "2014-04")),
        ("fail_as_of", setv(["statistics", "court_cases", "as_of"], "2014-05-01")),
        ("pass", setv(["statistics", "training", 0, "period", "end"], "2014-03")),
    ],
    "M004": [
        ("fail_unassigned", setv(TRP + ["top_countries_of_birth", 1, "country"], "XX")),
        ("fail_lowercase", setv(TRP + ["top_countries_of_birth", 0, "country"], "th")),
        ("fail_name", setv(["plan", "jurisdiction"], "Canada")),
        ("pass", None),
    ],
    "M005": [
        ("fail_unknown", setv(["funding", 0, "amount", "currency"], "CDN")),
        ("fail_lowercase", setv(["funding", 0, "amount", "currency"], "cad")),
        ("pass", None),
    ],
    "R001": [
        ("fail", setv(TRP + ["male"], 29)),
        ("fail_approximate", setv(TRP + ["female"], {"value": 50, "qualifier": "approximately"})),
        ("pass_approximate", setv(TRP + ["female"], {"value": 70, "qualifier": "approximately"})),
        ("pass", None),
    ],
    "R002": [("fail", setv(TRP + ["permits_issued"], 100)), ("pass", None)],
    "R003": [
        ("fail_country_exceeds", setv(TRP + ["top_countries_of_birth", 1, "count"], 103)),
        ("fail_sum_exceeds", setv(TRP + ["top_countries_of_birth", 2, "count"], 60)),
        ("fail_repeated", setv(TRP + ["top_countries_of_birth", 2, "country"], "TH")),
        ("fail_order", setv(TRP + ["top_countries_of_birth", 2, "count"], 20)),
        ("pass", None),
    ],
    "R004": [("fail", setv(["statistics", "trp", "annual", 0, "subsequent_permits"], 5)), ("pass", None)],
    "R005": [
        ("fail", setv(["statistics", "trp", "annual", 0, "permits_issued"], 240)),
        ("pass_outside_period", chain(setv(["statistics", "trp", "annual", 0, "year"], 2014), setv(["statistics", "trp", "annual", 0, "new_victims"], 110))),
        ("pass", None),
    ],
    "R006": [("fail", setv(["statistics", "investigations", 0, "ongoing"], 7)), ("pass", None)],
    "R007": [("fail", setv(["statistics", "training", 0, "law_enforcement"], {"value": 66427, "qualifier": "approximately"})), ("pass", None)],
    "R008": [
        ("fail_charges", setv(["statistics", "operations", 0, "charges_laid"], 18)),
        ("fail_arrested_warning", setv(["statistics", "operations", 0, "arrested"], 15)),
        ("pass", None),
    ],
    "R009": [
        ("fail_years", setv(["funding", 0, "years"], {"start": 2016, "end": 2012})),
        ("fail_zero", setv(["funding", 0, "amount", "value"], 0)),
        ("pass", None),
    ],
}

def previous_year(doc):
    """The same plan a year earlier: what the current base reports as of 2012/13."""
    doc["report"].update({"title": "2012-2013 Annual Report on Progress", "edition": 1, "fiscal_year": "2012/13",
                          "period": {"start": "2012-04-01", "end": "2013-03-31"}})
    ds = at(doc, D)
    ds[:] = [d for d in ds if d["start"] < "2013/14"]
    c = at(doc, TRP)
    c.update({"period": {"start": "2006-05", "end": "2012-12"}, "permits_issued": 216, "recipients": 92,
              "male": 25, "female": 61, "minor_dependents": 6})
    c["top_countries_of_birth"] = [{"country": "TH", "count": 29}, {"country": "HU", "count": 15}, {"country": "PH", "count": 12}]
    doc["statistics"]["trp"]["annual"] = [{"year": 2012, "permits_issued": 25, "initial_permits": 18, "subsequent_permits": 7}]
    doc["statistics"]["court_cases"]["as_of"] = "2013-03-31"
    doc["statistics"]["court_cases"]["completed"].update({"cases": 56, "victims": 132, "accused_convicted": 70})
    doc["statistics"]["training"][0]["period"]["end"] = "2012-12"
    doc["statistics"]["training"][0]["participants"]["value"] = 49500
    doc["statistics"]["training"][0]["law_enforcement"]["value"] = 21000
    del doc["statistics"]["investigations"]
    del doc["statistics"]["operations"]
    doc["statistics"]["outreach"][0]["count"]["value"] = 5000


CASES.update({
    "X001": [("fail", setv(D + [1, "status"], "ongoing")), ("pass", None)],
    "X002": [("fail", setv(D + [0, "start"], "2011/12")), ("pass", None)],
    "X003": [("fail", setv(D + [0, "new"], True)), ("pass", None)],
    "X004": [("fail", lambda doc: at(doc, D).pop(0)), ("pass_discontinued_kept", setv(D + [0, "status"], "discontinued"))],
    "X005": [("fail", setv(TRP + ["permits_issued"], 200)), ("fail_outreach", setv(["statistics", "outreach", 0, "count"], 4000)), ("pass", None)],
})

# YAML twins: the same case written in YAML, so every family is also checked through the
# YAML loader and its positions.
YAML_TWINS = {"P005": ["fail_dash", "pass"], "P006": ["fail_spelling"], "R001": ["fail"], "P003": ["fail_alias"], "P017": ["fail_double"]}


def main():
    for code, cases in CASES.items():
        folder = ROOT / code
        folder.mkdir(parents=True, exist_ok=True)
        for name, mutate in cases:
            doc = copy.deepcopy(BASE)
            if mutate:
                mutate(doc)
            (folder / f"{name}.json").write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
            if name in YAML_TWINS.get(code, []):
                doc["$schema"] = "../../../schemas/report.schema.json"
                text = "# yaml-language-server: $schema=../../../schemas/report.schema.json\n" + yaml.safe_dump(
                    {k: v for k, v in doc.items() if k != "$schema"}, sort_keys=False, allow_unicode=True, width=100)
                (folder / f"{name}.yaml").write_text(text)


def write_previous():
    across = ROOT.parent / "across"
    across.mkdir(exist_ok=True)
    doc = copy.deepcopy(BASE)
    previous_year(doc)
    doc["$schema"] = "../../schemas/report.schema.json"
    (across / "previous.json").write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
    write_previous()


def text_cases():
    """Fixtures that are not documents: broken syntax, raw bytes."""
    base = json.dumps(BASE, indent=2, ensure_ascii=False) + "\n"
    s002 = ROOT / "S002"
    s002.mkdir(parents=True, exist_ok=True)
    (s002 / "fail.json").write_text(base.replace('"male": 28,', '"male": 28,\n        "male": 29,', 1))
    (s002 / "pass.json").write_text(base)
    s003 = ROOT / "S003"
    s003.mkdir(parents=True, exist_ok=True)
    (s003 / "fail_trailing_comma.json").write_text(base.replace('"coordinator": "PS"', '"coordinator": "PS",', 1))
    (s003 / "fail_truncated.json").write_text(base[: len(base) // 2])
    (s003 / "fail_bom.json").write_bytes(b"\xef\xbb\xbf" + base.encode())
    (s003 / "fail_invalid_utf8.json").write_bytes(base.replace("Prevention", "Pr\xe9vention").encode("latin-1", "replace") if False else base.encode().replace(b"Prevention", b"Pr\xe9vention", 1))
    (s003 / "fail_tab_indent.yaml").write_text("format_version: '1'\nplan:\n\tid: ca-nap-cht\n")
    (s003 / "pass.json").write_text(base)


if __name__ == "__main__":
    text_cases()
