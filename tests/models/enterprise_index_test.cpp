// EnterpriseIndex (models/enterprise_index.hpp): the id order and the supply ids joined to
// firms, worked out by hand on four enterprises; the loader builds it, a snapshot keeps it,
// and a snapshot whose index is not a permutation is refused.
#include <catch2/catch.hpp>

#include <array>

#include "models/enterprise_index.hpp"
#include "models/snapshot.hpp"
#include "models/yaml_loader.hpp"

using namespace chainlens;

namespace {

std::vector<Enterprise> firms(std::initializer_list<const char*> ids) {
  std::vector<Enterprise> out;
  for (const char* id : ids) {
    Enterprise e;
    e.id = id;
    e.name = std::string("名") + id;
    out.push_back(std::move(e));
  }
  return out;
}

SupplyTable relations(std::initializer_list<std::array<const char*, 3>> rows) {
  std::vector<Supply> s;
  for (const auto& [from, to, segment] : rows) s.push_back(Supply{from, to, segment, {}, Confidence::verified, {}, {}});
  return make_supply_table(s);
}

SupplyTable::Handle handle(const SupplyTable& t, std::string_view id) {
  for (SupplyTable::Handle h = 0; h < t.id_count(); ++h)
    if (t.id(h) == id) return h;
  throw std::logic_error("no handle");
}

}  // namespace

TEST_CASE("index_enterprises: ids in order, a repeated id first at its first position, supply ids joined", "[models][enterprise_index]") {
  // Positions: c=0, a=1, b=2, a=3 (a repeated id; the loader refuses it, code may build one).
  const std::vector<Enterprise> list = firms({"c", "a", "b", "a"});
  // Handles by first mention: a=0, x=1, seg=2, c=3, b=4.
  const SupplyTable table = relations({{"a", "x", "seg"}, {"c", "b", "seg"}});
  const EnterpriseIndex x = index_enterprises(list, table);
  CHECK(x.by_id == std::vector<std::uint32_t>{1, 3, 2, 0});
  REQUIRE(x.firm_of.size() == 5);
  CHECK(x.firm_of[handle(table, "a")] == 1);
  CHECK(x.firm_of[handle(table, "b")] == 2);
  CHECK(x.firm_of[handle(table, "c")] == 0);
  CHECK(x.firm_of[handle(table, "x")] == EnterpriseIndex::kNone);    // not a listed firm
  CHECK(x.firm_of[handle(table, "seg")] == EnterpriseIndex::kNone);  // a segment's id
  CHECK(x.find(list, "a") == std::optional<std::size_t>(1));
  CHECK(x.find(list, "c") == std::optional<std::size_t>(0));
  CHECK_FALSE(x.find(list, "bb").has_value());
  CHECK_FALSE(x.find(list, "").has_value());
  CHECK_FALSE(x.find(list, "zz").has_value());
  CHECK(x.fits(list, table));
  CHECK_FALSE(x.fits(firms({"c", "a", "b"}), table));
  CHECK(x.check(4, 5).empty());
}

TEST_CASE("EnterpriseIndex::check: what a damaged snapshot could hold", "[models][enterprise_index]") {
  EnterpriseIndex x;
  x.by_id = {1, 0, 2};
  x.firm_of = {2, EnterpriseIndex::kNone};
  CHECK(x.check(3, 2).empty());
  CHECK(x.check(4, 2) == "the enterprise index does not list every enterprise");
  CHECK(x.check(3, 3) == "the supply ids' enterprise column does not match the id pool");
  x.by_id = {1, 1, 2};
  CHECK(x.check(3, 2) == "an enterprise listed twice in the enterprise index");
  x.by_id = {1, 0, 3};
  CHECK(x.check(3, 2) == "an enterprise index entry past the enterprise list");
  x.by_id = {1, 0, 2};
  x.firm_of = {3, 0};
  CHECK(x.check(3, 2) == "a supply id joined to an enterprise past the list");
}

TEST_CASE("enterprise index: built by the loader, kept by a snapshot, made for a workspace built in code", "[models][enterprise_index][snapshot]") {
  const Workspace ws = load_workspace_text(R"(
chains: [{id: t, segments: [{id: s}]}]
enterprises:
  - {id: z, location: 中国, segments: [s]}
  - {id: m, location: 中国, segments: [s]}
  - {id: b, location: 中国, segments: [s]}
supplies:
  - {from: m, to: z, segment: s}
)", "w.yaml");
  REQUIRE(ws.enterprise_index.fits(ws.enterprises, ws.supply_table));
  CHECK(ws.enterprise_index.by_id == std::vector<std::uint32_t>{2, 1, 0});
  CHECK(ws.enterprise_index.firm_of[ws.supply_table.from(0)] == 1);
  CHECK(ws.enterprise_index.firm_of[ws.supply_table.to(0)] == 0);
  const Workspace back = read_snapshot_bytes(write_snapshot_bytes(ws), "w.snap");
  CHECK(back.enterprise_index.by_id == ws.enterprise_index.by_id);
  CHECK(back.enterprise_index.firm_of == ws.enterprise_index.firm_of);

  // Enterprises added in code leave the index behind: the snapshot holds a fresh one.
  Workspace grown = ws;
  grown.enterprises.push_back(firms({"a"}).front());
  REQUIRE_FALSE(grown.enterprise_index.fits(grown.enterprises, grown.supply_table));
  const Workspace grown_back = read_snapshot_bytes(write_snapshot_bytes(grown), "g.snap");
  CHECK(grown_back.enterprise_index.by_id == std::vector<std::uint32_t>{3, 2, 1, 0});
}
