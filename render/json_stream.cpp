// render/json_stream.cpp: nlohmann's dump(2) layout reproduced around streamed rows: two
// spaces per level, ": " after keys, "[]" for an empty array. Strings and doubles are
// written as nlohmann writes them (its own float formatter; its escapes), so a streamed
// row is the same bytes as the Json row it replaces, without a Json value per row.
#include "render/json_stream.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include <tbb/parallel_pipeline.h>

#include <algorithm>
#include <utility>

#include "models/utf8.hpp"
#include "render/json_precision.hpp"

namespace chainlens {

namespace {

// A dumped value re-indented to sit `spaces` deeper (every line after the first).
void append_indented(std::string& out, const std::string& dumped, int spaces) {
  const std::string pad(static_cast<std::size_t>(spaces), ' ');
  std::size_t from = 0;
  for (std::size_t nl; (nl = dumped.find('\n', from)) != std::string::npos; from = nl + 1) {
    out.append(dumped, from, nl + 1 - from);
    out += pad;
  }
  out.append(dumped, from, std::string::npos);
}

void newline(std::string& out, int spaces) {
  out += '\n';
  out.append(static_cast<std::size_t>(spaces), ' ');
}

}  // namespace

void TextSink::flush() {
  if (!flush_ || text_.empty()) return;
  flush_(text_);
  text_.clear();
}

// Bytes copied as they are: printable ASCII but the quote and the backslash.
constexpr std::array<bool, 256> kPlainByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return t;
}();

void append_json_string(std::string& out, std::string_view s) {
  // The common string (an id): every byte plain, copied at once.
  std::size_t i = 0;
  while (i < s.size() && kPlainByte[static_cast<unsigned char>(s[i])]) ++i;
  if (i == s.size()) {
    out += '"';
    out += s;
    out += '"';
    return;
  }
  // Non-ASCII text nlohmann would refuse goes to nlohmann, so that it throws its own error.
  bool ascii = true;
  for (const char c : s.substr(i)) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (!ascii && !strict_utf8(s)) {
    out += nlohmann::ordered_json(std::string(s)).dump();
    return;
  }
  out += '"';
  std::size_t plain = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case 0x08: out += "\\b"; break;
      case 0x09: out += "\\t"; break;
      case 0x0A: out += "\\n"; break;
      case 0x0C: out += "\\f"; break;
      case 0x0D: out += "\\r"; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
      }
    }
  }
  out.append(s, plain, std::string_view::npos);
  out += '"';
}

void append_json_double(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  std::array<char, 64> buf;  // nlohmann's own number buffer size
  const char* end = nlohmann::detail::to_chars(buf.data(), buf.data() + buf.size(), v);
  out.append(buf.data(), static_cast<std::size_t>(end - buf.data()));
}

void JsonRow::key(std::string_view k) {
  out_ += first_ ? "" : ",";
  first_ = false;
  newline(out_, indent_ + 2);
  append_json_string(out_, k);
  out_ += ": ";
}

JsonRow& JsonRow::str(std::string_view k, std::string_view v) {
  key(k);
  append_json_string(out_, v);
  return *this;
}

JsonRow& JsonRow::boolean(std::string_view k, bool v) {
  key(k);
  out_ += v ? "true" : "false";
  return *this;
}

JsonRow& JsonRow::integer(std::string_view k, std::int64_t v) {
  key(k);
  std::array<char, 24> buf;
  out_.append(buf.data(), static_cast<std::size_t>(std::to_chars(buf.data(), buf.data() + buf.size(), v).ptr - buf.data()));
  return *this;
}

JsonRow& JsonRow::number(std::string_view k, const std::optional<double>& v, int digits) {
  key(k);
  if (v)
    append_json_double(out_, json_round(*v, digits));
  else
    out_ += "null";
  return *this;
}

JsonRow& JsonRow::value(std::string_view k, const Json& v) {
  key(k);
  append_indented(out_, v.dump(2), indent_ + 2);
  return *this;
}

void JsonRow::open_element(bool& first) {
  out_ += first ? "[" : ",";
  first = false;
  newline(out_, indent_ + 4);
}

JsonRow& JsonRow::close_array(bool first) {
  if (first) {
    out_ += "[]";
  } else {
    newline(out_, indent_ + 2);
    out_ += ']';
  }
  return *this;
}

void JsonRow::close() {
  if (!first_) newline(out_, indent_);
  out_ += '}';
}

JsonStreamObject::JsonStreamObject(const Json& head, TextSink* sink) : sink_(sink ? *sink : own_) {
  sink_.text() += '{';
  for (const auto& [k, v] : head.items()) field(k, v);
}

void JsonStreamObject::key(const std::string& k) {
  std::string& out = sink_.text();
  out += first_field_ ? "\n  " : ",\n  ";
  first_field_ = false;
  append_json_string(out, k);
  out += ": ";
}

void JsonStreamObject::field(const std::string& k, const Json& value) {
  key(k);
  append_indented(sink_.text(), value.dump(2), 2);
}

void JsonStreamObject::open_array(const std::string& k) {
  key(k);
  sink_.text() += "[";
  first_row_ = true;
}

void JsonStreamObject::next_row() {
  sink_.maybe_flush();
  sink_.text() += first_row_ ? "\n    " : ",\n    ";
  first_row_ = false;
}

void JsonStreamObject::row(const Json& element) {
  next_row();
  append_indented(sink_.text(), element.dump(2), 4);
}

JsonRow JsonStreamObject::object_row() {
  next_row();
  return JsonRow(sink_.text(), 4);
}

void JsonStreamObject::object_rows(std::size_t n, const std::function<void(std::size_t, JsonRow&)>& row) {
  constexpr std::size_t kBlock = 2048;  // rows a task formats: ~0.5 MB of text
  const bool was_first = first_row_;
  auto format = [&](std::size_t begin, std::size_t end, std::string& out) {
    for (std::size_t i = begin; i < end; ++i) {
      out += was_first && i == 0 ? "\n    " : ",\n    ";
      JsonRow object(out, 4);
      row(i, object);
      object.close();
    }
  };
  if (n == 0) return;
  first_row_ = false;
  if (n <= kBlock) {
    format(0, n, sink_.text());
    sink_.maybe_flush();
    return;
  }
  std::size_t next = 0;
  // Tokens in flight bound the memory: a few blocks of text, whatever n is.
  tbb::parallel_pipeline(
      4,
      tbb::make_filter<void, std::pair<std::size_t, std::size_t>>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& fc) -> std::pair<std::size_t, std::size_t> {
            if (next >= n) {
              fc.stop();
              return {};
            }
            const std::size_t begin = next;
            next = std::min(n, next + kBlock);
            return {begin, next};
          }) &
          tbb::make_filter<std::pair<std::size_t, std::size_t>, std::string>(
              tbb::filter_mode::parallel,
              [&](std::pair<std::size_t, std::size_t> range) {
                std::string out;
                format(range.first, range.second, out);
                return out;
              }) &
          tbb::make_filter<std::string, void>(tbb::filter_mode::serial_in_order, [&](const std::string& text) {
            sink_.text() += text;
            sink_.maybe_flush();
          }));
}

void JsonStreamObject::string_row(std::string_view element) {
  next_row();
  append_json_string(sink_.text(), element);
}

void JsonStreamObject::close_array() { sink_.text() += first_row_ ? "]" : "\n  ]"; }

std::string JsonStreamObject::finish() {
  sink_.text() += first_field_ ? "}" : "\n}";
  if (&sink_ != &own_) return {};
  sink_.text() += '\n';
  return sink_.take();
}

}  // namespace chainlens
