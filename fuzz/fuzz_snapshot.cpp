// fuzz/fuzz_snapshot.cpp: libFuzzer target for the snapshot reader: a damaged or hostile
// snapshot is refused with a message, never a crash. The seed corpus holds valid snapshots;
// the checksum is recomputed for half the inputs, so the fuzzer also reaches the
// Boost.Serialization payload parser behind it.
#include <xxhash.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "models/diagnostic.hpp"
#include "models/snapshot.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  constexpr std::size_t kHeader = 8 + 4 + 8 + 8 + 16;
  if (size > kHeader && (data[size - 1] & 1)) {
    // Fix up size and checksum so the payload parser sees the mutated payload.
    const std::uint64_t n = size - kHeader;
    for (int i = 0; i < 8; ++i) bytes[12 + i] = static_cast<char>((n >> (8 * i)) & 0xff);
    const std::uint64_t h = chainlens::snapshot_checksum(bytes);  // header and payload (issue 18)
    for (int i = 0; i < 8; ++i) bytes[20 + i] = static_cast<char>((h >> (8 * i)) & 0xff);
  }
  try {
    chainlens::read_snapshot_bytes(bytes, "fuzz.snap");
  } catch (const chainlens::InputError& e) {
    if (e.diagnostics().empty()) __builtin_trap();
  }
  return 0;
}
