// cli/argument_order.cpp: argument reordering before CLI11 parses (see the header).
#include "cli/argument_order.hpp"

#include <algorithm>

#include "models/diagnostic.hpp"

namespace chainlens::cli {

namespace {

// The option `word` names in any subcommand (or the app), or null. `--lang=en` names --lang.
const CLI::Option* option_named(const CLI::App& app, std::string word) {
  if (const auto eq = word.find('='); eq != std::string::npos) word.resize(eq);
  if (const CLI::Option* o = app.get_option_no_throw(word)) return o;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (const CLI::Option* o = sub->get_option_no_throw(word)) return o;
  return nullptr;
}

bool takes_value(const CLI::Option* o, const std::string& word) {
  return o != nullptr && o->get_expected_min() > 0 && word.find('=') == std::string::npos;
}

bool is_subcommand(const CLI::App& app, const std::string& word) {
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (sub->check_name(word)) return true;
  return false;
}

// The index of the subcommand word, or args.size().
std::size_t subcommand_index(const CLI::App& app, const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& w = args[i];
    if (w == "--") return args.size();
    if (w.size() > 1 && w[0] == '-') {
      if (takes_value(option_named(app, w), w)) ++i;
      continue;
    }
    return i;
  }
  return args.size();
}

}  // namespace

std::vector<std::string> subcommand_first(const CLI::App& app, std::vector<std::string> args) {
  const std::size_t at = subcommand_index(app, args);
  if (at == 0 || at >= args.size() || !is_subcommand(app, args[at])) return args;
  std::vector<std::string> front, moved;
  for (std::size_t i = 0; i < at; ++i) {
    const std::string& w = args[i];
    std::string name = w.substr(0, w.find('='));
    const bool own = app.get_option_no_throw(name) != nullptr || w == "-h" || w == "--help";
    const CLI::Option* o = option_named(app, w);
    std::vector<std::string>& to = own ? front : moved;
    to.push_back(w);
    if (takes_value(o, w) && i + 1 < at) to.push_back(args[++i]);
  }
  std::vector<std::string> out = front;
  out.push_back(args[at]);
  out.insert(out.end(), moved.begin(), moved.end());
  out.insert(out.end(), args.begin() + static_cast<std::ptrdiff_t>(at) + 1, args.end());
  return out;
}

std::optional<std::string> unknown_subcommand(const CLI::App& app, const std::vector<std::string>& args) {
  const std::size_t at = subcommand_index(app, args);
  if (at >= args.size() || is_subcommand(app, args[at])) return std::nullopt;
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(sub->get_name());
  std::string close = closest_match(args[at], names);
  if (close.empty())  // a prefix: rep -> report
    for (const std::string& n : names)
      if (n.rfind(args[at], 0) == 0) {
        close = n;
        break;
      }
  std::string msg = "unknown command '" + args[at] + "'";
  if (!close.empty()) msg += "; did you mean '" + close + "'?";
  std::string all;
  for (const std::string& n : names) all += (all.empty() ? "" : ", ") + n;
  return msg + "\ncommands: " + all + " (chainlens --help)";
}

}  // namespace chainlens::cli
