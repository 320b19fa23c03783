// render/lang.hpp: the language of user-facing report text: Chinese by default, English
// with --lang en (DEVELOPERS.md). CLI help and errors are always English.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

namespace chainlens {

enum class Lang { zh, en };

/// "zh" or "en"; anything else throws std::invalid_argument.
inline Lang parse_lang(std::string_view s) {
  if (s == "zh") return Lang::zh;
  if (s == "en") return Lang::en;
  throw std::invalid_argument("unknown language '" + std::string(s) + "' (expected zh or en)");
}

/// Picks the text for the language.
inline const char* tr(Lang lang, const char* zh, const char* en) { return lang == Lang::zh ? zh : en; }

}  // namespace chainlens
