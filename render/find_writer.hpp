// render/find_writer.hpp: what `chainlens find` prints: each chain, segment and enterprise a
// text names, with where it sits (its chain and parent, or its segments, place and group).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "engine/find.hpp"
#include "models/workspace.hpp"
#include "render/lang.hpp"
#include "render/table.hpp"

namespace chainlens {

/// One row per hit: kind, name, matched text, where it sits, local or not (in the workspace
/// scope), group. `with_id` adds the id as the first column (csv).
Table find_table(const Workspace& ws, const std::vector<FindHit>& hits, Lang lang, bool with_id);

/// table, csv, md or json ({query, hits: [{kind, id, name, matched, chain, segments, local,
/// location, group}]}); an empty hit list says so in table and md.
std::string write_find(const Workspace& ws, std::string_view query, const std::vector<FindHit>& hits,
                       std::string_view format, Lang lang);

}  // namespace chainlens
