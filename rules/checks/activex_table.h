// ActiveX identification: a table of well-known ActiveX controls and COM classes (by CLSID
// and by ProgID) with vendor, product and what replaces each one, and the post-processing
// step that names the control in the findings of the generic ActiveX rules.
//
// The generic rules (activex.object-classid, activex.activex-object, vbscript.create-object,
// activex.get-object) only know that "some control" is used. IdentifyActiveX() rewrites
// such a finding's detail and message to say which product it is and what to use instead;
// an identifier the table does not know is reported as an in-house (or unidentified)
// control, the most expensive kind to migrate, with its effort raised to large. The
// ProgID family rules (activex.acrobat, activex.flash, ...) keep their own message and only
// get the product name in their detail.
//
// Thread-safety: the table is a constant; every function is pure.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "rules/engine/finding.h"
#include "rules/engine/rule.h"

namespace iescan::rules {

enum class ActiveXIdKind : uint8_t {
  kClsid,         // a CLSID, upper-case, no braces
  kClsidPrefix,   // every CLSID starting with `id` (the Java plug-in's CAFEEFAC-...)
  kProgId,        // a ProgID; matches also with a version suffix (".1", ".6.0")
  kProgIdPrefix,  // every ProgID starting with `id` ("CAPICOM.")
};

struct ActiveXControl {
  ActiveXIdKind kind;
  std::string_view id;
  std::string_view vendor;       // "Adobe"
  std::string_view product;      // "Adobe Reader / Acrobat PDF control"
  std::string_view replacement;  // "show the PDF in the browser's built-in viewer ..."
  Confidence confidence;         // how sure we are that the identifier means this product
};

// Every entry of the table, CLSIDs first, in a fixed order.
std::span<const ActiveXControl> AllActiveXControls();

// "clsid:{ca8a9780-280d-11cf-a24d-444553540000}" -> "CA8A9780-280D-11CF-A24D-444553540000";
// empty when the text holds no CLSID.
std::string NormalizeClsid(std::string_view text);

// The control a CLSID (any spelling NormalizeClsid accepts) or a ProgID names, or null.
const ActiveXControl* FindActiveXByClsid(std::string_view text);
const ActiveXControl* FindActiveXByProgId(std::string_view progid);
// Either of the two, whichever the text looks like.
const ActiveXControl* FindActiveX(std::string_view text);

// Post-processing of one finding (see the file comment). Findings of other rules, of rules
// not from the built-in catalogue, and findings without a literal identifier in their
// detail are left unchanged.
void IdentifyActiveX(Finding* finding);

}  // namespace iescan::rules
