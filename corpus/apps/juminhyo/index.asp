<%@ Language=VBScript CodePage=932 %>
<%
Option Explicit
Response.Charset = "Shift_JIS"
Response.Expires = -1
Response.AddHeader "Pragma", "no-cache"
%>
<!--#include file="common.inc"-->
<%
' ログイン済みでなければ統合認証画面へ戻す
If Session("USER_ID") = "" Then
    Response.Redirect "/portal/login.asp?ret=" & Server.URLEncode("/juki/index.asp")
End If
Call WriteAccessLog("MENU", "")
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Frameset//EN">
<html lang="ja">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">
<!-- 2009/10 IE8 導入に伴い互換表示を強制（情報政策課 通知第 214 号） -->
<!-- ruleid: html.x-ua-compatible -->
<meta http-equiv="X-UA-Compatible" content="IE=EmulateIE7">
<title>住民記録システム － <%= H(Session("BUSHO_NAME")) %></title>
</head>
<frameset cols="180,*" frameborder="0" border="0" framespacing="0">
  <frame name="menu" src="menu.asp" scrolling="auto" noresize marginwidth="0" marginheight="0">
  <frame name="main" src="search.asp" scrolling="auto" marginwidth="8" marginheight="8">
  <noframes>
  <body>
  <p>このシステムはフレーム対応のブラウザ（Internet Explorer 6.0 以降）でご利用ください。</p>
  <p>お問い合わせ：市民課 住民記録係（内線 2131）</p>
  </body>
  </noframes>
</frameset>
</html>
