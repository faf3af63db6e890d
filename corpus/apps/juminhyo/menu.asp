<%@ Language=VBScript CodePage=932 %>
<!--#include file="common.inc"-->
<%
Dim userName, kengen
userName = Session("USER_NAME")
kengen = CInt("0" & Session("KENGEN"))
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html lang="ja">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">
<title>メニュー</title>
<link rel="stylesheet" type="text/css" href="css/juki.css">
<!-- ruleid: conditional.comment -->
<!--[if lt IE 7]>
<style type="text/css">
#menuList a { height: 1%; }
</style>
<![endif]-->
<script type="text/javascript" src="js/juki.js"></script>
</head>
<body class="menu" onload="initMenu()">
<div id="menuTitle">住民記録</div>
<div class="user"><%= H(userName) %> 様<br><span class="busho"><%= H(Session("BUSHO_NAME")) %></span></div>
<ul id="menuList">
  <li><a href="search.asp" target="main">住民検索</a></li>
  <li><a href="search.asp?mode=setai" target="main">世帯検索</a></li>
<% If kengen >= 2 Then %>
  <li><a href="idou.asp" target="main">異動届入力</a></li>
  <li><a href="shoumei.asp" target="main">証明書交付</a></li>
<% End If %>
<% If kengen >= 9 Then %>
  <li><a href="admin/log.asp" target="main">操作ログ照会</a></li>
<% End If %>
  <li><a href="help/help.htm" target="main">操作説明</a></li>
  <!-- ruleid: vbscript.url -->
  <!-- ok: vbscript.script-block -->
  <li><a href="vbscript:ConfirmLogout()">ログアウト</a></li>
</ul>
<div class="version">Ver 3.2.1 (2010/03)</div>

<!-- ruleid: vbscript.script-block -->
<script type="text/vbscript">Option Explicit

Sub ConfirmLogout()
    Dim ans
    ans = MsgBox("ログアウトしますか？" & vbCrLf & "入力中の内容は破棄されます。", _
                 vbYesNo + vbQuestion + vbDefaultButton2, "住民記録システム")
    If ans = vbYes Then
        top.location.href = "logout.asp"
    End If
End Sub
</script>

<script type="text/javascript">
var currentItem = null;

function initMenu() {
  // ruleid: dom.document-all
  // ok: sniffing.document-all-test
  var links = document.all.menuList.getElementsByTagName("A");
  for (var i = 0; i < links.length; i++) {
    if (links[i].target != "main") continue;
    // ruleid: events.attach-event
    links[i].attachEvent("onclick", menuClick);
  }
}

// 選択中のメニューを反転表示する
function menuClick() {
  // ruleid: events.window-event, events.src-element
  var a = window.event.srcElement;
  if (currentItem != null) {
    currentItem.className = "";
  }
  a.className = "selected";
  currentItem = a;
}
</script>
</body>
</html>
