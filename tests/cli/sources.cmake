# cli tests: run the built chainlens on examples and fixtures, compare with checked-in output
target_sources(chainlens_tests PRIVATE
  cli/validate_cli_test.cpp
  cli/compile_cli_test.cpp
  cli/gaps_cli_test.cpp
  cli/score_cli_test.cpp
  cli/targets_cli_test.cpp
  cli/chokepoints_cli_test.cpp
  cli/supply_cli_test.cpp
  cli/whatif_cli_test.cpp
  cli/render_cli_test.cpp
  cli/report_cli_test.cpp
  cli/bad_input_corpus_test.cpp
  cli/reliability_cli_test.cpp
  cli/bulk_input_cli_test.cpp
  cli/daily_use_cli_test.cpp
  cli/analyze_cli_test.cpp
  cli/huge_pages_cli_test.cpp
  ${PROJECT_SOURCE_DIR}/cli/huge_pages.cpp
)
