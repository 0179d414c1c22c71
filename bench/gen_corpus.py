#!/usr/bin/env python3
"""Generate the benchmark corpus from the 2013-14 seed report.

Writes, under bench/corpus/ (gitignored):

  x1.json          the seed itself (byte-identical copy)
  x10.json         10x the deliverables: every pillar gets 10 objectives, each a copy of
                   the pillar's tasks renumbered (objective 1.7 -> task 1.73 -> 1.73.2),
                   so ids stay unique and the id hierarchy stays consistent
  x100.json        100x the deliverables, the same way
  big.json         ~50 MB report built the same way (the factor is chosen from the seed size)
  many/NNNN.json   1,000 seed-sized files, each with a few figures varied (TRP counts,
                   court cases, training participants, funding amounts, a title) so that
                   no two are identical

Only the Python standard library is used; the output is deterministic (fixed seed), and
written in the seed's own layout (2-space indented JSON) so every file is realistic.

Usage: python3 bench/gen_corpus.py [--out bench/corpus] [--big-mb 50] [--many 1000]
"""

import argparse
import copy
import json
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "seeds", "2013-14", "report.json")


def dump(doc):
    # The seed is written with 2-space indent and non-ASCII kept as is.
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def scaled(seed, factor):
    """A copy of `seed` whose every pillar holds `factor` objectives, each a renumbered
    copy of the pillar's original tasks (and so `factor` x the deliverables)."""
    doc = copy.deepcopy(seed)
    if factor == 1:
        return doc
    for pillar in doc["pillars"]:
        template = pillar["objectives"][0]
        base_obj = template["id"]  # e.g. "1.1"
        objectives = []
        for k in range(1, factor + 1):
            obj_id = f"{pillar['id']}.{k}"
            obj = copy.deepcopy(template)
            obj["id"] = obj_id
            if k > 1:
                obj["statement"] = f"{template['statement']} (objective {obj_id})"
            for task in obj["tasks"]:
                suffix = task["id"][len(base_obj):]  # "1.11" -> "1"
                old_task = task["id"]
                task["id"] = obj_id + suffix
                for d in task["deliverables"]:
                    d["id"] = task["id"] + d["id"][len(old_task):]  # keep ".N"
            objectives.append(obj)
        pillar["objectives"] = objectives
    return doc


def count_deliverables(doc):
    return sum(
        len(t["deliverables"])
        for p in doc["pillars"]
        for o in p["objectives"]
        for t in o["tasks"]
    )


def figure_value(fig):
    return fig["value"] if isinstance(fig, dict) else fig


def set_figure(fig, value):
    if isinstance(fig, dict):
        fig = dict(fig)
        fig["value"] = value
        return fig
    return value


def varied(seed, i, rng):
    """A seed-sized report with a few figures changed, keeping the sums consistent."""
    doc = copy.deepcopy(seed)
    doc["report"]["title"] = f"{seed['report']['title']} (submission {i:04d})"
    trp = doc["statistics"]["trp"]["cumulative"]
    male = trp["male"] + rng.randint(0, 20)
    female = trp["female"] + rng.randint(0, 20)
    minors = trp["minor_dependents"] + rng.randint(0, 5)
    trp["male"], trp["female"], trp["minor_dependents"] = male, female, minors
    trp["recipients"] = male + female + minors
    trp["permits_issued"] = trp["recipients"] + rng.randint(50, 200)
    courts = doc["statistics"]["court_cases"]["completed"]
    courts["cases"] += rng.randint(0, 30)
    courts["victims"] += rng.randint(0, 30)
    for t in doc["statistics"]["training"]:
        total = figure_value(t["participants"]) + rng.randint(0, 5000)
        t["participants"] = set_figure(t["participants"], total)
    for f in doc["funding"]:
        f["amount"]["value"] = f["amount"]["value"] + 1000 * rng.randint(0, 500)
    return doc


def write(path, text):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "corpus"))
    ap.add_argument("--big-mb", type=float, default=50.0)
    ap.add_argument("--many", type=int, default=1000)
    args = ap.parse_args()

    with open(SEED, encoding="utf-8") as fh:
        seed_text = fh.read()
    seed = json.loads(seed_text)
    os.makedirs(args.out, exist_ok=True)

    write(os.path.join(args.out, "x1.json"), seed_text)
    for factor in (10, 100):
        write(os.path.join(args.out, f"x{factor}.json"), dump(scaled(seed, factor)))

    # The deliverables dominate the size: estimate bytes per objective copy from x10/x100.
    s10 = os.path.getsize(os.path.join(args.out, "x10.json"))
    s100 = os.path.getsize(os.path.join(args.out, "x100.json"))
    per_factor = (s100 - s10) / 90.0
    fixed = s10 - 10 * per_factor
    factor = max(1, round((args.big_mb * 1e6 - fixed) / per_factor))
    write(os.path.join(args.out, "big.json"), dump(scaled(seed, factor)))

    many = os.path.join(args.out, "many")
    os.makedirs(many, exist_ok=True)
    for name in os.listdir(many):
        os.remove(os.path.join(many, name))
    rng = random.Random(20131314)
    for i in range(args.many):
        write(os.path.join(many, f"{i:04d}.json"), dump(varied(seed, i, rng)))

    for name in ("x1.json", "x10.json", "x100.json", "big.json"):
        path = os.path.join(args.out, name)
        with open(path, encoding="utf-8") as fh:
            n = count_deliverables(json.load(fh))
        print(f"{name:10} {os.path.getsize(path):>12,} bytes {n:>8,} deliverables", file=sys.stderr)
    total = sum(os.path.getsize(os.path.join(many, n)) for n in os.listdir(many))
    print(f"many/      {args.many:>5} files, {total:,} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
