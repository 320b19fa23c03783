// models/shared_pos.hpp: a source position whose file name is shared between copies: a million
// rows of one CSV file hold one copy of its name, not a million (issue 16).
#pragma once
#include <memory>
#include <string>

#include "models/diagnostic.hpp"

namespace chainlens {

class SharedPos {
 public:
  SharedPos() = default;
  SharedPos(std::shared_ptr<const std::string> file, int line_, int column_)
      : line(line_), column(column_), file_(std::move(file)) {}
  SharedPos(std::string file, int line_, int column_)
      : SharedPos(file.empty() ? nullptr : std::make_shared<const std::string>(std::move(file)), line_, column_) {}
  SharedPos(const SourcePos& p) : SharedPos(p.file, p.line, p.column) {}  // NOLINT: a position is a position

  const std::string& file() const noexcept {
    static const std::string none;
    return file_ ? *file_ : none;
  }
  operator SourcePos() const { return {file(), line, column}; }  // NOLINT: for diagnostics

  int line = 0, column = 0;

 private:
  std::shared_ptr<const std::string> file_;
};

}  // namespace chainlens
