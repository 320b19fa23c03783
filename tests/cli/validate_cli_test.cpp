// `chainlens validate` and `info` run as a user would, against checked-in output.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/support/run_cli.hpp"

using chainlens::test::read_source_file;
using chainlens::test::run_chainlens;

TEST_CASE("validate: examples/minimal is valid and exits 0", "[cli][validate]") {
  const auto r = run_chainlens("validate examples/minimal");
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.rfind("通过: ", 0) == 0);
  const auto en = run_chainlens("validate examples/minimal --lang en");
  CHECK(en.exit_code == 0);
  CHECK(en.out.rfind("ok: ", 0) == 0);
}

TEST_CASE("validate: ten planted errors in three files are all listed, exit 3", "[cli][validate]") {
  const auto r = run_chainlens("validate tests/data/three-files-ten-errors");
  CHECK(r.exit_code == 3);
  CHECK(r.out.empty());
  CHECK(r.err == read_source_file("tests/data/three-files-ten-errors/expected.txt"));
}

TEST_CASE("validate --sources: quotes are checked against the documents", "[cli][validate]") {
  const auto r = run_chainlens("validate tests/data/quotes/workspace.yaml --sources tests/data/quotes");
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("not found in") != std::string::npos);
}

TEST_CASE("cli: usage errors exit 2, --version prints the version", "[cli]") {
  CHECK(run_chainlens("validate").exit_code == 2);
  CHECK(run_chainlens("no-such-command").exit_code == 2);
  const auto v = run_chainlens("--version");
  CHECK(v.exit_code == 0);
  CHECK(v.out.find("chainlens") != std::string::npos);
}

TEST_CASE("info --format json: counts of examples/minimal", "[cli][info]") {
  const auto r = run_chainlens("info examples/minimal --format json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j.at("chains").size() == 1);
  CHECK(j.at("content_hash").get<std::string>().size() == 16);
}
