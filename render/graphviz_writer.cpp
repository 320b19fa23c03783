// render/graphviz_writer.cpp: Diagram -> cgraph graph (HTML-like labels, nested clusters,
// title and legend as the graph label) -> gvLayout -> fitted to the page -> gvRenderData.
// cgraph's API takes char*; it copies what it is given.
#include "render/graphviz_writer.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>

#include "render/text_width.hpp"

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
    out += i < std::max<std::size_t>(1, n.bold_lines) ? "<B>" + html_escape(n.lines[i]) + "</B>" : html_escape(n.lines[i]);
  }
  if (out.empty()) out = html_escape(n.id);
  if (n.cells.empty()) return out;
  std::string row;
  for (const auto& [text, fill] : n.cells)
    row += "<TD BORDER=\"1\" COLOR=\"#555555\" BGCOLOR=\"" + fill + "\">" + html_escape(text) + "</TD>";
  return "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\"><TR><TD COLSPAN=\"" + std::to_string(n.cells.size()) + "\">" +
         out + "</TD></TR><TR>" + row + "</TR></TABLE>";
}

// Lines of a message, each escaped, joined with HTML line breaks.
std::string multiline(const std::string& text) {
  std::string out, line;
  for (char c : text + "\n") {
    if (c != '\n') {
      line += c;
      continue;
    }
    out += (out.empty() ? "" : "<BR/>") + html_escape(line);
    line.clear();
  }
  return out;
}

// Text sizes (points, at the drawing's size; see kMinFontPt): nothing is smaller than 14.
constexpr const char* kTextPt = "14";
constexpr const char* kClusterPt = "16";
constexpr int kTitlePt = 20;
constexpr int kLegendRowColumns = 96;  // a legend row wraps beyond this many display columns

std::string fmt_pt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

// The cell that shows what a legend entry explains: a swatch, a border, a line or a star.
std::string legend_mark(const LegendEntry& e) {
  const std::string box = "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"30\" HEIGHT=\"18\" ";
  switch (e.mark) {
    case LegendMark::fill: return box + "BORDER=\"1\" COLOR=\"#555555\" BGCOLOR=\"" + e.fill + "\"></TD>";
    case LegendMark::bold_border: return box + "BORDER=\"3\" COLOR=\"#000000\" BGCOLOR=\"#FFFFFF\"></TD>";
    case LegendMark::dashed_box:
      return box + "BORDER=\"1\" STYLE=\"dashed\" COLOR=\"#555555\" BGCOLOR=\"" + e.fill + "\"></TD>";
    case LegendMark::thin_edge: return "<TD><FONT COLOR=\"#555555\">───</FONT></TD>";
    case LegendMark::thick_edge:
      return "<TD><FONT COLOR=\"" + (e.fill == "#FFFFFF" ? std::string("#555555") : e.fill) + "\"><B>━━━</B></FONT></TD>";
    case LegendMark::dashed_edge: return "<TD><FONT COLOR=\"#555555\">- - -</FONT></TD>";
    case LegendMark::star: return "<TD><FONT COLOR=\"#B8860B\">★</FONT></TD>";
    case LegendMark::note: return "<TD></TD>";
  }
  return "<TD></TD>";
}

// The graph label: the title over the legend ("图例" / "Legend", in the diagram's language),
// the legend's entries in rows of at most kLegendRowColumns display columns.
std::string title_and_legend(const Diagram& d) {
  std::string out = "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">";
  out += "<TR><TD><FONT POINT-SIZE=\"" + std::to_string(kTitlePt) + "\"><B>" + html_escape(d.title) + "</B></FONT></TD></TR>";
  if (!d.legend.empty() && d.message.empty()) {
    std::vector<std::string> rows(1);
    int width = display_width(d.legend_title) + 2;
    rows.back() = "<TD><B>" + html_escape(d.legend_title) + "</B></TD>";
    for (const LegendEntry& e : d.legend) {
      const int w = display_width(e.label) + 6;
      if (width + w > kLegendRowColumns && width > 0) {
        rows.emplace_back();
        width = 0;
      }
      rows.back() += legend_mark(e) + "<TD ALIGN=\"LEFT\">" + html_escape(e.label) + "</TD>";
      width += w;
    }
    for (const std::string& row : rows)
      out += "<TR><TD><TABLE BORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"1\"><TR>" + row + "</TR></TABLE></TD></TR>";
  }
  return out + "</TABLE>";
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

// The diagram's edges between nodes already in g: all of them, or only the invisible ones
// that order the layout (`all` false: the visible ones come after, see render_graphviz).
void add_edges(Agraph_t* g, const Diagram& d, bool all) {
  for (const DiagramEdge& e : d.edges) {
    if (!all && !e.invisible) continue;
    Agnode_t* from = agnode(g, cs(e.from), 0);
    Agnode_t* to = agnode(g, cs(e.to), 0);
    if (!from || !to) throw std::out_of_range("diagram edge between unknown nodes " + e.from + " -> " + e.to);
    Agedge_t* edge = agedge(g, from, to, nullptr, 1);
    char width[32];
    std::snprintf(width, sizeof width, "%.2f", e.width);
    set(edge, "penwidth", width);
    if (!e.color.empty()) set(edge, "color", e.color);
    if (e.dashed) set(edge, "style", "dashed");
    if (e.invisible) set(edge, "style", "invis");
    if (!e.constraint) set(edge, "constraint", "false");
    if (!e.label.empty()) set_html(g, edge, html_escape(e.label));
  }
}

// cgraph reads through this: one line per call, as its own file reader does.
struct TextReader {
  const std::string* text = nullptr;
  std::size_t at = 0;
};
int read_line(void* chan, char* buf, int bufsize) {
  auto* r = static_cast<TextReader*>(chan);
  int n = 0;
  while (n < bufsize - 1 && r->at < r->text->size()) {
    const char c = (*r->text)[r->at++];
    buf[n++] = c;
    if (c == '\n') break;
  }
  buf[n] = '\0';
  return n;
}
Agiodisc_t text_io = {read_line, nullptr, nullptr};
Agdisc_t text_disc = {&AgMemDisc, &sequential_id_disc, &text_io};

void build(Agraph_t* g, const Diagram& d, const GraphvizOptions& o) {
  set(g, "rankdir", d.rankdir);
  set(g, "fontname", o.font);
  set(g, "labelloc", "t");
  set(g, "fontsize", kTextPt);
  set(g, "newrank", "true");
  set(g, "nodesep", d.rankdir == "TB" ? "0.2" : "0.15");
  set(g, "ranksep", d.rankdir == "TB" ? "0.25" : "0.45");
  set_html(g, g, title_and_legend(d));
  agattr(g, AGNODE, cs(std::string("fontname")), cs(o.font));
  agattr(g, AGNODE, cs(std::string("shape")), cs(std::string("box")));
  agattr(g, AGNODE, cs(std::string("style")), cs(std::string("rounded,filled")));
  agattr(g, AGNODE, cs(std::string("fontsize")), cs(std::string(kTextPt)));
  agattr(g, AGNODE, cs(std::string("margin")), cs(std::string("0.08,0.04")));
  agattr(g, AGEDGE, cs(std::string("fontname")), cs(o.font));
  agattr(g, AGEDGE, cs(std::string("fontsize")), cs(std::string(kTextPt)));
  agattr(g, AGEDGE, cs(std::string("color")), cs(std::string("#555555")));
  agattr(g, AGEDGE, cs(std::string("arrowsize")), cs(std::string("0.7")));

  if (!d.message.empty()) {  // nothing to draw: one note that says why
    Agnode_t* v = agnode(g, cs(std::string("message")), 1);
    set(v, "shape", "note");
    set(v, "style", "filled");
    set(v, "fillcolor", "#F5F5F5");
    set(v, "fontsize", "18");
    set(v, "margin", "0.3,0.2");
    set_html(g, v, multiline(d.message));
    return;
  }
  std::map<std::string, Agraph_t*> clusters;
  for (const DiagramCluster& c : d.clusters) {
    Agraph_t* parent = c.parent.empty() ? g : clusters.at(c.parent);
    Agraph_t* sub = agsubg(parent, cs("cluster_" + c.id), 1);
    set(sub, "style", c.style);
    set(sub, "color", "#999999");
    set(sub, "fontname", o.font);
    set(sub, "fontsize", kClusterPt);
    set(sub, "margin", "6");
    set_html(g, sub, "<B>" + html_escape(c.label) + "</B>");
    clusters[c.id] = sub;
  }
  std::map<std::string, Agnode_t*> nodes;
  std::map<int, std::vector<Agnode_t*>> ranked;
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
    if (n.rank >= 0) ranked[n.rank].push_back(v);
    nodes[n.id] = v;
  }
  // Fixed ranks: an invisible anchor per rank, chained in order, and each rank's nodes held
  // level with its anchor (newrank lets rank=same cross clusters). Stages then occupy
  // disjoint columns whatever the edges say. (Chaining real nodes instead of anchors pulls
  // the stages into a diagonal and doubles the height, measured on 船舶.)
  if (!ranked.empty()) {
    Agnode_t* before = nullptr;
    for (int r = 0; r <= ranked.rbegin()->first; ++r) {
      Agnode_t* anchor = agnode(g, cs("rank_anchor_" + std::to_string(r)), 1);
      set(anchor, "style", "invis");
      set(anchor, "shape", "point");
      set(anchor, "width", "0");
      set(anchor, "height", "0");
      set(anchor, "label", "");
      Agraph_t* level = agsubg(g, cs("rank_" + std::to_string(r)), 1);
      set(level, "rank", "same");
      agsubnode(level, anchor, 1);
      if (auto it = ranked.find(r); it != ranked.end())
        for (Agnode_t* v : it->second) agsubnode(level, v, 1);
      if (before) {
        Agedge_t* e = agedge(g, before, anchor, nullptr, 1);
        set(e, "style", "invis");
      }
      before = anchor;
    }
  }
  add_edges(g, d, !d.edges_after_layout);
  if (!d.splines.empty()) set(g, "splines", d.splines);
  if (d.engine == "sfdp") {
    set(g, "overlap", "prism");
    set(g, "splines", "line");  // routed splines made sfdp take minutes on 1,000 edges
  }
}

// The layout's bounding box in inches ("bb" is set by gvLayout, in points: "llx lly urx ury"
// there, with commas in DOT output, so both are read).
std::pair<double, double> layout_size(Agraph_t* g) {
  double llx = 0, lly = 0, urx = 0, ury = 0;
  const char* attr = agget(g, cs(std::string("bb")));
  std::string bb = attr ? attr : "";
  std::replace(bb.begin(), bb.end(), ',', ' ');
  if (std::sscanf(bb.c_str(), "%lf %lf %lf %lf", &llx, &lly, &urx, &ury) != 4) return {0, 0};
  return {(urx - llx) / 72.0, (ury - lly) / 72.0};
}

}  // namespace

std::optional<PageSize> page_size(std::string_view name) {
  if (name == "16:9") return PageSize{"16:9", 13.333, 7.5};
  if (name == "4:3") return PageSize{"4:3", 10, 7.5};
  if (name == "A4" || name == "a4") return PageSize{"A4", 11.69, 8.27};
  return std::nullopt;
}

std::string render_graphviz(const Diagram& d, const GraphvizOptions& o, PageFit* fit) {
  if (o.format != "svg" && o.format != "png" && o.format != "pdf" && o.format != "dot")
    throw std::invalid_argument("unknown diagram format '" + o.format + "' (expected svg, png, pdf or dot)");
  std::optional<PageSize> page;
  if (!o.page.empty() && !(page = page_size(o.page)))
    throw std::invalid_argument("unknown page size '" + o.page + "' (expected 16:9, 4:3 or A4)");
  GVC_t* gvc = context();
  std::unique_ptr<Agraph_t, GraphDeleter> owner(agopen(cs(std::string("chain")), Agdirected, &deterministic_disc));
  Agraph_t* g = owner.get();
  build(g, d, o);
  std::string engine = d.engine;
  if (d.edges_after_layout && d.message.empty()) {
    // Two steps: dot places nodes and clusters without the visible edges (an edge across a
    // stage's columns would otherwise be routed around the stage's box, in long loops that
    // double the height); the placed graph is read back, its edges added, and "nop" (neato
    // -n: positions kept) draws them straight.
    if (gvLayout(gvc, g, d.engine.c_str()) != 0) throw std::runtime_error("GraphViz could not lay out the diagram");
    char* placed = nullptr;
    unsigned int placed_length = 0;
    const int rc = gvRenderData(gvc, g, "dot", &placed, &placed_length);
    const std::string text = rc == 0 && placed ? std::string(placed, placed_length) : std::string();
    if (placed) gvFreeRenderData(placed);
    gvFreeLayout(gvc, g);
    if (text.empty()) throw std::runtime_error("GraphViz could not lay out the diagram");
    TextReader reader{&text, 0};
    owner.reset(agread(&reader, &text_disc));
    g = owner.get();
    if (!g) throw std::runtime_error("GraphViz could not read back its layout");
    add_edges(g, d, true);
    // Invisible edges of the first step are now doubled; harmless, they are not drawn.
    engine = "nop";
  }
  if (o.format == "png") set(g, "dpi", "144");
  // Fitting to the page: the first layout gives the drawing's natural size (text at 14 pt);
  // padding centres it on a canvas of the page's shape (GraphViz's ratio attribute is
  // ignored under newrank), and when that canvas fits the page it is scaled up to fill it.
  // When it does not fit, it keeps its size, so its text stays at 14 pt.
  PageFit measured;
  if (gvLayout(gvc, g, engine.c_str()) != 0) throw std::runtime_error("GraphViz could not lay out the diagram");
  auto [w, h] = layout_size(g);
  measured.width_in = w;
  measured.height_in = h;
  if (page && w > 0 && h > 0) {
    const double aspect = page->width_in / page->height_in;
    double cw = w + 0.4, ch = h + 0.4;  // at least 0.2 in around the drawing
    if (cw / ch < aspect) cw = ch * aspect;
    else ch = cw / aspect;
    gvFreeLayout(gvc, g);
    set(g, "pad", fmt_pt((cw - w) / 2) + "," + fmt_pt((ch - h) / 2));
    measured = {cw, ch, std::min(1.0, page->width_in / cw)};
    if (cw <= page->width_in) {
      set(g, "size", fmt_pt(page->width_in) + "," + fmt_pt(page->height_in) + "!");
      measured = {page->width_in, page->height_in, 1};
    }
    if (gvLayout(gvc, g, engine.c_str()) != 0) throw std::runtime_error("GraphViz could not lay out the diagram");
  }
  if (fit) *fit = measured;
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
