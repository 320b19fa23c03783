// render/graphviz_writer.hpp: draws a Diagram with GraphViz's C libraries (cgraph builds,
// gvc lays out with dot and renders); never by running the `dot` program.
#pragma once
#include <string>
#include <string_view>

#include "render/diagram.hpp"

namespace chainlens {

struct GraphvizOptions {
  std::string format = "svg";             // svg, png, pdf or dot
  std::string font = "Noto Sans CJK SC";  // from Debian's fonts-noto-cjk
};

/// The rendered bytes. Deterministic: the same diagram gives the same bytes. Every text is
/// escaped into an HTML-like label, so quotes, backslashes, '<', '&' and newlines in names
/// are shown, never interpreted. Throws std::invalid_argument for an unknown format and
/// std::runtime_error when GraphViz fails.
std::string render_graphviz(const Diagram& d, const GraphvizOptions& options = {});

/// "&amp;", "&lt;", "&gt;", "&quot;", and "&#92;" for a backslash (GraphViz escapes).
std::string html_escape(std::string_view text);

}  // namespace chainlens
