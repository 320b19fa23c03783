// render/targets_writer.cpp: one writer per format over the same rows, so the formats
// never disagree; numbers have fixed precision so output is byte-stable.
#include "render/targets_writer.hpp"

#include <bit>
#include <charconv>
#include <cstdint>

#include "render/json_precision.hpp"
#include "render/json_stream.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "render/gaps_writer.hpp"
#include "render/report_text.hpp"
#include "render/table.hpp"
#include "render/xlsx_writer.hpp"

namespace chainlens {

namespace {

using Json = nlohmann::ordered_json;

// Four decimals for factors, two for the 0-100 score: enough to rank, stable to print.
std::string num(double v, int digits) { return fmt::format("{:.{}f}", v, digits); }
double rounded(double v, int digits) { return json_round(v, digits); }

// The segment's name in the language (another chain's segment names its chain), else the
// name the score carries, else the id.
std::string segment_cell(const ReportNames& names, const std::string& chain, const std::string& id,
                         const std::string& name, Lang lang) {
  if (names.segments.contains(id)) return segment_label(names, id, lang, chain);
  return name.empty() ? id : name;
}

std::string firm_cell(const std::string& id, const std::string& name) { return name.empty() ? id : name; }

std::string chain_title(const TargetsReport& r, Lang lang) { return chain_label(r.names, r.chain, lang); }

std::vector<std::vector<std::string>> rows_of(const TargetsReport& r, Lang lang, std::size_t limit) {
  std::vector<std::vector<std::string>> rows;
  std::size_t rank = 0;
  for (const CandidateScore& s : r.targets) {
    if (limit && rank >= limit) break;
    ++rank;
    rows.push_back({s.id, std::to_string(rank), firm_cell(s.id, s.name), num(s.score, 2),
                    segment_cell(r.names, r.chain, s.segment, s.segment_name, lang),
                    kind_label(s.kind, lang), num(s.factors.gap, 4), num(s.factors.fit, 4),
                    num(s.factors.strength, 4), num(s.factors.link, 4), num(s.factors.related, 4),
                    num(s.factors.listed, 4), target_notes(s, lang)});
  }
  return rows;
}

std::vector<std::string> header(Lang lang) {
  return {tr(lang, "企业代码", "id"),    tr(lang, "排名", "rank"),        tr(lang, "企业", "name"),
          tr(lang, "得分", "score"),     tr(lang, "引进环节", "segment"), tr(lang, "类型", "kind"),
          tr(lang, "缺口", "gap"),       tr(lang, "主营匹配", "fit"),     tr(lang, "实力", "strength"),
          tr(lang, "关联", "link"),      tr(lang, "相关度", "related"),   tr(lang, "名录", "listed"),
          tr(lang, "说明", "flags")};
}

// The targets table: the id column first (CSV and xlsx only), numbers as numbers.
Table targets_table(const TargetsReport& r, Lang lang, std::size_t limit) {
  using K = CellKind;
  Table t{header(lang), rows_of(r, lang, limit), {}, {}, 0};
  t.kinds = {K::text, K::number, K::text, K::number, K::text, K::text, K::number,
             K::number, K::number, K::number, K::number, K::number, K::text};
  return t;
}

Table portfolio_table(const Portfolio& p, const TargetsReport& r, Lang lang) {
  using K = CellKind;
  Table t;
  t.header = {tr(lang, "企业代码", "id"), tr(lang, "序号", "pick"), tr(lang, "企业", "name"), tr(lang, "引进环节", "segment"),
              tr(lang, "得分", "score"), tr(lang, "缺口分", "gap score")};
  t.kinds = {K::text, K::number, K::text, K::text, K::number, K::number};
  t.id_column = 0;
  for (std::size_t i = 0; i < p.picked.size(); ++i) {
    const PortfolioPick& x = p.picked[i];
    t.rows.push_back({x.id, std::to_string(i + 1), firm_cell(x.id, x.name),
                      segment_cell(r.names, r.chain, x.segment, x.segment_name, lang), num(x.score, 2), num(x.gain, 4)});
  }
  return t;
}

Table unmatched_table(const TargetsReport& r, Lang lang) {
  Table t;
  t.header = {tr(lang, "企业代码", "id"), tr(lang, "企业", "name")};
  t.id_column = 0;
  for (const CandidateScore& s : r.unmatched) t.rows.push_back({s.id, firm_cell(s.id, s.name)});
  return t;
}

std::string unmatched_names(const TargetsReport& r, Lang lang) {
  std::string out;
  for (const CandidateScore& s : r.unmatched) out += (out.empty() ? "" : tr(lang, "、", ", ")) + firm_cell(s.id, s.name);
  return out;
}

std::string weights_line(const ScoreWeights& w, Lang lang) {
  return fmt::format("{}: gap={} fit={} strength={} link={} related={} listed={} revenue_ref={} unknown_strength={}",
                     tr(lang, "权重", "weights"), w.gap, w.fit, w.strength, w.link, w.related, w.listed, w.revenue_ref,
                     w.unknown_strength);
}

std::string nearby_line(const TargetsReport& r, Lang lang) {
  if (r.nearby_excluded == 0) return {};
  return fmt::format(fmt::runtime(tr(lang, "另有 {} 家位于上一级地区 (市内转移不算招商), 未列入; 用 --include-nearby 显示。\n",
                                     "{} candidates in the region one level up (moves within the city are not 招商) "
                                     "are left out; --include-nearby shows them.\n")),
                     r.nearby_excluded);
}

std::string portfolio_text(const Portfolio& p, const TargetsReport& r, Lang lang) {
  std::string out = fmt::format(fmt::runtime(tr(lang, "\n招商组合 (推荐 {} 家, 每家落一个环节):\n", "\nPortfolio ({} picks, one segment each):\n")), p.k);
  for (std::size_t i = 0; i < p.picked.size(); ++i) {
    const PortfolioPick& x = p.picked[i];
    out += fmt::format("  {}. {} → {}  {} {}  {} {}\n", i + 1, firm_cell(x.id, x.name),
                       segment_cell(r.names, r.chain, x.segment, x.segment_name, lang), tr(lang, "得分", "score"),
                       num(x.score, 2), tr(lang, "缺口分", "gap score"), num(x.gain, 4));
  }
  if (static_cast<int>(p.picked.size()) < p.k)
    out += fmt::format("  {}\n", tr(lang, "没有其他候选企业能补上尚未补上的环节。", "No other candidate fills a segment not yet filled."));
  out += fmt::format("  {}: {} → {}\n", tr(lang, "结构性本地配套率 SLSR", "structural LSR (SLSR)"),
                     percent(p.slsr_before), percent(p.slsr_after));
  return out;
}

Json factors_json(const ScoreFactors& f) {
  return Json{{"gap", rounded(f.gap, 4)},
              {"fit", rounded(f.fit, 4)},
              {"strength", rounded(f.strength, 4)},
              {"link", rounded(f.link, 4)},
              {"related", rounded(f.related, 4)},
              {"listed", rounded(f.listed, 4)}};
}

Json optional_json(const std::optional<double>& v) { return v ? Json(rounded(*v, 4)) : Json(nullptr); }

Json score_json(const CandidateScore& s, Lang lang) {
  Json j{{"id", s.id}, {"name", s.name}, {"score", rounded(s.score, 2)}, {"segment", s.segment}};
  j["kind"] = s.kind ? Json(kind_code(s.kind)) : Json(nullptr);
  j["kind_label"] = s.kind ? Json(kind_label(s.kind, lang)) : Json(nullptr);
  j["factors"] = factors_json(s.factors);
  j["segments"] = s.chain_segments;
  j["on_target_list"] = s.on_target_list;
  j["revenue_unknown"] = s.revenue_unknown;
  j["group_link"] = s.group_link;
  return j;
}

}  // namespace

void write_targets_json(const TargetsReport& r, const Portfolio* p, Lang lang, TextSink& sink) {
  // Streamed row by row: a pool of a million candidates is too large for one DOM.
  JsonStreamObject j(Json{{"chain", r.chain}, {"chain_label", chain_title(r, lang)}, {"scope", r.scope.str()}}, &sink);
  j.field("weights", Json{{"gap", r.weights.gap},
                          {"fit", r.weights.fit},
                          {"strength", r.weights.strength},
                          {"link", r.weights.link},
                          {"related", r.weights.related},
                          {"listed", r.weights.listed},
                          {"revenue_ref", r.weights.revenue_ref},
                          {"unknown_strength", r.weights.unknown_strength}});
  j.field("nearby_excluded", r.nearby_excluded);
  j.open_array("targets");
  for (const CandidateScore& s : r.targets) j.row(score_json(s, lang));
  j.close_array();
  j.open_array("unmatched");
  for (const CandidateScore& s : r.unmatched) j.string_row(s.id);
  j.close_array();
  if (p) {
    Json picked = Json::array();
    for (const PortfolioPick& x : p->picked) picked.push_back(x.id);
    j.field("portfolio", Json{{"k", p->k},
                              {"picked", picked},
                              {"closed", p->closed},
                              {"slsr_before", optional_json(p->slsr_before)},
                              {"slsr_after", optional_json(p->slsr_after)}});
  }
  j.finish();
}

std::vector<Sheet> targets_sheets(const TargetsReport& r, const Portfolio* p, Lang lang, std::size_t limit) {
  std::vector<Sheet> sheets{{tr(lang, "招商目标", "Targets"), targets_table(r, lang, limit)}};
  if (p) sheets.push_back({tr(lang, "招商组合", "Portfolio"), portfolio_table(*p, r, lang)});
  if (!r.unmatched.empty()) sheets.push_back({tr(lang, "未匹配企业", "Unmatched"), unmatched_table(r, lang)});
  return sheets;
}

std::string write_targets(const TargetsReport& r, const Portfolio* p, TargetsFormat format, Lang lang,
                          std::size_t limit) {
  if (format == TargetsFormat::json) {
    TextSink text;
    write_targets_json(r, p, lang, text);
    return text.take() + "\n";
  }
  if (format == TargetsFormat::xlsx) return to_xlsx(targets_sheets(r, p, lang, limit));
  const Table t = targets_table(r, lang, limit);  // JSON has every row and needs no formatted table
  const std::string title = fmt::format(fmt::runtime(tr(lang, "{} 产业链招商目标 · 范围 {}", "Companies to attract to the {} chain · scope {}")),
                                        chain_title(r, lang), r.scope.str());
  switch (format) {
    case TargetsFormat::json:
    case TargetsFormat::xlsx:
      break;  // returned above
    case TargetsFormat::csv:
      return to_csv(t);
    case TargetsFormat::md: {
      std::string out = fmt::format("# {}\n\n{}\n\n", title, weights_line(r.weights, lang));
      if (const std::string n = nearby_line(r, lang); !n.empty()) out += n + "\n";
      out += to_markdown(t);
      if (!r.unmatched.empty())
        out += fmt::format("\n{}: {}\n", tr(lang, "未匹配本链环节的企业 (得分 0)", "Unmatched (no segment in the chain, score 0)"),
                           unmatched_names(r, lang));
      if (p) out += "\n```\n" + portfolio_text(*p, r, lang) + "```\n";
      return out;
    }
    case TargetsFormat::table: {
      std::string out = title + "\n" + weights_line(r.weights, lang) + "\n";
      out += nearby_line(r, lang);
      if (r.targets.empty()) out += tr(lang, "没有候选企业。\n", "No candidates.\n");
      else out += to_text(t);
      if (limit && r.targets.size() > limit)
        out += fmt::format("… {} {}\n", r.targets.size() - limit, tr(lang, "家未显示", "more not shown"));
      if (!r.unmatched.empty())
        out += fmt::format("{} ({}): {}\n", tr(lang, "未匹配本链环节的企业, 得分 0", "unmatched, score 0"), r.unmatched.size(),
                           unmatched_names(r, lang));
      if (p) out += portfolio_text(*p, r, lang);
      return out;
    }
  }
  return {};
}

std::string score_csv_header(Lang lang) {
  if (lang == Lang::zh) return "行号,企业代码,企业,得分,环节代码,引进环节,类型,缺口,主营匹配,实力,关联,相关度,名录,增资扩产,状态\n";
  return "line,id,name,score,segment,segment_name,kind,gap,fit,strength,link,related,listed,group_link,status\n";
}

static const char* row_status(const ScoreRow& s) {
  return s.local ? "local" : s.nearby ? "nearby" : !s.eligible ? "not-a-candidate" : s.matched ? "scored" : "unmatched";
}

static const char* row_status_label(const ScoreRow& s) {
  return s.local ? "本地企业" : s.nearby ? "市内其他区县" : !s.eligible ? "非候选" : s.matched ? "已评分" : "未匹配";
}

static void append_scored_figures(std::string& out, const ScoreRow& s, Lang lang);

void append_score_csv_row(std::string& out, const ScoreRow& s, std::size_t line, Lang lang) {
  // The segment id stays (a pool of millions is joined back by id) and its name sits beside it
  // for whoever opens the file; zh labels kind, flag and status.
  const bool zh = lang == Lang::zh;
  char buf[24];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, line).ptr);
  out += ',';
  append_csv_cell(out, s.id);
  out += ',';
  append_csv_cell(out, s.name);
  out += ',';
  // Most rows of a pool are unmatched or local: nothing scored, every figure +0. Their
  // figures are the same text every time, written at once (the same bytes as below).
  const auto zero = [](double v) { return std::bit_cast<std::uint64_t>(v) == 0; };
  if (zero(s.score) && s.segment.empty() && s.segment_name.empty() && !s.kind && zero(s.factors.gap) &&
      zero(s.factors.fit) && zero(s.factors.strength) && zero(s.factors.link) && zero(s.factors.related) &&
      zero(s.factors.listed)) {
    out += "0.00,,,,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,";
  } else {
    append_scored_figures(out, s, lang);
  }
  out += zh ? (s.group_link ? "是" : "否") : (s.group_link ? "true" : "false");
  out += ',';
  out += zh ? row_status_label(s) : row_status(s);
  out += '\n';
}

// The score, segment, kind and factors of a row, each followed by a comma.
static void append_scored_figures(std::string& out, const ScoreRow& s, Lang lang) {
  append_fixed(out, s.score, 2);
  out += ',';
  append_csv_cell(out, s.segment);
  out += ',';
  append_csv_cell(out, s.segment_name);
  out += ',';
  if (s.kind) {
    switch (*s.kind) {
      case GapKind::fill: out += tr(lang, "补链", "fill"); break;
      case GapKind::extend: out += tr(lang, "延链", "extend"); break;
      case GapKind::strengthen: out += tr(lang, "强链", "strengthen"); break;
    }
  }
  for (const double f : {s.factors.gap, s.factors.fit, s.factors.strength, s.factors.link, s.factors.related,
                         s.factors.listed}) {
    out += ',';
    append_fixed(out, f, 4);
  }
  out += ',';
}

std::string score_csv_row(const CandidateScore& s, std::size_t line, Lang lang) {
  std::string out;
  append_score_csv_row(out, score_row(s), line, lang);
  return out;
}

void append_score_jsonl_row(std::string& out, const ScoreRow& s, std::size_t line) {
  Json j{{"line", line}, {"id", s.id}, {"name", s.name}, {"score", rounded(s.score, 2)}, {"segment", s.segment}};
  j["kind"] = s.kind ? Json(kind_code(s.kind)) : Json(nullptr);
  j["factors"] = factors_json(s.factors);
  j["group_link"] = s.group_link;
  j["status"] = row_status(s);
  out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
  out += '\n';
}

std::string score_jsonl_row(const CandidateScore& s, std::size_t line) {
  std::string out;
  append_score_jsonl_row(out, score_row(s), line);
  return out;
}

std::string write_targets_by_gap(const GapReport& gaps, const TargetsReport& r, std::size_t per_gap,
                                 TargetsFormat format, Lang lang) {
  struct Row {
    const SegmentGap* gap;
    std::vector<RankedPair> best;
  };
  // 补链 and 强链 first, 延链 after them (metrics.md v2), each in gap-score order.
  const std::vector<RankedPair> ranked = ranked_pairs(r);
  std::vector<Row> rows;
  for (bool extend : {false, true})
    for (const SegmentGap& g : gaps.segments) {
      if (g.status == SegmentStatus::covered || (g.kind == GapKind::extend) != extend) continue;
      rows.push_back({&g, pairs_for_segment(ranked, g.segment, per_gap)});
    }
  if (format == TargetsFormat::json) {
    Json j{{"chain", r.chain},
           {"chain_label", chain_title(r, lang)},
           {"scope", r.scope.str()},
           {"per_gap", per_gap},
           {"nearby_excluded", r.nearby_excluded}};
    j["gaps"] = Json::array();
    for (const Row& row : rows) {
      Json c = Json::array();
      for (const RankedPair& p : row.best)
        c.push_back({{"id", p.candidate->id},
                     {"name", p.candidate->name},
                     {"score", rounded(p.pair->score, 2)},
                     {"factors", factors_json(p.pair->factors)},
                     {"on_target_list", p.candidate->on_target_list},
                     {"group_link", p.candidate->group_link},
                     {"revenue_unknown", p.candidate->revenue_unknown}});
      j["gaps"].push_back({{"segment", row.gap->segment},
                           {"name", row.gap->name},
                           {"status", status_name(row.gap->status)},
                           {"status_label", status_label(row.gap->status, lang)},
                           {"gap_score", rounded(row.gap->gap_score, 4)},
                           {"kind", row.gap->kind ? Json(kind_code(row.gap->kind)) : Json(nullptr)},
                           {"kind_label", row.gap->kind ? Json(kind_label(row.gap->kind, lang)) : Json(nullptr)},
                           {"candidates", c}});
    }
    return j.dump(2) + "\n";
  }
  Table t;
  t.header = {tr(lang, "环节代码", "segment id"), tr(lang, "环节", "segment"), tr(lang, "状态", "status"), tr(lang, "类型", "kind"),
              tr(lang, "缺口分", "gap"),
              tr(lang, "候选企业 (该环节得分; ★ 拟招商名录, ◆ 增资扩产)", "candidates (score in this segment; ★ target list, ◆ expansion)")};
  t.kinds = {CellKind::text, CellKind::text, CellKind::text, CellKind::text, CellKind::number, CellKind::text};
  t.id_column = 0;
  for (const Row& row : rows) {
    std::string names;
    for (const RankedPair& p : row.best)
      names += fmt::format("{}{} {:.1f}{}{}", names.empty() ? "" : "; ",
                           p.candidate->name.empty() ? p.candidate->id : p.candidate->name, p.pair->score,
                           p.candidate->on_target_list ? " ★" : "", p.candidate->group_link ? " ◆" : "");
    if (names.empty()) names = tr(lang, "(无候选企业)", "(no candidate)");
    t.rows.push_back({row.gap->segment, segment_label(gaps.names, row.gap->segment, lang, gaps.chain),
                      status_label(row.gap->status, lang), kind_label(row.gap->kind, lang), num(row.gap->gap_score, 4),
                      names});
  }
  if (format == TargetsFormat::csv) return to_csv(t);
  if (format == TargetsFormat::xlsx) return to_xlsx({{tr(lang, "各缺口候选企业", "Candidates per gap"), t}});
  const std::string title = fmt::format(fmt::runtime(tr(lang, "{} 产业链各缺口候选企业 · 范围 {} · 每个缺口前 {} 名",
                                                        "Candidates per gap of the {} chain · scope {} · top {} per gap")),
                                        chain_title(r, lang), r.scope.str(), per_gap);
  if (format == TargetsFormat::md) return "# " + title + "\n\n" + nearby_line(r, lang) + to_markdown(t);
  return title + "\n" + nearby_line(r, lang) + to_text(t);
}

}  // namespace chainlens
