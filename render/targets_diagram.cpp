// render/targets_diagram.cpp: 招商图谱 — the chain's gap segments with their best candidates
// attached, so a 招商 team sees which firm would close which link.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "engine/chain_graph.hpp"
#include "render/diagram.hpp"
#include "render/gaps_writer.hpp"

namespace chainlens {

Diagram targets_diagram(const ChainGraph& graph, const GapReport& gaps, const TargetsReport& targets,
                        const DiagramOptions& o) {
  const Lang lang = o.lang;
  Diagram d;
  d.title = fmt::format(fmt::runtime(tr(lang, "{} 招商图谱 · {} · 每个缺口前 {} 名候选", "{} target map · {} · top {} candidates per gap")),
                        chain_display_name(graph.chain(), lang), gaps.scope.str(), o.per_gap);
  if (!o.date.empty()) d.title += " · " + o.date;
  std::set<std::string> clusters;
  std::set<std::string> drawn;
  const std::string candidates_cluster = "candidates";
  // Gap segments in gap-score order (the report's order), so the worst gaps come first.
  // Those no candidate serves go into a cluster of their own: the pool must grow there.
  const std::string orphan_cluster = "no-candidates";
  for (const SegmentGap& g : gaps.segments) {
    if (g.status == SegmentStatus::covered) continue;
    const auto v = graph.find_segment(g.segment);
    if (!v) continue;
    std::vector<const CandidateScore*> attached;
    for (const CandidateScore& c : targets.targets) {
      if (static_cast<int>(attached.size()) >= o.per_gap) break;
      if (std::binary_search(c.chain_segments.begin(), c.chain_segments.end(), g.segment)) attached.push_back(&c);
    }
    const Segment& seg = *graph[*v].segment;
    std::string cluster = std::string("stage") + (seg.stage ? std::to_string(static_cast<int>(*seg.stage)) : "9");
    std::string cluster_label = stage_label(seg.stage, lang);
    if (attached.empty()) {
      cluster = orphan_cluster;
      cluster_label = tr(lang, "尚无候选企业的缺口", "Gaps with no candidate yet");
    }
    if (clusters.insert(cluster).second) d.clusters.push_back({cluster, cluster_label, ""});
    DiagramNode n;
    n.id = g.segment;
    n.cluster = cluster;
    n.fill = status_fill(g.status);
    n.lines = {segment_display_name(seg, lang),
               fmt::format(fmt::runtime(tr(lang, "{} · {} · 缺口分 {:.4f}", "{} · {} · gap {:.4f}")), status_label(g.status, lang),
                           kind_label(g.kind, lang), g.gap_score)};
    d.nodes.push_back(std::move(n));
    for (const CandidateScore* c : attached) {
      const std::string cid = "cand:" + c->id;
      if (drawn.insert(cid).second) {
        if (clusters.insert(candidates_cluster).second)
          d.clusters.push_back({candidates_cluster, tr(lang, "候选企业 (非本地)", "Candidates (non-local)"), ""});
        DiagramNode cn;
        cn.id = cid;
        cn.cluster = candidates_cluster;
        cn.shape = "ellipse";
        cn.fill = c->on_target_list ? "#E8E8E8" : "#FFFFFF";
        cn.lines = {c->name.empty() ? c->id : c->name,
                    fmt::format(fmt::runtime(tr(lang, "得分 {:.1f}{}", "score {:.1f}{}")), c->score,
                                c->on_target_list ? tr(lang, " · 名录", " · listed target") : "")};
        d.nodes.push_back(std::move(cn));
      }
      d.edges.push_back({cid, g.segment, 1.2, "", "#0072B2", false});
    }
  }
  d.legend = status_legend(lang);
  d.legend.push_back({tr(lang, "拟招商名录企业", "On a 拟招商名录"), "#E8E8E8"});
  d.legend.push_back({tr(lang, "其他候选企业", "Other candidate"), "#FFFFFF"});
  return d;
}

}  // namespace chainlens
