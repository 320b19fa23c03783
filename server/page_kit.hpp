// server/page_kit.hpp: what every page shares: the frame (header, search box, language
// switch, reload banner), links that keep the language, escaping and small cells.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/segment_status.hpp"
#include "models/workspace.hpp"
#include "render/lang.hpp"
#include "server/http_types.hpp"

namespace chainlens::server {

/// Every text put into a page goes through this (render/html_text.hpp).
std::string esc(std::string_view text);

/// `path` with ?lang=en (or &lang=en) added in English; `path` must be already encoded.
std::string href(const std::string& path, Lang lang);
std::string chain_href(const std::string& chain, Lang lang);
std::string segment_href(const std::string& chain, const std::string& segment, Lang lang);
std::string firm_href(const std::string& id, Lang lang);

/// A link to the firm's page with its name (else its id) as text.
std::string firm_link(const Workspace& ws, std::string_view id, Lang lang);
/// Firm links joined with 、 (zh) or , (en); "-" when empty.
std::string firm_links(const Workspace& ws, const std::vector<std::string_view>& ids, Lang lang);
std::string firm_links(const Workspace& ws, const std::vector<std::string>& ids, Lang lang);

/// The status as a coloured chip (the diagram's colours).
std::string status_chip(SegmentStatus s, Lang lang);
/// A right-aligned number cell with a sort key; "-" for an empty value.
std::string num_cell(const std::optional<double>& v, int digits = 4);

/// What the frame needs besides the body.
struct Frame {
  std::string title;
  Lang lang = Lang::zh;
  std::string switch_href;                 // this page in the other language
  std::string workspace_name;
  std::vector<std::string> reload_errors;  // shown as a banner when not empty
};

/// The whole page: doctype, frame, body, the built-in stylesheet and script.
std::string page(const Frame& f, const std::string& body);

/// An HTML error page with the status and the message (escaped).
Response error_page(int status, const std::string& message, Lang lang);

}  // namespace chainlens::server
