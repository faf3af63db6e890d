<%@ Language=VBScript CodePage=932 %>
<!--#include file="common.inc"-->
<%
Dim conn, rs, chiku
chiku = Request.QueryString("CHIKU")
If chiku = "" Then chiku = "01"
Set conn = OpenConnection()
Set rs = conn.Execute("SELECT JUSHO_CD, CHOMEI, BANCHI FROM M_JUSHO WHERE CHIKU_CD = " & Q(chiku) & " ORDER BY JUSHO_CD")
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html lang="ja">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">
<title>住所選択</title>
<!-- モーダルダイアログ内のリンクが新しいウィンドウで開かないようにする -->
<base target="_self">
<link rel="stylesheet" type="text/css" href="css/juki.css">
<script type="text/javascript">
// ruleid: windows.dialog-arguments
var args = window.dialogArguments;

function selectJusho(cd, name) {
  // ruleid: windows.window-return-value
  // ok: events.return-value
  window.returnValue = { cd: cd, name: name };
  window.close();
}

function highlight(on) {
  // ruleid: events.window-event, events.src-element
  var td = window.event.srcElement;
  if (td.tagName != "TD") return;
  td.parentElement.className = on ? "hover" : "";
}
</script>
</head>
<body class="dialog" onmouseover="highlight(true)" onmouseout="highlight(false)">
<form method="get" action="jusho_select.asp">
地区：
<select name="CHIKU" onchange="this.form.submit()">
  <option value="01"<% If chiku = "01" Then %> selected<% End If %>>中央地区</option>
  <option value="02"<% If chiku = "02" Then %> selected<% End If %>>北部地区</option>
  <option value="03"<% If chiku = "03" Then %> selected<% End If %>>南部地区</option>
  <option value="04"<% If chiku = "04" Then %> selected<% End If %>>旧東山町</option>
</select>
</form>
<table class="list" cellspacing="0">
<tr><th>住所コード</th><th>町名</th><th>番地</th></tr>
<% Do Until rs.EOF %>
<tr onclick="selectJusho('<%= J(rs("JUSHO_CD")) %>', '<%= J(rs("CHOMEI") & rs("BANCHI")) %>')">
  <td><%= H(rs("JUSHO_CD")) %></td><td><%= H(rs("CHOMEI")) %></td><td><%= H(rs("BANCHI")) %></td>
</tr>
<%
    rs.MoveNext
Loop
rs.Close
conn.Close
%>
</table>
<p class="buttons"><input type="button" class="btn" value="キャンセル" onclick="window.close()"></p>
</body>
</html>
