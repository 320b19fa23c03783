// OutOfLine: absent until written, copied as a value (a copy's edits never reach the original).
#include <catch2/catch.hpp>

#include <string>

#include "models/enterprise.hpp"
#include "models/out_of_line.hpp"

using namespace chainlens;

TEST_CASE("OutOfLine: empty until edited, deep copies, moves leave nothing behind", "[models][issue16]") {
  OutOfLine<std::string> a;
  CHECK_FALSE(a.has_value());
  CHECK(a.get().empty());
  a.edit() = "说明";
  REQUIRE(a.has_value());
  OutOfLine<std::string> b = a;
  b.edit() += "，补充";
  CHECK(a.get() == "说明");
  CHECK(b.get() == "说明，补充");
  OutOfLine<std::string> c = std::move(b);
  CHECK(c.get() == "说明，补充");
  a = c;
  CHECK(a.get() == c.get());
  CHECK(&a.get() != &c.get());
  a.reset();
  CHECK_FALSE(a.has_value());
  CHECK(a.get().empty());
}

TEST_CASE("Enterprise: the cited detail lives out of line and a bare record is small (issue 16)", "[models][issue16]") {
  Enterprise e;
  CHECK(e.detail().empty());
  CHECK_FALSE(e.more.has_value());
  e.edit_detail().source.pos.line = 3;  // any field written counts, down to a position
  CHECK_FALSE(e.detail().empty());
  // A million registry rows: the struct was 544 bytes with the detail inline on 64-bit Linux.
  CHECK(sizeof(Enterprise) <= 320);
}
