// URL parsing, resolution, normalisation, redaction, globs and shapes.
#include "scanner/crawl/url.h"

#include <gtest/gtest.h>

namespace iescan::scanner {
namespace {

std::string Spec(std::string_view text) {
  Result<Url> url = ParseUrl(text);
  return url.ok() ? url->Spec() : "error: " + url.status().message();
}

std::string Resolve(std::string_view base, std::string_view ref) {
  Result<Url> b = ParseUrl(base);
  if (!b.ok()) return "bad base";
  Result<Url> r = ResolveUrl(*b, ref);
  return r.ok() ? r->Spec() : "error: " + r.status().message();
}

TEST(Url, NormalisesCaseDefaultPortsDotSegmentsAndFragments) {
  const std::pair<const char*, const char*> cases[] = {
      {"HTTP://Intranet.Example:80/App/./a/../Index.asp#top",
       "http://intranet.example/App/Index.asp"},
      {"https://h:443", "https://h/"},
      {"https://h:8443/x", "https://h:8443/x"},
      {"http://h/a%2e%2e/%2E%2E/b", "http://h/b"},
      {"http://h/%7euser/%41%2f", "http://h/~user/A%2F"},
      {"http://h/a b/\xe4\xbd\x8f.asp", "http://h/a%20b/%E4%BD%8F.asp"},
      {"http://h/q?x={1}&y=%zz", "http://h/q?x=%7B1%7D&y=%25zz"},
      {"http://h\\dir\\page.htm", "http://h/dir/page.htm"},
      {"  http://h/a\t/b\n  ", "http://h/a/b"},
      {"http://h.example./", "http://h.example/"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(Spec(in), want) << in;
}

TEST(Url, RefusesWhatCannotBeCrawled) {
  EXPECT_EQ(Spec("javascript:void(0)"), "error: not an http or https URL");
  EXPECT_EQ(Spec("file:///etc/passwd"), "error: not an http or https URL");
  EXPECT_EQ(Spec("http://"), "error: missing host");
  EXPECT_EQ(Spec("http://h:99999/"), "error: bad port");
  EXPECT_EQ(Spec("http://h:8o/"), "error: bad port");
  EXPECT_EQ(Spec("relative/page.htm"), "error: not an absolute URL");
  EXPECT_EQ(Spec("http://" + std::string(9000, 'a')), "error: URL longer than 8 KiB");
}

TEST(Url, ResolvesReferencesAsBrowsersDo) {
  const char* base = "http://h/app/sub/page.asp?x=1";
  const std::pair<const char*, const char*> cases[] = {
      {"menu.asp", "http://h/app/sub/menu.asp"},      {"../css/a.css", "http://h/app/css/a.css"},
      {"../../../../x.js", "http://h/x.js"},          {"/root.htm", "http://h/root.htm"},
      {"//other:8080/y", "http://other:8080/y"},      {"?y=2", "http://h/app/sub/page.asp?y=2"},
      {"#frag", "http://h/app/sub/page.asp?x=1"},     {"", "http://h/app/sub/page.asp?x=1"},
      {"http:next.asp", "http://h/app/sub/next.asp"}, {"https://s/z", "https://s/z"},
      {" help.htm ", "http://h/app/sub/help.htm"},    {"..\\img\\a.gif", "http://h/app/img/a.gif"},
  };
  for (const auto& [ref, want] : cases) EXPECT_EQ(Resolve(base, ref), want) << ref;
  EXPECT_EQ(Resolve(base, "vbscript:ConfirmLogout()"), "error: not an http or https URL");
  EXPECT_EQ(Resolve(base, "mailto:a@b"), "error: not an http or https URL");
}

TEST(Url, StripsTrackingParametersAndKeepsOthersInOrder) {
  Result<Url> url = ParseUrl("http://h/p?utm_source=mail&b=2&fbclid=X&a=1&UTM_medium=y");
  ASSERT_TRUE(url.ok());
  StripParams(&*url, DefaultTrackingParams());
  EXPECT_EQ(url->Spec(), "http://h/p?b=2&a=1");
  Result<Url> only = ParseUrl("http://h/p?gclid=1");
  StripParams(&*only, DefaultTrackingParams());
  EXPECT_EQ(only->Spec(), "http://h/p");
  Result<Url> custom = ParseUrl("http://h/p?_=123&id=4");
  StripParams(&*custom, {"_"});
  EXPECT_EQ(custom->Spec(), "http://h/p?id=4");
}

TEST(Url, DedupKeyDropsSessionPathParametersAndCanFoldCase) {
  Result<Url> a = ParseUrl("http://h/App/List.jsp;jsessionid=0123ABCD?p=1");
  Result<Url> b = ParseUrl("http://h/App/List.jsp;JSESSIONID=99?p=1");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(DedupKey(*a, false), "http://h/App/List.jsp?p=1");
  EXPECT_EQ(DedupKey(*a, false), DedupKey(*b, false));
  EXPECT_EQ(DedupKey(*a, true), "http://h/app/list.jsp?p=1");
  Result<Url> keep = ParseUrl("http://h/a;v=2/b");
  EXPECT_EQ(DedupKey(*keep, false), "http://h/a;v=2/b");
}

TEST(Url, RedactionHidesUserinfoSecretParametersAndSessions) {
  const std::vector<std::string>& secrets = DefaultSecretParams();
  Result<Url> url = ParseUrl(
      "http://kanri:Kanri-Pa55@h/app/(S(abcdefghijklmnop))/"
      "list.jsp;jsessionid=ABC?"
      "id=7&Password=hunter2&sid=XYZ&token=t0k&aspsessionidQQ=1");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(RedactUrl(*url, secrets),
            "http://h/app/(S(REDACTED))/list.jsp;jsessionid=REDACTED?"
            "id=7&Password=REDACTED&sid=REDACTED&token=REDACTED&aspsessionidQQ="
            "REDACTED");
  EXPECT_EQ(RedactUrlText("http://u:p@h/x?pwd=1", secrets), "http://h/x?pwd=REDACTED");
  EXPECT_EQ(RedactUrlText("http://u:secret@bad host/", secrets), "http://bad host/");
  EXPECT_EQ(RedactUrlText("plain text", secrets), "plain text");
}

TEST(Url, GlobMatchesWholeUrls) {
  EXPECT_TRUE(GlobMatch("http://h/app/*", "http://h/app/a/b.asp?x=1"));
  EXPECT_TRUE(GlobMatch("*/admin/*", "http://h/app/admin/x"));
  EXPECT_TRUE(GlobMatch("http://h/?.htm", "http://h/a.htm"));
  EXPECT_FALSE(GlobMatch("http://h/?.htm", "http://h/ab.htm"));
  EXPECT_FALSE(GlobMatch("http://h/app/*", "http://h/other/"));
  EXPECT_TRUE(GlobMatch("*.pdf", "http://h/x.pdf"));
  EXPECT_FALSE(GlobMatch("*.pdf", "http://h/x.pdf?dl=1"));
  EXPECT_TRUE(GlobMatch("**", ""));
  // A pathological pattern stays fast (no exponential backtracking).
  EXPECT_FALSE(GlobMatch("*a*a*a*a*a*a*a*a*b", std::string(5000, 'a')));
}

TEST(Url, ShapeGroupsCalendarsAndIdentifiers) {
  auto shape = [](std::string_view text) { return UrlShape(*ParseUrl(text)); };
  EXPECT_EQ(shape("http://h/cal?month=2024-01"), "http://h/cal?month=#-#");
  EXPECT_EQ(shape("http://h/cal?month=2031-12"), shape("http://h/cal?month=2024-01"));
  EXPECT_EQ(shape("http://h/cal/2024/01/15/"), "http://h/cal/#/#/#/");
  EXPECT_EQ(shape("http://h/s/3f2a9c01b7e44d55aa/x.asp"), "http://h/s/*/x.asp");
  EXPECT_EQ(shape("http://h/p?b=1&a=x"), "http://h/p?a=x&b=#");
  EXPECT_NE(shape("http://h/list.asp"), shape("http://h/edit.asp"));
  EXPECT_TRUE(HasRepeatedSegments(*ParseUrl("http://h/a/b/a/b/a/x"), 3));
  EXPECT_FALSE(HasRepeatedSegments(*ParseUrl("http://h/a/b/a/x"), 3));
}

TEST(Url, LooksLikeUrlOnlyForHttpRoots) {
  EXPECT_TRUE(LooksLikeUrl("http://intranet.example/app/"));
  EXPECT_TRUE(LooksLikeUrl("HTTPS://h/"));
  EXPECT_FALSE(LooksLikeUrl("corpus/apps"));
  EXPECT_FALSE(LooksLikeUrl("http:relative"));
  EXPECT_FALSE(LooksLikeUrl("ftp://h/"));
  EXPECT_EQ(PercentDecode("a%20b%zz%4"), "a b%zz%4");
}

}  // namespace
}  // namespace iescan::scanner
