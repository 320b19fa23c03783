// engine/memberships.cpp: builds the membership columns: sizes, a running sum, then each
// block of enterprises fills its own range (ids looked up once per link, side by side).
#include "engine/memberships.hpp"

#include <algorithm>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "engine/workspace_model.hpp"

namespace chainlens {

Memberships index_memberships(const WorkspaceModel& model) {
  const std::vector<Enterprise>& all = model.workspace().enterprises;
  Memberships m;
  m.offsets.resize(all.size() + 1);
  m.open.resize(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) m.offsets[i + 1] = m.offsets[i] + all[i].segments.size();
  m.segments.resize(m.offsets.back());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, all.size(), 4096), [&](const tbb::blocked_range<std::size_t>& r) {
    for (std::size_t i = r.begin(); i != r.end(); ++i) {
      const Enterprise& e = all[i];
      m.open[i] = e.status != EnterpriseStatus::closed ? 1 : 0;
      std::uint32_t* out = m.segments.data() + m.offsets[i];
      for (const std::string& s : e.segments) {
        const std::optional<std::size_t> w = model.find(s);
        const bool inferred = e.inferred_segments().contains(s);
        *out++ = !w ? Memberships::kAbsent : static_cast<std::uint32_t>(*w) | (inferred ? Memberships::kInferred : 0u);
      }
    }
  });
  return m;
}

}  // namespace chainlens
