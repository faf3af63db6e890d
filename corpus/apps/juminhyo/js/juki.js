/*
 * 住民記録システム 共通スクリプト
 *   2004/04 初版（情報政策課）
 *   2008/11 IE7 対応：ダイアログの高さ補正
 *   2010/03 外字入力パレット対応
 * ※ Internet Explorer 専用。他のブラウザでは動作しません。
 */

// 五十音インデックス（カナ検索ボタン用）
var KANA_GYOU = new Array(
  "アイウエオ", "カキクケコ", "サシスセソ",
  "タチツテト", "ナニヌネノ", "ハヒフヘホ",
  "マミムメモ", "ヤユヨ", "ラリルレロ", "ワヲン"
);
var LBL_LIST = "対象者一覧表";
// ruleid: sniffing.document-all-test
var IS_IE = (document.all != null);

// 全角カタカナ（長音・全角空白を含む）のみか
function isZenkakuKana(s) {
  return /^[ァ-ヶー　]+$/.test(s);
}

// 入力欄の内容を全選択する
function selectAll(el) {
  el.focus();
  // ruleid: selection.create-text-range
  var r = el.createTextRange();
  r.select();
}

// 外字入力パレット：カーソル位置に文字を挿入する
function insertGaiji(el, ch) {
  el.focus();
  // ruleid: selection.selection-create-range
  var r = document.selection.createRange();
  r.text = ch;
  r.collapse(false);
  r.select();
}

// 選択中の文字列（ログ出力用）
function getSelectedText() {
  // ruleid: selection.selection-type
  if (document.selection.type != "Text") return "";
  // ruleid: selection.selection-create-range
  return document.selection.createRange().text;
}

// IE のバージョン（IE 以外は 0）
function getIEVersion() {
  var ua = navigator.userAgent;
  // ruleid: sniffing.msie-user-agent
  var p = ua.indexOf("MSIE ");
  if (p < 0) return 0;
  return parseFloat(ua.substring(p + 5, ua.indexOf(";", p)));
}

// モーダルダイアログを開く（IE7 以降は枠の高さが含まれないため補正）
function openModal(url, args, width, height) {
  if (getIEVersion() >= 7) height -= 48;
  // ruleid: windows.dialog-features
  var feature = "dialogWidth:" + width + "px;dialogHeight:" + height + "px;" +
      "center:yes;status:no;help:no;resizable:no;scroll:yes";
  // ruleid: windows.show-modal-dialog
  return window.showModalDialog(url, args, feature);
}

// F5・BackSpace による画面遷移を抑止する（フレームが崩れるため）
function blockKeys() {
  // ruleid: events.window-event
  var e = window.event;
  // ruleid: events.src-element
  var tag = e.srcElement.tagName;
  // ruleid: events.src-element
  var editable = (tag == "INPUT" || tag == "TEXTAREA") && !e.srcElement.readOnly;
  // ok: events.key-code-assign
  if (e.keyCode == 116 || (e.keyCode == 8 && !editable)) {
    // ruleid: events.key-code-assign
    e.keyCode = 0;
    // ruleid: events.return-value
    // ok: windows.window-return-value
    e.returnValue = false;
    return false;
  }
  return true;
}

// 右クリックメニューを禁止する（個人情報の保存防止）
function blockContextMenu() {
  var msg = "右クリックメニューは使用不可能";
  // ruleid: events.window-event, events.return-value
  window.event.returnValue = false;
  window.status = msg;
}

// ruleid: events.attach-event
document.attachEvent("onkeydown", blockKeys);
// ruleid: events.attach-event
document.attachEvent("oncontextmenu", blockContextMenu);
// ruleid: events.attach-event
window.attachEvent("onunload", function () {
  // ruleid: events.attach-event
  document.detachEvent("onkeydown", blockKeys);
});
