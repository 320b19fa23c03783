// models/enterprise_index.cpp: one parallel sort of the enterprise ids and of the supply
// table's ids, then a merge: no hash table of a million strings.
#include "models/enterprise_index.hpp"

#include <algorithm>
#include <numeric>

#include <tbb/parallel_sort.h>

namespace chainlens {

EnterpriseIndex index_enterprises(const std::vector<Enterprise>& enterprises, const SupplyTable& table) {
  EnterpriseIndex x;
  x.by_id.resize(enterprises.size());
  std::iota(x.by_id.begin(), x.by_id.end(), std::uint32_t{0});
  tbb::parallel_sort(x.by_id.begin(), x.by_id.end(), [&](std::uint32_t a, std::uint32_t b) {
    const int c = enterprises[a].id.compare(enterprises[b].id);
    return c != 0 ? c < 0 : a < b;
  });
  std::vector<SupplyTable::Handle> handles(table.id_count());
  std::iota(handles.begin(), handles.end(), SupplyTable::Handle{0});
  tbb::parallel_sort(handles.begin(), handles.end(),
                     [&](SupplyTable::Handle a, SupplyTable::Handle b) { return table.id(a) < table.id(b); });
  x.firm_of.assign(table.id_count(), EnterpriseIndex::kNone);
  std::size_t e = 0;
  for (SupplyTable::Handle h : handles) {
    const std::string_view id = table.id(h);
    while (e < x.by_id.size() && std::string_view(enterprises[x.by_id[e]].id) < id) ++e;
    if (e < x.by_id.size() && enterprises[x.by_id[e]].id == id) x.firm_of[h] = x.by_id[e];
  }
  return x;
}

const EnterpriseIndex& fitting_index(const EnterpriseIndex& index, const std::vector<Enterprise>& enterprises,
                                     const SupplyTable& table, EnterpriseIndex& scratch) {
  if (index.fits(enterprises, table)) return index;
  scratch = index_enterprises(enterprises, table);
  return scratch;
}

std::optional<std::size_t> EnterpriseIndex::find(const std::vector<Enterprise>& enterprises, std::string_view id) const {
  auto it = std::lower_bound(by_id.begin(), by_id.end(), id,
                             [&](std::uint32_t p, std::string_view v) { return std::string_view(enterprises[p].id) < v; });
  if (it == by_id.end() || enterprises[*it].id != id) return std::nullopt;
  return *it;
}

std::string EnterpriseIndex::check(std::size_t enterprise_count, std::size_t id_count) const {
  if (by_id.size() != enterprise_count) return "the enterprise index does not list every enterprise";
  if (firm_of.size() != id_count) return "the supply ids' enterprise column does not match the id pool";
  std::vector<char> seen(enterprise_count);
  for (std::uint32_t p : by_id) {
    if (p >= enterprise_count) return "an enterprise index entry past the enterprise list";
    if (seen[p]) return "an enterprise listed twice in the enterprise index";
    seen[p] = 1;
  }
  for (std::uint32_t p : firm_of)
    if (p != kNone && p >= enterprise_count) return "a supply id joined to an enterprise past the list";
  return {};
}

}  // namespace chainlens
