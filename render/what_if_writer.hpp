// render/what_if_writer.hpp: a what-if comparison (before / after / difference) as a text
// table, JSON, CSV, Markdown or xlsx.
#pragma once
#include <string>
#include <string_view>

#include "engine/what_if.hpp"
#include "render/lang.hpp"

namespace chainlens {

/// Only what changed is listed row by row; the chain SLSR and chokepoints always appear.
/// xlsx: the sheets 环节变化 and 企业变化.
std::string write_what_if(const WhatIfReport& r, std::string_view format, Lang lang);

}  // namespace chainlens
