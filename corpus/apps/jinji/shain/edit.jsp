<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ page import="jp.lg.city.jinji.model.Shain, jp.lg.city.jinji.util.WebUtil" %>
<%
  Shain s = (Shain) request.getAttribute("shain");
  boolean canEdit = request.isUserInRole("JINJI_TANTO");
  request.setAttribute("pageTitle", "職員情報");
%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html lang="ja">
<head>
<jsp:include page="/common/head.jsp" flush="true" />
<style type="text/css">
table.form th { width: 120px; text-align: left; background-color: #eef3e8; }
/* 金額欄：数字のみ入力・3 桁区切り */
input.kingaku {
  text-align: right;
  /* ruleid: css.ime-mode */
  ime-mode: disabled;
  /* ruleid: css.behavior */
  behavior: url(<%= request.getContextPath() %>/htc/numeric.htc);
}
</style>

<script type="text/javascript">
var SHAIN_NO = "<%= s.getShainNo() %>";
var calendarWin = null;

function save() {
  var f = document.frmEdit;
  if (f.shimei.value == "") {
    alert("氏名を入力してください。");
    f.shimei.focus();
    return;
  }
  if (!ConfirmSave("入力内容を保存しますか？")) return;
  f.action = "save.do";
  f.submit();
}

function remove() {
  if (!ConfirmDelete(document.frmEdit.shimei.value)) return;
  location.href = "delete.do?no=" + SHAIN_NO;
}

// 異動予定日のカレンダー（非モーダル：開いたまま他の欄を入力できる）
function openCalendar(fieldName) {
  var field = document.frmEdit.elements[fieldName];
  if (calendarWin && !calendarWin.closed) calendarWin.close();
  // ruleid: windows.show-modeless-dialog
  calendarWin = window.showModelessDialog(CONTEXT_PATH + "/common/calendar.html", field,
      // ruleid: windows.dialog-features
      "dialogWidth:260px;dialogHeight:240px;status:no;help:no;resizable:no");
}

// 入力欄の枠が見えているか（非表示の欄はチェックしない）
function isVisible(el) {
  return getStyle(el, "display") != "none" && getStyle(el, "visibility") != "hidden";
}
</script>

<%-- ruleid: vbscript.script-block --%>
<script type="text/vbscript">Function ConfirmSave(msg)
    ConfirmSave = (MsgBox(msg, vbOKCancel + vbQuestion, "人事情報システム") = vbOK)
End Function

Function ConfirmDelete(shimei)
    ConfirmDelete = (MsgBox(shimei & " さんの職員情報を削除します。" & vbCrLf & _
        "この操作は元に戻せません。よろしいですか？", vbOKCancel + vbExclamation, "削除確認") = vbOK)
End Function
</script>
</head>
<body>
<div id="msgArea" class="message" style="display:none"></div>
<h1>職員情報 <%= WebUtil.html(s.getShimei()) %>（<%= s.getShainNo() %>）</h1>
<form name="frmEdit" method="post">
<input type="hidden" name="no" value="<%= s.getShainNo() %>">
<table class="form" cellspacing="0">
<tr><th>氏名</th><td><input type="text" name="shimei" size="24" value="<%= WebUtil.html(s.getShimei()) %>"></td></tr>
<tr><th>氏名（カナ）</th><td><input type="text" name="kana" size="24" value="<%= WebUtil.html(s.getKana()) %>"></td></tr>
<tr><th>所属</th><td><%= WebUtil.html(s.getShozokuName()) %></td></tr>
<tr><th>異動予定日</th><td><input type="text" name="idouYmd" class="date" size="12" value="<%= WebUtil.nvl(s.getIdouYmd()) %>">
  <input type="button" class="btn" value="…" onclick="openCalendar('idouYmd')"></td></tr>
<tr><th>通勤手当</th><td><input type="text" name="tsukin" class="kingaku" size="10" value="<%= s.getTsukinTeate() %>"> 円</td></tr>
<tr><th>住居手当</th><td><input type="text" name="jukyo" class="kingaku" size="10" value="<%= s.getJukyoTeate() %>"> 円</td></tr>
</table>
<% if (canEdit) { %>
<p class="buttons">
  <input type="button" class="btn" value="保存" onclick="save()">
  <input type="button" class="btn" value="削除" onclick="remove()">
</p>
<% } %>
</form>
<h2>職員証</h2>
<script type="text/javascript">
writePdfViewer(CONTEXT_PATH + "/shain/card.pdf?no=" + SHAIN_NO);
</script>
</body>
</html>
