// render/graphviz_writer.hpp: draws a Diagram with GraphViz's C libraries (cgraph builds,
// gvc lays out with dot and renders); never by running the `dot` program.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "render/diagram.hpp"

namespace chainlens {

/// Every text in a drawing is at least this size (points) at the drawing's size, and a
/// drawing that fits its page is scaled up to fill it, so on a slide the text is at least
/// 14 pt. A drawing too large for its page at 14 pt keeps 14 pt on a larger canvas of the
/// page's shape (PageFit::scale < 1 says by how much a slide would shrink it).
inline constexpr double kMinFontPt = 14;

/// A page the drawing is fitted to, landscape: 16:9 and 4:3 slides, A4.
struct PageSize {
  std::string name;
  double width_in = 0, height_in = 0;
};

/// "16:9" (13.333 x 7.5 in), "4:3" (10 x 7.5 in) or "A4" (11.69 x 8.27 in); nullopt otherwise.
std::optional<PageSize> page_size(std::string_view name);

struct GraphvizOptions {
  std::string format = "svg";             // svg, png, pdf or dot
  std::string font = "Noto Sans CJK SC";  // from Debian's fonts-noto-cjk
  std::string page = "16:9";              // see page_size; "" draws at the natural size
};

/// How the drawing met its page.
struct PageFit {
  double width_in = 0, height_in = 0;  // the drawing's size, in the page's shape
  double scale = 1;                    // how a slide of the page's size would scale it (<= 1 shrinks text)
};

/// The rendered bytes. Deterministic: the same diagram gives the same bytes. Every text is
/// escaped into an HTML-like label, so quotes, backslashes, '<', '&' and newlines in names
/// are shown, never interpreted. Throws std::invalid_argument for an unknown format or page
/// and std::runtime_error when GraphViz fails. PNG is drawn at 144 dpi (a 16:9 page: 1920 x 1080).
std::string render_graphviz(const Diagram& d, const GraphvizOptions& options = {}, PageFit* fit = nullptr);

/// "&amp;", "&lt;", "&gt;", "&quot;", and "&#92;" for a backslash (GraphViz escapes).
std::string html_escape(std::string_view text);

}  // namespace chainlens
