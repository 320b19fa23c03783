// models/yaml_loader.cpp: reads workspace files into the plain model types. Every
// problem becomes a diagnostic at file:line:col; nothing stops at the first one.
#include "models/yaml_loader.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <initializer_list>
#include <set>
#include <optional>
#include <sstream>
#include <unordered_map>

#include "models/bulk_reader.hpp"
#include "models/read_file.hpp"
#include "models/utf8.hpp"
#include "models/supply_reader.hpp"
#include "models/content_hash.hpp"
#include "models/enum_names.hpp"
#include "models/workspace_validation.hpp"
#include "models/number_text.hpp"

namespace chainlens {
namespace {

namespace fs = std::filesystem;

std::string kind_of(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return "'" + n.Scalar() + "'";
    default: return "nothing";
  }
}

std::string join_words(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) out += i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

/// 1-based line and column in characters (yaml-cpp's marks count bytes, editors
/// count characters, and Chinese text is three bytes a character).
SourcePos position(const std::string& file, std::string_view text, const YAML::Mark& m) {
  if (m.is_null()) return {file, 0, 0};
  const std::size_t end = std::min<std::size_t>(static_cast<std::size_t>(m.pos), text.size());
  const std::size_t start = static_cast<std::size_t>(m.column) <= end ? end - static_cast<std::size_t>(m.column) : 0;
  int column = 1;
  for (std::size_t i = start; i < end; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xc0) != 0x80) ++column;
  return {file, m.line + 1, column};
}

/// "chain 'x'" when the mapping has an id, else "a chain": for messages about its keys.
std::string named(const YAML::Node& n, const std::string& kind, const std::string& article) {
  if (n.IsMap()) {
    for (auto it = n.begin(); it != n.end(); ++it)
      if (it->first.IsScalar() && it->first.Scalar() == "id" && it->second.IsScalar())
        return kind + " '" + it->second.Scalar() + "'";
  }
  return article + " " + kind;
}

/// `use: ID` in a workspace file: what it adds to a registry enterprise.
struct EnterpriseUse {
  std::string id;
  SourcePos pos, id_pos;
  Enterprise part;  // segments, role, capacity, declared, note, source as written
  bool status_given = false;
};

/// `include:` of the workspace section, relative to the file that says it.
struct IncludeRef {
  std::string path, from_file;
  SourcePos pos;
};

struct Field {
  std::string key;
  YAML::Node key_node, value;
};

/// The checked keys of one YAML mapping, in file order.
class Fields {
 public:
  const Field* get(std::string_view key) const {
    for (const Field& f : fields_)
      if (f.key == key) return &f;
    return nullptr;
  }
  std::vector<Field> fields_;
  SourcePos pos;  // of the mapping itself
};

/// Walks one file's YAML, stamping positions on every diagnostic.
class FileReader {
 public:
  FileReader(std::string file, std::string_view text, DiagnosticSink& sink, Workspace& ws,
             std::vector<PendingRef>& refs, std::vector<PendingRegion>& regions,
             std::optional<SourcePos>& workspace_seen, const LoadLimits& limits,
             std::vector<EnterpriseUse>& uses, std::vector<IncludeRef>& includes)
      : file_(std::move(file)), text_(text), sink_(sink), ws_(ws), refs_(refs), regions_(regions),
        workspace_seen_(workspace_seen), limits_(limits), uses_(uses), includes_(includes) {}

  void read_document(const YAML::Node& root);

 private:
  // As position(), but counting on from the last mark of the same line instead of from its start
  // each time: one line holding 100k inputs was quadratic (issue 18).
  SourcePos pos(const YAML::Node& n) const {
    const YAML::Mark m = n.Mark();
    if (m.is_null()) return {file_, 0, 0};
    const std::size_t end = std::min<std::size_t>(static_cast<std::size_t>(m.pos), text_.size());
    const std::size_t start = static_cast<std::size_t>(m.column) <= end ? end - static_cast<std::size_t>(m.column) : 0;
    if (m.line != line_ || at_ < start || at_ > end) line_ = m.line, at_ = start, column_ = 1;
    for (; at_ < end; ++at_)
      if ((static_cast<unsigned char>(text_[at_]) & 0xc0) != 0x80) ++column_;
    return {file_, m.line + 1, column_};
  }
  void error(const YAML::Node& n, std::string message, std::string hint = {}) {
    sink_.error(pos(n), std::move(message), std::move(hint));
  }
  bool over_budget() {
    // YAML aliases can make a small file expand into a huge tree: cap the work.
    if (++visits_ <= limits_.max_entries) return false;
    if (visits_ == limits_.max_entries + 1)
      sink_.error({file_, 1, 1}, "the document expands to more than " + std::to_string(limits_.max_entries) +
                                     " entries", "are YAML aliases (*name) repeating large parts? raise the limit with --max-entries", true);
    return true;
  }

  /// Checks that `n` is a mapping with only `allowed` keys and no key twice.
  std::optional<Fields> mapping(const YAML::Node& n, const std::string& what,
                                std::initializer_list<std::string_view> allowed) {
    if (!n.IsMap()) {
      error(n, what + " must be a mapping, got " + kind_of(n));
      return std::nullopt;
    }
    Fields out;
    out.pos = pos(n);
    for (auto it = n.begin(); it != n.end(); ++it) {
      const YAML::Node key = it->first;
      if (!key.IsScalar()) {
        error(key, "a key in " + what + " must be a plain word, got " + kind_of(key));
        continue;
      }
      const std::string& k = key.Scalar();
      if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
        const std::vector<std::string> words(allowed.begin(), allowed.end());
        const std::string close = closest_match(k, words);
        std::vector<std::string_view> sorted(allowed.begin(), allowed.end());
        std::sort(sorted.begin(), sorted.end());
        error(key, "unknown key '" + k + "' in " + what,
              close.empty() ? "expected one of " + join_words(sorted) : "did you mean '" + close + "'?");
        continue;
      }
      if (const Field* first = out.get(k)) {
        const SourcePos p = pos(first->key_node);
        error(key, "duplicate key '" + k + "' in " + what, "first at line " + std::to_string(p.line));
        continue;
      }
      out.fields_.push_back(Field{k, key, it->second});
    }
    return out;
  }

  std::string text(const Fields& m, const char* key, const std::string& what, bool required = false) {
    const Field* f = m.get(key);
    if (!f || f->value.IsNull()) {
      if (required) sink_.error(m.pos, what + " is missing '" + key + "'");
      return {};
    }
    if (!f->value.IsScalar()) {
      error(f->value, "'" + std::string(key) + "' of " + what + " must be a text, got " + kind_of(f->value));
      return {};
    }
    const std::string& s = f->value.Scalar();
    if (s.size() > limits_.max_string) {
      error(f->value, "'" + std::string(key) + "' of " + what + " is " + std::to_string(s.size()) +
                          " bytes long, above the limit of " + std::to_string(limits_.max_string),
            "raise it with --max-string");
      return {};
    }
    if (required && s.empty()) error(f->value, "'" + std::string(key) + "' of " + what + " must not be empty");
    // Control characters break diagrams and CSV cells (issue 18); tabs and line ends are text.
    if (const std::string why = control_char_problem(s); !why.empty()) {
      error(f->value, "'" + std::string(key) + "' of " + what + " " + why, "remove it from the text");
      return {};
    }
    return s;
  }

  std::optional<double> number(const YAML::Node& v, const std::string& label) {
    if (!v.IsScalar()) {
      error(v, label + " must be a number, got " + kind_of(v));
      return std::nullopt;
    }
    const std::string& s = v.Scalar();
    double d = 0;
    const char* end = s.data() + s.size();
    auto r = std::from_chars(s.data(), end, d);
    if (r.ec == std::errc::result_out_of_range && r.ptr == end && underflows_to_finite(s, d)) r.ec = std::errc();
    if (r.ec == std::errc::result_out_of_range || (r.ec == std::errc() && r.ptr == end && !std::isfinite(d))) {
      error(v, label + " must be a finite number, got '" + s + "'");
      return std::nullopt;
    }
    if (r.ec != std::errc() || r.ptr != end) {
      error(v, label + " must be a number, got '" + s + "'");
      return std::nullopt;
    }
    return d;
  }

  std::optional<double> number(const Fields& m, const char* key, const std::string& what, bool required = false) {
    const Field* f = m.get(key);
    if (!f || f->value.IsNull()) {
      if (required) sink_.error(m.pos, what + " is missing '" + key + "'");
      return std::nullopt;
    }
    return number(f->value, "'" + std::string(key) + "' of " + what);
  }

  std::optional<double> non_negative(const Fields& m, const char* key, const std::string& what,
                                     bool required = false) {
    auto v = number(m, key, what, required);
    if (v && *v < 0) {
      error(m.get(key)->value, "'" + std::string(key) + "' of " + what + " must not be negative, got " +
                                   m.get(key)->value.Scalar());
      return std::nullopt;
    }
    return v;
  }

  std::optional<int> year(const Fields& m, const std::string& what) {
    auto v = number(m, "year", what);
    if (!v) return std::nullopt;
    if (*v != std::floor(*v) || *v < 1000 || *v > 9999) {
      error(m.get("year")->value, "'year' of " + what + " must be a four-digit year, got " +
                                      m.get("year")->value.Scalar());
      return std::nullopt;
    }
    return static_cast<int>(*v);
  }

  std::optional<bool> boolean(const Fields& m, const char* key, const std::string& what) {
    const Field* f = m.get(key);
    if (!f || f->value.IsNull()) return std::nullopt;
    const std::string s = f->value.IsScalar() ? f->value.Scalar() : std::string();
    if (s == "true" || s == "yes") return true;
    if (s == "false" || s == "no") return false;
    error(f->value, "'" + std::string(key) + "' of " + what + " must be true or false, got " + kind_of(f->value));
    return std::nullopt;
  }

  template <class E>
  std::optional<E> word(const Fields& m, const char* key, const std::string& what) {
    const std::string s = text(m, key, what);
    if (s.empty()) return std::nullopt;
    if (auto v = enum_from_string<E>(s)) return v;
    const auto words = enum_words<E>();
    const std::string close = closest_match(s, std::vector<std::string>(words.begin(), words.end()));
    error(m.get(key)->value, "unknown " + std::string(key) + " '" + s + "' in " + what,
          close.empty() ? "expected " + join_words(words) : "did you mean '" + close + "'?");
    return std::nullopt;
  }

  /// A list of texts; `refs` of `kind` are checked once the whole workspace is read.
  std::vector<std::string> text_list(const Fields& m, const char* key, const std::string& what,
                                     std::optional<RefKind> kind = std::nullopt) {
    std::vector<std::string> out;
    const Field* f = m.get(key);
    if (!f || f->value.IsNull()) return out;
    if (!f->value.IsSequence()) {
      error(f->value, "'" + std::string(key) + "' of " + what + " must be a list, got " + kind_of(f->value),
            "write [" + (f->value.IsScalar() ? f->value.Scalar() : std::string("...")) + "]");
      return out;
    }
    for (const YAML::Node& item : f->value) {
      if (over_budget()) break;
      if (!item.IsScalar() || item.Scalar().empty()) {
        error(item, "each entry of '" + std::string(key) + "' in " + what + " must be a text, got " + kind_of(item));
        continue;
      }
      out.push_back(item.Scalar());
      if (kind) refs_.push_back({*kind, item.Scalar(), pos(item), "'" + std::string(key) + "' of " + what});
    }
    return out;
  }

  void ref(const Fields& m, const char* key, const std::string& id, RefKind kind, const std::string& what) {
    if (id.empty()) return;
    refs_.push_back({kind, id, pos(m.get(key)->value), "'" + std::string(key) + "' of " + what});
  }

  /// `source: {id, quote}` or `{note}`.
  SourceRef source(const Fields& m, const std::string& what) {
    SourceRef s;
    const Field* f = m.get("source");
    if (!f || f->value.IsNull()) return s;
    const std::string label = "the source of " + what;
    auto sm = mapping(f->value, label, {"id", "quote", "note"});
    if (!sm) return s;
    s.pos = pos(f->value);
    s.id = text(*sm, "id", label);
    s.quote = text(*sm, "quote", label);
    s.note = text(*sm, "note", label);
    if (!s.id.empty() && s.quote.empty())
      sink_.error(s.pos, label + " names document '" + s.id + "' but no quote", "add quote: \"...\" copied from it");
    else if (s.id.empty() && !s.quote.empty())
      sink_.error(s.pos, label + " has a quote but no document id", "add id: with a sources entry");
    else if (s.id.empty() && s.note.empty())
      sink_.error(s.pos, label + " is empty", "write {id, quote} or {note}");
    if (!s.id.empty()) refs_.push_back({RefKind::source, s.id, pos(sm->get("id")->value), label});
    return s;
  }

  template <class F>
  void each(const YAML::Node& list, const std::string& what, F&& fn) {
    if (list.IsNull()) return;
    if (!list.IsSequence()) {
      error(list, what + " must be a list, got " + kind_of(list));
      return;
    }
    for (const YAML::Node& item : list) {
      if (over_budget()) return;
      fn(item);
    }
  }

  RegionPath region_path(const Fields& m, const char* key, const std::string& what, bool required) {
    const std::string s = text(m, key, what, required);
    return RegionPath::parse(s);
  }

  void read_workspace(const YAML::Node& n);
  void read_source(const YAML::Node& n);
  void read_region(const YAML::Node& n);
  void read_chain(const YAML::Node& n);
  void read_segment(const YAML::Node& n, Chain& c);
  void read_inputs(const Fields& m, Segment& s, const std::string& what);
  void read_enterprise(const YAML::Node& n);
  void read_use(const YAML::Node& n);
  void read_enterprise_segments(const Fields& m, const std::string& what, Enterprise& e);
  void read_capacity(const Fields& m, const std::string& what, std::map<std::string, double>& capacity);
  std::vector<Declared> read_declared(const Fields& m, const std::string& what);
  void read_supply(const YAML::Node& n);
  void read_demand(const YAML::Node& n);

  std::string file_;
  std::string_view text_;
  mutable int line_ = -1, column_ = 1;  // pos(): the last mark's line and column, counted up to at_
  mutable std::size_t at_ = 0;
  DiagnosticSink& sink_;
  Workspace& ws_;
  std::vector<PendingRef>& refs_;
  std::vector<PendingRegion>& regions_;
  std::optional<SourcePos>& workspace_seen_;
  const LoadLimits& limits_;
  std::vector<EnterpriseUse>& uses_;
  std::vector<IncludeRef>& includes_;
  std::size_t visits_ = 0;
};

void FileReader::read_document(const YAML::Node& root) {
  if (root.IsNull()) return;  // an empty file adds nothing
  auto top = mapping(root, "the file's top level",
                     {"workspace", "sources", "regions", "chains", "enterprises", "supplies", "demand"});
  if (!top) return;
  for (const Field& f : top->fields_) {
    if (f.key == "workspace") read_workspace(f.value);
    else if (f.key == "sources") each(f.value, "'sources'", [&](const YAML::Node& n) { read_source(n); });
    else if (f.key == "regions") each(f.value, "'regions'", [&](const YAML::Node& n) { read_region(n); });
    else if (f.key == "chains") each(f.value, "'chains'", [&](const YAML::Node& n) { read_chain(n); });
    else if (f.key == "enterprises") each(f.value, "'enterprises'", [&](const YAML::Node& n) { read_enterprise(n); });
    else if (f.key == "supplies") each(f.value, "'supplies'", [&](const YAML::Node& n) { read_supply(n); });
    else if (f.key == "demand") each(f.value, "'demand'", [&](const YAML::Node& n) { read_demand(n); });
  }
}

void FileReader::read_workspace(const YAML::Node& n) {
  auto m = mapping(n, "'workspace'", {"name", "scope", "scoring", "importance", "include", "note"});
  if (!m) return;
  // `workspace:` may appear once in the whole workspace, whichever file holds it.
  if (workspace_seen_) {
    sink_.error(m->pos, "a second 'workspace' section",
                "the first is at " + workspace_seen_->file + ":" + std::to_string(workspace_seen_->line));
    return;
  }
  workspace_seen_ = m->pos;
  ws_.name = text(*m, "name", "'workspace'");
  ws_.scope = region_path(*m, "scope", "'workspace'", false);
  if (const Field* s = m->get("scope"); s && !ws_.scope.empty())
    regions_.push_back({PendingRegion::Owner::workspace, 0, pos(s->value)});
  if (const Field* f = m->get("include"); f && !f->value.IsNull()) {
    // Shared registries (workspace-format.md "Includes"): resolved against this file's folder.
    for (const std::string& inc : text_list(*m, "include", "'workspace'")) {
      ws_.includes.push_back(inc);
      includes_.push_back({inc, file_, pos(f->value)});
    }
  }
  if (const Field* f = m->get("scoring"); f && !f->value.IsNull()) {
    auto sm = mapping(f->value, "'scoring'",
                      {"gap", "fit", "strength", "link", "related", "listed", "revenue_ref", "unknown_strength"});
    if (sm) {
      ScoreWeights& w = ws_.scoring;
      for (auto [key, target] : {std::pair{"gap", &w.gap}, std::pair{"fit", &w.fit}, std::pair{"strength", &w.strength},
                                 std::pair{"link", &w.link}, std::pair{"related", &w.related},
                                 std::pair{"listed", &w.listed}})
        if (auto v = non_negative(*sm, key, "'scoring'")) *target = *v;
      if (auto v = number(*sm, "revenue_ref", "'scoring'")) {
        if (*v <= 0) error(sm->get("revenue_ref")->value, "'revenue_ref' of 'scoring' must be above 0");
        else w.revenue_ref = *v;
      }
      if (auto v = number(*sm, "unknown_strength", "'scoring'")) {
        if (*v < 0 || *v > 1) error(sm->get("unknown_strength")->value, "'unknown_strength' of 'scoring' must be in [0, 1]");
        else w.unknown_strength = *v;
      }
      if (w.gap + w.fit + w.strength + w.link + w.related + w.listed <= 0)
        sink_.error(sm->pos, "the weights of 'scoring' sum to 0", "give at least one weight above 0");
    }
  }
  if (const Field* f = m->get("importance"); f && !f->value.IsNull()) {
    auto im = mapping(f->value, "'importance'", {"value", "dependence", "plan", "import"});
    if (im) {
      ImportanceWeights& w = ws_.importance;
      for (auto [key, target] : {std::pair{"value", &w.value}, std::pair{"dependence", &w.dependence},
                                 std::pair{"plan", &w.plan}, std::pair{"import", &w.import}})
        if (auto v = non_negative(*im, key, "'importance'")) *target = *v;
      if (w.value + w.dependence + w.plan + w.import <= 0)
        sink_.error(im->pos, "the weights of 'importance' sum to 0", "give at least one weight above 0");
    }
  }
}

void FileReader::read_source(const YAML::Node& n) {
  auto m = mapping(n, named(n, "source", "a"), {"id", "title", "file", "year", "url", "note"});
  if (!m) return;
  Source s;
  s.pos = m->pos;
  s.id = text(*m, "id", "a source", true);
  const std::string what = "source '" + s.id + "'";
  s.title = text(*m, "title", what);
  s.file = text(*m, "file", what);
  s.year = year(*m, what);
  if (!s.id.empty()) ws_.sources.push_back(std::move(s));
}

void FileReader::read_region(const YAML::Node& n) {
  auto m = mapping(n, "a region", {"path", "aliases", "note"});
  if (!m) return;
  Region r;
  r.pos = m->pos;
  r.path = region_path(*m, "path", "a region", true);
  r.aliases = text_list(*m, "aliases", "region '" + r.path.str() + "'");
  if (!r.path.empty()) ws_.regions.push_back(std::move(r));
}

void FileReader::read_chain(const YAML::Node& n) {
  auto m = mapping(n, named(n, "chain", "a"), {"id", "name", "name_en", "scope", "goals", "segments", "gaps",
                                  "target_lists", "declared", "note", "source"});
  if (!m) return;
  Chain c;
  c.pos = m->pos;
  c.id = text(*m, "id", "a chain", true);
  const std::string what = "chain '" + c.id + "'";
  c.name = text(*m, "name", what);
  if (c.name.empty()) c.name = c.id;
  c.name_en = text(*m, "name_en", what);
  c.note = text(*m, "note", what);
  c.source = source(*m, what);
  const std::size_t index = ws_.chains.size();
  const std::size_t pending_regions = regions_.size();
  if (const Field* s = m->get("scope"); s && !s->value.IsNull()) {
    c.scope = region_path(*m, "scope", what, false);
    regions_.push_back({PendingRegion::Owner::chain, index, pos(s->value)});
  }
  if (const Field* f = m->get("segments"))
    each(f->value, "'segments' of " + what, [&](const YAML::Node& s) { read_segment(s, c); });
  if (const Field* f = m->get("goals"))
    each(f->value, "'goals' of " + what, [&](const YAML::Node& g) {
      auto gm = mapping(g, "a goal of " + what, {"metric", "value", "unit", "year", "note", "source"});
      if (!gm) return;
      Goal goal;
      goal.pos = gm->pos;
      goal.metric = text(*gm, "metric", "a goal of " + what, true);
      const std::string gw = "goal '" + goal.metric + "' of " + what;
      goal.value = number(*gm, "value", gw, true).value_or(0);
      goal.unit = text(*gm, "unit", gw);
      goal.year = year(*gm, gw);
      goal.note = text(*gm, "note", gw);
      goal.source = source(*gm, gw);
      c.goals.push_back(std::move(goal));
    });
  if (const Field* f = m->get("gaps"))
    each(f->value, "'gaps' of " + what, [&](const YAML::Node& g) {
      auto gm = mapping(g, "a gap of " + what, {"segment", "kind", "note", "source"});
      if (!gm) return;
      DeclaredGap gap;
      gap.pos = gm->pos;
      gap.segment = text(*gm, "segment", "a gap of " + what, true);
      const std::string gw = "the gap on '" + gap.segment + "' in " + what;
      ref(*gm, "segment", gap.segment, RefKind::segment, gw);
      if (auto k = word<DeclaredGapKind>(*gm, "kind", gw)) gap.kind = *k;
      else if (!gm->get("kind")) sink_.error(gm->pos, gw + " is missing 'kind'");
      gap.note = text(*gm, "note", gw);
      gap.source = source(*gm, gw);
      c.gaps.push_back(std::move(gap));
    });
  if (const Field* f = m->get("target_lists"))
    each(f->value, "'target_lists' of " + what, [&](const YAML::Node& t) {
      auto tm = mapping(t, "a target list of " + what, {"id", "name", "enterprises", "note", "source"});
      if (!tm) return;
      TargetList list;
      list.pos = tm->pos;
      list.id = text(*tm, "id", "a target list of " + what, true);
      const std::string tw = "target list '" + list.id + "'";
      list.name = text(*tm, "name", tw);
      list.enterprises = text_list(*tm, "enterprises", tw, RefKind::enterprise);
      list.source = source(*tm, tw);
      c.target_lists.push_back(std::move(list));
    });
  c.declared = read_declared(*m, what);
  // A chain without an id is reported and dropped: so is its scope's pending resolution,
  // which would otherwise point at the next chain's index (found by fuzz_yaml).
  if (!c.id.empty()) ws_.chains.push_back(std::move(c));
  else regions_.resize(pending_regions);
}

void FileReader::read_segment(const YAML::Node& n, Chain& c) {
  auto m = mapping(n, n.IsMap() ? named(n, "segment", "a") : "a segment of chain '" + c.id + "'",
                   {"id", "name", "name_en", "stage", "type", "parent", "input_intensity", "final_demand",
                    "value_added", "inputs", "unit", "note", "source"});
  if (!m) return;
  Segment s;
  s.pos = m->pos;
  s.id = text(*m, "id", "a segment of chain '" + c.id + "'", true);
  const std::string what = "segment '" + s.id + "'";
  s.name = text(*m, "name", what);
  if (s.name.empty()) s.name = s.id;
  s.name_en = text(*m, "name_en", what);
  s.stage = word<Stage>(*m, "stage", what);
  s.type = word<SegmentType>(*m, "type", what);
  s.value_added = word<ValueAdded>(*m, "value_added", what);
  s.parent = text(*m, "parent", what);
  ref(*m, "parent", s.parent, RefKind::segment, what);
  s.unit = text(*m, "unit", what);
  if (auto phi = number(*m, "input_intensity", what)) {
    if (*phi < 0 || *phi >= 1)
      error(m->get("input_intensity")->value,
            "'input_intensity' of " + what + " must be in [0, 1), got " + m->get("input_intensity")->value.Scalar(),
            "it is the share of output value bought from chain inputs");
    else
      s.input_intensity = phi;
  }
  s.final_demand = non_negative(*m, "final_demand", what);
  read_inputs(*m, s, what);
  s.source = source(*m, what);
  if (!s.id.empty()) c.segments.push_back(std::move(s));
}

void FileReader::read_inputs(const Fields& m, Segment& s, const std::string& what) {
  const Field* f = m.get("inputs");
  if (!f) return;
  double given = 0;
  std::set<std::string> listed;  // not a scan of the inputs so far: 100k inputs were quadratic (issue 18)
  each(f->value, "'inputs' of " + what, [&](const YAML::Node& in) {
    SegmentInput input;
    YAML::Node at = in;
    if (in.IsScalar()) {
      input.from = in.Scalar();
    } else {
      auto im = mapping(in, "an input of " + what, {"from", "share", "source"});
      if (!im) return;
      input.from = text(*im, "from", "an input of " + what, true);
      if (const Field* sh = im->get("share")) {
        if (auto v = number(sh->value, "'share' of input '" + input.from + "' of " + what)) {
          if (*v <= 0 || *v > 1)
            error(sh->value, "'share' of input '" + input.from + "' of " + what + " must be in (0, 1], got " +
                                 sh->value.Scalar());
          else
            input.share = v, given += *v;
        }
      }
      input.source = source(*im, "input '" + input.from + "' of " + what);
      if (const Field* fr = im->get("from")) at = fr->value;
    }
    if (input.from.empty()) return;
    if (!listed.insert(input.from).second) {
      error(at, "input '" + input.from + "' is listed twice in " + what);
      return;
    }
    refs_.push_back({RefKind::leaf_segment, input.from, pos(at), "an input of " + what});
    s.inputs.push_back(std::move(input));
  });
  if (given > 1 + 1e-9) {
    std::ostringstream sum;
    sum << given;
    error(f->value, "the input shares of " + what + " add up to " + sum.str() + ", above 1",
          "shares are fractions of the segment's chain inputs");
  }
}

std::vector<Declared> FileReader::read_declared(const Fields& m, const std::string& what) {
  std::vector<Declared> out;
  const Field* f = m.get("declared");
  if (!f) return out;
  each(f->value, "'declared' of " + what, [&](const YAML::Node& n) {
    auto dm = mapping(n, "a declared figure of " + what, {"metric", "value", "bound", "segment", "note", "source"});
    if (!dm) return;
    Declared d;
    d.pos = dm->pos;
    d.metric = text(*dm, "metric", "a declared figure of " + what, true);
    const std::string dw = "declared '" + d.metric + "' of " + what;
    d.value = number(*dm, "value", dw, true).value_or(0);
    if (auto b = word<Bound>(*dm, "bound", dw)) d.bound = *b;
    d.segment = text(*dm, "segment", dw);
    ref(*dm, "segment", d.segment, RefKind::segment, dw);
    d.note = text(*dm, "note", dw);
    d.source = source(*dm, dw);
    out.push_back(std::move(d));
  });
  return out;
}

bool has_key(const YAML::Node& n, std::string_view key) {
  if (!n.IsMap()) return false;
  for (auto it = n.begin(); it != n.end(); ++it)
    if (it->first.IsScalar() && it->first.Scalar() == key) return true;
  return false;
}

void FileReader::read_enterprise_segments(const Fields& m, const std::string& what, Enterprise& e) {
  if (const Field* f = m.get("segments"); f && !f->value.IsNull()) {
    if (!f->value.IsSequence()) {
      error(f->value, "'segments' of " + what + " must be a list, got " + kind_of(f->value),
            "write [" + (f->value.IsScalar() ? f->value.Scalar() : std::string("...")) + "]");
    } else {
      for (const YAML::Node& item : f->value) {
        if (over_budget()) break;
        std::string id;
        YAML::Node at = item;
        bool inferred = false;
        if (item.IsScalar()) {
          id = item.Scalar();
        } else {
          auto sm = mapping(item, "a segment of " + what, {"id", "confidence"});
          if (!sm) continue;
          id = text(*sm, "id", "a segment of " + what, true);
          if (const Field* idf = sm->get("id")) at = idf->value;
          inferred = word<Confidence>(*sm, "confidence", "segment '" + id + "' of " + what) == Confidence::inferred;
        }
        if (id.empty()) continue;
        if (std::find(e.segments.begin(), e.segments.end(), id) != e.segments.end()) {
          error(at, "segment '" + id + "' is listed twice in " + what);
          continue;
        }
        e.segments.push_back(id);
        if (inferred) e.edit_detail().inferred_segments.push_back(id);
        refs_.push_back({RefKind::leaf_segment, id, pos(at), "'segments' of " + what});
      }
    }
  }
}

void FileReader::read_capacity(const Fields& m, const std::string& what, std::map<std::string, double>& capacity) {
  if (const Field* f = m.get("capacity"); f && !f->value.IsNull()) {
    if (!f->value.IsMap()) {
      error(f->value, "'capacity' of " + what + " must be a mapping of segment: amount, got " + kind_of(f->value));
    } else {
      for (auto it = f->value.begin(); it != f->value.end(); ++it) {
        const std::string seg = it->first.IsScalar() ? it->first.Scalar() : std::string();
        auto v = number(it->second, "capacity of '" + seg + "' in " + what);
        if (v && *v < 0) error(it->second, "capacity of '" + seg + "' in " + what + " must not be negative");
        else if (v && !seg.empty()) {
          capacity[seg] = *v;
          refs_.push_back({RefKind::leaf_segment, seg, pos(it->first), "'capacity' of " + what});
        }
      }
    }
  }
}

void FileReader::read_enterprise(const YAML::Node& n) {
  if (has_key(n, "use")) return read_use(n);
  auto m = mapping(n, named(n, "enterprise", "an"), {"id", "name", "aliases", "location", "segments", "role", "status",
                                        "kind", "group", "revenue", "revenue_year", "listed", "capacity", "declared",
                                        "note", "source"});
  if (!m) return;
  Enterprise e;
  e.pos = m->pos;
  TextPool& pool = *ws_.text_pool;
  e.id = PooledText(pool, text(*m, "id", "an enterprise", true));
  const std::string what = "enterprise '" + e.id + "'";
  e.name = PooledText(pool, text(*m, "name", what));
  if (e.name.empty()) e.name = e.id;
  EnterpriseDetail d;
  d.aliases = text_list(*m, "aliases", what);
  e.location = region_path(*m, "location", what, true);
  const std::size_t pending_regions = regions_.size();
  if (const Field* f = m->get("location"); f && !e.location.empty())
    regions_.push_back({PendingRegion::Owner::enterprise, ws_.enterprises.size(), pos(f->value)});
  read_enterprise_segments(*m, what, e);
  e.role = word<Role>(*m, "role", what);
  if (auto st = word<EnterpriseStatus>(*m, "status", what)) e.status = *st;
  if (auto k = word<EnterpriseKind>(*m, "kind", what)) e.kind = *k;
  e.group = text(*m, "group", what);
  ref(*m, "group", e.group, RefKind::enterprise, what);
  if (!e.group.empty() && e.group == e.id) error(m->get("group")->value, what + " names itself as its group");
  e.revenue = non_negative(*m, "revenue", what);
  if (auto y = number(*m, "revenue_year", what)) {
    if (*y != std::floor(*y) || *y < 1900 || *y > 2100)
      error(m->get("revenue_year")->value, "'revenue_year' of " + what + " must be a four-digit year, got " +
                                               m->get("revenue_year")->value.Scalar());
    else
      e.revenue_year = static_cast<int>(*y);
  }
  e.listed = boolean(*m, "listed", what);
  read_capacity(*m, what, d.capacity);
  d.declared = read_declared(*m, what);
  d.note = text(*m, "note", what);
  d.source = source(*m, what);
  // Inferred segments went into the detail as the segments were read.
  if (e.more.has_value()) d.inferred_segments = std::move(e.edit_detail().inferred_segments);
  if (!d.empty()) e.edit_detail() = std::move(d);
  if (!e.id.empty()) ws_.enterprises.push_back(std::move(e));
  else regions_.resize(pending_regions);  // as for chains: no dangling index
}

// `use: ID` (workspace-format.md "Includes"): a registry enterprise operating in this
// workspace's segments. Merged into the record once every file is read.
void FileReader::read_use(const YAML::Node& n) {
  auto m = mapping(n, "a 'use' entry", {"use", "segments", "role", "status", "capacity", "declared", "note", "source"});
  if (!m) return;
  EnterpriseUse u;
  u.pos = m->pos;
  u.id = text(*m, "use", "a 'use' entry", true);
  const std::string what = "the use of enterprise '" + u.id + "'";
  if (const Field* f = m->get("use")) u.id_pos = pos(f->value);
  read_enterprise_segments(*m, what, u.part);
  u.part.role = word<Role>(*m, "role", what);
  if (m->get("status")) {
    if (auto st = word<EnterpriseStatus>(*m, "status", what)) u.part.status = *st, u.status_given = true;
  }
  EnterpriseDetail& d = u.part.edit_detail();
  read_capacity(*m, what, d.capacity);
  d.declared = read_declared(*m, what);
  d.note = text(*m, "note", what);
  d.source = source(*m, what);
  if (!u.id.empty()) uses_.push_back(std::move(u));
}

void FileReader::read_supply(const YAML::Node& n) {
  auto m = mapping(n, "a supply relation", {"from", "to", "segment", "value", "confidence", "note", "source"});
  if (!m) return;
  Supply s;
  s.pos = m->pos;
  s.from = text(*m, "from", "a supply relation", true);
  s.to = text(*m, "to", "a supply relation", true);
  s.segment = text(*m, "segment", "a supply relation", true);
  const std::string what = "the supply " + s.from + " -> " + s.to;
  ref(*m, "from", s.from, RefKind::enterprise, what);
  ref(*m, "to", s.to, RefKind::enterprise, what);
  ref(*m, "segment", s.segment, RefKind::leaf_segment, what);
  if (!s.from.empty() && s.from == s.to) sink_.error(m->pos, what + " supplies itself");
  s.value = non_negative(*m, "value", what);
  if (auto c = word<Confidence>(*m, "confidence", what)) s.confidence = *c;
  s.source = source(*m, what);
  ws_.supplies.push_back(std::move(s));
}

void FileReader::read_demand(const YAML::Node& n) {
  auto m = mapping(n, "a demand entry", {"segment", "value", "unit", "note", "source"});
  if (!m) return;
  Demand d;
  d.pos = m->pos;
  d.segment = text(*m, "segment", "a demand entry", true);
  const std::string what = "the demand for '" + d.segment + "'";
  ref(*m, "segment", d.segment, RefKind::leaf_segment, what);
  d.value = non_negative(*m, "value", what, true).value_or(0);
  d.unit = text(*m, "unit", what);
  d.source = source(*m, what);
  ws_.demand.push_back(std::move(d));
}

/// An upper estimate of the nesting depth, found without recursion, so that the
/// recursive YAML parser never sees input deep enough to overflow the stack.
std::pair<std::size_t, std::pair<int, int>> nesting_depth(std::string_view s) {
  std::size_t flow = 0, worst = 0;
  std::vector<std::size_t> indents;
  int line = 1, worst_line = 1, worst_col = 1;
  std::size_t i = 0;
  while (i < s.size()) {
    // Start of a line: block depth from indentation, plus compact "- - x" entries.
    std::size_t indent = 0;
    while (i < s.size() && s[i] == ' ') ++indent, ++i;
    const bool content = i < s.size() && s[i] != '\n' && s[i] != '#' && s[i] != '\r';
    if (content && flow == 0) {
      while (!indents.empty() && indents.back() >= indent) indents.pop_back();
      indents.push_back(indent);
    }
    std::size_t dashes = 0;
    char quote = 0;
    for (; i < s.size() && s[i] != '\n'; ++i) {
      const char c = s[i];
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '#' && (i == 0 || s[i - 1] == ' ')) {
        while (i < s.size() && s[i] != '\n') ++i;
        break;
      }
      if ((c == '"' || c == '\'') && flow > 0) quote = c;
      else if (c == '[' || c == '{') ++flow;
      else if ((c == ']' || c == '}') && flow > 0) --flow;
      else if ((c == '-' || c == '?') && i + 1 < s.size() && s[i + 1] == ' ' && flow == 0) ++dashes;
      else if (c == ':' && i + 1 < s.size() && s[i + 1] == ' ' && flow == 0) ++dashes;
      const std::size_t depth = indents.size() + dashes + flow;
      if (depth > worst) worst = depth, worst_line = line, worst_col = static_cast<int>(indent) + 1;
    }
    ++line;
    ++i;
  }
  return {worst, {worst_line, worst_col}};
}

bool is_yaml(const fs::path& p) { return p.extension() == ".yaml" || p.extension() == ".yml"; }
bool is_workspace_file(const fs::path& p) { return is_yaml(p) || bulk_format_for(p.filename().string()); }

struct Loaded {
  Workspace ws;
  std::vector<PendingRef> refs;
  std::vector<PendingRegion> regions;
  DiagnosticSink sink;
  ContentHasher hasher;
  std::optional<SourcePos> workspace_seen;
  std::vector<BulkSupplyRange> bulk_supplies;
  std::size_t supplies_in_table = 0;  // ws.supplies [0, this) are in ws.supply_table already
  std::vector<EnterpriseUse> uses;
  std::vector<IncludeRef> includes;
  fs::path root;  // absolute, symlinks resolved; file keys are relative to it
};

// Appends the YAML relations read since the last call to the workspace's columns: a bulk
// supply file goes straight into them, so they are filled file by file, in load order.
void table_yaml_supplies(Loaded& L) {
  for (; L.supplies_in_table < L.ws.supplies.size(); ++L.supplies_in_table)
    L.ws.supply_table.push_back(L.ws.supplies[L.supplies_in_table]);
}

// Memory that loading holds, per item (docs/workspace-format.md "Limits"): a yaml-cpp node
// of a file's tree, and a firm or relation of the model. Measured with /usr/bin/time on
// `validate`: 200,000 firms in one YAML file (2.6 M nodes) peak at 1.36 GB, in a CSV file at
// 357 MB; rounded up so that the estimate errs on the safe side.
constexpr std::size_t kBytesPerYamlNode = 500;
constexpr std::size_t kBytesPerFirm = 1500;
constexpr std::size_t kBytesPerRelation = 500;

// What the model loaded so far takes, estimated; and what --max-memory-mb leaves of it.
std::size_t model_bytes(const Loaded& L) {
  const std::size_t relations = L.ws.supply_table.size() + (L.ws.supplies.size() - L.supplies_in_table);
  return L.ws.enterprises.size() * kBytesPerFirm + relations * kBytesPerRelation;
}
std::size_t memory_left(const Loaded& L, const LoadLimits& limits) {
  const std::size_t used = model_bytes(L);
  return used >= limits.max_memory_bytes ? 0 : limits.max_memory_bytes - used;
}

// Records where each document starts and counts the nodes (so that a file whose tree would
// not fit in --max-memory-mb is refused before it is built); ignores everything else.
struct DocumentMarks : YAML::EventHandler {
  YAML::Mark start, previous, node;  // node: the document's first node, where errors point
  bool seen = false;
  std::size_t nodes = 0, max_nodes = static_cast<std::size_t>(-1);
  std::optional<YAML::Mark> over;  // the first node past max_nodes
  void first(const YAML::Mark& m) {
    if (++nodes > max_nodes && !over) over = m;
    if (!seen) node = m, seen = true;
  }
  void OnDocumentStart(const YAML::Mark& m) override { start = m, seen = false; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { first(m); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { first(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t, const std::string&) override { first(m); }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    first(m);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    first(m);
  }
  void OnMapEnd() override {}
};

void load_yaml_text(const std::string& text, const std::string& name, Loaded& L, const LoadOptions& opt) {
  if (auto [line, col] = first_invalid_utf8(text); line > 0) {
    L.sink.error({name, line, col}, "the file is not valid UTF-8", "save it as UTF-8");
    return;
  }
  if (auto [depth, at] = nesting_depth(text); depth > opt.limits.max_depth) {
    L.sink.error({name, at.first, at.second},
                 "nesting deeper than " + std::to_string(opt.limits.max_depth) + " levels",
                 "raise the limit with --max-depth");
    return;
  }
  // YAML::LoadAll loops forever, allocating, on a stray ',' at document level (yaml-cpp 0.7:
  // the token is never consumed; found by fuzz_yaml, 24 GB from 3 KB). So: the first document
  // with YAML::Load, and the others only counted by an event pass that stops when a
  // document starts where the previous one did.
  // The event pass runs first: it costs no tree, so the node count is known before
  // YAML::Load allocates one (issue 18: 92 MB of YAML took 7.3 GB).
  YAML::Node doc;
  std::optional<YAML::Mark> second, stuck;
  DocumentMarks marks;
  marks.max_nodes = memory_left(L, opt.limits) / kBytesPerYamlNode;
  try {
    std::istringstream in(text);
    YAML::Parser parser(in);
    for (int n = 0; n < 1000 && !marks.over && parser.HandleNextDocument(marks); ++n) {
      if (n > 0 && marks.start.pos == marks.previous.pos) {
        stuck = marks.start;
        break;
      }
      if (n == 1) second = marks.seen ? marks.node : marks.start;
      marks.previous = marks.start;
    }
    if (marks.over) {
      L.sink.error(position(name, text, *marks.over),
                   "the file holds more than " + std::to_string(marks.max_nodes) +
                       " YAML nodes, more than --max-memory-mb " + std::to_string(opt.limits.max_memory_bytes >> 20) +
                       " leaves for it (about " + std::to_string(kBytesPerYamlNode) + " bytes a node)",
                   "raise --max-memory-mb or split the file");
      return;
    }
    if (!stuck) doc = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    L.sink.error(position(name, text, e.mark), "YAML syntax: " + e.msg, "check indentation, quotes and brackets here");
    return;
  }
  if (stuck) {
    L.sink.error(position(name, text, *stuck), "YAML syntax: unexpected text where a document should start",
                 "a ',' or other flow token outside [...] or {...}?");
    return;
  }
  if (second)
    L.sink.error(position(name, text, *second), "more than one YAML document in a file", "split it into two files, or remove the '---'");
  if (!doc.IsDefined() || doc.IsNull()) return;
  FileReader reader(name, text, L.sink, L.ws, L.refs, L.regions, L.workspace_seen, opt.limits, L.uses, L.includes);
  try {
    reader.read_document(doc);
  } catch (const YAML::Exception& e) {
    // yaml-cpp throws on a few malformed trees (e.g. a bad alias); report, never crash.
    L.sink.error(position(name, text, e.mark), "YAML: " + e.msg);
  }
}

bool read_file_bytes(const fs::path& path, const std::string& name, Loaded& L, const LoadOptions& opt,
                     std::string& out) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) {
    L.sink.error({name, 0, 0}, "cannot read the file: " + ec.message());
    return false;
  }
  if (size > opt.limits.max_file_bytes) {
    L.sink.error({name, 0, 0}, "the file is " + std::to_string(size >> 20) + " MiB, above the limit of " +
                                   std::to_string(opt.limits.max_file_bytes >> 20) + " MiB",
                 "raise it with --max-file-mb");
    return false;
  }
  if (!read_whole_file(path, out)) {
    L.sink.error({name, 0, 0}, "cannot open the file");
    return false;
  }
  return true;
}

// The file's path relative to the workspace root: the same however the workspace's own
// path was spelled (chains/x, ./chains/x/, absolute, through a symlink).
std::string file_key(const fs::path& path, const std::string& name, const Loaded& L) {
  if (L.root.empty()) return name;
  std::error_code ec;
  const fs::path full = fs::weakly_canonical(path, ec);
  if (ec) return name;
  const std::string key = full.lexically_relative(L.root).generic_string();
  return key.empty() ? name : key;
}

void load_one(const fs::path& path, const std::string& name, Loaded& L, const LoadOptions& opt) {
  L.ws.files.push_back(name);
  const std::string key = file_key(path, name, L);
  L.ws.file_keys.push_back(key);
  L.hasher.add(key);
  if (is_yaml(path)) {
    std::string text;
    if (!read_file_bytes(path, name, L, opt, text)) return;
    L.hasher.add(text);
    load_yaml_text(text, name, L, opt);
    return;
  }
  const auto format = bulk_format_for(path.filename().string());
  std::string bytes;
  if (!read_file_bytes(path, name, L, opt, bytes)) return;
  L.hasher.add(bytes);
  if (*format == BulkFormat::csv && is_supply_csv_header(std::string_view(bytes).substr(0, bytes.find('\n')))) {
    std::istringstream in(std::move(bytes));
    const std::size_t fit = memory_left(L, opt.limits) / kBytesPerRelation;
    table_yaml_supplies(L);  // the table keeps load order
    BulkSupplyRange range{name, L.ws.supply_table.size(), 0, {}};
    read_supply_csv(in, name, L.sink, std::min(opt.limits.max_rows, fit), [&](const Supply& s) {
      L.ws.supply_table.push_back(s);
      range.lines.push_back(s.pos.line);
    });
    range.end = L.ws.supply_table.size();
    L.bulk_supplies.push_back(std::move(range));
    return;
  }
  std::istringstream in(std::move(bytes));
  BulkReadOptions bulk;
  bulk.max_string = opt.limits.max_string;
  bulk.memory_rows = std::max<std::size_t>(1, memory_left(L, opt.limits) / kBytesPerFirm);
  bulk.texts = L.ws.text_pool.get();
  for (Enterprise& e : read_bulk_file(in, *format, name, L.sink, opt.limits.max_rows, bulk)) {
    if (!e.location.empty())
      L.regions.push_back({PendingRegion::Owner::enterprise, L.ws.enterprises.size(), e.pos});
    for (const std::string& seg : e.segments)
      L.refs.push_back({RefKind::leaf_segment, seg, e.pos, "'segments' of enterprise '" + e.id + "'"});
    if (!e.group.empty()) L.refs.push_back({RefKind::enterprise, e.group, e.pos, "'group' of enterprise '" + e.id + "'"});
    L.ws.enterprises.push_back(std::move(e));
  }
}

// Merges every `use:` entry into the registry enterprise it names.
void merge_uses(Loaded& L) {
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < L.ws.enterprises.size(); ++i) index.emplace(L.ws.enterprises[i].id, i);
  for (EnterpriseUse& u : L.uses) {
    auto it = index.find(u.id);
    if (it == index.end()) {
      L.sink.error(u.id_pos, "'use' names enterprise '" + u.id + "', which no file defines",
                   "define it in a registry folder that 'include:' of the workspace section names");
      continue;
    }
    Enterprise& e = L.ws.enterprises[it->second];
    for (const std::string& seg : u.part.segments) {
      if (std::find(e.segments.begin(), e.segments.end(), seg) != e.segments.end()) {
        L.sink.error(u.pos, "segment '" + seg + "' of enterprise '" + u.id + "' is given twice",
                     "first at " + e.pos.file() + ":" + std::to_string(e.pos.line));
        continue;
      }
      e.segments.push_back(seg);
      if (u.part.inferred_segments().contains(seg)) e.edit_detail().inferred_segments.push_back(seg);
    }
    if (u.part.role) e.role = u.part.role;
    if (u.status_given) e.status = u.part.status;
    const EnterpriseDetail& used = u.part.detail();
    if (!used.empty()) {
      EnterpriseDetail& d = e.edit_detail();
      for (const auto& [seg, v] : used.capacity) d.capacity[seg] = v;
      d.declared.insert(d.declared.end(), used.declared.begin(), used.declared.end());
      if (!used.note.empty()) d.note = d.note.empty() ? used.note : d.note + "; " + used.note;
      if (!used.source.id.empty() || !used.source.note.empty()) d.link_sources.push_back(used.source);
    }
  }
}

Workspace finish(Loaded& L) {
  merge_uses(L);
  table_yaml_supplies(L);
  validate_workspace(L.ws, L.refs, L.regions, L.sink, L.bulk_supplies);
  if (!L.sink.empty()) {
    // One list in reading order: files are read sorted by path, so sort the same way.
    std::vector<Diagnostic> all = L.sink.all();
    // The "N more errors" line (no file) stays last.
    std::stable_sort(all.begin(), all.end(), [](const Diagnostic& a, const Diagnostic& b) {
      if (a.pos.file.empty() != b.pos.file.empty()) return b.pos.file.empty();
      return std::tie(a.pos.file, a.pos.line, a.pos.column) < std::tie(b.pos.file, b.pos.line, b.pos.column);
    });
    throw InputError(std::move(all));
  }
  L.ws.supply_table.seal();  // issue 16: the analyses read columns; ws.supplies keeps the YAML ones
  L.ws.enterprise_index = index_enterprises(L.ws.enterprises, L.ws.supply_table);
  L.ws.content_hash = hex64(L.hasher.digest());
  L.ws.root = L.root.generic_string();
  return std::move(L.ws);
}

}  // namespace

const Chain* Workspace::find_chain(const std::string& id) const {
  for (const Chain& c : chains)
    if (c.id == id) return &c;
  return nullptr;
}

namespace {

/// Workspace files under a folder, sorted by path; hidden files and folders skipped.
std::vector<fs::path> workspace_files(const fs::path& folder, std::error_code& ec) {
  std::vector<fs::path> files;
  // An unreadable folder is an error, never skipped (its firms would vanish, issue 18).
  for (auto it = fs::recursive_directory_iterator(folder, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string leaf = it->path().filename().string();
    if (!leaf.empty() && leaf[0] == '.') {  // hidden files and folders (.git, editor swap files)
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && is_workspace_file(it->path())) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.generic_string() < b.generic_string(); });
  return files;
}

/// Reads what `include:` names, once each: a file already read is not read again.
void load_includes(Loaded& L, const LoadOptions& options, std::set<fs::path>& seen) {
  for (std::size_t i = 0; i < L.includes.size(); ++i) {
    const IncludeRef inc = L.includes[i];
    const fs::path target = (fs::path(inc.from_file).parent_path() / inc.path).lexically_normal();
    std::error_code ec;
    std::vector<fs::path> files;
    if (fs::is_directory(target, ec)) {
      files = workspace_files(target, ec);
      if (ec) L.sink.error(inc.pos, "cannot read included folder '" + target.generic_string() + "': " + ec.message());
      const std::string key = file_key(target, target.generic_string(), L);
      if (std::find(L.ws.include_folders.begin(), L.ws.include_folders.end(), key) == L.ws.include_folders.end())
        L.ws.include_folders.push_back(key);
    } else if (fs::exists(target, ec) && is_workspace_file(target)) {
      files.push_back(target);
    } else {
      L.sink.error(inc.pos, "included '" + inc.path + "' (" + target.generic_string() + ") is not a folder or workspace file",
                   "paths in 'include' are relative to the file that names them");
      continue;
    }
    for (const fs::path& f : files) {
      const fs::path key = fs::weakly_canonical(f, ec);
      if (!seen.insert(ec ? f : key).second) continue;
      load_one(f, f.lexically_normal().generic_string(), L, options);
    }
  }
}

}  // namespace

std::vector<fs::path> list_workspace_files(const fs::path& folder, std::error_code& ec) {
  return workspace_files(folder, ec);
}

Workspace load_workspace(const fs::path& path, const LoadOptions& options) {
  Loaded L;
  std::error_code ec;
  const std::string shown = path.generic_string();
  std::set<fs::path> seen;
  {
    std::error_code rec;
    const fs::path full = fs::weakly_canonical(fs::absolute(path, rec), rec);
    L.ws.root_is_folder = fs::is_directory(path, rec);
    if (!rec) L.root = L.ws.root_is_folder ? full : full.parent_path();
  }
  if (fs::is_directory(path, ec)) {
    const std::vector<fs::path> files = workspace_files(path, ec);
    if (ec) throw InputError({{{shown, 0, 0}, "cannot read the folder: " + ec.message(), {}}});
    if (files.empty())
      throw InputError({{{shown, 0, 0}, "no workspace files in this folder", "expected *.yaml, *.csv or *.jsonl files"}});
    for (const fs::path& f : files) {
      std::error_code cec;
      const fs::path key = fs::weakly_canonical(f, cec);
      seen.insert(cec ? f : key);
      load_one(f, f.generic_string(), L, options);
    }
  } else if (fs::exists(path, ec)) {
    if (!is_workspace_file(path))
      throw InputError({{{shown, 0, 0}, "not a workspace file", "expected a folder, *.yaml, *.csv or *.jsonl"}});
    seen.insert(fs::weakly_canonical(path, ec));
    load_one(path, shown, L, options);
  } else {
    throw InputError({{{shown, 0, 0}, "no such file or folder", {}}});
  }
  load_includes(L, options, seen);
  return finish(L);
}

Workspace load_workspace_text(const std::string& yaml, const std::string& name, const LoadOptions& options) {
  Loaded L;
  L.ws.files.push_back(name);
  L.ws.file_keys.push_back(name);
  L.hasher.add(name);
  L.hasher.add(yaml);
  load_yaml_text(yaml, name, L, options);
  return finish(L);
}

}  // namespace chainlens
