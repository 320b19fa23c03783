// render/json_stream.hpp: JSON documents too large to hold as one nlohmann DOM (a million
// matchmaking rows or candidates): written a row at a time, byte-identical to dump(2), into
// a sink that can hand each block of text on to a file as it fills (issue 16).
#pragma once
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace chainlens {

/// Where streamed text goes: appended to a buffer, which is handed to `flush` whenever it
/// passes a block and at flush(). Without a flush target it keeps everything (take()).
class TextSink {
 public:
  using Flush = std::function<void(std::string_view)>;
  TextSink() = default;
  explicit TextSink(Flush flush, std::size_t block = std::size_t{1} << 20) : flush_(std::move(flush)), block_(block) {}
  std::string& text() noexcept { return text_; }
  /// Hands the buffer on once it is a block long (call between rows).
  void maybe_flush() {
    if (flush_ && text_.size() >= block_) flush();
  }
  /// Hands everything written so far on (nothing without a flush target).
  void flush();
  /// The text kept (everything, without a flush target).
  std::string take() { return std::move(text_); }

 private:
  Flush flush_;
  std::size_t block_ = 0;
  std::string text_;
};

/// `s` as a JSON string literal, exactly as nlohmann dumps it (UTF-8 kept, control
/// characters escaped; text that is not UTF-8 throws nlohmann's type_error 316).
void append_json_string(std::string& out, std::string_view s);
/// `v` as nlohmann dumps a double (null when not finite).
void append_json_double(std::string& out, double v);

/// One object written field by field in dump(2) layout, at `indent` spaces (the depth of
/// its closing brace), without building a Json value: what a streamed row costs is its
/// bytes. The methods have distinct names so that a string literal never picks `boolean`.
class JsonRow {
 public:
  using Json = nlohmann::ordered_json;
  JsonRow(std::string& out, int indent) : out_(out), indent_(indent) { out_ += '{'; }
  JsonRow& str(std::string_view key, std::string_view value);
  JsonRow& boolean(std::string_view key, bool value);
  JsonRow& integer(std::string_view key, std::int64_t value);
  /// json_round(v, digits), or null when there is no value.
  JsonRow& number(std::string_view key, const std::optional<double>& value, int digits = 4);
  /// An array of strings ("[]" when empty).
  template <class Range>
  JsonRow& strings(std::string_view key, const Range& values) {
    this->key(key);
    bool first = true;
    for (const auto& v : values) {
      open_element(first);
      append_json_string(out_, std::string_view(v));
    }
    return close_array(first);
  }
  /// Any other value, dumped by nlohmann at this depth.
  JsonRow& value(std::string_view key, const Json& value);
  /// Writes the closing brace ("{}" when no field was written).
  void close();

 private:
  void key(std::string_view k);
  void open_element(bool& first);
  JsonRow& close_array(bool first);
  std::string& out_;
  int indent_;
  bool first_ = true;
};

/// Builds `{ head..., "key": [rows...], ... }` exactly as nlohmann's ordered_json::dump(2)
/// prints it, one array row in memory at a time.
class JsonStreamObject {
 public:
  using Json = nlohmann::ordered_json;
  /// `head`: the object's first fields (an object; may be empty). Without a sink the text
  /// is kept and finish() returns it.
  explicit JsonStreamObject(const Json& head, TextSink* sink = nullptr);
  /// A field of any value (small: dumped at once).
  void field(const std::string& key, const Json& value);
  /// Opens an array field; then row() (or object_row()) per element and close_array().
  void open_array(const std::string& key);
  void row(const Json& element);
  /// The next element, an object written field by field (see JsonRow); close() it before
  /// the next row.
  JsonRow object_row();
  /// Elements [0, n), objects written by `row(i, object)` (object.close() is done after it):
  /// blocks of rows are formatted on every core and written in order, the same bytes as
  /// object_row() one by one. `row` must be safe to call from several threads at once.
  void object_rows(std::size_t n, const std::function<void(std::size_t, JsonRow&)>& row);
  /// The next element, a string.
  void string_row(std::string_view element);
  void close_array();
  /// Closes the object: its text with a trailing newline (kept text), or the closing brace
  /// written to the sink without one (the caller places what follows).
  std::string finish();

 private:
  void key(const std::string& k);
  void next_row();
  TextSink own_;
  TextSink& sink_;
  bool first_field_ = true, first_row_ = true;
};

}  // namespace chainlens
