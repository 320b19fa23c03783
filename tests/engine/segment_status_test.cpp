// Segment status in a scope on hand-built chains: every row of metrics.md's status table,
// the weak rules (declared gaps of any chain and any kind, capacity < demand), the v2
// enterprise kinds (parks and institutes as carriers) and the parent roll-up.
#include <catch2/catch.hpp>

#include "engine/chain_graph.hpp"
#include "engine/segment_status.hpp"
#include "tests/support/test_graph.hpp"

using namespace chainlens;
using chainlens::test::TestGraph;

namespace {

const SegmentState& state(const StatusReport& r, const std::string& id) {
  for (const SegmentState& s : r.segments)
    if (s.segment == id) return s;
  throw std::logic_error("no segment " + id);
}

// One segment per rule; f* are local to 中国/青岛, far* are not.
const char* kRules = R"(
chains:
  - id: t
    segments:
      - {id: t.none}
      - {id: t.plan}
      - {id: t.one}
      - {id: t.one-weak}
      - {id: t.gap-weak}
      - {id: t.cap-weak}
      - {id: t.cap-ok}
      - {id: t.demand-only}
      - {id: t.two}
      - {id: t.missing-gap}
      - id: t.end
        inputs: [t.none, t.plan, t.one, t.one-weak, t.gap-weak, t.cap-weak, t.cap-ok, t.demand-only, t.two, t.missing-gap]
    gaps:
      - {segment: t.one-weak, kind: import-dependent}
      - {segment: t.missing-gap, kind: missing}
  - id: other
    segments: [{id: other.x}]
    gaps:
      - {segment: t.gap-weak, kind: weak}
enterprises:
  - {id: far1, location: 中国/上海, segments: [t.none]}
  - {id: f-plan1, location: 中国/青岛, segments: [t.plan], status: building}
  - {id: f-plan2, location: 中国/青岛/黄岛, segments: [t.plan], status: planned}
  - {id: f-plan3, location: 中国/青岛, segments: [t.plan], status: closed}
  - {id: f-one, location: 中国/青岛, segments: [t.one, t.one-weak]}
  - {id: f-one-b, location: 中国/青岛, segments: [t.one], status: building}
  - {id: f-gap1, location: 中国/青岛, segments: [t.gap-weak, t.two, t.missing-gap]}
  - {id: f-gap2, location: 中国/青岛, segments: [t.gap-weak, t.two, t.missing-gap]}
  - {id: f-cap1, location: 中国/青岛, segments: [t.cap-weak, t.cap-ok, t.demand-only], capacity: {t.cap-weak: 3, t.cap-ok: 3}}
  - {id: f-cap2, location: 中国/青岛, segments: [t.cap-weak, t.cap-ok, t.demand-only], capacity: {t.cap-weak: 4, t.cap-ok: 4}}
  - {id: f-cap3, location: 中国/青岛, segments: [t.cap-weak], status: building, capacity: {t.cap-weak: 50}}
  - {id: far2, location: 中国/上海, segments: [t.cap-weak], capacity: {t.cap-weak: 50}}
demand:
  - {segment: t.cap-weak, value: 6}
  - {segment: t.cap-weak, value: 4}
  - {segment: t.cap-ok, value: 7}
  - {segment: t.demand-only, value: 100}
)";

}  // namespace

TEST_CASE("severity, is_present, worse: the table of metrics.md", "[engine][segment_status]") {
  CHECK(severity(SegmentStatus::missing) == 1.0);
  CHECK(severity(SegmentStatus::planned) == 0.7);
  CHECK(severity(SegmentStatus::single) == 0.6);
  CHECK(severity(SegmentStatus::weak) == 0.5);
  CHECK(severity(SegmentStatus::covered) == 0.0);
  CHECK_FALSE(is_present(SegmentStatus::missing));
  CHECK_FALSE(is_present(SegmentStatus::planned));
  CHECK(is_present(SegmentStatus::single));
  CHECK(is_present(SegmentStatus::weak));
  CHECK(is_present(SegmentStatus::covered));
  CHECK(worse(SegmentStatus::single, SegmentStatus::planned) == SegmentStatus::planned);
  CHECK(worse(SegmentStatus::covered, SegmentStatus::weak) == SegmentStatus::weak);
  CHECK(std::string(status_name(SegmentStatus::weak)) == "weak");
}

TEST_CASE("segment_statuses: one segment per rule in 中国/青岛", "[engine][segment_status]") {
  const TestGraph t(kRules, "t");
  const StatusReport r = segment_statuses(t.graph(), Scope::parse("中国/青岛"));
  REQUIRE(r.segments.size() == 11);
  CHECK(r.segments[0].segment == "t.none");  // vertex order
  CHECK_FALSE(r.empty_scope);

  SECTION("missing: the only firm is in 上海") {
    CHECK(state(r, "t.none").status == SegmentStatus::missing);
    CHECK(state(r, "t.none").local_enterprises.empty());
  }
  SECTION("planned: building and planned firms only; the closed one is not listed") {
    const SegmentState& s = state(r, "t.plan");
    CHECK(s.status == SegmentStatus::planned);
    CHECK(s.local_enterprises == std::vector<std::string_view>{"f-plan1", "f-plan2"});
    CHECK(s.operating == 0);
  }
  SECTION("single: one operating firm (a building one beside it does not count)") {
    const SegmentState& s = state(r, "t.one");
    CHECK(s.status == SegmentStatus::single);
    CHECK(s.operating == 1);
    CHECK(s.local_enterprises == std::vector<std::string_view>{"f-one", "f-one-b"});
    CHECK_FALSE(s.weak_flag);
  }
  SECTION("single that meets a weak rule stays single and lists the flag") {
    CHECK(state(r, "t.one-weak").status == SegmentStatus::single);
    CHECK(state(r, "t.one-weak").weak_flag);
  }
  SECTION("weak: a gap declared by another chain names the segment") {
    CHECK(state(r, "t.gap-weak").status == SegmentStatus::weak);
  }
  SECTION("weak: operating capacity 3 + 4 = 7 < demand 6 + 4 = 10; building and non-local capacity ignored") {
    CHECK(state(r, "t.cap-weak").status == SegmentStatus::weak);
    CHECK(state(r, "t.cap-weak").operating == 2);
  }
  SECTION("covered: capacity 7 >= demand 7; demand without declared capacity is no rule") {
    CHECK(state(r, "t.cap-ok").status == SegmentStatus::covered);
    CHECK(state(r, "t.demand-only").status == SegmentStatus::covered);
    CHECK_FALSE(state(r, "t.demand-only").weak_flag);
  }
  SECTION("covered: two operating firms and no weak rule") {
    CHECK(state(r, "t.two").status == SegmentStatus::covered);
    CHECK_FALSE(state(r, "t.two").weak_flag);
  }
  SECTION("weak (v2): a declared gap of any kind, here `missing`, is a weak rule") {
    // f-gap1 and f-gap2 operate in it (2 >= 2) and the plan names it: weak, not covered.
    CHECK(state(r, "t.missing-gap").status == SegmentStatus::weak);
    CHECK(state(r, "t.missing-gap").weak_flag);
    CHECK(state(r, "t.missing-gap").operating == 2);
  }
}

TEST_CASE("segment_statuses: a scope with no local firm is empty", "[engine][segment_status]") {
  const TestGraph t(kRules, "t");
  const StatusReport r = segment_statuses(t.graph(), Scope::parse("中国/北京"));
  CHECK(r.empty_scope);
  for (const SegmentState& s : r.segments) CHECK(s.status == SegmentStatus::missing);
  // 上海 holds far1 and far2: not empty, two segments present there.
  const StatusReport sh = segment_statuses(t.graph(), Scope::parse("中国/上海"));
  CHECK_FALSE(sh.empty_scope);
  CHECK(state(sh, "t.cap-weak").status == SegmentStatus::single);
}

TEST_CASE("segment_statuses: parents take the worst status of their leaves at any depth", "[engine][segment_status]") {
  const TestGraph t(R"(
chains:
  - id: p
    segments:
      - {id: p.top}
      - {id: p.mid, parent: p.top}
      - {id: p.a, parent: p.mid}
      - {id: p.b, parent: p.mid}
      - {id: p.c, parent: p.top, inputs: [p.a, p.b]}
      - {id: p.lone}
      - {id: p.d, parent: p.lone}
enterprises:
  - {id: a1, location: 中国/青岛, segments: [p.a]}
  - {id: a2, location: 中国/青岛, segments: [p.a, p.d]}
  - {id: b1, location: 中国/青岛, segments: [p.b]}
  - {id: c1, location: 中国/青岛, segments: [p.c], status: planned}
  - {id: d1, location: 中国/青岛, segments: [p.d]}
)",
                    "p");
  const StatusReport r = segment_statuses(t.graph(), Scope::parse("中国/青岛"));
  REQUIRE(r.parents.size() == 3);  // file order: p.top, p.mid, p.lone
  CHECK(r.parents[0].segment == "p.top");
  CHECK(r.parents[0].children == std::vector<std::string>{"p.a", "p.b", "p.c"});
  CHECK(r.parents[0].status == SegmentStatus::planned);  // a covered, b single, c planned
  CHECK(r.parents[1].segment == "p.mid");
  CHECK(r.parents[1].status == SegmentStatus::single);   // a covered, b single
  CHECK(r.parents[2].status == SegmentStatus::covered);  // d: a2 and d1
  // Elsewhere every leaf is missing, so every parent is.
  for (const ParentState& p : segment_statuses(t.graph(), Scope::parse("中国/上海")).parents)
    CHECK(p.status == SegmentStatus::missing);
}

TEST_CASE("segment_statuses (v2 kinds): parks never count, institutes only in rnd, projects like firms",
          "[engine][segment_status]") {
  const TestGraph t(R"(
chains:
  - id: k
    gaps: [{segment: k.cell, kind: technology}]
    segments:
      - {id: k.design, type: rnd}
      - {id: k.cell, type: component}
      - {id: k.car, type: product, inputs: [k.cell, k.design]}
enterprises:
  - {id: base, kind: park, location: 中国/青岛, segments: [k.cell, k.design]}
  - {id: lab, kind: institute, location: 中国/青岛, segments: [k.cell, k.design]}
  - {id: plant, kind: project, location: 中国/青岛, segments: [k.cell]}
  - {id: maker, kind: firm, location: 中国/青岛, segments: [k.cell]}
)",
                    "k");
  const StatusReport r = segment_statuses(t.graph(), Scope::parse("中国/青岛"));
  // k.cell: plant (project) and maker (firm) count: 2 operating; the plan's technology gap
  // is a weak rule (v2: any kind) -> weak. The park and the institute are carriers (载体).
  const SegmentState& cell = state(r, "k.cell");
  CHECK(cell.status == SegmentStatus::weak);
  CHECK(cell.operating == 2);
  CHECK(cell.local_enterprises == std::vector<std::string_view>{"maker", "plant"});
  CHECK(cell.carriers == std::vector<std::string_view>{"base", "lab"});
  // k.design is rnd: the institute counts there (1 operating -> single), the park does not.
  const SegmentState& design = state(r, "k.design");
  CHECK(design.status == SegmentStatus::single);
  CHECK(design.local_enterprises == std::vector<std::string_view>{"lab"});
  CHECK(design.carriers == std::vector<std::string_view>{"base"});
  // k.car has nobody: missing.
  CHECK(state(r, "k.car").status == SegmentStatus::missing);
  // Nobody is in 上海: the scope is empty and k.cell missing there.
  const StatusReport sh = segment_statuses(t.graph(), Scope::parse("中国/上海"));
  CHECK(sh.empty_scope);
  CHECK(state(sh, "k.cell").status == SegmentStatus::missing);
}

TEST_CASE("workspace_presence: present exactly where the status is single, weak or covered", "[engine][segment_status]") {
  // workspace_presence reads the membership columns instead of building the statuses; it
  // must agree with them segment by segment (the rules workspace has every row of the table),
  // in a scope with firms, one with a single district, and one with none.
  const TestGraph t(kRules, "t");
  const WorkspaceModel& m = t.graph().model();
  for (const char* scope : {"中国/青岛", "中国/青岛/黄岛", "中国/上海", "中国/北京"}) {
    CAPTURE(scope);
    const std::vector<SegmentState> states = workspace_statuses(m, Scope::parse(scope));
    std::vector<bool> expected;
    for (const SegmentState& s : states) expected.push_back(is_present(s.status));
    CHECK(workspace_presence(m, Scope::parse(scope)) == expected);
  }
  // By hand in 中国/青岛: t.plan has building and planned firms only (absent), t.none only a
  // firm in 上海 (absent), t.one an operating firm (present); in 上海 t.none and t.cap-weak.
  const auto present = [&](const char* scope, const char* id) -> bool {
    return workspace_presence(m, Scope::parse(scope))[*m.find(id)];
  };
  CHECK_FALSE(present("中国/青岛", "t.plan"));
  CHECK_FALSE(present("中国/青岛", "t.none"));
  CHECK(present("中国/青岛", "t.one"));
  CHECK(present("中国/上海", "t.none"));
  CHECK(present("中国/上海", "t.cap-weak"));
  CHECK_FALSE(present("中国/上海", "t.one"));
}
