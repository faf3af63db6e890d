/*
 * 人事情報システム 共通スクリプト
 *   2007/04 初版
 *   2011/06 Firefox 対応の分岐を一部追加（職員ポータル連携分のみ）
 */

// IE のバージョン（IE 以外は 0）
var IE_VERSION = (function () {
  // ruleid: sniffing.ie-version-parse
  var m = navigator.userAgent.match(/MSIE (\d+\.\d+)/);
  return m ? parseFloat(m[1]) : 0;
})();

// JScript で動いているか（条件付きコンパイル）
// ruleid: conditional.jscript-cc-on
var IS_JSCRIPT = /*@cc_on!@*/false;

// イベント登録（Firefox では addEventListener、IE では attachEvent）
function addEvent(el, type, fn) {
  if (el.addEventListener) {
    el.addEventListener(type, fn, false);
  // ok: events.attach-event
  } else if (el.attachEvent) {
    // ruleid: events.attach-event
    el.attachEvent("on" + type, fn);
  }
}

// イベントの発生元要素
function eventTarget(e) {
  // ruleid: events.window-event
  e = e || window.event;
  // ruleid: events.src-element
  return e.target || e.srcElement;
}

// 計算済みスタイル
function getStyle(el, prop) {
  if (window.getComputedStyle) {
    return window.getComputedStyle(el, null)[prop];
  }
  // ruleid: style.current-style
  return el.currentStyle[prop];
}

// XMLHTTP（IE6 は ActiveX）
function createXhr() {
  if (window.XMLHttpRequest) {
    return new XMLHttpRequest();
  }
  // ruleid: activex.xmlhttp
  return new ActiveXObject("Msxml2.XMLHTTP");
}

// 職員ポータル（別ホスト）の API 呼び出し：IE8/9 は XDomainRequest を使う
function createCorsRequest(method, url) {
  var xhr = new XMLHttpRequest();
  if ("withCredentials" in xhr) {
    xhr.open(method, url, true);
    return xhr;
  }
  // ruleid: platform.xdomain-request
  if (typeof XDomainRequest != "undefined") {
    // ruleid: platform.xdomain-request
    var xdr = new XDomainRequest();
    xdr.open(method, url);
    return xdr;
  }
  return null;
}

// メッセージ欄に表示して５秒後に消す
function showMessage(text) {
  var area = document.getElementById("msgArea");
  if (!area) return;
  area.innerHTML = text;
  area.style.display = "block";
  // ruleid: dom.document-all
  setTimeout("document.all.msgArea.style.display = 'none'", 5000);
}

// VBScript の MsgBox で確認する（はい／いいえ のボタン表記のため）
function vbConfirm(msg) {
  window.vbAnswer = false;
  // ruleid: vbscript.settimeout-vbscript
  // ok: vbscript.script-block
  window.execScript('window.vbAnswer = (MsgBox("' + msg.replace(/"/g, '""') + '", 36, "人事情報システム") = 6)', "VBScript");
  return window.vbAnswer;
}

// 職員証 PDF を埋め込み表示する（「クリックして有効化」回避のため外部 JS で出力）
function writePdfViewer(url) {
  // ruleid: activex.acrobat
  document.write('<object id="pdfViewer" classid="clsid:CA8A9780-280D-11CF-A24D-444553540000" width="100%" height="480">');
  document.write('<param name="src" value="' + url + '">');
  document.write('<p>PDF を表示できません。Adobe Reader をインストールしてください。</p>');
  document.write('</object>');
}

// ruleid: conditional.jscript-cc-on
/*@cc_on
  // ruleid: conditional.jscript-version
  @if (@_jscript_version < 5.7)
    // IE6 では背景画像のちらつきを抑える
    // ruleid: selection.exec-command-ie-only
    try { document.execCommand("BackgroundImageCache", false, true); } catch (e) {}
  @end @*/
