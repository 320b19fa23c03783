// render/chokepoints_writer.hpp: the chokepoint report (必经环节, 关键企业, 单一来源) as a text
// table, JSON, CSV or Markdown.
#pragma once
#include <string>
#include <string_view>

#include "engine/chokepoints.hpp"
#include "render/lang.hpp"

namespace chainlens {

/// `format` is table, json, csv or md. CSV: one row per finding, columns kind, id, segment,
/// supplier. JSON: {chain, segments, enterprises, single_sources[{enterprise, segment, supplier}]}.
std::string write_chokepoints(const std::string& chain, const ChokepointReport& r, std::string_view format, Lang lang);

}  // namespace chainlens
