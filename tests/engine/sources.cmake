# engine layer tests
target_sources(chainlens_tests PRIVATE
  engine/chain_graph_test.cpp
)
