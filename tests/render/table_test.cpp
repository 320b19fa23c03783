// Table renderings: display-width alignment with Chinese, RFC 4180 CSV, Markdown escaping.
#include <catch2/catch.hpp>

#include "render/table.hpp"

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
