<%@ Language="VBScript" %>
<%
Option Explicit
Dim conn
' ok: activex.adodb
Set conn = Server.CreateObject("ADODB.Connection")
conn.Open Application("ConnString")
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<title>Stock Levels</title>
<!-- ruleid: vbscript.script-block -->
<script language="VBScript">Option Explicit

Function LowStockCount()
  Dim rs
  ' ruleid: activex.adodb
  Set rs = CreateObject("ADOR.Recordset")
  rs.Open "stock_low.asp?format=adtg"
  LowStockCount = rs.RecordCount
End Function
</script>
</head>
<body>
<p>Connected to <%= conn.DefaultDatabase %></p>
<% conn.Close %>
</body>
</html>
