// models/read_file.hpp: a whole file into a string with one read (istreambuf_iterator copies
// a byte at a time: a 500 MB snapshot spent seconds there).
#pragma once
#include <filesystem>
#include <string>

namespace chainlens {

/// False when the file cannot be opened or read; `out` then holds what was read.
bool read_whole_file(const std::filesystem::path& path, std::string& out);

}  // namespace chainlens
