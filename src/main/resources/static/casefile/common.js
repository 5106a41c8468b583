// 案卷与案件查询: what both pages share — the API with its Chinese problems, cells, and the names of things.
window.Doudi = (function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const PROGRAMMES = { DIBAO: '低保', TEKUN: '特困', TEMPORARY: '临时救助' };
  const STATUSES = { SUBMITTED: '待受理', INVESTIGATION: '调查核实中', TOWNSHIP_REVIEW: '乡镇初审', PUBLIC_NOTICE: '公示中',
    OBJECTION_REVIEW: '异议处理中', COUNTY_DECISION: '审核确认', PAPERWORK: '补办手续中', APPROVED: '已批准',
    REJECTED: '不予批准', NOT_ACCEPTED: '不予受理', GRANTED: '已发放', REVIEWED: '已复核' };
  const FIELDS = { q: '查找', region: '区划', status: '状态', programme: '救助项目', page: '页码', size: '每页条数' };

  function fail(message) { $('error').textContent = message; $('error').hidden = false; }
  function problem(r) {
    return r.json().catch(() => ({})).then((p) => {
      const fields = (p.errors || []).map((e) => (FIELDS[e.field] || e.field) + '：' + e.message).join('；');
      throw new Error((fields || p.detail || r.statusText) + '（' + r.status + '）');
    });
  }
  function api(path) {
    return fetch(location.origin + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((r) => r.ok ? r.json() : problem(r));
  }
  function time(iso) { return iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : ''; }
  function day(iso) { return iso ? new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) : ''; }
  function text(v) {
    if (v === null || v === undefined || v === '') return '—';
    if (v === true) return '是';
    if (v === false) return '否';
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return time(v);
    return String(v);
  }
  function cell(tr, value, className) {
    const td = document.createElement('td');
    if (value instanceof Node) td.appendChild(value); else td.textContent = text(value);
    if (className) td.className = className;
    tr.appendChild(td);
    return td;
  }
  function link(href, label) { const a = document.createElement('a'); a.href = href; a.textContent = label; return a; }
  function row(tbody, cells) { const tr = document.createElement('tr'); cells.forEach((c) => cell(tr, c)); tbody.appendChild(tr); return tr; }
  function who() { api('/api/me').then((me) => { $('user').textContent = me.userId; }).catch(() => {}); }
  return { $, api, fail, time, day, text, cell, link, row, who, PROGRAMMES, STATUSES };
})();
