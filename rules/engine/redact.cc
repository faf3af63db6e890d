// Redaction of credentials in texts shown to users (see redact.h).
//
// One left-to-right pass collects the byte ranges of secret values, then the text is
// rebuilt with each range replaced. Every detector stops at the first byte that cannot
// belong to what it reads, and the pass resumes after each range found, so the cost stays
// linear in the text's size whatever it holds.
#include "rules/engine/redact.h"

#include <array>
#include <cstdint>
#include <vector>

namespace iescan::rules {
namespace {

struct Span {
  size_t begin = 0;
  size_t end = 0;
};

// Names whose value is a secret, in key=value and "key": "value" form. Compared ASCII
// case-insensitively; `token` and `secret` also cover access_token, client_secret...
constexpr std::array<std::string_view, 13> kSecretKeys = {
    "password", "passwd", "pwd",        "pass",      "token",     "api_key",   "api-key",
    "apikey",   "secret", "jsessionid", "phpsessid", "sessionid", "session_id"};
// A key that takes a suffix of letters: ASP's cookie is ASPSESSIONIDQQGGGRCR.
constexpr std::string_view kAspSession = "aspsessionid";
constexpr std::string_view kAuthorization = "authorization";
constexpr std::string_view kCookie = "cookie";

// The first letters of every word SecretAt looks for, which lets it reject any other
// letter at once.
constexpr bool IsFirstLetter(char c) {
  return c == 'a' || c == 'c' || c == 'j' || c == 'p' || c == 's' || c == 't';
}
constexpr bool AllStartWithFirstLetters() {
  for (std::string_view key : kSecretKeys) {
    if (!IsFirstLetter(key[0])) return false;
  }
  return IsFirstLetter(kAspSession[0]) && IsFirstLetter(kAuthorization[0]) &&
         IsFirstLetter(kCookie[0]);
}
static_assert(AllStartWithFirstLetters());

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAlnum(char c) { return IsAlpha(c) || (c >= '0' && c <= '9'); }
bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsSpace(char c) { return IsBlank(c) || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsQuote(char c) { return c == '"' || c == '\'' || c == '`'; }

bool StartsWithNoCase(std::string_view text, size_t at, std::string_view word) {
  if (text.size() - at < word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (Lower(text[at + k]) != word[k]) return false;
  }
  return true;
}

size_t SkipBlanks(std::string_view text, size_t at) {
  while (at < text.size() && IsBlank(text[at])) ++at;
  return at;
}

// Ends an unquoted value: a connection string's ';', a query's '&' or '#', markup, quotes.
bool EndsValue(char c) {
  switch (c) {
    case ';':
    case '&':
    case '#':
    case '"':
    case '\'':
    case '`':
    case '<':
    case '>':
    case ',':
    case ')':
    case ']':
    case '}':
    case '\\':
    case '?': return true;
    default: return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f;
  }
}

// A non-empty span, unless it already holds only the redaction mark.
bool Accept(std::string_view text, Span span, Span* out) {
  if (span.end <= span.begin) return false;
  if (text.substr(span.begin, span.end - span.begin) == kRedacted) return false;
  *out = span;
  return true;
}

// [at, end) of a quoted value opened by text[at - 1]: up to the same quote or a line end.
Span QuotedValue(std::string_view text, size_t at) {
  const char quote = text[at - 1];
  size_t end = at;
  while (end < text.size() && text[end] != quote && text[end] != '\n' && text[end] != '\r') ++end;
  return {at, end};
}

// Length of the secret key starting at `at` (0 when none): a whole word of kSecretKeys.
size_t SecretKeyAt(std::string_view text, size_t at) {
  size_t len = 0;
  if (StartsWithNoCase(text, at, kAspSession)) {
    len = kAspSession.size();
    while (at + len < text.size() && IsAlpha(text[at + len])) ++len;
    return len;
  }
  for (std::string_view key : kSecretKeys) {
    if (key.size() > len && StartsWithNoCase(text, at, key)) len = key.size();
  }
  if (len == 0) return 0;
  const size_t after = at + len;
  if (after < text.size() && (IsAlnum(text[after]) || text[after] == '_' || text[after] == '-')) {
    return 0;  // passwordHint, token_type, pass-through
  }
  return len;
}

bool IsSessionKey(std::string_view key) {
  for (std::string_view name : {"jsessionid", "phpsessid", "sessionid", "session_id"}) {
    if (key.size() == name.size() && StartsWithNoCase(key, 0, name)) return true;
  }
  return false;
}

// key=value, key = "value", "key": "value". An unquoted value counts only right after '='
// with no blank around it (a connection string, a query); `pwd = getPwd()` is code.
bool KeyValue(std::string_view text, size_t at, size_t key_len, Span* out) {
  size_t j = at + key_len;
  if (j < text.size() && (text[j] == '"' || text[j] == '\'')) ++j;  // "password": ...
  const size_t before_sep = j;
  j = SkipBlanks(text, j);
  if (j >= text.size() || (text[j] != '=' && text[j] != ':')) return false;
  const char sep = text[j++];
  if (sep == '=' && j < text.size() && text[j] == '=') return false;  // a comparison
  const size_t after_sep = j;
  j = SkipBlanks(text, j);
  if (j >= text.size()) return false;
  if (IsQuote(text[j])) {
    // "...;Password=" + pwd: the quote closes a literal that a variable continues.
    const size_t next = SkipBlanks(text, j + 1);
    if (next < text.size() && (text[next] == '+' || text[next] == '&')) return false;
    return Accept(text, QuotedValue(text, j + 1), out);
  }
  if (sep != '=' || before_sep + 1 != after_sep || j != after_sep) return false;
  if (text[j] == '{') {  // ODBC: PWD={a;b}
    size_t close = j + 1;
    while (close < text.size() && text[close] != '}' && text[close] != '\n') ++close;
    return Accept(text, {j, close < text.size() && text[close] == '}' ? close + 1 : close}, out);
  }
  // A session id never holds '/': in a path (list.jsp;jsessionid=...) it ends there.
  const bool session =
      StartsWithNoCase(text, at, kAspSession) || IsSessionKey(text.substr(at, key_len));
  size_t end = j;
  while (end < text.size() && !EndsValue(text[end]) && !(session && text[end] == '/')) ++end;
  return Accept(text, {j, end}, out);
}

// After "authorization" or "cookie" at `at`: an optional closing quote, ':' or ',' (the
// second argument of setRequestHeader), then the value. Returns the value's start and its
// opening quote (0 when unquoted), or false.
bool HeaderValue(std::string_view text, size_t at, size_t name_len, size_t* value, char* quote) {
  size_t j = at + name_len;
  if (j < text.size() && (text[j] == '"' || text[j] == '\'')) ++j;
  j = SkipBlanks(text, j);
  if (j >= text.size() || (text[j] != ':' && text[j] != ',')) return false;
  const bool comma = text[j] == ',';
  j = SkipBlanks(text, j + 1);
  *quote = 0;
  if (j < text.size() && IsQuote(text[j])) *quote = text[j++];
  if (comma && *quote == 0) return false;  // setRequestHeader("Authorization", variable)
  *value = j;
  return j < text.size();
}

bool IsTokenChar(char c) {
  return IsAlnum(c) || c == '+' || c == '/' || c == '=' || c == '.' || c == '_' || c == '~' ||
         c == '-';
}

// Authorization: <scheme> <credentials>: everything after the scheme up to the closing quote
// or the line end. A lone quoted token is taken as the credentials themselves.
bool Authorization(std::string_view text, size_t at, Span* out) {
  size_t j = 0;
  char quote = 0;
  if (!HeaderValue(text, at, kAuthorization.size(), &j, &quote)) return false;
  size_t word_end = j;
  while (word_end < text.size() && IsTokenChar(text[word_end])) ++word_end;
  if (word_end == j) return false;
  const size_t creds = SkipBlanks(text, word_end);
  const bool has_scheme = creds > word_end && creds < text.size() && IsTokenChar(text[creds]);
  if (!has_scheme) {
    return quote != 0 && word_end < text.size() && text[word_end] == quote &&
           Accept(text, {j, word_end}, out);
  }
  size_t end = creds;  // a quoted value ends at its quote, a header line at its end
  while (end < text.size() && text[end] != '\n' && text[end] != '\r' &&
         (quote == 0 ? text[end] != '<' : text[end] != quote)) {
    ++end;
  }
  while (end > creds && IsBlank(text[end - 1])) --end;
  return Accept(text, {creds, end}, out);
}

// Cookie: a=1; b=2 (a header line, or a quoted header value): the whole value.
bool Cookie(std::string_view text, size_t at, Span* out) {
  size_t j = 0;
  char quote = 0;
  if (!HeaderValue(text, at, kCookie.size(), &j, &quote)) return false;
  const bool line_start =
      at == 0 || text[at - 1] == '\n' || text[at - 1] == '\r' || text[at - 1] == '-';
  if (quote == 0 && !line_start) return false;  // {cookie: document.cookie} is code
  size_t end = j;
  while (end < text.size() && text[end] != '\n' && text[end] != '\r' &&
         (quote == 0 || text[end] != quote)) {
    ++end;
  }
  while (end > j && IsBlank(text[end - 1])) --end;
  return Accept(text, {j, end}, out);
}

// scheme://user:password@host: the password. `at` is the position of "://".
bool UrlUserinfo(std::string_view text, size_t at, Span* out) {
  const size_t begin = at + 3;
  size_t end = begin;
  size_t last_at = std::string_view::npos;
  while (end < text.size()) {
    const char c = text[end];
    if (c == '/' || c == '?' || c == '#' || c == '\\' || c == '<' || c == '>' || IsQuote(c) ||
        IsSpace(c)) {
      break;
    }
    if (c == '@') last_at = end;
    ++end;
  }
  if (last_at == std::string_view::npos) return false;
  const size_t colon = text.substr(begin, last_at - begin).find(':');
  if (colon == std::string_view::npos) return false;
  return Accept(text, {begin + colon + 1, last_at}, out);
}

// The secret found at `i`, if any.
bool SecretAt(std::string_view text, size_t i, Span* out) {
  const char c = text[i];
  if (c == ':') return text.compare(i, 3, "://") == 0 && UrlUserinfo(text, i, out);
  if (!IsFirstLetter(Lower(c)) || (i > 0 && IsAlnum(text[i - 1]))) return false;
  if (StartsWithNoCase(text, i, kAuthorization)) return Authorization(text, i, out);
  if (StartsWithNoCase(text, i, kCookie)) return Cookie(text, i, out);
  const size_t key_len = SecretKeyAt(text, i);
  return key_len > 0 && KeyValue(text, i, key_len, out);
}

std::vector<Span> FindSecrets(std::string_view text) {
  std::vector<Span> spans;
  size_t i = 0;
  while (i < text.size()) {
    Span span;
    if (SecretAt(text, i, &span)) {
      spans.push_back(span);
      i = span.end;
    } else {
      ++i;
    }
  }
  return spans;
}

}  // namespace

std::string Redact(std::string_view text) {
  const std::vector<Span> spans = FindSecrets(text);
  if (spans.empty()) return std::string(text);
  std::string out;
  out.reserve(text.size());
  size_t from = 0;
  for (const Span& s : spans) {
    out.append(text.substr(from, s.begin - from));
    out.append(kRedacted);
    from = s.end;
  }
  out.append(text.substr(from));
  return out;
}

namespace {
template <typename Text>
bool RedactText(Text* text) {
  if (FindSecrets(*text).empty()) return false;
  *text = Redact(*text);
  return true;
}
}  // namespace

bool RedactInPlace(std::string* text) { return RedactText(text); }

bool RedactInPlace(SharedText* text) {
  // Most findings share their message with many others (a pooled text, never moved or
  // freed): each thread remembers the last texts it found free of secrets by address, so
  // that the same message is searched once, not once per finding.
  thread_local std::array<const char*, 256> clean{};
  const char* at = text->data();
  const size_t slot = (reinterpret_cast<uintptr_t>(at) >> 3) & (clean.size() - 1);
  if (!text->empty() && clean[slot] == at) return false;
  if (RedactText(text)) return true;
  if (!text->empty()) clean[slot] = at;
  return false;
}
bool RedactInPlace(SnippetText* text) { return RedactText(text); }

void RedactFinding(Finding* finding) {
  RedactInPlace(&finding->snippet);
  RedactInPlace(&finding->match);
  RedactInPlace(&finding->detail);
  RedactInPlace(&finding->message);
}

}  // namespace iescan::rules
