// server/assets.cpp: the stylesheet and the small plain script of the pages (what-if form,
// table sorting); no framework, no CDN, works offline.
#include "server/assets.hpp"

namespace chainlens::server {

namespace {

constexpr std::string_view kCss = R"(:root { --ink: #1a1a1a; --muted: #666; --rule: #ccc; --head: #f2f2f2; --accent: #0072B2; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif; color: var(--ink); margin: 0; line-height: 1.45; }
header { background: #1f3a5f; color: #fff; padding: 8px 16px; display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
header a { color: #fff; text-decoration: none; font-weight: bold; }
header form { margin-left: auto; } header input[type=search] { width: 16em; }
main { padding: 8px 16px 32px; max-width: 1400px; }
h1 { font-size: 22px; margin: 8px 0 4px; } h2 { font-size: 17px; border-bottom: 2px solid var(--ink); margin-top: 24px; }
.meta { color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; font-size: 13px; margin: 6px 0; }
th, td { border: 1px solid var(--rule); padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: var(--head); } td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.sortable th { cursor: pointer; }
.chip { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px; }
.banner { background: #fde8e0; border: 1px solid #D55E00; padding: 6px 10px; margin: 8px 0; }
.banner pre { white-space: pre-wrap; margin: 4px 0 0; font-size: 12px; }
figure { margin: 8px 0; overflow: auto; border: 1px solid var(--rule); }
figure svg { width: 100%; height: auto; }
figure.full { max-height: 85vh; } figure.full svg { width: auto; max-width: none; }
button.zoom { font-size: 12px; }
figcaption { color: var(--muted); font-size: 12px; padding: 2px 6px; }
.cols { display: flex; gap: 24px; flex-wrap: wrap; } .cols > div { flex: 1 1 420px; }
#whatif-form fieldset { border: 1px solid var(--rule); max-height: 320px; overflow: auto; }
#whatif-result { margin-top: 8px; } #whatif-result[aria-busy=true] { opacity: 0.5; }
.up { color: #009E73; } .down { color: #D55E00; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: 2px 12px; font-size: 14px; }
dl.facts dt { color: var(--muted); }
)";

constexpr std::string_view kJs = R"((function () {
  'use strict';
  window.addEventListener('error', function (e) { document.body.setAttribute('data-script-error', String(e.message)); });
  // Sort a table by a column when its header is clicked (numbers by data-v).
  document.querySelectorAll('table.sortable').forEach(function (table) {
    table.querySelectorAll('th').forEach(function (th, col) {
      th.addEventListener('click', function () {
        var body = table.tBodies[0]; if (!body) return;
        var asc = th.getAttribute('data-dir') !== 'asc';
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col], y = b.cells[col]; if (!x || !y) return 0;
          var vx = x.getAttribute('data-v'), vy = y.getAttribute('data-v');
          var c = (vx !== null && vy !== null) ? (parseFloat(vx) - parseFloat(vy)) : x.textContent.localeCompare(y.textContent);
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
        th.setAttribute('data-dir', asc ? 'asc' : 'desc');
      });
    });
  });
  // What-if: the form works without script (a GET to the what-if page); with script the
  // server's answer replaces the result box in place, on every tick and on submit.
  var form = document.getElementById('whatif-form');
  var out = document.getElementById('whatif-result');
  if (form && out) {
    var latest = 0;
    var run = function () {
      var seq = ++latest;
      var params = new URLSearchParams(new FormData(form));
      params.set('partial', '1');
      var query = params.toString();
      out.setAttribute('aria-busy', 'true');
      out.setAttribute('data-state', 'running');
      fetch(form.getAttribute('action') + '?' + query, { headers: { 'Accept': 'text/html' } })
        .then(function (r) { return r.text().then(function (t) { return { ok: r.ok, text: t }; }); })
        .then(function (x) {
          if (seq !== latest) return;  // a newer tick is on its way
          out.innerHTML = x.text;  // server-rendered, every name escaped
          out.removeAttribute('aria-busy');
          out.setAttribute('data-query', query);
          out.setAttribute('data-state', x.ok ? 'done' : 'error');
        })
        .catch(function (e) { out.textContent = String(e); out.removeAttribute('aria-busy'); out.setAttribute('data-state', 'error'); });
    };
    form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
    form.addEventListener('change', function () { run(); });
  }
  // The chain map fits the page; the button shows it at full size (scrolling) and back.
  document.querySelectorAll('button.zoom').forEach(function (b) {
    b.addEventListener('click', function () {
      var f = document.getElementById(b.getAttribute('data-figure'));
      if (f) f.classList.toggle('full');
    });
  });
  document.body.setAttribute('data-ready', '1');
})();
)";

constexpr Asset kAssets[] = {
    {"/assets/app.css", "text/css; charset=utf-8", kCss},
    {"/assets/app.js", "text/javascript; charset=utf-8", kJs},
};

}  // namespace

const Asset* find_asset(std::string_view path) {
  for (const Asset& a : kAssets)
    if (a.path == path) return &a;
  return nullptr;
}

}  // namespace chainlens::server
