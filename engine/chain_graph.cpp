// engine/chain_graph.cpp: builds the segment graph (shares resolved, defaults applied),
// the membership lists and the supply network of one chain (metrics.md "Segment graph").
#include "engine/chain_graph.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

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

ChainGraph::ChainGraph(const Workspace& workspace, const Chain& chain, std::shared_ptr<const WorkspaceModel> model)
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

  for (const Enterprise& e : workspace.enterprises) {
    if (e.status == EnterpriseStatus::closed) continue;
    for (const std::string& s : e.segments) {
      auto v = segment_index_.find(s);
      if (v == segment_index_.end()) continue;
      const bool inferred = std::find(e.inferred_segments.begin(), e.inferred_segments.end(), s) !=
                            e.inferred_segments.end();
      segments_[v->second].members.push_back({&e, inferred});
    }
  }
  for (SegmentVertexId v = 0; v < boost::num_vertices(segments_); ++v) {
    auto& m = segments_[v].members;
    std::sort(m.begin(), m.end(), [](const SegmentMember& a, const SegmentMember& b) {
      return a.enterprise->id < b.enterprise->id;
    });
  }

  // Supply network: one hash lookup per endpoint (id -> position in the workspace), then
  // vectors; enterprise_index_ is filled once at the end for find_enterprise.
  const auto& all = workspace.enterprises;
  std::unordered_map<std::string_view, std::size_t> position;
  position.reserve(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) position.emplace(all[i].id, i);
  constexpr SupplyVertexId kNone = static_cast<SupplyVertexId>(-1);
  std::vector<SupplyVertexId> vertex_of(all.size(), kNone);
  auto supply_vertex = [&](std::size_t i) {
    if (vertex_of[i] == kNone) vertex_of[i] = boost::add_vertex(SupplyVertex{&all[i]}, supply_);
    return vertex_of[i];
  };
  // The relation's segment vertex, cached per distinct segment string (-1: not in the graph).
  std::unordered_map<std::string_view, std::int64_t> segment_vertex;
  for (const Supply& s : workspace.supplies) {
    auto [seg, fresh] = segment_vertex.try_emplace(s.segment, -1);
    if (fresh)
      if (auto it = segment_index_.find(s.segment); it != segment_index_.end()) seg->second = static_cast<std::int64_t>(it->second);
    if (seg->second < 0) continue;
    auto f = position.find(s.from);
    auto t = position.find(s.to);
    if (f == position.end() || t == position.end()) continue;
    if (all[f->second].status == EnterpriseStatus::closed || all[t->second].status == EnterpriseStatus::closed) continue;
    const SupplyVertexId a = supply_vertex(f->second);
    const SupplyVertexId b = supply_vertex(t->second);
    boost::add_edge(a, b, SupplyEdge{&s, static_cast<std::uint32_t>(seg->second)}, supply_);
  }
  enterprise_index_.reserve(boost::num_vertices(supply_));
  for (SupplyVertexId v = 0; v < boost::num_vertices(supply_); ++v) enterprise_index_.emplace(supply_[v].enterprise->id, v);
}

std::optional<SegmentVertexId> ChainGraph::find_segment(std::string_view id) const {
  auto it = segment_index_.find(std::string(id));
  if (it == segment_index_.end()) return std::nullopt;
  return it->second;
}

std::optional<SupplyVertexId> ChainGraph::find_enterprise(std::string_view id) const {
  auto it = enterprise_index_.find(std::string(id));
  if (it == enterprise_index_.end()) return std::nullopt;
  return it->second;
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
    if (is_local(*m.enterprise, scope)) out.push_back(m);
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
