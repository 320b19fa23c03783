// render/html_text.hpp: escaping text for an HTML page (element text and quoted attribute
// values), shared by the report writers and the web pages of `chainlens serve`.
#pragma once
#include <string>
#include <string_view>

namespace chainlens {

/// "&amp;", "&lt;", "&gt;", "&quot;" and "&#39;"; every other byte as is (UTF-8 passes through).
std::string escape_html(std::string_view text);

}  // namespace chainlens
