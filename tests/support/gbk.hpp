// tests/support/gbk.hpp: UTF-8 -> GBK with glibc iconv, so that GBK fixtures are made in the
// test that needs them, not stored.
#pragma once
#include <iconv.h>

#include <string>

#include <catch2/catch.hpp>

namespace chainlens::test {

inline std::string to_gbk(const std::string& utf8) {
  iconv_t cd = iconv_open("GBK", "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(utf8.data());
  std::size_t left = utf8.size(), room = out.size();
  char* dst = out.data();
  REQUIRE(iconv(cd, &src, &left, &dst, &room) != static_cast<std::size_t>(-1));
  out.resize(out.size() - room);
  iconv_close(cd);
  return out;
}

}  // namespace chainlens::test
