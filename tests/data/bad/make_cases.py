#!/usr/bin/env python3
"""tests/data/bad/make_cases.py: writes the bad-input corpus (issue 9): one folder per case
with its input files, `args` (the chainlens command line, paths relative to the project root)
and `expected` (chainlens's exact standard error, then `exit: N`). The expected files are
recorded from chainlens and reviewed by hand; rerun with --record only when a message changes
on purpose, and review the diff.

    tests/data/bad/make_cases.py            # write the inputs and args
    tests/data/bad/make_cases.py --record   # also record expected from build/cli/chainlens
    CHAINLENS=build-rel/cli/chainlens tests/data/bad/make_cases.py --record   # another build
"""
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
REL = os.path.relpath(HERE, ROOT)

BASE = """chains:
  - id: c
    segments:
      - {id: a, stage: upstream}
      - {id: b, stage: downstream, inputs: [a]}
enterprises:
  - {id: f, location: 中国/青岛, segments: [a]}
"""
ENT = "  - {id: g, location: 中国/上海, segments: [b]}\n"

cases = {}


def yaml_case(name, text, extra=None, args="validate {dir}/ws.yaml"):
    files = {"ws.yaml": text.encode("utf-8") if isinstance(text, str) else text}
    files.update(extra or {})
    cases[name] = (files, args)


def folder_case(name, files, args="validate {dir}/ws"):
    cases[name] = ({"ws/" + k: (v.encode("utf-8") if isinstance(v, str) else v) for k, v in files.items()}, args)


def pool_case(name, fname, content):
    data = content.encode("utf-8") if isinstance(content, str) else content
    cases[name] = ({"ws.yaml": BASE.encode(), fname: data},
                   "score {dir}/ws.yaml --chain c --candidates {dir}/" + fname + " -o - --no-progress")


# YAML syntax
yaml_case("yaml-unclosed-bracket", "chains:\n  - id: c\n    segments: [a, b\n")
yaml_case("yaml-unclosed-quote", 'chains:\n  - id: c\n    segments: [{id: "a}]\n')
yaml_case("yaml-bad-indentation", "chains:\n  - id: c\n   segments: []\n")
yaml_case("yaml-tab-indentation", "chains:\n\t- id: c\n")
yaml_case("yaml-stray-comma", ",\n")
yaml_case("yaml-two-documents", "chains: []\n---\nchains: []\n")
yaml_case("yaml-undefined-alias", "chains:\n  - *nowhere\n")
yaml_case("yaml-duplicate-top-key", "chains: []\nchains: []\n")
yaml_case("yaml-duplicate-key-in-chain", "chains:\n  - id: c\n    id: d\n    segments: []\n")
yaml_case("yaml-deep-nesting", "chains: " + "[" * 100 + "]" * 100 + "\n")
yaml_case("yaml-alias-bomb", "chains:\n  - id: c\n    segments: [{id: a}]\n    target_lists:\n"
          "      - {id: l0, enterprises: &L [" + ", ".join(["f"] * 200) + "]}\n"
          + "".join(f"      - {{id: l{i}, enterprises: *L}}\n" for i in range(1, 100))
          + "enterprises:\n  - {id: f, location: 中国, segments: [a]}\n", args="validate {dir}/ws.yaml --max-entries 5000")
yaml_case("yaml-100k-name", "chains:\n  - id: c\n    name: " + "长" * 100000 + "\n    segments: []\n")
yaml_case("yaml-invalid-utf8", b"chains:\n  - id: c\n    name: \xc3\x28\n")
yaml_case("yaml-bom-and-error", b"\xef\xbb\xbfchains:\n  - id: c\n    sgements: []\n")
yaml_case("yaml-crlf-and-error", b"chains:\r\n  - id: c\r\n    segments:\r\n      - {id: a, stage: up}\r\n")
yaml_case("yaml-map-as-id", "chains:\n  - id: {x: 1}\n    segments: []\n")
yaml_case("yaml-null-id", "chains:\n  - id: ~\n    segments: []\n")
yaml_case("yaml-scalar-document", "just a sentence\n")
yaml_case("yaml-list-document", "- chains\n- enterprises\n")
# structure and types
yaml_case("unknown-top-key-typo", "chainz: []\n")
yaml_case("unknown-chain-key-typo", "chains:\n  - id: c\n    sgements: []\n")
yaml_case("chains-not-a-list", "chains: 5\n")
yaml_case("chain-without-id", "chains:\n  - name: 无名\n    segments: []\n")
yaml_case("chain-id-is-a-list", "chains:\n  - id: [c]\n    segments: []\n")
yaml_case("segment-duplicate-id", "chains:\n  - id: c\n    segments:\n      - {id: a}\n      - {id: a}\n")
yaml_case("segment-bad-stage", "chains:\n  - id: c\n    segments:\n      - {id: a, stage: up}\n")
yaml_case("segment-dangling-input", "chains:\n  - id: c\n    segments:\n      - {id: a, inputs: [zz]}\n")
yaml_case("segment-share-above-one", "chains:\n  - id: c\n    segments:\n      - {id: a}\n      - {id: b, inputs: [{from: a, share: 1.5}]}\n")
yaml_case("segment-share-negative", "chains:\n  - id: c\n    segments:\n      - {id: a}\n      - {id: b, inputs: [{from: a, share: -0.2}]}\n")
yaml_case("segment-share-nan", "chains:\n  - id: c\n    segments:\n      - {id: a}\n      - {id: b, inputs: [{from: a, share: .nan}]}\n")
yaml_case("segment-share-infinite", "chains:\n  - id: c\n    segments:\n      - {id: a}\n      - {id: b, inputs: [{from: a, share: .inf}]}\n")
yaml_case("segment-shares-sum-above-one", "chains:\n  - id: c\n    segments:\n      - {id: a}\n      - {id: x}\n"
          "      - {id: b, inputs: [{from: a, share: 0.7}, {from: x, share: 0.6}]}\n")
yaml_case("segment-intensity-one", "chains:\n  - id: c\n    segments:\n      - {id: a, input_intensity: 1}\n")
yaml_case("segment-final-demand-negative", "chains:\n  - id: c\n    segments:\n      - {id: a, final_demand: -1}\n")
yaml_case("segment-huge-number", "chains:\n  - id: c\n    segments:\n      - {id: a, final_demand: 1e400}\n")
yaml_case("segment-parent-cycle", "chains:\n  - id: c\n    segments:\n      - {id: a, parent: b}\n      - {id: b, parent: a}\n")
yaml_case("segment-parent-unknown", "chains:\n  - id: c\n    segments:\n      - {id: a, parent: zz}\n")
yaml_case("segment-parent-with-inputs", "chains:\n  - id: c\n    segments:\n      - {id: p, inputs: [a]}\n      - {id: a, parent: p}\n")
yaml_case("enterprise-missing-location", BASE + "  - {id: g, segments: [b]}\n")
yaml_case("enterprise-unknown-segment", BASE + "  - {id: g, location: 中国, segments: [zz]}\n")
yaml_case("enterprise-parent-segment", "chains:\n  - id: c\n    segments:\n      - {id: p}\n      - {id: a, parent: p}\n"
          "enterprises:\n  - {id: f, location: 中国, segments: [p]}\n")
yaml_case("enterprise-duplicate-segment", BASE + "  - {id: g, location: 中国, segments: [b, b]}\n")
yaml_case("enterprise-bad-status", BASE + "  - {id: g, location: 中国, segments: [b], status: open}\n")
yaml_case("enterprise-bad-role", BASE + "  - {id: g, location: 中国, segments: [b], role: boss}\n")
yaml_case("enterprise-negative-revenue", BASE + "  - {id: g, location: 中国, segments: [b], revenue: -3}\n")
yaml_case("enterprise-revenue-text", BASE + "  - {id: g, location: 中国, segments: [b], revenue: lots}\n")
yaml_case("enterprise-segments-scalar", BASE + "  - {id: g, location: 中国, segments: b}\n")
yaml_case("enterprise-capacity-unknown-segment", BASE + "  - {id: g, location: 中国, segments: [b], capacity: {zz: 3}}\n")
yaml_case("enterprise-declared-bad-bound", BASE + "  - {id: g, location: 中国, segments: [b], declared: [{metric: local_supply_ratio, value: 0.4, bound: under, source: {note: x}}]}\n")
yaml_case("region-unknown-alias", "regions:\n  - {path: 中国/山东, aliases: [山东]}\n" + BASE.replace("中国/青岛", "青岛"))
yaml_case("region-alias-twice", "regions:\n  - {path: 中国/山东, aliases: [鲁]}\n  - {path: 中国/山西, aliases: [鲁]}\n")
yaml_case("source-unknown-id", BASE + "  - {id: g, location: 中国, segments: [b], source: {id: nodoc, quote: 原文}}\n")
yaml_case("source-quote-without-id", BASE + "  - {id: g, location: 中国, segments: [b], source: {quote: 原文}}\n")
yaml_case("source-empty", BASE + "  - {id: g, location: 中国, segments: [b], source: {}}\n")
yaml_case("supply-unknown-enterprise", BASE + ENT + "supplies:\n  - {from: f, to: nobody, segment: a}\n")
yaml_case("supply-to-itself", BASE + ENT + "supplies:\n  - {from: f, to: f, segment: a}\n")
yaml_case("supply-negative-value", BASE + ENT + "supplies:\n  - {from: f, to: g, segment: a, value: -1}\n")
yaml_case("supply-bad-confidence", BASE + ENT + "supplies:\n  - {from: f, to: g, segment: a, confidence: sure}\n")
yaml_case("demand-unknown-segment", BASE + "demand:\n  - {segment: zz, value: 3}\n")
yaml_case("gap-bad-kind", BASE.replace("    segments:", "    gaps:\n      - {segment: a, kind: broken, source: {note: x}}\n    segments:"))
yaml_case("gap-unknown-segment", BASE.replace("    segments:", "    gaps:\n      - {segment: zz, kind: weak, source: {note: x}}\n    segments:"))
yaml_case("target-list-unknown-enterprise", BASE.replace("    segments:", "    target_lists:\n      - {id: l, enterprises: [nobody], source: {note: x}}\n    segments:"))
yaml_case("goal-value-text", BASE.replace("    segments:", "    goals:\n      - {metric: output_value, value: 很多, source: {note: x}}\n    segments:"))
yaml_case("scoring-negative-weight", "workspace:\n  scoring: {gap: -0.5}\n")
folder_case("workspace-section-twice", {"a.yaml": "workspace: {name: 甲}\n", "b.yaml": "workspace: {name: 乙}\n"})
folder_case("enterprise-id-in-two-files", {"a.yaml": BASE, "b.yaml": "enterprises:\n  - {id: f, location: 中国, segments: [b]}\n"})
folder_case("supplies-csv-bad-rows", {"a.yaml": BASE + ENT, "supplies.csv": "from,to,segment,value\nf,g,a,x\nf,nobody,a,1\nf,g,zz,1\n"})
folder_case("bulk-enterprises-bad-rows", {"a.yaml": BASE, "pool.csv": "id,name,location,segments,role,status,revenue\n"
                                          "x1,甲,中国,a;a,,,\n,乙,中国,a,,,\nx3,丙,,a,,,\nx4,丁,中国,a,,closed-ish,\nx5,戊,中国,a,,,nan\n"})
# metrics v2 fields (issue 19) and the shared registry (issue 14)
yaml_case("v2-bad-type-kind-year", "chains:\n  - id: c\n    segments:\n      - {id: a, type: produkt}\n"
          "enterprises:\n  - {id: f, kind: factory, location: 中国, segments: [a], revenue: 5, revenue_year: 23}\n")
yaml_case("v2-group-unknown-and-cycle", BASE + "  - {id: g, location: 中国, segments: [b], group: h}\n"
          "  - {id: h, location: 中国, segments: [b], group: g}\n  - {id: k, location: 中国, segments: [b], group: nobody}\n")
yaml_case("v2-share-source-empty", "chains:\n  - id: c\n    segments:\n      - {id: a}\n"
          "      - {id: b, inputs: [{from: a, share: 0.5, source: {}}]}\n")
yaml_case("v2-weights-sum-zero", "workspace:\n  importance: {value: 0, dependence: 0, plan: 0, import: 0}\n"
          "  scoring: {gap: 0, fit: 0, strength: 0, link: 0, related: 0, listed: 0, unknown_strength: 2}\n")
folder_case("v2-use-unknown-and-twice", {"ws.yaml": "workspace: {include: [../reg]}\n" + BASE.replace("enterprises:\n", "enterprises:\n  - {use: nobody, segments: [a]}\n  - {use: r1, segments: [a]}\n"),
                                         "../reg/r.yaml": "enterprises:\n  - {id: r1, location: 中国, segments: [a]}\n"})
folder_case("v2-include-missing", {"ws.yaml": "workspace: {include: [../no-such-folder]}\n" + BASE})
yaml_case("v2-strict", "chains:\n  - id: c\n    segments:\n      - {id: a, type: material}\n"
          "      - {id: b, inputs: [{from: a, share: 0.5}]}\n"
          "enterprises:\n  - {id: f, location: 中国, segments: [a], revenue: 5}\n",
          args="validate --strict {dir}/ws.yaml")
pool_case("pool-v2-bad-columns", "pool.csv", "id,name,location,segments,kind,group,revenue_year,listed\n"
          "x,甲,中国/上海,a,plant,,,\ny,乙,中国/上海,a,,,20x4,\nz,丙,中国/上海,a,,,,maybe\n")
cases["empty-folder"] = ({"ws/.keep": b""}, "validate {dir}/ws")
cases["not-a-workspace-file"] = ({"notes.txt": "hello".encode()}, "validate {dir}/notes.txt")
cases["missing-path"] = ({"args-only": b""}, "validate {dir}/nothing-here")
# candidate pools (score)
pool_case("pool-missing-location-column", "pool.csv", "id,name,segments\nx,甲,a\n")
pool_case("pool-unclosed-quote", "pool.csv", "id,name,location,segments\nx,\"甲,中国,a\ny,乙,中国,a\n")
pool_case("pool-bad-revenue", "pool.csv", "id,name,location,segments,role,status,revenue\nx,甲,中国/上海,a,,,1e999\ny,乙,中国/上海,a,,,-5\nz,丙,中国/上海,a,,,abc\n")
pool_case("pool-bad-status-and-role", "pool.csv", "id,name,location,segments,role,status,revenue\nx,甲,中国/上海,a,boss,,\ny,乙,中国/上海,a,,open,\n")
pool_case("pool-duplicate-segment", "pool.csv", "id,name,location,segments\nx,甲,中国/上海,a;b;a\n")
pool_case("pool-empty-id", "pool.csv", "id,name,location,segments\n,甲,中国/上海,a\n")
pool_case("pool-bom-crlf-and-bad-row", "pool.csv", b"\xef\xbb\xbfid,name,location,segments\r\nx,\xe7\x94\xb2,\xe4\xb8\xad\xe5\x9b\xbd/\xe4\xb8\x8a\xe6\xb5\xb7,a\r\n,y,z,a\r\n")
pool_case("pool-empty-file", "pool.csv", "")
pool_case("pool-jsonl-bad-json", "pool.jsonl", '{"id": "x", "location": "中国/上海", "segments": ["a"]}\n{"id": "y", "location": \n[1, 2]\n')
pool_case("pool-jsonl-wrong-types", "pool.jsonl", '{"id": 5, "location": "中国/上海"}\n{"id": "y", "location": "中国/上海", "segments": 5}\n{"id": "z", "location": "中国/上海", "revenue": "many"}\n')
pool_case("pool-invalid-utf8", "pool.csv", b"id,name,location,segments\nx,\xff\xfe,\xe4\xb8\xad\xe5\x9b\xbd,a\n")


# issue 18: one id rule, control characters, inputs that always make progress
yaml_case("id-rule-violations", "chains:\n  - id: ../../evil\n    segments:\n      - {id: a/b}\n      - {id: .hidden}\n"
          "      - {id: ' space'}\n      - {id: " + "x" * 129 + "}\n  - id: index\n    segments: [{id: c}]\n"
          "enterprises:\n  - {id: 'f\\g', location: 中国, segments: [c]}\n")
yaml_case("control-chars-in-text", 'chains:\n  - id: c\n    name: "链\\x01"\n    segments:\n      - {id: a, name: "a\\0b"}\n'
          '      - {id: "b\\x1b", name: "ok\\tok"}\n')
yaml_case("segment-lists-itself", "chains:\n  - id: c\n    segments:\n      - {id: a, final_demand: 1e-400}\n"
          "      - {id: b, inputs: [a, b]}\n      - {id: d, inputs: [d]}\n")
folder_case("bulk-control-chars", {"a.yaml": BASE, "pool.csv": "id,name,location,segments\n"
                                    "x1,\"two\nlines\",中国,a\nx2,bell\x07,中国,a\nx3\x01,丙,中国,a\n"})
pool_case("pool-quoted-newline-and-tiny-revenue", "pool.csv", "id,name,location,segments,role,status,revenue\n"
          "x,\"甲\n乙\",中国/上海,a,,,1e-400\ny,\"丙\"\"丁\"\"\",中国/上海,a,,,\n")
pool_case("pool-jsonl-bom", "pool.jsonl", b'\xef\xbb\xbf{"id": "x", "location": "\xe4\xb8\xad\xe5\x9b\xbd/\xe4\xb8\x8a\xe6\xb5\xb7", "segments": ["a"]}\n')
pool_case("pool-control-chars-and-nul", "pool.csv", b"id,name,location,segments\nx,a\x01,\xe4\xb8\xad\xe5\x9b\xbd,a\n"
          b"y,a\x00b,\xe4\xb8\xad\xe5\x9b\xbd,a\nz,ok,\xe4\xb8\xad\xe5\x9b\xbd/\xe4\xb8\x8a\xe6\xb5\xb7,a\n")
# Issue 15: a GBK pool (Excel's CSV on Chinese Windows) is read as GB18030; a row with bytes in
# neither encoding and a UTF-8 row in the GBK file are rejected at file:line, the rest scored.
pool_case("pool-gbk-mixed-and-invalid", "pool.csv",
          "id,name,location,segments\nx,甲公司,中国/上海,a\ny,乙公司,中国/上海,a\n".encode("gbk")
          + b"z,\xff\xfe,China,a\n" + "w,丁公司,中国/上海,a\n".encode("utf-8"))
# Issue 15: a foreign header without a mapping names what it saw and how to map it.
pool_case("pool-foreign-header-unmapped", "pool.csv", "企业名称,省份,城市\n甲公司,山东省,青岛市\n")
# Issue 18 item 14: --max-string holds for every field of a bulk row.
pool_case("pool-field-over-max-string", "pool.csv", "id,name,location,segments\nx," + "长" * 10 + ",中国/上海,a\ny,乙,中国/上海,a\n")
cases["pool-field-over-max-string"] = (cases["pool-field-over-max-string"][0],
                                       cases["pool-field-over-max-string"][1] + " --max-string 16")


def main() -> None:
    record = "--record" in sys.argv
    for name in sorted(os.listdir(HERE)):
        if os.path.isdir(os.path.join(HERE, name)):
            shutil.rmtree(os.path.join(HERE, name))
    for name, (files, args) in sorted(cases.items()):
        d = os.path.join(HERE, name)
        os.makedirs(d, exist_ok=True)
        for fname, data in files.items():
            p = os.path.join(d, fname)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "wb") as f:
                f.write(data)
        line = args.format(dir=f"{REL}/{name}")
        with open(os.path.join(d, "args"), "w", encoding="utf-8") as f:
            f.write(line + "\n")
        if record:
            binary = os.environ.get("CHAINLENS", "build/cli/chainlens")
            r = subprocess.run([binary] + line.split(" "), cwd=ROOT, capture_output=True)
            with open(os.path.join(d, "expected"), "wb") as f:
                f.write(r.stderr + f"exit: {r.returncode}\n".encode())
    print(f"{len(cases)} cases in {REL}")


if __name__ == "__main__":
    main()
