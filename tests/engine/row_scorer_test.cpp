// The fast path of batch scoring (issue 16) writes, byte for byte, what the full path writes:
// a pool of plain and awkward rows scored both ways and compared, in CSV (zh, en) and JSON Lines.
#include <catch2/catch.hpp>

#include <sstream>

#include "engine/batch_score.hpp"
#include "engine/row_scorer.hpp"
#include "render/targets_writer.hpp"
#include "tests/support/pairs_chain.hpp"
#include "tests/support/test_graph.hpp"

using namespace chainlens;
using chainlens::test::kPairsChain;
using chainlens::test::TestGraph;

namespace {

// Synthetic test rows (the chain: tests/support/pairs_chain.hpp). Fast: rows the fast path scores; the others take the full path.
const char* kPool =
    "id,name,location,segments,role,status,revenue,kind,group,revenue_year,listed\n"
    "x1,企业一,中国/上海,a;b,,,12.5,,,,\n"                // fast: two pairs
    "lister,,中国/广东,a,,,,,,,\n"                        // fast: on the target list, name empty
    "g1,集团成员,中国/江苏,b,,,,,sub,,\n"                 // fast: sub -> top, a local group
    "top,顶层,中国/北京,a,,,3,,,,\n"                      // fast: its own id is the local top
    "g2,x,中国/江苏,b,,,,,nobody,,\n"                     // fast: a group unknown here
    "n1,近,中国/山东/青岛/城阳,a,,,,,,,\n"                // fast: nearby
    "l1,本地,中国/山东/青岛/新区,a,,,,,,,\n"              // fast: local
    "p1,园区,中国/江苏,a,,,,park,,,\n"                    // fast: a park is no candidate
    "c1,关停,中国/江苏,a,,closed,,,,,\n"                  // fast: closed
    "q1,\"甲,乙\"\"公司\"\"\",上海,b;a,key,,7,,,2024,\n"  // fast (split by the parser): quoted
    "f1,=SUM(A1),中国/上海,a,,,,,,,\n"                    // fast: a formula-like name, guarded
    " s1 , 名 , 中国/上海 , a ; b ,,,,,,,\r\n"            // fast: spaces and a CR trimmed
    "z1,x,中国/上海,zz,,,,,,,\n"                          // fast: unmatched
    "ly,x,中国/上海,b,,,,project,,,yes\n"                 // fast: a project, listed yes
    "\n"                                                  // skipped
    "t1,\"甲\t乙\",中国/上海,a,,,,,,,\n"                  // full: a tab in a name is allowed
    "u1,x,中国/上海,a,,,1e-400,,,,\n"                     // full: an underflowing revenue
    "d1,x,中国/上海,a;a,,,,,,,\n"                         // reject: listed twice
    "r1,x,中国/上海,a,boss,,,,,,\n"                       // reject: unknown role
    "short,x\n"                                           // reject: too few columns
    "v1,x,中国/上海,a,,,-1,,,,\n"                         // reject: negative revenue
    "y1,x,中国/上海,a,,,,,,19x,\n"                        // reject: not a year
    "e1,,,a,,,,,,,\n"                                     // reject: no location
    "w1,x\x01y,中国/上海,a,,,,,,,\n";                     // reject: a control character

struct Run {
  std::string text;
  std::vector<std::pair<std::size_t, std::string>> rejects;
  BatchStats stats;
};

Run run(const ScoringModel& m, const Workspace& ws, bool fast, bool csv, Lang lang, int threads) {
  std::istringstream in(kPool);
  BulkRowReader reader(in, BulkFormat::csv, "pool.csv");
  Run r;
  BatchSinks sinks;
  if (fast) {
    sinks.render = [&](std::string& out, const ScoreRow& s, std::size_t line) {
      if (csv) append_score_csv_row(out, s, line, lang);
      else append_score_jsonl_row(out, s, line);
    };
    sinks.write = [&](const std::string& rows) { r.text += rows; };
  } else {
    sinks.result = [&](const CandidateScore& s, std::size_t line) {
      r.text += csv ? score_csv_row(s, line, lang) : score_jsonl_row(s, line);
    };
  }
  sinks.reject = [&](std::size_t line, const std::string& why) { r.rejects.emplace_back(line, why); };
  BatchOptions o;
  o.threads = threads;
  o.chunk = 3;
  r.stats = score_stream(m, ws.regions, reader, sinks, o);
  return r;
}

}  // namespace

TEST_CASE("score_stream: the fast path writes what the full path writes", "[engine][batch_score]") {
  const TestGraph t(kPairsChain, "t");
  const Scope scope = Scope::parse("中国/山东/青岛/新区");
  for (const bool nearby : {false, true}) {
    const ScoringModel m = prepare_scoring(t.graph(), find_gaps(t.graph(), scope), ScoreWeights{}, nearby);
    for (const auto& [csv, lang] : {std::pair{true, Lang::zh}, std::pair{true, Lang::en}, std::pair{false, Lang::en}}) {
      INFO("nearby " << nearby << " csv " << csv);
      const Run full = run(m, t.workspace(), false, csv, lang, 1);
      const Run fast = run(m, t.workspace(), true, csv, lang, 2);
      CHECK(fast.text == full.text);
      CHECK(fast.rejects == full.rejects);
      CHECK(full.stats.fast == 0);
      // 14 rows above the blank line are fast; t1 and u1 are full; 7 rejects.
      CHECK(fast.stats.rows == 23);
      CHECK(fast.stats.fast == 14);
      CHECK(fast.stats.rejected == 7);
      CHECK(fast.stats.local == full.stats.local);
      CHECK(fast.stats.nearby == full.stats.nearby);
      CHECK(fast.stats.scored == full.stats.scored);
    }
  }
}

TEST_CASE("score_stream: fast rows by hand: group, list, nearby, quoting", "[engine][batch_score]") {
  const TestGraph t(kPairsChain, "t");
  const ScoringModel m =
      prepare_scoring(t.graph(), find_gaps(t.graph(), Scope::parse("中国/山东/青岛/新区")), ScoreWeights{});
  const Run r = run(m, t.workspace(), true, true, Lang::en, 1);
  auto line_of = [&](const std::string& id) {
    std::istringstream s(r.text);
    for (std::string l; std::getline(s, l);)
      if (l.find("," + id + ",") != std::string::npos) return l;
    return std::string("missing ") + id;
  };
  // Gap scores (see metrics_v2_test, the same chain): gap(a) = 1, gap(b) = 0.355 / 0.48;
  // related: N(a) = N(b) = {c} present (local-c) -> 1.
  // g1 in b: sub -> top, whose group holds local-c: link 1 (group_link). No revenue: 0.3.
  // 100 * (0.40 * 0.739583 + 0.10 + 0.15 * 0.3 + 0.15 + 0.10) = 29.5833 + 39.5 = 69.0833
  CHECK(line_of("g1") == "4,g1,集团成员,69.08,b,b,fill,0.7396,1.0000,0.3000,1.0000,1.0000,0.0000,true,scored");
  // lister: on the list (listed 1), name empty -> its id: 100 * (0.40 + 0.10 + 0.045 + 0.10 + 0.10) = 74.5
  CHECK(line_of("lister") == "3,lister,lister,74.50,a,a,fill,1.0000,1.0000,0.3000,0.0000,1.0000,1.0000,false,scored");
  CHECK(line_of("n1") == "7,n1,近,0.00,,,,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,false,nearby");
  // q1: the quoted name unescaped and quoted again; 上海 resolves through its alias.
  CHECK(line_of("q1").rfind("11,q1,\"甲,乙\"\"公司\"\"\",", 0) == 0);
  CHECK(line_of("f1").rfind("12,f1,'=SUM(A1),", 0) == 0);
}

TEST_CASE("clean_text: a control byte or bad UTF-8 anywhere in a word is found", "[engine][batch_score]") {
  CHECK(clean_text(""));
  CHECK(clean_text("cand-1,合成企业1,中国/上海,seg-157;seg-9,supplier,operating,12673"));
  // Every bad byte at every position of texts 1..20 bytes long, against the byte-by-byte rule.
  for (std::size_t n = 1; n <= 20; ++n)
    for (std::size_t at = 0; at < n; ++at)
      for (const char bad : {'\x00', '\x01', '\x09', '\x1f', '\x7f'}) {
        std::string s(n, 'a');
        s[at] = bad;
        INFO("length " << n << " at " << at << " byte " << int(bad));
        CHECK_FALSE(clean_text(s));
      }
  // 0x20 and 0x7e are the bounds of printable ASCII; a lone continuation byte, a cut character
  // and an overlong form are not UTF-8.
  CHECK(clean_text(std::string(17, ' ') + "~~~~~~~~~"));
  CHECK_FALSE(clean_text("abcdefgh\x80"));
  CHECK_FALSE(clean_text("abcdefgh\xE4\xB8"));
  CHECK_FALSE(clean_text("\xC0\xAF"));
  CHECK(clean_text("abcdefgh中"));
}
