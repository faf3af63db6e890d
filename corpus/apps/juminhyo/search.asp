<%@ Language=VBScript CodePage=932 %>
<!--#include file="common.inc"-->
<%
Dim mode, kana, setaiNo
mode = Request.QueryString("mode")
kana = Request.Form("KANA")
setaiNo = Request.Form("SETAI_NO")
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html lang="ja">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">
<title>住民検索</title>
<link rel="stylesheet" type="text/css" href="css/juki.css">
<script type="text/javascript" src="js/juki.js"></script>
<script type="text/javascript">
var SEARCH_MODE = "<%= J(mode) %>";
var BUSHO_NAME = "<%= J(Session("BUSHO_NAME")) %>";
var MSG_NO_INPUT = "検索条件を一つ以上入力してください。";
var MSG_KANA = "氏名（カナ）は全角カタカナで入力してください。";
var MSG_SETAI = "世帯番号は数字１０桁で入力してください。";

function initSearch() {
  var f = document.frmSearch;
  if (SEARCH_MODE == "setai") {
    f.SETAI_NO.focus();
  } else {
    f.KANA.focus();
  }
  // ruleid: events.attach-event
  f.KANA.attachEvent("onkeydown", onKeyDownKana);
}

function doSearch() {
  var f = document.frmSearch;
  if (f.KANA.value == "" && f.SETAI_NO.value == "" && f.JUSHO_CD.value == "") {
    alert(MSG_NO_INPUT);
    f.KANA.focus();
    return false;
  }
  if (f.KANA.value != "" && !isZenkakuKana(f.KANA.value)) {
    alert(MSG_KANA);
    selectAll(f.KANA);
    return false;
  }
  if (f.SETAI_NO.value != "" && !/^[0-9]{10}$/.test(f.SETAI_NO.value)) {
    alert(MSG_SETAI);
    selectAll(f.SETAI_NO);
    return false;
  }
  f.btnSearch.disabled = true;
  // ruleid: dom.document-all
  document.all.lblStatus.innerText = "検索中です．．．";
  return true;
}

// 住所選択ダイアログ（町名・番地マスタ）
function openJushoDialog() {
  var args = new Object();
  args.jushoCd = document.frmSearch.JUSHO_CD.value;
  args.busho = BUSHO_NAME;
  var ret = openModal("jusho_select.asp", args, 480, 400);
  if (ret != null) {
    document.frmSearch.JUSHO_CD.value = ret.cd;
    document.frmSearch.JUSHO_NAME.value = ret.name;
  }
}

function onKeyDownKana() {
  // ruleid: events.window-event
  // ok: events.key-code-assign
  if (window.event.keyCode == 13) {
    // ruleid: events.window-event, events.return-value
    window.event.returnValue = false;
    if (doSearch()) document.frmSearch.submit();
  }
}
</script>
</head>
<body onload="initSearch()">
<h1 class="title">住民検索</h1>
<form name="frmSearch" method="post" action="result.asp" onsubmit="return doSearch()">
<table class="form" cellspacing="0">
<tr>
  <th>氏名（カナ）</th>
  <!-- ruleid: css.ime-mode -->
  <td><input type="text" name="KANA" size="30" maxlength="40" value="<%= H(kana) %>" style="ime-mode:active">
      <span class="hint">前方一致</span></td>
</tr>
<tr>
  <th>住所</th>
  <td><input type="text" name="JUSHO_NAME" size="40" readonly class="ro">
      <input type="hidden" name="JUSHO_CD">
      <input type="button" value="選択..." class="btn" onclick="openJushoDialog()"></td>
</tr>
<tr>
  <th>世帯番号</th>
  <!-- ruleid: css.ime-mode -->
  <td><input type="text" name="SETAI_NO" size="12" maxlength="10" value="<%= H(setaiNo) %>" style="ime-mode:disabled"></td>
</tr>
<tr>
  <th>除票</th>
  <td><input type="checkbox" name="INC_JOHYO" value="1" id="chkJohyo"><label for="chkJohyo">転出・死亡者も検索する</label></td>
</tr>
</table>
<p class="buttons">
  <input type="submit" name="btnSearch" value="検　索" class="btn">
  <input type="reset" value="クリア" class="btn">
  <span id="lblStatus" class="status"></span>
</p>
</form>
<% If mode = "setai" Then %>
<script type="text/javascript">
// 世帯検索モードでは世帯番号欄を強調する
// ruleid: dom.document-all
document.all.SETAI_NO.style.backgroundColor = "#ffffcc";
</script>
<% End If %>
</body>
</html>
