// Streamed JSON (render/json_stream): rows written field by field, and objects flushed a
// block at a time, are the very bytes nlohmann's dump(2) prints for the same values.
#include <catch2/catch.hpp>

#include "render/json_precision.hpp"
#include "render/json_stream.hpp"

#include <fmt/format.h>

#include <bit>
#include <cmath>
#include <cstdint>
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

TEST_CASE("json_round reads back the correctly rounded decimal text", "[render][json_stream]") {
  // The reference: the text fmt prints, read with std::stod (what json_round did first).
  const auto reference = [](double v, int digits) {
    return v == 0 ? 0.0 : std::stod(fmt::format("{:.{}f}", v, digits));
  };
  std::vector<double> values = {0.5,     -0.5,   0.00005, 0.00015, -0.00004, 1.23455, 2.675, 1e-300,
                                1e300,   -1e300, 6.55,    88.855,  0.12345,  1.0 / 3, 1e17,  123456.78905};
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> any(-1e4, 1e4);
  for (int i = 0; i < 5000; ++i) values.push_back(any(rng) * std::pow(10.0, static_cast<int>(rng() % 12) - 6));
  for (const double v : values)
    for (const int digits : {2, 4}) {
      INFO(v << " at " << digits);
      const double r = json_round(v, digits);
      CHECK(std::bit_cast<std::uint64_t>(r) == std::bit_cast<std::uint64_t>(reference(v, digits)));
    }
  CHECK(std::isnan(json_round(std::numeric_limits<double>::quiet_NaN(), 4)));
  CHECK(json_round(std::numeric_limits<double>::infinity(), 4) == std::numeric_limits<double>::infinity());
}

TEST_CASE("object_rows formats blocks of rows on every core, in order, as object_row would", "[render][json_stream]") {
  // 10007 rows: several blocks of 2048 and a short last one.
  const std::size_t n = 10007;
  Json expected = {{"k", "v"}, {"rows", Json::array()}, {"after", 1}};
  for (std::size_t i = 0; i < n; ++i)
    expected["rows"].push_back({{"i", i}, {"id", "e" + std::to_string(i)}, {"names", {"x", "y"}}});
  auto write = [&](bool parallel, TextSink* sink) {
    JsonStreamObject j(Json{{"k", "v"}}, sink);
    j.open_array("rows");
    auto row = [](std::size_t i, JsonRow& r) {
      r.integer("i", static_cast<std::int64_t>(i)).str("id", "e" + std::to_string(i)).strings("names", std::vector<std::string>{"x", "y"});
    };
    if (parallel) {
      j.object_rows(n, row);
    } else {
      for (std::size_t i = 0; i < n; ++i) {
        JsonRow r = j.object_row();
        row(i, r);
        r.close();
      }
    }
    j.close_array();
    j.field("after", 1);
    return j.finish();
  };
  CHECK(write(true, nullptr) == expected.dump(2) + "\n");
  CHECK(write(true, nullptr) == write(false, nullptr));
  std::string file;
  TextSink sink([&](std::string_view block) { file += block; }, 4096);
  write(true, &sink);
  sink.flush();
  CHECK(file == expected.dump(2));
}
