// Table renderings: display-width alignment with Chinese, RFC 4180 CSV, Markdown escaping.
#include <catch2/catch.hpp>

#include "render/table.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>

using namespace chainlens;

TEST_CASE("to_text: columns align by display width, Chinese counting 2", "[render][table]") {
  Table t;
  t.header = {"id", "名称", "n"};
  t.rows = {{"a", "电池", "1"}, {"long-id", "x", "10"}};
  t.align_right = {false, false, true};
  // widths: id 7, 名称 4, n 2
  CHECK(to_text(t) ==
        "id       名称   n\n"
        "-------  ----  --\n"
        "a        电池   1\n"
        "long-id  x     10\n");
}

TEST_CASE("to_text: short rows are padded and trailing spaces dropped", "[render][table]") {
  Table t;
  t.header = {"a", "b"};
  t.rows = {{"x"}};
  CHECK(to_text(t) == "a  b\n-  -\nx\n");
}

TEST_CASE("to_csv: RFC 4180 quoting of comma, quote and newline", "[render][table]") {
  Table t;
  t.header = {"id", "note"};
  t.rows = {{"a,b", "say \"hi\""}, {"c", "two\nlines"}, {"电芯", ""}};
  CHECK(to_csv(t) == "id,note\n\"a,b\",\"say \"\"hi\"\"\"\nc,\"two\nlines\"\n电芯,\n");
  CHECK(csv_quote("plain") == "plain");
}

TEST_CASE("to_markdown: pipes escaped, numbers right-aligned", "[render][table]") {
  Table t;
  t.header = {"id", "v"};
  t.rows = {{"a|b", "1"}, {"line\nbreak", "2"}};
  t.align_right = {false, true};
  CHECK(to_markdown(t) == "| id | v |\n| --- | ---: |\n| a\\|b | 1 |\n| line break | 2 |\n");
}

TEST_CASE("csv_quote: formula-like text cells get a leading ', numbers stay numbers (issue 18)", "[render][table][reliability]") {
  CHECK(csv_quote("=1+2") == "'=1+2");
  CHECK(csv_quote("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0");
  CHECK(csv_quote("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_quote("-x,y") == "\"'-x,y\"");
  CHECK(csv_quote("-0.5") == "-0.5");
  CHECK(csv_quote("+3") == "+3");
  CHECK(csv_quote("-12.5%") == "-12.5%");
  CHECK(csv_quote("-1e-9") == "-1e-9");
  CHECK(csv_quote("-") == "-");
  CHECK(csv_quote("\t=x") == "'\t=x");
  CHECK(csv_quote("a=b") == "a=b");
}

TEST_CASE("markdown_escape: pipes, line ends and raw HTML (issue 18)", "[render][table][reliability]") {
  CHECK(markdown_escape("a|b\n# c<script>alert(1)</script>") == "a\\|b # c&lt;script&gt;alert(1)&lt;/script&gt;");
  Table t;
  t.header = {"name"};
  t.rows = {{"<b>x</b>"}};
  CHECK(to_markdown(t).find("&lt;b&gt;x&lt;/b&gt;") != std::string::npos);
}

TEST_CASE("for_reading: no id column, percentages, numbers right-aligned, CSV keeps both", "[render][table]") {
  Table t;
  t.header = {"代码", "名称", "配套率", "得分"};
  t.kinds = {CellKind::text, CellKind::text, CellKind::percent, CellKind::number};
  t.id_column = 0;
  t.rows = {{"f1", "甲", "0.3279", "7.5"}, {"f2", "乙乙", "-", "12.25"}};
  // 0.3279 -> 32.8%, one decimal; "-" (no data) stays; ids only in CSV.
  CHECK(to_text(t) ==
        "名称  配套率   得分\n"
        "----  ------  -----\n"
        "甲     32.8%    7.5\n"
        "乙乙       -  12.25\n");
  CHECK(to_markdown(t) == "| 名称 | 配套率 | 得分 |\n| --- | ---: | ---: |\n| 甲 | 32.8% | 7.5 |\n| 乙乙 | - | 12.25 |\n");
  CHECK(to_csv(t) == "代码,名称,配套率,得分\nf1,甲,0.3279,7.5\nf2,乙乙,-,12.25\n");
  CHECK(percent_text("1") == "100.0%");
  CHECK(percent_text("0.0004") == "0.0%");
  CHECK(percent_text("-0.0001") == "0.0%");  // never "-0.0%"
  CHECK(percent_text("n/a") == "n/a");
}

TEST_CASE("append_fixed: the bytes of fmt's fixed format, ties and all", "[render][table]") {
  auto fixed = [](double v, int digits) {
    std::string s;
    append_fixed(s, v, digits);
    return s;
  };
  // By hand: ties of the exact binary value go to even (0.125 and 0.375 are exact in binary);
  // 0.005 is slightly above its decimal, 1.005 slightly below.
  CHECK(fixed(0.125, 2) == "0.12");
  CHECK(fixed(0.375, 2) == "0.38");
  CHECK(fixed(0.005, 2) == "0.01");
  CHECK(fixed(1.005, 2) == "1.00");
  CHECK(fixed(0.5, 4) == "0.5000");
  CHECK(fixed(99.99999, 2) == "100.00");
  CHECK(fixed(0, 4) == "0.0000");
  CHECK(fixed(-0.0, 4) == "-0.0000");  // through fmt, as before
  CHECK(fixed(-1.5, 2) == "-1.50");
  CHECK(fixed(2.5, 0) == "2");
  CHECK(fixed(1e20, 2) == "100000000000000000000.00");
  // And against fmt on many figures of every scale the tables print.
  std::uint64_t x = 0x9E3779B97F4A7C15ull;
  for (int i = 0; i < 200000; ++i) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    const double v = static_cast<double>(x >> 11) / static_cast<double>(1ull << 53) * std::pow(10.0, i % 7 - 2);
    const int digits = i % 5;
    INFO(fmt::format("{:.17g} with {} digits", v, digits));
    REQUIRE(fixed(v, digits) == fmt::format("{:.{}f}", v, digits));
  }
  // Exact decimal ties: (2n + 1) / 200 is binary only as m / 8 (m odd), and (2n + 1) / 20000
  // as m / 32; both go to the even last digit (0.0312 for 1/32).
  CHECK(fixed(1.0 / 32, 4) == "0.0312");
  CHECK(fixed(3.0 / 32, 4) == "0.0938");
  for (int k = 0; k < 4096; ++k) {
    const double v2 = (2 * k + 1) / 8.0, v4 = (2 * k + 1) / 32.0;
    REQUIRE(fixed(v2, 2) == fmt::format("{:.2f}", v2));
    REQUIRE(fixed(v4, 4) == fmt::format("{:.4f}", v4));
  }
}
