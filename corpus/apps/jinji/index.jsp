<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ page import="java.util.List, jp.lg.city.jinji.model.Oshirase, jp.lg.city.jinji.util.WebUtil" %>
<%
  List<Oshirase> news = (List<Oshirase>) request.getAttribute("oshiraseList");
  request.setAttribute("pageTitle", "トップ");
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html lang="ja">
<head>
<jsp:include page="/common/head.jsp" flush="true" />
<script type="text/javascript">
// 対応ブラウザ以外は案内ページへ（人事給与パッケージの動作保証は IE のみ）
// ruleid: sniffing.msie-user-agent
if (navigator.userAgent.indexOf("MSIE") == -1) {
  location.replace(CONTEXT_PATH + "/unsupported.html");
}

function initTop() {
  var items = document.getElementById("globalMenu").getElementsByTagName("a");
  for (var i = 0; i < items.length; i++) {
    addEvent(items[i], "mouseover", function (e) {
      eventTarget(e).style.textDecoration = "underline";
    });
    addEvent(items[i], "mouseout", function (e) {
      eventTarget(e).style.textDecoration = "none";
    });
  }
}
addEvent(window, "load", initTop);
</script>
</head>
<body>
<div id="banner">
  <ul id="globalMenu">
    <li><a href="shain/list.do">職員一覧</a></li>
    <li><a href="kintai/summary.jsp">勤怠集計</a></li>
    <li><a href="kyuyo/meisai.do">給与明細</a></li>
    <li><a href="export/kyuyo_meisai.htm">明細一覧（Excel）</a></li>
  </ul>
</div>
<!-- ruleid: conditional.comment -->
<!--[if IE 6]>
<p class="message">Internet Explorer 6 のサポートは平成26年3月で終了します。情報政策課の案内に従い更新してください。</p>
<![endif]-->
<h1>お知らせ</h1>
<dl class="news">
<% for (Oshirase o : news) { %>
  <dt><%= WebUtil.wareki(o.getKeisaiYmd()) %></dt>
  <dd><%= WebUtil.html(o.getTitle()) %></dd>
<% } %>
</dl>
<p>ログイン中：<%= WebUtil.html((String) session.getAttribute("userName")) %></p>
</body>
</html>
