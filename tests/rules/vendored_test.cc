// Vendored-library detection (banner, signature, file name) and the folding of the
// findings inside a library copy.
#include "rules/checks/vendored.h"

#include <gtest/gtest.h>

#include <string>

#include "rules/engine/catalog.h"
#include "rules/engine/engine.h"
#include "rules_test_util.h"

namespace iescan::rules {
namespace {

using testing::Kind;
using testing::MakeFile;

struct BannerCase {
  const char* path;
  const char* text;
  const char* name;
  const char* version;
  bool needs_ie_handling;
};

// Banners as the libraries ship them (first lines of the distributed files).
const BannerCase kBanners[] = {
    {"js/jquery-1.4.2.js",
     "/*!\n * jQuery JavaScript Library v1.4.2\n * http://jquery.com/\n *\n * Copyright 2010, "
     "John Resig\n */\n(function( window, undefined ) {\n",
     "jQuery", "1.4.2", true},
    {"js/jquery.min.js", "/*! jQuery v1.11.1 | (c) 2005, 2014 jQuery Foundation, Inc. | "
                         "jquery.org/license */\n!function(a,b){}",
     "jQuery", "1.11.1", false},
    {"js/jquery-ui.min.js",
     "/*! jQuery UI - v1.10.4 - 2014-01-17\n* http://jqueryui.com\n* Includes: "
     "jquery.ui.core.js */\n",
     "jQuery UI", "1.10.4", false},
    {"js/jquery.ui.core.js", "/*!\n * jQuery UI 1.8.16\n *\n * Copyright 2011, AUTHORS.txt\n */\n",
     "jQuery UI", "1.8.16", true},
    {"js/prototype.js",
     "/*  Prototype JavaScript framework, version 1.7.1\n *  (c) 2005-2010 Sam Stephenson\n */\n",
     "Prototype", "1.7.1", true},
    {"js/scriptaculous.js",
     "// script.aculo.us scriptaculous.js v1.9.0, Thu Dec 23 16:54:48 -0500 2010\n\n"
     "// Copyright (c) 2005-2010 Thomas Fuchs\n",
     "script.aculo.us", "1.9.0", true},
    {"js/mootools-core.js",
     "/*\n---\nMooTools: the javascript framework\n\nweb build:\n - "
     "http://mootools.net/core/76bf47062d6c1983d66ce47ad66aa0e0\n...\n*/\n\n(function(){\n\n"
     "this.MooTools = {\n\tversion: '1.4.5',\n\tbuild: "
     "'ab8ea8824dc3b24b6666867a2c4ed58ebb762cf0'\n};\n",
     "MooTools", "1.4.5", true},
    {"dojo/dojo.js",
     "/*\n\tCopyright (c) 2004-2011, The Dojo Foundation All Rights Reserved.\n\tAvailable via "
     "Academic Free License >= 2.1 OR the modified BSD license.\n*/\n(function(){var "
     "d=dojo;d.version={major:1,minor:6,patch:1,flag:\"\",revision:0};})();\n",
     "Dojo", "1.6.1", true},
    {"yui/yahoo-dom-event.js",
     "/*\nCopyright (c) 2011, Yahoo! Inc. All rights reserved.\nCode licensed under the BSD "
     "License:\nhttp://developer.yahoo.com/yui/license.html\nversion: 2.9.0\n*/\n",
     "YUI", "2.9.0", true},
    {"yui/node/node-min.js",
     "/*\nYUI 3.5.0 (build 5089)\nCopyright 2012 Yahoo! Inc. All rights reserved.\nLicensed "
     "under the BSD License.\n*/\nYUI.add('node',function(a){});\n",
     "YUI", "3.5.0", false},
    {"ext/ext-all.js",
     "/*!\n * Ext JS Library 3.4.0\n * Copyright(c) 2006-2011 Sencha Inc.\n * "
     "licensing@sencha.com\n */\n",
     "Ext JS", "3.4.0", true},
    {"tiny_mce/tiny_mce_src.js",
     "(function(win) {\n\tvar whiteSpaceRe = /^\\s*|\\s*$/g, undef;\n\n\tvar tinymce = {\n"
     "\t\tmajorVersion : '3',\n\n\t\tminorVersion : '5.8',\n\n\t\treleaseDate : '2012-11-20',\n",
     "TinyMCE", "3.5.8", true},
    {"tinymce/tinymce.min.js", "// 4.1.0 (2014-06-18)\n!function(e,t){\"use strict\";}(this);\n",
     "TinyMCE", "4.1.0", false},
    {"fckeditor/fckeditor.js",
     "/*\n * FCKeditor - The text editor for Internet - http://www.fckeditor.net\n * Copyright "
     "(C) 2003-2010 Frederico Caldeira Knabben\n */\nvar FCKeditor = function( instanceName ) "
     "{};\nFCKeditor.prototype.Version\t\t\t= '2.6.6' ;\n",
     "FCKeditor", "2.6.6", true},
    {"ckeditor/ckeditor.js",
     "/*\nCopyright (c) 2003-2012, CKSource - Frederico Knabben. All rights reserved.\nFor "
     "licensing, see LICENSE.html or http://ckeditor.com/license\n*/\n\n(function(){if(window."
     "CKEDITOR&&window.CKEDITOR.dom)return;window.CKEDITOR||(window.CKEDITOR=function(){var "
     "a={timestamp:'C6HH5UO',version:'3.6.4',revision:'7575'};return a;}());})();\n",
     "CKEditor", "3.6.4", true},
    {"js/html5shiv.js",
     "/**\n* @preserve HTML5 Shiv 3.7.3 | @afarkas @jdalton @jon_neal @rem | MIT/GPL2 Licensed\n*/\n",
     "html5shiv", "3.7.3", true},
    {"js/respond.min.js",
     "/*! Respond.js v1.4.2: min/max-width media query polyfill * Copyright 2013 Scott Jehl\n * "
     "Licensed under https://github.com/scottjehl/Respond/blob/master/LICENSE-MIT\n *  */\n",
     "respond.js", "1.4.2", true},
    {"css/PIE.htc",
     "<!--\nPIE: CSS3 rendering for IE\nVersion 1.0.0\nhttp://css3pie.com\nDual-licensed for use "
     "under the Apache License Version 2.0 or the General Public License (GPL) Version 2.\n-->\n"
     "<PUBLIC:COMPONENT lightWeight=\"true\">\n",
     "CSS3 PIE", "1.0.0", true},
    {"js/json2.js",
     "/*\n    json2.js\n    2011-10-19\n\n    Public Domain.\n\n    NO WARRANTY EXPRESSED OR "
     "IMPLIED. USE AT YOUR OWN RISK.\n*/\n",
     "json2", "2011-10-19", true},
    {"js/swfobject.js",
     "/*!\tSWFObject v2.2 <http://code.google.com/p/swfobject/> \n\tis released under the MIT "
     "License <http://www.opensource.org/licenses/mit-license.php> \n*/\n",
     "SWFObject", "2.2", true},
    {"js/modernizr.custom.js",
     "/* Modernizr 2.6.2 (Custom Build) | MIT & BSD\n * Build: "
     "http://modernizr.com/download/#-fontface-backgroundsize-shiv-cssclasses\n */\n",
     "Modernizr", "2.6.2", true},
};

TEST(VendoredDetectTest, RecognisesEachLibraryAndVersionFromItsBanner) {
  for (const BannerCase& c : kBanners) {
    SCOPED_TRACE(c.path);
    std::optional<VendoredLibrary> lib = DetectVendoredLibrary(c.path, c.text);
    ASSERT_TRUE(lib.has_value());
    EXPECT_EQ(lib->name, c.name);
    EXPECT_EQ(lib->version, c.version);
    EXPECT_EQ(lib->needs_ie_handling, c.needs_ie_handling);
    EXPECT_FALSE(lib->upgrade.empty());
  }
}

TEST(VendoredDetectTest, BannerEvidenceStartsAtItsComment) {
  std::optional<VendoredLibrary> lib = DetectVendoredLibrary("a.js", kBanners[0].text);
  ASSERT_TRUE(lib.has_value());
  EXPECT_EQ(lib->evidence, "banner");
  EXPECT_EQ(lib->offset, 0u);
  EXPECT_EQ(lib->Label(), "jQuery 1.4.2");
  EXPECT_EQ(lib->upgrade,
            "upgrade to jQuery 3.x, running jQuery Migrate first to find removed APIs "
            "($.browser, .live(), .attr() on properties)");
}

TEST(VendoredDetectTest, RecognisesMinifiedJQueryWithoutBannerBySignature) {
  const std::string old_style =
      "(function(a,b){var f=function(a,b){return new f.fn.init(a,b)};f.fn=f.prototype={"
      "constructor:f,init:function(a,c,d){return this},selector:\"\",jquery:\"1.7.2\",length:0};"
      "a.jQuery=a.$=f})(window);";
  std::optional<VendoredLibrary> lib = DetectVendoredLibrary("static/app-libs.js", old_style);
  ASSERT_TRUE(lib.has_value());
  EXPECT_EQ(lib->name, "jQuery");
  EXPECT_EQ(lib->version, "1.7.2");
  EXPECT_EQ(lib->evidence, "signature");
  EXPECT_EQ(lib->offset, old_style.find("jquery:"));
  EXPECT_TRUE(lib->needs_ie_handling);

  const std::string new_style =
      "!function(a,b){var c=[],m=\"1.11.1\",n=function(a,b){return new n.fn.init(a,b)};"
      "n.fn=n.prototype={jquery:m,constructor:n,selector:\"\",length:0}}(window);";
  lib = DetectVendoredLibrary("bundle.js", new_style);
  ASSERT_TRUE(lib.has_value());
  EXPECT_EQ(lib->Label(), "jQuery 1.11.1");
  EXPECT_FALSE(lib->needs_ie_handling);
}

TEST(VendoredDetectTest, RecognisesShimsByFileNameAlone) {
  std::optional<VendoredLibrary> lib =
      DetectVendoredLibrary("site/js/html5shiv.min.js", "!function(a,b){a.html5={}}(this);");
  ASSERT_TRUE(lib.has_value());
  EXPECT_EQ(lib->Label(), "html5shiv (version unknown)");
  EXPECT_EQ(lib->evidence, "file name");
  EXPECT_EQ(lib->upgrade, "delete it, with the conditional comment or script tag that loads it");
  lib = DetectVendoredLibrary("css\\PIE.htc", "<PUBLIC:COMPONENT lightWeight=\"true\">");
  ASSERT_TRUE(lib.has_value());
  EXPECT_EQ(lib->name, "CSS3 PIE");
}

TEST(VendoredDetectTest, DoesNotRecogniseApplicationCode) {
  const char* app =
      "// Order entry: totals and validation. Uses jQuery (loaded by the page).\n"
      "var config = { paths: { jquery: 'libs/jquery' }, version: '2.1' };\n"
      "function total() { return $('#qty').val() * price; }\n"
      "if (typeof G_vmlCanvasManager != 'undefined') G_vmlCanvasManager.initElement(c);\n";
  EXPECT_FALSE(DetectVendoredLibrary("js/orders.js", app).has_value());
  EXPECT_FALSE(DetectVendoredLibrary("js/jquery-plugins-config.js", app).has_value());
  EXPECT_FALSE(DetectVendoredLibrary("js/prototype.js", "var Prototype = 3;").has_value());
}

TEST(VendoredDetectTest, ComparesVersionsNumerically) {
  EXPECT_EQ(CompareVersions("1.10", "1.9"), 1);
  EXPECT_EQ(CompareVersions("1.8.3", "1.9"), -1);
  EXPECT_EQ(CompareVersions("1.9", "1.9.0"), 0);
  EXPECT_EQ(CompareVersions("1.5.2pre", "1.9"), -1);
}

constexpr char kJQuery142[] =
    "/*!\n"
    " * jQuery JavaScript Library v1.4.2\n"
    " * http://jquery.com/\n"
    " */\n"
    "(function( window, undefined ) {\n"
    "\tif ( document.addEventListener ) {\n"
    "\t\tdocument.addEventListener( \"DOMContentLoaded\", DOMContentLoaded, false );\n"
    "\t} else {\n"
    "\t\tdocument.attachEvent(\"onreadystatechange\", DOMContentLoaded);\n"
    "\t}\n"
    "\tvar all = document.all;\n"
    "\tvar xhr = new window.ActiveXObject(\"Microsoft.XMLHTTP\");\n"
    "})(window);\n";

class VendoredFoldTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Catalog> builtin = Catalog::Builtin();
    ASSERT_TRUE(builtin.ok()) << builtin.status().message();
    catalog_ = new Catalog(std::move(builtin).value());
  }
  static void TearDownTestSuite() { delete catalog_; }

  FileScan Scan(const std::string& path, const std::string& text, bool include) {
    EngineOptions options;
    options.include_vendored = include;
    Engine engine(*catalog_, options);
    scanner::TextFile file = MakeFile(text, path);
    Result<FileScan> scan = engine.ScanFile(file, Kind(scanner::FileKind::kJs));
    EXPECT_TRUE(scan.ok());
    return scan.ok() ? std::move(scan).value() : FileScan{};
  }

  static Catalog* catalog_;
};
Catalog* VendoredFoldTest::catalog_ = nullptr;

std::vector<std::string> Rendered(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(testing::Render(f));
  return out;
}

TEST_F(VendoredFoldTest, FoldsInnerFindingsUnderOneLibraryFinding) {
  FileScan scan = Scan("js/jquery-1.4.2.js", kJQuery142, false);
  ASSERT_TRUE(scan.library.has_value());
  EXPECT_EQ(scan.library->Label(), "jQuery 1.4.2");
  EXPECT_EQ(Rendered(scan.findings), std::vector<std::string>{"1:1 vendored.library"});
  EXPECT_EQ(scan.folded_findings, 3u);
  EXPECT_EQ(scan.findings[0].detail, "jQuery 1.4.2");
  EXPECT_EQ(scan.findings[0].message,
            "Bundled copy of jQuery 1.4.2: this version needs IE-specific handling: jQuery "
            "before 1.9 carries IE 6-8 code paths and jQuery.browser / $.browser.msie sniffing, "
            "removed in 1.9. Upgrade: upgrade to jQuery 3.x, running jQuery Migrate first to "
            "find removed APIs ($.browser, .live(), .attr() on properties) (3 finding(s) inside "
            "this library are folded under this one; --include-vendored lists them)");
}

TEST_F(VendoredFoldTest, KeepsInnerFindingsWithIncludeVendored) {
  FileScan scan = Scan("js/jquery-1.4.2.js", kJQuery142, true);
  ASSERT_TRUE(scan.library.has_value());
  EXPECT_EQ(scan.folded_findings, 0u);
  EXPECT_EQ(Rendered(scan.findings),
            (std::vector<std::string>{"1:1 vendored.library", "9:12 events.attach-event",
                                      "11:12 dom.document-all", "12:23 activex.xmlhttp"}));
}

TEST_F(VendoredFoldTest, ApplicationFileKeepsItsFindingsAndHasNoLibrary) {
  FileScan scan = Scan("js/orders.js", "document.attachEvent(\"onclick\", save);\n", false);
  EXPECT_FALSE(scan.library.has_value());
  EXPECT_EQ(scan.folded_findings, 0u);
  EXPECT_EQ(Rendered(scan.findings), std::vector<std::string>{"1:10 events.attach-event"});
}

}  // namespace
}  // namespace iescan::rules
