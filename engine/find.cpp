// engine/find.cpp: a linear scan with exact, prefix and substring ranks; workspaces hold
// thousands of names, not millions, so no index is kept.
#include "engine/find.hpp"

#include <algorithm>
#include <optional>

namespace chainlens {

namespace {

std::string fold(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

std::optional<int> rank_of(const std::string& folded_text, std::string_view candidate) {
  if (candidate.empty()) return std::nullopt;
  const std::string c = fold(candidate);
  if (c == folded_text) return 0;
  if (c.rfind(folded_text, 0) == 0) return 1;
  if (c.find(folded_text) != std::string::npos) return 2;
  return std::nullopt;
}

// The best rank over the texts of one thing, and the text that gave it.
void consider(std::vector<FindHit>& hits, const std::string& q, FindHit hit, const std::vector<std::string_view>& texts) {
  std::optional<int> best;
  for (std::string_view t : texts) {
    const auto r = rank_of(q, t);
    if (r && (!best || *r < *best)) {
      best = r;
      hit.matched = std::string(t);
    }
  }
  if (!best) return;
  hit.rank = *best;
  hits.push_back(std::move(hit));
}

}  // namespace

const char* kind_name(FindHit::Kind k) {
  switch (k) {
    case FindHit::Kind::chain: return "chain";
    case FindHit::Kind::segment: return "segment";
    case FindHit::Kind::enterprise: return "enterprise";
  }
  return "";
}

static std::vector<FindHit> find_all(const Workspace& ws, std::string_view text) {
  std::vector<FindHit> hits;
  const std::string q = fold(text);
  if (q.empty()) return hits;
  for (const Chain& c : ws.chains) {
    consider(hits, q, {FindHit::Kind::chain, c.id, c.name.empty() ? c.id : c.name, "", "", 0}, {c.id, c.name, c.name_en});
    for (const Segment& s : c.segments)
      consider(hits, q, {FindHit::Kind::segment, s.id, s.name.empty() ? s.id : s.name, c.id, "", 0}, {s.id, s.name, s.name_en});
  }
  for (const Enterprise& e : ws.enterprises) {
    std::vector<std::string_view> texts{e.id, e.name};
    for (const std::string& a : e.detail().aliases) texts.push_back(a);
    consider(hits, q, {FindHit::Kind::enterprise, e.id.str(), (e.name.empty() ? e.id : e.name).str(), "", "", 0}, texts);
  }
  std::stable_sort(hits.begin(), hits.end(), [](const FindHit& a, const FindHit& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.id < b.id;
  });
  return hits;
}

std::vector<FindHit> find(const Workspace& ws, std::string_view text, std::size_t limit) {
  std::vector<FindHit> hits = find_all(ws, text);
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

Resolution resolve_name(const Workspace& ws, std::string_view text, FindHit::Kind kind) {
  Resolution r;
  std::vector<FindHit> hits = find_all(ws, text);
  std::erase_if(hits, [&](const FindHit& h) { return h.kind != kind; });
  for (FindHit& h : hits) {
    if (h.rank == 0 && r.hits.size() < 20) r.hits.push_back(h);
    if (h.rank > 0 && r.near.size() < 5) r.near.push_back(h);
  }
  if (!r.hits.empty()) r.near.clear();
  return r;
}

}  // namespace chainlens
