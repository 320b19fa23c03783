// engine/row_scorer.cpp: checks a row as enterprise_from_fields does and scores it as
// score_candidate does, on views; any row it is unsure of goes back to the full path.
#include "engine/row_scorer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "engine/rank_key.hpp"
#include "models/enum_names.hpp"
#include "models/utf8.hpp"

namespace chainlens {

RowScoringIndex index_scoring(const ScoringModel& model, const std::vector<Region>& regions) {
  RowScoringIndex x;
  x.model = &model;
  x.regions = &regions;
  // Sized once: grown by doubling from 16, the id table was rehashed ten times at startup.
  x.segments.reserve(model.segments.size());
  x.ids.reserve(model.linked.size() + model.listed.size() + model.local_tops.size() + model.group_of.size());
  for (const auto& [id, facts] : model.segments) x.segments[id] = RowScoringIndex::Segment{id, &facts};
  model.linked.for_each([&](std::string_view id) { x.ids[id].linked = true; });
  for (const std::string& id : model.listed) x.ids[id].listed = true;
  model.local_tops.for_each([&](std::string_view id) { x.ids[id].local_top = true; });
  model.group_of.for_each([&](std::string_view id, std::string_view group) { x.ids[id].group = group; });
  x.group_links = model.group_of.size();
  return x;
}

namespace {

constexpr std::size_t kMaxSegments = 32;


// A finite number written in full; anything else (an overflow, an underflow) is left to the
// full path.
bool plain_number(std::string_view s, double& out) {
  const char* end = s.data() + s.size();
  const auto r = std::from_chars(s.data(), end, out);
  return r.ec == std::errc() && r.ptr == end && std::isfinite(out);
}

// ScoringModel::top_of on the index, from the entry of the id it starts at: the entry of the
// top of its group chain, null when the index knows nothing of that top.
const RowScoringIndex::Id* top_of(const RowScoringIndex& x, const RowScoringIndex::Id* cur) {
  for (std::size_t steps = 0; steps <= x.group_links; ++steps) {
    if (!cur || cur->group.empty()) return cur;
    cur = x.ids.find(cur->group);
  }
  return cur;
}

LocationMemo::Flags locate(const RowScoringIndex& x, std::string_view text, LocationMemo& memo) {
  if (const LocationMemo::Flags* known = memo.seen.find(text)) return *known;
  const ScoringModel& m = *x.model;
  const RegionPath path = resolve_alias(*x.regions, RegionPath::parse(text));
  LocationMemo::Flags f;
  f.local = path.within(m.scope);
  f.nearby = !f.local && m.nearby && path.within(*m.nearby);
  if (memo.seen.size() < memo.max_entries) memo.seen[memo.texts.emplace_back(text)] = f;
  return f;
}

}  // namespace

// No control byte (the full path allows line ends in a name; the fast path never needs to)
// and strict UTF-8. Eight bytes at a time: only a word that may hold a byte below 0x20 or 0x7f
// is checked byte by byte; a byte at or above 0x80 only says that UTF-8 must be checked.
bool clean_text(std::string_view text, bool utf8_known) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  bool high = false;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    const std::uint64_t del = w ^ (0x7f * ones);
    // Borrows start only at a byte below 0x20 (or at 0x7f), so with none in the word both
    // terms are exactly zero; with one, the bytes are checked one by one.
    if ((((w - 0x20 * ones) & ~w) | ((del - ones) & ~del)) & highs)
      for (std::size_t k = i; k < i + 8; ++k) {
        const auto u = static_cast<unsigned char>(text[k]);
        if (u < 0x20 || u == 0x7f) return false;
      }
    high |= (w & highs) != 0;
  }
  for (; i < text.size(); ++i) {
    const auto u = static_cast<unsigned char>(text[i]);
    if (u < 0x20 || u == 0x7f) return false;
    high |= u >= 0x80;
  }
  return !high || utf8_known || strict_utf8(text);
}

bool score_fields(const RowScoringIndex& x, const BulkFields& f, std::size_t max_string, LocationMemo& memo,
                  ScoreRow& out, bool text_checked) {
  // The checks of enterprise_from_fields, in any order: a row failing one goes to the full path.
  for (const std::string_view field : f)
    if ((max_string > 0 && field.size() > max_string) || (!text_checked && !clean_text(field))) return false;
  const std::string_view id = f[0], location = f[2], group = f[8];
  if (id.empty() || location.empty()) return false;
  // Raw storage: an array of string_views is zeroed on every row (512 bytes, a `rep stos`).
  struct Part {
    const char* data;
    std::size_t size;
    std::string_view view() const noexcept { return {data, size}; }
  };
  std::array<Part, kMaxSegments> segs;
  std::size_t n = 0;
  for (std::size_t start = 0; start <= f[3].size();) {
    std::size_t end = start;
    while (end < f[3].size() && f[3][end] != ';') ++end;  // short: no memchr call
    std::string_view part = f[3].substr(start, end - start);
    start = end + 1;
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (part.empty()) continue;
    if (n == kMaxSegments) return false;
    for (std::size_t j = 0; j < n; ++j)
      if (segs[j].view() == part) return false;  // listed twice
    segs[n++] = Part{part.data(), part.size()};
  }
  if (!f[4].empty() && !enum_from_string<Role>(f[4])) return false;
  EnterpriseStatus status = EnterpriseStatus::operating;
  if (!f[5].empty()) {
    const auto st = enum_from_string<EnterpriseStatus>(f[5]);
    if (!st) return false;
    status = *st;
  }
  std::optional<double> revenue;
  if (!f[6].empty()) {
    double v = 0;
    if (!plain_number(f[6], v) || v < 0) return false;
    revenue = v;
  }
  EnterpriseKind kind = EnterpriseKind::firm;
  if (!f[7].empty()) {
    const auto k = enum_from_string<EnterpriseKind>(f[7]);
    if (!k) return false;
    kind = *k;
  }
  if (!f[9].empty()) {
    double y = 0;
    if (!plain_number(f[9], y) || y != std::floor(y) || y < 1900 || y > 2100) return false;
  }
  if (!f[10].empty() && f[10] != "true" && f[10] != "yes" && f[10] != "1" && f[10] != "false" && f[10] != "no" &&
      f[10] != "0")
    return false;

  // score_candidate, on views.
  const ScoringModel& m = *x.model;
  // Every member set one by one: `out = ScoreRow{}` compiled to a `rep stos` whose start-up
  // cost was a tenth of this function, on every row.
  out.id = id;
  out.name = f[1].empty() ? id : f[1];
  out.segment = {};
  out.segment_name = {};
  out.kind.reset();
  out.factors = ScoreFactors{};
  out.score = 0;
  out.matched = false;
  out.group_link = false;
  std::array<const RowScoringIndex::Segment*, kMaxSegments> chain;
  std::size_t in_chain = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (const RowScoringIndex::Segment* s = x.segments.find(segs[i].view())) chain[in_chain++] = s;
  std::sort(chain.begin(), chain.begin() + static_cast<std::ptrdiff_t>(in_chain),
            [](const auto* a, const auto* b) { return a->id < b->id; });
  const LocationMemo::Flags where = locate(x, location, memo);
  out.local = where.local;
  out.nearby = where.nearby;
  out.eligible = (kind == EnterpriseKind::firm || kind == EnterpriseKind::project) &&
                 status == EnterpriseStatus::operating;
  if (out.local || !out.eligible || (out.nearby && !m.include_nearby)) return true;

  const ScoreWeights& w = m.weights;
  ScoreFactors base;
  base.strength = strength_factor(w, revenue);
  const RowScoringIndex::Id* mine = x.ids.find(id);
  if (mine && mine->linked) base.link = 1;
  const RowScoringIndex::Id* start = mine;
  if (!group.empty()) {
    start = x.ids.find(group);
  }
  const RowScoringIndex::Id* top = top_of(x, start);
  out.group_link = top && top->local_top;
  if (out.group_link) base.link = 1;
  base.listed = mine && mine->listed ? 1 : 0;
  const RowScoringIndex::Segment* best = nullptr;
  for (std::size_t i = 0; i < in_chain; ++i) {
    const RowScoringIndex::Segment& s = *chain[i];
    if (s.facts->covered) continue;
    ScoreFactors fx = base;
    fx.gap = s.facts->gap;
    fx.fit = segs[0].view() == s.id ? 1.0 : 0.5;
    fx.related = related_factor(*s.facts);
    const double score = pair_score(w, fx);
    // The order of score_candidate's pairs: score, then segment id; `chain` is in id order.
    if (!best || (rank_key(score) != rank_key(out.score) && score > out.score)) {
      best = &s;
      out.score = score;
      out.factors = fx;
    }
  }
  out.matched = best != nullptr;
  if (best) {
    out.segment = best->id;
    out.segment_name = best->facts->name;
    out.kind = best->facts->kind;
  } else {
    out.score = 0;
  }
  return true;
}

}  // namespace chainlens
