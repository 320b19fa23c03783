// models/enum_names.hpp: the spec's words for every enum, both ways.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "models/chain.hpp"
#include "models/enterprise.hpp"

namespace chainlens {

std::string_view to_string(Stage v);
std::string_view to_string(ValueAdded v);
std::string_view to_string(DeclaredGapKind v);
std::string_view to_string(Role v);
std::string_view to_string(EnterpriseStatus v);
std::string_view to_string(Confidence v);
std::string_view to_string(Bound v);
std::string_view to_string(SegmentType v);
std::string_view to_string(EnterpriseKind v);

/// Parses the spec's word; empty optional when unknown. `T{}` selects the enum.
template <class T> std::optional<T> enum_from_string(std::string_view s);
/// All spec words of an enum, for "expected one of" hints.
template <class T> std::vector<std::string_view> enum_words();

}  // namespace chainlens
