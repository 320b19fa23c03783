#!/usr/bin/python3
"""bench/peer/chainlens_peer.py: an independent Python implementation of chainlens's
analyses, written from docs/metrics.md and docs/workspace-format.md, for two uses:

* a correctness check: the same workspace must give the same JSON as
  `chainlens --full-precision CMD WORKSPACE --chain ID --format json --lang en`
  (numbers to 1e-9, lists in the same order; see bench/peer/compare.py);
* a baseline for benchmarks: what a competent analyst would write with networkx,
  scipy.sparse and pandas.

    chainlens_peer.py gaps        WORKSPACE --chain ID [--scope PATH]
    chainlens_peer.py chokepoints WORKSPACE --chain ID
    chainlens_peer.py supply      WORKSPACE --chain ID [--scope PATH] [--verified-only]
    chainlens_peer.py targets     WORKSPACE --chain ID [--scope PATH] [--portfolio K] [--weights gap=0.5,...]
    chainlens_peer.py all         WORKSPACE --chain ID [--scope PATH]   -> {gaps, chokepoints, supply, targets}
    chainlens_peer.py chains      WORKSPACE                             -> ["chain id", ...]

Labels are the English ones (chainlens --lang en): gap kinds are "fill", "extend",
"strengthen". The peer trusts its input: it does not repeat chainlens's validation
(run `chainlens validate` first); an invalid workspace gives undefined results here.

Runs with Debian's /usr/bin/python3 and Debian-packaged libraries only: networkx,
numpy, scipy, pandas, PyYAML.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
from dataclasses import dataclass, field, replace
from typing import Optional

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
import scipy.sparse.linalg as spla
import yaml

# --------------------------------------------------------------------------------------
# Model (workspace-format.md)
# --------------------------------------------------------------------------------------

SEVERITY = {"missing": 1.0, "planned": 0.7, "single": 0.6, "weak": 0.5, "covered": 0.0}
STATUS_ORDER = ["missing", "planned", "single", "weak", "covered"]  # worst first
PRESENT = {"single", "weak", "covered"}
DEFAULT_PHI = 0.5
SHOWN_ALTERNATIVES = 5   # local alternatives named per matchmaking row (chainlens's kShownAlternatives)
DEFAULT_WEIGHTS = {"gap": 0.45, "strength": 0.15, "link": 0.15, "related": 0.15, "listed": 0.10,
                   "revenue_ref": 10000.0}


@dataclass
class Segment:
    id: str
    name: str
    parent: str = ""
    phi: Optional[float] = None           # input_intensity as written
    final_demand: Optional[float] = None
    inputs: list = field(default_factory=list)  # [(from_id, share or None)], in file order


@dataclass
class Chain:
    id: str
    name: str
    scope: Optional[tuple] = None
    segments: list = field(default_factory=list)      # [Segment], file order
    gaps: list = field(default_factory=list)          # [(segment, kind)]
    target_lists: list = field(default_factory=list)  # [[enterprise ids]]


@dataclass
class Enterprise:
    id: str
    name: str
    location: tuple                       # region path parts, alias resolved
    segments: list
    status: str = "operating"
    revenue: Optional[float] = None
    capacity: dict = field(default_factory=dict)
    declared: list = field(default_factory=list)  # local_supply_ratio figures: dicts
    inferred_segments: frozenset = frozenset()


@dataclass
class Supply:
    src: str        # supplier ("from")
    dst: str        # customer ("to")
    segment: str
    value: Optional[float] = None
    inferred: bool = False


@dataclass
class Workspace:
    scope: tuple = ()
    weights: dict = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    regions: list = field(default_factory=list)   # [(path parts, [aliases])]
    chains: list = field(default_factory=list)
    enterprises: list = field(default_factory=list)
    supplies: list = field(default_factory=list)
    demand: list = field(default_factory=list)    # [(segment, value)]

    def chain(self, chain_id: str) -> Chain:
        for c in self.chains:
            if c.id == chain_id:
                return c
        raise SystemExit(f"error: no chain '{chain_id}' in the workspace (chains: "
                         f"{', '.join(c.id for c in self.chains) or 'none'})")

    def chain_scope(self, c: Chain) -> tuple:
        return c.scope if c.scope is not None else self.scope


# --------------------------------------------------------------------------------------
# Regions
# --------------------------------------------------------------------------------------

def parse_path(text) -> tuple:
    """'中国/ 山东 //青岛' -> ('中国', '山东', '青岛'): split on '/', trim, drop empty parts."""
    if text is None:
        return ()
    return tuple(p.strip(" \t\r\n") for p in str(text).split("/") if p.strip(" \t\r\n"))


def resolve_alias(regions, path: tuple) -> tuple:
    """A first component that is a region alias becomes the region's full path."""
    if not path:
        return path
    for full, aliases in regions:
        if path[0] in aliases:
            return tuple(full) + path[1:]
    return path


def is_local(location: tuple, scope: tuple) -> bool:
    """metrics.md: local to R when R's components are a prefix of the location's."""
    return location[:len(scope)] == scope


# --------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------

class _StringLoader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):
    """Every plain scalar stays text (like yaml-cpp); only null is resolved, so `012`,
    `yes` or `2022-01-01` are never reinterpreted. Numbers are parsed where a number is due."""


_StringLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag == "tag:yaml.org,2002:null"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _num(v) -> Optional[float]:
    if v is None or v == "":
        return None
    return float(v)


def _text(v, default="") -> str:
    return default if v is None else str(v)


def _read_yaml(path: str, ws: Workspace, pending_locations: list) -> None:
    with open(path, "rb") as f:
        doc = yaml.load(f, Loader=_StringLoader)
    if not doc:
        return
    w = doc.get("workspace")
    if w:
        ws.scope = parse_path(w.get("scope"))
        for k, v in (w.get("scoring") or {}).items():
            if v is not None:
                ws.weights[k] = float(v)
    for r in doc.get("regions") or []:
        ws.regions.append((parse_path(r.get("path")), [str(a) for a in (r.get("aliases") or [])]))
    for c in doc.get("chains") or []:
        chain = Chain(id=str(c["id"]), name=_text(c.get("name")) or str(c["id"]),
                      scope=parse_path(c["scope"]) if c.get("scope") is not None else None)
        for s in c.get("segments") or []:
            inputs = []
            for i in s.get("inputs") or []:
                if isinstance(i, dict):
                    inputs.append((str(i["from"]), _num(i.get("share"))))
                else:
                    inputs.append((str(i), None))
            chain.segments.append(Segment(id=str(s["id"]), name=_text(s.get("name")) or str(s["id"]),
                                          parent=_text(s.get("parent")), phi=_num(s.get("input_intensity")),
                                          final_demand=_num(s.get("final_demand")), inputs=inputs))
        chain.gaps = [(str(g["segment"]), str(g["kind"])) for g in c.get("gaps") or []]
        chain.target_lists = [[str(e) for e in (t.get("enterprises") or [])] for t in c.get("target_lists") or []]
        ws.chains.append(chain)
    for e in doc.get("enterprises") or []:
        segs, inferred = [], set()
        for s in e.get("segments") or []:
            if isinstance(s, dict):
                segs.append(str(s["id"]))
                if s.get("confidence") == "inferred":
                    inferred.add(str(s["id"]))
            else:
                segs.append(str(s))
        declared = []
        for d in e.get("declared") or []:
            if d.get("metric") == "local_supply_ratio":
                src = d.get("source") or {}
                declared.append({"value": float(d["value"]), "bound": "" if _text(d.get("bound"), "exact") == "exact" else str(d["bound"]),  # as chainlens prints it
                                 "source": _text(src.get("id")), "quote": _text(src.get("quote"))})
        ent = Enterprise(id=str(e["id"]), name=_text(e.get("name")) or str(e["id"]),
                         location=parse_path(e.get("location")), segments=segs,
                         status=_text(e.get("status")) or "operating", revenue=_num(e.get("revenue")),
                         capacity={str(k): float(v) for k, v in (e.get("capacity") or {}).items()},
                         declared=declared, inferred_segments=frozenset(inferred))
        pending_locations.append(len(ws.enterprises))
        ws.enterprises.append(ent)
    for s in doc.get("supplies") or []:
        ws.supplies.append(Supply(str(s["from"]), str(s["to"]), str(s["segment"]), _num(s.get("value")),
                                  s.get("confidence") == "inferred"))
    for d in doc.get("demand") or []:
        ws.demand.append((str(d["segment"]), float(d["value"])))


def _csv_header(path: str) -> str:
    with open(path, "rb") as f:
        line = f.readline().decode("utf-8", "replace")
    return line.lstrip("\ufeff")


def _read_supply_csv(path: str, ws: Workspace) -> None:
    """Bulk supply relations: from,to,segment[,value][,confidence]."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig", skip_blank_lines=True)
    df.columns = [c.strip() for c in df.columns]
    df = df.apply(lambda col: col.str.strip(" \t\r"))
    value = df["value"] if "value" in df else pd.Series("", index=df.index)
    conf = df["confidence"] if "confidence" in df else pd.Series("", index=df.index)
    for f, t, s, v, c in zip(df["from"], df["to"], df["segment"], value, conf):
        ws.supplies.append(Supply(f, t, s, float(v) if v != "" else None, c == "inferred"))


def _enterprise_from_row(row: dict) -> Enterprise:
    def txt(k):
        v = row.get(k)
        return "" if v is None else str(v).strip(" \t\r")
    segs = row.get("segments")
    if isinstance(segs, list):
        segs = ";".join(str(s) for s in segs)
    seg_list = [s.strip(" ") for s in ("" if segs is None else str(segs)).split(";")]
    rev = row.get("revenue")
    rev = None if rev is None or (isinstance(rev, str) and rev.strip() == "") else float(rev)
    return Enterprise(id=txt("id"), name=txt("name") or txt("id"), location=parse_path(txt("location")),
                      segments=[s for s in seg_list if s], status=txt("status") or "operating", revenue=rev)


def _read_enterprise_csv(path: str, ws: Workspace, pending_locations: list) -> None:
    columns = ["id", "name", "location", "segments", "role", "status", "revenue"]
    df = pd.read_csv(path, dtype=str, keep_default_na=False, skip_blank_lines=True)
    df.columns = [c.strip(" \t\r") for c in df.columns]
    df = df[[c for c in columns if c in df.columns]]
    for row in df.to_dict("records"):
        pending_locations.append(len(ws.enterprises))
        ws.enterprises.append(_enterprise_from_row(row))


def _read_enterprise_jsonl(path: str, ws: Workspace, pending_locations: list) -> None:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                pending_locations.append(len(ws.enterprises))
                ws.enterprises.append(_enterprise_from_row(json.loads(line)))


def _workspace_files(root: str) -> list:
    """Every *.yaml/*.yml/*.csv/*.jsonl/*.ndjson/*.json under root (hidden ones skipped),
    sorted by path."""
    if os.path.isfile(root):
        return [root]
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = [x for x in dirs if not x.startswith(".")]
        for name in files:
            if not name.startswith(".") and name.endswith((".yaml", ".yml", ".csv", ".jsonl", ".ndjson", ".json")):
                out.append(os.path.join(d, name))
    return sorted(out)


def load_workspace(root: str) -> Workspace:
    ws = Workspace()
    pending = []  # enterprises whose location may start with an alias
    for path in _workspace_files(root):
        if path.endswith((".yaml", ".yml")):
            _read_yaml(path, ws, pending)
        elif path.endswith(".csv"):
            header = _csv_header(path)
            if header.startswith("from,") or header.startswith('"from",'):
                _read_supply_csv(path, ws)
            else:
                _read_enterprise_csv(path, ws, pending)
        else:
            _read_enterprise_jsonl(path, ws, pending)
    # Aliases resolve once every file is read (regions may come after their users).
    ws.scope = resolve_alias(ws.regions, ws.scope)
    for c in ws.chains:
        if c.scope is not None:
            c.scope = resolve_alias(ws.regions, c.scope)
    for i in pending:
        e = ws.enterprises[i]
        e.location = resolve_alias(ws.regions, e.location)
    return ws


# --------------------------------------------------------------------------------------
# The chain graph (metrics.md "Segment graph")
# --------------------------------------------------------------------------------------

class ChainGraph:
    """networkx model of one chain: `g` is the segment DiGraph (i -> j: i supplies j; edge
    attribute `share` = s_ij), node attributes name/phi/y/own/members; `relations` are the
    supply relations in a segment of the graph between open enterprises (workspace order),
    and `supply` is the enterprise supply network they form (f -> e)."""

    def __init__(self, ws: Workspace, chain: Chain):
        self.ws, self.chain = ws, chain
        catalog, children = {}, {}
        for c in ws.chains:
            for s in c.segments:
                catalog.setdefault(s.id, s)
                if s.parent:
                    children.setdefault(s.parent, []).append(s.id)
        self.children = children
        g = nx.DiGraph()
        own = [s for s in chain.segments if s.id not in children]
        self.parents = [s for s in chain.segments if s.id in children]

        def add(s: Segment, is_own: bool):
            g.add_node(s.id, name=s.name, phi=DEFAULT_PHI if s.phi is None else s.phi,
                       own=is_own, segment=s, members=[])

        for s in own:
            add(s, True)
        for s in own:  # inputs of own leaves; a foreign segment joins as a node (its inputs stay home)
            seen = set()
            for src, share in s.inputs:
                if src in seen:
                    continue
                seen.add(src)
                if src not in g:
                    add(catalog[src], False)
                g.add_edge(src, s.id, share=share, share_given=share is not None)
            # Given shares are kept; the rest of 1 - sum(given) is split equally.
            ins = list(g.in_edges(s.id, data=True))
            given = sum(d["share"] for _, _, d in ins if d["share_given"])
            free = [d for _, _, d in ins if not d["share_given"]]
            for d in free:
                d["share"] = max(0.0, 1.0 - given) / len(free)
        for v, d in g.nodes(data=True):
            fd = d["segment"].final_demand
            d["y"] = fd if fd is not None else (1.0 if g.out_degree(v) == 0 else 0.0)
        for e in ws.enterprises:
            if e.status == "closed":
                continue
            for s in dict.fromkeys(e.segments):  # a segment named twice in a bulk row counts once
                if s in g:
                    g.nodes[s]["members"].append(e)
        for v in g:
            g.nodes[v]["members"].sort(key=lambda e: e.id)
        self.g = g
        self.order = list(g.nodes)                  # vertex order
        self.index = {v: k for k, v in enumerate(self.order)}

        by_id = {e.id: e for e in ws.enterprises}
        self.enterprises = by_id
        open_ids = {e.id for e in ws.enterprises if e.status != "closed"}
        self.relations = [rel for rel in ws.supplies
                          if rel.segment in g and rel.src in open_ids and rel.dst in open_ids]
        self.supply = nx.DiGraph()
        self.supply.add_edges_from((rel.src, rel.dst) for rel in self.relations)

    def leaves_under(self, parent: str) -> list:
        leaves, stack, seen = set(), [parent], set()
        while stack:
            s = stack.pop()
            if s in seen:
                continue
            seen.add(s)
            if s not in self.children:
                if s != parent:
                    leaves.add(s)
                continue
            stack.extend(self.children[s])
        return [v for v in self.order if v in leaves]


# --------------------------------------------------------------------------------------
# Status, importance, gaps (metrics.md "Segment status", "Importance", "Structural LSR")
# --------------------------------------------------------------------------------------

def segment_statuses(cg: ChainGraph, scope: tuple) -> dict:
    """{segment: {status, weak_flag, local (sorted ids), operating}} in vertex order."""
    ws = cg.ws
    declared_weak = {seg for c in ws.chains for seg, kind in c.gaps if kind in ("weak", "import-dependent")}
    demand = {}
    for seg, v in ws.demand:
        demand[seg] = demand.get(seg, 0.0) + v
    out = {}
    for v in cg.order:
        local = [e for e in cg.g.nodes[v]["members"] if is_local(e.location, scope)]
        operating = [e for e in local if e.status == "operating"]
        caps = [e.capacity[v] for e in operating if v in e.capacity]
        weak = v in declared_weak or (bool(caps) and v in demand and sum(caps) < demand[v])
        if not local:
            status = "missing"
        elif not operating:
            status = "planned"      # building or planned only
        elif len(operating) == 1:
            status = "single"
        else:
            status = "weak" if weak else "covered"
        out[v] = {"status": status, "weak_flag": weak, "local": sorted({e.id for e in local}),
                  "operating": len(operating)}
    return out


def technical_matrix(cg: ChainGraph) -> sp.csc_matrix:
    """A with a_ij = phi_j * s_ij (i supplies j), in vertex order."""
    n = len(cg.order)
    rows, cols, vals = [], [], []
    for i, j, d in cg.g.edges(data=True):
        rows.append(cg.index[i])
        cols.append(cg.index[j])
        vals.append(cg.g.nodes[j]["phi"] * d["share"])
    return sp.csc_matrix((vals, (rows, cols)), shape=(n, n))


def total_output(cg: ChainGraph, y: np.ndarray) -> np.ndarray:
    """x = (I - A)^-1 y by a sparse LU solve (no inverse)."""
    n = len(cg.order)
    if n == 0:
        return np.zeros(0)
    m = (sp.identity(n, format="csc") - technical_matrix(cg)).tocsc()
    x = spla.spsolve(m, y)
    return np.atleast_1d(np.asarray(x, dtype=float))


def segment_slsr(cg: ChainGraph, status: dict) -> dict:
    """SLSR_R(j) = sum_i s_ij [i present]; None for a segment without inputs."""
    out = {}
    for j in cg.order:
        ins = list(cg.g.in_edges(j, data="share"))
        out[j] = sum((s for i, _, s in ins if status[i]["status"] in PRESENT), 0.0) if ins else None
    return out


def chain_slsr(slsr: dict, x: dict) -> Optional[float]:
    num = den = 0.0
    anyone = False
    for j, s in slsr.items():
        if s is None:
            continue
        anyone = True
        num += x[j] * s
        den += x[j]
    return num / den if anyone and den > 0 else None


@dataclass
class GapAnalysis:
    scope: tuple
    status: dict
    x: dict
    importance: dict
    reach: dict
    kind: dict
    slsr: dict
    chain_slsr: Optional[float]
    empty_scope: bool
    demand_fallback: bool


def gap_kind(status: str, present_downstream: bool) -> Optional[str]:
    if status in ("missing", "planned"):
        return "fill" if present_downstream else "extend"
    if status in ("single", "weak"):
        return "strengthen"
    return None


def analyse_gaps(cg: ChainGraph, scope: tuple) -> GapAnalysis:
    g = cg.g
    status = segment_statuses(cg, scope)
    empty = all(not s["local"] for s in status.values())
    y = np.array([g.nodes[v]["y"] for v in cg.order], dtype=float)
    present = np.array([status[v]["status"] in PRESENT for v in cg.order])
    yr = np.where(present, y, 0.0)
    fallback = not np.any(yr != 0)
    x = total_output(cg, y if fallback else yr)
    top = x.max() if len(x) else 0.0
    imp = x / top if top > 0 else np.zeros_like(x)
    # Reach: segments reachable downstream (the segment itself never counts).
    reach = {v: len(nx.descendants(g, v)) for v in cg.order}
    # A present segment other than v downstream of v <=> v is an ancestor of a present segment.
    present_set = [v for v in cg.order if status[v]["status"] in PRESENT]
    upstream_of_present = set()
    for p in present_set:
        if p not in upstream_of_present:
            upstream_of_present |= nx.ancestors(g, p)
    kind = {v: gap_kind(status[v]["status"], v in upstream_of_present) for v in cg.order}
    xs = {v: float(x[k]) + 0.0 for k, v in enumerate(cg.order)}  # + 0.0: never print -0
    slsr = segment_slsr(cg, status)
    return GapAnalysis(scope=scope, status=status, x=xs,
                       importance={v: float(imp[k]) + 0.0 for k, v in enumerate(cg.order)},
                       reach=reach, kind=kind, slsr=slsr, chain_slsr=chain_slsr(slsr, xs),
                       empty_scope=empty, demand_fallback=bool(fallback))


def gaps_json(cg: ChainGraph, ga: GapAnalysis, chokepoint_segments: list) -> dict:
    rows = []
    for v in cg.order:
        st = ga.status[v]
        sev = SEVERITY[st["status"]]
        rows.append({"id": v, "name": cg.g.nodes[v]["name"], "status": st["status"], "severity": sev,
                     "importance": ga.importance[v], "gap_score": sev * ga.importance[v], "kind": ga.kind[v],
                     "reach": ga.reach[v], "local_enterprises": st["local"], "slsr": ga.slsr[v],
                     "weak_flag": st["weak_flag"], "output": ga.x[v], "import_dependent": False})
    rows.sort(key=lambda r: (-r["gap_score"], r["id"]))
    parents = []
    for p in cg.parents:
        kids = cg.leaves_under(p.id)
        worst = "missing" if not kids else min((ga.status[k]["status"] for k in kids), key=STATUS_ORDER.index)
        parents.append({"id": p.id, "status": worst, "children": kids})
    return {"chain": cg.chain.id, "scope": "/".join(ga.scope), "slsr": ga.chain_slsr,
            "empty_scope": ga.empty_scope, "demand_fallback": ga.demand_fallback, "segments": rows,
            "parents": parents, "chokepoints": chokepoint_segments}


# --------------------------------------------------------------------------------------
# Chokepoints
# --------------------------------------------------------------------------------------

ROOT = object()  # the virtual root: never a segment id


def segment_chokepoints(cg: ChainGraph) -> list:
    """Strict dominators of every terminal segment, from a virtual root feeding every source."""
    g = cg.g
    sources = [v for v in cg.order if g.in_degree(v) == 0]
    flow = nx.DiGraph()
    flow.add_node(ROOT)
    flow.add_edges_from((ROOT, s) for s in sources)
    flow.add_edges_from(g.edges)
    idom = nx.immediate_dominators(flow, ROOT)  # only nodes reachable from the root
    out = set()
    for t in cg.order:
        if g.out_degree(t) != 0 or t not in idom:
            continue
        d = idom[t]
        while d is not ROOT:
            out.add(d)
            d = idom[d]
    return sorted(out)


def enterprise_chokepoints(cg: ChainGraph) -> tuple:
    u = nx.Graph()
    u.add_edges_from((a, b) for a, b in cg.supply.edges() if a != b)  # parallel/reverse: one edge
    articulation = sorted(nx.articulation_points(u))
    suppliers = {}
    for rel in cg.relations:
        suppliers.setdefault((rel.dst, rel.segment), set()).add(rel.src)
    single = [{"enterprise": e, "segment": s, "supplier": next(iter(fs))}
              for (e, s), fs in sorted(suppliers.items()) if len(fs) == 1]
    return articulation, single


def chokepoints_json(cg: ChainGraph) -> dict:
    articulation, single = enterprise_chokepoints(cg)
    return {"chain": cg.chain.id, "segments": segment_chokepoints(cg), "enterprises": articulation,
            "single_sources": single}


# --------------------------------------------------------------------------------------
# Local supply ratio (metrics.md "Local supply ratio")
# --------------------------------------------------------------------------------------

def supply_json(cg: ChainGraph, scope: tuple, verified_only: bool = False) -> dict:
    g, s = cg.g, cg.supply
    local = {e.id for e in cg.ws.enterprises if is_local(e.location, scope)}
    # Reported: the local members of the graph's segments, and every customer.
    local_operating, reported = {}, {}   # local_operating: segment -> ids, sorted (members are)
    for v in cg.order:
        for e in g.nodes[v]["members"]:
            if e.id in local:
                reported.setdefault(e.id, e)
                if e.status == "operating":
                    local_operating.setdefault(v, []).append(e.id)
    for v in s:
        if s.in_degree(v) > 0:
            reported.setdefault(v, cg.enterprises[v])
    incoming = {}  # relations by customer, in workspace order
    for rel in cg.relations:
        incoming.setdefault(rel.dst, []).append(rel)

    rows, matchmaking = [], []
    for eid in sorted(reported):
        e = reported[eid]
        n = n_local = n_potential = 0
        value = local_value = potential_value = 0.0
        every_value, inferred = True, False
        for rel in incoming.get(eid, []):
            if verified_only and rel.inferred:
                continue
            is_loc = rel.src in local
            alternatives = []  # local operating firms other than the customer that could supply it
            if not is_loc:
                alternatives = local_operating.get(rel.segment, [])
                if eid in alternatives:
                    alternatives = [a for a in alternatives if a != eid]
            potential = is_loc or bool(alternatives)
            n += 1
            n_local += is_loc
            n_potential += potential
            inferred |= rel.inferred
            if rel.value is not None:
                value += rel.value
                local_value += rel.value if is_loc else 0.0
                potential_value += rel.value if potential else 0.0
            else:
                every_value = False
            if alternatives:
                # chainlens names the first SHOWN_ALTERNATIVES (by id) and counts them all.
                matchmaking.append({"customer": eid, "segment": rel.segment, "supplier": rel.src,
                                    "value": rel.value, "local_alternatives": alternatives[:SHOWN_ALTERNATIVES],
                                    "local_alternatives_total": len(alternatives), "inferred": rel.inferred})
        by_value = by_count = pot_value = pot_count = None
        if n > 0:
            by_count, pot_count = n_local / n, n_potential / n
            if every_value and value > 0:  # a zero total is no data, like a missing value
                by_value, pot_value = local_value / value, potential_value / value
        rows.append({"id": eid, "name": e.name, "local": eid in local, "relations": n,
                     "lsr_value": by_value, "lsr_count": by_count, "potential_value": pot_value,
                     "potential_count": pot_count, "inferred": inferred, "declared": e.declared})
    matchmaking.sort(key=lambda m: (m["customer"], m["segment"], m["supplier"]))

    ga = analyse_gaps(cg, scope)
    demand = {}
    for seg, v in cg.ws.demand:
        demand[seg] = demand.get(seg, 0.0) + v
    leakage = []
    for v in cg.order:
        if v in demand:
            sl = ga.slsr[v]
            leakage.append({"segment": v, "demand": demand[v], "slsr": sl,
                            "leakage": None if sl is None else demand[v] * (1 - sl)})
    return {"chain": cg.chain.id, "scope": "/".join(scope), "slsr": ga.chain_slsr, "enterprises": rows,
            "matchmaking": matchmaking, "leakage": leakage}


# --------------------------------------------------------------------------------------
# Candidate score and targets (metrics.md "Candidate score")
# --------------------------------------------------------------------------------------

@dataclass
class ScoringModel:
    scope: tuple
    weights: dict
    gap_score: dict
    kind: dict
    covered: set
    neighbours: dict          # |N(s)|
    present_neighbours: dict
    linked: set
    listed: set


def prepare_scoring(cg: ChainGraph, ga: GapAnalysis, weights: dict) -> ScoringModel:
    g = cg.g
    present = {v for v in cg.order if ga.status[v]["status"] in PRESENT}
    gap_score = {v: SEVERITY[ga.status[v]["status"]] * ga.importance[v] for v in cg.order}
    undirected = g.to_undirected(as_view=True)
    neighbours, present_neighbours = {}, {}
    for v in cg.order:
        nb = set(undirected.neighbors(v)) - {v}
        neighbours[v] = len(nb)
        present_neighbours[v] = sum(1 for n in nb if n in present)
    local_open = {e.id for e in cg.ws.enterprises if e.status != "closed" and is_local(e.location, ga.scope)}
    linked = set()
    for rel in cg.ws.supplies:   # 以商招商: any relation, any segment, with a local open enterprise
        if rel.dst in local_open:
            linked.add(rel.src)
        if rel.src in local_open:
            linked.add(rel.dst)
    listed = {eid for lst in cg.chain.target_lists for eid in lst}
    return ScoringModel(scope=ga.scope, weights=weights, gap_score=gap_score, kind=ga.kind,
                        covered={v for v in cg.order if ga.status[v]["status"] == "covered"},
                        neighbours=neighbours, present_neighbours=present_neighbours, linked=linked,
                        listed=listed)


def score_candidate(m: ScoringModel, c: Enterprise) -> dict:
    segs = sorted({s for s in c.segments if s in m.gap_score})
    r = {"id": c.id, "name": c.name, "score": 0.0, "segment": "", "kind": None,
         "factors": {"gap": 0.0, "strength": 0.0, "link": 0.0, "related": 0.0, "listed": 0.0},
         "segments": segs, "on_target_list": c.id in m.listed, "revenue_unknown": c.revenue is None}
    if not segs or is_local(c.location, m.scope):
        return r
    best = max(segs, key=lambda s: (m.gap_score[s], _Reverse(s)))  # argmax, ties by smallest id
    w = m.weights
    f = r["factors"]
    f["gap"] = m.gap_score[best]
    if c.revenue is not None and c.revenue > 0 and w["revenue_ref"] > 0:
        f["strength"] = min(1.0, math.log1p(c.revenue) / math.log1p(w["revenue_ref"]))
    f["link"] = 1.0 if c.id in m.linked else 0.0
    total = sum(m.neighbours[s] for s in segs)
    f["related"] = sum(m.present_neighbours[s] for s in segs) / total if total else 0.0
    f["listed"] = 1.0 if r["on_target_list"] else 0.0
    r["segment"], r["kind"] = best, m.kind[best]
    r["score"] = 100 * (w["gap"] * f["gap"] + w["strength"] * f["strength"] + w["link"] * f["link"] +
                        w["related"] * f["related"] + w["listed"] * f["listed"])
    return r


class _Reverse(str):
    """Orders strings backwards, so max() prefers the smallest id among equal keys."""

    def __lt__(self, other):
        return str.__gt__(self, other)

    def __gt__(self, other):
        return str.__lt__(self, other)


def workspace_candidates(cg: ChainGraph, scope: tuple) -> list:
    """Open enterprises outside the scope in a segment of the chain graph or on its target lists."""
    listed = {eid for lst in cg.chain.target_lists for eid in lst}
    return [e for e in cg.ws.enterprises
            if e.status != "closed" and not is_local(e.location, scope)
            and (any(s in cg.g for s in e.segments) or e.id in listed)]


def portfolio(cg: ChainGraph, m: ScoringModel, targets: list, candidates: list, k: int) -> dict:
    """Greedy: the candidate closing the largest sum of gap_score over not-yet-closed
    segments; ties by score then id (the targets' order), then the what-if SLSR."""
    closed, used, picked = set(), set(), []
    for _ in range(k):
        best, best_gain, best_closes = None, 0.0, []
        for t in targets:
            if t["id"] in used:
                continue
            closes = [s for s in t["segments"] if s not in m.covered and s not in closed]
            gain = 0.0
            for s in closes:
                gain += m.gap_score[s]
            if closes and (best is None or gain > best_gain):
                best, best_gain, best_closes = t, gain, closes
        if best is None:
            break
        used.add(best["id"])
        picked.append(best["id"])
        closed.update(best_closes)
    # What-if: the picked candidates become local operating enterprises.
    by_id = {c.id: c for c in candidates}
    joined = [by_id[p] for p in picked if p in by_id]
    ws2 = replace(cg.ws, enterprises=list(cg.ws.enterprises))
    for c in joined:
        idx = next((k for k, e in enumerate(ws2.enterprises) if e.id == c.id), None)
        base = ws2.enterprises[idx] if idx is not None else Enterprise(id=c.id, name=c.name, location=(), segments=[])
        segs = list(base.segments) + [s for s in c.segments if s in cg.g and s not in base.segments]
        new = replace(base, location=m.scope, status="operating", segments=segs)
        if idx is None:
            ws2.enterprises.append(new)
        else:
            ws2.enterprises[idx] = new
    after = ChainGraph(ws2, cg.chain)
    return {"k": k, "picked": picked, "closed": sorted(closed),
            "slsr_before": analyse_gaps(cg, m.scope).chain_slsr,
            "slsr_after": analyse_gaps(after, m.scope).chain_slsr}


def targets_json(cg: ChainGraph, scope: tuple, weights: dict, k: int = 0, ga: GapAnalysis = None) -> dict:
    ga = ga or analyse_gaps(cg, scope)
    model = prepare_scoring(cg, ga, weights)
    candidates = workspace_candidates(cg, scope)
    targets, unmatched, seen = [], [], set()
    for c in candidates:
        if c.id in seen:
            continue
        seen.add(c.id)
        r = score_candidate(model, c)
        (targets if r["segments"] else unmatched).append(r)
    targets.sort(key=lambda r: (-r["score"], r["id"]))
    out = {"chain": cg.chain.id, "scope": "/".join(scope),
           "weights": {k2: float(weights[k2]) for k2 in ("gap", "strength", "link", "related", "listed",
                                                         "revenue_ref")},
           "targets": targets, "unmatched": sorted(r["id"] for r in unmatched)}
    if k > 0:
        out["portfolio"] = portfolio(cg, model, targets, candidates, k)
    return out


def parse_weights(text: str, base: dict) -> dict:
    w = dict(base)
    for item in filter(None, (text or "").split(",")):
        name, _, value = item.partition("=")
        if name not in w:
            raise SystemExit(f"error: unknown weight '{name}'")
        w[name] = float(value)
    return w


# --------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------

def score_pool(cg: ChainGraph, scope: tuple, weights: dict, path: str, out) -> int:
    """Scores a bulk candidate CSV the way an analyst would: pandas reads it in chunks, each row
    becomes an Enterprise and goes through score_candidate, pandas writes the result. Returns rows."""
    ga = analyse_gaps(cg, scope)
    m = prepare_scoring(cg, ga, weights)
    regions = cg.ws.regions
    rows = 0
    header = True
    for chunk in pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=200_000):
        results = []
        for row in chunk.to_dict("records"):
            rows += 1
            e = _enterprise_from_row(row)
            e.location = resolve_alias(regions, e.location)
            r = score_candidate(m, e)
            results.append((rows + 1, r["id"], r["name"], round(r["score"], 2), r["segment"], r["kind"] or "",
                            r["factors"]["gap"], r["factors"]["strength"], r["factors"]["link"],
                            r["factors"]["related"], r["factors"]["listed"]))
        pd.DataFrame(results, columns=["line", "id", "name", "score", "segment", "kind", "gap", "strength", "link",
                                       "related", "listed"]).to_csv(out, header=header, index=False)
        header = False
    return rows


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="Python peer of chainlens (JSON output, English labels)")
    p.add_argument("command", choices=["gaps", "chokepoints", "supply", "targets", "all", "chains", "score"])
    p.add_argument("workspace")
    p.add_argument("--chain", help="chain id (every command but `chains`, which lists them)")
    p.add_argument("--scope", default="")
    p.add_argument("--portfolio", type=int, default=0, help="targets: also pick K candidates")
    p.add_argument("--weights", default="", help="targets: e.g. gap=0.5,strength=0.2")
    p.add_argument("--verified-only", action="store_true", help="supply: leave inferred relations out")
    p.add_argument("--pretty", action="store_true", help="indent the JSON (slower on large outputs)")
    p.add_argument("--candidates", default="", help="score: the bulk candidate CSV")
    p.add_argument("-o", "--output", default="")
    a = p.parse_args(argv)

    ws = load_workspace(a.workspace)
    if a.command == "chains":
        print(json.dumps([c.id for c in ws.chains], ensure_ascii=False))
        return 0
    if not a.chain:
        p.error("--chain is required")
    chain = ws.chain(a.chain)
    cg = ChainGraph(ws, chain)
    scope = resolve_alias(ws.regions, parse_path(a.scope)) if a.scope else ws.chain_scope(chain)
    weights = parse_weights(a.weights, ws.weights)

    if a.command == "score":
        if not a.candidates:
            p.error("score needs --candidates FILE.csv")
        with (open(a.output, "w", encoding="utf-8", newline="") if a.output and a.output != "-" else sys.stdout) as f:
            score_pool(cg, scope, weights, a.candidates, f)
        return 0
    if a.command == "gaps":
        out = gaps_json(cg, analyse_gaps(cg, scope), segment_chokepoints(cg))
    elif a.command == "chokepoints":
        out = chokepoints_json(cg)
    elif a.command == "supply":
        out = supply_json(cg, scope, a.verified_only)
    elif a.command == "targets":
        out = targets_json(cg, scope, weights, a.portfolio)
    else:
        ga = analyse_gaps(cg, scope)
        choke = chokepoints_json(cg)
        out = {"gaps": gaps_json(cg, ga, choke["segments"]), "chokepoints": choke,
               "supply": supply_json(cg, scope, a.verified_only),
               "targets": targets_json(cg, scope, weights, a.portfolio, ga)}
    text = json.dumps(out, ensure_ascii=False, indent=2 if a.pretty else None) + "\n"
    if a.output and a.output != "-":
        with open(a.output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
