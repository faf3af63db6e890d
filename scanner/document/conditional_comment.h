// Conditional comments, as Internet Explorer 5-9 read them.
//
//   downlevel-hidden    <!--[if IE 6]> markup only IE sees <![endif]-->
//   downlevel-revealed  <![if !IE]> markup everyone sees <![endif]>
//                       <!--[if !IE]><!--> markup everyone sees <!--<![endif]-->
//                       <!--[if !IE]>--> markup everyone sees <!--<![endif]-->
//
// An HTML parser sees a hidden one as a single comment and the revealed forms as
// ordinary (bogus) comments around normal markup. ClassifyComment reads the content of
// such a comment (the text between its delimiters).
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "scanner/document/document.h"

namespace iescan::scanner::document_internal {

struct ConditionalInfo {
  CommentKind kind = CommentKind::kPlain;
  std::string condition;  // "IE 6", "lt IE 9", "!IE"
  // For kDownlevelHidden: the markup IE sees, as positions in the comment content.
  size_t inner_begin = 0;
  size_t inner_end = 0;
  bool has_endif = false;  // "<![endif]" found at inner_end inside the content
};

ConditionalInfo ClassifyComment(std::string_view content);

}  // namespace iescan::scanner::document_internal
