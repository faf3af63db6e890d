// Banners, signatures, file names and advice of the recognised libraries.
#include "rules/checks/vendored_specs.h"

#include <array>

#include "rules/checks/vendored.h"

namespace iescan::rules::vendored {
namespace {

bool Before(std::string_view version, std::string_view limit) {
  return !version.empty() && CompareVersions(version, limit) < 0;
}

Advice IeOnlyShim(std::string_view) {
  return {true, "it exists only to patch Internet Explorer 6-9, which nobody uses any more",
          "delete it, with the conditional comment or script tag that loads it"};
}

Advice JQuery(std::string_view v) {
  if (v.empty()) {
    return {true, "the version is unknown; jQuery before 1.9 carries IE code paths and "
                  "jQuery.browser",
            "identify the version, then upgrade to jQuery 3.x with jQuery Migrate"};
  }
  if (Before(v, "1.9")) {
    return {true, "jQuery before 1.9 carries IE 6-8 code paths and jQuery.browser / "
                  "$.browser.msie sniffing, removed in 1.9",
            "upgrade to jQuery 3.x, running jQuery Migrate first to find removed APIs "
            "($.browser, .live(), .attr() on properties)"};
  }
  if (Before(v, "3")) {
    return {false, "works in current browsers, but the 1.x/2.x line is no longer maintained",
            "upgrade to jQuery 3.x with jQuery Migrate"};
  }
  return {false, "a current major version", "keep it up to date"};
}

Advice JQueryUi(std::string_view v) {
  if (v.empty() || Before(v, "1.10")) {
    return {true, "jQuery UI before 1.10 relies on $.browser, which jQuery 1.9 removed",
            "upgrade to jQuery UI 1.13 together with jQuery 3.x"};
  }
  return {false, "works in current browsers", "upgrade to jQuery UI 1.13"};
}

Advice Prototype(std::string_view) {
  return {true, "Prototype extends DOM prototypes and branches on Prototype.Browser.IE; it has "
                "not been maintained since 2015",
          "replace it with standard DOM APIs (querySelectorAll, classList, fetch)"};
}

Advice Scriptaculous(std::string_view) {
  return {true, "it needs Prototype and its IE-era browser branches",
          "replace the effects with CSS transitions and the widgets with maintained ones"};
}

Advice MooTools(std::string_view) {
  return {true, "MooTools branches on Browser.ie and extends native prototypes",
          "replace it with native APIs (or MooTools 1.6.0 without the compat layer)"};
}

Advice Dojo(std::string_view v) {
  if (v.empty() || Before(v, "1.7")) {
    return {true, "Dojo before 1.7 uses the synchronous loader and dojo.isIE branches",
            "upgrade to Dojo 1.17 (AMD) or move to a current framework"};
  }
  return {false, "works in current browsers; Dojo 1.x is in maintenance only",
          "upgrade to Dojo 1.17 or move to a current framework"};
}

Advice Yui2(std::string_view) {
  return {true, "YUI 2 was discontinued in 2011 and branches on YAHOO.env.ua.ie",
          "replace it with a maintained library"};
}

Advice Yui3(std::string_view) {
  return {false, "YUI 3 was discontinued in 2014", "replace it with a maintained library"};
}

Advice ExtJs(std::string_view v) {
  if (v.empty() || Before(v, "4")) {
    return {true, "Ext JS before 4 depends on IE document modes and Ext.isIE branches",
            "upgrade to a current Ext JS release or rewrite the screens"};
  }
  return {false, "works in current browsers when run in standards mode",
          "upgrade to a current Ext JS release"};
}

Advice TinyMce(std::string_view v) {
  if (v.empty() || Before(v, "4")) {
    return {true, "TinyMCE 3 and older use IE selection ranges and IE-only editing paths",
            "replace it with TinyMCE 7 (a new API: the configuration and plugins must be "
            "ported)"};
  }
  return {false, "works in current browsers", "upgrade to TinyMCE 7"};
}

Advice FckEditor(std::string_view) {
  return {true, "FCKeditor 2 relies on IE-era editing APIs and was discontinued in 2010",
          "replace it with CKEditor 5 (a new API: the integration must be rewritten)"};
}

Advice CkEditor(std::string_view v) {
  if (v.empty() || Before(v, "4")) {
    return {true, "CKEditor 3 carries IE-specific editing code and is long discontinued",
            "replace it with CKEditor 5"};
  }
  return {false, "CKEditor 4 works in current browsers but reached end of life in 2023",
          "upgrade to CKEditor 5"};
}

Advice Json2(std::string_view) {
  return {true, "only IE 6-7 lack a native JSON object", "delete it; every browser has JSON"};
}

Advice SwfObject(std::string_view) {
  return {true, "it embeds Flash content, which no current browser plays",
          "delete it with the Flash content, rebuilt in HTML, CSS and JavaScript"};
}

Advice Modernizr(std::string_view v) {
  if (v.empty() || Before(v, "3")) {
    return {true, "Modernizr 2 bundles html5shiv and tests written for old IE",
            "delete it, or use a Modernizr 3 custom build with only the tests still needed"};
  }
  return {false, "feature detection; works everywhere",
          "keep only the tests still needed, or delete it"};
}

constexpr std::array kSpecs = {
    LibrarySpec{"jQuery UI", R"(jQuery UI(?: -)?(?: [A-Z][A-Za-z]*){0,3} v?(\d+\.\d+(?:\.\d+)?))",
                "$.ui", R"(^\$\.ui,\s*\{\s*version:\s*["'](\d+\.\d+(?:\.\d+)?))", "",
                R"(jquery-ui[-.]?(\d+\.\d+(?:\.\d+)?)?(?:\.custom)?(?:\.min)?\.js)", false,
                &JQueryUi},
    LibrarySpec{"jQuery", R"(jQuery (?:JavaScript Library )?v(\d+\.\d+(?:\.\d+)?(?:[a-z]+\d*)?))",
                "jquery:", "", "", R"(jquery[-.]?(\d+\.\d+(?:\.\d+)?)?(?:\.min|\.pack)?\.js)",
                false, &JQuery},
    LibrarySpec{"script.aculo.us", R"(script\.aculo\.us [\w.]+\.js v(\d+\.\d+\.\d+))",
                "Scriptaculous", R"(^Scriptaculous\s*=\s*\{\s*Version\s*:\s*['"](\d+\.\d+\.\d+))",
                "", "", false, &Scriptaculous},
    LibrarySpec{"Prototype", R"(Prototype JavaScript framework, version (\d+\.\d+(?:\.\d+)*))",
                "Prototype", R"(^Prototype\s*=\s*\{\s*Version\s*:\s*['"](\d+\.\d+(?:\.\d+)*))",
                "", "", false, &Prototype},
    LibrarySpec{"MooTools", R"(MooTools(?::|,) (?:the javascript framework|<http://mootools\.net>))",
                "MooTools", R"(^MooTools\s*=\s*\{\s*version\s*:\s*['"](\d+\.\d+(?:\.\d+)*))", "",
                R"(mootools(?:-core)?[-.]?(\d+\.\d+(?:\.\d+)?)?[-\w.]*\.js)", false, &MooTools},
    LibrarySpec{"Dojo", R"(The Dojo Foundation)", "major:",
                R"(^major:\s*(\d+),\s*minor:\s*(\d+),\s*patch:\s*(\d+))", "dojo", "", false,
                &Dojo},
    LibrarySpec{"YUI", R"(Yahoo! Inc\. All rights reserved\.[\s\S]{0,200}?version: (2\.\d+\.\d+))",
                "YAHOO.register(",
                R"re(^YAHOO\.register\("[\w-]+",\s*[\w.]+,\s*\{\s*version:\s*"(2\.\d+\.\d+))re", "",
                "", false, &Yui2},
    LibrarySpec{"YUI", R"(YUI (3\.\d+\.\d+))", "", "", "", "", false, &Yui3},
    LibrarySpec{"Ext JS", R"(Ext (?:JS|Core) (?:Library )?(\d+\.\d+(?:\.\d+)*))", "", "", "",
                R"(ext-(?:all|base|core)(?:-debug)?\.js)", false, &ExtJs},
    LibrarySpec{"TinyMCE", R"(TinyMCE version (\d+\.\d+\.\d+))", "majorVersion",
                R"(^majorVersion\s*:\s*['"](\d+)['"]\s*,\s*minorVersion\s*:\s*['"](\d+(?:\.\d+)?))",
                "tinymce", R"((?:tiny_mce|tinymce)(?:_src|\.min|\.jquery(?:\.min)?)?\.js)", false,
                &TinyMce},
    LibrarySpec{"FCKeditor", R"(FCKeditor - The text editor for Internet)",
                "FCKeditor.prototype.Version",
                R"(^FCKeditor\.prototype\.Version\s*=\s*['"](\d+\.\d+(?:\.\d+)?))", "",
                R"(fckeditor\.js)", false, &FckEditor},
    LibrarySpec{"CKEditor", R"(CKSource - Frederico Knabben)", "CKEDITOR",
                R"(^CKEDITOR\s*=[\s\S]{0,200}?version\s*:\s*['"](\d+\.\d+(?:\.\d+)?))", "",
                R"(ckeditor\.js)", false, &CkEditor},
    LibrarySpec{"Modernizr", R"((?i)\bModernizr v?(\d+\.\d+(?:\.\d+)?))", "", "", "",
                R"(modernizr(?:[-.](\d+\.\d+(?:\.\d+)?))?[-.\w]*\.js)", true, &Modernizr},
    LibrarySpec{"html5shiv", R"((?i)html5 ?shiv(?: v?(\d+\.\d+(?:\.\d+)?(?:pre)?))?)", "", "", "",
                R"(html5(?:shiv)?(?:-printshiv)?(?:\.min)?\.js)", true, &IeOnlyShim},
    LibrarySpec{"respond.js", R"(Respond\.js v(\d+\.\d+\.\d+))", "", "", "",
                R"(respond(?:\.min|\.src)?\.js)", true, &IeOnlyShim},
    LibrarySpec{"CSS3 PIE", R"(PIE: CSS3 rendering for IE\s+Version (\d+\.\d+(?:\.\d+)?\w*))", "",
                "", "", R"(PIE(?:_IE678|_IE9)?(?:_uncompressed)?\.(?:htc|js))", true,
                &IeOnlyShim},
    LibrarySpec{"json2", R"(json2\.js\s+(\d{4}-\d{2}-\d{2}))", "", "", "",
                R"(json2(?:\.min)?\.js)", true, &Json2},
    LibrarySpec{"SWFObject", R"(SWFObject v(\d+\.\d+(?:\.\d+)?))", "", "", "",
                R"(swfobject(?:\.min)?\.js)", true, &SwfObject},
    LibrarySpec{"selectivizr", R"(selectivizr v(\d+\.\d+\.\d+))", "", "", "",
                R"(selectivizr(?:-min)?\.js)", true, &IeOnlyShim},
    LibrarySpec{"ExplorerCanvas", "", "", "", "",
                R"(excanvas(?:\.compiled|\.min)?\.js)", true, &IeOnlyShim},
    LibrarySpec{"DD_belatedPNG", R"(DD_belatedPNG: Adds IE6 support)", "", "", "",
                R"(DD_belatedPNG[-_.\w]*\.js)", true, &IeOnlyShim},
    LibrarySpec{"IE7.js", R"(IE[789]\.js - copyright \d{4}-\d{4}, Dean Edwards)", "", "", "",
                R"(IE[789](?:\.min)?\.js)", true, &IeOnlyShim},
};

}  // namespace

std::span<const LibrarySpec> AllLibrarySpecs() { return kSpecs; }

}  // namespace iescan::rules::vendored
