// Redact(): the secret part of connection strings, URLs, headers and query strings becomes
// "***", the rest of the text stays as it was; and findings of the built-in catalogue are
// redacted before anyone sees them.
#include "rules/engine/redact.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/engine/catalog.h"
#include "tests/rules/rules_test_util.h"

namespace iescan::rules {
namespace {

struct Case {
  std::string input;
  std::string expected;
};

TEST(RedactTest, ReplacesOnlyTheSecret) {
  const std::vector<Case> cases = {
      // Connection strings.
      {"Provider=SQLOLEDB;Data Source=db01;User ID=sa;Password=secret;",
       "Provider=SQLOLEDB;Data Source=db01;User ID=sa;Password=***;"},
      {"DSN=hr;UID=web;PWD=Order$2005", "DSN=hr;UID=web;PWD=***"},
      {"Driver={SQL Server};Pwd={a;b}c;Server=x", "Driver={SQL Server};Pwd=***c;Server=x"},
      {"conn.Open(\"Server=x;Password=hunter2\")", "conn.Open(\"Server=x;Password=***\")"},
      {"Password='it is secret';User ID=sa", "Password='***';User ID=sa"},
      {"passwd=abc pass=def", "passwd=*** pass=***"},
      // URLs.
      {"http://user:secret@host/path", "http://user:***@host/path"},
      {"see ftp://scan:Scan2008@fileserv01/in/ and https://a:b@c",
       "see ftp://scan:***@fileserv01/in/ and https://a:***@c"},
      {"http://u:p@ss@host/", "http://u:***@host/"},
      {"http://user@host/ http://host:8080/a@b", "http://user@host/ http://host:8080/a@b"},
      {"/app/list.asp?id=3&password=hunter2&sort=name",
       "/app/list.asp?id=3&password=***&sort=name"},
      {"?token=abc&access_token=def&api_key=ghi&apikey=jkl&client_secret=mno#top",
       "?token=***&access_token=***&api_key=***&apikey=***&client_secret=***#top"},
      {"/shop/cart.jsp;jsessionid=0A1B2C3D?x=1", "/shop/cart.jsp;jsessionid=***?x=1"},
      {"saved/list.jsp;jsessionid=0A1B/menu.js", "saved/list.jsp;jsessionid=***/menu.js"},
      {"Password=ab/cd;", "Password=***;"},
      {"ASPSESSIONIDQQGGGRCR=LKJHGFDSAPOIU; path=/", "ASPSESSIONIDQQGGGRCR=***; path=/"},
      // Headers.
      {"xhr.setRequestHeader(\"Authorization\", \"Basic c3RvY2s6V2FyZQ==\");",
       "xhr.setRequestHeader(\"Authorization\", \"Basic ***\");"},
      {"Authorization: Bearer abc.def.ghi\r\nAccept: */*",
       "Authorization: Bearer ***\r\nAccept: */*"},
      {"{\"Authorization\": \"Bearer 9f8e7d6c\"}", "{\"Authorization\": \"Bearer ***\"}"},
      {"Proxy-Authorization: Digest username=\"a\", response=\"b\"",
       "Proxy-Authorization: Digest ***"},
      {"setRequestHeader(\"Authorization\", \"dXNlcg==\")",
       "setRequestHeader(\"Authorization\", \"***\")"},
      {"Cookie: ASP.NET_SessionId=abc; theme=blue", "Cookie: ***"},
      {"Set-Cookie: JSESSIONID=0A1B; Path=/", "Set-Cookie: ***"},
      // Quoted literals in code; code itself stays.
      {"var password = \"hunter2\";", "var password = \"***\";"},
      {"{\"password\": \"hunter2\", \"user\": \"sa\"}",
       "{\"password\": \"***\", \"user\": \"sa\"}"},
  };
  for (const Case& c : cases) EXPECT_EQ(Redact(c.input), c.expected) << c.input;
}

TEST(RedactTest, LeavesTextWithoutSecretsAlone) {
  const std::vector<std::string> unchanged = {
      "",
      "Password=;",                                 // empty
      "\"...;Password=\" + pwd",                    // the value is a variable
      "var pwd = getPwd(); if (pwd == \"\") {}",    // code, not a literal
      "passwordHint=blue; bypass=1; token_type=x",  // other keys
      "xhr.setRequestHeader(\"Authorization\", token);",
      "xhr.setRequestHeader(\"Authorization\", \"Basic \" + btoa(u + \":\" + p));",
      "open(method, url, async, user, password)",
      "{cookie: document.cookie}",
      "http://intranet/app/?page=2#password",
      "Password=***; http://a:***@b/ Authorization: Basic ***",  // already redacted
  };
  for (const std::string& text : unchanged) {
    std::string copy = text;
    EXPECT_EQ(Redact(text), text);
    EXPECT_FALSE(RedactInPlace(&copy)) << text;
  }
}

TEST(RedactTest, IsIdempotentAndReportsChanges) {
  std::string text = "Data Source=x;Password=hunter2 http://a:hunter2@h/?pwd=hunter2";
  EXPECT_TRUE(RedactInPlace(&text));
  EXPECT_EQ(text, "Data Source=x;Password=*** http://a:***@h/?pwd=***");
  EXPECT_EQ(Redact(text), text);
}

TEST(RedactTest, SafeOnAnyBytes) {
  // Invalid UTF-8 and NUL bytes around a secret: only the value changes, byte for byte.
  std::string text = std::string("\xff\xfe\x80password=\xc3\x28\xe2\x82") + '\0' + "x;\xed\xa0\x80";
  EXPECT_EQ(Redact(text), std::string("\xff\xfe\x80password=***") + '\0' + "x;\xed\xa0\x80");
  // Non-ASCII passwords are removed whole.
  EXPECT_EQ(Redact("Pwd=\xe7\xa7\x98\xe5\xaf\x86;"), "Pwd=***;");
  // Truncated input at every length never reads past the end.
  const std::string full = "Authorization: Basic abc http://u:p@h Password=\"x\" Cookie: a";
  for (size_t n = 0; n <= full.size(); ++n) Redact(full.substr(0, n));
}

TEST(RedactTest, HugeLinesStayLinear) {
  // 4 MiB of patterns that each start a detector: finishes quickly and keeps the size.
  std::string text;
  while (text.size() < (4u << 20)) text += "password=\"password=\"://://authorization:";
  std::string out = Redact(text);
  EXPECT_LT(out.size(), text.size());
  std::string spaces(4u << 20, ' ');
  spaces.insert(0, "Password");
  EXPECT_EQ(Redact(spaces), spaces);
}

TEST(RedactTest, CatalogueTextIsNeverMangled) {
  Result<Catalog> catalog = Catalog::Builtin();
  ASSERT_TRUE(catalog.ok()) << catalog.status().message();
  for (const Rule* rule : catalog->rules()) {
    EXPECT_EQ(Redact(rule->message), rule->message) << rule->id;
    EXPECT_EQ(Redact(rule->title), rule->title) << rule->id;
  }
}

// Findings of the security rules: reported at the exact place, with every text redacted.
TEST(RedactTest, FindingsOfTheCatalogueAreRedacted) {
  Result<Catalog> catalog = Catalog::Builtin();
  ASSERT_TRUE(catalog.ok()) << catalog.status().message();
  const std::string page =
      "<!DOCTYPE html>\n"
      "<html><body>\n"
      "<script>\n"
      "var c = \"Provider=SQLOLEDB;Data Source=db;User ID=sa;Password=hunter2;\";\n"
      "location.href = \"http://admin:hunter2@intranet/\";\n"
      "</script>\n"
      "<object classid=\"clsid:BD96C556-65A3-11D0-983A-00C04FC29E33\">\n"
      "<param name=\"Connect\" value=\"DSN=hr;UID=sa;PWD=hunter2\"></object>\n"
      "</body></html>\n";
  std::vector<Finding> findings = testing::ScanFindings(*catalog, page, scanner::FileKind::kHtml);
  std::vector<std::string> rendered;
  for (const Finding& f : findings) {
    rendered.push_back(testing::Render(f));
    for (std::string_view text : {f.snippet.view(), f.match.view(), f.detail.view(), f.message.view()}) {
      EXPECT_EQ(text.find("hunter2"), std::string_view::npos) << f.rule->id << ": " << text;
    }
  }
  EXPECT_EQ(rendered,
            (std::vector<std::string>{"4:9 security.connection-string-password",
                                      "5:18 security.url-credentials", "7:1 activex.object-classid",
                                      "8:23 security.markup-credentials"}));
  ASSERT_EQ(findings.size(), 4u);
  EXPECT_EQ(findings[0].snippet,
            "var c = \"Provider=SQLOLEDB;Data Source=db;User ID=sa;Password=***;\";");
  EXPECT_EQ(findings[1].snippet, "location.href = \"http://admin:***@intranet/\";");
  EXPECT_EQ(findings[3].detail, "DSN=hr;UID=sa;PWD=***");
}

// Pooled texts found clean are remembered by address: asking again (the same message for
// many findings) answers the same, and a text with a secret is redacted every time.
TEST(RedactTest, PooledTextsAnswerTheSameWhenAskedAgain) {
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 600; ++i) {
      SharedText clean("message " + std::to_string(i) + ": document.all is not a test");
      EXPECT_FALSE(RedactInPlace(&clean));
      EXPECT_EQ(clean, "message " + std::to_string(i) + ": document.all is not a test");
      SharedText secret("conn " + std::to_string(i) + ": Password=hunter2;");
      EXPECT_TRUE(RedactInPlace(&secret));
      EXPECT_EQ(secret, "conn " + std::to_string(i) + ": Password=***;");
      SharedText empty;
      EXPECT_FALSE(RedactInPlace(&empty));
    }
  }
}

}  // namespace
}  // namespace iescan::rules
