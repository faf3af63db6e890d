#include "cli/cli_doc.h"

#include <CLI/CLI.hpp>
#include <sstream>

namespace iescan::app {
namespace {

// Escapes text for roff: backslashes, and a leading dot or quote.
std::string Roff(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

std::vector<const CLI::App*> Subcommands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App*) { return true; });
}

std::string OptionNames(const CLI::Option* opt) {
  std::string names;
  for (const std::string& s : opt->get_snames()) names += (names.empty() ? "-" : ", -") + s;
  for (const std::string& l : opt->get_lnames()) names += (names.empty() ? "--" : ", --") + l;
  return names;
}

void WriteOptions(const CLI::App& app, std::ostringstream& out) {
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_positional()) continue;
    std::string names = OptionNames(opt);
    if (names.empty()) continue;
    out << ".TP\n.B " << Roff(names);
    if (opt->get_type_size() != 0) out << " \\fI" << Roff(opt->get_type_name()) << "\\fR";
    out << "\n" << Roff(opt->get_description()) << "\n";
  }
}

}  // namespace

std::string ManPage(const CLI::App& app, const std::string& version) {
  std::ostringstream out;
  out << ".TH IESCAN 1 \"\" \"iescan " << Roff(version) << "\" \"User Commands\"\n";
  out << ".SH NAME\niescan \\- " << Roff(app.get_description().substr(
                                       app.get_description().find(':') + 2)) << "\n";
  out << ".SH SYNOPSIS\n";
  for (const CLI::App* sub : Subcommands(app)) {
    out << ".B iescan " << sub->get_name() << "\n.RI [ options ]";
    for (const CLI::Option* opt : sub->get_options()) {
      if (opt->get_positional()) out << " " << Roff(opt->get_name()) << (opt->get_expected_max() > 1 ? "..." : "");
    }
    out << "\n.br\n";
  }
  out << ".SH DESCRIPTION\n" << Roff(app.get_description()) << "\n";
  out << ".SH GLOBAL OPTIONS\n";
  WriteOptions(app, out);
  for (const CLI::App* sub : Subcommands(app)) {
    out << ".SH \"" << "iescan " << sub->get_name() << "\"\n" << Roff(sub->get_description())
        << "\n";
    WriteOptions(*sub, out);
  }
  out << ".SH EXIT STATUS\n.TP\n.B 0\nNothing at or above \\-\\-fail\\-on.\n"
         ".TP\n.B 1\nFindings at or above \\-\\-fail\\-on.\n"
         ".TP\n.B 2\nA usage or configuration error.\n"
         ".TP\n.B 130\nInterrupted; the reports written are marked incomplete.\n";
  out << ".SH FILES\n.TP\n.I .iescan.json\nConfiguration, found from the first scanned path "
         "upward.\n.TP\n.I .iescanignore\nPaths not to scan, in .gitignore syntax.\n";
  out << ".SH SEE ALSO\nThe documentation in the docs/ folder of the source distribution.\n";
  return out.str();
}

std::string BashCompletion(const CLI::App& app) {
  std::ostringstream out;
  out << "# bash completion for iescan (generated)\n_iescan() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]} cmd=${COMP_WORDS[1]}\n"
         "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n    COMPREPLY=($(compgen -W \"";
  bool first = true;
  for (const CLI::App* sub : Subcommands(app)) {
    out << (first ? "" : " ") << sub->get_name();
    first = false;
  }
  out << " --help --version\" -- \"$cur\"))\n    return\n  fi\n  case $cmd in\n";
  for (const CLI::App* sub : Subcommands(app)) {
    out << "    " << sub->get_name() << ") opts=\"";
    bool f = true;
    for (const CLI::Option* opt : sub->get_options()) {
      for (const std::string& l : opt->get_lnames()) {
        out << (f ? "" : " ") << "--" << l;
        f = false;
      }
    }
    out << "\" ;;\n";
  }
  out << "    *) opts=\"\" ;;\n  esac\n"
         "  if [[ $cur == -* ]]; then\n    COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
         "  else\n    COMPREPLY=($(compgen -f -- \"$cur\"))\n  fi\n}\n"
         "complete -o filenames -F _iescan iescan\n";
  return out.str();
}

}  // namespace iescan::app
