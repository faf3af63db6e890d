<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ page import="java.util.List, jp.lg.city.jinji.model.Shain, jp.lg.city.jinji.util.WebUtil" %>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<%
  List<Shain> list = (List<Shain>) request.getAttribute("shainList");
  String shozokuCd = WebUtil.nvl(request.getParameter("shozoku"));
  request.setAttribute("pageTitle", "職員一覧");
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html lang="ja">
<head>
<jsp:include page="/common/head.jsp" flush="true" />
<script type="text/javascript">
var SHOZOKU_CD = "<%= WebUtil.js(request.getParameter("shozoku")) %>";
var SHAIN_COUNT = <%= list.size() %>;
var ctxMenu = null;

function initList() {
  document.getElementById("lblCount").innerHTML = SHAIN_COUNT + " 名";
  setShozoku(SHOZOKU_CD);
}

// 所属を選択して絞り込みを実行する（onchange を発生させる）
function setShozoku(cd) {
  var sel = document.getElementById("selShozoku");
  sel.value = cd;
  if (document.createEvent) {
    var ev = document.createEvent("HTMLEvents");
    ev.initEvent("change", true, true);
    sel.dispatchEvent(ev);
  } else {
    // ruleid: events.fire-event
    sel.fireEvent("onchange");
  }
}

// チェックした職員の職員番号をクリップボードへ
function copyShainNo() {
  var boxes = document.getElementsByName("chkShain");
  var nos = [];
  for (var i = 0; i < boxes.length; i++) {
    if (boxes[i].checked) nos.push(boxes[i].value);
  }
  if (nos.length == 0) { alert("職員を選択してください。"); return; }
  // ruleid: platform.clipboard-data
  if (window.clipboardData) {
    // ruleid: platform.clipboard-data
    window.clipboardData.setData("Text", nos.join("\r\n"));
    showMessage(nos.length + " 件の職員番号をコピーしました。");
  } else {
    prompt("次の職員番号をコピーしてください。", nos.join(","));
  }
}

// 行の右クリックメニュー（詳細／異動履歴／給与）
function showRowMenu(shainNo) {
  if (ctxMenu == null) {
    // ruleid: windows.create-popup
    ctxMenu = window.createPopup();
    ctxMenu.document.body.style.border = "1px solid #666666";
  }
  ctxMenu.document.body.innerHTML =
      document.getElementById("ctxTemplate").innerHTML.replace(/\{no\}/g, shainNo);
  // ruleid: events.window-event
  var e = window.event;
  ctxMenu.show(e.clientX, e.clientY, 150, 70, document.body);
  // ruleid: events.return-value
  e.returnValue = false;
}

if (window.addEventListener) {
  window.addEventListener("load", initList, false);
} else {
  // ruleid: events.attach-event
  window.attachEvent("onload", initList);
}
</script>
</head>
<body>
<div id="msgArea" class="message" style="display:none"></div>
<h1>職員一覧 <span id="lblCount"></span></h1>
<form name="frmList" method="get" action="list.do">
所属：
<select id="selShozoku" name="shozoku" onchange="this.form.submit()">
  <option value="">（すべて）</option>
  <c:forEach var="s" items="${shozokuList}">
  <option value="${s.cd}">${s.name}</option>
  </c:forEach>
</select>
<input type="button" class="btn" value="職員番号をコピー" onclick="copyShainNo()">
</form>
<table class="list" cellspacing="0">
<tr><th></th><th>職員番号</th><th>氏名</th><th>所属</th><th>職名</th><th>級・号給</th></tr>
<% for (Shain s : list) { %>
<tr oncontextmenu="showRowMenu('<%= s.getShainNo() %>'); return false;">
  <td><input type="checkbox" name="chkShain" value="<%= s.getShainNo() %>"></td>
  <td><a href="edit.jsp?no=<%= s.getShainNo() %>"><%= s.getShainNo() %></a></td>
  <td><%= WebUtil.html(s.getShimei()) %></td>
  <td><%= WebUtil.html(s.getShozokuName()) %></td>
  <td><%= WebUtil.html(s.getShokumei()) %></td>
  <td class="num"><%= s.getKyu() %>級 <%= s.getGo() %>号</td>
</tr>
<% } %>
</table>
<div id="ctxTemplate" style="display:none">
  <div class="ctx"><a href="edit.jsp?no={no}" target="_top">職員情報の詳細</a></div>
  <div class="ctx"><a href="rireki.jsp?no={no}" target="_top">異動履歴</a></div>
  <div class="ctx"><a href="../kyuyo/meisai.jsp?no={no}" target="_top">給与明細</a></div>
</div>
</body>
</html>
