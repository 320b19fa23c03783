#!/usr/bin/python3
"""bench/peer/chainlens_peer.py: an independent Python implementation of chainlens's
analyses, written from docs/metrics.md and docs/workspace-format.md (version 2: the workspace-wide
Leontief model, segment types, enterprise kinds and groups, the four importance factors, per-pair
candidate scores, nearby exclusion and the per-pair portfolio), for two uses:

* a correctness check: the same workspace must give the same JSON as
  `chainlens --full-precision CMD WORKSPACE --chain ID --format json --lang en`
  (numbers to 1e-9, lists in the same order; see bench/peer/compare.py);
* a baseline for benchmarks: what a competent analyst would write with networkx,
  scipy.sparse and pandas.

    chainlens_peer.py gaps        WORKSPACE --chain ID [--scope PATH] [--importance value=0.4,...] [--all-scopes]
    chainlens_peer.py gaps        WORKSPACE --workspace [--scope PATH]      -> the workspace view (every chain's y)
    chainlens_peer.py chokepoints WORKSPACE --chain ID
    chainlens_peer.py supply      WORKSPACE --chain ID [--scope PATH] [--verified-only]
    chainlens_peer.py targets     WORKSPACE --chain ID [--scope PATH] [--portfolio K] [--weights gap=0.5,...]
                                  [--importance value=0.4,...] [--include-nearby] [--by-gap N]
    chainlens_peer.py whatif      WORKSPACE --chain ID [--scope PATH] [--add ID ...] [--remove ID ...]
    chainlens_peer.py score       WORKSPACE --chain ID --candidates POOL [--format csv|jsonl] [--include-nearby]
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
import csv
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
DEFAULT_PHI = 0.6           # v2
SHOWN_ALTERNATIVES = 5   # local alternatives named per matchmaking row (chainlens's kShownAlternatives)
DEFAULT_WEIGHTS = {"gap": 0.40, "fit": 0.10, "strength": 0.15, "link": 0.15, "related": 0.10, "listed": 0.10,
                   "revenue_ref": 10000.0, "unknown_strength": 0.3}
SCORE_FACTORS = ("gap", "fit", "strength", "link", "related", "listed")
DEFAULT_IMPORTANCE = {"value": 0.35, "dependence": 0.25, "plan": 0.25, "import": 0.15}
IMPORTANCE_FACTORS = ("value", "dependence", "plan", "import")
SEGMENT_TYPES = ("material", "component", "equipment", "product", "service", "rnd")
COUNTED_KINDS = ("firm", "project")   # institute: only in rnd segments; park: never


@dataclass
class Segment:
    id: str
    name: str
    parent: str = ""
    phi: Optional[float] = None           # input_intensity as written
    final_demand: Optional[float] = None
    type: str = ""                        # declared type, "" when untyped
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
    kind: str = "firm"                    # firm | project | park | institute
    group: str = ""                       # the parent or group (an enterprise id)
    listed: bool = False


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
    importance: dict = field(default_factory=lambda: dict(DEFAULT_IMPORTANCE))
    regions: list = field(default_factory=list)   # [(path parts, [aliases])]
    chains: list = field(default_factory=list)
    enterprises: list = field(default_factory=list)
    supplies: list = field(default_factory=list)
    demand: list = field(default_factory=list)    # [(segment, value)]
    includes: list = field(default_factory=list)  # [(path as written, file that names it)]
    uses: list = field(default_factory=list)      # `use: ID` entries: dicts, in reading order

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


def _bool(v) -> bool:
    return str(v).strip().lower() in ("true", "yes", "1") if v is not None else False


def _read_yaml(path: str, ws: Workspace, pending_locations: list) -> None:
    with open(path, "rb") as f:
        doc = yaml.load(f, Loader=_StringLoader)
    if not doc:
        return
    w = doc.get("workspace")
    if w:
        ws.scope = parse_path(w.get("scope"))
        for inc in w.get("include") or []:
            ws.includes.append((str(inc), path))
        for k, v in (w.get("scoring") or {}).items():
            if v is not None:
                ws.weights[k] = float(v)
        for k, v in (w.get("importance") or {}).items():
            if v is not None:
                ws.importance[k] = float(v)
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
                                          final_demand=_num(s.get("final_demand")), type=_text(s.get("type")),
                                          inputs=inputs))
        chain.gaps = [(str(g["segment"]), str(g["kind"])) for g in c.get("gaps") or []]
        chain.target_lists = [[str(e) for e in (t.get("enterprises") or [])] for t in c.get("target_lists") or []]
        ws.chains.append(chain)
    for e in doc.get("enterprises") or []:
        if "use" in e:   # a registry enterprise operating here: merged once every file is read
            ws.uses.append(e)
            continue
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
                         declared=declared, inferred_segments=frozenset(inferred),
                         kind=_text(e.get("kind")) or "firm", group=_text(e.get("group")),
                         listed=_bool(e.get("listed")))
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
                      segments=[s for s in seg_list if s], status=txt("status") or "operating", revenue=rev,
                      kind=txt("kind") or "firm", group=txt("group"), listed=_bool(row.get("listed")))


def _read_enterprise_csv(path: str, ws: Workspace, pending_locations: list) -> None:
    columns = ["id", "name", "location", "segments", "role", "status", "revenue", "kind", "group", "revenue_year",
               "listed"]
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
    files = _workspace_files(root)
    seen = {os.path.realpath(f) for f in files}
    k = 0
    while True:
        while k < len(files):
            _read_file(files[k], ws, pending)
            k += 1
        if not ws.includes:
            break
        # `include:` (a shared registry): folders or files, relative to the file naming them, each read once.
        for inc, named_in in ws.includes:
            target = os.path.normpath(os.path.join(os.path.dirname(named_in), inc))
            for f in _workspace_files(target):
                if os.path.realpath(f) not in seen:
                    seen.add(os.path.realpath(f))
                    files.append(f)
        ws.includes = []
    _merge_uses(ws)
    # Aliases resolve once every file is read (regions may come after their users).
    ws.scope = resolve_alias(ws.regions, ws.scope)
    for c in ws.chains:
        if c.scope is not None:
            c.scope = resolve_alias(ws.regions, c.scope)
    for i in pending:
        e = ws.enterprises[i]
        e.location = resolve_alias(ws.regions, e.location)
    return ws


def _merge_uses(ws: Workspace) -> None:
    """Each `use: ID` entry adds its segments to the enterprise ID, and its status, capacity and
    declared figures."""
    by_id = {}
    for k, e in enumerate(ws.enterprises):
        by_id.setdefault(e.id, k)
    for u in ws.uses:
        k = by_id.get(str(u["use"]))
        if k is None:
            continue
        e = ws.enterprises[k]
        segs, inferred = list(e.segments), set(e.inferred_segments)
        for s in u.get("segments") or []:
            sid = str(s["id"]) if isinstance(s, dict) else str(s)
            if sid in segs:
                continue
            segs.append(sid)
            if isinstance(s, dict) and s.get("confidence") == "inferred":
                inferred.add(sid)
        cap = dict(e.capacity)
        cap.update({str(a): float(b) for a, b in (u.get("capacity") or {}).items()})
        declared = list(e.declared)
        for d in u.get("declared") or []:
            if d.get("metric") == "local_supply_ratio":
                src = d.get("source") or {}
                declared.append({"value": float(d["value"]),
                                 "bound": "" if _text(d.get("bound"), "exact") == "exact" else str(d["bound"]),
                                 "source": _text(src.get("id")), "quote": _text(src.get("quote"))})
        ws.enterprises[k] = replace(e, segments=segs, inferred_segments=frozenset(inferred), capacity=cap,
                                    declared=declared, status=_text(u.get("status")) or e.status)


def _read_file(path: str, ws: Workspace, pending: list) -> None:
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


# --------------------------------------------------------------------------------------
# The workspace graph and the chain graph (metrics.md "Segment graph", v2)
# --------------------------------------------------------------------------------------

class WorkspaceModel:
    """v2: one graph over every leaf segment of every chain (edges from each leaf's inputs, shares
    resolved), the segment types, and one sparse LU of I - A for every x_C = L · y_C."""

    def __init__(self, ws: Workspace):
        catalog, children, owner = {}, {}, {}
        for c in ws.chains:
            for s in c.segments:
                catalog.setdefault(s.id, s)
                owner.setdefault(s.id, c.id)
                if s.parent:
                    children.setdefault(s.parent, []).append(s.id)
        self.catalog, self.children, self.owner = catalog, children, owner
        w = nx.DiGraph()
        leaves = []
        for c in ws.chains:
            for s in c.segments:
                if s.id not in children and s.id not in w:
                    w.add_node(s.id)
                    leaves.append(s)
        for s in leaves:
            seen = set()
            for src, share in s.inputs:
                if src in seen or src not in catalog:
                    continue
                seen.add(src)
                if src not in w:
                    w.add_node(src)
                w.add_edge(src, s.id, share=share, share_given=share is not None)
            # Given shares are kept; the rest of 1 - sum(given) is split equally.
            ins = list(w.in_edges(s.id, data=True))
            given = sum(d["share"] for _, _, d in ins if d["share_given"])
            free = [d for _, _, d in ins if not d["share_given"]]
            for d in free:
                d["share"] = max(0.0, 1.0 - given) / len(free)
        self.w = w
        self.order = list(w.nodes)
        self.index = {v: k for k, v in enumerate(self.order)}
        self.phi = {v: (DEFAULT_PHI if catalog[v].phi is None else catalog[v].phi) for v in self.order}
        # Types: declared, else (untyped) product when no outgoing edge goes to a non-service segment.
        declared = {v: catalog[v].type for v in self.order}
        self.type = {}
        for v in self.order:
            if declared[v]:
                self.type[v] = declared[v]
            else:
                to_goods = any(declared[j] != "service" for j in w.successors(v))
                self.type[v] = "component" if to_goods else "product"
        n = len(self.order)
        rows, cols, vals = [], [], []
        for i, j, d in w.edges(data=True):
            rows.append(self.index[i])
            cols.append(self.index[j])
            vals.append(self.phi[j] * d["share"])
        a = sp.csc_matrix((vals, (rows, cols)), shape=(n, n))
        self.lu = spla.splu((sp.identity(n, format="csc") - a).tocsc()) if n else None
        self._desc = {}

    def solve(self, y: np.ndarray) -> np.ndarray:
        """x = (I - A)^-1 y by the sparse LU (no inverse)."""
        if self.lu is None:
            return np.zeros(0)
        return np.atleast_1d(np.asarray(self.lu.solve(y), dtype=float))

    def downstream(self, v: str) -> set:
        d = self._desc.get(v)
        if d is None:
            d = self._desc[v] = nx.descendants(self.w, v)
        return d

    def leaves_under(self, parent: str) -> set:
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
        return leaves

    def named(self, seg: str) -> set:
        """The leaves a declared gap names: the segment itself, or every leaf under a parent."""
        return self.leaves_under(seg) if seg in self.children else {seg}


def tie(v: float) -> float:
    """A ranking key: figures equal to 1e-10 are a tie (then the id decides, metrics.md), so that the
    last bits of a sum's rounding never order two mathematically equal figures."""
    return round(v, 10)


def counts_in(e: Enterprise, seg_type: str) -> bool:
    """v2 kinds: firm and project count; institute only in rnd segments; park never."""
    return e.kind in COUNTED_KINDS or (e.kind == "institute" and seg_type == "rnd")


_MODELS = {}


def workspace_model(ws: Workspace) -> WorkspaceModel:
    """One model per workspace's chains (a what-if changes enterprises only, so it shares it)."""
    key = id(ws.chains)
    m = _MODELS.get(key)
    if m is None or m[0] is not ws.chains:
        m = _MODELS[key] = (ws.chains, WorkspaceModel(ws))
    return m[1]


class ChainGraph:
    """networkx model of one chain: `g` is the chain's segment DiGraph (its own leaves and the
    segments they name as inputs; i -> j: i supplies j; edge attribute `share` = s_ij), node
    attributes name/phi/own/members; `model` is the workspace graph; `members_all` the open
    enterprises of every workspace segment; `relations` are the supply relations in a segment of
    the graph between open enterprises (workspace order), and `supply` is the enterprise supply
    network they form (f -> e)."""

    def __init__(self, ws: Workspace, chain: Chain):
        self.ws, self.chain = ws, chain
        m = self.model = workspace_model(ws)
        catalog, children = m.catalog, m.children
        self.children = children
        g = nx.DiGraph()
        own = [s for s in chain.segments if s.id not in children]
        self.parents = [s for s in chain.segments if s.id in children]

        def add(s: Segment, is_own: bool):
            g.add_node(s.id, name=s.name, phi=m.phi[s.id], own=is_own, segment=s, members=[])

        for s in own:
            add(s, True)
        for s in own:  # inputs of own leaves; a foreign segment joins as a node (its inputs stay home)
            for src, _, d in m.w.in_edges(s.id, data=True):
                if src not in g:
                    add(catalog[src], False)
                g.add_edge(src, s.id, share=d["share"], share_given=d["share_given"])
        members_all = {v: [] for v in m.order}
        for e in ws.enterprises:
            if e.status == "closed":
                continue
            for s in dict.fromkeys(e.segments):  # a segment named twice in a bulk row counts once
                if s in members_all:
                    members_all[s].append(e)
        for v in members_all:
            members_all[v].sort(key=lambda e: e.id)
        self.members_all = members_all
        for v in g:
            g.nodes[v]["members"] = members_all[v]
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
        # Declared gaps of every chain, a parent naming each leaf under it: {leaf: {kinds}}.
        self.declared = {}
        for c in ws.chains:
            for seg, kind in c.gaps:
                for leaf in m.named(seg):
                    self.declared.setdefault(leaf, set()).add(kind)
        self._importance = {}

    def leaves_under(self, parent: str) -> list:
        leaves = self.model.leaves_under(parent)
        return [v for v in self.order if v in leaves]


# --------------------------------------------------------------------------------------
# Status, importance, gaps (metrics.md "Segment status", "Importance", "Structural LSR")
# --------------------------------------------------------------------------------------

def segment_statuses(cg: ChainGraph, scope: tuple) -> dict:
    """{segment: {status, weak_flag, local (sorted ids), carriers, operating}} for every segment of
    the workspace graph (a gap kind looks downstream beyond the chain)."""
    ws, m = cg.ws, cg.model
    demand = {}
    for seg, v in ws.demand:
        demand[seg] = demand.get(seg, 0.0) + v
    out = {}
    for v in m.order:
        t = m.type[v]
        here = [e for e in cg.members_all[v] if is_local(e.location, scope)]
        local = [e for e in here if counts_in(e, t)]
        carriers = [e for e in here if not counts_in(e, t)]
        operating = [e for e in local if e.status == "operating"]
        caps = [e.capacity[v] for e in operating if v in e.capacity]
        weak = v in cg.declared or (bool(caps) and v in demand and sum(caps) < demand[v])
        if not local:
            status = "missing"
        elif not operating:
            status = "planned"      # building or planned only
        elif len(operating) == 1:
            status = "single"
        else:
            status = "weak" if weak else "covered"
        out[v] = {"status": status, "weak_flag": weak, "local": sorted({e.id for e in local}),
                  "carriers": sorted({e.id for e in carriers}), "operating": len(operating)}
    return out


def chain_demand(cg: ChainGraph) -> tuple:
    """y_C over the workspace graph's order, and whether the fallback (no product, no declared
    final demand: equal y on the own segments without outgoing edges that are not services) was used."""
    m = cg.model
    if getattr(cg, "y_override", None) is not None:
        return cg.y_override, False
    own = [v for v in cg.order if cg.g.nodes[v]["own"]]
    y = np.zeros(len(m.order))
    weight = {}
    for v in own:
        fd = m.catalog[v].final_demand
        if fd is not None:
            weight[v] = fd
        elif m.type[v] == "product":
            weight[v] = 1.0
    total = sum(weight.values())
    if total > 0:   # y_C sums to 1; declared weights that sum to 0 cannot, so they fall back too
        for v, wv in weight.items():
            y[m.index[v]] += wv / total
        return y, False
    ends = [v for v in own if m.w.out_degree(v) == 0 and m.type[v] != "service"]
    for v in ends:
        y[m.index[v]] = 1.0 / len(ends)
    return y, True


@dataclass
class Importance:
    y: np.ndarray
    fallback: bool
    x: dict
    factors: dict        # {segment: {value, dependence, plan, import}}
    importance: dict


def chain_importance(cg: ChainGraph, scope: tuple, iw: dict) -> Importance:
    root = scope[:1]
    key = (root, tuple(sorted(iw.items())))
    if key in cg._importance:
        return cg._importance[key]
    m, ws = cg.model, cg.ws
    y, fallback = chain_demand(cg)
    xw = m.solve(y)
    x = {v: float(xw[m.index[v]]) + 0.0 for v in cg.order}   # + 0.0: never print -0
    top = max(x.values()) if x else 0.0
    listed = {eid for lst in cg.chain.target_lists for eid in lst}
    plan_half = set()
    domestic = set()   # segments with an operating enterprise that counts, under the root of R
    for e in ws.enterprises:
        if e.status == "closed":
            continue
        if e.id in listed:
            plan_half.update(s for s in e.segments if s in m.index)
        if e.status == "operating" and is_local(e.location, root):
            domestic.update(s for s in e.segments if s in m.index and counts_in(e, m.type[s]))
    wsum = sum(iw[k] for k in IMPORTANCE_FACTORS)
    factors, imp = {}, {}
    for v in cg.order:
        kinds = cg.declared.get(v, set())
        f = {"value": x[v] / top if top > 0 else 0.0,
             "dependence": float(sum(y[m.index[j]] for j in m.downstream(v) | {v})),
             "plan": 1.0 if kinds else (0.5 if v in plan_half else 0.0),
             "import": 1.0 if ((m.type[v] != "service" and v not in domestic)
                               or kinds & {"technology", "import-dependent"}) else 0.0}
        factors[v] = f
        imp[v] = sum(iw[k] * f[k] for k in IMPORTANCE_FACTORS) / wsum if wsum > 0 else 0.0
    r = cg._importance[key] = Importance(y=y, fallback=fallback, x=x, factors=factors, importance=imp)
    return r


def segment_slsr(cg: ChainGraph, status: dict) -> dict:
    """SLSR_R(j) = sum_i s_ij [i present]; None for a segment without inputs."""
    out = {}
    for j in cg.order:
        ins = list(cg.g.in_edges(j, data="share"))
        out[j] = sum((s for i, _, s in ins if status[i]["status"] in PRESENT), 0.0) if ins else None
    return out


def chain_slsr(cg: ChainGraph, slsr: dict, x: dict) -> Optional[float]:
    """Over C's own segments with inputs, weighted by x_C; None when the weights sum to 0."""
    num = den = 0.0
    for j, s in slsr.items():
        if s is None or not cg.g.nodes[j]["own"]:
            continue
        num += x[j] * s
        den += x[j]
    return num / den if den > 0 else None


@dataclass
class GapAnalysis:
    scope: tuple
    status: dict
    x: dict
    importance: dict
    factors: dict
    weights: dict
    reach: dict
    kind: dict
    slsr: dict
    chain_slsr: Optional[float]
    empty_scope: bool
    demand_fallback: bool


def gap_kind(seg_type: str, status: str, present_downstream: bool) -> Optional[str]:
    if status == "covered":
        return None
    if seg_type in ("service", "rnd"):
        return "extend"
    if status in ("missing", "planned"):
        return "fill" if present_downstream else "extend"
    return "strengthen"


def analyse_gaps(cg: ChainGraph, scope: tuple, iw: dict = None) -> GapAnalysis:
    g, m = cg.g, cg.model
    iw = iw or cg.ws.importance
    status = segment_statuses(cg, scope)
    empty = all(not status[v]["local"] for v in cg.order)
    im = chain_importance(cg, scope, iw)
    # Reach: segments reachable downstream in the chain's graph (the segment itself never counts).
    reach = {v: len(nx.descendants(g, v)) for v in cg.order}
    # A present segment downstream of v in the workspace graph <=> v is an ancestor of one.
    upstream_of_present = set()
    for p in m.order:
        if status[p]["status"] in PRESENT and p not in upstream_of_present:
            upstream_of_present |= nx.ancestors(m.w, p)
    kind = {v: gap_kind(m.type[v], status[v]["status"], v in upstream_of_present) for v in cg.order}
    slsr = segment_slsr(cg, status)
    return GapAnalysis(scope=scope, status=status, x=im.x, importance=im.importance, factors=im.factors,
                       weights={k: float(iw[k]) for k in IMPORTANCE_FACTORS},
                       reach=reach, kind=kind, slsr=slsr, chain_slsr=chain_slsr(cg, slsr, im.x),
                       empty_scope=empty, demand_fallback=bool(im.fallback))


def gap_reason(seg_type: str, f: dict, kinds: set) -> str:
    """The row's short reason (English labels), from its factors and the declared gaps naming it."""
    parts = []
    if kinds:
        parts.append("named by the plan")
    elif f["plan"] > 0:
        parts.append("a target-list firm's segment")
    if f["dependence"] >= 1 - 1e-9:
        parts.append("every product depends on it")
    elif f["dependence"] > 0:
        parts.append(f"{f['dependence'] * 100:.0f}% of products depend on it")
    parts.append(f"value {f['value']:.2f}")
    if f["import"] > 0:
        parts.append("import or technology gap" if kinds & {"technology", "import-dependent"}
                     else "no supplier in the country")
    if seg_type == "service":
        parts.append("a service")
    elif seg_type == "rnd":
        parts.append("R&D")
    return " · ".join(parts)


def all_scopes_json(cg: ChainGraph, scope: tuple, iw: dict) -> dict:
    """metrics.md "Regions and scope": the analysis at each prefix of the scope, narrowest first, down
    to the country; a segment missing at the country scope is import-dependent."""
    choke = segment_chokepoints(cg)
    prefixes = [scope[:k] for k in range(len(scope), 0, -1)]
    analyses = [analyse_gaps(cg, s, iw) for s in prefixes]
    dependent = [v for v in cg.order if analyses and analyses[-1].status[v]["status"] == "missing"]
    scopes = []
    for ga in analyses:
        j = gaps_json(cg, ga, choke)
        for r in j["segments"]:
            r["import_dependent"] = r["id"] in dependent
        scopes.append(j)
    return {"chain": cg.chain.id, "scopes": scopes, "import_dependent": dependent}   # in segment order


def workspace_view(ws: Workspace) -> ChainGraph:
    """`gaps --workspace`: every leaf of every chain as one graph, with y = the sum of every chain's
    y_C, divided by the number of chains (so that D stays in [0, 1] as chainlens does; metrics.md says
    only "y = sum_C y_C"), and the target lists of every chain."""
    m = workspace_model(ws)
    leaves = [m.catalog[v] for v in m.order if v not in m.children]
    view = Chain(id="", name="", segments=leaves, target_lists=[lst for c in ws.chains for lst in c.target_lists])
    ys = [chain_demand(ChainGraph(ws, c))[0] for c in ws.chains]
    cg = ChainGraph(ws, view)
    cg.y_override = sum(ys) / len(ys) if ys else np.zeros(len(m.order))
    return cg


def gaps_json(cg: ChainGraph, ga: GapAnalysis, chokepoint_segments: list) -> dict:
    rows = []
    m = cg.model
    for v in cg.order:
        st = ga.status[v]
        sev = SEVERITY[st["status"]]
        kinds = cg.declared.get(v, set())
        rows.append({"id": v, "name": cg.g.nodes[v]["name"], "chain": m.owner[v], "type": m.type[v],
                     "status": st["status"], "severity": sev, "importance": ga.importance[v],
                     "factors": ga.factors[v], "gap_score": sev * ga.importance[v], "kind": ga.kind[v],
                     "reach": ga.reach[v], "local_enterprises": st["local"], "carriers": st["carriers"],
                     "slsr": ga.slsr[v], "weak_flag": st["weak_flag"], "output": ga.x[v],
                     "import_dependent": False, "declared": bool(kinds),
                     "reason": gap_reason(m.type[v], ga.factors[v], kinds)})
    rows.sort(key=lambda r: (-tie(r["gap_score"]), r["id"]))
    parents = []
    for p in cg.parents:
        kids = cg.leaves_under(p.id)
        worst = "missing" if not kids else min((ga.status[k]["status"] for k in kids), key=STATUS_ORDER.index)
        parents.append({"id": p.id, "status": worst, "children": kids})
    return {"chain": cg.chain.id, "scope": "/".join(ga.scope), "weights": ga.weights, "slsr": ga.chain_slsr,
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


def chokepoints_json(cg: ChainGraph, ga=None) -> dict:
    articulation, single = enterprise_chokepoints(cg)
    segs = segment_chokepoints(cg)
    out = {"chain": cg.chain.id, "segments": segs, "enterprises": articulation}
    if ga is not None and segs:  # `chokepoints --scope`: each must-pass segment's status there
        parents = {p.id: p for p in cg.parents}

        def status(v):
            if v in ga.status:
                return ga.status[v]["status"]
            kids = cg.leaves_under(v) if v in parents else []
            return "missing" if not kids else min((ga.status[k]["status"] for k in kids), key=STATUS_ORDER.index)
        out["scope"] = "/".join(ga.scope)
        out["segment_status"] = [{"segment": v, "status": status(v)} for v in segs]
    out["single_sources"] = single
    return out


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
# Candidate score and targets (metrics.md "Candidate score", v2)
# --------------------------------------------------------------------------------------

@dataclass
class ScoringModel:
    scope: tuple
    weights: dict
    gap_score: dict
    gap_factor: dict          # gap_score / max over the chain's graph
    kind: dict
    covered: set
    neighbours: dict          # |N(s)|
    present_neighbours: dict
    linked: set               # enterprises with a supply relation to or from a local enterprise
    local_tops: set           # top groups of the local enterprises
    top: object               # enterprise id -> its top group
    listed: set


def group_top(by_id: dict):
    cache = {}

    def top(eid: str) -> str:
        if eid in cache:
            return cache[eid]
        seen, cur = [eid], eid
        while True:
            e = by_id.get(cur)
            nxt = e.group if e is not None else ""
            if not nxt or nxt in seen:
                break
            cur = nxt
            seen.append(cur)
        cache[eid] = cur
        return cur
    return top


def prepare_scoring(cg: ChainGraph, ga: GapAnalysis, weights: dict) -> ScoringModel:
    g = cg.g
    present = {v for v in cg.order if ga.status[v]["status"] in PRESENT}
    gap_score = {v: SEVERITY[ga.status[v]["status"]] * ga.importance[v] for v in cg.order}
    top_gap = max(gap_score.values()) if gap_score else 0.0
    gap_factor = {v: (s / top_gap if top_gap > 0 else 0.0) for v, s in gap_score.items()}
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
    top = group_top(cg.enterprises)
    local_tops = {top(eid) for eid in local_open}
    listed = {eid for lst in cg.chain.target_lists for eid in lst}
    return ScoringModel(scope=ga.scope, weights=weights, gap_score=gap_score, gap_factor=gap_factor, kind=ga.kind,
                        covered={v for v in cg.order if ga.status[v]["status"] == "covered"},
                        neighbours=neighbours, present_neighbours=present_neighbours, linked=linked,
                        local_tops=local_tops, top=top, listed=listed)


def top_of(m: ScoringModel, c: Enterprise) -> str:
    """c's top group from its own row's `group` (a pool row is scored from its row), then the workspace's."""
    return m.top(c.group) if c.group else c.id


def score_pairs(m: ScoringModel, c: Enterprise) -> list:
    """[(pair score, segment, factors)] for every uncovered segment of c in the chain's graph, in c's order."""
    w = m.weights
    if c.revenue is None:
        strength = w["unknown_strength"]
    elif c.revenue > 0 and w["revenue_ref"] > 0:
        strength = min(1.0, math.log1p(c.revenue) / math.log1p(w["revenue_ref"]))
    else:
        strength = 0.0
    group_link = top_of(m, c) in m.local_tops
    link = 1.0 if (c.id in m.linked or group_link) else 0.0
    listed = 1.0 if c.id in m.listed else 0.0
    main = c.segments[0] if c.segments else None
    out = []
    for s in dict.fromkeys(c.segments):
        if s not in m.gap_score or s in m.covered:
            continue
        f = {"gap": m.gap_factor[s], "fit": 1.0 if s == main else 0.5, "strength": strength, "link": link,
             "related": m.present_neighbours[s] / m.neighbours[s] if m.neighbours[s] else 0.0,
             "listed": listed}
        total = sum(w[k] for k in SCORE_FACTORS)  # relative weights: the score stays on 0-100
        scale = 1.0 if abs(total - 1) <= 1e-9 else total
        out.append((100 * sum(w[k] * f[k] for k in SCORE_FACTORS) / scale, s, f))
    return out


def score_candidate(m: ScoringModel, c: Enterprise) -> dict:
    pairs = score_pairs(m, c)
    r = {"id": c.id, "name": c.name, "score": 0.0, "segment": "", "kind": None,
         "factors": {k: 0.0 for k in SCORE_FACTORS},
         "segments": sorted({s for s in c.segments if s in m.gap_score}), "on_target_list": c.id in m.listed,
         "revenue_unknown": c.revenue is None, "group_link": False, "pairs": pairs}
    if not pairs:
        return r
    score, seg, f = min(pairs, key=lambda p: (-tie(p[0]), p[1]))   # best pair, ties by segment id
    r.update(score=score, segment=seg, kind=m.kind[seg], factors=f,
             group_link=top_of(m, c) in m.local_tops)
    return r


def workspace_candidates(cg: ChainGraph, scope: tuple) -> list:
    """Operating firms and projects outside the scope in a segment of the chain graph or on its
    target lists."""
    listed = {eid for lst in cg.chain.target_lists for eid in lst}
    return [e for e in cg.ws.enterprises
            if e.status == "operating" and e.kind in COUNTED_KINDS and not is_local(e.location, scope)
            and (any(s in cg.g for s in e.segments) or e.id in listed)]


def is_nearby(c: Enterprise, scope: tuple) -> bool:
    return len(scope) >= 4 and is_local(c.location, scope[:-1])


def portfolio(cg: ChainGraph, m: ScoringModel, targets: list, candidates: list, k: int) -> dict:
    """Greedy over pairs by pair score (ties by candidate id, then segment id): a firm at most
    once, a segment closed once; then the what-if SLSR with each pick local in its segment."""
    pairs = sorted(((-tie(p[0]), t["id"], p[1]) for t in targets for p in t["pairs"]))
    used, closed, picked, closed_list = set(), set(), [], []
    for _, cid, seg in pairs:
        if len(picked) >= k:
            break
        if cid in used or seg in closed:
            continue
        used.add(cid)
        closed.add(seg)
        picked.append(cid)
        closed_list.append(seg)
    # What-if: each picked candidate becomes a local operating enterprise in its pick's segment.
    ws2 = replace(cg.ws, enterprises=list(cg.ws.enterprises))
    index = {e.id: k2 for k2, e in enumerate(ws2.enterprises)}
    for cid, seg in zip(picked, closed_list):
        idx = index[cid]
        ws2.enterprises[idx] = replace(ws2.enterprises[idx], location=m.scope, status="operating", segments=[seg])
    after = ChainGraph(ws2, cg.chain)
    return {"k": k, "picked": picked, "closed": closed_list,
            "slsr_before": analyse_gaps(cg, m.scope).chain_slsr,
            "slsr_after": analyse_gaps(after, m.scope).chain_slsr}


def targets_json(cg: ChainGraph, scope: tuple, weights: dict, k: int = 0, ga: GapAnalysis = None,
                 include_nearby: bool = False) -> dict:
    ga = ga or analyse_gaps(cg, scope)
    model = prepare_scoring(cg, ga, weights)
    candidates = workspace_candidates(cg, scope)
    targets, unmatched, seen, nearby = [], [], set(), 0
    for c in candidates:
        if c.id in seen:
            continue
        seen.add(c.id)
        if not include_nearby and is_nearby(c, scope):
            nearby += 1
            continue
        r = score_candidate(model, c)
        (targets if r["pairs"] else unmatched).append(r)   # unmatched: no uncovered segment in the chain
    targets.sort(key=lambda r: (-tie(r["score"]), r["id"]))
    out = {"chain": cg.chain.id, "scope": "/".join(scope),
           "weights": {k2: float(weights[k2]) for k2 in SCORE_FACTORS + ("revenue_ref", "unknown_strength")},
           "nearby_excluded": nearby, "targets": targets, "unmatched": sorted(r["id"] for r in unmatched)}
    if k > 0:
        out["portfolio"] = portfolio(cg, model, targets, candidates, k)
    for r in targets:
        del r["pairs"]
    return out


def by_gap_json(cg: ChainGraph, scope: tuple, weights: dict, per_gap: int, ga: GapAnalysis,
                include_nearby: bool = False) -> dict:
    """`targets --by-gap N`: each uncovered segment (fill and strengthen first, then extend, each in
    gap-score order) with its best N pairs by pair score, ties by candidate id."""
    model = prepare_scoring(cg, ga, weights)
    by_seg, nearby, seen = {}, 0, set()
    for c in workspace_candidates(cg, scope):
        if c.id in seen:
            continue
        seen.add(c.id)
        if not include_nearby and is_nearby(c, scope):
            nearby += 1
            continue
        r = score_candidate(model, c)
        for score, seg, f in r["pairs"]:
            by_seg.setdefault(seg, []).append((score, r, f))
    rows = sorted(cg.order, key=lambda v: (-tie(model.gap_score[v]), v))
    gaps = []
    for extend in (False, True):
        for v in rows:
            if ga.status[v]["status"] == "covered" or (ga.kind[v] == "extend") != extend:
                continue
            best = sorted(by_seg.get(v, []), key=lambda p: (-tie(p[0]), p[1]["id"]))[:per_gap]
            gaps.append({"segment": v, "name": cg.g.nodes[v]["name"], "status": ga.status[v]["status"],
                         "gap_score": model.gap_score[v], "kind": ga.kind[v],
                         "candidates": [{"id": r["id"], "name": r["name"], "score": s, "factors": f,
                                         "on_target_list": r["on_target_list"], "group_link": r["group_link"],
                                         "revenue_unknown": r["revenue_unknown"]} for s, r, f in best]})
    return {"chain": cg.chain.id, "scope": "/".join(scope), "per_gap": per_gap, "nearby_excluded": nearby,
            "gaps": gaps}


def whatif_json(cg: ChainGraph, scope: tuple, iw: dict, adds: list, removes: list) -> dict:
    """metrics.md "What-if": an added enterprise is placed in the scope as operating, a removed one is
    closed; every analysis runs before and after. Lists the segments whose status or gap score changes
    and the enterprises whose LSR changes (or that are reported on one side only), each sorted."""
    ws = cg.ws
    ents = list(ws.enterprises)
    index = {e.id: k for k, e in enumerate(ents)}
    for eid in adds:
        ents[index[eid]] = replace(ents[index[eid]], location=scope, status="operating")
    for eid in removes:
        ents[index[eid]] = replace(ents[index[eid]], status="closed")
    after = ChainGraph(replace(ws, enterprises=ents), cg.chain)
    ga, gb = analyse_gaps(cg, scope, iw), analyse_gaps(after, scope, iw)
    sa = {r["id"]: r for r in supply_json(cg, scope)["enterprises"]}
    sb = {r["id"]: r for r in supply_json(after, scope)["enterprises"]}

    def gap_score(g, v):
        return SEVERITY[g.status[v]["status"]] * g.importance[v]
    segs = sorted(v for v in cg.order if ga.status[v]["status"] != gb.status[v]["status"]
                  or gap_score(ga, v) != gap_score(gb, v))
    changed = sorted(e for e in set(sa) | set(sb) if e not in sa or e not in sb
                     or (sa[e]["lsr_value"], sa[e]["lsr_count"]) != (sb[e]["lsr_value"], sb[e]["lsr_count"]))

    def diff(a, b):
        return None if a is None or b is None else b - a
    ca, cb = chokepoints_json(cg), chokepoints_json(after)
    return {"chain": cg.chain.id, "scope": "/".join(scope),
            "changes": [{"add": e} for e in adds] + [{"remove": e} for e in removes],
            "slsr": {"before": ga.chain_slsr, "after": gb.chain_slsr, "difference": diff(ga.chain_slsr, gb.chain_slsr)},
            "segments": [{"id": v, "status_before": ga.status[v]["status"], "status_after": gb.status[v]["status"],
                          "gap_score_before": gap_score(ga, v), "gap_score_after": gap_score(gb, v),
                          "difference": gap_score(gb, v) - gap_score(ga, v)} for v in segs],
            "chokepoints": {"segments_before": ca["segments"], "segments_after": cb["segments"],
                            "enterprises_before": ca["enterprises"], "enterprises_after": cb["enterprises"]},
            "enterprises": [{"id": e,
                             "lsr_value_before": sa[e]["lsr_value"] if e in sa else None,
                             "lsr_value_after": sb[e]["lsr_value"] if e in sb else None,
                             "lsr_count_before": sa[e]["lsr_count"] if e in sa else None,
                             "lsr_count_after": sb[e]["lsr_count"] if e in sb else None} for e in changed]}


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

def score_status(e: Enterprise, scope: tuple, include_nearby: bool, r: dict) -> str:
    """Why a pool row is or is not scored: local, nearby (left out), not-a-candidate (a park
    or an institute, or not operating: metrics.md "A candidate c is an operating enterprise ..., of kind
    firm or project"; chainlens's label for both), unmatched (no uncovered segment in the chain) or scored."""
    if is_local(e.location, scope):
        return "local"
    if is_nearby(e, scope) and not (include_nearby and r["pairs"] and e.kind in COUNTED_KINDS
                                    and e.status == "operating"):
        return "nearby"
    if e.kind not in COUNTED_KINDS or e.status != "operating":
        return "not-a-candidate"
    return ("nearby" if is_nearby(e, scope) else "scored") if r["pairs"] else "unmatched"


def _pool_rows(path: str):
    """(physical line number, row dict) for every row of a pool file, blank lines skipped (CSV rows
    spanning lines are numbered by their first line)."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        if path.endswith((".jsonl", ".ndjson")):
            for k, text in enumerate(f, 1):
                if text.strip():
                    yield k, json.loads(text)
            return
        reader = csv.reader(f)
        header = [h.strip(" \t\r") for h in next(reader)]
        last = reader.line_num
        for values in reader:
            first, last = last + 1, reader.line_num
            if not values or values == [""]:
                continue
            yield first, dict(zip(header, values))


def score_pool_jsonl(cg: ChainGraph, scope: tuple, weights: dict, iw: dict, path: str, out,
                     include_nearby: bool = False) -> int:
    """`score --format jsonl`: one JSON line per pool row, as `chainlens --full-precision score`."""
    m = prepare_scoring(cg, analyse_gaps(cg, scope, iw), weights)
    rows = 0
    for line, row in _pool_rows(path):
        rows += 1
        e = _enterprise_from_row(row)
        e.location = resolve_alias(cg.ws.regions, e.location)
        r = score_candidate(m, e)
        status = score_status(e, scope, include_nearby, r)
        if status not in ("scored", "unmatched") and not (status == "nearby" and include_nearby and r["pairs"]
                                                         and e.kind in COUNTED_KINDS and e.status == "operating"):
            r = score_candidate(m, replace(e, segments=[]))
            r["group_link"] = False
        elif status == "unmatched":
            r["group_link"] = top_of(m, e) in m.local_tops
        out.write(json.dumps({"line": line, "id": r["id"], "name": r["name"],
                              "score": r["score"], "segment": r["segment"], "kind": r["kind"],
                              "factors": r["factors"], "group_link": r["group_link"], "status": status},
                             ensure_ascii=False) + "\n")
    return rows


def score_pool(cg: ChainGraph, scope: tuple, weights: dict, path: str, out, include_nearby: bool = False) -> int:
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
            candidate = (e.status == "operating" and e.kind in COUNTED_KINDS and not is_local(e.location, scope)
                         and (include_nearby or not is_nearby(e, scope)))
            r = score_candidate(m, e if candidate else replace(e, segments=[]))
            results.append((rows + 1, r["id"], r["name"], round(r["score"], 2), r["segment"], r["kind"] or "")
                           + tuple(r["factors"][k] for k in SCORE_FACTORS))
        pd.DataFrame(results, columns=["line", "id", "name", "score", "segment", "kind"] + list(SCORE_FACTORS)
                     ).to_csv(out, header=header, index=False)
        header = False
    return rows


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="Python peer of chainlens (JSON output, English labels)")
    p.add_argument("command", choices=["gaps", "chokepoints", "supply", "targets", "all", "chains", "score", "whatif"])
    p.add_argument("workspace")
    p.add_argument("--chain", help="chain id (every command but `chains`, which lists them)")
    p.add_argument("--scope", default="")
    p.add_argument("--portfolio", type=int, default=0, help="targets: also pick K candidates")
    p.add_argument("--weights", default="", help="targets: e.g. gap=0.5,strength=0.2")
    p.add_argument("--importance", default="", help="gaps/targets: e.g. value=0.4,dependence=0.2,plan=0.3,import=0.1")
    p.add_argument("--by-gap", type=int, default=0, help="targets: each gap with its best N candidates")
    p.add_argument("--all-scopes", action="store_true", help="gaps: every prefix of the scope, narrowest first")
    p.add_argument("--workspace", dest="workspace_view", action="store_true", help="gaps: the workspace view (every chain's y together)")
    p.add_argument("--include-nearby", action="store_true",
                   help="targets: keep candidates local to the scope one level up")
    p.add_argument("--verified-only", action="store_true", help="supply: leave inferred relations out")
    p.add_argument("--pretty", action="store_true", help="indent the JSON (slower on large outputs)")
    p.add_argument("--candidates", default="", help="score: the bulk candidate CSV")
    p.add_argument("--format", choices=["csv", "jsonl"], default="csv", help="score: output format")
    p.add_argument("--add", action="append", default=[], help="whatif: an enterprise placed in the scope")
    p.add_argument("--remove", action="append", default=[], help="whatif: an enterprise taken out")
    p.add_argument("-o", "--output", default="")
    a = p.parse_args(argv)

    ws = load_workspace(a.workspace)
    if a.command == "chains":
        print(json.dumps([c.id for c in ws.chains], ensure_ascii=False))
        return 0
    if a.command == "gaps" and a.workspace_view:
        cg = workspace_view(ws)
        scope = resolve_alias(ws.regions, parse_path(a.scope)) if a.scope else ws.scope
        out = gaps_json(cg, analyse_gaps(cg, scope, parse_weights(a.importance, ws.importance)), [])
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2 if a.pretty else None) + "\n")
        return 0
    if not a.chain:
        p.error("--chain is required")
    chain = ws.chain(a.chain)
    cg = ChainGraph(ws, chain)
    scope = resolve_alias(ws.regions, parse_path(a.scope)) if a.scope else ws.chain_scope(chain)
    weights = parse_weights(a.weights, ws.weights)
    iw = parse_weights(a.importance, ws.importance)

    if a.command == "score":
        if not a.candidates:
            p.error("score needs --candidates FILE.csv")
        with (open(a.output, "w", encoding="utf-8", newline="") if a.output and a.output != "-" else sys.stdout) as f:
            if a.format == "jsonl":
                score_pool_jsonl(cg, scope, weights, iw, a.candidates, f, a.include_nearby)
            else:
                score_pool(cg, scope, weights, a.candidates, f, a.include_nearby)
        return 0
    if a.command == "gaps" and a.all_scopes:
        out = all_scopes_json(cg, scope, iw)
    elif a.command == "gaps":
        out = gaps_json(cg, analyse_gaps(cg, scope, iw), segment_chokepoints(cg))
    elif a.command == "whatif":
        out = whatif_json(cg, scope, iw, a.add, a.remove)
    elif a.command == "chokepoints":
        out = chokepoints_json(cg, analyse_gaps(cg, scope, iw))
    elif a.command == "supply":
        out = supply_json(cg, scope, a.verified_only)
    elif a.command == "targets" and a.by_gap:
        out = by_gap_json(cg, scope, weights, a.by_gap, analyse_gaps(cg, scope, iw), a.include_nearby)
    elif a.command == "targets":
        out = targets_json(cg, scope, weights, a.portfolio, analyse_gaps(cg, scope, iw), a.include_nearby)
    else:
        ga = analyse_gaps(cg, scope, iw)
        choke = chokepoints_json(cg, ga)
        out = {"gaps": gaps_json(cg, ga, choke["segments"]), "chokepoints": choke,
               "supply": supply_json(cg, scope, a.verified_only),
               "targets": targets_json(cg, scope, weights, a.portfolio, ga, a.include_nearby)}
        if a.by_gap:
            out["by-gap"] = by_gap_json(cg, scope, weights, a.by_gap, ga, a.include_nearby)
    text = json.dumps(out, ensure_ascii=False, indent=2 if a.pretty else None) + "\n"
    if a.output and a.output != "-":
        with open(a.output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
