// render/json_stream.cpp: nlohmann's dump(2) layout reproduced around streamed rows: two
// spaces per level, ": " after keys, "[]" for an empty array.
#include "render/json_stream.hpp"

namespace chainlens {

namespace {

// A dumped value re-indented to sit `spaces` deeper (every line after the first).
void append_indented(std::string& out, const std::string& dumped, int spaces) {
  const std::string pad(static_cast<std::size_t>(spaces), ' ');
  for (char c : dumped) {
    out += c;
    if (c == '\n') out += pad;
  }
}

}  // namespace

JsonStreamObject::JsonStreamObject(const Json& head) {
  out_ = "{";
  for (const auto& [k, v] : head.items()) field(k, v);
}

void JsonStreamObject::key(const std::string& k) {
  out_ += first_field_ ? "\n  " : ",\n  ";
  first_field_ = false;
  out_ += Json(k).dump() + ": ";
}

void JsonStreamObject::field(const std::string& k, const Json& value) {
  key(k);
  append_indented(out_, value.dump(2), 2);
}

void JsonStreamObject::open_array(const std::string& k) {
  key(k);
  out_ += "[";
  first_row_ = true;
}

void JsonStreamObject::row(const Json& element) {
  out_ += first_row_ ? "\n    " : ",\n    ";
  first_row_ = false;
  append_indented(out_, element.dump(2), 4);
}

void JsonStreamObject::close_array() { out_ += first_row_ ? "]" : "\n  ]"; }

std::string JsonStreamObject::finish() {
  out_ += first_field_ ? "}\n" : "\n}\n";
  return std::move(out_);
}

}  // namespace chainlens
