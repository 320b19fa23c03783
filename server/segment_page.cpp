// server/segment_page.cpp: one segment of a chain: status and the four importance factors
// (metrics.md v2: value, dependence, plan, import), firms, carriers (载体), inputs and
// customers, and the best candidates for it per (firm, segment) pair with their factors.
#include <fmt/format.h>

#include "engine/targets.hpp"
#include "render/diagram.hpp"
#include "render/gaps_writer.hpp"
#include "render/report_text.hpp"
#include "server/page_kit.hpp"
#include "server/pages.hpp"

namespace chainlens::server {

namespace {

constexpr std::size_t kCandidates = 10;

std::string segment_links(const ServedChain& c, const std::vector<std::string>& ids, Lang lang) {
  if (ids.empty()) return "-";
  std::string out;
  for (const std::string& id : ids) {
    if (!out.empty()) out += tr(lang, "、", ", ");
    out += c.graph->find_segment(id) ? fmt::format("<a href=\"{}\">{}</a>", esc(segment_href(c.chain->id, id, lang)),
                                                   esc(segment_name(*c.graph, id, lang)))
                                     : esc(id);
  }
  return out;
}

void candidates_table(std::string& h, const ServedWorkspace& sw, const ServedChain& c, const std::string& segment, Lang lang) {
  const std::vector<RankedPair> pairs = pairs_for_segment(c.ranked, segment, kCandidates);
  h += fmt::format("<h2 id=\"candidates\">{}</h2>\n", tr(lang, "候选企业 (按本环节配对得分)", "Candidates (scored for this segment)"));
  if (pairs.empty()) {
    h += fmt::format("<p class=\"meta\" id=\"no-candidates\">{}</p>\n",
                     tr(lang, "本环节没有候选企业 (已覆盖, 或工作区中无在此环节经营的外地企业)。",
                        "No candidate for this segment (covered, or no firm elsewhere operates in it)."));
    return;
  }
  h += fmt::format("<table class=\"sortable\" id=\"candidate-table\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
                   "<th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
                   tr(lang, "企业", "Firm"), tr(lang, "配对得分", "Pair score"), tr(lang, "缺口", "Gap"),
                   tr(lang, "契合", "Fit"), tr(lang, "实力", "Strength"), tr(lang, "关联", "Link"),
                   tr(lang, "相关", "Related"), tr(lang, "上市", "Listed"), tr(lang, "备注", "Notes"));
  for (const RankedPair& p : pairs) {
    const ScoreFactors& f = p.pair->factors;
    h += fmt::format("<tr data-candidate=\"{}\"><td>{}</td>{}{}{}{}{}{}{}<td>{}</td></tr>\n", esc(p.candidate->id),
                     firm_link(sw.workspace(), p.candidate->id, lang), num_cell(p.pair->score, 1), num_cell(f.gap),
                     num_cell(f.fit), num_cell(f.strength), num_cell(f.link), num_cell(f.related), num_cell(f.listed),
                     esc(target_notes(*p.candidate, lang)));
  }
  h += "</tbody></table>\n";
}

}  // namespace

std::string segment_body(const ServedWorkspace& sw, const ServedChain& c, const std::string& segment, Lang lang) {
  const auto v = c.graph->find_segment(segment);
  const GapReport& gaps = c.report.gaps();
  const SegmentGap* g = nullptr;
  for (const SegmentGap& row : gaps.segments)
    if (row.segment == segment) g = &row;
  if (!v || !g) throw RequestError(404, "no segment '" + segment.substr(0, 200) + "' in chain " + c.chain->id);
  const Workspace& ws = sw.workspace();
  const Segment& def = *(*c.graph)[*v].segment;
  std::string h = fmt::format("<p class=\"meta\"><a href=\"{}\">{}</a> › {}</p>\n<h1 id=\"segment-title\">{}</h1>\n",
                              esc(chain_href(c.chain->id, lang)), esc(chain_display_name(*c.chain, lang)),
                              esc(stage_label(def.stage, lang)), esc(segment_display_name(def, lang)));
  h += fmt::format("<p>{} <span id=\"segment-kind\">{}</span> · {} <strong>{:.4f}</strong> · {}</p>\n", status_chip(g->status, lang),
                   esc(kind_label(g->kind, lang)), tr(lang, "缺口分", "gap score"), g->gap_score, esc(gap_reason(*g, lang)));
  const auto& imp = gaps.weights;
  h += fmt::format("<h2>{}</h2>\n<table id=\"factors\"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
                   tr(lang, "重要度因子", "Importance factors"), tr(lang, "因子", "Factor"), tr(lang, "值", "Value"),
                   tr(lang, "权重", "Weight"));
  const struct { const char *zh, *en; double value, weight; } rows[] = {
      {"价值 V (所需产出)", "Value V (output at stake)", g->factors.value, imp.value},
      {"依赖 D (下游产品依赖)", "Dependence D (products downstream)", g->factors.dependence, imp.dependence},
      {"规划 P (规划短板与名录)", "Plan P (the plans' gaps and lists)", g->factors.plan, imp.plan},
      {"进口 K (进口依赖)", "Import K (import dependence)", g->factors.import, imp.import},
  };
  for (const auto& r : rows)
    h += fmt::format("<tr><td>{}</td>{}{}</tr>\n", tr(lang, r.zh, r.en), num_cell(r.value), num_cell(r.weight, 2));
  h += fmt::format("<tr><td><strong>{}</strong></td>{}<td></td></tr>\n<tr><td>{}</td>{}<td></td></tr>\n</tbody></table>\n",
                   tr(lang, "重要度", "Importance"), num_cell(g->importance), tr(lang, "严重度", "Severity"), num_cell(g->severity));
  h += "<dl class=\"facts\">";
  h += fmt::format("<dt>{}</dt><dd id=\"local-firms\">{}</dd>", tr(lang, "本地企业", "Local firms"),
                   firm_links(ws, g->local_enterprises, lang));
  h += fmt::format("<dt>{}</dt><dd id=\"carriers\">{}</dd>", tr(lang, "载体 (园区、机构, 不计数)", "Carriers (parks, institutes; not counted)"),
                   firm_links(ws, g->carriers, lang));
  std::vector<std::string> inputs, customers;
  for (const SegmentInput& in : def.inputs) inputs.push_back(in.from);
  for (const SegmentGap& other : gaps.segments) {
    const auto ov = c.graph->find_segment(other.segment);
    if (!ov) continue;
    for (const SegmentInput& in : (*c.graph)[*ov].segment->inputs)
      if (in.from == segment) customers.push_back(other.segment);
  }
  h += fmt::format("<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd>", tr(lang, "上游投入", "Inputs"), segment_links(c, inputs, lang),
                   tr(lang, "下游环节", "Customers"), segment_links(c, customers, lang));
  h += fmt::format("<dt>{}</dt><dd>{}</dd>", tr(lang, "环节本地配套率", "Segment SLSR"), fixed4(g->slsr));
  for (const DeclaredGap& d : c.chain->gaps)
    if (d.segment == segment)
      h += fmt::format("<dt>{}</dt><dd>{} {}</dd>", tr(lang, "规划所述短板", "Declared gap"), esc(declared_kind_label(d.kind, lang)),
                       esc(d.note));
  h += "</dl>\n";
  candidates_table(h, sw, c, segment, lang);
  return h;
}

}  // namespace chainlens::server
