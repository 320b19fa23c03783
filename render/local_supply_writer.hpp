// render/local_supply_writer.hpp: the local supply report (本地配套率, 供需对接, 漏出) as a text
// table, JSON, CSV, Markdown or xlsx; declared ratios are shown beside computed ones.
#pragma once
#include <string>
#include <string_view>

#include "engine/local_supply.hpp"
#include "render/lang.hpp"
#include "render/xlsx_writer.hpp"

namespace chainlens {

class TextSink;

/// The sheets of the xlsx form: 本地配套, 供需对接 and 需求漏出 (each when it has rows; the first always).
std::vector<Sheet> local_supply_sheets(const LocalSupplyReport& r, Lang lang);

/// `format` is table, json, csv, md or xlsx. CSV holds the enterprise table only; xlsx has
/// the sheets 本地配套, 供需对接 and 需求漏出. Ratios are percentages in tables (fractions in
/// CSV, 0.0% cells in xlsx). "No data" is printed as "-" in tables, an empty cell in xlsx
/// and null in JSON, never as 0.
std::string write_local_supply(const LocalSupplyReport& r, std::string_view format, Lang lang);
/// The JSON form streamed into `sink` (render/json_stream.hpp), without its trailing newline.
void write_local_supply_json(const LocalSupplyReport& r, Lang lang, TextSink& sink);

}  // namespace chainlens
