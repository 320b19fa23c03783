// Chain data version 2 (issue 14): every leaf typed, revenue for the listed candidates,
// a group check for every local firm, one registry record per firm shared by the city and
// district workspaces, the contradictions with the seeds fixed, and `validate --strict`.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_set>

#include "engine/chain_graph.hpp"
#include "engine/gaps.hpp"
#include "models/yaml_loader.hpp"
#include "tests/support/run_cli.hpp"

using namespace chainlens;
using chainlens::test::run_chainlens;

namespace {

const Workspace& bundled(const std::string& name) {
  static std::map<std::string, Workspace> cache;
  auto it = cache.find(name);
  if (it == cache.end())
    it = cache.emplace(name, load_workspace(std::filesystem::path(CHAINLENS_SOURCE_DIR) / "chains" / name)).first;
  return it->second;
}

SegmentStatus status_of(const Workspace& ws, const std::string& chain, const std::string& segment) {
  const ChainGraph graph = build_chain_graph(ws, chain);
  for (const SegmentGap& g : find_gaps(graph, graph.default_scope()).segments)
    if (g.segment == segment) return g.status;
  FAIL("no segment " << segment << " in " << chain);
  return SegmentStatus::missing;
}

// Ids written as `id` at the start of the lines of a README section.
std::set<std::string> readme_ids(const std::string& heading) {
  const std::string readme = test::read_source_file("chains/README.md");
  const auto start = readme.find(heading);
  REQUIRE(start != std::string::npos);
  const auto end = readme.find("\n## ", start + 4);
  const std::string section = readme.substr(start, end == std::string::npos ? std::string::npos : end - start);
  std::set<std::string> ids;
  for (std::size_t at = section.find("\n- `"); at != std::string::npos; at = section.find("\n- `", at + 1)) {
    const auto close = section.find('`', at + 4);
    if (close != std::string::npos) ids.insert(section.substr(at + 4, close - at - 4));
  }
  return ids;
}

}  // namespace

TEST_CASE("data v2: every leaf segment of both bundled workspaces has a type", "[chains][data]") {
  for (const char* name : {"xihaian", "qingdao"}) {
    const Workspace& ws = bundled(name);
    std::unordered_set<std::string> parents;
    for (const Chain& c : ws.chains)
      for (const Segment& s : c.segments)
        if (!s.parent.empty()) parents.insert(s.parent);
    std::size_t leaves = 0;
    for (const Chain& c : ws.chains)
      for (const Segment& s : c.segments) {
        if (parents.contains(s.id)) continue;
        ++leaves;
        INFO(name << ": " << s.id);
        CHECK(s.type.has_value());
      }
    CHECK(leaves > 150);  // 180 in 西海岸, 309 in 青岛
  }
}

TEST_CASE("data v2: at least 80% of the listed candidates of 西海岸新区 have a sourced revenue", "[chains][data]") {
  const Workspace& ws = bundled("xihaian");
  std::size_t listed = 0, with_revenue = 0;
  for (const Enterprise& e : ws.enterprises) {
    if (is_local(e, ws.scope) || e.listed != true) continue;
    if (e.kind != EnterpriseKind::firm && e.kind != EnterpriseKind::project) continue;
    ++listed;
    if (!e.revenue) continue;
    ++with_revenue;
    INFO(e.id);
    CHECK(e.revenue_year.has_value());
    CHECK_FALSE(e.detail().source.empty());
  }
  INFO(with_revenue << " of " << listed << " listed candidates have a revenue");
  REQUIRE(listed > 300);
  CHECK(static_cast<double>(with_revenue) / listed >= 0.8);
}

TEST_CASE("data v2: every local firm has a group or is named in chains/README.md with the reason", "[chains][data]") {
  const std::set<std::string> named = readme_ids("## Local firms without a group");
  for (const char* name : {"xihaian", "qingdao"}) {
    const Workspace& ws = bundled(name);
    for (const Enterprise& e : ws.enterprises) {
      if (!is_local(e, ws.scope) || e.segments.empty() || !e.group.empty()) continue;
      if (e.kind != EnterpriseKind::firm && e.kind != EnterpriseKind::project) continue;
      INFO(name << ": " << e.id << " has no group and is not in the README list");
      CHECK(named.contains(e.id.str()));
    }
  }
}

TEST_CASE("data v2: the city and district workspaces share one record per firm", "[chains][data]") {
  const Workspace& xh = bundled("xihaian");
  const Workspace& qd = bundled("qingdao");
  auto find = [](const Workspace& ws, const std::string& id) -> const Enterprise* {
    for (const Enterprise& e : ws.enterprises)
      if (e.id == id) return &e;
    return nullptr;
  };
  for (const char* id : {"lishen-qd", "sgmw-qd", "doublestar", "haier"}) {
    INFO(id);
    const Enterprise* a = find(xh, id);
    const Enterprise* b = find(qd, id);
    REQUIRE(a != nullptr);
    REQUIRE(b != nullptr);
    CHECK(a->name == b->name);
    CHECK(a->location.str() == b->location.str());
    CHECK(a->pos.file() == b->pos.file());  // the same record, read from the registry
    CHECK(a->pos.file().find("registry") != std::string::npos);
  }
  // Each workspace puts the firm in its own segments.
  const Enterprise* lishen_xh = find(xh, "lishen-qd");
  const Enterprise* lishen_qd = find(qd, "lishen-qd");
  CHECK(std::find(lishen_xh->segments.begin(), lishen_xh->segments.end(), "auto.battery") != lishen_xh->segments.end());
  CHECK(std::find(lishen_qd->segments.begin(), lishen_qd->segments.end(), "nev.battery-cell") != lishen_qd->segments.end());
}

TEST_CASE("data v2: contradictions with the seeds are fixed", "[chains][data]") {
  // seed-001: 新区 是「全球最大的手推车制造基地」.
  CHECK(status_of(bundled("xihaian"), "equipment", "equipment.general-machinery") != SegmentStatus::missing);
  // 中车四方 makes bogies and wheelsets in 青岛; 力神 makes traction batteries in 新区.
  const Workspace& qd = bundled("qingdao");
  CHECK(status_of(qd, "rail", "rail.bogie") != SegmentStatus::missing);
  CHECK(status_of(qd, "rail", "rail.wheelset") != SegmentStatus::missing);
  CHECK(status_of(qd, "nev", "nev.battery-cell") != SegmentStatus::missing);
  // The district's tyre makers (赛轮, 双星) and special steel (青岛特钢) are local to the city too.
  CHECK(status_of(qd, "material", "material.tyres") != SegmentStatus::missing);
  CHECK(status_of(qd, "material", "material.special-steel") != SegmentStatus::missing);
}

TEST_CASE("data v2: both bundled workspaces pass validate --strict", "[chains][data]") {
  for (const char* ws : {"chains/xihaian", "chains/qingdao"}) {
    INFO(ws);
    const auto r = run_chainlens(std::string("validate --strict ") + ws);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
  }
}
