// Redaction: hides the secret part of a text before it reaches any report, log or file.
//
// Finding snippets, matched text and details, and the paths and URLs shown in reports come
// from scanned files and crawled sites, which may hold credentials (a connection string's
// password, the password in `http://user:pass@host/`, an `Authorization` header, a session
// id in a query string). Redact() keeps the text readable and its shape intact and replaces
// only each secret value with "***":
//
//   Password=secret;              -> Password=***;      (also Pwd=, passwd=, pass=, quoted)
//   "password": "secret"          -> "password": "***"
//   http://user:secret@host/      -> http://user:***@host/
//   Authorization: Basic dXNlcg== -> Authorization: Basic ***   (Bearer, Digest, NTLM ...)
//   ?token=abc&x=1                -> ?token=***&x=1     (access_token, api_key, apikey,
//                                                         secret, jsessionid, ASPSESSIONID...)
//   Cookie: a=1; b=2              -> Cookie: ***
//
// Key names are ASCII case-insensitive and must stand alone (`passwordHint=` and `bypass=`
// are left alone). A value written as code (`password = getPwd()`) is kept; a quoted literal
// there is redacted. Redact() works on bytes: any input, valid UTF-8 or not, of any length,
// is handled in time linear in its size, and the boundaries it cuts at are ASCII bytes, so
// valid UTF-8 stays valid. Redacting a redacted text changes nothing.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "rules/engine/finding.h"

namespace iescan::rules {

inline constexpr std::string_view kRedacted = "***";

// `text` with every secret value replaced by kRedacted.
std::string Redact(std::string_view text);

// Redacts `*text` in place; returns true when something was replaced.
bool RedactInPlace(std::string* text);
bool RedactInPlace(SharedText* text);
bool RedactInPlace(SnippetText* text);

// Redacts everything of a finding that shows text of the scanned file: snippet, match,
// detail and message.
void RedactFinding(Finding* finding);

}  // namespace iescan::rules
