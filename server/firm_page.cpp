// server/firm_page.cpp: one enterprise: who it is (aliases, location, status, group), where it
// operates, whether that is local in each chain's scope, and how it ranks as a candidate.
#include <fmt/format.h>

#include <algorithm>

#include "engine/chain_graph.hpp"
#include "render/diagram.hpp"
#include "render/report_text.hpp"
#include "server/page_kit.hpp"
#include "server/pages.hpp"

namespace chainlens::server {

namespace {

const char* role_text(Role r, Lang lang) {
  switch (r) {
    case Role::anchor: return tr(lang, "链主", "anchor");
    case Role::key: return tr(lang, "重点企业", "key firm");
    case Role::supplier: return tr(lang, "配套企业", "supplier");
    case Role::research: return tr(lang, "科研机构", "research");
    case Role::platform: return tr(lang, "平台", "platform");
  }
  return "";
}

const char* status_text(EnterpriseStatus s, Lang lang) {
  switch (s) {
    case EnterpriseStatus::operating: return tr(lang, "运营", "operating");
    case EnterpriseStatus::building: return tr(lang, "在建", "building");
    case EnterpriseStatus::planned: return tr(lang, "规划", "planned");
    case EnterpriseStatus::closed: return tr(lang, "关停", "closed");
  }
  return "";
}

const char* kind_text(EnterpriseKind k, Lang lang) {
  switch (k) {
    case EnterpriseKind::firm: return tr(lang, "企业", "firm");
    case EnterpriseKind::project: return tr(lang, "项目", "project");
    case EnterpriseKind::park: return tr(lang, "园区 (载体)", "park (carrier)");
    case EnterpriseKind::institute: return tr(lang, "机构", "institute");
  }
  return "";
}

}  // namespace

std::string firm_body(const ServedWorkspace& sw, const std::string& id, Lang lang) {
  const Enterprise* e = sw.find_enterprise(id);
  if (!e) throw RequestError(404, "no enterprise '" + id.substr(0, 200) + "' in the workspace");
  const Workspace& ws = sw.workspace();
  std::string h = fmt::format("<h1 id=\"firm-title\">{}</h1>\n<dl class=\"facts\">", esc(e->name.empty() ? e->id : e->name));
  std::string aliases;
  for (const std::string& a : e->detail().aliases) aliases += (aliases.empty() ? "" : tr(lang, "、", ", ")) + esc(a);
  h += fmt::format("<dt>{}</dt><dd>{}</dd>", tr(lang, "别名", "Also known as"), aliases.empty() ? "-" : aliases);
  h += fmt::format("<dt>{}</dt><dd id=\"firm-location\">{}</dd>", tr(lang, "所在地", "Location"), esc(e->location.str()));
  const bool local = is_local(*e, ws.scope);
  h += fmt::format("<dt>{}</dt><dd id=\"firm-local\" data-local=\"{}\">{}</dd>", tr(lang, "是否本地", "Local"), local ? 1 : 0,
                   local ? fmt::format(fmt::runtime(tr(lang, "是 (在 {} 内)", "yes (inside {})")), esc(ws.scope.str()))
                         : fmt::format(fmt::runtime(tr(lang, "否 (不在 {} 内)", "no (outside {})")), esc(ws.scope.str())));
  h += fmt::format("<dt>{}</dt><dd>{} · {}{}</dd>", tr(lang, "状态", "Status"), status_text(e->status, lang),
                   kind_text(e->kind, lang), e->role ? std::string(" · ") + role_text(*e->role, lang) : "");
  std::string group = "-";
  if (!e->group.empty()) {
    group = firm_link(ws, e->group.str(), lang);
    std::vector<std::string> siblings;
    for (const Enterprise& o : ws.enterprises)
      if (o.id != e->id && o.id != e->group && o.group == e->group) siblings.push_back(o.id.str());
    if (!siblings.empty()) group += std::string(tr(lang, "; 同集团: ", "; same group: ")) + firm_links(ws, siblings, lang);
  } else {
    std::vector<std::string> members;
    for (const Enterprise& o : ws.enterprises)
      if (o.group == e->id) members.push_back(o.id.str());
    if (!members.empty()) group = std::string(tr(lang, "集团成员: ", "members: ")) + firm_links(ws, members, lang);
  }
  h += fmt::format("<dt>{}</dt><dd id=\"firm-group\">{}</dd>", tr(lang, "集团", "Group"), group);
  h += fmt::format("<dt>{}</dt><dd>{}</dd>", tr(lang, "营收 (亿元)", "Revenue (100M CNY)"),
                   e->revenue ? fmt::format("{:.1f}{}", *e->revenue, e->revenue_year ? fmt::format(" ({})", *e->revenue_year) : "")
                              : std::string("-"));
  h += fmt::format("<dt>{}</dt><dd>{}</dd>", tr(lang, "上市", "Listed"),
                   e->listed ? (*e->listed ? tr(lang, "是", "yes") : tr(lang, "否", "no")) : "-");
  if (const std::string& note = e->detail().note; !note.empty())
    h += fmt::format("<dt>{}</dt><dd>{}</dd>", tr(lang, "说明", "Note"), esc(note));
  h += "</dl>\n";

  h += fmt::format("<h2>{}</h2>\n<table id=\"firm-segments\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
                   tr(lang, "经营环节", "Where it operates"), tr(lang, "产业链", "Chain"), tr(lang, "环节", "Segment"),
                   tr(lang, "本链范围内", "Local to the chain"), tr(lang, "候选得分", "Candidate score"));
  int rows = 0;
  for (const ServedChain& c : sw.chains()) {
    const CandidateScore* as_target = nullptr;
    for (const CandidateScore& t : c.report.targets.targets)
      if (t.id == e->id) as_target = &t;
    for (const std::string& s : e->segments) {
      if (!c.graph->find_segment(s) || !(*c.graph)[*c.graph->find_segment(s)].own) continue;
      std::string score = "-";
      if (as_target)
        for (const PairScore& p : as_target->pairs)
          if (p.segment == s) score = fmt::format("{:.1f}", p.score);
      h += fmt::format("<tr><td><a href=\"{}\">{}</a></td><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td></tr>\n",
                       esc(chain_href(c.chain->id, lang)), esc(chain_display_name(*c.chain, lang)),
                       esc(segment_href(c.chain->id, s, lang)), esc(segment_name(*c.graph, s, lang)),
                       is_local(*e, c.scope) ? tr(lang, "是", "yes") : tr(lang, "否", "no"), score);
      ++rows;
    }
  }
  if (rows == 0) h += fmt::format("<tr><td colspan=\"4\">{}</td></tr>\n", tr(lang, "不在任何产业链的环节中", "in no segment of a chain"));
  h += "</tbody></table>\n";

  const SupplyTable& relations = ws.supply_table;
  std::vector<std::size_t> supplies;
  for (std::size_t i = 0; i < relations.size(); ++i)
    if (relations.from_id(i) == e->id || relations.to_id(i) == e->id) supplies.push_back(i);
  if (!supplies.empty()) {
    h += fmt::format("<h2>{}</h2>\n<table id=\"firm-supply\"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
                     tr(lang, "供应关系", "Supply relations"), tr(lang, "供应方", "Supplier"), tr(lang, "客户", "Customer"),
                     tr(lang, "金额 (亿元)", "Value (100M CNY)"));
    std::size_t n = 0;
    for (std::size_t i : supplies) {
      if (n++ >= 100) break;
      const std::optional<double> value = relations.value(i);
      h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", firm_link(ws, std::string(relations.from_id(i)), lang),
                       firm_link(ws, std::string(relations.to_id(i)), lang),
                       value ? fmt::format("{:.2f}", *value) : std::string("-"));
    }
    h += "</tbody></table>\n";
  }
  return h;
}

}  // namespace chainlens::server
