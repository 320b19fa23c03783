// models/text_encoding.cpp: encoding detection and GB18030 -> UTF-8 conversion with glibc
// iconv, line by line over 1 MiB chunks; UTF-8 is checked with simdjson's validator.
#include "models/text_encoding.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include <iconv.h>
#include <simdjson.h>

#include <cerrno>
#include <streambuf>
#include <string_view>

#include "models/utf8.hpp"

namespace chainlens {
namespace {

constexpr std::size_t kChunk = 1 << 20;
// A line longer than this with no end yet is converted in parts (the CSV reader rejects it
// later anyway); it bounds what is held while waiting for a line end.
constexpr std::size_t kHold = 4 << 20;

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

bool valid_utf8(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

constexpr const char* kNeither = "is neither UTF-8 nor GB18030 (GBK) text";
constexpr const char* kSaveHint = " (save the file as UTF-8)";

}  // namespace

const char* encoding_name(TextEncoding e) noexcept {
  return e == TextEncoding::gb18030 ? "GB18030" : "UTF-8";
}

class DecodedInput::Buf : public std::streambuf {
 public:
  explicit Buf(std::istream& in) : in_(in) {}
  ~Buf() override {
    if (cd_ != reinterpret_cast<iconv_t>(-1)) iconv_close(cd_);
  }
  TextEncoding enc = TextEncoding::undecided;
  std::deque<EncodingProblem> problems;

 protected:
  int_type underflow() override {
    while (gptr() == egptr())
      if (!produce()) return traits_type::eof();
    return traits_type::to_int_type(*gptr());
  }

 private:
  // Reads and converts until some output exists; false at the end of input.
  bool produce() {
    out_.clear();
    while (out_.empty()) {
      if (eof_ && raw_len_ == 0) return false;
      if (!eof_) {
        // raw_ only grows: bytes past raw_len_ are scratch, not zeroed before each read.
        if (raw_.size() < raw_len_ + kChunk) raw_.resize(raw_len_ + kChunk);
        in_.read(raw_.data() + raw_len_, static_cast<std::streamsize>(kChunk));
        raw_len_ += static_cast<std::size_t>(in_.gcount());
        if (in_.gcount() == 0) eof_ = true;
      }
      std::size_t n = 0;
      bool partial = false;  // a piece of a long line, cut before its end
      const std::size_t nl = std::string_view(raw_.data(), raw_len_).rfind('\n');
      if (eof_) n = raw_len_;
      else if (nl != std::string::npos) n = nl + 1;
      else if (raw_len_ >= kHold) n = utf8_cut(raw_len_), partial = true;
      else continue;
      const std::size_t used = convert(std::string_view(raw_.data(), n), partial);
      // Every byte passes through converted or as is; only a cut character waits, and only
      // in a partial piece, so this always makes progress.
      const std::size_t drop = used == 0 ? n : used;
      std::memmove(raw_.data(), raw_.data() + drop, raw_len_ - drop);
      raw_len_ -= drop;
    }
    setg(out_.data(), out_.data(), out_.data() + out_.size());
    return true;
  }

  // A cut before a UTF-8 lead byte near `n`, so that a character is not split in UTF-8 mode.
  std::size_t utf8_cut(std::size_t n) const {
    std::size_t k = n;
    while (k > 0 && n - k < 3 && (static_cast<unsigned char>(raw_[k - 1]) & 0xC0) == 0x80) --k;
    if (k > 0 && static_cast<unsigned char>(raw_[k - 1]) >= 0xC0) --k;
    return k == 0 ? n : k;
  }

  // Converts whole lines (and, when `partial`, a cut piece of a long line); returns the
  // bytes used (fewer when a GB18030 character is cut at the end of a partial piece).
  std::size_t convert(std::string_view v, bool partial) {
    if (enc == TextEncoding::undecided) {
      if (line_ == 1 && v.rfind("\xEF\xBB\xBF", 0) == 0) enc = TextEncoding::utf8;
      else if (is_ascii(v)) return pass(v), v.size();
      else enc = decide(v);
    }
    if (enc == TextEncoding::utf8 && valid_utf8(v)) return pass(v), v.size();
    std::size_t used = 0;
    while (used < v.size()) {
      std::size_t end = v.find('\n', used);
      end = end == std::string_view::npos ? v.size() : end + 1;
      const std::string_view line = v.substr(used, end - used);
      const std::size_t took = enc == TextEncoding::utf8 ? utf8_line(line) : gb_line(line, partial && end == v.size());
      used += took;
      if (took < line.size()) break;
    }
    return used;
  }

  void pass(std::string_view v) {
    out_.append(v);
    count_lines(v);
  }
  void count_lines(std::string_view v) {
    // Eight bytes at a time (this runs over every byte of a bulk file in the serial stage): a
    // byte equal to '\n' is a zero byte of w ^ "\n\n…", found exactly without carries.
    constexpr std::uint64_t lows = 0x7f7f7f7f7f7f7f7full, nl = 0x0a0a0a0a0a0a0a0aull;
    std::size_t i = 0;
    for (; i + 8 <= v.size(); i += 8) {
      std::uint64_t w;
      std::memcpy(&w, v.data() + i, 8);
      const std::uint64_t t = w ^ nl;
      // Most words hold no line end: popcount (a library call without -mpopcnt) only when one does.
      if (const std::uint64_t hits = ~(((t & lows) + lows) | t | lows)) line_ += static_cast<std::size_t>(std::popcount(hits));
    }
    for (; i < v.size(); ++i) line_ += v[i] == '\n' ? 1 : 0;
  }


  std::size_t utf8_line(std::string_view line) {
    if (auto [l, col] = first_invalid_utf8(line); l > 0) {
      // first_invalid_utf8 counts characters; messages count bytes, as iconv does.
      std::size_t byte = 0;
      for (int chars = 1; chars < col && byte < line.size(); ++chars) {
        const unsigned char c = static_cast<unsigned char>(line[byte]);
        byte += c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      }
      problems.push_back({line_, byte + 1,
                          "the text at byte " + std::to_string(byte + 1) + " " + kNeither + kSaveHint});
    }
    pass(line);
    return line.size();
  }

  iconv_t converter() {
    if (cd_ == reinterpret_cast<iconv_t>(-1)) cd_ = iconv_open("UTF-8", "GB18030");
    return cd_;
  }

  // GB18030 text appended as UTF-8; false at the first byte that is not GB18030 (`bad` is
  // its offset) or, when `partial`, at a character cut by the end (`bad` = npos, `cut` set).
  bool gb_convert(std::string_view in, std::string& out, std::size_t& bad, bool& cut) {
    iconv_t cd = converter();
    bad = std::string_view::npos;
    cut = false;
    if (cd == reinterpret_cast<iconv_t>(-1)) return bad = 0, false;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
    char* src = const_cast<char*>(in.data());
    std::size_t left = in.size();
    while (left > 0) {
      char buf[4096];
      char* dst = buf;
      std::size_t room = sizeof buf;
      const std::size_t r = iconv(cd, &src, &left, &dst, &room);
      out.append(buf, static_cast<std::size_t>(dst - buf));
      if (r != static_cast<std::size_t>(-1)) continue;
      if (errno == E2BIG) continue;
      if (errno == EINVAL) cut = true;
      bad = in.size() - left;
      return false;
    }
    return true;
  }

  std::size_t gb_line(std::string_view line, bool partial) {
    if (is_ascii(line)) return pass(line), line.size();
    if (valid_utf8(line)) {
      problems.push_back({line_, 1, "the line is UTF-8 but the file is GB18030 (GBK): one file mixes two encodings" +
                                        std::string(kSaveHint)});
      return pass(line), line.size();
    }
    std::size_t from = 0;
    bool reported = false;
    while (from < line.size()) {
      std::size_t bad = 0;
      bool cut = false;
      if (gb_convert(line.substr(from), out_, bad, cut)) break;
      if (cut && partial) {  // the rest of this character comes with the next piece
        count_lines(line.substr(0, from + bad));
        return from + bad;
      }
      if (!reported) {
        problems.push_back({line_, from + bad + 1, "the text at byte " + std::to_string(from + bad + 1) + " " +
                                                       kNeither + kSaveHint});
        reported = true;
      }
      out_.push_back(line[from + bad]);  // passed through: the row reader rejects the row
      from += bad + 1;
    }
    count_lines(line);
    return line.size();
  }

  // GB18030 when more non-ASCII lines are GB18030-only than are UTF-8.
  TextEncoding decide(std::string_view v) {
    std::size_t utf8_lines = 0, gb_lines = 0, pos = 0;
    std::string scratch;
    while (pos < v.size()) {
      std::size_t end = v.find('\n', pos);
      end = end == std::string_view::npos ? v.size() : end + 1;
      const std::string_view line = v.substr(pos, end - pos);
      pos = end;
      if (is_ascii(line)) continue;
      if (valid_utf8(line)) {
        ++utf8_lines;
        continue;
      }
      std::size_t bad = 0;
      bool cut = false;
      scratch.clear();
      if (gb_convert(line, scratch, bad, cut)) ++gb_lines;
    }
    return gb_lines > utf8_lines ? TextEncoding::gb18030 : TextEncoding::utf8;
  }

  std::istream& in_;
  std::string raw_, out_;
  std::size_t raw_len_ = 0;  // the bytes of raw_ read and not yet passed on
  bool eof_ = false;
  std::size_t line_ = 1;  // the line raw_ starts on
  iconv_t cd_ = reinterpret_cast<iconv_t>(-1);
};

DecodedInput::DecodedInput(std::istream& raw)
    : buf_(std::make_unique<Buf>(raw)), stream_(std::make_unique<std::istream>(buf_.get())) {}
DecodedInput::~DecodedInput() = default;

TextEncoding DecodedInput::encoding() const noexcept { return buf_->enc; }

std::optional<EncodingProblem> DecodedInput::problem_at(std::size_t line) {
  auto& q = buf_->problems;
  while (!q.empty() && q.front().line < line) q.pop_front();
  if (q.empty() || q.front().line != line) return std::nullopt;
  EncodingProblem p = std::move(q.front());
  q.pop_front();
  return p;
}

}  // namespace chainlens
