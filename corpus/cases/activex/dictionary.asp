<%@ Language="VBScript" %>
<%
Option Explicit
Dim lookup
' ok: activex.dictionary
Set lookup = Server.CreateObject("Scripting.Dictionary")
lookup.Add "EUR", "Euro"
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<title>Currencies</title>
<!-- ruleid: vbscript.script-block -->
<script language="VBScript">Option Explicit

Dim rates
' ruleid: activex.dictionary
Set rates = CreateObject("Scripting.Dictionary")
rates.Add "EUR", 1
rates.Add "USD", <%= Session("UsdRate") %>
</script>
</head>
<body>
<p>Base currency: <%= lookup("EUR") %></p>
</body>
</html>
