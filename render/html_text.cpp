// render/html_text.cpp: HTML escaping for pages (graphviz_writer's html_escape also turns a
// backslash into a GraphViz escape, which a page must not).
#include "render/html_text.hpp"

namespace chainlens {

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

}  // namespace chainlens
