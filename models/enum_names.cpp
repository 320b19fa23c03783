// models/enum_names.cpp: the spec's words for every enum (workspace-format.md).
#include "models/enum_names.hpp"

#include <array>
#include <utility>

namespace chainlens {
namespace {

template <class T, std::size_t N>
using Table = std::array<std::pair<T, std::string_view>, N>;

constexpr Table<Stage, 3> kStage{{{Stage::upstream, "upstream"},
                                  {Stage::midstream, "midstream"},
                                  {Stage::downstream, "downstream"}}};
constexpr Table<ValueAdded, 3> kValueAdded{
    {{ValueAdded::low, "low"}, {ValueAdded::medium, "medium"}, {ValueAdded::high, "high"}}};
constexpr Table<DeclaredGapKind, 5> kGapKind{{{DeclaredGapKind::missing, "missing"},
                                              {DeclaredGapKind::weak, "weak"},
                                              {DeclaredGapKind::import_dependent, "import-dependent"},
                                              {DeclaredGapKind::local_supply, "local-supply"},
                                              {DeclaredGapKind::technology, "technology"}}};
constexpr Table<Role, 5> kRole{{{Role::anchor, "anchor"},
                                {Role::key, "key"},
                                {Role::supplier, "supplier"},
                                {Role::research, "research"},
                                {Role::platform, "platform"}}};
constexpr Table<EnterpriseStatus, 4> kStatus{{{EnterpriseStatus::operating, "operating"},
                                              {EnterpriseStatus::building, "building"},
                                              {EnterpriseStatus::planned, "planned"},
                                              {EnterpriseStatus::closed, "closed"}}};
constexpr Table<Confidence, 2> kConfidence{
    {{Confidence::verified, "verified"}, {Confidence::inferred, "inferred"}}};
constexpr Table<Bound, 4> kBound{
    {{Bound::exact, "exact"}, {Bound::below, "below"}, {Bound::above, "above"}, {Bound::about, "about"}}};

constexpr Table<SegmentType, 6> kSegmentType{{{SegmentType::material, "material"},
                                              {SegmentType::component, "component"},
                                              {SegmentType::equipment, "equipment"},
                                              {SegmentType::product, "product"},
                                              {SegmentType::service, "service"},
                                              {SegmentType::rnd, "rnd"}}};
constexpr Table<EnterpriseKind, 4> kKind{{{EnterpriseKind::firm, "firm"},
                                          {EnterpriseKind::project, "project"},
                                          {EnterpriseKind::park, "park"},
                                          {EnterpriseKind::institute, "institute"}}};

template <class T, std::size_t N>
std::string_view name_in(const Table<T, N>& t, T v) {
  for (const auto& [value, name] : t)
    if (value == v) return name;
  return "?";
}
template <class T, std::size_t N>
std::optional<T> parse_in(const Table<T, N>& t, std::string_view s) {
  for (const auto& [value, name] : t)
    if (name == s) return value;
  return std::nullopt;
}
template <class T, std::size_t N>
std::vector<std::string_view> words_in(const Table<T, N>& t) {
  std::vector<std::string_view> out;
  for (const auto& entry : t) out.push_back(entry.second);
  return out;
}

}  // namespace

std::string_view to_string(Stage v) { return name_in(kStage, v); }
std::string_view to_string(ValueAdded v) { return name_in(kValueAdded, v); }
std::string_view to_string(DeclaredGapKind v) { return name_in(kGapKind, v); }
std::string_view to_string(Role v) { return name_in(kRole, v); }
std::string_view to_string(EnterpriseStatus v) { return name_in(kStatus, v); }
std::string_view to_string(Confidence v) { return name_in(kConfidence, v); }
std::string_view to_string(Bound v) { return name_in(kBound, v); }
std::string_view to_string(SegmentType v) { return name_in(kSegmentType, v); }
std::string_view to_string(EnterpriseKind v) { return name_in(kKind, v); }

#define CHAINLENS_ENUM_WORDS(T, table)                                                 \
  template <> std::optional<T> enum_from_string<T>(std::string_view s) { return parse_in(table, s); } \
  template <> std::vector<std::string_view> enum_words<T>() { return words_in(table); }
CHAINLENS_ENUM_WORDS(Stage, kStage)
CHAINLENS_ENUM_WORDS(ValueAdded, kValueAdded)
CHAINLENS_ENUM_WORDS(DeclaredGapKind, kGapKind)
CHAINLENS_ENUM_WORDS(Role, kRole)
CHAINLENS_ENUM_WORDS(EnterpriseStatus, kStatus)
CHAINLENS_ENUM_WORDS(Confidence, kConfidence)
CHAINLENS_ENUM_WORDS(Bound, kBound)
CHAINLENS_ENUM_WORDS(SegmentType, kSegmentType)
CHAINLENS_ENUM_WORDS(EnterpriseKind, kKind)
#undef CHAINLENS_ENUM_WORDS

}  // namespace chainlens
