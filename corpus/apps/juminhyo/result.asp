<%@ Language=VBScript CodePage=932 %>
<!--#include file="common.inc"-->
<%
Dim conn, rs, sql, kana, setaiNo, jushoCd, cnt
kana = Trim(Request.Form("KANA"))
setaiNo = Trim(Request.Form("SETAI_NO"))
jushoCd = Trim(Request.Form("JUSHO_CD"))
Set conn = OpenConnection()
sql = "SELECT JUMIN_CD, SHIMEI, KANA, SEIBETSU, BIRTH_YMD, ZOKUGARA, JUSHO, SETAI_NO FROM V_JUMIN WHERE 1 = 1"
If Request.Form("INC_JOHYO") <> "1" Then sql = sql & " AND JOHYO_FLG = '0'"
If kana <> "" Then sql = sql & " AND KANA LIKE " & Q(kana & "%")
If setaiNo <> "" Then sql = sql & " AND SETAI_NO = " & Q(setaiNo)
If jushoCd <> "" Then sql = sql & " AND JUSHO_CD = " & Q(jushoCd)
sql = sql & " ORDER BY SETAI_NO, ZOKUGARA_CD"
' ok: vbscript.create-object
Set rs = Server.CreateObject("ADODB.Recordset")
rs.Open sql, conn, 3, 1
cnt = rs.RecordCount
Call WriteAccessLog("SEARCH", kana & "/" & setaiNo & "/" & jushoCd)
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html lang="ja">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">
<title>検索結果</title>
<link rel="stylesheet" type="text/css" href="css/juki.css">
<script type="text/javascript" src="js/juki.js"></script>
<script type="text/javascript">
var RESULT_COUNT = <%= cnt %>;
var PAGE_TITLE = "住民票検索結果一覧表";
function initResult() {
  // ruleid: dom.document-all
  document.all.lblCount.innerText = RESULT_COUNT + " 件";
  if (RESULT_COUNT == 0) {
    // ruleid: dom.document-all
    document.all.divList.style.display = "none";
  }
}

// 一覧印刷（ScriptX で横向き・ヘッダなし）
function printList() {
  // ruleid: dom.document-all
  if (!factory.object) { document.all.lblPrint.innerText = "印刷不可能"; return; }
  // ruleid: platform.scriptx-print
  factory.printing.header = PAGE_TITLE;
  // ruleid: platform.scriptx-print
  factory.printing.footer = "&b&p / &P";
  // ruleid: platform.scriptx-print
  factory.printing.portrait = false;
  // ruleid: platform.scriptx-print
  factory.printing.Print(true);
}

// 行をダブルクリックすると個人票を開く
function showDetail() {
  // ruleid: events.window-event, events.src-element
  var tr = window.event.srcElement.parentElement;
  while (tr.tagName != "TR") tr = tr.parentElement;
  // ok: dom.inner-text-crlf
  var cd = tr.cells(0).innerText;
  openModal("kojin.asp?JUMIN_CD=" + cd, null, 720, 560);
}
</script>
</head>
<body onload="initResult()">
<h1 class="title">検索結果 <span id="lblCount"></span></h1>
<!-- ruleid: xml.data-island -->
<xml id="xmlJumin">
<JUMIN_LIST>
<% Do Until rs.EOF %>
  <ROW>
    <JUMIN_CD><%= rs("JUMIN_CD") %></JUMIN_CD>
    <SHIMEI><%= H(rs("SHIMEI")) %></SHIMEI>
    <KANA><%= H(rs("KANA")) %></KANA>
    <SEIBETSU><% If rs("SEIBETSU") = "1" Then %>男<% Else %>女<% End If %></SEIBETSU>
    <BIRTH><%= ToWareki(rs("BIRTH_YMD")) %></BIRTH>
    <ZOKUGARA><%= H(rs("ZOKUGARA")) %></ZOKUGARA>
    <JUSHO><%= H(rs("JUSHO")) %></JUSHO>
  </ROW>
<%   rs.MoveNext
   Loop
   rs.Close
   conn.Close %>
</JUMIN_LIST>
</xml>
<div id="divList">
<!-- ruleid: xml.data-binding -->
<table id="tblResult" class="list" datasrc="#xmlJumin" datapagesize="20" cellspacing="0" ondblclick="showDetail()">
<thead>
<tr><th>住民コード</th><th>氏名</th><th>カナ</th><th>性別</th><th>生年月日</th><th>続柄</th><th>住所</th></tr>
</thead>
<tbody>
<tr>
  <!-- ruleid: xml.data-binding -->
  <td><span datafld="JUMIN_CD"></span></td>
  <!-- ruleid: xml.data-binding -->
  <td><span datafld="SHIMEI"></span></td>
  <!-- ruleid: xml.data-binding -->
  <td><span datafld="KANA"></span></td>
  <!-- ruleid: xml.data-binding -->
  <td class="c"><span datafld="SEIBETSU"></span></td>
  <!-- ruleid: xml.data-binding -->
  <td><span datafld="BIRTH"></span></td>
  <!-- ruleid: xml.data-binding -->
  <td><span datafld="ZOKUGARA"></span></td>
  <!-- ruleid: xml.data-binding -->
  <td><span datafld="JUSHO" dataformatas="text"></span></td>
</tr>
</tbody>
</table>
<p class="pager">
  <input type="button" class="btn" value="前の２０件" onclick="tblResult.previousPage()">
  <input type="button" class="btn" value="次の２０件" onclick="tblResult.nextPage()">
  <input type="button" class="btn" value="一覧印刷" onclick="printList()">
  <input type="button" class="btn" value="Excel 出力" onclick="ExportExcel()">
  <span id="lblPrint" class="status"></span>
</p>
</div>
<!-- 印刷制御（ScriptX 基本版、CAB は庁内配布サーバから） -->
<!-- ruleid: activex.scriptx, activex.object-codebase -->
<object id="factory" style="display:none" viewastext
  classid="clsid:1663ed61-23eb-11d2-b92f-008048fdd814"
  codebase="/juki/cab/smsx.cab#Version=6,5,439,72">
</object>

<!-- ruleid: vbscript.script-block -->
<script type="text/vbscript">Option Explicit

' 一覧を Excel に書き出す（Office 2003 以降）
Sub ExportExcel()
    Dim xl, ws, nodes, i
    On Error Resume Next
    ' ruleid: activex.office-automation
    Set xl = CreateObject("Excel.Application")
    If Err.Number <> 0 Then
        MsgBox "Excel を起動できませんでした。" & vbCrLf & _
               "「信頼済みサイト」の設定を確認してください。", vbExclamation, "住民記録システム"
        Exit Sub
    End If
    On Error GoTo 0
    Set ws = xl.Workbooks.Add().Worksheets(1)
    ws.Cells(1, 1).Value = "住民票検索結果一覧表"
    ' ruleid: xml.island-xmldocument, xml.select-nodes
    Set nodes = xmlJumin.XMLDocument.selectNodes("/JUMIN_LIST/ROW")
    For i = 0 To nodes.length - 1
        ' ruleid: xml.select-nodes
        ws.Cells(i + 3, 1).Value = "'" & nodes(i).selectSingleNode("JUMIN_CD").text
        ' ruleid: xml.select-nodes
        ws.Cells(i + 3, 2).Value = nodes(i).selectSingleNode("SHIMEI").text
        ' ruleid: xml.select-nodes
        ws.Cells(i + 3, 3).Value = nodes(i).selectSingleNode("KANA").text
        ' ruleid: xml.select-nodes
        ws.Cells(i + 3, 4).Value = nodes(i).selectSingleNode("JUSHO").text
    Next
    xl.Visible = True
End Sub
</script>
</body>
</html>
