// engine/structural_supply.cpp: SLSR from segment presence and input shares alone, with
// no supply relations (metrics.md "Structural LSR"), and leakage where demand is declared.
#include "engine/structural_supply.hpp"

#include <stdexcept>
#include <unordered_map>

#include "engine/chain_graph.hpp"
#include "engine/importance.hpp"

namespace chainlens {

std::vector<std::optional<double>> segment_slsr(const ChainGraph& graph, const StatusReport& status) {
  const SegmentGraph& g = graph.segments();
  if (status.segments.size() != boost::num_vertices(g)) throw std::logic_error("segment_slsr: status of another graph");
  std::vector<std::optional<double>> out(boost::num_vertices(g));
  for (SegmentVertexId j = 0; j < boost::num_vertices(g); ++j) {
    if (boost::in_degree(j, g) == 0) continue;  // no inputs: not defined
    double sum = 0;
    for (auto e : boost::make_iterator_range(boost::in_edges(j, g)))
      if (is_present(status.segments[boost::source(e, g)].status)) sum += g[e].share;
    out[j] = sum;
  }
  return out;
}

std::optional<double> chain_slsr(const std::vector<std::optional<double>>& slsr, const std::vector<double>& x) {
  if (slsr.size() != x.size()) throw std::logic_error("chain_slsr: sizes differ");
  double num = 0, den = 0;
  bool any = false;
  for (std::size_t j = 0; j < x.size(); ++j) {
    if (!slsr[j]) continue;
    any = true;
    num += x[j] * *slsr[j];
    den += x[j];
  }
  if (!any || den <= 0) return std::nullopt;
  return num / den;
}

StructuralSupply structural_supply(const ChainGraph& graph, const Scope& scope) {
  const StatusReport status = segment_statuses(graph, scope);
  const std::vector<double> x = chain_output(graph);
  const std::vector<std::optional<double>> slsr = segment_slsr(graph, status);
  std::unordered_map<std::string, double> demand;
  for (const Demand& d : graph.workspace().demand) demand[d.segment] += d.value;
  StructuralSupply out;
  out.chain = chain_slsr(slsr, x);
  for (std::size_t j = 0; j < slsr.size(); ++j) {
    SegmentSlsr s;
    s.segment = graph[j].id;
    s.slsr = slsr[j];
    if (auto d = demand.find(s.segment); d != demand.end()) s.demand = d->second;
    if (s.demand && s.slsr) s.leakage = *s.demand * (1 - *s.slsr);
    out.segments.push_back(std::move(s));
  }
  return out;
}

}  // namespace chainlens
