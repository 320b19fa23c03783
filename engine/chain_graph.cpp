// engine/chain_graph.cpp: builds the segment graph (shares resolved, defaults applied),
// the membership lists and the supply network of one chain (metrics.md "Segment graph").
#include "engine/chain_graph.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_group.h>

namespace chainlens {

bool is_local(const Enterprise& e, const Scope& scope) noexcept { return e.location.within(scope); }

namespace {

// Every segment of every chain by id: inputs may name another chain's segment.
struct SegmentCatalog {
  std::unordered_map<std::string, std::pair<const Segment*, const Chain*>> by_id;
  std::unordered_map<std::string, std::vector<const Segment*>> children;

  explicit SegmentCatalog(const Workspace& ws) {
    for (const Chain& c : ws.chains)
      for (const Segment& s : c.segments) {
        by_id.emplace(s.id, std::make_pair(&s, &c));
        if (!s.parent.empty()) children[s.parent].push_back(&s);
      }
  }
  bool is_leaf(const std::string& id) const { return !children.contains(id); }
};

// metrics.md: given shares are kept; the rest of 1 - sum(given) is split equally among
// the inputs without one. The loader already refused sums above 1.
void resolve_shares(SegmentGraph& g, SegmentVertexId j) {
  double given = 0;
  int unspecified = 0;
  for (auto e : boost::make_iterator_range(boost::in_edges(j, g))) {
    if (g[e].share_given) given += g[e].share;
    else ++unspecified;
  }
  if (unspecified == 0) return;
  const double rest = std::max(0.0, 1.0 - given) / unspecified;
  for (auto e : boost::make_iterator_range(boost::in_edges(j, g)))
    if (!g[e].share_given) g[e].share = rest;
}

}  // namespace

ChainGraph::ChainGraph(const Workspace& workspace, const Chain& chain, std::shared_ptr<const WorkspaceModel> model,
                       NetworkBuild network)
    : workspace_(&workspace), chain_(&chain), model_(model ? std::move(model) : std::make_shared<const WorkspaceModel>(workspace)) {
  if (&model_->workspace() != &workspace) throw std::logic_error("chain_graph: the model is of another workspace");
  const SegmentCatalog catalog(workspace);
  children_ = catalog.children;

  auto add_vertex = [&](const Segment& s, const Chain& owner, bool own) {
    SegmentVertex v;
    v.id = s.id;
    v.segment = &s;
    v.owner = &owner;
    v.own = own;
    v.ws = *model_->find(s.id);
    v.type = (*model_)[v.ws].type;
    v.phi = (*model_)[v.ws].phi;
    const SegmentVertexId id = boost::add_vertex(std::move(v), segments_);
    segment_index_.emplace(s.id, id);
    return id;
  };

  for (const Segment& s : chain.segments) {
    if (catalog.is_leaf(s.id)) add_vertex(s, chain, true);
    else parents_.push_back(&s);
  }
  // Inputs of the chain's own leaves; a foreign segment joins as a node, its own inputs stay
  // in its chain. A repeated input is one edge (the loader reports duplicates elsewhere).
  const std::size_t own_count = boost::num_vertices(segments_);
  for (SegmentVertexId j = 0; j < own_count; ++j) {
    const Segment& seg = *segments_[j].segment;
    std::unordered_set<std::string> seen;
    for (const SegmentInput& in : seg.inputs) {
      if (!seen.insert(in.from).second) continue;
      auto found = segment_index_.find(in.from);
      SegmentVertexId i;
      if (found != segment_index_.end()) {
        i = found->second;
      } else {
        auto def = catalog.by_id.find(in.from);
        if (def == catalog.by_id.end())
          throw std::logic_error("chain_graph: unvalidated input " + in.from);
        i = add_vertex(*def->second.first, *def->second.second, false);
      }
      InputEdge edge;
      edge.share_given = in.share.has_value();
      edge.share = in.share.value_or(0);
      boost::add_edge(i, j, edge, segments_);
    }
    resolve_shares(segments_, j);
  }

  const std::vector<double> y = model_->chain_demand(chain, &demand_fallback_);
  for (SegmentVertexId v = 0; v < boost::num_vertices(segments_); ++v) segments_[v].y = y[segments_[v].ws];

  if (!model_->memberships().fits(workspace.enterprises.size()))
    throw std::logic_error("chain_graph: the model was built before enterprises were added");
  vertex_of_ws_.assign(model_->size(), -1);
  for (SegmentVertexId v = 0; v < boost::num_vertices(segments_); ++v)
    vertex_of_ws_[segments_[v].ws] = static_cast<std::int32_t>(v);
  const auto& all = workspace.enterprises;
  index_ = &fitting_index(workspace.enterprise_index, all, workspace.supply_table, own_index_);
  // The members (in id order) and the supply network do not depend on each other: built
  // side by side (on the largest benchmark each is a second or more), or the network later.
  auto add_members = [&] {
    local_scope_ = default_scope();
    local_.resize(all.size());
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, all.size(), 4096), [&](const tbb::blocked_range<std::size_t>& r) {
      for (std::size_t i = r.begin(); i != r.end(); ++i) local_[i] = chainlens::is_local(all[i], local_scope_) ? 1 : 0;
    });
    // Members pushed in id order come out sorted by id; the model's membership columns join
    // them to vertices by integers (no enterprise struct read but the pointer taken).
    const Memberships& links = model_->memberships();
    for (std::uint32_t i : index_->by_id) {
      if (!links.open[i]) continue;
      for (const std::uint32_t link : links.of(i)) {
        if (!Memberships::present(link)) continue;
        const std::int32_t v = vertex_of_ws_[Memberships::segment(link)];
        if (v < 0) continue;
        segments_[static_cast<SegmentVertexId>(v)].members.push_back({&all[i], Memberships::inferred(link)});
      }
    }
  };
  if (network == NetworkBuild::later) {
    add_members();
    return;
  }
  tbb::task_group members;
  members.run(add_members);
  build_supply_network();
  members.wait();
}

void ChainGraph::build_supply_network() {
  if (supply_built_) return;
  const auto& all = workspace_->enterprises;
  const SupplyTable& table = workspace_->supply_table;
  // Supply network: the relations' columns hold interned handles joined to enterprise
  // positions by the index, and each segment handle is looked up once, so every relation
  // is array reads.
  constexpr std::int64_t kUnknown = -2, kAbsent = -1;
  std::vector<std::int64_t> segment_of(table.id_count(), kUnknown);
  // A handle's open firm, read once per handle: per relation end it was a cache miss into a
  // million enterprise structs, ten million of them on the largest benchmark.
  constexpr std::uint32_t kClosed = EnterpriseIndex::kNone;
  std::vector<std::uint32_t> open_firm(index_->firm_of);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, open_firm.size(), 4096), [&](const tbb::blocked_range<std::size_t>& r) {
    for (std::size_t h = r.begin(); h != r.end(); ++h)
      if (open_firm[h] != kClosed && all[open_firm[h]].status == EnterpriseStatus::closed) open_firm[h] = kClosed;
  });
  auto firm = [&](SupplyTable::Handle h) -> std::int64_t {
    return open_firm[h] == kClosed ? kAbsent : std::int64_t{open_firm[h]};
  };
  std::vector<SupplyVertexId>& vertex_of = vertex_of_;
  vertex_of.assign(all.size(), kNoVertex);
  std::vector<std::uint32_t> firm_at;  // vertex -> position in the workspace
  auto supply_vertex = [&](std::size_t i) {
    if (vertex_of[i] == kNoVertex) {
      vertex_of[i] = static_cast<SupplyVertexId>(firm_at.size());
      firm_at.push_back(static_cast<std::uint32_t>(i));
    }
    return vertex_of[i];
  };
  // The relations that join the graph, then vertices in the order of first mention
  // (supplier before customer), then the CSR arrays in one pass.
  std::vector<std::pair<SupplyVertexId, SupplyVertexId>> arcs;
  std::vector<SupplyEdge> edge_data;
  arcs.reserve(table.size());
  edge_data.reserve(table.size());
  for (std::size_t r = 0; r < table.size(); ++r) {
    std::int64_t& seg = segment_of[table.segment(r)];
    if (seg == kUnknown) {
      auto it = segment_index_.find(std::string(table.segment_id(r)));
      seg = it == segment_index_.end() ? kAbsent : static_cast<std::int64_t>(it->second);
    }
    if (seg < 0) continue;
    const std::int64_t f = firm(table.from(r)), t = firm(table.to(r));
    if (f < 0 || t < 0) continue;
    const SupplyVertexId from = supply_vertex(static_cast<std::size_t>(f));
    arcs.emplace_back(from, supply_vertex(static_cast<std::size_t>(t)));
    edge_data.push_back({static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(seg)});
  }
  supply_ = SupplyGraph(boost::edges_are_unsorted_multi_pass, arcs.begin(), arcs.end(), edge_data.begin(), firm_at.size());
  for (SupplyVertexId v = 0; v < firm_at.size(); ++v) supply_[v].enterprise = &all[firm_at[v]];
  supply_built_ = true;
}

std::optional<SegmentVertexId> ChainGraph::find_segment(std::string_view id) const {
  auto it = segment_index_.find(std::string(id));
  if (it == segment_index_.end()) return std::nullopt;
  return it->second;
}

std::optional<SupplyVertexId> ChainGraph::find_enterprise(std::string_view id) const {
  require_network();
  const std::optional<std::size_t> at = find_position(id);
  if (!at || vertex_of_[*at] == kNoVertex) return std::nullopt;
  return vertex_of_[*at];
}

std::optional<std::size_t> ChainGraph::find_position(std::string_view id) const {
  return index_->find(workspace_->enterprises, id);
}

std::vector<const Segment*> ChainGraph::children_of(std::string_view id) const {
  auto it = children_.find(std::string(id));
  return it == children_.end() ? std::vector<const Segment*>{} : it->second;
}

std::vector<std::string> ChainGraph::leaves_under(std::string_view parent) const {
  std::unordered_set<std::string> leaves;
  std::vector<std::string> stack{std::string(parent)};
  std::unordered_set<std::string> visited;
  while (!stack.empty()) {
    const std::string id = std::move(stack.back());
    stack.pop_back();
    if (!visited.insert(id).second) continue;  // parent cycles are refused, but never loop
    auto it = children_.find(id);
    if (it == children_.end()) {
      if (id != parent) leaves.insert(id);
      continue;
    }
    for (const Segment* c : it->second) stack.push_back(c->id);
  }
  std::vector<std::string> out;
  for (SegmentVertexId v = 0; v < boost::num_vertices(segments_); ++v)
    if (leaves.contains(segments_[v].id)) out.push_back(segments_[v].id);
  return out;
}

std::vector<SegmentMember> ChainGraph::local_members(SegmentVertexId v, const Scope& scope) const {
  std::vector<SegmentMember> out;
  for (const SegmentMember& m : segments_[v].members)
    if (is_local(*m.enterprise, scope)) out.push_back(m);  // the member function: the flag when it can
  return out;
}

ChainGraph build_chain_graph(const Workspace& workspace, std::string_view chain_id,
                             std::shared_ptr<const WorkspaceModel> model) {
  if (const Chain* c = workspace.find_chain(std::string(chain_id))) return ChainGraph(workspace, *c, std::move(model));
  std::string known;
  for (const Chain& c : workspace.chains) known += (known.empty() ? "" : ", ") + c.id;
  throw std::invalid_argument("no chain '" + std::string(chain_id) + "' in the workspace (chains: " +
                              (known.empty() ? "none" : known) + ")");
}

}  // namespace chainlens
