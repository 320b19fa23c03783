# server tests: `chainlens serve` answered over loopback: API = CLI JSON, pages, hostile
# requests, reload, signals, and a headless chromium click-through (issue 17).
target_sources(chainlens_tests PRIVATE
  support/http_client.cpp
  server/serve_api_test.cpp
  server/serve_pages_test.cpp
  server/serve_hostile_test.cpp
  server/serve_process_test.cpp
  server/serve_browser_test.cpp
)
