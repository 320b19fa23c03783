# tests of the bundled chain data
target_sources(chainlens_tests PRIVATE
  chains/bundled_chains_test.cpp
  chains/candidate_pool_test.cpp
)
