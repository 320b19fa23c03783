#!/usr/bin/python3
"""Exports a chain's candidate firms from chains/xihaian/candidates/<chain>.yaml as a bulk CSV
pool (docs/workspace-format.md "Bulk enterprise files"), the sample input of `chainlens score`.

The rows are the workspace's own candidates (public knowledge, sourced there), not invented:
    python3 examples/pools/export_pool.py auto > examples/pools/auto-pool.csv
"""
import csv
import sys

import yaml

COLUMNS = ["id", "name", "location", "segments", "role", "status", "revenue", "kind", "group", "revenue_year", "listed"]


def main() -> None:
    chain = sys.argv[1] if len(sys.argv) > 1 else "auto"
    with open(f"chains/xihaian/candidates/{chain}.yaml", encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(COLUMNS)
    for e in doc.get("enterprises", []):
        if "id" not in e or "segments" not in e:  # `use:` entries name registry firms
            continue
        row = dict(e)
        row["segments"] = ";".join(e["segments"])
        row["listed"] = {True: "true", False: "false"}.get(e.get("listed"), "")
        out.writerow(["" if row.get(c) is None else row.get(c) for c in COLUMNS])


if __name__ == "__main__":
    main()
