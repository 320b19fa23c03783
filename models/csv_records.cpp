// models/csv_records.cpp: the record splitter: quote-aware, bounded, always consuming.
#include "models/csv_records.hpp"

#include <algorithm>
#include <cstring>

namespace chainlens {

static constexpr std::size_t kChunk = 1 << 20;

CsvRecordReader::CsvRecordReader(std::istream& in, std::size_t max_bytes) : in_(in), max_(max_bytes) {
  while (buf_.size() < 3 && fill()) {
  }
  if (buf_.size() >= 3 && buf_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
}

// Appends up to one chunk; drops consumed bytes first. False when nothing more came.
bool CsvRecordReader::fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  const std::size_t old = buf_.size();
  buf_.resize(old + kChunk);
  in_.read(buf_.data() + old, static_cast<std::streamsize>(kChunk));
  const auto got = static_cast<std::size_t>(in_.gcount());
  buf_.resize(old + got);
  if (got == 0) eof_ = true;
  return got > 0;
}

bool CsvRecordReader::next(std::string& record, std::size_t& line, Status& status) {
  status = Status::ok;
  line = line_;
  std::size_t k = 0;                       // offset from pos_ being scanned
  std::size_t first_nl = std::string::npos;  // offset of the first newline of the record
  bool quoted = false, found = false;
  for (;;) {
    if (pos_ + k == buf_.size()) {
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
        const void* nl = std::memchr(start, '\n', buf_.size() - pos_);
        if (nl) {
          pos_ = static_cast<std::size_t>(static_cast<const char*>(nl) - buf_.data()) + 1;
          break;
        }
        pos_ = buf_.size();
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

}  // namespace chainlens
