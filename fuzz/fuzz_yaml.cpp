// fuzz/fuzz_yaml.cpp: libFuzzer target for the YAML workspace loader: any bytes give a
// workspace or an InputError with diagnostics, never a crash, a hang or a stack overflow.
#include <cstddef>
#include <cstdint>
#include <string>

#include "models/diagnostic.hpp"
#include "models/yaml_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    chainlens::load_workspace_text(text, "fuzz.yaml");
  } catch (const chainlens::InputError& e) {
    if (e.diagnostics().empty()) __builtin_trap();  // an error must say what is wrong
  }
  return 0;
}
