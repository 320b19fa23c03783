# render layer tests
target_sources(chainlens_tests PRIVATE
  render/text_width_test.cpp
  render/table_test.cpp
  render/gaps_writer_test.cpp
  render/graphviz_writer_test.cpp
  render/diagram_views_test.cpp
  render/report_writer_test.cpp
  render/xlsx_writer_test.cpp
  render/names_test.cpp
  render/report_md_escape_test.cpp
  render/json_stream_test.cpp
)
