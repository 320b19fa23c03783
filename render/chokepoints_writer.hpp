// render/chokepoints_writer.hpp: the chokepoint report (必经环节, 关键企业, 单一来源) as a text
// table, JSON, CSV or Markdown.
#pragma once
#include <string>
#include <string_view>

#include "engine/chokepoints.hpp"
#include "render/lang.hpp"
#include "render/xlsx_writer.hpp"

namespace chainlens {

class TextSink;

/// The findings table: id (the id column), kind, segment or firm, input segment, only supplier.
Table chokepoints_table(const std::string& chain, const ChokepointReport& r, Lang lang);

/// `format` is table, json, csv, md or xlsx. One row per finding: id (CSV and xlsx only),
/// kind, segment or firm, input segment, only supplier, all by name. JSON: {chain,
/// chain_label, segments, enterprises, single_sources[{enterprise, segment, supplier}]} (ids).
std::string write_chokepoints(const std::string& chain, const ChokepointReport& r, std::string_view format, Lang lang);
/// The JSON form streamed into `sink` (render/json_stream.hpp), without its trailing newline.
void write_chokepoints_json(const std::string& chain, const ChokepointReport& r, Lang lang, TextSink& sink);

}  // namespace chainlens
