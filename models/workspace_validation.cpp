// models/workspace_validation.cpp: checks across files once everything is read:
// duplicate ids, references, leaf-only rules, parent cycles and region aliases.
#include "models/workspace_validation.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace chainlens {
namespace {

std::string at(const SourcePos& p) {
  return p.file + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
}

/// Reports the second and later definitions of an id; returns id -> first position.
template <class T, class IdOf>
std::unordered_map<std::string, SourcePos> unique_ids(const std::vector<T>& items, IdOf id_of,
                                                      const std::string& what, DiagnosticSink& sink) {
  std::unordered_map<std::string, SourcePos> first;
  for (const T& item : items) {
    auto [it, inserted] = first.emplace(id_of(item), item.pos);
    if (!inserted) sink.error(item.pos, "duplicate " + what + " id '" + id_of(item) + "'", "first defined at " + at(it->second));
  }
  return first;
}

std::vector<std::string> keys_of(const std::unordered_map<std::string, SourcePos>& m) {
  std::vector<std::string> out;
  out.reserve(m.size());
  for (const auto& [k, v] : m) out.push_back(k);
  std::sort(out.begin(), out.end());
  return out;
}

std::string did_you_mean(const std::string& id, const std::vector<std::string>& known) {
  // Edit distance over every id is quadratic on huge pools; hints matter for hand-edited files.
  if (known.size() > 20000) return {};
  const std::string close = closest_match(id, known);
  return close.empty() ? std::string() : "did you mean '" + close + "'?";
}

std::string list_children(const std::vector<std::string>& children) {
  std::string out;
  for (std::size_t i = 0; i < children.size() && i < 8; ++i) out += (i ? ", " : "") + children[i];
  if (children.size() > 8) out += ", ...";
  return out;
}

void check_regions(Workspace& ws, const std::vector<PendingRegion>& pending, DiagnosticSink& sink) {
  std::map<std::string, const Region*> alias_of;
  std::set<std::string> roots, paths;
  for (const Region& r : ws.regions) {
    if (!paths.insert(r.path.str()).second)
      sink.error(r.pos, "region '" + r.path.str() + "' is declared twice");
    roots.insert(r.path.parts().front());
    for (const std::string& a : r.aliases) {
      auto [it, inserted] = alias_of.emplace(a, &r);
      if (!inserted && it->second != &r)
        sink.error(r.pos, "alias '" + a + "' names two regions: '" + it->second->path.str() + "' and '" + r.path.str() + "'");
    }
  }
  // Equal locations share their parts (a bulk file names a few hundred places a million times).
  RegionPool pool;
  const auto resolve = [&](RegionPath& p, const SourcePos& pos) {
    if (p.empty()) return;
    const std::vector<std::string>& given = p.parts();
    if (auto it = alias_of.find(given.front()); it != alias_of.end()) {
      std::vector<std::string> parts = it->second->path.parts();
      parts.insert(parts.end(), given.begin() + 1, given.end());
      p = pool.intern(parts);
      return;
    }
    p = pool.intern(p.parts());
    // Without declared regions there is nothing to check a location against.
    if (ws.regions.empty() || roots.count(p.parts().front())) return;
    std::vector<std::string> known(roots.begin(), roots.end());
    for (const auto& [a, r] : alias_of) known.push_back(a);
    const std::string hint = did_you_mean(p.parts().front(), known);
    sink.error(pos, "unknown region or alias '" + p.parts().front() + "' in '" + p.str() + "'",
               hint.empty() ? "declare it under 'regions:', or start the path with a known root" : hint);
  };
  for (const PendingRegion& r : pending) {
    switch (r.owner) {
      case PendingRegion::Owner::workspace: resolve(ws.scope, r.pos); break;
      case PendingRegion::Owner::chain: resolve(*ws.chains[r.index].scope, r.pos); break;
      case PendingRegion::Owner::enterprise: resolve(ws.enterprises[r.index].location, r.pos); break;
    }
  }
}

void check_parent_cycles(const std::vector<const Segment*>& segments,
                         const std::unordered_map<std::string, const Segment*>& by_id, DiagnosticSink& sink) {
  std::set<std::string> reported;
  for (const Segment* s : segments) {
    std::vector<std::string> path{s->id};
    std::set<std::string> seen{s->id};
    const Segment* cur = s;
    while (!cur->parent.empty()) {
      auto it = by_id.find(cur->parent);
      if (it == by_id.end()) break;
      cur = it->second;
      path.push_back(cur->id);
      if (cur->id == s->id) {
        // Report each cycle once, at its smallest member.
        const std::string smallest = *std::min_element(path.begin(), path.end());
        if (smallest == s->id && reported.insert(s->id).second) {
          std::string chain;
          for (const std::string& p : path) chain += (chain.empty() ? "" : " -> ") + p;
          sink.error(s->pos, "parent cycle: " + chain, "a segment cannot be its own ancestor");
        }
        break;
      }
      if (!seen.insert(cur->id).second) break;  // a cycle further up; reported from there
    }
  }
}

// `group:` links are followed to the top (metrics.md v2 "link"): they must not loop.
void check_group_cycles(const Workspace& ws, DiagnosticSink& sink) {
  std::unordered_map<std::string, const Enterprise*> by_id;
  for (const Enterprise& e : ws.enterprises) by_id.emplace(e.id, &e);
  std::unordered_set<std::string_view> reported;
  for (const Enterprise& e : ws.enterprises) {
    std::unordered_set<std::string_view> seen{e.id};
    const Enterprise* cur = &e;
    while (!cur->group.empty()) {
      auto it = by_id.find(cur->group);
      if (it == by_id.end()) break;  // reported as an unknown enterprise
      cur = it->second;
      if (cur->id == e.id) {
        if (reported.insert(e.id).second)
          sink.error(e.pos, "group cycle through enterprise '" + e.id + "'", "a group's top must have no 'group'");
        break;
      }
      if (!seen.insert(cur->id).second) break;  // a loop further up, reported from its members
    }
  }
}

// Every id of the workspace, as the loader read it, against the one id rule.
void check_ids(const Workspace& ws, DiagnosticSink& sink) {
  const auto check = [&](std::string_view id, const SourcePos& pos, const char* what, bool file_name) {
    if (id.empty()) return;  // reported by the loader as missing
    const std::string why = id_problem(id, file_name);
    if (!why.empty())
      sink.error(pos, std::string(what) + " id '" + printable(id) + "' " + why,
                 "ids name files and links: letters, digits, '.', '-', '_' are safe");
  };
  for (const Source& s : ws.sources) check(s.id, s.pos, "source", false);
  for (const Chain& c : ws.chains) {
    check(c.id, c.pos, "chain", true);
    for (const Segment& s : c.segments) {
      check(s.id, s.pos, "segment", false);
      // A self-input is a self-loop (recycling: the Leontief diagonal, metrics.md), fine beside
      // other inputs; as the only input the segment has no upstream at all (issue 18: -nan).
      bool self = false, other = false;
      for (const SegmentInput& in : s.inputs) (in.from == s.id ? self : other) = true;
      if (self && !other)
        sink.error(s.pos, "segment '" + s.id + "' lists itself as its only input",
                   "a self-input (recycling) needs another input beside it; a first stage has no inputs");
    }
    for (const TargetList& l : c.target_lists) check(l.id, l.pos, "target list", false);
  }
  for (const Enterprise& e : ws.enterprises) check(e.id, e.pos, "enterprise", false);
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      static const char* hex = "0123456789ABCDEF";
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 15];
    } else {
      out += c;
    }
  }
  return out;
}

std::string control_char_problem(std::string_view text, bool multiline) {
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (multiline && (c == '\t' || c == '\n' || c == '\r')) continue;
    if (u < 0x20 || u == 0x7f) {
      static const char* hex = "0123456789ABCDEF";
      return std::string("contains a control character (U+00") + hex[u >> 4] + hex[u & 15] + ")";
    }
  }
  return {};
}

std::string id_problem(std::string_view id, bool file_name) {
  if (id.size() > kMaxIdBytes)
    return "is " + std::to_string(id.size()) + " bytes long, above the limit of " + std::to_string(kMaxIdBytes);
  if (std::string why = control_char_problem(id, false); !why.empty()) return why;
  if (id.find('/') != std::string_view::npos || id.find('\\') != std::string_view::npos)
    return "contains a path separator";
  if (id.front() == '.') return "starts with a dot";
  if (id.front() == ' ') return "starts with a space";
  if (file_name && id == "index") return "is reserved (the report index is index.*)";
  return {};
}

void validate_workspace(Workspace& ws, const std::vector<PendingRef>& refs,
                        const std::vector<PendingRegion>& regions, DiagnosticSink& sink,
                        const std::vector<BulkSupplyRange>& bulk_supplies) {
  const auto id = [](const auto& x) { return x.id; };
  const auto sources = unique_ids(ws.sources, id, "source", sink);
  unique_ids(ws.chains, id, "chain", sink);
  const auto enterprises = unique_ids(ws.enterprises, id, "enterprise", sink);

  std::vector<const Segment*> all_segments;
  std::vector<TargetList> lists;
  for (const Chain& c : ws.chains) {
    for (const Segment& s : c.segments) all_segments.push_back(&s);
    lists.insert(lists.end(), c.target_lists.begin(), c.target_lists.end());
  }
  std::unordered_map<std::string, const Segment*> segment_by_id;
  std::unordered_map<std::string, SourcePos> segment_pos;
  for (const Segment* s : all_segments) {
    auto [it, inserted] = segment_by_id.emplace(s->id, s);
    if (!inserted) sink.error(s->pos, "duplicate segment id '" + s->id + "'", "first defined at " + at(it->second->pos));
    segment_pos.emplace(s->id, s->pos);
  }
  unique_ids(lists, id, "target list", sink);

  std::unordered_map<std::string, std::vector<std::string>> children;
  for (const Segment* s : all_segments)
    if (!s->parent.empty() && segment_by_id.count(s->parent)) children[s->parent].push_back(s->id);
  for (auto& [p, kids] : children) std::sort(kids.begin(), kids.end());
  // Parents take part in the graph only through their children (metrics.md).
  for (const Segment* s : all_segments)
    if (children.count(s->id) && !s->inputs.empty())
      sink.error(s->pos, "segment '" + s->id + "' has children, so it cannot have inputs of its own",
                 "move the inputs to its children: " + list_children(children[s->id]));
  check_parent_cycles(all_segments, segment_by_id, sink);

  std::vector<std::string> segment_ids, enterprise_ids, source_ids;
  const auto lazy_keys = [](std::vector<std::string>& cache, const auto& map) -> const std::vector<std::string>& {
    if (cache.empty()) cache = keys_of(map);
    return cache;
  };
  for (const PendingRef& r : refs) {
    switch (r.kind) {
      case RefKind::segment:
      case RefKind::leaf_segment: {
        if (!segment_pos.count(r.id)) {
          sink.error(r.pos, "unknown segment '" + r.id + "' in " + r.context,
                     did_you_mean(r.id, lazy_keys(segment_ids, segment_pos)));
        } else if (r.kind == RefKind::leaf_segment && children.count(r.id)) {
          sink.error(r.pos, "segment '" + r.id + "' in " + r.context + " is a parent segment",
                     "name one of its children: " + list_children(children[r.id]));
        }
        break;
      }
      case RefKind::enterprise:
        if (!enterprises.count(r.id))
          sink.error(r.pos, "unknown enterprise '" + r.id + "' in " + r.context,
                     did_you_mean(r.id, lazy_keys(enterprise_ids, enterprises)));
        break;
      case RefKind::source:
        if (!sources.count(r.id))
          sink.error(r.pos, "unknown source '" + r.id + "' in " + r.context,
                     did_you_mean(r.id, lazy_keys(source_ids, sources)));
        break;
    }
  }
  // Each distinct id of the table is looked up once (a million firms, five million rows).
  const SupplyTable& table = ws.supply_table;
  enum : std::int8_t { unseen = -1, unknown, known, parent };
  const std::size_t ids = bulk_supplies.empty() ? 0 : table.id_count();
  std::vector<std::int8_t> firm_state(ids, unseen), segment_state(ids, unseen);
  const auto firm = [&](SupplyTable::Handle h) {
    if (firm_state[h] == unseen) firm_state[h] = enterprises.count(std::string(table.id(h))) ? known : unknown;
    return firm_state[h];
  };
  const auto segment = [&](SupplyTable::Handle h) {
    if (segment_state[h] == unseen) {
      const std::string id(table.id(h));
      segment_state[h] = !segment_pos.count(id) ? unknown : children.count(id) ? parent : known;
    }
    return segment_state[h];
  };
  for (const BulkSupplyRange& range : bulk_supplies)
    for (std::size_t i = range.begin; i < range.end; ++i) {
      const SourcePos pos{range.file, range.lines[i - range.begin], 1};
      for (const SupplyTable::Handle e : {table.from(i), table.to(i)})
        if (firm(e) == unknown) {
          const std::string id(table.id(e));
          sink.error(pos, "unknown enterprise '" + id + "' in a supply row",
                     did_you_mean(id, lazy_keys(enterprise_ids, enterprises)));
        }
      if (const std::int8_t st = segment(table.segment(i)); st != known) {
        const std::string id(table.segment_id(i));
        if (st == unknown)
          sink.error(pos, "unknown segment '" + id + "' in a supply row",
                     did_you_mean(id, lazy_keys(segment_ids, segment_pos)));
        else
          sink.error(pos, "segment '" + id + "' in a supply row is a parent segment",
                     "name one of its children: " + list_children(children[id]));
      }
      if (table.from(i) == table.to(i)) {
        const std::string id(table.from_id(i));
        sink.error(pos, "the supply " + id + " -> " + id + " supplies itself");
      }
    }
  check_group_cycles(ws, sink);
  check_ids(ws, sink);
  check_regions(ws, regions, sink);
}

}  // namespace chainlens
