// models/snapshot.hpp: a loaded, validated workspace saved with Boost.Serialization
// behind a checked header, so batch workers skip parsing and validation.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "models/workspace.hpp"
#include "models/yaml_loader.hpp"

namespace chainlens {

/// Bumped whenever the serialized model types change; older snapshots are refused.
/// 2: metrics v2 fields (type, kind, group, revenue_year, weights);
/// 3: the checksum covers the header too (issue 18);
/// 4: the workspace root and relative file keys (--check-sources from any folder);
/// 5: every type inline (no class information), the supply relations as columns (issue 16).
/// 6: enterprises as blocks of packed records, decoded in parallel (issue 16).
inline constexpr std::uint32_t kSnapshotVersion = 8;

/// Bytes of the header: magic, version, payload size, checksum, content hash.
inline constexpr std::size_t kSnapshotHeaderSize = 8 + 4 + 8 + 8 + 16;

/// The header precedes the payload: magic "CHLNSNAP", format version, payload size,
/// a checksum and the workspace's content hash (16 hex digits), all little-endian. The
/// checksum (xxh3-64, at bytes 20-27) covers every other byte of the file: the header's
/// other fields and the payload. Readers check all of it before the payload is deserialized.
std::string write_snapshot_bytes(const Workspace& ws);

/// The checksum of a whole snapshot file as written: every byte but bytes 20-27.
std::uint64_t snapshot_checksum(std::string_view bytes);

/// Refuses (InputError naming `name`) bad magic, another version, a truncated file,
/// a payload whose hash does not match, and a payload that does not deserialize.
Workspace read_snapshot_bytes(std::string_view bytes, const std::string& name);

/// True when the file starts with the snapshot magic.
bool is_snapshot_file(const std::filesystem::path& path);

/// Recomputes the content hash of the files a snapshot was compiled from, as the loader
/// does, reading them from the workspace root recorded at compile time (not the current
/// folder); an InputError when one is missing, the hash differs, or a workspace file was
/// added to the root folder since (the snapshot is stale).
void check_snapshot_sources(const Workspace& ws, const std::string& name);

/// A workspace folder or file, or a snapshot: what every command accepts.
Workspace load_workspace_or_snapshot(const std::filesystem::path& path, const LoadOptions& options = {});

}  // namespace chainlens
