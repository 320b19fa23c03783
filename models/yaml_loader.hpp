// models/yaml_loader.hpp: loads a workspace (one YAML file or a folder of
// *.yaml / *.csv / *.jsonl, recursively, sorted by path) with full validation.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "models/workspace.hpp"

namespace chainlens {

/// Caps that protect the process from hostile input; each has a CLI flag.
struct LoadLimits {
  std::size_t max_file_bytes = 256u << 20;   // one file
  std::size_t max_depth = 64;                // YAML nesting
  std::size_t max_string = 4096;             // one scalar, in bytes
  std::size_t max_rows = 50'000'000;         // bulk rows per file
  std::size_t max_entries = 5'000'000;       // YAML nodes one file expands to (aliases)
  /// What loading may hold in memory, estimated from counts before it is allocated: the
  /// YAML nodes of the file being read plus the firms and relations loaded so far
  /// (docs/workspace-format.md "Limits"). Bounds memory where the file size does not.
  std::size_t max_memory_bytes = std::size_t{2048} << 20;
};

struct LoadOptions {
  LoadLimits limits;
};

/// Loads and validates; throws InputError carrying every problem in every file.
Workspace load_workspace(const std::filesystem::path& path, const LoadOptions& options = {});

/// The workspace files under a folder (*.yaml, *.yml, *.csv, *.jsonl, *.ndjson, *.json,
/// recursively, hidden ones skipped), sorted by path, as the loader reads them.
std::vector<std::filesystem::path> list_workspace_files(const std::filesystem::path& folder, std::error_code& ec);

/// Loads YAML text as if it were one file named `name` (tests, stdin).
Workspace load_workspace_text(const std::string& yaml, const std::string& name = "<input>",
                              const LoadOptions& options = {});

}  // namespace chainlens
