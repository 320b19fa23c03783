// models/source_check.hpp: checks that every quoted source appears verbatim
// (white space ignored) in its document (`chainlens validate --sources DIR`).
#pragma once
#include <filesystem>
#include <vector>

#include "models/workspace.hpp"

namespace chainlens {

/// One diagnostic per quote that is not found, per source whose file is missing,
/// and per quote citing a source that has no `file`.
std::vector<Diagnostic> check_quotes(const Workspace& ws, const std::filesystem::path& dir);

/// Every SourceRef in the workspace, in a stable order (for checks and reports).
std::vector<const SourceRef*> all_source_refs(const Workspace& ws);

}  // namespace chainlens
