// render/graphviz_writer.cpp: Diagram -> cgraph graph (HTML-like labels, nested clusters)
// -> gvLayout("dot") -> gvRenderData. cgraph's API takes char*; it copies what it is given.
#include "render/graphviz_writer.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <map>
#include <memory>
#include <stdexcept>

namespace chainlens {

std::string html_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\\': out += "&#92;"; break;
      case '\n': case '\r': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

char* cs(const std::string& s) { return const_cast<char*>(s.c_str()); }

void set(void* obj, const std::string& name, const std::string& value) {
  agsafeset(obj, cs(name), cs(value), cs(std::string()));
}

// An HTML-like label keeps its flag only when set from an agstrdup_html string.
void set_html(Agraph_t* g, void* obj, const std::string& html) {
  char* h = agstrdup_html(g, cs(html));
  agsafeset(obj, cs(std::string("label")), h, cs(std::string()));
  agstrfree(g, h);
}

std::string node_label(const DiagramNode& n) {
  std::string out;
  for (std::size_t i = 0; i < n.lines.size(); ++i) {
    if (i) out += "<BR/>";
    out += i == 0 ? "<B>" + html_escape(n.lines[i]) + "</B>" : html_escape(n.lines[i]);
  }
  return out.empty() ? html_escape(n.id) : out;
}

// cgraph's default ID discipline uses the address of an interned name as the object's ID,
// and orders subgraphs by ID: cluster order then varies with the heap, and so do the bytes
// of the SVG. This discipline numbers names in creation order instead. Names are kept as
// cgraph reference strings (agstrdup): the DOT writer asks aghtmlstr() of every name it
// prints, which reads the refstr header in front of the characters.
struct SequentialIds {
  Agraph_t* root = nullptr;
  std::map<std::string, IDTYPE> by_name;
  std::map<IDTYPE, char*> names;  // refstrs owned by this discipline
  IDTYPE named = 0, anonymous = 1;
};

void* ids_open(Agraph_t* g, Agdisc_t*) {
  auto* s = new SequentialIds;
  s->root = g;
  return s;
}
long ids_map(void* state, int, char* str, IDTYPE* id, int create) {
  auto* s = static_cast<SequentialIds*>(state);
  if (!str) {
    *id = s->anonymous;
    s->anonymous += 2;  // odd: anonymous, as in cgraph's own discipline
    return 1;
  }
  if (auto it = s->by_name.find(str); it != s->by_name.end()) {
    *id = it->second;
    return 1;
  }
  if (!create) return 0;
  s->named += 2;  // even: named
  s->by_name.emplace(str, s->named);
  s->names.emplace(s->named, agstrdup(s->root, str));
  *id = s->named;
  return 1;
}
long ids_alloc(void*, int, IDTYPE) { return 0; }
void ids_free(void*, int, IDTYPE) {}
char* ids_print(void* state, int, IDTYPE id) {
  auto* s = static_cast<SequentialIds*>(state);
  auto it = s->names.find(id);
  return it == s->names.end() ? nullptr : it->second;
}
void ids_close(void* state) {
  auto* s = static_cast<SequentialIds*>(state);
  for (auto& [id, name] : s->names) agstrfree(s->root, name);
  delete s;
}
void ids_register(void*, int, void*) {}

Agiddisc_t sequential_id_disc = {ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close, ids_register};
Agdisc_t deterministic_disc = {&AgMemDisc, &sequential_id_disc, &AgIoDisc};

struct GraphDeleter {
  void operator()(Agraph_t* g) const { agclose(g); }
};
// One context per process: GraphViz 2.42 keeps global state across contexts, and a second
// gvContext/gvFreeContext cycle in one process loses clusters from the next layout.
GVC_t* context() {
  static GVC_t* gvc = gvContext();
  return gvc;
}

}  // namespace

std::string render_graphviz(const Diagram& d, const GraphvizOptions& o) {
  if (o.format != "svg" && o.format != "png" && o.format != "pdf" && o.format != "dot")
    throw std::invalid_argument("unknown diagram format '" + o.format + "' (expected svg, png, pdf or dot)");
  GVC_t* gvc = context();
  std::unique_ptr<Agraph_t, GraphDeleter> owner(agopen(cs(std::string("chain")), Agdirected, &deterministic_disc));
  Agraph_t* g = owner.get();
  set(g, "rankdir", d.rankdir);
  set(g, "fontname", o.font);
  set(g, "labelloc", "t");
  set(g, "fontsize", "18");
  set(g, "newrank", "true");
  set(g, "nodesep", "0.25");
  set_html(g, g, "<B>" + html_escape(d.title) + "</B>");
  agattr(g, AGNODE, cs(std::string("fontname")), cs(o.font));
  agattr(g, AGNODE, cs(std::string("shape")), cs(std::string("box")));
  agattr(g, AGNODE, cs(std::string("style")), cs(std::string("rounded,filled")));
  agattr(g, AGNODE, cs(std::string("fontsize")), cs(std::string("11")));
  agattr(g, AGEDGE, cs(std::string("fontname")), cs(o.font));
  agattr(g, AGEDGE, cs(std::string("color")), cs(std::string("#555555")));

  std::map<std::string, Agraph_t*> clusters;
  for (const DiagramCluster& c : d.clusters) {
    Agraph_t* parent = c.parent.empty() ? g : clusters.at(c.parent);
    Agraph_t* sub = agsubg(parent, cs("cluster_" + c.id), 1);
    set(sub, "style", c.style);
    set(sub, "color", "#999999");
    set(sub, "fontname", o.font);
    set_html(g, sub, html_escape(c.label));
    clusters[c.id] = sub;
  }
  std::map<std::string, Agnode_t*> nodes;
  for (const DiagramNode& n : d.nodes) {
    Agraph_t* home = n.cluster.empty() ? g : clusters.at(n.cluster);
    Agnode_t* v = agnode(home, cs(n.id), 1);
    set(v, "fillcolor", n.fill);
    if (n.shape != "box") set(v, "shape", n.shape);
    if (n.dashed) set(v, "style", n.shape == "box" ? "rounded,filled,dashed" : "filled,dashed");
    else if (n.shape != "box") set(v, "style", "filled");
    if (n.emphasis) {
      set(v, "penwidth", "3.5");
      set(v, "color", "#000000");
    }
    set_html(g, v, node_label(n));
    if (!n.url.empty()) {  // no attribute otherwise, so diagrams without links are unchanged
      set(v, "URL", n.url);
      set(v, "target", "_top");
      if (!n.lines.empty()) set(v, "tooltip", n.lines.front());  // else the title is the HTML label's markup
    }
    nodes[n.id] = v;
  }
  for (const DiagramEdge& e : d.edges) {
    Agedge_t* edge = agedge(g, nodes.at(e.from), nodes.at(e.to), nullptr, 1);
    char width[32];
    std::snprintf(width, sizeof width, "%.2f", e.width);
    set(edge, "penwidth", width);
    if (!e.color.empty()) set(edge, "color", e.color);
    if (e.dashed) set(edge, "style", "dashed");
    if (e.invisible) set(edge, "style", "invis");
    if (!e.label.empty()) {
      set_html(g, edge, html_escape(e.label));
      set(edge, "fontsize", "9");
    }
  }
  if (!d.legend.empty()) {
    Agraph_t* legend = agsubg(g, cs(std::string("cluster_legend")), 1);
    set(legend, "style", "rounded");
    set(legend, "color", "#999999");
    set(legend, "fontname", o.font);
    set_html(g, legend, "图例 Legend");
    for (std::size_t i = 0; i < d.legend.size(); ++i) {
      Agnode_t* v = agnode(legend, cs("legend_" + std::to_string(i)), 1);
      set(v, "fillcolor", d.legend[i].second);
      set_html(g, v, html_escape(d.legend[i].first));
    }
  }
  if (d.engine == "sfdp") {
    set(g, "overlap", "prism");
    set(g, "splines", "line");  // routed splines made sfdp take minutes on 1,000 edges
  }
  if (gvLayout(gvc, g, d.engine.c_str()) != 0) throw std::runtime_error("GraphViz could not lay out the diagram");
  char* data = nullptr;
  unsigned int length = 0;
  const int rc = gvRenderData(gvc, g, o.format.c_str(), &data, &length);
  std::string out = rc == 0 && data ? std::string(data, length) : std::string();
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc, g);
  if (rc != 0) throw std::runtime_error("GraphViz could not render " + o.format);
  return out;
}

}  // namespace chainlens
