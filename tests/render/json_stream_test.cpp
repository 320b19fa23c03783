// Streamed JSON (render/json_stream): rows written field by field, and objects flushed a
// block at a time, are the very bytes nlohmann's dump(2) prints for the same values.
#include <catch2/catch.hpp>

#include "render/json_precision.hpp"
#include "render/json_stream.hpp"

#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace chainlens;
using Json = nlohmann::ordered_json;

namespace {

std::string dumped_string(const std::string& s) { return Json(s).dump(); }

}  // namespace

TEST_CASE("append_json_string escapes exactly as nlohmann", "[render][json_stream]") {
  const std::vector<std::string> texts = {"",         "e0012345",       "合成企业7959", "quote \" and \\ back",
                                          "tab\there", "nl\ncr\rbs\bff\f", std::string("nul\0x", 5),
                                          "\x01\x1f\x7f", "emoji 😀 ok",   "slash / kept"};
  for (const std::string& t : texts) {
    std::string out;
    append_json_string(out, t);
    CHECK(out == dumped_string(t));
  }
  SECTION("text that is not UTF-8 is refused as nlohmann refuses it") {
    std::string out;
    CHECK_THROWS_AS(append_json_string(out, "bad \xff byte"), nlohmann::json::type_error);
  }
}

TEST_CASE("append_json_double formats as nlohmann", "[render][json_stream]") {
  std::vector<double> values = {0.0,  -0.0, 1.0,    -1.0,  0.1,     6.55,   1e-5,  1e-4,    123456789012345.0,
                                1e15, 1e16, 1e300, 5e-324, 88.86, 0.9243, 1.0 / 3, 2.5e-7, -41.25};
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> any(-1e6, 1e6);
  for (int i = 0; i < 2000; ++i) values.push_back(json_round(any(rng), 4));
  for (int i = 0; i < 2000; ++i) values.push_back(any(rng) * std::pow(10.0, static_cast<int>(rng() % 40) - 20));
  for (const double v : values) {
    std::string out;
    append_json_double(out, v);
    CHECK(out == Json(v).dump());
  }
  std::string out;
  append_json_double(out, std::numeric_limits<double>::quiet_NaN());
  CHECK(out == Json(std::numeric_limits<double>::quiet_NaN()).dump());  // null
}

TEST_CASE("a streamed object row is the bytes of the Json row it replaces", "[render][json_stream]") {
  const std::optional<double> none;
  Json expected_row = {{"customer", "e0"},
                       {"value", 6.55},
                       {"missing", nullptr},
                       {"local_alternatives", {"e1", "e2"}},
                       {"empty", Json::array()},
                       {"total", 41},
                       {"negative", -3},
                       {"inferred", false},
                       {"nested", {{"a", 1}, {"b", {1, 2}}}}};
  Json expected = {{"chain", "c"}, {"rows", {expected_row, Json::object()}}, {"names", {"x", "y"}}, {"none", Json::array()}};

  auto stream = [&](TextSink* sink) {
    JsonStreamObject j(Json{{"chain", "c"}}, sink);
    j.open_array("rows");
    j.object_row()
        .str("customer", "e0")
        .number("value", 6.5500000001)
        .number("missing", none)
        .strings("local_alternatives", std::vector<std::string>{"e1", "e2"})
        .strings("empty", std::vector<std::string>{})
        .integer("total", 41)
        .integer("negative", -3)
        .boolean("inferred", false)
        .value("nested", Json{{"a", 1}, {"b", {1, 2}}})
        .close();
    j.object_row().close();
    j.close_array();
    j.open_array("names");
    j.string_row("x");
    j.string_row("y");
    j.close_array();
    j.open_array("none");
    j.close_array();
    return j.finish();
  };
  SECTION("kept whole") { CHECK(stream(nullptr) == expected.dump(2) + "\n"); }
  SECTION("flushed a few bytes at a time: the same text, without the trailing newline") {
    std::string file;
    int blocks = 0;
    TextSink sink([&](std::string_view block) { file += block, ++blocks; }, 8);
    CHECK(stream(&sink).empty());
    sink.flush();
    CHECK(file == expected.dump(2));
    CHECK(blocks > 1);  // rows were handed on before the end
  }
}
