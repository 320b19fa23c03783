// engine/candidate_score.cpp: prepares the per-segment facts once, then scores each
// (candidate, segment) pair from them alone (metrics.md v2 "Candidate score").
#include "engine/candidate_score.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

#include <boost/container/small_vector.hpp>

#include "engine/chain_graph.hpp"
#include "engine/rank_key.hpp"

namespace chainlens {

std::string_view ScoringModel::top_of(std::string_view id) const {
  std::string_view cur = id;
  // Group cycles are refused by the loader; the bound only guards hand-built models.
  for (std::size_t steps = 0; steps <= group_of.size(); ++steps) {
    const std::string_view* group = group_of.find(cur);
    if (!group || group->empty()) return cur;
    cur = *group;
  }
  return cur;
}

// The spec's weights sum to 1 and its score is on a 0-100 scale; any other set (--weights
// gap=2 used to score 215) is read as relative weights. A sum within 1e-9 of 1 is left as it
// is, so the default weights give the spec's figures bit for bit.
static double weight_scale(const ScoreWeights& w) {
  const double sum = w.gap + w.fit + w.strength + w.link + w.related + w.listed;
  return std::abs(sum - 1) <= 1e-9 ? 1.0 : sum;
}

ScoringModel prepare_scoring(const ChainGraph& graph, const GapReport& gaps, const ScoreWeights& weights,
                             bool include_nearby) {
  ScoringModel m;
  m.include_nearby = include_nearby;
  m.chain = graph.chain().id;
  m.scope = gaps.scope;
  // metrics.md v2: where R has four or more components, firms elsewhere in the region one
  // level up are 市内转移, not 招商.
  if (m.scope.size() >= 4) m.nearby = m.scope.prefix(m.scope.size() - 1);
  m.weights = weights;
  m.names.chains = gaps.names.chains;
  m.names.segments = gaps.names.segments;
  double top = 0;
  for (const SegmentGap& g : gaps.segments) top = std::max(top, g.gap_score);
  std::unordered_map<std::string, bool> present;
  for (const SegmentGap& g : gaps.segments) {
    ScoringModel::SegmentFacts& f = m.segments[g.segment];
    f.name = g.name;
    f.gap_score = g.gap_score;
    f.gap = top > 0 ? g.gap_score / top : 0;
    f.kind = g.kind;
    f.covered = g.status == SegmentStatus::covered;
    present[g.segment] = is_present(g.status);
  }
  // Undirected neighbours: in- and out-neighbours, each counted once, no self loop.
  const SegmentGraph& sg = graph.segments();
  for (SegmentVertexId v = 0; v < graph.segment_count(); ++v) {
    std::unordered_set<SegmentVertexId> nbrs;
    for (auto e : boost::make_iterator_range(boost::out_edges(v, sg))) nbrs.insert(boost::target(e, sg));
    for (auto e : boost::make_iterator_range(boost::in_edges(v, sg))) nbrs.insert(boost::source(e, sg));
    nbrs.erase(v);
    ScoringModel::SegmentFacts& f = m.segments[sg[v].id];
    f.neighbours = static_cast<int>(nbrs.size());
    for (SegmentVertexId n : nbrs) f.present_neighbours += present[sg[n].id] ? 1 : 0;
  }
  // 以商招商: a relation with a local, open enterprise on the other end, in any segment.
  const Workspace& ws = graph.workspace();
  for (const Enterprise& e : ws.enterprises)
    if (!e.group.empty())
      if (std::string_view& g = m.group_of[e.id]; g.empty()) g = e.group.str();  // the first of a repeated id
  // Every relation, from the workspace's columns (issue 16): each distinct id joined to its
  // enterprise by the index, flagged by handle, and put in the set once.
  const SupplyTable& rel = ws.supply_table;
  const std::vector<std::uint32_t>& firm_of = graph.enterprise_index().firm_of;
  std::vector<char> open(rel.id_count()), linked(rel.id_count());
  for (std::size_t h = 0; h < rel.id_count(); ++h) {
    if (firm_of[h] == EnterpriseIndex::kNone) continue;
    const Enterprise& e = ws.enterprises[firm_of[h]];
    open[h] = e.status != EnterpriseStatus::closed && graph.is_local(e, m.scope);
  }
  for (std::size_t i = 0; i < rel.size(); ++i) {
    if (open[rel.to(i)]) linked[rel.from(i)] = 1;
    if (open[rel.from(i)]) linked[rel.to(i)] = 1;
  }
  m.linked.reserve(static_cast<std::size_t>(std::count(linked.begin(), linked.end(), 1)));
  for (std::size_t h = 0; h < rel.id_count(); ++h)
    if (linked[h]) m.linked.insert(rel.id(static_cast<SupplyTable::Handle>(h)));
  // 增资扩产: a group already present through a local member.
  for (const Enterprise& e : ws.enterprises)
    if (e.status != EnterpriseStatus::closed && graph.is_local(e, m.scope)) m.local_tops.insert(m.top_of(e.id));
  for (const TargetList& t : graph.chain().target_lists)
    for (const std::string& id : t.enterprises) m.listed.insert(id);
  return m;
}

namespace {

using FactsRef = std::pair<std::string_view, const ScoringModel::SegmentFacts*>;
using FactsList = boost::container::small_vector<FactsRef, 8>;

// The helpers read a Candidate or, for the workspace's own firms, the Enterprise itself: the
// fields they read have the same names and meaning (a workspace firm's location is resolved
// at load), so `analyze` ranks a million firms with no Candidate copied (issue 16).

// The candidate's segments in the chain's graph with their facts, sorted by id, each once.
template <class C>
FactsList chain_facts(const ScoringModel& m, const C& c) {
  FactsList out;
  for (const std::string& s : c.segments)
    if (auto it = m.segments.find(s); it != m.segments.end()) out.emplace_back(it->first, &it->second);
  std::sort(out.begin(), out.end(), [](const FactsRef& a, const FactsRef& b) { return a.first < b.first; });
  out.erase(std::unique(out.begin(), out.end(), [](const FactsRef& a, const FactsRef& b) { return a.first == b.first; }),
            out.end());
  return out;
}

// Where a candidate stands before any pair: inside the scope, nearby, a firm at all.
struct Standing {
  bool local = false, nearby = false, eligible = true;
  bool excluded() const noexcept { return local || !eligible; }
};
template <class C>
Standing standing_of(const ScoringModel& m, const C& c) {
  Standing s;
  s.local = c.location.within(m.scope);
  s.nearby = !s.local && m.nearby && c.location.within(*m.nearby);
  s.eligible = (c.kind == EnterpriseKind::firm || c.kind == EnterpriseKind::project) &&
               c.status == EnterpriseStatus::operating;
  return s;
}

// The factors every pair of a scored candidate shares; `group_link` is set on the way.
template <class C>
ScoreFactors base_factors(const ScoringModel& m, const C& c, bool listed, bool& group_link) {
  ScoreFactors base;
  base.strength = strength_factor(m.weights, c.revenue);
  if (m.linked.contains(c.id)) base.link = 1;
  // The group test: c's top (through the workspace's group links, or its own `group`).
  const std::string& group = c.group;  // a Candidate's string, an Enterprise's interned id
  group_link = m.local_tops.contains(m.top_of(group.empty() ? c.id : group));
  if (group_link) base.link = 1;
  base.listed = listed ? 1 : 0;
  return base;
}

template <class C>
ScoreFactors pair_factors(const ScoreFactors& base, const ScoringModel::SegmentFacts& f, const C& c,
                          std::string_view segment) {
  ScoreFactors x = base;
  x.gap = f.gap;
  x.fit = !c.segments.empty() && c.segments.front() == segment ? 1.0 : 0.5;
  x.related = related_factor(f);
  return x;
}

template <class C>
CandidateScore score_candidate_of(const ScoringModel& m, const C& c) {
  CandidateScore r;
  r.id = c.id;
  r.name = c.name;
  r.revenue_unknown = !c.revenue.has_value();
  r.on_target_list = m.listed.contains(c.id);
  const FactsList facts = chain_facts(m, c);
  r.chain_segments.reserve(facts.size());
  for (const FactsRef& f : facts) r.chain_segments.emplace_back(f.first);
  const Standing st = standing_of(m, c);
  r.local = st.local;
  r.nearby = st.nearby;
  r.eligible = st.eligible;
  // Local firms and carriers are no targets; nearby firms only with --include-nearby.
  if (st.excluded() || (r.nearby && !m.include_nearby)) return r;

  const ScoreFactors base = base_factors(m, c, r.on_target_list, r.group_link);
  for (const auto& [segment, f] : facts) {
    if (f->covered) continue;
    PairScore p;
    p.segment = segment;
    p.segment_name = f->name;
    p.kind = f->kind;
    p.factors = pair_factors(base, *f, c, segment);
    p.score = pair_score(m.weights, p.factors);
    r.pairs.push_back(std::move(p));
  }
  std::sort(r.pairs.begin(), r.pairs.end(),
            [](const PairScore& a, const PairScore& b) { return ranks_ahead(a.score, a.segment, b.score, b.segment); });
  r.matched = !r.pairs.empty();
  if (r.matched) {
    const PairScore& best = r.pairs.front();
    r.score = best.score;
    r.segment = best.segment;
    r.segment_name = best.segment_name;
    r.kind = best.kind;
    r.factors = best.factors;
  }
  return r;
}

template <class C>
QuickScore quick_score_of(const ScoringModel& m, const C& c) {
  QuickScore q;
  const Standing st = standing_of(m, c);
  q.local = st.local;
  q.nearby = st.nearby;
  if (st.excluded() || (q.nearby && !m.include_nearby)) return q;
  // Nothing else is read when no segment of the candidate is open in the chain.
  const FactsList facts = chain_facts(m, c);
  if (std::all_of(facts.begin(), facts.end(), [](const FactsRef& f) { return f.second->covered; })) return q;
  bool group_link = false;
  const ScoreFactors base = base_factors(m, c, m.listed.contains(c.id), group_link);
  std::string_view best;
  for (const auto& [segment, f] : facts) {
    if (f->covered) continue;
    const double score = pair_score(m.weights, pair_factors(base, *f, c, segment));
    if (!q.matched || ranks_ahead(score, segment, q.score, best)) {
      q.score = score;
      best = segment;
      q.matched = true;
    }
  }
  return q;
}

}  // namespace

CandidateScore score_candidate(const ScoringModel& m, const Candidate& c) { return score_candidate_of(m, c); }
CandidateScore score_candidate(const ScoringModel& m, const Enterprise& e) { return score_candidate_of(m, e); }
QuickScore quick_score(const ScoringModel& m, const Candidate& c) { return quick_score_of(m, c); }
QuickScore quick_score(const ScoringModel& m, const Enterprise& e) { return quick_score_of(m, e); }

double strength_factor(const ScoreWeights& w, std::optional<double> revenue) {
  return revenue ? std::min(1.0, std::log1p(*revenue) / std::log1p(w.revenue_ref)) : w.unknown_strength;
}

double pair_score(const ScoreWeights& w, const ScoreFactors& x) {
  return 100 * (w.gap * x.gap + w.fit * x.fit + w.strength * x.strength + w.link * x.link + w.related * x.related +
                w.listed * x.listed) / weight_scale(w);
}

ScoreRow score_row(const CandidateScore& s) {
  ScoreRow r;
  r.id = s.id;
  r.name = s.name;
  r.segment = s.segment;
  r.segment_name = s.segment_name;
  r.kind = s.kind;
  r.factors = s.factors;
  r.score = s.score;
  r.matched = s.matched;
  r.local = s.local;
  r.nearby = s.nearby;
  r.eligible = s.eligible;
  r.group_link = s.group_link;
  return r;
}

bool ranks_before(const CandidateScore& a, const CandidateScore& b) { return ranks_ahead(a.score, a.id, b.score, b.id); }

namespace {

// "name=value,..." with each value finite and >= 0; `assign` maps a name to its slot.
void parse_named(const std::string& text, const std::function<double*(const std::string&)>& slot,
                 const std::string& expected) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    const std::string item = text.substr(start, end - start);
    start = end + 1;
    if (item.empty()) continue;
    const std::size_t eq = item.find('=');
    if (eq == std::string::npos) throw std::invalid_argument("weight '" + item + "' is not name=value");
    const std::string name = item.substr(0, eq), value = item.substr(eq + 1);
    double v = 0;
    std::size_t used = 0;
    try {
      v = std::stod(value, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != value.size() || !std::isfinite(v) || v < 0)
      throw std::invalid_argument("weight " + name + " must be a number >= 0, got '" + value + "'");
    double* target = slot(name);
    if (!target) throw std::invalid_argument("unknown weight '" + name + "' (expected " + expected + ")");
    *target = v;
  }
}

}  // namespace

ScoreWeights parse_weights(const std::string& text, ScoreWeights w) {
  parse_named(text, [&](const std::string& name) -> double* {
    if (name == "gap") return &w.gap;
    if (name == "fit") return &w.fit;
    if (name == "strength") return &w.strength;
    if (name == "link") return &w.link;
    if (name == "related") return &w.related;
    if (name == "listed") return &w.listed;
    if (name == "revenue_ref") return &w.revenue_ref;
    if (name == "unknown_strength") return &w.unknown_strength;
    return nullptr;
  }, "gap, fit, strength, link, related, listed, revenue_ref or unknown_strength");
  if (w.revenue_ref <= 0) throw std::invalid_argument("revenue_ref must be above 0");
  if (w.unknown_strength > 1) throw std::invalid_argument("unknown_strength must be in [0, 1]");
  if (w.gap + w.fit + w.strength + w.link + w.related + w.listed <= 0)
    throw std::invalid_argument("the score weights sum to 0");
  return w;
}

ImportanceWeights parse_importance(const std::string& text, ImportanceWeights w) {
  parse_named(text, [&](const std::string& name) -> double* {
    if (name == "value") return &w.value;
    if (name == "dependence") return &w.dependence;
    if (name == "plan") return &w.plan;
    if (name == "import") return &w.import;
    return nullptr;
  }, "value, dependence, plan or import");
  if (w.value + w.dependence + w.plan + w.import <= 0) throw std::invalid_argument("the importance weights sum to 0");
  return w;
}

}  // namespace chainlens
