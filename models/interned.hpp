// models/interned.hpp: one process-wide copy of each identifier that millions of records
// repeat (segment ids): a record holds a pointer to it, never a string of its own (issue 16).
#pragma once
#include <string>
#include <string_view>

namespace chainlens {

/// The pooled copy of `s`: the same object for equal strings, alive until the process ends,
/// safe to call from any thread. The pool only grows, so it is for identifiers of which a
/// process meets few distinct ones, not for names or free text.
const std::string& intern(std::string_view s);

}  // namespace chainlens
