// engine/chain_graph.hpp: the one Boost.Graph model of a chain inside its workspace
// that every analysis reads (metrics.md "Segment graph"); no analysis walks the YAML.
#pragma once
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/workspace_model.hpp"
#include "models/workspace.hpp"

namespace chainlens {

/// An enterprise operating in a segment; closed enterprises never appear.
struct SegmentMember {
  const Enterprise* enterprise = nullptr;
  bool inferred = false;  // the link was written `confidence: inferred`
};

/// A leaf segment of the chain, or a segment of another chain one of them names as an input.
struct SegmentVertex {
  std::string id;
  const Segment* segment = nullptr;  // its definition, in `owner`
  const Chain* owner = nullptr;
  bool own = true;                   // false: joined only as an input of this chain's segments
  std::size_t ws = 0;                // its index in the workspace model
  SegmentType type = SegmentType::component;  // declared, else by the untyped rule
  double phi = 0.6;                  // input intensity, v2 default 0.6 applied
  double y = 0;                      // y_C: the chain's final demand on it (metrics.md v2), sums to 1
  std::vector<SegmentMember> members;  // sorted by enterprise id
};

/// i -> j: segment i supplies segment j; `share` is s_ij after the equal split of the rest.
struct InputEdge {
  double share = 0;
  bool share_given = false;
};

using SegmentGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                           SegmentVertex, InputEdge>;
using SegmentVertexId = SegmentGraph::vertex_descriptor;

struct SupplyVertex {
  const Enterprise* enterprise = nullptr;
};
struct SupplyEdge {
  std::uint32_t relation = 0;  // its row in the workspace's supply_table
  std::uint32_t segment = 0;   // the relation's segment as a vertex of the segment graph
};
/// Enterprise supply network: f -> e when f supplies e. A compressed sparse row graph:
/// built once from the relations and never changed, it is a few flat arrays (an
/// adjacency_list held two vectors per firm, two million allocations on the largest
/// benchmark). A vertex's in-edges come grouped by supplier; read them by `relation` for
/// file order.
using SupplyGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, SupplyVertex, SupplyEdge, boost::no_property,
                                                       std::uint32_t, std::uint32_t>;
using SupplyVertexId = SupplyGraph::vertex_descriptor;

/// True when the enterprise's location lies inside the scope (metrics.md "Regions and scope").
bool is_local(const Enterprise& e, const Scope& scope) noexcept;

/// The graph of one chain. It points into the Workspace, which must outlive it.
class ChainGraph {
 public:
  /// Builds the graph; `chain` must belong to `workspace`. `model` (of the same workspace)
  /// is shared between the chains' graphs; built here when not given.
  ///
  /// `later` leaves the supply network out until build_supply_network: `analyze` builds it
  /// beside the analyses that never read it (gaps, scoring, targets). Until then supply(),
  /// supply_vertex() and find_enterprise() must not be called.
  enum class NetworkBuild { now, later };
  ChainGraph(const Workspace& workspace, const Chain& chain, std::shared_ptr<const WorkspaceModel> model = nullptr,
             NetworkBuild network = NetworkBuild::now);
  /// Builds the supply network of a graph constructed with NetworkBuild::later (once; a
  /// no-op after). Not thread-safe: nothing may read the network while it runs.
  void build_supply_network();
  bool has_supply_network() const noexcept { return supply_built_; }

  const Workspace& workspace() const noexcept { return *workspace_; }
  const Chain& chain() const noexcept { return *chain_; }
  const WorkspaceModel& model() const noexcept { return *model_; }
  std::shared_ptr<const WorkspaceModel> shared_model() const noexcept { return model_; }
  /// True when y_C fell back to the chain's end segments (no product, no declared demand).
  bool demand_fallback() const noexcept { return demand_fallback_; }
  /// The chain's own scope, else the workspace's.
  Scope default_scope() const { return workspace_->chain_scope(*chain_); }

  /// Vertices: the chain's leaf segments in file order, then joined inputs in order of mention.
  const SegmentGraph& segments() const noexcept { return segments_; }
  std::size_t segment_count() const noexcept { return boost::num_vertices(segments_); }
  const SegmentVertex& operator[](SegmentVertexId v) const { return segments_[v]; }
  std::optional<SegmentVertexId> find_segment(std::string_view id) const;
  /// The vertex of a workspace-model segment, if this graph holds it.
  std::optional<SegmentVertexId> vertex_of_model(std::size_t ws) const {
    return vertex_of_ws_[ws] < 0 ? std::nullopt : std::optional<SegmentVertexId>(static_cast<SegmentVertexId>(vertex_of_ws_[ws]));
  }
  /// Terminal segments: no outgoing edge in this graph.
  bool is_terminal(SegmentVertexId v) const { return boost::out_degree(v, segments_) == 0; }

  /// The chain's parent segments (those with children), in file order.
  const std::vector<const Segment*>& parents() const noexcept { return parents_; }
  /// Leaf segment ids under a parent, at any depth, in vertex order; empty for a leaf.
  std::vector<std::string> leaves_under(std::string_view parent) const;
  /// Direct children of a segment (any chain), in file order.
  std::vector<const Segment*> children_of(std::string_view id) const;

  /// is_local for one of the workspace's enterprises, read from a flag computed once for
  /// the chain's default scope (the scope nearly every analysis runs in: on the largest
  /// benchmark a million location compares per analysis); any other scope is computed.
  bool is_local(const Enterprise& e, const Scope& scope) const noexcept {
    return scope == local_scope_ ? local_[position(e)] != 0 : chainlens::is_local(e, scope);
  }

  /// Members of a segment local to a scope (closed ones are never members).
  std::vector<SegmentMember> local_members(SegmentVertexId v, const Scope& scope) const;

  /// Supply relations whose segment is in this graph, between non-closed enterprises.
  const SupplyGraph& supply() const {
    require_network();
    return supply_;
  }
  std::optional<SupplyVertexId> find_enterprise(std::string_view id) const;
  /// The position of the enterprise with this id in the workspace's list (closed ones too).
  std::optional<std::size_t> find_position(std::string_view id) const;
  /// The vertex of the enterprise at this position of the workspace's list, if it has one.
  std::optional<SupplyVertexId> supply_vertex(std::size_t position) const {
    require_network();
    return vertex_of_[position] == kNoVertex ? std::nullopt : std::optional<SupplyVertexId>(vertex_of_[position]);
  }

  /// Positions in the workspace's enterprise list, in id order: reports list firms by id,
  /// and the workspace's index spares each analysis a sort of id strings.
  const std::vector<std::uint32_t>& enterprises_by_id() const noexcept { return index_->by_id; }
  /// The workspace's enterprise index (its own when the workspace was changed after loading).
  const EnterpriseIndex& enterprise_index() const noexcept { return *index_; }
  /// The position of one of the workspace's enterprises in its list.
  std::size_t position(const Enterprise& e) const noexcept {
    return static_cast<std::size_t>(&e - workspace_->enterprises.data());
  }

 private:
  const Workspace* workspace_;
  const Chain* chain_;
  std::shared_ptr<const WorkspaceModel> model_;
  bool demand_fallback_ = false;
  SegmentGraph segments_;
  std::unordered_map<std::string, SegmentVertexId> segment_index_;
  std::vector<std::int32_t> vertex_of_ws_;  // by workspace-model segment: its vertex, or -1
  std::vector<const Segment*> parents_;
  std::unordered_map<std::string, std::vector<const Segment*>> children_;
  SupplyGraph supply_;
  // find_enterprise: id -> position in the workspace (the index) -> vertex.
  static constexpr SupplyVertexId kNoVertex = static_cast<SupplyVertexId>(-1);
  const EnterpriseIndex* index_ = nullptr;  // the workspace's, or own_index_
  EnterpriseIndex own_index_;
  std::vector<SupplyVertexId> vertex_of_;
  bool supply_built_ = false;
  // A graph built with NetworkBuild::later read before its network: a programming error,
  // refused rather than read out of range.
  void require_network() const {
    if (!supply_built_) throw std::logic_error("chain_graph: the supply network is read before build_supply_network()");
  }
  Scope local_scope_;        // default_scope()
  std::vector<char> local_;  // by position: inside local_scope_
};

/// Builds the graph of the chain with this id; throws std::invalid_argument naming the
/// known chains when there is none.
ChainGraph build_chain_graph(const Workspace& workspace, std::string_view chain_id,
                             std::shared_ptr<const WorkspaceModel> model = nullptr);

}  // namespace chainlens
