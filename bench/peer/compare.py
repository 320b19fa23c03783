#!/usr/bin/python3
"""bench/peer/compare.py: runs chainlens and the Python peer (chainlens_peer.py) on one
workspace and chain and reports the first difference in their JSON, or "equal".

    compare.py WORKSPACE --chain ID[,ID...] | --all-chains  [--scope PATH]
               [--commands gaps,chokepoints,supply,targets] [--portfolio K] [--weights gap=0.5,...]
               [--importance value=0.4,...] [--include-nearby] [--verified-only] [--chainlens PATH] [--tol 1e-9]

chainlens runs as `chainlens --full-precision CMD WORKSPACE --chain ID --format json --lang en`
(English labels: the peer prints gap kinds as fill/extend/strengthen). Keys must match in
name and order (chainlens' *_label keys aside), lists in length and order, texts and booleans exactly, numbers to --tol
(absolute or relative). Exit code: 0 equal, 1 different, 2 a tool failed or bad usage.
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
COMMANDS = ["gaps", "chokepoints", "supply", "targets", "by-gap", "whatif", "all-scopes"]  # by-gap: targets --by-gap N; whatif: with --add/--remove
SCOPED = {"gaps", "chokepoints", "supply", "targets", "by-gap", "whatif", "all-scopes"}


NUMBER_IN_TEXT = re.compile(r"\d+(?:\.\d+)?")


def same_text(a: str, b: str) -> bool:
    """Equal texts, or texts that differ only in printed numbers one unit apart in their last digit
    (a figure on a rounding boundary, e.g. 0.075 printed as 0.07 or 0.08: a reason line's rounding of
    numbers that agree to 1e-9)."""
    if a == b:
        return True
    if NUMBER_IN_TEXT.sub("#", a) != NUMBER_IN_TEXT.sub("#", b):
        return False
    for x, y in zip(NUMBER_IN_TEXT.findall(a), NUMBER_IN_TEXT.findall(b)):
        if x == y:
            continue
        digits = len(x.partition(".")[2])
        if digits != len(y.partition(".")[2]) or abs(float(x) - float(y)) > 1.5 * 10 ** -digits:
            return False
    return True


def first_difference(a, b, path="$", tol=1e-9):
    """None when equal, else (path, chainlens value, peer value, reason)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return None if (isinstance(a, bool) and isinstance(b, bool) and a == b) else (path, a, b, "differ")
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if math.isclose(a, b, rel_tol=tol, abs_tol=tol):
            return None
        return (path, a, b, f"differ by {abs(a - b):.3g}")
    if type(a) is not type(b):
        return (path, a, b, f"types differ ({type(a).__name__} vs {type(b).__name__})")
    if isinstance(a, dict):
        # chainlens adds *_label keys (the words for a person, in --lang) beside its codes and
        # ids; the peer has only the codes.
        a = {k: v for k, v in a.items() if not (k.endswith("_label") and k not in b)}
        ka, kb = list(a), list(b)
        if ka != kb:
            if set(ka) != set(kb):
                return (path, sorted(set(ka) - set(kb)), sorted(set(kb) - set(ka)), "keys only in chainlens / only in peer")
            return (path, ka, kb, "key order differs")
        for k in ka:
            d = first_difference(a[k], b[k], f"{path}.{k}", tol)
            if d:
                return d
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}[{i}]", tol)
            if d:
                return d
        if len(a) != len(b):
            return (path, len(a), len(b), "lengths differ")
        return None
    if isinstance(a, str) and isinstance(b, str) and path.endswith(".reason"):
        return None if same_text(a, b) else (path, a, b, "differ")
    return None if a == b else (path, a, b, "differ")


def short(v, limit=300):
    text = json.dumps(v, ensure_ascii=False)
    return text if len(text) <= limit else text[:limit] + "…"


def report(label, mine, theirs, tol):
    """Prints "LABEL: equal" or the first difference; returns 0 or 1 (the exit status)."""
    d = first_difference(mine, theirs, "$", tol)
    if not d:
        print(f"{label}: equal")
        return 0
    where, x, y, why = d
    print(f"{label}: first difference at {where}: {why}\n  chainlens: {short(x)}\n  peer:      {short(y)}")
    return 1


def run_json(argv, what):
    t0 = time.perf_counter()
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - t0
    if p.returncode != 0:
        sys.stderr.write(f"{what} failed (exit {p.returncode}): {' '.join(argv)}\n{p.stderr.decode(errors='replace')}")
        return None, elapsed
    try:
        return json.loads(p.stdout), elapsed
    except json.JSONDecodeError as e:
        sys.stderr.write(f"{what} printed no JSON ({e}): {' '.join(argv)}\n")
        return None, elapsed


def main(argv=None):
    default_cl = os.environ.get("CHAINLENS") or os.path.normpath(os.path.join(HERE, "..", "..", "build", "cli", "chainlens"))
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("workspace")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--chain", help="chain id, or several separated by commas")
    which.add_argument("--all-chains", action="store_true", help="every chain of the workspace")
    p.add_argument("--scope", default="")
    p.add_argument("--commands", default=",".join(COMMANDS), help="comma-separated subset of " + ",".join(COMMANDS))
    p.add_argument("--portfolio", type=int, default=0, help="also compare the targets portfolio of K")
    p.add_argument("--weights", default="", help="targets: score weights, e.g. gap=0.5,listed=0")
    p.add_argument("--importance", default="", help="gaps, targets: importance weights, e.g. value=0.4,plan=0.3")
    p.add_argument("--include-nearby", action="store_true", help="targets: keep candidates near the scope")
    p.add_argument("--by-gap", type=int, default=0, help="also compare `targets --by-gap N`")
    p.add_argument("--add", action="append", default=[], help="also compare `whatif --add ID` (repeatable)")
    p.add_argument("--remove", action="append", default=[], help="also compare `whatif --remove ID` (repeatable)")
    p.add_argument("--all-scopes", action="store_true", help="also compare `gaps --all-scopes`")
    p.add_argument("--score-pool", default="",
                   help="also compare `score --candidates FILE --format jsonl` row by row, for each chain")
    p.add_argument("--workspace-view", action="store_true",
                   help="also compare `gaps --workspace` (every chain's y together), once for the workspace")
    p.add_argument("--verified-only", action="store_true", help="supply: leave inferred relations out")
    p.add_argument("--chainlens", default=default_cl, help="the chainlens binary (default: $CHAINLENS or build/cli/chainlens)")
    p.add_argument("--peer", default=os.path.join(HERE, "chainlens_peer.py"))
    p.add_argument("--python", default="/usr/bin/python3", help="interpreter for the peer")
    p.add_argument("--tol", type=float, default=1e-9)
    p.add_argument("--separate", action="store_true",
                   help="run the peer once per command instead of once with `all`")
    p.add_argument("--verbose", "-v", action="store_true", help="print timings")
    a = p.parse_args(argv)
    commands = [c for c in a.commands.split(",") if c and (c != "by-gap" or a.by_gap) and (c != "whatif" or a.add or a.remove)]
    commands = [c for c in commands if c != "all-scopes" or a.all_scopes]
    if a.all_scopes and "all-scopes" not in commands:
        commands.append("all-scopes")
    if (a.add or a.remove) and "whatif" not in commands:
        commands.append("whatif")
    if any(c not in COMMANDS for c in commands):
        p.error(f"--commands takes {', '.join(COMMANDS)}")

    if not (a.chain or a.all_chains or a.workspace_view) or (a.score_pool and not (a.chain or a.all_chains)):
        p.error("give --chain, --all-chains or --workspace-view")
    if a.all_chains:
        chains, _ = run_json([a.python, a.peer, "chains", a.workspace], "the peer")
        if chains is None:
            return 2
    else:
        chains = [c for c in (a.chain or "").split(",") if c]
    status = 0
    for chain in chains:
        result = compare_chain(a, chain, commands)
        if result == 2:
            return 2
        status = max(status, result)
    for chain in (chains if a.score_pool else []):
        extra = ["--chain", chain, "--candidates", a.score_pool, "--format", "jsonl"] + \
                (["--scope", a.scope] if a.scope else []) + (["--weights", a.weights] if a.weights else []) + \
                (["--importance", a.importance] if a.importance else []) + \
                (["--include-nearby"] if a.include_nearby else [])
        outs = []
        for argv, what in (([a.chainlens, "--full-precision", "score", a.workspace] + extra, "chainlens"),
                           ([a.python, a.peer, "score", a.workspace] + extra, "the peer")):
            p_ = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            if p_.returncode != 0:
                sys.stderr.write(f"{what} failed (exit {p_.returncode}): {' '.join(argv)}\n{p_.stderr.decode(errors='replace')}")
                return 2
            outs.append([json.loads(line) for line in p_.stdout.decode().splitlines() if line.strip()])
        label = f"score {a.workspace} --chain {chain} --candidates {a.score_pool}" + (f" --scope {a.scope}" if a.scope else "")
        status = max(status, report(label, outs[0], outs[1], a.tol))
    if a.workspace_view:
        extra = (["--scope", a.scope] if a.scope else []) + (["--importance", a.importance] if a.importance else [])
        mine, _ = run_json([a.chainlens, "--full-precision", "gaps", a.workspace, "--workspace", "--format", "json",
                            "--lang", "en"] + extra, "chainlens")
        theirs, _ = run_json([a.python, a.peer, "gaps", a.workspace, "--workspace"] + extra, "the peer")
        if mine is None or theirs is None:
            return 2
        label = f"gaps {a.workspace} --workspace" + (f" --scope {a.scope}" if a.scope else "")
        status = max(status, report(label, mine, theirs, a.tol))
    return status


def compare_chain(a, chain, commands):
    def options(cmd):
        extra = ["--chain", chain]
        if a.scope and cmd in SCOPED:
            extra += ["--scope", a.scope]
        if cmd == "by-gap":
            extra += ["--by-gap", str(a.by_gap)]
        if cmd == "all-scopes":
            extra += ["--all-scopes"]
        if cmd == "whatif":
            extra += [x for e in a.add for x in ("--add", e)] + [x for e in a.remove for x in ("--remove", e)]
        if cmd == "targets" and a.portfolio:
            extra += ["--portfolio", str(a.portfolio)]
        if cmd in ("targets", "by-gap") and a.weights:
            extra += ["--weights", a.weights]
        if cmd in ("gaps", "targets", "by-gap", "whatif", "all-scopes") and a.importance:
            extra += ["--importance", a.importance]
        if cmd in ("targets", "by-gap") and a.include_nearby:
            extra += ["--include-nearby"]
        if cmd == "supply" and a.verified_only:
            extra += ["--verified-only"]
        return extra

    peer_all = None
    if not a.separate and len(commands) > 1:
        extra = ["--chain", chain] + (["--scope", a.scope] if a.scope else []) + \
                (["--portfolio", str(a.portfolio)] if a.portfolio else []) + \
                (["--weights", a.weights] if a.weights else []) + (["--verified-only"] if a.verified_only else []) + \
                (["--importance", a.importance] if a.importance else []) + \
                (["--include-nearby"] if a.include_nearby else []) + \
                (["--by-gap", str(a.by_gap)] if a.by_gap else [])
        peer_all, t = run_json([a.python, a.peer, "all", a.workspace] + extra, "the peer")
        if peer_all is None:
            return 2
        if a.verbose:
            print(f"peer all --chain {chain}: {t:.2f} s")

    status = 0
    for cmd in commands:
        tool_cmd = {"by-gap": "targets", "all-scopes": "gaps"}.get(cmd, cmd)
        mine, t1 = run_json([a.chainlens, "--full-precision", tool_cmd, a.workspace, "--format", "json", "--lang", "en"]
                            + options(cmd), "chainlens")
        if mine is None:
            return 2
        if peer_all is not None and cmd in peer_all:
            theirs, t2 = peer_all[cmd], 0.0
        else:
            theirs, t2 = run_json([a.python, a.peer, tool_cmd, a.workspace] + options(cmd), "the peer")
            if theirs is None:
                return 2
        if a.verbose:
            print(f"{cmd}: chainlens {t1:.2f} s" + (f", peer {t2:.2f} s" if peer_all is None else ""))
        label = f"{cmd} {a.workspace} --chain {chain}" + (f" --scope {a.scope}" if a.scope else "")
        status = max(status, report(label, mine, theirs, a.tol))
    return status


if __name__ == "__main__":
    sys.exit(main())
