// 施設予約 API クライアント（庁内 REST API、同一オリジン）
'use strict';

const API_BASE = '/shisetsu/api/v1';

// ok: platform.xdomain-request
// 以前は IE9 向けに XDomainRequest を使っていたが、同一オリジン化で不要になった
async function request(path, options = {}) {
  const response = await fetch(API_BASE + path, {
    credentials: 'same-origin',
    headers: { 'Accept': 'application/json', ...(options.headers || {}) },
    ...options,
  });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(body.message || `通信エラー（${response.status}）`);
  }
  return response.status === 204 ? null : response.json();
}

function fetchSlots(facility, date) {
  const query = new URLSearchParams({ facility, date });
  return request('/slots?' + query.toString());
}

function fetchConfig() {
  return request('/config');
}

function postReservation(formData) {
  return request('/reservations', { method: 'POST', body: formData });
}

window.shisetsuApi = { fetchSlots, fetchConfig, postReservation };
