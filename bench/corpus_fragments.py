"""Code fragments for the benchmark corpus generator (gen_corpus.py).

Each fragment function takes a random.Random and returns a piece of source text with LF
line ends (the generator converts to CRLF per file). Fragments come in three families per
language: CLEAN (no Internet Explorer construct), IE (at least one construct the catalogue
reports) and NEAR (IE words inside comments, strings or unrelated identifiers, which a
prefilter sees but a rule must not report). Only the standard library is used, and every
choice goes through the Random passed in, so output is a pure function of the seed.
"""

# Identifier and text pools -------------------------------------------------------------

NOUNS = [
    "user", "order", "item", "dept", "emp", "approval", "report", "menu", "grid", "row",
    "cell", "form", "field", "date", "amount", "status", "search", "result", "list",
    "detail", "page", "tab", "tree", "node", "dialog", "calendar", "tip", "shain",
    "kintai", "shinsei", "shonin", "busho", "kaigi", "yoyaku", "keihi", "seisan", "memo",
    "invoice", "budget", "asset", "vendor", "contract", "ticket", "room", "holiday",
]
VERBS = [
    "get", "set", "load", "save", "show", "hide", "init", "check", "build", "update",
    "render", "toggle", "select", "clear", "submit", "validate", "format", "open", "close",
    "refresh", "sort", "filter", "calc", "print", "export",
]
JA_WORDS = [
    "勤怠", "申請", "承認", "社員番号", "氏名", "部署", "検索", "登録", "更新", "削除",
    "戻る", "一覧", "詳細", "備考", "日付", "確認", "会議室", "予約", "経費", "精算",
    "出張", "稟議", "決裁", "休暇", "残業", "所属", "役職", "入力してください",
    "保存しました", "エラーが発生しました", "必須項目です", "件数", "合計", "印刷",
    "お知らせ", "システム管理", "パスワード", "ログイン", "ログアウト", "帳票出力",
]
EN_WORDS = [
    "Employee", "Department", "Search", "Register", "Update", "Delete", "Back", "List",
    "Details", "Remarks", "Date", "Confirm", "Meeting room", "Booking", "Expenses",
    "Travel", "Approval", "Leave", "Overtime", "Position", "Please enter a value",
    "Saved", "An error occurred", "Required", "Count", "Total", "Print", "Notices",
    "Administration", "Password", "Sign in", "Sign out", "Export",
]
PROGIDS = [
    "Msxml2.XMLHTTP", "Microsoft.XMLHTTP", "Msxml2.XMLHTTP.6.0", "Msxml2.DOMDocument.6.0",
    "Microsoft.XMLDOM", "Scripting.FileSystemObject", "WScript.Shell", "Excel.Application",
    "Word.Application", "ADODB.Connection", "ADODB.Recordset", "Shell.Application",
    "AcroPDF.PDF", "Scripting.Dictionary", "Outlook.Application", "MSComDlg.CommonDialog",
]
CLSIDS = [
    ("CA8A9780-280D-11CF-A24D-444553540000", "AcroPDF"),
    ("333C7BC4-460F-11D0-BC04-0080C7055A83", "TDC"),
    ("D27CDB6E-AE6D-11CF-96B8-444553540000", "Flash"),
    ("6BF52A52-394A-11D3-B153-00C04F79FAA6", "MediaPlayer"),
    ("8856F961-340A-11D0-A96B-00C04FD705A2", "WebBrowser"),
    ("0002E559-0000-0000-C000-000000000046", "Spreadsheet"),
    ("F5B2B7E1-5E2C-4C8A-9E2B-31A5D5C1A0B7", "CorpSign"),
]


def ident(r):
    return r.choice(VERBS) + r.choice(NOUNS).capitalize() + r.choice(["", "", "List", "Info", "s"])


def var(r):
    return r.choice(NOUNS) + r.choice(["", "", "Id", "No", "Cd", "Val", "El", "Box", "2"])


def text(r, ja):
    return r.choice(JA_WORDS if ja else EN_WORDS)


def elid(r):
    return r.choice(["txt", "sel", "btn", "chk", "div", "tbl", "lbl"]) + r.choice(NOUNS).capitalize()


# JavaScript: clean ----------------------------------------------------------------------

def js_clean_validate(r, ja):
    f, a, b = ident(r), elid(r), elid(r)
    return (f"function {f}() {{\n"
            f"    var {var(r)} = document.getElementById(\"{a}\");\n"
            f"    var v = document.getElementById(\"{b}\").value;\n"
            f"    if (v == null || v.replace(/^\\s+|\\s+$/g, \"\") == \"\") {{\n"
            f"        alert(\"{text(r, ja)}\");\n"
            f"        return false;\n"
            f"    }}\n"
            f"    if (v.length > {r.randint(8, 200)}) {{\n"
            f"        alert(\"{text(r, ja)}\");\n"
            f"        return false;\n"
            f"    }}\n"
            f"    return true;\n"
            f"}}\n\n")


def js_clean_xhr(r, ja):
    f = ident(r)
    return (f"function {f}(url, params, done) {{\n"
            f"    var xhr = new XMLHttpRequest();\n"
            f"    xhr.open(\"POST\", url, true);\n"
            f"    xhr.setRequestHeader(\"Content-Type\", \"application/x-www-form-urlencoded\");\n"
            f"    xhr.onreadystatechange = function () {{\n"
            f"        if (xhr.readyState != 4) {{ return; }}\n"
            f"        if (xhr.status == 200) {{\n"
            f"            done(JSON.parse(xhr.responseText));\n"
            f"        }} else {{\n"
            f"            window.alert(\"{text(r, ja)} (\" + xhr.status + \")\");\n"
            f"        }}\n"
            f"    }};\n"
            f"    xhr.send(params);\n"
            f"}}\n\n")


def js_clean_listener(r, ja):
    a = elid(r)
    return (f"document.getElementById(\"{a}\").addEventListener(\"click\", function (e) {{\n"
            f"    e.preventDefault();\n"
            f"    var target = e.target;\n"
            f"    target.className = target.className == \"on\" ? \"\" : \"on\";\n"
            f"    {ident(r)}(target.getAttribute(\"data-{r.choice(NOUNS)}\"));\n"
            f"}}, false);\n\n")


def js_clean_sort(r, ja):
    f = ident(r)
    return (f"function {f}(table, col, asc) {{\n"
            f"    var rows = [], i, body = table.tBodies[0];\n"
            f"    for (i = 0; i < body.rows.length; i++) {{\n"
            f"        rows.push(body.rows[i]);\n"
            f"    }}\n"
            f"    rows.sort(function (x, y) {{\n"
            f"        var p = x.cells[col].innerHTML, q = y.cells[col].innerHTML;\n"
            f"        if (p == q) {{ return 0; }}\n"
            f"        return (p < q ? -1 : 1) * (asc ? 1 : -1);\n"
            f"    }});\n"
            f"    for (i = 0; i < rows.length; i++) {{\n"
            f"        body.appendChild(rows[i]);\n"
            f"    }}\n"
            f"}}\n\n")


def js_clean_date(r, ja):
    f = ident(r)
    sep = r.choice(["/", "-", "."])
    return (f"function {f}(d) {{\n"
            f"    var y = d.getFullYear(), m = d.getMonth() + 1, day = d.getDate();\n"
            f"    return y + \"{sep}\" + (m < 10 ? \"0\" + m : m) + \"{sep}\" + (day < 10 ? \"0\" + day : day);\n"
            f"}}\n\n")


def js_clean_module(r, ja):
    name = r.choice(NOUNS).capitalize() + r.choice(["Util", "Page", "Form", "Grid", "App"])
    n = r.randint(2, 5)
    fields = "".join(f"        {var(r)}: {r.randint(0, 999)},\n" for _ in range(n))
    return (f"var {name} = (function () {{\n"
            f"    var settings = {{\n{fields}        label: \"{text(r, ja)}\"\n    }};\n"
            f"    function {ident(r)}(key) {{\n"
            f"        return settings.hasOwnProperty(key) ? settings[key] : null;\n"
            f"    }}\n"
            f"    return {{ settings: settings, read: {ident(r)} }};\n"
            f"}})();\n\n")


def js_clean_dom(r, ja):
    f = ident(r)
    return (f"function {f}(parent, items) {{\n"
            f"    var ul = document.createElement(\"ul\");\n"
            f"    for (var i = 0; i < items.length; i++) {{\n"
            f"        var li = document.createElement(\"li\");\n"
            f"        li.appendChild(document.createTextNode(items[i].{var(r)}));\n"
            f"        li.setAttribute(\"data-index\", String(i));\n"
            f"        ul.appendChild(li);\n"
            f"    }}\n"
            f"    parent.innerHTML = \"\";\n"
            f"    parent.appendChild(ul);\n"
            f"}}\n\n")


def js_clean_jquery(r, ja):
    a, b = elid(r), elid(r)
    return (f"$(function () {{\n"
            f"    $(\"#{a}\").on(\"change\", function () {{\n"
            f"        var v = $(this).val();\n"
            f"        $(\"#{b}\").toggle(v !== \"\");\n"
            f"        $.getJSON(\"{r.choice(NOUNS)}/{r.choice(VERBS)}.json\", {{ q: v }}, function (data) {{\n"
            f"            $(\"#{b}\").text(data.{var(r)} || \"{text(r, ja)}\");\n"
            f"        }});\n"
            f"    }});\n"
            f"}});\n\n")


def js_clean_cookie(r, ja):
    return (f"function {ident(r)}(name, value, days) {{\n"
            f"    var expires = new Date();\n"
            f"    expires.setTime(expires.getTime() + days * 86400000);\n"
            f"    document.cookie = name + \"=\" + encodeURIComponent(value) +\n"
            f"        \"; expires=\" + expires.toUTCString() + \"; path=/\";\n"
            f"}}\n\n")


def js_clean_modern(r, ja):
    cls = r.choice(NOUNS).capitalize() + "Store"
    return (f"window.{cls} = class {{\n"
            f"  constructor(base) {{\n"
            f"    this.base = base;\n"
            f"    this.cache = new Map();\n"
            f"  }}\n\n"
            f"  async {r.choice(VERBS)}(id) {{\n"
            f"    if (this.cache.has(id)) return this.cache.get(id);\n"
            f"    const res = await fetch(`${{this.base}}/{r.choice(NOUNS)}/${{id}}`, {{ credentials: 'same-origin' }});\n"
            f"    if (!res.ok) throw new Error(`{text(r, ja)}: ${{res.status}}`);\n"
            f"    const body = await res.json();\n"
            f"    this.cache.set(id, body);\n"
            f"    return body;\n"
            f"  }}\n"
            f"}};\n\n")


def js_clean_jsdoc(r, ja):
    return (f"/**\n"
            f" * {text(r, ja)} - {ident(r)}\n"
            f" * @param {{string}} {var(r)} input value\n"
            f" * @returns {{boolean}} true when valid\n"
            f" */\n"
            f"function {ident(r)}({var(r)}) {{\n"
            f"    return /^[0-9]{{{r.randint(1, 4)},{r.randint(5, 12)}}}$/.test(String({var(r)}));\n"
            f"}}\n\n")


def js_clean_loop(r, ja):
    v = var(r)
    return (f"var {v}Total = 0;\n"
            f"for (var k = 0; k < {v}s.length; k++) {{\n"
            f"    if ({v}s[k].flag == \"{r.choice(['1', '0', 'Y', 'N'])}\") {{\n"
            f"        {v}Total += parseInt({v}s[k].amount, 10) || 0;\n"
            f"    }}\n"
            f"}}\n"
            f"document.getElementById(\"{elid(r)}\").innerHTML = {v}Total.toLocaleString();\n\n")


JS_CLEAN = [js_clean_validate, js_clean_xhr, js_clean_listener, js_clean_sort, js_clean_date,
            js_clean_module, js_clean_dom, js_clean_jquery, js_clean_cookie, js_clean_jsdoc,
            js_clean_loop]
JS_MODERN = JS_CLEAN + [js_clean_modern, js_clean_modern]


# JavaScript: IE constructs ----------------------------------------------------------------

def js_ie_document_all(r, ja):
    a = elid(r)
    form = r.choice([
        f"document.all.{a}.value",
        f"document.all[\"{a}\"].value",
        f"document.all(\"{a}\").innerText",
        f"document.all.item(\"{a}\").value",
    ])
    return (f"function {ident(r)}() {{\n"
            f"    var v = {form};\n"
            f"    if (v == \"\") {{\n"
            f"        alert(\"{text(r, ja)}\");\n"
            f"        document.all.{elid(r)}.focus();\n"
            f"        return false;\n"
            f"    }}\n"
            f"    return true;\n"
            f"}}\n\n")


def js_ie_attach(r, ja):
    ev = r.choice(["onclick", "onload", "onchange", "onkeydown", "onresize", "onbeforeunload"])
    tgt = r.choice(["window", "document", f"document.getElementById(\"{elid(r)}\")"])
    return f"{tgt}.attachEvent(\"{ev}\", {ident(r)});\n\n"


def js_ie_guarded_attach(r, ja):
    f = ident(r)
    return (f"function addEvent(el, type, fn) {{\n"
            f"    if (el.addEventListener) {{\n"
            f"        el.addEventListener(type, fn, false);\n"
            f"    }} else if (el.attachEvent) {{\n"
            f"        el.attachEvent(\"on\" + type, fn);\n"
            f"    }}\n"
            f"}}\n"
            f"addEvent(window, \"load\", {f});\n\n")


def js_ie_activex(r, ja):
    pid = r.choice(PROGIDS)
    v = var(r)
    return (f"function {ident(r)}() {{\n"
            f"    var {v} = new ActiveXObject(\"{pid}\");\n"
            f"    try {{\n"
            f"        {v}.{r.choice(['open', 'Run', 'Visible', 'load', 'Open'])}(\"{r.choice(NOUNS)}\");\n"
            f"    }} catch (e) {{\n"
            f"        alert(\"{text(r, ja)}: \" + e.description);\n"
            f"    }}\n"
            f"    return {v};\n"
            f"}}\n\n")


def js_ie_xhr_fallback(r, ja):
    return (f"function createRequest() {{\n"
            f"    if (window.XMLHttpRequest) {{\n"
            f"        return new XMLHttpRequest();\n"
            f"    }}\n"
            f"    try {{\n"
            f"        return new ActiveXObject(\"Msxml2.XMLHTTP\");\n"
            f"    }} catch (e) {{\n"
            f"        return new ActiveXObject(\"Microsoft.XMLHTTP\");\n"
            f"    }}\n"
            f"}}\n\n")


def js_ie_modal(r, ja):
    fn = r.choice(["showModalDialog", "showModalDialog", "showModelessDialog"])
    return (f"function {ident(r)}(id) {{\n"
            f"    var ret = window.{fn}(\"{r.choice(NOUNS)}/{r.choice(VERBS)}.asp?id=\" + id, window,\n"
            f"        \"dialogWidth:{r.randint(300, 800)}px;dialogHeight:{r.randint(200, 600)}px;status:no;help:no\");\n"
            f"    if (ret) {{\n"
            f"        document.getElementById(\"{elid(r)}\").value = ret;\n"
            f"    }}\n"
            f"}}\n\n")


def js_ie_window_event(r, ja):
    return (f"function {ident(r)}() {{\n"
            f"    var src = window.event.srcElement;\n"
            f"    if (src.tagName == \"INPUT\" && window.event.keyCode == 13) {{\n"
            f"        window.event.returnValue = false;\n"
            f"        window.event.cancelBubble = true;\n"
            f"    }}\n"
            f"}}\n\n")


def js_ie_fire(r, ja):
    return (f"var {var(r)} = document.getElementById(\"{elid(r)}\");\n"
            f"{var(r)}.fireEvent(\"onchange\");\n"
            f"var evt = document.createEventObject();\n"
            f"evt.keyCode = 13;\n\n")


def js_ie_current_style(r, ja):
    return (f"function {ident(r)}(el) {{\n"
            f"    var w = el.currentStyle ? el.currentStyle.width : getComputedStyle(el, null).width;\n"
            f"    return parseInt(w, 10);\n"
            f"}}\n\n")


def js_ie_selection(r, ja):
    return (f"function {ident(r)}() {{\n"
            f"    var range = document.selection.createRange();\n"
            f"    range.text = \"[\" + range.text + \"]\";\n"
            f"    var tr = document.body.createTextRange();\n"
            f"    tr.moveToElementText(document.getElementById(\"{elid(r)}\"));\n"
            f"    tr.select();\n"
            f"}}\n\n")


def js_ie_clipboard(r, ja):
    return f"window.clipboardData.setData(\"Text\", document.getElementById(\"{elid(r)}\").value);\n\n"


def js_ie_sniff(r, ja):
    return (f"var isIE = navigator.userAgent.indexOf(\"MSIE\") != -1;\n"
            f"if (!isIE) {{\n"
            f"    location.href = \"{r.choice(['unsupported.htm', 'error.asp', '/common/browser.html'])}\";\n"
            f"}}\n\n")


def js_ie_misc(r, ja):
    return r.choice([
        f"execScript(\"Call {ident(r)}()\", \"VBScript\");\n\n",
        f"var popup = window.createPopup();\npopup.document.body.innerHTML = \"{text(r, ja)}\";\npopup.show(0, 20, 200, 80, document.body);\n\n",
        f"var xdr = new XDomainRequest();\nxdr.open(\"GET\", \"//{r.choice(NOUNS)}.intra/{r.choice(NOUNS)}\");\nxdr.send();\n\n",
        f"/*@cc_on\n  @if (@_jscript_version < 9)\n    document.createElement(\"{r.choice(['section', 'nav', 'header'])}\");\n  @end\n@*/\n\n",
        f"document.getElementById(\"{elid(r)}\").style.filter = \"alpha(opacity={r.randint(10, 90)})\";\n\n",
    ])


JS_IE = [js_ie_document_all, js_ie_document_all, js_ie_attach, js_ie_guarded_attach,
         js_ie_activex, js_ie_xhr_fallback, js_ie_modal, js_ie_window_event, js_ie_fire,
         js_ie_current_style, js_ie_selection, js_ie_clipboard, js_ie_sniff, js_ie_misc]


# JavaScript: near misses ------------------------------------------------------------------

def js_near(r, ja):
    return r.choice([
        f"// Old document.all fallback removed in the {r.randint(2012, 2019)} rewrite.\n",
        f"/* attachEvent / showModalDialog are no longer used: see {r.choice(NOUNS)}.js */\n",
        f"Promise.all([{ident(r)}(), {ident(r)}()]).then(function (parts) {{ {ident(r)}(parts); }});\n\n",
        f"var msg = \"new ActiveXObject is not available in this browser\";\n",
        f"var expression = {var(r)}.split(\",\");\nvar filtered = expression.filter(function (x) {{ return x !== \"\"; }});\n\n",
        f"var xmlText = new XMLSerializer().serializeToString(doc.documentElement);\n",
        f"el.addEventListener(\"keydown\", function (event) {{ if (event.key === \"Enter\") {{ event.preventDefault(); }} }});\n\n",
        f"log(\"currentStyle and clipboardData checks skipped\");\n",
        f"var allowed = {{ all: true, small: false }};\n",
    ])


# CSS ------------------------------------------------------------------------------------

def css_clean(r, ja):
    sel = r.choice(["#", "."]) + r.choice(NOUNS) + r.choice(["", " td", " a:hover", " li", " .title", " > p"])
    props = r.sample([
        f"margin: {r.randint(0, 20)}px {r.randint(0, 20)}px",
        f"padding: {r.randint(0, 12)}px",
        f"color: #{r.randint(0, 0xFFFFFF):06x}",
        f"background-color: #{r.randint(0, 0xFFFFFF):06x}",
        f"font-size: {r.choice(['10pt', '12px', '0.9em', '110%', 'small'])}",
        f"font-family: {r.choice(['Meiryo', 'MS PGothic', 'Arial', 'Verdana'])}, sans-serif",
        f"border: 1px {r.choice(['solid', 'dotted', 'dashed'])} #{r.randint(0, 0xFFFFFF):06x}",
        f"width: {r.randint(40, 980)}px",
        f"text-align: {r.choice(['left', 'right', 'center'])}",
        f"line-height: {r.choice(['1.2', '1.5', '18px'])}",
        f"display: {r.choice(['block', 'inline-block', 'none', 'flex'])}",
        f"background: url(../images/{r.choice(NOUNS)}.gif) no-repeat {r.randint(0, 10)}px center",
        "cursor: pointer", "white-space: nowrap", "overflow: hidden",
    ], r.randint(2, 6))
    return sel + " {\n" + "".join(f"    {p};\n" for p in props) + "}\n\n"


def css_ie(r, ja):
    sel = r.choice(["#", "."]) + r.choice(NOUNS) + r.choice(["", " img", " .shadow", " div"])
    decl = r.choice([
        f"width: expression(document.body.clientWidth > {r.randint(700, 1200)} ? \"{r.randint(700, 1200)}px\" : \"auto\");",
        "top: expression(eval(document.documentElement.scrollTop) + \"px\");",
        f"filter: alpha(opacity={r.randint(10, 90)});",
        f"filter: progid:DXImageTransform.Microsoft.gradient(startColorstr='#{r.randint(0, 0xFFFFFF):06X}', endColorstr='#{r.randint(0, 0xFFFFFF):06X}');",
        f"-ms-filter: \"progid:DXImageTransform.Microsoft.Alpha(Opacity={r.randint(10, 90)})\";",
        f"behavior: url(../htc/{r.choice(['hover', 'calendar', 'numeric', 'pngfix', 'rounded'])}.htc);",
    ])
    return f"{sel} {{\n    zoom: 1;\n    {decl}\n    *display: inline;\n}}\n\n"


def css_near(r, ja):
    return r.choice([
        f"/* IE6: filter: alpha() and expression() removed on {r.randint(2013, 2020)}-0{r.randint(1, 9)} */\n",
        f".{r.choice(NOUNS)}-expression {{ color: #333; }}\n",
        f".thumb {{ filter: blur({r.randint(1, 5)}px) grayscale(50%); }}\n",
        f".all-{r.choice(NOUNS)} {{ font-weight: bold; }}\n",
        "@media print {\n    .noprint { display: none; }\n}\n\n",
    ])


# Markup ---------------------------------------------------------------------------------

def html_clean_table(r, ja):
    cols = r.randint(3, 7)
    head = "".join(f"<th>{text(r, ja)}</th>" for _ in range(cols))
    rows = []
    for i in range(r.randint(3, 14)):
        cells = "".join(f"<td>{r.choice([text(r, ja), str(r.randint(0, 99999)), var(r)])}</td>"
                        for _ in range(cols))
        rows.append(f"  <tr class=\"{'odd' if i % 2 else 'even'}\">{cells}</tr>\n")
    return (f"<table class=\"list\" id=\"{elid(r)}\" border=\"0\" cellspacing=\"1\" cellpadding=\"2\">\n"
            f"  <tr>{head}</tr>\n" + "".join(rows) + "</table>\n")


def html_clean_form(r, ja):
    fields = []
    for _ in range(r.randint(2, 7)):
        kind = r.choice(["text", "text", "select", "checkbox", "textarea"])
        name = elid(r)
        if kind == "text":
            w = f"<input type=\"text\" name=\"{name}\" id=\"{name}\" size=\"{r.randint(4, 40)}\" maxlength=\"{r.randint(4, 100)}\">"
        elif kind == "select":
            opts = "".join(f"<option value=\"{k}\">{text(r, ja)}</option>" for k in range(r.randint(2, 6)))
            w = f"<select name=\"{name}\" id=\"{name}\">{opts}</select>"
        elif kind == "checkbox":
            w = f"<input type=\"checkbox\" name=\"{name}\" value=\"1\"> {text(r, ja)}"
        else:
            w = f"<textarea name=\"{name}\" rows=\"{r.randint(2, 8)}\" cols=\"{r.randint(20, 80)}\"></textarea>"
        fields.append(f"  <tr><th>{text(r, ja)}</th><td>{w}</td></tr>\n")
    return (f"<form name=\"frm{r.choice(NOUNS).capitalize()}\" method=\"post\" action=\"{r.choice(VERBS)}.{r.choice(['asp', 'do', 'php', 'aspx'])}\">\n"
            f"<table class=\"form\">\n" + "".join(fields) + "</table>\n"
            f"<input type=\"submit\" value=\"{text(r, ja)}\" onclick=\"return {ident(r)}();\">\n"
            f"</form>\n")


def html_clean_nav(r, ja):
    items = "".join(f"  <li><a href=\"{r.choice(NOUNS)}/{r.choice(VERBS)}.htm\">{text(r, ja)}</a></li>\n"
                    for _ in range(r.randint(3, 9)))
    return f"<div id=\"menu\">\n<ul>\n{items}</ul>\n</div>\n"


def html_clean_para(r, ja):
    words = " ".join(text(r, ja) for _ in range(r.randint(5, 30)))
    return f"<p class=\"{r.choice(['note', 'info', 'lead', 'small'])}\">{words}</p>\n"


def html_ie(r, ja):
    k = r.randint(0, 9)
    if k == 0:
        cid, _ = r.choice(CLSIDS)
        return (f"<object id=\"{elid(r)}\" classid=\"clsid:{cid}\" width=\"{r.randint(1, 800)}\" height=\"{r.randint(1, 600)}\">\n"
                f"  <param name=\"src\" value=\"{r.choice(NOUNS)}.dat\">\n</object>\n")
    if k == 1:
        return (f"<!--[if lt IE {r.choice([7, 8, 9])}]>\n<link rel=\"stylesheet\" href=\"css/ie.css\">\n<![endif]-->\n")
    if k == 2:
        return (f"<xml id=\"xml{r.choice(NOUNS).capitalize()}\" src=\"xml/{r.choice(NOUNS)}.xml\"></xml>\n"
                f"<table datasrc=\"#xml{r.choice(NOUNS).capitalize()}\" datapagesize=\"{r.randint(10, 50)}\">\n"
                f"  <tr><td><span datafld=\"{var(r)}\"></span></td><td><span datafld=\"{var(r)}\"></span></td></tr>\n</table>\n")
    if k == 3:
        return (f"<script language=\"VBScript\">\nSub {ident(r)}_onclick()\n"
                f"  Dim v\n  v = document.all.{elid(r)}.value\n  If v = \"\" Then\n"
                f"    MsgBox \"{text(r, ja)}\", vbExclamation\n  End If\nEnd Sub\n</script>\n")
    if k == 4:
        return f"<div class=\"{r.choice(NOUNS)}\" style=\"behavior: url(htc/{r.choice(['hover', 'calendar'])}.htc); zoom: 1\">{text(r, ja)}</div>\n"
    if k == 5:
        return f"<a href=\"vbscript:{ident(r)}()\">{text(r, ja)}</a>\n"
    if k == 6:
        return f"<input type=\"button\" value=\"{text(r, ja)}\" onclick=\"window.event.returnValue=false; {ident(r)}(window.event.srcElement)\">\n"
    if k == 7:
        return f"<div id=\"{elid(r)}\" style=\"filter: alpha(opacity={r.randint(10, 90)}); width: expression(this.parentNode.offsetWidth - 20)\"></div>\n"
    if k == 8:
        return f"<body onload=\"document.all.{elid(r)}.focus()\">\n" if r.random() < 0.01 else \
            f"<span onclick=\"document.all.{elid(r)}.style.display='none'\">{text(r, ja)}</span>\n"
    return "<!--[if IE]><p class=\"ienote\">" + text(r, ja) + "</p><![endif]-->\n"


def html_near(r, ja):
    return r.choice([
        f"<!-- {text(r, ja)}: document.all / attachEvent removed for Edge -->\n",
        f"<p>Use <code>addEventListener</code> instead of attachEvent.</p>\n",
        f"<!-- [if IE] hack was removed {r.randint(2014, 2021)} -->\n",
        f"<div class=\"all-{r.choice(NOUNS)}\" data-event=\"{r.choice(VERBS)}\">{text(r, ja)}</div>\n",
        f"<input type=\"hidden\" name=\"expression\" value=\"{var(r)}\">\n",
    ])


HTML_CLEAN = [html_clean_table, html_clean_form, html_clean_nav, html_clean_para,
              html_clean_para, html_clean_table]


def htc_component(r, ja, body_js):
    return (f"<PUBLIC:COMPONENT tagName=\"{r.choice(NOUNS)}\">\n"
            f"<PUBLIC:ATTACH EVENT=\"onmouseover\" ONEVENT=\"{ident(r)}()\" />\n"
            f"<PUBLIC:ATTACH EVENT=\"onmouseout\" ONEVENT=\"{ident(r)}()\" />\n"
            f"<PUBLIC:PROPERTY NAME=\"{var(r)}\" />\n"
            f"<PUBLIC:METHOD NAME=\"{ident(r)}\" />\n"
            f"<SCRIPT LANGUAGE=\"JScript\">\n{body_js}</SCRIPT>\n"
            f"</PUBLIC:COMPONENT>\n")


# Server code ------------------------------------------------------------------------------

def asp_block(r, ja):
    return r.choice([
        (f"<%\nDim conn, rs, sql\nSet conn = Server.CreateObject(\"ADODB.Connection\")\n"
         f"conn.Open Application(\"ConnStr\")\nsql = \"SELECT * FROM {r.choice(NOUNS).upper()} WHERE ID = \" & CLng(Request(\"id\"))\n"
         f"Set rs = conn.Execute(sql)\n%>\n"),
        (f"<% Do While Not rs.EOF %>\n<tr><td><%= Server.HTMLEncode(rs(\"{var(r)}\")) %></td>"
         f"<td><%= rs(\"{var(r)}\") %></td></tr>\n<% rs.MoveNext\nLoop %>\n"),
        f"<!--#include virtual=\"/common/{r.choice(['header', 'footer', 'auth', 'db'])}.asp\"-->\n",
        f"<% If Session(\"{var(r)}\") = \"\" Then Response.Redirect \"login.asp\" %>\n",
    ])


def aspx_block(r, ja):
    return r.choice([
        (f"<asp:GridView ID=\"gv{r.choice(NOUNS).capitalize()}\" runat=\"server\" AutoGenerateColumns=\"false\">\n"
         f"  <Columns><asp:BoundField DataField=\"{var(r)}\" HeaderText=\"{text(r, ja)}\" /></Columns>\n</asp:GridView>\n"),
        f"<asp:Label ID=\"lbl{r.choice(NOUNS).capitalize()}\" runat=\"server\" Text='<%# Eval(\"{var(r)}\") %>' />\n",
        f"<%-- {text(r, ja)} --%>\n<asp:Button ID=\"btn{r.choice(VERBS).capitalize()}\" runat=\"server\" OnClick=\"{ident(r)}_Click\" />\n",
    ])


def jsp_block(r, ja):
    return r.choice([
        f"<c:forEach var=\"row\" items=\"${{{r.choice(NOUNS)}List}}\">\n<tr><td><c:out value=\"${{row.{var(r)}}}\"/></td></tr>\n</c:forEach>\n",
        f"<%\n  String {var(r)} = request.getParameter(\"{var(r)}\");\n  if ({var(r)} == null) {{ {var(r)} = \"\"; }}\n%>\n",
        f"<jsp:include page=\"/common/{r.choice(['header', 'footer', 'menu'])}.jsp\" flush=\"true\" />\n",
        f"<%-- {text(r, ja)} --%>\n",
    ])


def php_block(r, ja):
    return r.choice([
        (f"<?php\n$res = mysql_query(\"SELECT * FROM {r.choice(NOUNS)} WHERE id=\" . intval($_GET['id']));\n"
         f"while ($row = mysql_fetch_assoc($res)) {{\n  echo '<tr><td>' . htmlspecialchars($row['{var(r)}']) . '</td></tr>';\n}}\n?>\n"),
        f"<?php include 'inc/{r.choice(['header', 'footer', 'auth'])}.php'; ?>\n",
        f"<p><?= htmlspecialchars(${var(r)}) ?></p>\n",
    ])


SERVER_BLOCKS = {"asp": asp_block, "aspx": aspx_block, "jsp": jsp_block, "php": php_block}


def vbs_script(r, ja, ie):
    body = (f"Option Explicit\nDim fso, sh, {var(r)}\n"
            f"' {text(r, ja)}\n")
    if ie:
        body += (f"Set fso = CreateObject(\"Scripting.FileSystemObject\")\n"
                 f"Set sh = CreateObject(\"WScript.Shell\")\n")
    body += (f"{var(r)} = \"{r.choice(NOUNS)}\"\n"
             f"If Len({var(r)}) > {r.randint(1, 30)} Then\n  WScript.Echo \"{text(r, ja)}\"\nEnd If\n\n")
    return body


def xml_records(r, ja, n):
    out = []
    for i in range(n):
        tag = r.choice(NOUNS)
        out.append(f"  <{tag} id=\"{i + 1}\">\n"
                   f"    <name>{text(r, ja)}</name>\n"
                   f"    <code>{r.randint(1000, 99999)}</code>\n"
                   f"    <updated>{r.randint(1999, 2012)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}</updated>\n"
                   f"  </{tag}>\n")
    return "".join(out)


def xsl_template(r, ja, ie):
    script = ""
    if ie:
        script = ("<msxsl:script language=\"JScript\" implements-prefix=\"u\">\n<![CDATA[\n"
                  "function fmt(v) { return String(v).replace(/-/g, \"/\"); }\n]]>\n</msxsl:script>\n")
    return (f"<xsl:template match=\"{r.choice(NOUNS)}\">\n{script}"
            f"  <tr><td><xsl:value-of select=\"name\"/></td><td><xsl:value-of select=\"code\"/></td></tr>\n"
            f"</xsl:template>\n")
