<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%-- 勤怠集計（2014/02 改修：標準準拠で作り直し。IE 専用の記述なし） --%>
<%
  String ctx = request.getContextPath();
  String nendo = request.getParameter("nendo");
  if (nendo == null) nendo = "2013";
%>
<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="UTF-8">
<title>勤怠集計 － 人事情報システム</title>
<link rel="stylesheet" href="<%= ctx %>/css/jinji.css">
<style>
.summary { border-collapse: collapse; }
.summary th, .summary td { border: 1px solid #c0ccb0; padding: 2px 8px; }
.summary td.num { text-align: right; }
.summary tr.over td { background-color: #ffe4e1; }
</style>
</head>
<body>
<h1>勤怠集計（<%= nendo %> 年度）</h1>
<form id="frmSummary">
  <label>所属コード <input type="text" name="shozoku" size="6" pattern="[0-9]{6}"></label>
  <label>月 <select name="tsuki">
    <option value="4">4月</option><option value="5">5月</option><option value="6">6月</option>
    <option value="7">7月</option><option value="8">8月</option><option value="9">9月</option>
  </select></label>
  <button type="submit">集計</button>
</form>
<table class="summary">
  <thead><tr><th>職員番号</th><th>氏名</th><th>出勤日数</th><th>時間外（時間）</th><th>年休取得</th></tr></thead>
  <tbody id="rows"></tbody>
</table>
<p id="status" role="status"></p>
<script>
(function () {
  'use strict';
  var OVERTIME_LIMIT = 45;  // 月 45 時間を超えたら強調
  var form = document.getElementById('frmSummary');
  var rows = document.getElementById('rows');
  var status = document.getElementById('status');

  function cell(text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    return td;
  }

  function render(list) {
    rows.textContent = '';
    list.forEach(function (r) {
      var tr = document.createElement('tr');
      if (r.zangyo > OVERTIME_LIMIT) tr.classList.add('over');
      tr.appendChild(cell(r.shainNo));
      tr.appendChild(cell(r.shimei));
      tr.appendChild(cell(r.shukkin, 'num'));
      tr.appendChild(cell(r.zangyo.toFixed(1), 'num'));
      tr.appendChild(cell(r.nenkyu, 'num'));
      rows.appendChild(tr);
    });
    status.textContent = list.length + ' 名';
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var params = new URLSearchParams(new FormData(form));
    params.set('nendo', '<%= nendo %>');
    var xhr = new XMLHttpRequest();
    xhr.open('GET', '<%= ctx %>/api/kintai/summary?' + params.toString());
    xhr.responseType = 'json';
    xhr.addEventListener('load', function () {
      if (xhr.status === 200) render(xhr.response.items);
      else status.textContent = '集計に失敗しました（' + xhr.status + '）';
    });
    xhr.send();
  });
})();
</script>
</body>
</html>
