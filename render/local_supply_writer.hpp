// render/local_supply_writer.hpp: the local supply report (本地配套率, 供需对接, 漏出) as a text
// table, JSON, CSV or Markdown; declared ratios are shown beside computed ones.
#pragma once
#include <string>
#include <string_view>

#include "engine/local_supply.hpp"
#include "render/lang.hpp"

namespace chainlens {

/// `format` is table, json, csv or md. CSV holds the enterprise table only. "No data" is
/// printed as "-" in tables and null in JSON, never as 0.
std::string write_local_supply(const LocalSupplyReport& r, std::string_view format, Lang lang);

}  // namespace chainlens
