<%@ Language="VBScript" %>
<%
Option Explicit
Dim userName
userName = Request.ServerVariables("LOGON_USER")
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<title>Expense Claims</title>
<!-- ok: vbscript.script-block -->
<script language="VBScript" runat="server">
Function FormatAmount(value)
  FormatAmount = FormatNumber(value, 2)
End Function
</script>
<!-- ruleid: vbscript.script-block -->
<script language="VBScript">Option Explicit

' ruleid: vbscript.implicit-event-sub
Sub window_onload
  document.frmClaim.txtAmount.focus
End Sub
</script>
</head>
<body>
<p>Signed in as <%= Server.HTMLEncode(userName) %></p>
<form name="frmClaim" method="post" action="claim_save.asp">
<input type="text" name="txtAmount" value="<%= FormatAmount(0) %>">
</form>
</body>
</html>
