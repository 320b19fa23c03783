// models/supply_reader.cpp: fast-cpp-csv-parser splits the rows; values are parsed with
// from_chars, so a 5M-row file loads at the speed of the split.
#include "models/supply_reader.hpp"


#include <charconv>
#include <cmath>

#include "models/csv_records.hpp"
#include "models/number_text.hpp"
#include "models/text_encoding.hpp"

namespace chainlens {

bool is_supply_csv_header(std::string_view line) {
  if (line.size() >= 3 && static_cast<unsigned char>(line[0]) == 0xEF) line.remove_prefix(3);  // UTF-8 BOM
  return line.rfind("from,", 0) == 0 || line.rfind("\"from\",", 0) == 0;
}

std::size_t read_supply_csv(std::istream& in, const std::string& name, DiagnosticSink& sink, std::size_t max_rows,
                            const std::function<void(const Supply&)>& row) {
  using Parser = CsvTable<5>;  // bounded, quote-aware records: a bad line is skipped, never retried
  std::size_t out = 0;
  std::unique_ptr<Parser> parser;
  DecodedInput decoded(in);  // UTF-8 or GB18030 (GBK), as bulk files
  try {
    parser = std::make_unique<Parser>(decoded.stream(), name, std::array<std::string, 5>{"from", "to", "segment", "value", "confidence"});
    parser->read_header(io::ignore_missing_column);
  } catch (const io::error::base& e) {
    sink.error({name, 1, 1}, std::string("bad supply CSV header: ") + e.what(),
               "the header is from,to,segment[,value][,confidence]");
    return out;
  }
  for (const char* required : {"from", "to", "segment"})
    if (!parser->has_column(required)) {
      sink.error({name, 1, 1}, std::string("missing column '") + required + "' in the supply header",
                 "the header is from,to,segment[,value][,confidence]");
      return out;
    }
  std::array<std::string, 5> cols;
  std::string &from = cols[0], &to = cols[1], &segment = cols[2], &value = cols[3], &confidence = cols[4];
  for (;;) {
    int line = 0;
    try {
      if (!parser->read_row(cols)) break;
      line = static_cast<int>(parser->line());
    } catch (const io::error::base& e) {
      sink.error({name, static_cast<int>(parser->line()), 1}, std::string("bad CSV row: ") + e.what(), {});
      continue;
    }
    if (auto p = decoded.problem_at(static_cast<std::size_t>(line))) {
      sink.error({name, line, static_cast<int>(p->column)}, p->message, {});
      continue;
    }
    if (out >= max_rows) {
      sink.error({name, line, 1}, "more than " + std::to_string(max_rows) + " rows", "split the file or raise the limit");
      break;
    }
    const SourcePos pos{name, line, 1};
    if (from.empty() || to.empty() || segment.empty()) {
      sink.error(pos, "a supply row needs from, to and segment", {});
      continue;
    }
    Supply s;
    s.from = from;
    s.to = to;
    s.segment = segment;
    if (!value.empty()) {
      double v = 0;
      auto r = std::from_chars(value.data(), value.data() + value.size(), v);
      if (r.ec == std::errc::result_out_of_range && r.ptr == value.data() + value.size() &&
          underflows_to_finite(value, v))
        r.ec = std::errc();
      if (r.ec != std::errc() || r.ptr != value.data() + value.size() || !std::isfinite(v) || v < 0) {
        sink.error(pos, "bad value '" + value + "'", "a number >= 0 (亿元 a year), or empty");
        continue;
      }
      s.value = v;
    }
    if (confidence == "inferred") s.confidence = Confidence::inferred;
    else if (!confidence.empty() && confidence != "verified") {
      sink.error(pos, "bad confidence '" + confidence + "'", "verified or inferred");
      continue;
    }
    s.pos.line = line;
    s.pos.column = 1;
    row(s);
    ++out;
  }
  return out;
}

}  // namespace chainlens
