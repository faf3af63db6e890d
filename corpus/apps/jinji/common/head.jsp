<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%--
  共通ヘッダ（各画面の <head> 内で jsp:include する）
  2007/04 人事給与システム更改時に作成
  2010/01 IE8 互換表示の指定を追加
--%>
<%
  String ctx = request.getContextPath();
  String title = (String) request.getAttribute("pageTitle");
  if (title == null) title = "人事情報システム";
%>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<!-- ruleid: html.x-ua-compatible -->
<meta http-equiv="X-UA-Compatible" content="IE=EmulateIE8">
<meta http-equiv="Pragma" content="no-cache">
<meta http-equiv="Cache-Control" content="no-cache">
<title><%= title %> － 人事情報システム</title>
<link rel="stylesheet" type="text/css" href="<%= ctx %>/css/jinji.css">
<!-- ruleid: conditional.comment -->
<!--[if lt IE 8]>
<style type="text/css">
/* ruleid: css.zoom-haslayout */
#globalMenu li { display: inline; zoom: 1; }
</style>
<![endif]-->
<script type="text/javascript">
var CONTEXT_PATH = "<%= ctx %>";
var LOGIN_USER = "<%= session.getAttribute("userName") %>";
</script>
<script type="text/javascript" src="<%= ctx %>/js/jinji.js" charset="UTF-8"></script>
