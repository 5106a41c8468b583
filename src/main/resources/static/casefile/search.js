// 案件查询: GET /api/cases by case number, name or full resident ID, within the user's regions; each row opens the
// case file (/cases/{caseNumber}); the same search as an XLSX workbook.
(function () {
  'use strict';
  const { $, api, fail, time, cell, link, who, PROGRAMMES, STATUSES } = window.Doudi;
  const SIZE = 20;
  let page = 0;
  Object.keys(STATUSES).forEach((k) => { const o = document.createElement('option'); o.value = k; o.textContent = STATUSES[k]; $('status').appendChild(o); });
  const initial = new URLSearchParams(location.search);
  ['q', 'region', 'programme', 'status'].forEach((k) => { if (initial.get(k)) $('search').elements[k].value = initial.get(k); });

  function load() {
    $('error').hidden = true;
    const f = new FormData($('search'));
    const q = new URLSearchParams({ page: page, size: SIZE });
    ['q', 'region', 'programme', 'status'].forEach((k) => { if (f.get(k)) q.set(k, f.get(k).trim()); });
    const all = new URLSearchParams(q); all.delete('page'); all.delete('size'); all.set('format', 'xlsx');
    $('export').href = '/api/cases?' + all;
    api('/api/cases?' + q).then((p) => {
      const body = $('results').querySelector('tbody');
      body.replaceChildren();
      p.items.forEach((c) => {
        const tr = document.createElement('tr');
        cell(tr, link('/cases/' + encodeURIComponent(c.caseNumber), c.caseNumber));
        cell(tr, PROGRAMMES[c.programme] || c.programme);
        cell(tr, STATUSES[c.status] || c.status);
        cell(tr, c.applicantName);
        cell(tr, c.idNumberMasked);
        cell(tr, c.villageName || c.villageCode);
        cell(tr, time(c.submittedAt));
        body.appendChild(tr);
      });
      $('summary').textContent = p.total === 0 ? '没有找到案件。' : '共 ' + p.total + ' 件';
      $('page').textContent = '第 ' + (p.page + 1) + ' 页';
      $('prev').disabled = p.page === 0;
      $('next').disabled = (p.page + 1) * p.size >= p.total;
      document.body.dataset.loaded = 'true';
    }).catch((e) => fail('查询失败：' + e.message));
  }

  who();
  load();
  $('search').addEventListener('submit', (ev) => { ev.preventDefault(); page = 0; load(); });
  $('prev').addEventListener('click', () => { if (page > 0) { page--; load(); } });
  $('next').addEventListener('click', () => { page++; load(); });
})();
