// render/text_width.hpp: display width of UTF-8 text (CJK counts 2 columns), used to
// align text tables and to wrap diagram labels without splitting a character.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace chainlens {

/// Terminal columns the text occupies: East Asian wide characters count 2, combining marks 0.
/// Invalid UTF-8 bytes count 1 each, so a bad byte never hides text.
int display_width(std::string_view utf8);

/// Pads with spaces on the right to `width` display columns (never truncates).
std::string pad_right(std::string_view utf8, int width);

/// Splits into lines of at most `max_width` columns, breaking between characters
/// (Chinese has no spaces) and never inside a UTF-8 sequence.
std::vector<std::string> wrap_to_width(std::string_view utf8, int max_width);

}  // namespace chainlens
