<%@ Language="VBScript" %>
<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>Staff List</title>
</head>
<body>
<!-- ruleid: activex.object-classid -->
<object id="dsoStaff" classid="clsid:BD96C556-65A3-11D0-983A-00C04FC29E33">
  <!-- ok: security.markup-credentials -->
  <param name="Connect" value="DSN=hr;UID=web;PWD=<%= Application("HrPwd") %>">
</object>
<!-- ok: security.markup-credentials -->
<a href="ftp://<%= Session("FtpUser") %>:<%= Session("FtpPwd") %>@fileserv01/incoming/">Scanned forms</a>
<%
' ok: security.markup-credentials
Response.Write "<a href=""ftp://scan:Scan2008@fileserv01/incoming/"">Scanned forms</a>"
%>
</body>
</html>
