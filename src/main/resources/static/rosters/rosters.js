// 名单导入: uploads a roster to POST /api/rosters and shows what was loaded and what was refused.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const FIELDS = { idNumber: '公民身份号码', name: '姓名', villageCode: '村（社区）代码', category: '类别', amount: '金额',
    disabilityGrade: '残疾等级', disabilityCategory: '残疾类别', seriousIllness: '重病', perCapitaIncome: '人均收入',
    date: '日期', note: '备注', file: '名单文件', source: '名单来源', batch: '批次号' };
  const STATUS = { LOADED: '已导入', WITHDRAWN: '已撤回' };
  let current = null;

  function fail(message) { $('error').textContent = message; $('error').hidden = false; }
  function problem(r) {
    return r.json().catch(() => ({})).then((p) => {
      const fields = (p.errors || []).map((e) => (FIELDS[e.field] || e.field) + '：' + e.message).join('；');
      throw new Error((fields || p.detail || r.statusText) + '（' + r.status + '）');
    });
  }
  function show(result, again) {
    current = result.batch;
    $('result').hidden = false;
    $('r-batch').textContent = result.batch;
    $('r-source').textContent = result.sourceLabel;
    $('r-status').textContent = STATUS[result.status] || result.status;
    $('r-rows').textContent = result.rows;
    $('r-imported').textContent = result.imported;
    $('r-rejected').textContent = result.rejectedTotal + (result.rejectedTotal > result.rejected.length ? '（下表列出前 ' + result.rejected.length + ' 行）' : '');
    $('r-again').hidden = !again;
    $('withdraw').hidden = result.status !== 'LOADED';
    const body = $('rejected').querySelector('tbody');
    body.replaceChildren();
    result.rejected.forEach((x) => {
      const tr = document.createElement('tr');
      [x.line, FIELDS[x.field] || x.field, x.message].forEach((v) => { const td = document.createElement('td'); td.textContent = v; tr.appendChild(td); });
      body.appendChild(tr);
    });
  }

  fetch(location.origin + '/api/me', { credentials: 'same-origin' }).then((r) => r.ok ? r.json() : problem(r))
    .then((me) => { $('user').textContent = me.userId; }).catch((e) => fail('加载失败：' + e.message));

  $('upload').addEventListener('submit', (ev) => {
    ev.preventDefault();
    $('error').hidden = true;
    $('busy').hidden = false;
    fetch(location.origin + '/api/rosters', { method: 'POST', credentials: 'same-origin', body: new FormData($('upload')) })
      .then((r) => r.ok ? r.json().then((body) => show(body, r.status === 200)) : problem(r))
      .catch((e) => fail('导入失败：' + e.message))
      .finally(() => { $('busy').hidden = true; });
  });

  $('withdraw').addEventListener('click', () => {
    if (!current || !confirm('撤回批次 ' + current + '？其已导入的行将被删除。')) return;
    fetch(location.origin + '/api/rosters/' + encodeURIComponent(current), { method: 'DELETE', credentials: 'same-origin' })
      .then((r) => r.ok ? r.json().then((body) => show(body, false)) : problem(r))
      .catch((e) => fail('撤回失败：' + e.message));
  });
})();
