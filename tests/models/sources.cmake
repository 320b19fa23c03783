# models layer tests
target_sources(chainlens_tests PRIVATE
  models/validation_test.cpp
  models/region_test.cpp
  models/bulk_reader_test.cpp
  models/atomic_file_test.cpp
  models/loader_test.cpp
  models/snapshot_test.cpp
  models/supply_reader_test.cpp
  models/text_encoding_test.cpp
  models/column_mapping_test.cpp
  models/content_hash_test.cpp
  models/enterprise_index_test.cpp
  models/out_of_line_test.cpp
  models/segment_ids_test.cpp
  models/enterprise_record_test.cpp
  models/pooled_text_test.cpp
)
