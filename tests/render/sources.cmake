# render layer tests
target_sources(chainlens_tests PRIVATE
  render/text_width_test.cpp
)
