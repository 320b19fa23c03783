// models/bulk_reader.cpp: CSV rows split by fast-cpp-csv-parser, JSON Lines parsed
// by simdjson's On-Demand API, both converted to Enterprise with row-level errors.
#include "models/bulk_reader.hpp"

#include <simdjson.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "models/column_mapping.hpp"
#include "models/enum_names.hpp"
#include "models/csv_records.hpp"
#include "models/text_encoding.hpp"
#include "models/number_text.hpp"
#include "models/utf8.hpp"
#include "models/workspace_validation.hpp"

namespace chainlens {

std::optional<BulkFormat> bulk_format_for(const std::string& name) {
  const auto ends = [&](std::string_view suffix) {
    return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends(".csv")) return BulkFormat::csv;
  if (ends(".jsonl") || ends(".ndjson") || ends(".json")) return BulkFormat::jsonl;
  return std::nullopt;
}

// Records split quote-aware and bounded (models/csv_records.hpp): a line over the limit is
// one rejected row, never a retry; a quoted field may hold newlines (RFC 4180).
static std::array<std::string, kBulkColumns.size()> bulk_column_names() {
  std::array<std::string, kBulkColumns.size()> names;
  for (std::size_t i = 0; i < names.size(); ++i) names[i] = kBulkColumns[i];
  return names;
}

struct BulkRowReader::Csv {
  std::unique_ptr<CsvTable<kBulkColumns.size()>> plain;  // the header names the bulk columns
  std::unique_ptr<CsvAnyTable> any;                       // a foreign header, mapped
  std::unique_ptr<BoundColumns> bound;
  std::vector<std::size_t> absent;  // bulk columns the plain header does not name
  std::size_t line() const { return plain ? plain->line() : any->line(); }
};

static const char* const kColumnsHint =
    "name the columns id,name,location,segments,role,status,revenue, or map a foreign header with "
    "--columns 'HEADER=id,…' or --columns-file";

BulkRowReader::BulkRowReader(std::istream& in, BulkFormat format, std::string file_name, BulkReadOptions options)
    : decoded_(std::make_unique<DecodedInput>(in)),
      in_(decoded_->stream()),
      options_(std::move(options)),
      format_(format),
      file_(std::move(file_name)) {
  if (format_ != BulkFormat::csv) {
    if (options_.columns)
      header_problems_.push_back({{file_, 1, 1}, "a column mapping applies to CSV files only",
                                  "name the JSON keys id, name, location, …"});
    return;
  }
  csv_ = std::make_unique<Csv>();
  try {
    if (options_.columns) {
      csv_->any = std::make_unique<CsvAnyTable>(in_, file_);
      const std::vector<std::string>& header = csv_->any->read_header();
      csv_->bound = std::make_unique<BoundColumns>(*options_.columns, header, file_, header_problems_);
    } else {
      csv_->plain = std::make_unique<CsvTable<kBulkColumns.size()>>(in_, file_, bulk_column_names());
      csv_->plain->read_header(io::ignore_missing_column | io::ignore_extra_column);
      const std::vector<int>& order = csv_->plain->column_order();
      for (std::size_t i = 0; i < kBulkColumns.size(); ++i)
        if (std::find(order.begin(), order.end(), static_cast<int>(i)) == order.end()) csv_->absent.push_back(i);
      for (const char* required : {"id", "location"})
        if (!csv_->plain->has_column(required))
          header_problems_.push_back({{file_, 1, 1},
                                      std::string("missing column '") + required + "' in the header (it has " +
                                          header_list(csv_->plain->header()) + ")",
                                      kColumnsHint});
    }
  } catch (const io::error::base& e) {
    header_problems_.push_back({{file_, 1, 1}, std::string("bad CSV header: ") + e.what(),
                                "the first row must name the columns"});
    csv_.reset();
  }
  line_ = 1;
}

BulkRowReader::~BulkRowReader() = default;

const char* BulkRowReader::encoding() const noexcept { return encoding_name(decoded_->encoding()); }

bool BulkRowReader::next(BulkRow& row) {
  // One record through the block path, so that rows read one at a time and rows read in
  // blocks are split by the same code.
  row.max_string = options_.max_string;
  one_.clear();
  if (!next_block(one_, 1)) return false;
  const BulkBlock::Record& r = one_.records.front();
  row.line = r.line;
  row.error = r.error;
  if (format_ == BulkFormat::jsonl) {
    row.text.assign(one_.text(r));
    return true;
  }
  for (std::string& f : row.fields) f.clear();
  BulkFields fields;
  if (row.error.empty() && split(one_.text(r), r.line, one_scratch_, fields, row.error))
    for (std::size_t i = 0; i < fields.size(); ++i) row.fields[i].assign(fields[i]);
  return true;
}

bool BulkRowReader::next_block(BulkBlock& block, std::size_t max_records) {
  std::size_t added = 0;
  std::string& rec = record_;
  auto append = [&](std::string_view r, std::size_t line, std::string error) {
    if (auto p = decoded_->problem_at(line)) error = p->message;
    block.records.push_back({block.bytes.size(), r.size(), line, std::move(error)});
    block.bytes += r;
  };
  if (format_ == BulkFormat::jsonl) {
    while (added < max_records && std::getline(in_, rec)) {
      const std::size_t line = ++line_;
      if (!rec.empty() && rec.back() == '\r') rec.pop_back();
      if (line == 1 && rec.rfind("\xEF\xBB\xBF", 0) == 0) rec.erase(0, 3);  // a UTF-8 BOM
      if (rec.find_first_not_of(" \t") != std::string::npos) append(rec, line, {}), ++added;
    }
    return added > 0;
  }
  if (!csv_) return false;
  // Plain records straight from the record reader's buffer into the block: one copy of
  // their bytes, not two (the rest, and the first record after a run, one by one below).
  auto take = [&](std::string_view r, std::size_t line) { append(r, line, {}); };
  while (added < max_records) {
    added += csv_->plain ? csv_->plain->take_plain(max_records - added, take)
                         : csv_->any->take_plain(max_records - added, take);
    if (added == max_records) break;
    std::string error;
    try {
      if (!(csv_->plain ? csv_->plain->next_record(rec) : csv_->any->next_record(rec))) break;
    } catch (const io::error::base& e) {
      // The failing record is consumed already, so the next read goes on after it.
      error = e.what();
      rec.clear();
    }
    append(rec, csv_->line(), std::move(error));
    ++added;
  }
  return added > 0;
}

namespace {

// The first ',' in [p, end), or end. Eight bytes at a time: a byte equal to ',' is a zero
// byte of w ^ ",,,,,,,,", and the lowest flagged byte is exactly the first one (a borrow
// only flags bytes above a true zero). Fields are short: no memchr call per field.
const char* find_comma(const char* p, const char* const end) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull, commas = ones * ',';
  // The lowest flagged bit is the first byte only when the first byte is the low one.
  for (; std::endian::native == std::endian::little && end - p >= 8; p += 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    w ^= commas;
    if (const std::uint64_t hit = (w - ones) & ~w & highs) return p + (std::countr_zero(hit) >> 3);
  }
  while (p != end && *p != ',') ++p;
  return p;
}

// A record with no quote, split as fast-cpp-csv-parser would (fields trimmed of ' ', '\t'
// and '\r'); false when its field count is not the header's (the parser names that).
bool split_plain(std::string_view rec, const std::vector<int>& order, BulkFields& out) {
  const char* p = rec.data();
  const char* const end = p + rec.size();
  bool more = true;
  for (const int col : order) {
    if (!more) return false;
    const char* comma = find_comma(p, end);
    if (comma == end) comma = nullptr;
    const char* b = p;
    const char* e = comma ? comma : end;
    if (col >= 0) {
      while (b != e && (*b == ' ' || *b == '\t' || *b == '\r')) ++b;
      while (b != e && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) --e;
      out[static_cast<std::size_t>(col)] = std::string_view(b, static_cast<std::size_t>(e - b));
    }
    if (comma) p = comma + 1;
    else more = false;
  }
  return !more;
}

bool json_fields(std::string_view text, BulkScratch& sc, BulkFields& f, std::string& error);

}  // namespace

bool BulkRowReader::split(std::string_view rec, std::size_t line, BulkScratch& sc, BulkFields& out,
                          std::string& error) const {
  // Every path sets all of `out`: no `out = {}` first, whose 176-byte `rep stos` was a third
  // of splitting a row.
  sc.fields_in_record = false;
  if (format_ == BulkFormat::jsonl) return json_fields(rec, sc, out, error);
  if (!csv_) return error = "no CSV header", false;
  try {
    if (csv_->plain) {
      if (rec.find('"') == std::string_view::npos && split_plain(rec, csv_->plain->column_order(), out)) {
        for (const std::size_t i : csv_->absent) out[i] = {};
        return sc.fields_in_record = true;
      }
      sc.record.assign(rec);
      csv_->plain->parse_record(sc.record, line, sc.owned);
    } else {
      csv_->any->parse_record(std::string(rec), line, sc.any);
      csv_->bound->fill(sc.any, sc.owned);
    }
  } catch (const io::error::base& e) {
    error = e.what();
    return false;
  }
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = sc.owned[i];
  return true;
}

namespace {

bool parse_number(std::string_view s, double& out) {
  const char* end = s.data() + s.size();
  const auto r = std::from_chars(s.data(), end, out);
  if (r.ec == std::errc::result_out_of_range && r.ptr == end) return underflows_to_finite(s, out);
  return r.ec == std::errc() && r.ptr == end && std::isfinite(out);
}

// The ';'-separated ids, trimmed, into `out`; false with the id when one is listed twice.
bool split_segments(std::string_view s, std::vector<std::string_view>& out, std::string& repeated) {
  out.clear();
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(';', start);
    if (end == std::string_view::npos) end = s.size();
    std::string_view part = s.substr(start, end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) {
      if (std::find(out.begin(), out.end(), part) != out.end()) return repeated = part, false;
      out.push_back(part);
    }
    start = end + 1;
  }
  return true;
}

}  // namespace

// Shared by CSV and JSON Lines, by the loader and by `score`.
bool bulk_values(const BulkFields& f, std::size_t max_string, BulkValues& v, std::string& error) {
  for (std::size_t i = 0; i < f.size(); ++i)
    if (max_string > 0 && f[i].size() > max_string)  // --max-string holds for bulk rows too (issue 18)
      return error = std::string("column '") + kBulkColumns[i] + "' is " + std::to_string(f[i].size()) +
                     " bytes long, above the limit of " + std::to_string(max_string) + " (raise it with --max-string)",
             false;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (first_invalid_utf8(f[i]).first > 0)
      return error = std::string("column '") + kBulkColumns[i] + "' is not valid UTF-8 (save the file as UTF-8)", false;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (std::string why = control_char_problem(f[i], i == 1); !why.empty())  // a name may hold line ends
      return error = std::string("column '") + kBulkColumns[i] + "' " + why, false;
  if (f[0].empty()) return error = "missing id", false;
  if (f[2].empty()) return error = "missing location", false;
  v.id = f[0];
  v.name = f[1].empty() ? f[0] : f[1];
  v.location = f[2];
  if (std::string twice; !split_segments(f[3], v.segments, twice))
    return error = "segment '" + twice + "' is listed twice", false;
  v.role.reset();
  if (!f[4].empty()) {
    v.role = enum_from_string<Role>(f[4]);
    if (!v.role) return error = "unknown role '" + std::string(f[4]) + "' (expected anchor, key, supplier, research or platform)", false;
  }
  v.status = EnterpriseStatus::operating;
  if (!f[5].empty()) {
    const auto st = enum_from_string<EnterpriseStatus>(f[5]);
    if (!st) return error = "unknown status '" + std::string(f[5]) + "' (expected operating, building, planned or closed)", false;
    v.status = *st;
  }
  v.revenue.reset();
  if (!f[6].empty()) {
    double x = 0;
    if (!parse_number(f[6], x)) return error = "revenue '" + std::string(f[6]) + "' is not a finite number", false;
    if (x < 0) return error = "revenue must not be negative", false;
    v.revenue = x;
  }
  v.kind = EnterpriseKind::firm;
  if (!f[7].empty()) {
    const auto k = enum_from_string<EnterpriseKind>(f[7]);
    if (!k) return error = "unknown kind '" + std::string(f[7]) + "' (expected firm, project, park or institute)", false;
    v.kind = *k;
  }
  v.group = f[8];
  v.revenue_year.reset();
  if (!f[9].empty()) {
    double y = 0;
    if (!parse_number(f[9], y) || y != std::floor(y) || y < 1900 || y > 2100)
      return error = "revenue_year '" + std::string(f[9]) + "' is not a four-digit year", false;
    v.revenue_year = static_cast<int>(y);
  }
  v.listed.reset();
  if (!f[10].empty()) {
    if (f[10] == "true" || f[10] == "yes" || f[10] == "1") v.listed = true;
    else if (f[10] == "false" || f[10] == "no" || f[10] == "0") v.listed = false;
    else return error = "listed '" + std::string(f[10]) + "' is not true or false", false;
  }
  return true;
}

bool enterprise_from_fields(const BulkFields& f, std::size_t max_string, Enterprise& e, std::string& error,
                            TextPool* texts) {
  thread_local BulkValues v;  // its segment list's memory serves every row of the thread
  if (!bulk_values(f, max_string, v, error)) return false;
  e = Enterprise{};
  const auto text = [&](std::string_view s) { return texts ? PooledText(*texts, s) : PooledText(s); };
  e.id = text(v.id);
  e.name = f[1].empty() ? e.id : text(v.name);
  e.location = RegionPath::parse(v.location);
  for (std::string_view s : v.segments) e.segments.push_back(s);
  e.role = v.role;
  e.status = v.status;
  e.revenue = v.revenue;
  e.kind = v.kind;
  e.group = v.group;
  e.revenue_year = v.revenue_year;
  e.listed = v.listed;
  return true;
}

namespace {

bool json_fields(std::string_view text, BulkScratch& sc, BulkFields& f, std::string& error) {
  // One parser per thread: On-Demand parsers are cheap to reuse and not thread-safe.
  thread_local simdjson::ondemand::parser parser;
  auto& owned = sc.owned;
  for (std::string& o : owned) o.clear();
  sc.json.assign(text);
  sc.json.append(simdjson::SIMDJSON_PADDING, '\0');
  simdjson::padded_string_view json(sc.json.data(), text.size(), sc.json.size());
  simdjson::ondemand::document doc;
  if (parser.iterate(json).get(doc)) return error = "not valid JSON", false;
  simdjson::ondemand::object obj;
  if (doc.get_object().get(obj)) return error = "expected a JSON object per line", false;
  for (auto field : obj) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return error = "not valid JSON", false;
    std::size_t col = f.size();
    for (std::size_t i = 0; i < kBulkColumns.size(); ++i)
      if (key == kBulkColumns[i]) col = i;
    if (col == f.size()) continue;  // extra keys are allowed, as extra CSV columns are
    simdjson::ondemand::value v;
    if (field.value().get(v)) return error = "not valid JSON", false;
    simdjson::ondemand::json_type t;
    if (v.type().get(t)) return error = "not valid JSON", false;
    if (t == simdjson::ondemand::json_type::null) continue;
    if (col == 3 && t == simdjson::ondemand::json_type::array) {
      simdjson::ondemand::array arr;
      if (v.get_array().get(arr)) return error = "not valid JSON", false;
      for (auto item : arr) {
        std::string_view s;
        if (item.get_string().get(s)) return error = "segments must be strings", false;
        if (!owned[3].empty()) owned[3] += ';';
        owned[3] += s;
      }
    } else if ((col == 6 || col == 9) && t == simdjson::ondemand::json_type::number) {
      double d = 0;
      if (v.get_double().get(d)) return error = std::string(kBulkColumns[col]) + " is not a number", false;
      char buf[64];
      const auto r = std::to_chars(buf, buf + sizeof buf, d);
      owned[col].assign(buf, r.ptr);
    } else if (col == 10 && t == simdjson::ondemand::json_type::boolean) {
      bool b = false;
      if (v.get_bool().get(b)) return error = "listed is not true or false", false;
      owned[col] = b ? "true" : "false";
    } else {
      std::string_view s;
      if (v.get_string().get(s)) return error = std::string("'") + kBulkColumns[col] + "' must be a string", false;
      owned[col] = s;
    }
  }
  for (std::size_t i = 0; i < f.size(); ++i) f[i] = owned[i];
  return true;
}

}  // namespace

bool parse_bulk_row(const BulkRow& row, BulkFormat format, Enterprise& out, std::string& error, TextPool* texts) {
  if (!row.error.empty()) return error = row.error, false;
  BulkFields f{};
  if (format == BulkFormat::csv) {
    for (std::size_t i = 0; i < f.size(); ++i) f[i] = row.fields[i];
    return enterprise_from_fields(f, row.max_string, out, error, texts);
  }
  BulkScratch scratch;
  if (!json_fields(row.text, scratch, f, error)) return false;
  return enterprise_from_fields(f, row.max_string, out, error, texts);
}

std::vector<Enterprise> read_bulk_file(std::istream& in, BulkFormat format, const std::string& file_name,
                                       DiagnosticSink& sink, std::size_t max_rows, const BulkReadOptions& options) {
  std::vector<Enterprise> out;
  BulkRowReader reader(in, format, file_name, options);
  for (const Diagnostic& d : reader.header_problems()) sink.error(d.pos, d.message, d.hint);
  if (!reader.header_problems().empty()) return out;
  BulkRow row;
  std::string error;
  std::size_t rows = 0;
  const std::string& shared_name = intern(file_name);  // one copy for all its rows
  while (reader.next(row)) {
    if (++rows > max_rows) {
      sink.error({file_name, static_cast<int>(row.line), 1},
                 "more than " + std::to_string(max_rows) + " rows", "raise the limit with --max-rows");
      break;
    }
    if (options.memory_rows > 0 && out.size() >= options.memory_rows) {
      sink.error({file_name, static_cast<int>(row.line), 1},
                 "more than " + std::to_string(options.memory_rows) + " firms would not fit in --max-memory-mb",
                 "raise --max-memory-mb or split the file");
      break;
    }
    Enterprise e;
    if (!parse_bulk_row(row, format, e, error, options.texts)) {
      sink.error({file_name, static_cast<int>(row.line), 1}, error);
      continue;
    }
    e.pos = SharedPos::of_interned(shared_name, static_cast<int>(row.line), 1);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace chainlens
