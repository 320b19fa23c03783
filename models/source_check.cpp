// models/source_check.cpp: `validate --sources DIR`: every quote must appear
// verbatim in its document, white space ignored (workspace-format.md).
#include "models/source_check.hpp"

#include <fstream>
#include <map>

namespace chainlens {
namespace {

std::string strip_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
    // U+3000 IDEOGRAPHIC SPACE and U+00A0 NO-BREAK SPACE are white space in these documents too.
    if (c == 0xE3 && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\x80') { i += 2; continue; }
    if (c == 0xC2 && i + 1 < s.size() && s[i + 1] == '\xA0') { i += 1; continue; }
    out.push_back(static_cast<char>(c));
  }
  return out;
}

template <class T>
void collect(const std::vector<T>& items, std::vector<const SourceRef*>& out) {
  for (const T& x : items) out.push_back(&x.source);
}

}  // namespace

std::vector<const SourceRef*> all_source_refs(const Workspace& ws) {
  std::vector<const SourceRef*> out;
  for (const Chain& c : ws.chains) {
    out.push_back(&c.source);
    collect(c.goals, out);
    collect(c.segments, out);
    for (const Segment& s : c.segments) collect(s.inputs, out);
    collect(c.gaps, out);
    collect(c.target_lists, out);
    collect(c.declared, out);
  }
  for (const Enterprise& e : ws.enterprises) {
    if (!e.more.has_value()) continue;  // nothing cited: a registry row
    const EnterpriseDetail& d = e.detail();
    out.push_back(&d.source);
    for (const SourceRef& r : d.link_sources) out.push_back(&r);
    collect(d.declared, out);
  }
  collect(ws.supplies, out);
  collect(ws.demand, out);
  return out;
}

std::vector<Diagnostic> check_quotes(const Workspace& ws, const std::filesystem::path& dir) {
  std::vector<Diagnostic> out;
  std::map<std::string, const Source*> by_id;
  for (const Source& s : ws.sources) by_id.emplace(s.id, &s);
  std::map<std::string, std::optional<std::string>> texts;  // source id -> stripped text, empty if unreadable
  for (const SourceRef* ref : all_source_refs(ws)) {
    if (ref->id.empty() || ref->quote.empty()) continue;
    const auto src = by_id.find(ref->id);
    if (src == by_id.end()) continue;  // the loader reported it already
    auto [it, fresh] = texts.try_emplace(ref->id);
    if (fresh) {
      if (src->second->file.empty()) {
        out.push_back({src->second->pos, "source '" + ref->id + "' has no 'file', so its quotes cannot be checked",
                       "add file: with the document's file name"});
      } else {
        std::ifstream in(dir / src->second->file, std::ios::binary);
        if (!in) {
          out.push_back({src->second->pos, "cannot open '" + (dir / src->second->file).string() + "'",
                         "is --sources the folder holding the documents?"});
        } else {
          const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
          it->second = strip_space(text);
        }
      }
    }
    if (!it->second) continue;
    if (it->second->find(strip_space(ref->quote)) == std::string::npos)
      out.push_back({ref->pos, "quote not found in " + src->second->file + ": \"" + ref->quote + "\"",
                     "copy it verbatim from the document; only white space may differ"});
  }
  return out;
}

}  // namespace chainlens
