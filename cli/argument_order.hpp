// cli/argument_order.hpp: one CLI whatever the order: options written before the subcommand
// move behind it, and a mistyped subcommand gets a did-you-mean (issue 15).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace chainlens::cli {

/// `args` without the program name. Finds the subcommand word (skipping the values of options
/// that take one) and moves the subcommand's options written before it to just after it, so
/// `chainlens --lang en gaps WS` equals `chainlens gaps WS --lang en`. Options of `app`
/// itself (--full-precision, --help, --version) stay in front.
std::vector<std::string> subcommand_first(const CLI::App& app, std::vector<std::string> args);

/// "unknown command 'gap'; did you mean 'gaps'?" when the first word that is no option names
/// no subcommand; nullopt otherwise.
std::optional<std::string> unknown_subcommand(const CLI::App& app, const std::vector<std::string>& args);

}  // namespace chainlens::cli
