// render/text_width.cpp: utf8proc decodes and measures; we only add the padding and wrapping.
#include "render/text_width.hpp"

#include <utf8proc.h>

namespace chainlens {

namespace {

// Calls f(bytes_of_char, columns) for each character.
template <class F>
void for_each_char(std::string_view s, F&& f) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  std::size_t at = 0;
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p + at, left, &cp);
    int cols = 1;
    if (n <= 0) n = 1;  // invalid byte: one column, move on
    else cols = cp < 0 ? 1 : utf8proc_charwidth(cp);
    f(s.substr(at, static_cast<std::size_t>(n)), cols);
    at += static_cast<std::size_t>(n);
    left -= n;
  }
}

}  // namespace

int display_width(std::string_view utf8) {
  int w = 0;
  for_each_char(utf8, [&](std::string_view, int cols) { w += cols; });
  return w;
}

std::string pad_right(std::string_view utf8, int width) {
  std::string out(utf8);
  const int w = display_width(utf8);
  if (w < width) out.append(static_cast<std::size_t>(width - w), ' ');
  return out;
}

std::vector<std::string> wrap_to_width(std::string_view utf8, int max_width) {
  std::vector<std::string> lines(1);
  int w = 0;
  for_each_char(utf8, [&](std::string_view ch, int cols) {
    if (w > 0 && w + cols > max_width) {
      lines.emplace_back();
      w = 0;
    }
    lines.back().append(ch);
    w += cols;
  });
  return lines;
}

}  // namespace chainlens
