// The table of well-known ActiveX controls and the finding post-processing step.
#include "rules/checks/activex_table.h"

#include <array>
#include <cctype>

namespace iescan::rules {
namespace {

using K = ActiveXIdKind;
constexpr Confidence kHi = Confidence::kHigh;
constexpr Confidence kMed = Confidence::kMedium;

// Replacements shared by several rows.
constexpr std::string_view kPdf =
    "show the PDF in the browser's built-in viewer (<iframe src=\"doc.pdf\">) or pdf.js";
constexpr std::string_view kMedia = "use <video>/<audio> with MP4/WebM sources";
constexpr std::string_view kFlash = "rebuild the content in HTML, CSS and JavaScript";
constexpr std::string_view kXmlDom = "use DOMParser, XMLSerializer and document.evaluate()";
constexpr std::string_view kXhr = "use XMLHttpRequest or fetch()";
constexpr std::string_view kXslt = "use XSLTProcessor or transform on the server";
constexpr std::string_view kServer = "move the work to a server-side service";
constexpr std::string_view kOffice =
    "generate the document on the server (Open XML) or use Office Online / Microsoft Graph";
constexpr std::string_view kOwc = "use a JavaScript grid or chart library fed by a JSON service";
constexpr std::string_view kForms = "use the standard HTML form control";
constexpr std::string_view kComCtl = "use standard HTML elements or a JavaScript widget";
constexpr std::string_view kEnroll =
    "request certificates through the CA's web enrolment service or a managed client (no "
    "browser key generation)";
constexpr std::string_view kDa = "use CSS transitions/animations, SVG or canvas";
constexpr std::string_view kBrowser = "use an <iframe> or a link";

constexpr std::array kControls = {
    // --- CLSIDs -------------------------------------------------------------------------
    ActiveXControl{K::kClsid, "6BF52A52-394A-11D3-B153-00C04F79FAA6", "Microsoft",
                   "Windows Media Player 7+ control", kMedia, kHi},
    ActiveXControl{K::kClsid, "22D6F312-B0F6-11D0-94AB-0080C74C7E95", "Microsoft",
                   "Windows Media Player 6.4 control", kMedia, kHi},
    ActiveXControl{K::kClsid, "2179C5D3-EBFF-11CF-B6FD-00AA00B4E220", "Microsoft",
                   "NetShow / Windows Media Services player control", kMedia, kMed},
    ActiveXControl{K::kClsid, "05589FA1-C356-11CE-BF01-00AA0055595A", "Microsoft",
                   "ActiveMovie (DirectShow) control", kMedia, kHi},
    ActiveXControl{K::kClsid, "CA8A9780-280D-11CF-A24D-444553540000", "Adobe",
                   "Adobe Acrobat / Reader control", kPdf, kHi},
    ActiveXControl{K::kClsid, "D27CDB6E-AE6D-11CF-96B8-444553540000", "Adobe (Macromedia)",
                   "Flash Player control", kFlash, kHi},
    ActiveXControl{K::kClsid, "166B1BCA-3F9C-11CF-8075-444553540000", "Adobe (Macromedia)",
                   "Shockwave Player control", kFlash, kHi},
    ActiveXControl{K::kClsid, "02BF25D5-8C17-4B23-BC80-D3488ABDDC6B", "Apple",
                   "QuickTime control", kMedia, kHi},
    ActiveXControl{K::kClsid, "4063BE15-3B08-470D-A0D5-B37161CFFD69", "Apple",
                   "QuickTime detection control", "delete the plug-in check; test media support "
                   "with HTMLMediaElement.canPlayType()", kMed},
    ActiveXControl{K::kClsid, "CFCDAA03-8BE4-11CF-B84B-0020AFBBCCFA", "RealNetworks",
                   "RealPlayer control", kMedia, kHi},
    ActiveXControl{K::kClsid, "8AD9C840-044E-11D1-B3E9-00805F499D93", "Oracle (Sun)",
                   "Java plug-in (applet host)",
                   "rewrite the applet as a web page or ship a desktop application", kHi},
    ActiveXControl{K::kClsidPrefix, "CAFEEFAC-", "Oracle (Sun)",
                   "Java plug-in, version-pinned",
                   "rewrite the applet as a web page or ship a desktop application", kHi},
    ActiveXControl{K::kClsid, "DFEAF541-F3E1-4C24-ACAC-99C30715084A", "Microsoft",
                   "Silverlight control", "rebuild the application in HTML and JavaScript", kHi},
    ActiveXControl{K::kClsid, "1663ED61-23EB-11D2-B92F-008048FDD814", "MeadCo",
                   "ScriptX printing control",
                   "use window.print() with @page print CSS, or a server-generated PDF", kHi},
    ActiveXControl{K::kClsid, "BD96C556-65A3-11D0-983A-00C04FC29E36", "Microsoft",
                   "RDS.DataSpace (Remote Data Services)", "call a JSON web service", kHi},
    ActiveXControl{K::kClsid, "333C7BC4-460F-11D0-BC04-0080C7055A83", "Microsoft",
                   "Tabular Data Control", "fetch() the CSV and render it with JavaScript", kHi},
    ActiveXControl{K::kClsid, "550DDA30-0541-11D2-9CA9-0060B0EC3D39", "Microsoft",
                   "XML Data Source Object", "fetch() the XML and render it with JavaScript",
                   kHi},
    ActiveXControl{K::kClsid, "2D360201-FFF5-11D1-8D03-00A0C959BC0A", "Microsoft",
                   "DHTML Editing control", "use a contenteditable-based editor", kHi},
    ActiveXControl{K::kClsid, "2D360200-FFF5-11D1-8D03-00A0C959BC0A", "Microsoft",
                   "DHTML Editing control (safe for scripting)",
                   "use a contenteditable-based editor", kHi},
    ActiveXControl{K::kClsid, "43F8F289-7A20-11D0-8F06-00C04FC295E1", "Microsoft",
                   "XEnroll certificate enrolment control", kEnroll, kHi},
    ActiveXControl{K::kClsid, "127698E4-E730-4E5C-A2B1-21490A70C8A1", "Microsoft",
                   "CertEnroll web enrolment class factory", kEnroll, kHi},
    ActiveXControl{K::kClsid, "8856F961-340A-11D0-A96B-00C04FD705A2", "Microsoft",
                   "WebBrowser control (Shell.Explorer)", kBrowser, kHi},
    ActiveXControl{K::kClsid, "EAB22AC3-30C1-11CF-A7EB-0000C05BAE0B", "Microsoft",
                   "WebBrowser control, version 1", kBrowser, kHi},
    ActiveXControl{K::kClsid, "ADB880A6-D8FF-11CF-9377-00AA003B7A11", "Microsoft",
                   "HTML Help control (HHCtrl)",
                   "publish the help as HTML pages and link to them", kHi},
    ActiveXControl{K::kClsid, "648A5600-2C6E-101B-82B6-000000000014", "Microsoft",
                   "MSComm serial port control",
                   "use the Web Serial API or a local service that owns the port", kHi},
    ActiveXControl{K::kClsid, "3A2B370C-BA0A-11D1-B137-0000F8753F5D", "Microsoft",
                   "MSChart control", kOwc, kHi},
    ActiveXControl{K::kClsid, "6262D3A0-531B-11CF-91F6-C2863C385E30", "Microsoft",
                   "MSFlexGrid control", kOwc, kHi},
    ActiveXControl{K::kClsid, "F9043C85-F6F2-101A-A3C9-08002B2F49FB", "Microsoft",
                   "Common Dialog control", "use <input type=file> and <dialog>", kHi},
    ActiveXControl{K::kClsid, "8E27C92B-1264-101C-8A2F-040224009C02", "Microsoft",
                   "Calendar control (MSCAL)", "use <input type=date>", kHi},
    ActiveXControl{K::kClsid, "20DD1B9E-87C4-11D1-8BE3-0000F8754DA1", "Microsoft",
                   "Date and Time Picker (MSComCtl2)", "use <input type=date>", kHi},
    ActiveXControl{K::kClsid, "232E456A-87C3-11D1-8BE3-0000F8754DA1", "Microsoft",
                   "MonthView control (MSComCtl2)", "use <input type=date>", kHi},
    ActiveXControl{K::kClsid, "C74190B6-8589-11D1-B16A-00C0F0283628", "Microsoft",
                   "TreeView control (MSComctlLib)", kComCtl, kMed},
    ActiveXControl{K::kClsid, "BDD1F04B-858B-11D1-B16A-00C0F0283628", "Microsoft",
                   "ListView control (MSComctlLib)", kComCtl, kMed},
    ActiveXControl{K::kClsid, "35053A22-8589-11D1-B16A-00C0F0283628", "Microsoft",
                   "ProgressBar control (MSComctlLib)", "use <progress>", kMed},
    ActiveXControl{K::kClsid, "D45FD31B-5C6E-11D1-9EC1-00C04FD7081F", "Microsoft",
                   "Microsoft Agent control", "remove it or use an ordinary help panel", kHi},
    ActiveXControl{K::kClsid, "369303C2-D7AC-11D0-89D5-00A0C90833E6", "Microsoft",
                   "DirectAnimation Structured Graphics control", kDa, kHi},
    ActiveXControl{K::kClsid, "B0A6BAE2-AAF0-11D0-A152-00A0C908DB96", "Microsoft",
                   "DirectAnimation Sequencer control", kDa, kHi},
    ActiveXControl{K::kClsid, "D7A7D7C3-D47F-11D0-89D3-00A0C90833E6", "Microsoft",
                   "DirectAnimation Path control", kDa, kMed},
    ActiveXControl{K::kClsid, "FD179533-D86E-11D0-89D6-00A0C90833E6", "Microsoft",
                   "DirectAnimation Sprite control", kDa, kMed},
    ActiveXControl{K::kClsid, "0002E500-0000-0000-C000-000000000046", "Microsoft",
                   "Office Web Components 9 Chart", kOwc, kHi},
    ActiveXControl{K::kClsid, "0002E510-0000-0000-C000-000000000046", "Microsoft",
                   "Office Web Components 9 Spreadsheet", kOwc, kHi},
    ActiveXControl{K::kClsid, "0002E520-0000-0000-C000-000000000046", "Microsoft",
                   "Office Web Components 9 PivotTable", kOwc, kMed},
    ActiveXControl{K::kClsid, "0002E551-0000-0000-C000-000000000046", "Microsoft",
                   "Office Web Components 10 Spreadsheet", kOwc, kHi},
    ActiveXControl{K::kClsid, "0002E552-0000-0000-C000-000000000046", "Microsoft",
                   "Office Web Components 10 PivotTable", kOwc, kMed},
    ActiveXControl{K::kClsid, "0002E556-0000-0000-C000-000000000046", "Microsoft",
                   "Office Web Components 10 Chart", kOwc, kHi},
    ActiveXControl{K::kClsid, "0002E559-0000-0000-C000-000000000046", "Microsoft",
                   "Office Web Components 11 Spreadsheet", kOwc, kHi},
    ActiveXControl{K::kClsid, "0002E55A-0000-0000-C000-000000000046", "Microsoft",
                   "Office Web Components 11 PivotTable", kOwc, kMed},
    ActiveXControl{K::kClsid, "0002E55D-0000-0000-C000-000000000046", "Microsoft",
                   "Office Web Components 11 Chart", kOwc, kHi},
    ActiveXControl{K::kClsid, "D7053240-CE69-11CD-A777-00DD01143C57", "Microsoft",
                   "Forms 2.0 CommandButton", kForms, kHi},
    ActiveXControl{K::kClsid, "8BD21D10-EC42-11CE-9E0D-00AA006002F3", "Microsoft",
                   "Forms 2.0 TextBox", kForms, kHi},
    ActiveXControl{K::kClsid, "8BD21D20-EC42-11CE-9E0D-00AA006002F3", "Microsoft",
                   "Forms 2.0 ListBox", kForms, kHi},
    ActiveXControl{K::kClsid, "8BD21D30-EC42-11CE-9E0D-00AA006002F3", "Microsoft",
                   "Forms 2.0 ComboBox", kForms, kHi},
    ActiveXControl{K::kClsid, "8BD21D40-EC42-11CE-9E0D-00AA006002F3", "Microsoft",
                   "Forms 2.0 CheckBox", kForms, kHi},
    ActiveXControl{K::kClsid, "978C9E23-D4B0-11CE-BF2D-00AA003F40D0", "Microsoft",
                   "Forms 2.0 Label", kForms, kHi},
    ActiveXControl{K::kClsid, "48E59293-9880-11CF-9754-00AA00C00908", "Microsoft",
                   "Internet Transfer control (Inet)", kXhr, kHi},
    ActiveXControl{K::kClsid, "248DD896-BB45-11CF-9ABC-0080C7E7B78D", "Microsoft",
                   "Winsock control", "use WebSocket or a server-side relay", kHi},
    ActiveXControl{K::kClsid, "AE24FDAE-03C6-11D1-8B76-0080C744F389", "Microsoft",
                   "Scriptlet (HTML component) control", "use an <iframe> or a Web Component",
                   kMed},
    ActiveXControl{K::kClsid, "6E32070A-766D-4EE6-879C-DC1FA91D2FC3", "Microsoft",
                   "Microsoft Update web control",
                   "use Windows Update for Business or a management tool", kMed},
    ActiveXControl{K::kClsid, "238F6F83-B8B4-11CF-8771-00A024541EE3", "Citrix",
                   "Citrix ICA Client control",
                   "launch published applications through Citrix Workspace (HTML5 client)",
                   kMed},
    ActiveXControl{K::kClsid, "69A40DA3-4D42-11D0-86B0-0000C025864A", "Topaz Systems",
                   "SigPlus signature pad control",
                   "use the vendor's web SDK (local service or WebHID) or a canvas signature pad",
                   kMed},
    ActiveXControl{K::kClsid, "F5078F32-C551-11D3-89B9-0000F81FE221", "Microsoft",
                   "MSXML 3 DOMDocument", kXmlDom, kHi},
    ActiveXControl{K::kClsid, "F5078F35-C551-11D3-89B9-0000F81FE221", "Microsoft",
                   "MSXML 3 XMLHTTP", kXhr, kHi},
    ActiveXControl{K::kClsid, "88D96A05-F192-11D4-A65F-0040963251E5", "Microsoft",
                   "MSXML 6 DOMDocument", kXmlDom, kHi},
    ActiveXControl{K::kClsid, "88D96A0A-F192-11D4-A65F-0040963251E5", "Microsoft",
                   "MSXML 6 XMLHTTP", kXhr, kHi},
    ActiveXControl{K::kClsid, "2933BF90-7B36-11D2-B20E-00C04F983E60", "Microsoft",
                   "MSXML DOMDocument (Microsoft.XMLDOM)", kXmlDom, kHi},
    ActiveXControl{K::kClsid, "ED8C108E-4349-11D2-91A4-00C04F7969E8", "Microsoft",
                   "MSXML XMLHTTP (Microsoft.XMLHTTP)", kXhr, kHi},
    ActiveXControl{K::kClsid, "0D43FE01-F093-11CF-8940-00A0C9054228", "Microsoft",
                   "Scripting.FileSystemObject", kServer, kHi},
    ActiveXControl{K::kClsid, "72C24DD5-D70A-438B-8A42-98424B88AFB8", "Microsoft",
                   "Windows Script Host Shell (WScript.Shell)", kServer, kHi},
    ActiveXControl{K::kClsid, "13709620-C279-11CE-A49E-444553540000", "Microsoft",
                   "Shell.Application", kServer, kHi},
    ActiveXControl{K::kClsid, "00000514-0000-0010-8000-00AA006D2EA4", "Microsoft",
                   "ADODB.Connection", "call a JSON web service that owns the database", kHi},
    ActiveXControl{K::kClsid, "00000535-0000-0010-8000-00AA006D2EA4", "Microsoft",
                   "ADODB.Recordset", "call a JSON web service that owns the database", kHi},
    // --- ProgIDs ------------------------------------------------------------------------
    ActiveXControl{K::kProgId, "WMPlayer.OCX", "Microsoft", "Windows Media Player control",
                   kMedia, kHi},
    ActiveXControl{K::kProgId, "MediaPlayer.MediaPlayer", "Microsoft",
                   "Windows Media Player 6.4 control", kMedia, kHi},
    ActiveXControl{K::kProgId, "AcroPDF.PDF", "Adobe", "Adobe Reader control", kPdf, kHi},
    ActiveXControl{K::kProgId, "PDF.PdfCtrl", "Adobe", "Adobe Acrobat / Reader control", kPdf,
                   kHi},
    ActiveXControl{K::kProgIdPrefix, "AcroExch.", "Adobe", "Adobe Acrobat automation",
                   "generate or process PDFs on the server", kHi},
    ActiveXControl{K::kProgId, "ShockwaveFlash.ShockwaveFlash", "Adobe (Macromedia)",
                   "Flash Player control", kFlash, kHi},
    ActiveXControl{K::kProgId, "SWCtl.SWCtl", "Adobe (Macromedia)", "Shockwave Player control",
                   kFlash, kHi},
    ActiveXControl{K::kProgId, "QuickTime.QuickTime", "Apple", "QuickTime control", kMedia,
                   kHi},
    ActiveXControl{K::kProgId, "QuickTimeCheckObject.QuickTimeCheck", "Apple",
                   "QuickTime detection control",
                   "test media support with HTMLMediaElement.canPlayType()", kHi},
    ActiveXControl{K::kProgId, "rmocx.RealPlayer G2 Control", "RealNetworks",
                   "RealPlayer control", kMedia, kHi},
    ActiveXControl{K::kProgId, "AgControl.AgControl", "Microsoft", "Silverlight control",
                   "rebuild the application in HTML and JavaScript", kHi},
    ActiveXControl{K::kProgId, "JavaWebStart.isInstalled", "Oracle (Sun)",
                   "Java Web Start detection", "drop the check; ship a desktop application",
                   kHi},
    ActiveXControl{K::kProgIdPrefix, "ScriptX.", "MeadCo", "ScriptX printing control",
                   "use window.print() with @page print CSS, or a server-generated PDF", kMed},
    ActiveXControl{K::kProgIdPrefix, "Microsoft.XMLDOM", "Microsoft", "MSXML DOMDocument",
                   kXmlDom, kHi},
    ActiveXControl{K::kProgId, "Microsoft.XMLHTTP", "Microsoft", "MSXML XMLHTTP", kXhr, kHi},
    ActiveXControl{K::kProgId, "Microsoft.FreeThreadedXMLDOM", "Microsoft",
                   "MSXML free-threaded DOMDocument", kXmlDom, kHi},
    ActiveXControl{K::kProgId, "Msxml2.DOMDocument", "Microsoft", "MSXML DOMDocument", kXmlDom,
                   kHi},
    ActiveXControl{K::kProgId, "Msxml2.FreeThreadedDOMDocument", "Microsoft",
                   "MSXML free-threaded DOMDocument", kXslt, kHi},
    ActiveXControl{K::kProgId, "MSXML.DOMDocument", "Microsoft", "MSXML 2.0 DOMDocument",
                   kXmlDom, kHi},
    ActiveXControl{K::kProgId, "Msxml2.XMLHTTP", "Microsoft", "MSXML XMLHTTP", kXhr, kHi},
    ActiveXControl{K::kProgId, "Msxml2.ServerXMLHTTP", "Microsoft", "MSXML ServerXMLHTTP", kXhr,
                   kHi},
    ActiveXControl{K::kProgId, "Msxml2.XSLTemplate", "Microsoft", "MSXML XSLTemplate", kXslt,
                   kHi},
    ActiveXControl{K::kProgId, "Msxml2.SAXXMLReader", "Microsoft", "MSXML SAX reader",
                   "use DOMParser", kHi},
    ActiveXControl{K::kProgId, "Msxml2.MXXMLWriter", "Microsoft", "MSXML XML writer",
                   "use XMLSerializer", kHi},
    ActiveXControl{K::kProgIdPrefix, "OWC.", "Microsoft", "Office Web Components 9", kOwc, kHi},
    ActiveXControl{K::kProgIdPrefix, "OWC10.", "Microsoft", "Office Web Components 10", kOwc,
                   kHi},
    ActiveXControl{K::kProgIdPrefix, "OWC11.", "Microsoft", "Office Web Components 11", kOwc,
                   kHi},
    ActiveXControl{K::kProgId, "Word.Application", "Microsoft", "Word automation", kOffice,
                   kHi},
    ActiveXControl{K::kProgId, "Excel.Application", "Microsoft", "Excel automation", kOffice,
                   kHi},
    ActiveXControl{K::kProgId, "Outlook.Application", "Microsoft", "Outlook automation",
                   "send mail from the server or use a mailto: link", kHi},
    ActiveXControl{K::kProgId, "PowerPoint.Application", "Microsoft", "PowerPoint automation",
                   kOffice, kHi},
    ActiveXControl{K::kProgId, "Access.Application", "Microsoft", "Access automation", kServer,
                   kHi},
    ActiveXControl{K::kProgId, "SharePoint.OpenDocuments", "Microsoft",
                   "SharePoint Open Documents control",
                   "open documents with ms-word:/ms-excel: URIs or Office Online", kHi},
    ActiveXControl{K::kProgId, "Name.NameCtrl", "Microsoft", "Office presence (NameCtrl)",
                   "use the Teams/Graph presence API", kHi},
    ActiveXControl{K::kProgId, "Scripting.FileSystemObject", "Microsoft",
                   "Scripting.FileSystemObject",
                   "use <input type=file>, downloads, or a server-side service", kHi},
    ActiveXControl{K::kProgId, "Scripting.Dictionary", "Microsoft", "Scripting.Dictionary",
                   "use Map or a plain object", kHi},
    ActiveXControl{K::kProgId, "WScript.Shell", "Microsoft", "Windows Script Host Shell",
                   kServer, kHi},
    ActiveXControl{K::kProgId, "WScript.Network", "Microsoft", "Windows Script Host Network",
                   "take the user from the server's authentication", kHi},
    ActiveXControl{K::kProgId, "Shell.Application", "Microsoft", "Shell.Application", kServer,
                   kHi},
    ActiveXControl{K::kProgId, "Shell.Explorer", "Microsoft", "WebBrowser control", kBrowser,
                   kHi},
    ActiveXControl{K::kProgId, "Shell.UIHelper", "Microsoft", "Shell UI helper",
                   "remove it (favourites and search providers are the user's business)", kHi},
    ActiveXControl{K::kProgId, "InternetExplorer.Application", "Microsoft",
                   "Internet Explorer automation", "use window.open() or a link", kHi},
    ActiveXControl{K::kProgId, "htmlfile", "Microsoft", "MSHTML document object",
                   "use DOMParser or document.implementation.createHTMLDocument()", kHi},
    ActiveXControl{K::kProgId, "WbemScripting.SWbemLocator", "Microsoft", "WMI scripting",
                   "collect inventory with a management agent", kHi},
    ActiveXControl{K::kProgId, "WindowsInstaller.Installer", "Microsoft", "Windows Installer",
                   "deploy software with a management tool", kHi},
    ActiveXControl{K::kProgIdPrefix, "Microsoft.Update.", "Microsoft", "Windows Update Agent",
                   "use Windows Update for Business or a management tool", kHi},
    ActiveXControl{K::kProgIdPrefix, "ADODB.", "Microsoft", "ActiveX Data Objects (ADO)",
                   "call a JSON web service that owns the database", kHi},
    ActiveXControl{K::kProgIdPrefix, "ADOX.", "Microsoft", "ADO Extensions (ADOX)",
                   "call a JSON web service that owns the database", kHi},
    ActiveXControl{K::kProgId, "RDS.DataSpace", "Microsoft", "Remote Data Services",
                   "call a JSON web service", kHi},
    ActiveXControl{K::kProgIdPrefix, "CAPICOM.", "Microsoft", "CAPICOM",
                   "use Web Crypto, or sign on the server / with a local signing service", kHi},
    ActiveXControl{K::kProgId, "CEnroll.CEnroll", "Microsoft", "XEnroll certificate enrolment",
                   kEnroll, kHi},
    ActiveXControl{K::kProgIdPrefix, "X509Enrollment.", "Microsoft",
                   "CertEnroll certificate enrolment", kEnroll, kHi},
    ActiveXControl{K::kProgId, "Agent.Control", "Microsoft", "Microsoft Agent control",
                   "remove it or use an ordinary help panel", kHi},
    ActiveXControl{K::kProgId, "SAPI.SpVoice", "Microsoft", "Speech API voice",
                   "use the Web Speech API (speechSynthesis)", kHi},
    ActiveXControl{K::kProgId, "MSCommLib.MSComm", "Microsoft", "MSComm serial port control",
                   "use the Web Serial API or a local service that owns the port", kHi},
    ActiveXControl{K::kProgId, "MSComDlg.CommonDialog", "Microsoft", "Common Dialog control",
                   "use <input type=file> and <dialog>", kHi},
    ActiveXControl{K::kProgId, "MSFlexGridLib.MSFlexGrid", "Microsoft", "MSFlexGrid control",
                   kOwc, kMed},
    ActiveXControl{K::kProgId, "MSChart20Lib.MSChart", "Microsoft", "MSChart control", kOwc,
                   kMed},
    ActiveXControl{K::kProgId, "MSCAL.Calendar", "Microsoft", "Calendar control",
                   "use <input type=date>", kHi},
    ActiveXControl{K::kProgId, "DirectAnimation.DirectAnimation", "Microsoft",
                   "DirectAnimation", kDa, kMed},
    ActiveXControl{K::kProgId, "HHCtrl.HHCtrl", "Microsoft", "HTML Help control",
                   "publish the help as HTML pages and link to them", kMed},
    ActiveXControl{K::kProgId, "SIGPLUS.SigPlusCtrl", "Topaz Systems",
                   "SigPlus signature pad control",
                   "use the vendor's web SDK or a canvas signature pad", kMed},
    ActiveXControl{K::kProgIdPrefix, "TWAIN", "TWAIN Working Group (vendor control)",
                   "TWAIN scanner control",
                   "use the scanner vendor's web SDK (local service) or upload scanned files",
                   kMed},
    ActiveXControl{K::kProgIdPrefix, "Dynamsoft.", "Dynamsoft", "Dynamic Web TWAIN",
                   "upgrade to the vendor's current service-based Web TWAIN", kMed},
    ActiveXControl{K::kProgIdPrefix, "CrystalReports.", "SAP (Crystal Decisions)",
                   "Crystal Reports viewer", "render the report to PDF or HTML on the server",
                   kMed},
};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && EqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

// True when `rest` is empty or a version suffix: ".1", ".6.0".
bool IsVersionSuffix(std::string_view rest) {
  if (rest.empty()) return true;
  if (rest[0] != '.' || rest.size() < 2) return false;
  for (char c : rest) {
    if (c != '.' && !std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

std::span<const ActiveXControl> AllActiveXControls() { return kControls; }

std::string NormalizeClsid(std::string_view text) {
  // 8-4-4-4-12 hex digits anywhere in the text (after "clsid:", inside braces, ...).
  constexpr size_t kLen = 36;
  for (size_t start = 0; start + kLen <= text.size(); ++start) {
    std::string out;
    size_t i = 0;
    for (; i < kLen; ++i) {
      char c = text[start + i];
      bool dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !std::isxdigit(static_cast<unsigned char>(c))) break;
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (i == kLen) return out;
  }
  return std::string();
}

const ActiveXControl* FindActiveXByClsid(std::string_view text) {
  std::string clsid = NormalizeClsid(text);
  if (clsid.empty()) return nullptr;
  for (const ActiveXControl& c : kControls) {
    if ((c.kind == K::kClsid && clsid == c.id) ||
        (c.kind == K::kClsidPrefix && clsid.starts_with(c.id))) {
      return &c;
    }
  }
  return nullptr;
}

const ActiveXControl* FindActiveXByProgId(std::string_view progid) {
  progid = Trim(progid);
  if (progid.empty()) return nullptr;
  for (const ActiveXControl& c : kControls) {
    if (c.kind == K::kProgId && StartsWithIgnoreCase(progid, c.id) &&
        IsVersionSuffix(progid.substr(c.id.size()))) {
      return &c;
    }
    if (c.kind == K::kProgIdPrefix && StartsWithIgnoreCase(progid, c.id)) return &c;
  }
  return nullptr;
}

const ActiveXControl* FindActiveX(std::string_view text) {
  if (!NormalizeClsid(text).empty()) return FindActiveXByClsid(text);
  return FindActiveXByProgId(text);
}

}  // namespace iescan::rules

namespace iescan::rules {
namespace {

constexpr std::array<std::string_view, 3> kGenericRules = {
    "activex.activex-object", "activex.object-classid", "vbscript.create-object"};

bool IsGeneric(const Rule& rule) {
  for (std::string_view id : kGenericRules) {
    if (rule.id == id) return true;
  }
  return false;
}

// A family rule refines a generic one (activex.acrobat supersedes activex.object-classid).
bool IsFamily(const Rule& rule) {
  for (const std::string& s : rule.supersedes) {
    for (std::string_view id : kGenericRules) {
      if (s == id) return true;
    }
  }
  return false;
}

// "Company.Widget" or "Company.Widget.2": letters, digits, '_', at least one dot.
bool LooksLikeProgId(std::string_view s) {
  if (s.empty() || s.size() > 120 || s.find('.') == std::string_view::npos) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_') return false;
  }
  return true;
}

}  // namespace

void IdentifyActiveX(Finding* finding) {
  if (finding == nullptr || finding->rule == nullptr) return;
  const Rule& rule = *finding->rule;
  // Only the built-in catalogue's rules: an organisation's own rules (--rules) name their
  // controls themselves.
  if (!rule.source.starts_with("builtin:")) return;
  const bool generic = IsGeneric(rule);
  if (!generic && !IsFamily(rule)) return;
  std::string_view detail = Trim(finding->detail);
  std::string clsid = NormalizeClsid(detail);
  const bool is_clsid = !clsid.empty();
  if (!is_clsid && !LooksLikeProgId(detail)) return;  // no literal identifier
  const std::string id = is_clsid ? clsid : std::string(detail);
  const ActiveXControl* control = is_clsid ? FindActiveXByClsid(clsid) : FindActiveXByProgId(id);
  if (control != nullptr) {
    std::string named = std::string(control->product) + " (" + id + ")";
    if (generic) {
      finding->message = SharedText(named + " from " + std::string(control->vendor) + ": " +
                                    std::string(control->replacement) + ". " + finding->message);
    }
    finding->detail = std::move(named);
    return;
  }
  if (!generic) return;  // a family rule knows its product even when the table does not
  finding->detail = "in-house control (" + id + ")";
  finding->message = SharedText(
      "In-house or unidentified ActiveX control (" + id +
      "): no product is known under this identifier, so there is no drop-in replacement. "
      "This is the most expensive kind of control to migrate: find its source and owner, list "
      "the methods and events the pages use, and rebuild that function as a web feature or a "
      "server-side service. " +
      finding->message);
  finding->effort = Effort::kLarge;
}

}  // namespace iescan::rules
