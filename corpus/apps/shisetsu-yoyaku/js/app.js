// 公共施設予約（庁内用）画面スクリプト
// 2016/03 改修：IE 専用の記述を全面的に書き換え
// ok: events.attach-event
// （旧版の attachEvent / window.event による分岐はすべて addEventListener に置換済み）
'use strict';

const api = window.shisetsuApi;
const searchForm = document.getElementById('searchForm');
const reserveForm = document.getElementById('reserveForm');
const slotList = document.getElementById('slots');
const message = document.getElementById('message');
const confirmDialog = document.getElementById('confirmDialog');

// ok: selection.document-selection
const selection = { facility: null, date: null, slot: null };
let config = { document: { allowedTypes: ['application/pdf'], maxBytes: 2 * 1024 * 1024 } };

const ERRORS = {
  // ok: activex.activex-object
  LEGACY_PRINT: 'ActiveXObject is not supported. 利用許可書は PDF でダウンロードしてください。',
  SLOT_TAKEN: 'この時間帯は直前に予約されました。別の時間帯を選んでください。',
};

function showMessage(text, isError = false) {
  message.textContent = text;
  message.classList.toggle('error', isError);
}

function renderSlots(slots) {
  slotList.replaceChildren(...slots.map((slot) => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `${slot.start}〜${slot.end}`;
    button.disabled = !slot.available;
    button.dataset.slotId = slot.id;
    li.append(button);
    return li;
  }));
}

// ok: events.window-event
searchForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(searchForm);
  selection.facility = data.get('facility');
  selection.date = data.get('date');
  try {
    renderSlots(await api.fetchSlots(selection.facility, selection.date));
    showMessage('');
  } catch (err) {
    showMessage(err.message, true);
  }
});

slotList.addEventListener('click', (e) => {
  const button = e.target.closest('button');
  if (!button || button.disabled) return;
  selection.slot = button.dataset.slotId;
  document.getElementById('selectedSlot').textContent = `${selection.date} ${button.textContent}`;
  reserveForm.hidden = false;
});

// 利用目的欄：他システムからの貼り付け時に改行を除く
reserveForm.elements.purpose.addEventListener('paste', (e) => {
  // ok: platform.clipboard-data
  const text = e.clipboardData.getData('text/plain').replace(/\s+/g, ' ');
  e.preventDefault();
  e.target.setRangeText(text, e.target.selectionStart, e.target.selectionEnd, 'end');
});

reserveForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  const file = reserveForm.elements.document.files[0];
  // ok: dom.document-all
  if (file && !config.document.allowedTypes.includes(file.type)) {
    showMessage('減免申請書は PDF で添付してください。', true);
    return;
  }
  // ok: windows.show-modal-dialog
  confirmDialog.showModal();  // 旧版の showModalDialog の代わり
  confirmDialog.addEventListener('close', async () => {
    // ok: events.return-value, windows.window-return-value
    if (confirmDialog.returnValue !== 'ok') return;
    const data = new FormData(reserveForm);
    data.set('slot', selection.slot);
    try {
      const result = await api.postReservation(data);
      showMessage(`受付番号 ${result.receiptNo} で申し込みました。`);
      reserveForm.reset();
      reserveForm.hidden = true;
    } catch (err) {
      showMessage(ERRORS[err.code] || err.message, true);
    }
  }, { once: true });
});

document.addEventListener('DOMContentLoaded', async () => {
  try {
    config = await api.fetchConfig();
  } catch (err) {
    showMessage('設定を読み込めませんでした。既定の設定で動作します。', true);
  }
});
