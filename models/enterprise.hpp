// models/enterprise.hpp: enterprises (企业, institutes, projects), local or not,
// with the observations documents make about them.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "models/declared.hpp"
#include "models/interned.hpp"
#include "models/out_of_line.hpp"
#include "models/pooled_text.hpp"
#include "models/region.hpp"
#include "models/segment_ids.hpp"
#include "models/shared_pos.hpp"
#include "models/source_ref.hpp"

namespace chainlens {

// One byte each: a registry holds a million enterprises (issue 16).
enum class Role : std::uint8_t { anchor, key, supplier, research, platform };  // 链主 / 重点 / 配套 / 科研 / 平台
enum class EnterpriseStatus : std::uint8_t { operating, building, planned, closed };
enum class Confidence { verified, inferred };
/// metrics.md v2: parks never count as operating in a segment; institutes only in rnd.
enum class EnterpriseKind : std::uint8_t { firm, project, park, institute };

/// What documents say about a few enterprises: a registry of a million firms has none of it,
/// so it lives out of line (an Enterprise without it is half the size).
struct EnterpriseDetail {
  std::vector<std::string> aliases;
  std::map<std::string, double> capacity;  // per segment, in the segment's unit
  std::vector<Declared> declared;
  std::string note;
  SourceRef source;
  std::vector<SourceRef> link_sources;   // of `use:` entries that put a registry firm in segments
  SegmentIds inferred_segments;          // the subset of `segments` written with confidence: inferred

  bool empty() const noexcept {
    const SourceRef& s = source;
    return aliases.empty() && capacity.empty() && declared.empty() && note.empty() && link_sources.empty() &&
           inferred_segments.empty() &&
           s.id.empty() && s.quote.empty() && s.note.empty() && s.pos.file.empty() && s.pos.line == 0 && s.pos.column == 0;
  }
};

/// Ordered so that the small fields share the last word: 120 bytes (a registry of a million
/// firms holds a million of these). A loaded workspace keeps the id and name in its text pool.
struct Enterprise {
  PooledText id, name;
  RegionPath location;                   // aliases already resolved to full paths
  SegmentIds segments;                   // leaf segment ids (interned)
  InternedId group;                      // the parent or group's enterprise id; empty: none
  std::optional<double> revenue;         // 亿元 a year
  std::optional<int> revenue_year;       // the year of the revenue figure
  OutOfLine<EnterpriseDetail> more;
  SharedPos pos;                         // a bulk file's rows share its name
  std::optional<Role> role;
  EnterpriseStatus status = EnterpriseStatus::operating;
  EnterpriseKind kind = EnterpriseKind::firm;
  std::optional<bool> listed;            // 上市; optional

  const EnterpriseDetail& detail() const noexcept { return more.get(); }
  /// The segments written with confidence: inferred (kept with the detail: few have any).
  const SegmentIds& inferred_segments() const noexcept { return detail().inferred_segments; }
  EnterpriseDetail& edit_detail() { return more.edit(); }
};

/// supplier -> customer in a segment.
struct Supply {
  std::string from, to, segment;
  std::optional<double> value;           // 亿元 a year
  Confidence confidence = Confidence::verified;
  SourceRef source;
  SourcePos pos;
};

/// Local demand for a segment's output (the weak rule and leakage).
struct Demand {
  std::string segment;
  double value = 0;
  std::string unit;
  SourceRef source;
  SourcePos pos;
};

}  // namespace chainlens
