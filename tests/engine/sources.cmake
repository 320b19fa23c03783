# engine layer tests
target_sources(chainlens_tests PRIVATE
  engine/chain_graph_test.cpp
  engine/chokepoints_test.cpp
  engine/local_supply_test.cpp
  engine/what_if_test.cpp
  engine/segment_status_test.cpp
  engine/importance_test.cpp
  engine/gaps_test.cpp
  engine/candidate_score_test.cpp
  engine/batch_score_test.cpp
  engine/row_scorer_test.cpp
  engine/metrics_v2_test.cpp
  engine/downstream_reach_test.cpp
  engine/downstream_sums_test.cpp
  engine/full_analysis_test.cpp
  engine/view_map_test.cpp
  engine/memberships_test.cpp
)
