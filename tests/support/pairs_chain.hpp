// tests/support/pairs_chain.hpp: one small chain with every input of a candidate score (test
// data): a 4-component scope (the nearby rule applies: 青岛/其他区 is one level up), a group
// reaching a local firm, a target list, a park and an alias.
#pragma once

namespace chainlens::test {

inline constexpr const char* kPairsChain = R"(
workspace: {scope: 中国/山东/青岛/新区}
regions: [{path: 中国/上海, aliases: [上海]}]
chains:
  - id: t
    target_lists: [{id: l, enterprises: [lister]}]
    segments:
      - {id: a, type: component}
      - {id: b, type: component}
      - {id: c, type: product, inputs: [{from: a, share: 0.5}, {from: b, share: 0.5}]}
enterprises:
  - {id: local-c, location: 中国/山东/青岛/新区, segments: [c], group: sub}
  - {id: sub, location: 中国/上海, segments: [], group: top}
  - {id: top, location: 中国/北京, segments: [b, a], revenue: 10000, revenue_year: 2023}
  - {id: lister, location: 中国/广东, segments: [a]}
  - {id: near, location: 中国/山东/青岛/城阳, segments: [a]}
  - {id: parkx, kind: park, location: 中国/江苏, segments: [a]}
)";

}  // namespace chainlens::test
