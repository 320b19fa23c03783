// models/shared_pos.hpp: a source position whose file name is interned: a million rows of one
// CSV file hold one copy of its name, not a million, and a position is 16 bytes (issue 16).
#pragma once
#include <string>
#include <string_view>

#include "models/diagnostic.hpp"
#include "models/interned.hpp"

namespace chainlens {

class SharedPos {
 public:
  SharedPos() = default;
  SharedPos(std::string_view file, int line_, int column_)
      : line(line_), column(column_), file_(file.empty() ? nullptr : &intern(file)) {}
  SharedPos(const SourcePos& p) : SharedPos(p.file, p.line, p.column) {}  // NOLINT: a position is a position
  /// `pooled` is intern()'s copy of the name already (no lookup: a bulk file's every row).
  static SharedPos of_interned(const std::string& pooled, int line, int column) {
    SharedPos p;
    p.line = line;
    p.column = column;
    p.file_ = pooled.empty() ? nullptr : &pooled;
    return p;
  }

  const std::string& file() const noexcept {
    static const std::string none;
    return file_ ? *file_ : none;
  }
  operator SourcePos() const { return {file(), line, column}; }  // NOLINT: for diagnostics

  int line = 0, column = 0;

 private:
  const std::string* file_ = nullptr;
};

}  // namespace chainlens
