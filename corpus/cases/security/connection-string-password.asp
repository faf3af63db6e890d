<%@ Language="VBScript" %>
<%
Option Explicit
Dim conn
' ok: security.connection-string-password
Const HR_CONN = "Provider=SQLOLEDB;Data Source=hrdb01;User ID=hr_app;Password=Tokyo2009"
Set conn = Server.CreateObject("ADODB.Connection")
' ok: security.connection-string-password
conn.Open HR_CONN, "hr_app", "Tokyo2009"
%>
<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>Staff</title>
<script type="text/javascript">
function reportConnection(user) {
  // ok: security.connection-string-password
  return "Provider=SQLOLEDB;Data Source=hrdb01;User ID=" + user + ";Password=<%= Session("ReportPwd") %>";
}
</script>
</head>
<body>
<p>Connected to <%= conn.DefaultDatabase %></p>
<% conn.Close %>
</body>
</html>
