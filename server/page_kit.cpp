// server/page_kit.cpp: the page frame and the small pieces every page uses.
#include "server/page_kit.hpp"

#include <fmt/format.h>

#include "render/diagram.hpp"
#include "render/gaps_writer.hpp"
#include "render/html_text.hpp"
#include "render/report_text.hpp"
#include "server/served_workspace.hpp"

namespace chainlens::server {

std::string esc(std::string_view text) { return escape_html(text); }

std::string href(const std::string& path, Lang lang) {
  if (lang == Lang::zh) return path;
  return path + (path.find('?') == std::string::npos ? "?lang=en" : "&lang=en");
}

std::string chain_href(const std::string& chain, Lang lang) { return href("/chains/" + url_component(chain), lang); }

std::string segment_href(const std::string& chain, const std::string& segment, Lang lang) {
  return href("/chains/" + url_component(chain) + "/segments/" + url_component(segment), lang);
}

std::string firm_href(const std::string& id, Lang lang) { return href("/firms/" + url_component(id), lang); }

std::string firm_link(const Workspace& ws, std::string_view id, Lang lang) {
  return fmt::format("<a href=\"{}\">{}</a>", esc(firm_href(std::string(id), lang)), esc(firm_name(ws, id)));
}

std::string firm_links(const Workspace& ws, const std::vector<std::string_view>& ids, Lang lang) {
  if (ids.empty()) return "-";
  std::string out;
  for (std::string_view id : ids) {
    if (!out.empty()) out += tr(lang, "、", ", ");
    out += firm_link(ws, id, lang);
  }
  return out;
}

std::string firm_links(const Workspace& ws, const std::vector<std::string>& ids, Lang lang) {
  return firm_links(ws, std::vector<std::string_view>(ids.begin(), ids.end()), lang);
}

std::string status_chip(SegmentStatus s, Lang lang) {
  const bool dark = s == SegmentStatus::missing;  // vermillion needs white text
  return fmt::format(R"(<span class="chip" data-status="{}" style="background:{};color:{}">{}</span>)",
                     static_cast<int>(s), status_fill(s), dark ? "#ffffff" : "#1a1a1a", esc(status_label(s, lang)));
}

std::string num_cell(const std::optional<double>& v, int digits) {
  if (!v) return R"(<td class="num" data-v="-1">-</td>)";
  return fmt::format(R"(<td class="num" data-v="{:.6f}">{:.{}f}</td>)", *v, *v, digits);
}

std::string page(const Frame& f, const std::string& body) {
  const Lang lang = f.lang;
  std::string banner;
  if (!f.reload_errors.empty()) {
    std::string list;
    for (const std::string& e : f.reload_errors) list += esc(e) + "\n";
    banner = fmt::format(R"(<div class="banner" id="reload-errors"><strong>{}</strong><pre>{}</pre></div>)",
                         tr(lang, "工作区文件已修改但有错误, 仍显示上一次有效的版本:",
                            "The workspace files changed but have errors; the last valid version is still shown:"),
                         list);
  }
  return fmt::format(R"(<!DOCTYPE html>
<html lang="{}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{} · chainlens</title>
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<header><a href="{}">{}</a><a href="{}">{}</a>
<form action="/search" method="get" role="search"><input type="search" name="q" maxlength="100" placeholder="{}">{}<button type="submit">{}</button></form>
<a href="{}" id="lang-switch">{}</a></header>
<main>
{}{}</main>
<script src="/assets/app.js"></script>
</body>
</html>
)",
                     lang == Lang::zh ? "zh-CN" : "en", esc(f.title), esc(href("/", lang)), esc(f.workspace_name),
                     esc(href("/", lang)), tr(lang, "产业链总览", "Chains"), tr(lang, "搜索产业链、环节、企业", "Search chains, segments, firms"),
                     lang == Lang::en ? R"(<input type="hidden" name="lang" value="en">)" : "", tr(lang, "搜索", "Search"),
                     esc(f.switch_href), tr(lang, "English", "中文"), banner, body);
}

Response error_page(int status, const std::string& message, Lang lang) {
  Response r;
  r.status = status;
  Frame f;
  f.title = fmt::format("{}", status);
  f.lang = lang;
  f.switch_href = lang == Lang::zh ? "/?lang=en" : "/";
  f.workspace_name = "chainlens";
  r.body = page(f, fmt::format("<h1>{} {}</h1>\n<p id=\"error-message\">{}</p>\n<p><a href=\"{}\">{}</a></p>\n", status,
                               status == 404 ? tr(lang, "未找到", "Not found") : tr(lang, "请求有误", "Bad request"),
                               esc(message), esc(href("/", lang)), tr(lang, "返回总览", "Back to the overview")));
  return r;
}

}  // namespace chainlens::server
