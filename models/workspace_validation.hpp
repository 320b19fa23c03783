// models/workspace_validation.hpp: the checks that need the whole workspace:
// duplicate ids across files, dangling references, leaf-only rules, parent
// cycles, share sums, and region aliases (resolved here to full paths).
#pragma once
#include <string>
#include <string_view>
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

/// Relations [begin, end) of ws.supply_table came from the bulk CSV `file`, from the lines
/// in `lines` (one per relation); checked here once per distinct id, not one PendingRef per
/// field.
struct BulkSupplyRange {
  std::string file;
  std::size_t begin = 0, end = 0;
  std::vector<int> lines;
};

/// The one id rule (issue 18): an id may become a file name, so it has no path separator
/// (/ or \\), no control character, no leading dot or space, at most kMaxIdBytes bytes,
/// and (for a chain, whose id names report files) is not a name the writers reserve
/// (`index`). Returns "" when `id` is fine, else the reason.
inline constexpr std::size_t kMaxIdBytes = 128;
std::string id_problem(std::string_view id, bool file_name = false);

/// `text` with control characters written as \\xNN, for messages.
std::string printable(std::string_view text);

/// "" when `text` has no control character (tab and line ends allowed when `multiline`),
/// else the reason, naming the first one as U+00XX.
std::string control_char_problem(std::string_view text, bool multiline = true);

/// Runs every whole-workspace check, resolves region aliases in place, and
/// reports into `sink`.
void validate_workspace(Workspace& ws, const std::vector<PendingRef>& refs,
                        const std::vector<PendingRegion>& regions, DiagnosticSink& sink,
                        const std::vector<BulkSupplyRange>& bulk_supplies = {});

}  // namespace chainlens
