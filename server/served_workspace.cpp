// server/served_workspace.cpp: builds the served workspace: one WorkspaceModel, one graph and
// report per chain, and the chain and target maps in both languages.
#include "server/served_workspace.hpp"

#include "render/diagram.hpp"
#include "render/graphviz_writer.hpp"

namespace chainlens::server {

std::string url_component(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : text) {
    if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' ||
        ch == '_' || ch == '~') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += hex[ch >> 4];
      out += hex[ch & 15];
    }
  }
  return out;
}

ServedWorkspace::ServedWorkspace(Workspace ws)
    : ws_(std::move(ws)), loaded_at_(std::chrono::system_clock::now()) {
  model_ = std::make_shared<const WorkspaceModel>(ws_);
  chains_.reserve(ws_.chains.size());
  for (const Chain& chain : ws_.chains) {
    ServedChain c;
    c.chain = &chain;
    c.graph = std::make_unique<const ChainGraph>(ws_, chain, model_);
    c.scope = c.graph->default_scope();
    ChainReportOptions options;
    options.weights = ws_.scoring;
    c.report = build_chain_report(*c.graph, c.scope, options);
    for (Lang lang : {Lang::zh, Lang::en}) {
      DiagramOptions d;
      d.lang = lang;
      Diagram map = chain_diagram(*c.graph, c.report.gaps(), c.report.chokepoints, d);
      const std::string base = "/chains/" + url_component(chain.id) + "/segments/";
      const std::string suffix = lang == Lang::en ? "?lang=en" : "";
      for (DiagramNode& n : map.nodes)
        if (c.graph->find_segment(n.id)) n.url = base + url_component(n.id) + suffix;
      const int i = lang == Lang::zh ? 0 : 1;
      c.chain_svg[i] = render_graphviz(map);
      c.targets_svg[i] = render_graphviz(targets_diagram(*c.graph, c.report.gaps(), c.report.targets, d));
    }
    chains_.push_back(std::move(c));
  }
  // After the moves: the pairs point into each report's (moved, not copied) vectors.
  for (ServedChain& c : chains_) c.ranked = ranked_pairs(c.report.targets);
}

const ServedChain* ServedWorkspace::find_chain(std::string_view id) const {
  for (const ServedChain& c : chains_)
    if (c.chain->id == id) return &c;
  return nullptr;
}

const Enterprise* ServedWorkspace::find_enterprise(std::string_view id) const {
  for (const Enterprise& e : ws_.enterprises)
    if (e.id == id) return &e;
  return nullptr;
}

}  // namespace chainlens::server
