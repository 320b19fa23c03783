// models/csv_records.cpp: the record splitter: quote-aware, bounded, always consuming.
#include "models/csv_records.hpp"

#include <algorithm>
#include <cstring>

namespace chainlens {

static constexpr std::size_t kChunk = 1 << 20;

CsvRecordReader::CsvRecordReader(std::istream& in, std::size_t max_bytes) : in_(in), max_(max_bytes) {
  while (end_ < 3 && fill()) {
  }
  if (end_ >= 3 && buf_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
}

// Appends up to one chunk; drops consumed bytes first. False when nothing more came. The
// string only grows: bytes past end_ are scratch, so a chunk is not zeroed before each read.
bool CsvRecordReader::fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  if (buf_.size() < end_ + kChunk) buf_.resize(end_ + kChunk);
  in_.read(buf_.data() + end_, static_cast<std::streamsize>(kChunk));
  const auto got = static_cast<std::size_t>(in_.gcount());
  end_ += got;
  if (got == 0) eof_ = true;
  return got > 0;
}

bool CsvRecordReader::next(std::string& record, std::size_t& line, Status& status) {
  status = Status::ok;
  line = line_;
  // The common record: one line, whole in the buffer, no quote. Two memchr calls instead of
  // a loop over its bytes (issue 16); anything else takes the byte loop below.
  if (const void* nl = std::memchr(buf_.data() + pos_, '\n', end_ - pos_)) {
    const auto k = static_cast<std::size_t>(static_cast<const char*>(nl) - (buf_.data() + pos_));
    if (k <= max_ && !std::memchr(buf_.data() + pos_, '"', k)) {
      record.assign(buf_, pos_, k);
      ++line_;
      pos_ += k + 1;
      if (!record.empty() && record.back() == '\r') record.pop_back();
      return true;
    }
  }
  std::size_t k = 0;                       // offset from pos_ being scanned
  std::size_t first_nl = std::string::npos;  // offset of the first newline of the record
  bool quoted = false, found = false;
  for (;;) {
    if (pos_ + k == end_) {
      if (!fill()) break;
      continue;
    }
    const char c = buf_[pos_ + k];
    if (c == '"') {
      quoted = !quoted;
    } else if (c == '\n') {
      if (!quoted) {
        found = true;
        break;
      }
      if (first_nl == std::string::npos) first_nl = k;
    }
    ++k;
    if (k > max_) {
      if (first_nl != std::string::npos) break;  // an open quote ran past the limit: see below
      // One physical line longer than the limit: drop it to its end, report it once.
      pos_ += k;
      for (;;) {
        const char* start = buf_.data() + pos_;
        const void* nl = std::memchr(start, '\n', end_ - pos_);
        if (nl) {
          pos_ = static_cast<std::size_t>(static_cast<const char*>(nl) - buf_.data()) + 1;
          break;
        }
        pos_ = end_;
        if (!fill()) break;
      }
      ++line_;
      record.clear();
      status = Status::too_long;
      return true;
    }
  }
  if (!found && k == 0) return false;  // end of input
  if (!found && quoted && first_nl != std::string::npos) {
    // The quote never closes: the record is its first line only (the parser reports the
    // open quote) and the lines after it are read again as records of their own.
    k = first_nl;
    found = true;
  }
  record.assign(buf_, pos_, k);
  line_ += 1 + static_cast<std::size_t>(std::count(record.begin(), record.end(), '\n'));
  pos_ += k + (found ? 1 : 0);
  if (!record.empty() && record.back() == '\r') record.pop_back();
  return true;
}

std::vector<std::string> split_csv_record(std::string record) {
  using trim = io::trim_chars<' ', '\t', '\r'>;
  using quote = io::double_quote_escape<',', '"'>;
  std::vector<std::string> out;
  char* line = record.data();
  while (line) {
    char *begin = nullptr, *end = nullptr;
    io::detail::chop_next_column<quote>(line, begin, end);
    trim::trim(begin, end);
    quote::unescape(begin, end);
    out.emplace_back(begin, end);
  }
  return out;
}

bool CsvRecordReader::next_row(std::string& rec, std::size_t& line, const std::string& file) {
  for (;;) {
    Status st;
    if (!next(rec, line, st)) return false;
    if (st == Status::too_long) {
      csv_error::line_too_long e;
      e.limit = max_;
      e.set_file_name(file.c_str());
      e.set_file_line(static_cast<unsigned>(line));
      throw e;
    }
    if (rec.find('\0') != std::string::npos) {
      csv_error::nul_byte e;
      e.set_file_name(file.c_str());
      e.set_file_line(static_cast<unsigned>(line));
      throw e;
    }
    if (!io::empty_line_comment::is_comment(rec.c_str())) return true;
  }
}

bool CsvAnyTable::next_record(std::string& rec) { return records_.next_row(rec, line_, file_); }

const std::vector<std::string>& CsvAnyTable::read_header() {
  if (!next_record(rec_)) {
    io::error::header_missing e;
    e.set_file_name(file_.c_str());
    throw e;
  }
  header_ = split_csv_record(rec_);
  return header_;
}

bool CsvAnyTable::read_row(std::vector<std::string>& out) {
  if (!next_record(rec_)) return false;
  parse_record(rec_, line_, out);
  return true;
}

void CsvAnyTable::parse_record(std::string rec, std::size_t line, std::vector<std::string>& out) const {
  with_csv_place(file_, line, [&] { out = split_csv_record(std::move(rec)); });
  if (out.size() != header_.size()) {
    if (out.size() < header_.size()) {
      io::error::too_few_columns e;
      e.set_file_name(file_.c_str());
      e.set_file_line(static_cast<unsigned>(line));
      throw e;
    }
    io::error::too_many_columns e;
    e.set_file_name(file_.c_str());
    e.set_file_line(static_cast<unsigned>(line));
    throw e;
  }
}

}  // namespace chainlens
