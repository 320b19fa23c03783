# tests of the bundled chain data
target_sources(chainlens_tests PRIVATE
  chains/bundled_chains_test.cpp
  chains/candidate_pool_test.cpp
  chains/rankings_test.cpp
  chains/data_v2_test.cpp
)
