// render/json_stream.hpp: JSON documents too large to hold as one nlohmann DOM (a million
// matchmaking rows or candidates): written a row at a time, byte-identical to dump(2).
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace chainlens {

/// Builds `{ head..., "key": [rows...], ... }` exactly as nlohmann's ordered_json::dump(2)
/// prints it, one array row in memory at a time.
class JsonStreamObject {
 public:
  using Json = nlohmann::ordered_json;
  /// `head`: the object's first fields (an object; may be empty).
  explicit JsonStreamObject(const Json& head);
  /// A field of any value (small: dumped at once).
  void field(const std::string& key, const Json& value);
  /// Opens an array field; then row() per element and close_array().
  void open_array(const std::string& key);
  void row(const Json& element);
  void close_array();
  /// The finished text, with a trailing newline.
  std::string finish();

 private:
  void key(const std::string& k);
  std::string out_;
  bool first_field_ = true, first_row_ = true;
};

}  // namespace chainlens
