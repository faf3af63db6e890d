<%@ Language="VBScript" %>
<%
Option Explicit
Dim conn, rs
%>
<!-- ok: vbscript.create-object -->
<% Set conn = Server.CreateObject("ADODB.Connection") %>
<%
conn.Open Application("ConnString")
' ok: vbscript.create-object
Set rs = Server.CreateObject("ADODB.Recordset")
rs.Open "SELECT Code, Name FROM Depot ORDER BY Code", conn
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<title>Depots</title>
<!-- ruleid: vbscript.script-block -->
<script language="VBScript">Option Explicit

Sub PrintList()
  Dim word
  ' ruleid: activex.office-automation
  ' ok: vbscript.create-object
  Set word = CreateObject("Word.Application")
  word.Documents.Add
  word.Selection.TypeText document.all.tblDepots.innerText
  word.PrintOut
End Sub

Sub PrintLabels()
  Dim printer
  ' ruleid: vbscript.create-object
  Set printer = CreateObject("ZebraLink.LabelPrinter.2")
  printer.PrintBarcode document.getElementById("depotCode").value, 1
End Sub
</script>
</head>
<body>
<table id="tblDepots">
<% Do Until rs.EOF %>
<tr><td><%= rs("Code") %></td><td><%= Server.HTMLEncode(rs("Name")) %></td></tr>
<% rs.MoveNext
   Loop
   rs.Close
   conn.Close %>
</table>
</body>
</html>
