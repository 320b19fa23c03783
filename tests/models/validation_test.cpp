// Every validation rule of workspace-format.md and metrics.md, checked by its whole
// message including file:line:col, on inline YAML read by the real loader.
#include <catch2/catch.hpp>

#include "models/yaml_loader.hpp"

using namespace chainlens;

namespace {

/// The formatted diagnostics of loading `yaml` as "t.yaml"; empty when it loads.
std::vector<std::string> errors_of(const std::string& yaml) {
  try {
    load_workspace_text(yaml, "t.yaml");
  } catch (const InputError& e) {
    std::vector<std::string> out;
    for (const Diagnostic& d : e.diagnostics()) out.push_back(format_diagnostic(d));
    return out;
  }
  return {};
}

const char* kChain = R"(
chains:
  - id: c
    segments:
      - {id: a}
      - {id: b, inputs: [a]}
)";

}  // namespace

TEST_CASE("load_workspace_text: a valid chain loads without diagnostics", "[models][validation]") {
  CHECK(errors_of(kChain).empty());
  const Workspace ws = load_workspace_text(kChain, "t.yaml");
  REQUIRE(ws.chains.size() == 1);
  CHECK(ws.chains[0].segments[1].inputs[0].from == "a");
  CHECK(ws.chains[0].segments[0].name == "a");  // the name defaults to the id
}

TEST_CASE("load_workspace_text: YAML syntax error names line and column", "[models][validation]") {
  const auto e = errors_of("chains:\n  - id: c\n    segments: [a, b\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0].rfind("t.yaml:4:1: error: YAML syntax: ", 0) == 0);
}

TEST_CASE("load_workspace_text: unknown keys get a did-you-mean hint", "[models][validation]") {
  const auto e = errors_of("chains:\n  - id: c\n    sgements: []\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0] == "t.yaml:3:5: error: unknown key 'sgements' in chain 'c' (did you mean 'segments'?)");

  const auto top = errors_of("chian: []\n");
  REQUIRE(top.size() == 1);
  CHECK(top[0] == "t.yaml:1:1: error: unknown key 'chian' in the file's top level (did you mean 'chains'?)");

  const auto far = errors_of("chains:\n  - id: c\n    zzzzzzzz: 1\n");
  REQUIRE(far.size() == 1);
  CHECK(far[0] ==
        "t.yaml:3:5: error: unknown key 'zzzzzzzz' in chain 'c' (expected one of declared, gaps, goals, id, name, "
        "name_en, note, scope, segments, source or target_lists)");
}

TEST_CASE("load_workspace_text: wrong types", "[models][validation]") {
  SECTION("a text where a list belongs") {
    const auto e = errors_of("enterprises:\n  - {id: f, location: 中国, segments: a}\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0] == "t.yaml:2:37: error: 'segments' of enterprise 'f' must be a list, got 'a' (write [a])");
  }
  SECTION("a list where a mapping belongs") {
    const auto e = errors_of("chains:\n  - [c]\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0] == "t.yaml:2:5: error: a chain must be a mapping, got a list");
  }
  SECTION("a word where a number belongs, and NaN") {
    const auto e = errors_of(
        "enterprises:\n  - {id: f, location: 中国, revenue: lots}\n  - {id: g, location: 中国, revenue: .nan}\n");
    REQUIRE(e.size() == 2);
    CHECK(e[0] == "t.yaml:2:36: error: 'revenue' of enterprise 'f' must be a number, got 'lots'");
    CHECK(e[1] == "t.yaml:3:36: error: 'revenue' of enterprise 'g' must be a number, got '.nan'");
  }
  SECTION("a huge number") {
    const auto e = errors_of("enterprises:\n  - {id: f, location: 中国, revenue: 1e999}\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0] == "t.yaml:2:36: error: 'revenue' of enterprise 'f' must be a finite number, got '1e999'");
  }
  SECTION("a missing id") {
    const auto e = errors_of("chains:\n  - {name: x}\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0] == "t.yaml:2:5: error: a chain is missing 'id'");
  }
}

TEST_CASE("load_workspace_text: duplicate ids and keys", "[models][validation]") {
  const auto e = errors_of(
      "enterprises:\n  - {id: f, location: 中国}\n  - {id: f, location: 中国}\n"
      "chains:\n  - {id: c, segments: [{id: a}, {id: a}]}\n"
      "sources:\n  - {id: s, title: x, title: y}\n");
  REQUIRE(e.size() == 3);
  CHECK(e[0] == "t.yaml:3:5: error: duplicate enterprise id 'f' (first defined at t.yaml:2:5)");
  CHECK(e[1] == "t.yaml:5:33: error: duplicate segment id 'a' (first defined at t.yaml:5:24)");
  CHECK(e[2] == "t.yaml:7:23: error: duplicate key 'title' in source 's' (first at line 7)");
}

TEST_CASE("load_workspace_text: dangling references", "[models][validation]") {
  const auto e = errors_of(R"(sources:
  - {id: seed-001, title: t}
chains:
  - id: c
    segments:
      - {id: c.a}
      - {id: c.b, parent: c.x, inputs: [c.aa]}
    gaps:
      - {segment: c.z, kind: missing, source: {id: seed-01, quote: q}}
    target_lists:
      - {id: l, enterprises: [fx]}
enterprises:
  - {id: f, location: 中国, segments: [c.q]}
supplies:
  - {from: f, to: g, segment: c.a}
demand:
  - {segment: c.y, value: 1}
)");
  REQUIRE(e.size() == 8);
  CHECK(e[0] == "t.yaml:7:27: error: unknown segment 'c.x' in 'parent' of segment 'c.b' (did you mean 'c.a'?)");
  CHECK(e[1] == "t.yaml:7:41: error: unknown segment 'c.aa' in an input of segment 'c.b' (did you mean 'c.a'?)");
  CHECK(e[2] == "t.yaml:9:19: error: unknown segment 'c.z' in 'segment' of the gap on 'c.z' in chain 'c' (did you mean 'c.a'?)");
  CHECK(e[3] == "t.yaml:9:52: error: unknown source 'seed-01' in the source of the gap on 'c.z' in chain 'c' (did you mean 'seed-001'?)");
  CHECK(e[4] == "t.yaml:11:31: error: unknown enterprise 'fx' in 'enterprises' of target list 'l' (did you mean 'f'?)");
  CHECK(e[5] == "t.yaml:13:38: error: unknown segment 'c.q' in 'segments' of enterprise 'f' (did you mean 'c.a'?)");
  CHECK(e[6] == "t.yaml:15:19: error: unknown enterprise 'g' in 'to' of the supply f -> g (did you mean 'f'?)");
  CHECK(e[7] == "t.yaml:17:15: error: unknown segment 'c.y' in 'segment' of the demand for 'c.y' (did you mean 'c.a'?)");
}

TEST_CASE("load_workspace_text: shares and input intensity", "[models][validation]") {
  const auto e = errors_of(R"(chains:
  - id: c
    segments:
      - {id: a}
      - {id: b}
      - {id: d, input_intensity: 1, inputs: [{from: a, share: 0}, {from: b, share: 1.5}]}
      - {id: e, inputs: [{from: a, share: 0.7}, {from: b, share: 0.6}]}
      - {id: f, input_intensity: -0.1}
)");
  REQUIRE(e.size() == 5);
  CHECK(e[0] == "t.yaml:6:34: error: 'input_intensity' of segment 'd' must be in [0, 1), got 1 "
                "(it is the share of output value bought from chain inputs)");
  CHECK(e[1] == "t.yaml:6:63: error: 'share' of input 'a' of segment 'd' must be in (0, 1], got 0");
  CHECK(e[2] == "t.yaml:6:84: error: 'share' of input 'b' of segment 'd' must be in (0, 1], got 1.5");
  CHECK(e[3] == "t.yaml:7:25: error: the input shares of segment 'e' add up to 1.3, above 1 (shares are fractions of the segment's chain inputs)");
  CHECK(e[4] == "t.yaml:8:34: error: 'input_intensity' of segment 'f' must be in [0, 1), got -0.1 "
                "(it is the share of output value bought from chain inputs)");
}

TEST_CASE("load_workspace_text: negative amounts", "[models][validation]") {
  const auto e = errors_of(R"(chains: [{id: c, segments: [{id: a}]}]
enterprises:
  - {id: f, location: 中国, revenue: -1, capacity: {a: -2}}
  - {id: g, location: 中国}
supplies:
  - {from: f, to: g, segment: a, value: -3}
demand:
  - {segment: a, value: -4}
)");
  REQUIRE(e.size() == 4);
  CHECK(e[0] == "t.yaml:3:36: error: 'revenue' of enterprise 'f' must not be negative, got -1");
  CHECK(e[1] == "t.yaml:3:54: error: capacity of 'a' in enterprise 'f' must not be negative");
  CHECK(e[2] == "t.yaml:6:41: error: 'value' of the supply f -> g must not be negative, got -3");
  CHECK(e[3] == "t.yaml:8:25: error: 'value' of the demand for 'a' must not be negative, got -4");
}

TEST_CASE("load_workspace_text: unknown enum words", "[models][validation]") {
  const auto e = errors_of(R"(chains:
  - id: c
    segments: [{id: a, stage: midstraem}]
    gaps: [{segment: a, kind: lacking}]
enterprises:
  - {id: f, location: 中国, role: boss, status: running}
)");
  REQUIRE(e.size() == 4);
  CHECK(e[0] == "t.yaml:3:31: error: unknown stage 'midstraem' in segment 'a' (did you mean 'midstream'?)");
  CHECK(e[1] == "t.yaml:4:31: error: unknown kind 'lacking' in the gap on 'a' in chain 'c' "
                "(expected missing, weak, import-dependent, local-supply or technology)");
  CHECK(e[2] == "t.yaml:6:33: error: unknown role 'boss' in enterprise 'f' (expected anchor, key, supplier, research or platform)");
  CHECK(e[3] == "t.yaml:6:47: error: unknown status 'running' in enterprise 'f' (expected operating, building, planned or closed)");
}

TEST_CASE("load_workspace_text: parents", "[models][validation]") {
  SECTION("a parent cycle is reported once") {
    const auto e = errors_of(R"(chains:
  - id: c
    segments:
      - {id: a, parent: b}
      - {id: b, parent: a}
      - {id: x}
)");
    REQUIRE(e.size() == 1);
    CHECK(e[0] == "t.yaml:4:9: error: parent cycle: a -> b -> a (a segment cannot be its own ancestor)");
  }
  SECTION("enterprises, supplies and demand must name leaf segments; parents take no inputs") {
    const auto e = errors_of(R"(chains:
  - id: c
    segments:
      - {id: p, inputs: [x]}
      - {id: x}
      - {id: a, parent: p}
      - {id: b, parent: p}
enterprises:
  - {id: f, location: 中国, segments: [p]}
demand: [{segment: p, value: 1}]
)");
    REQUIRE(e.size() == 3);
    CHECK(e[0] == "t.yaml:4:9: error: segment 'p' has children, so it cannot have inputs of its own "
                  "(move the inputs to its children: a, b)");
    CHECK(e[1] == "t.yaml:9:38: error: segment 'p' in 'segments' of enterprise 'f' is a parent segment (name one of its children: a, b)");
    CHECK(e[2] == "t.yaml:10:20: error: segment 'p' in 'segment' of the demand for 'p' is a parent segment (name one of its children: a, b)");
  }
}

TEST_CASE("load_workspace_text: regions and aliases", "[models][validation]") {
  const char* yaml = R"(workspace: {scope: 新区}
regions:
  - {path: 中国/山东/青岛/西海岸新区, aliases: [新区, 黄岛区]}
  - {path: 日本}
enterprises:
  - {id: f, location: 黄岛区/董家口}
  - {id: g, location: 日本/东京}
  - {id: h, location: 中囯/上海}
  - {id: k, location: 胶州}
)";
  const auto e = errors_of(yaml);
  REQUIRE(e.size() == 2);
  CHECK(e[0] == "t.yaml:8:23: error: unknown region or alias '中囯' in '中囯/上海' (did you mean '中国'?)");
  CHECK(e[1] == "t.yaml:9:23: error: unknown region or alias '胶州' in '胶州' (declare it under 'regions:', or start the path with a known root)");

  const std::string fixed = std::string(yaml).substr(0, std::string(yaml).find("  - {id: h"));
  const Workspace ws = load_workspace_text(fixed, "t.yaml");
  CHECK(ws.scope.str() == "中国/山东/青岛/西海岸新区");
  CHECK(ws.enterprises[0].location.str() == "中国/山东/青岛/西海岸新区/董家口");
  CHECK(ws.enterprises[1].location.str() == "日本/东京");
}

TEST_CASE("load_workspace_text: sources must be {id, quote} or {note}", "[models][validation]") {
  const auto e = errors_of(R"(sources: [{id: s}]
chains:
  - {id: c, source: {id: s}}
  - {id: d, source: {quote: q}}
  - {id: e, source: {}}
  - {id: f, source: {note: public knowledge}}
)");
  REQUIRE(e.size() == 3);
  CHECK(e[0] == "t.yaml:3:21: error: the source of chain 'c' names document 's' but no quote "
                "(add quote: \"...\" copied from it)");
  CHECK(e[1] == "t.yaml:4:21: error: the source of chain 'd' has a quote but no document id "
                "(add id: with a sources entry)");
  CHECK(e[2] == "t.yaml:5:21: error: the source of chain 'e' is empty (write {id, quote} or {note})");
}

TEST_CASE("load_workspace_text: hostile input never crashes", "[models][validation]") {
  SECTION("deep nesting is refused before the recursive parser sees it") {
    const std::string deep = "chains: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
    const auto e = errors_of(deep);
    REQUIRE(e.size() == 1);
    CHECK(e[0] == "t.yaml:1:1: error: nesting deeper than 64 levels (raise the limit with --max-depth)");
  }
  SECTION("invalid UTF-8") {
    const auto e = errors_of("chains:\n  - {id: \xff\xfe}\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0] == "t.yaml:2:10: error: the file is not valid UTF-8 (save it as UTF-8)");
  }
  SECTION("an alias bomb stops at the expansion cap, with bounded diagnostics") {
    // 300 aliases of an enterprise whose 1,000 segments are one repeated id: 300,000
    // entries from a 5 KB file, against a cap of 50,000 (the default cap is 5 million; a
    // smaller one keeps this test quick under the sanitizers).
    std::string bomb = "enterprises:\n  - &e {id: f, location: 中国, segments: &L [s";
    for (int i = 1; i < 1000; ++i) bomb += ", s";
    bomb += "]}\n";
    for (int i = 0; i < 300; ++i) bomb += "  - *e\n";
    LoadOptions small;
    small.limits.max_entries = 50'000;
    std::vector<std::string> e;
    try {
      load_workspace_text(bomb, "t.yaml", small);
    } catch (const InputError& err) {
      for (const Diagnostic& d : err.diagnostics()) e.push_back(format_diagnostic(d));
    }
    REQUIRE(e.size() == DiagnosticSink::kMaxKept + 2);
    CHECK(e.front() == "t.yaml:1:1: error: the document expands to more than 50000 entries "
                       "(are YAML aliases (*name) repeating large parts? raise the limit with --max-entries)");
    CHECK(e.back().find("more errors not shown") != std::string::npos);
  }
  SECTION("an empty file is an empty workspace") { CHECK(errors_of("").empty()); }
  SECTION("two documents in one file") {
    const auto e = errors_of("chains: []\n---\nchains: []\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0] == "t.yaml:3:1: error: more than one YAML document in a file (split it into two files, or remove the '---')");
  }
}

TEST_CASE("load_workspace_text: every problem in a file is reported at once", "[models][validation]") {
  const auto e = errors_of(R"(chains:
  - id: c
    sgements: []
    segments: [{id: a, stage: up}, {id: b, inputs: [zz]}]
enterprises:
  - {id: f, location: 中国, segments: [q], revenue: -5}
)");
  CHECK(e.size() == 5);
}

// Regression tests for what fuzz_yaml found (issue 9), each named for what it was.
TEST_CASE("fuzz_yaml regression: a stray comma at document level (yaml-cpp LoadAll looped, 24 GB)", "[models][fuzz]") {
  const auto e = errors_of(",");
  REQUIRE(e.size() == 1);
  CHECK(e[0] == "t.yaml:1:1: error: YAML syntax: unexpected text where a document should start "
                "(a ',' or other flow token outside [...] or {...}?)");
  const auto after = errors_of("chains: []\n,\n");
  REQUIRE(after.size() == 1);
  CHECK(after[0].rfind("t.yaml:2:1: error: YAML syntax", 0) == 0);
}

TEST_CASE("fuzz_yaml regression: a chain or enterprise without id leaves no dangling region lookup", "[models][fuzz]") {
  // The dropped chain's scope was resolved against the next chain's index (use after free).
  const auto e = errors_of("regions:\n  - {path: 中国/山东, aliases: [山东]}\nchains:\n  - {scope: 山东, segments: []}\n"
                           "  - {id: b, scope: 山东}\nenterprises:\n  - {location: 山东}\n  - {id: f, location: 山东}\n");
  REQUIRE(e.size() == 2);
  CHECK(e[0].find("t.yaml:4:5: error:") == 0);
  CHECK(e[1].find("t.yaml:7:5: error:") == 0);
}
