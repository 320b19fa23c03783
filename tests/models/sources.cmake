# models layer tests
target_sources(chainlens_tests PRIVATE
  models/validation_test.cpp
)
