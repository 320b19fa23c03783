// models/workspace_validation.hpp: the checks that need the whole workspace:
// duplicate ids across files, dangling references, leaf-only rules, parent
// cycles, share sums, and region aliases (resolved here to full paths).
#pragma once
#include <string>
#include <vector>

#include "models/diagnostic.hpp"
#include "models/workspace.hpp"

namespace chainlens {

/// What a reference must point at.
enum class RefKind { segment, leaf_segment, enterprise, source };

/// A reference written somewhere in the input, checked once everything is read.
struct PendingRef {
  RefKind kind;
  std::string id;
  SourcePos pos;
  std::string context;  // "input of segment 'x'", for the message
};

/// A location or scope written as text, resolved once the regions are known.
struct PendingRegion {
  enum class Owner { workspace, chain, enterprise } owner;
  std::size_t index = 0;  // into ws.chains or ws.enterprises
  SourcePos pos;
};

/// Supplies [begin, end) of ws.supplies came from the bulk CSV `file` (their pos has the
/// line only); checked here with hash lookups instead of one PendingRef per field.
struct BulkSupplyRange {
  std::string file;
  std::size_t begin = 0, end = 0;
};

/// Runs every whole-workspace check, resolves region aliases in place, and
/// reports into `sink`.
void validate_workspace(Workspace& ws, const std::vector<PendingRef>& refs,
                        const std::vector<PendingRegion>& regions, DiagnosticSink& sink,
                        const std::vector<BulkSupplyRange>& bulk_supplies = {});

}  // namespace chainlens
