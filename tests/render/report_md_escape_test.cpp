// The per-chain Markdown report with hostile names (issue 18, item 9): a '|', a line end
// followed by '#', and <script> in chain, segment, firm and source names and in a note stay
// text; the document keeps its one title, its eight sections and its table columns.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "engine/chain_report.hpp"
#include "render/report_writer.hpp"
#include "tests/support/test_graph.hpp"

using namespace chainlens;

namespace {

const char* kHostile = R"(
sources:
  - {id: doc, title: "规划 <script>x</script>"}
chains:
  - id: t
    name: "链|A\n# 标题"
    segments:
      - {id: a, name: "材料 <script>alert(1)</script>", stage: upstream}
      - {id: b, name: "部件|B\n## 二", stage: midstream, inputs: [a]}
      - {id: c, name: 整车, stage: downstream, inputs: [b]}
    gaps:
      - {segment: a, kind: import-dependent, note: "依赖\n# 进口", source: {id: doc, quote: "q|1"}}
enterprises:
  - {id: f1, name: "本地|一\n# 一", location: 中国/青岛, segments: [b]}
  - {id: f2, name: "<b>本地二</b>", location: 中国/青岛, segments: [c]}
)";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Pipes that separate cells: those without a backslash before them.
int cell_bars(const std::string& line) {
  int n = 0;
  for (std::size_t i = 0; i < line.size(); ++i) n += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
  return n;
}

bool has_line(const std::vector<std::string>& lines, const std::string& want) {
  for (const std::string& l : lines)
    if (l == want) return true;
  return false;
}

bool has_line_starting(const std::vector<std::string>& lines, const std::string& prefix) {
  for (const std::string& l : lines)
    if (l.rfind(prefix, 0) == 0) return true;
  return false;
}

}  // namespace

TEST_CASE("write_report_md: names with |, a line end and #, and <script> stay text", "[render][report][reliability]") {
  const test::TestGraph t(kHostile, "t");
  const ChainReport report = build_chain_report(t.graph(), Scope::parse("中国/青岛"));
  ReportContext c;
  c.workspace = &t.workspace();
  c.graph = &t.graph();
  c.report = &report;
  c.lang = Lang::zh;
  c.date = "2026-01-02";
  c.version = "9.9.9";
  const std::string md = write_report_md(c);
  const std::vector<std::string> lines = lines_of(md);

  // No raw HTML from any name, title or note.
  CHECK(md.find("<script") == std::string::npos);
  CHECK(md.find("<b>") == std::string::npos);
  // Headings: the title and the eight sections, nothing from a name's "\n#".
  int headings = 0;
  for (const std::string& l : lines) headings += !l.empty() && l[0] == '#';
  CHECK(headings == 9);
  // The title: '|' escaped, the line end a space, so "# 标题" stays inside it.
  CHECK(lines.at(0) == "# 链\\|A # 标题 产业链招商报告");
  // Gap table: segment names escaped, and every row keeps six cells (seven separating bars).
  CHECK(has_line_starting(lines, "| 材料 &lt;script&gt;alert(1)&lt;/script&gt; | 缺链 | "));
  CHECK(has_line_starting(lines, "| 部件\\|B ## 二 | "));
  int rows = 0;
  for (const std::string& l : lines)
    if (l.rfind("| 材料", 0) == 0 || l.rfind("| 部件", 0) == 0 || l.rfind("| 整车", 0) == 0) {
      ++rows;
      CHECK(cell_bars(l) == 7);
    }
  CHECK(rows == 3);
  // b's local firm in its cell; c's firm as text, not a <b> tag.
  CHECK(md.find("| 本地\\|一 # 一 |") != std::string::npos);
  CHECK(md.find("&lt;b&gt;本地二&lt;/b&gt;") != std::string::npos);
  // The declared gap: segment, note and citation ("doc 《title》 「quote」") all escaped on one line.
  CHECK(has_line(lines, "- **材料 &lt;script&gt;alert(1)&lt;/script&gt;** (依赖进口): 依赖 # 进口 — "
                        "doc 《规划 &lt;script&gt;x&lt;/script&gt;》 「q\\|1」"));
  // Provenance: the source title.
  CHECK(has_line(lines, "- doc 《规划 &lt;script&gt;x&lt;/script&gt;》"));
}
