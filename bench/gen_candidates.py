#!/usr/bin/env python3
"""bench/gen_candidates.py: a deterministic SYNTHETIC candidate pool for `chainlens score`
benchmarks. Every row is made up (ids cand-N, names 合成企业N); nothing here is real data.

    bench/gen_candidates.py --rows 1000000 --segments auto.battery,auto.motor --format csv > pool.csv
"""
import argparse
import json
import random
import sys

LOCATIONS = ["中国/上海", "中国/江苏/苏州", "中国/广东/深圳", "中国/浙江/宁波", "中国/山东/青岛/西海岸新区",
             "中国/湖北/武汉", "日本/东京", "德国/斯图加特"]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--segments", required=True, help="comma-separated segment ids to draw from")
    p.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    p.add_argument("--seed", type=int, default=20261122)
    a = p.parse_args()
    rng = random.Random(a.seed)
    segments = a.segments.split(",") + ["other.none"]  # some rows match no segment of the chain
    out = sys.stdout
    if a.format == "csv":
        out.write("id,name,location,segments,role,status,revenue\n")
    for i in range(a.rows):
        segs = rng.sample(segments, rng.randint(1, min(3, len(segments))))
        revenue = "" if i % 7 == 0 else str(rng.randint(1, 20000))
        loc = rng.choice(LOCATIONS)
        if a.format == "csv":
            out.write(f"cand-{i},合成企业{i},{loc},{';'.join(segs)},supplier,operating,{revenue}\n")
        else:
            row = {"id": f"cand-{i}", "name": f"合成企业{i}", "location": loc, "segments": segs}
            if revenue:
                row["revenue"] = int(revenue)
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
