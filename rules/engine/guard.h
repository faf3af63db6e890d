// Guard classification of JavaScript findings: is the IE-only construct protected by a
// standard alternative, or only reached in IE?
//
// This is the hook where guard analysis plugs in. For now a construct is kIeOnlyBranch
// when its region is only seen by IE (a downlevel-hidden conditional comment) or its token
// comes from a JScript conditional-compilation comment, and kUnguarded otherwise.
// Feature-test analysis (if (el.addEventListener) ... else el.attachEvent(...)) will
// refine kUnguarded into kGuarded here without touching the matchers.
//
// Thread-safety: pure function.
#pragma once

#include "rules/engine/finding.h"
#include "scanner/document/document.h"
#include "scanner/lex/token.h"

namespace iescan::rules {

// `token` is the token the finding is reported at (null when none, e.g. a regex match
// that starts between tokens).
Guard ClassifyJsGuard(const scanner::Region& region, const scanner::Token* token);

}  // namespace iescan::rules
