// 监测预警: starts comparison runs, lists the warnings of the user's regions, triages them one by one or many at
// once (POST /api/warnings/triage), and shows the watch list (潜在救助对象).
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const RULES = {
    LOW_INCOME_NOT_ENROLLED: '低收入未纳入', MONITORED_NOT_ENROLLED: '防返贫监测对象未纳入',
    ILLNESS_OR_DISABILITY_UNCOVERED: '重病或重度残疾未纳入', HIGH_MEDICAL_COSTS: '大额医疗自付',
    UNEMPLOYED_WITH_CHILD: '失业且有未成年子女', MULTIPLE_ROSTERS: '多个救助名单', LEFT_RECENTLY: '近期退出保障',
    REFUSED_UNDER_LINE: '未获批准仍低于标准', ENROLLED_VEHICLE: '在保人员有车辆', ENROLLED_BUSINESS: '在保人员有市场主体登记',
    ENROLLED_REAL_ESTATE: '在保人员有不动产', ENROLLED_DECEASED: '在保人员已死亡', ENROLLED_MOVED_AWAY: '在保人员户籍迁出'
  };
  const LEVELS = { RED: '红', ORANGE: '橙', YELLOW: '黄' };
  const FIELDS = { region: '区划', status: '状态', rule: '规则', warningIds: '预警编号', action: '处理方式', note: '说明',
    channel: '来源渠道', kind: '反映类型', text: '反映内容', 'about.name': '被反映人姓名', 'about.idNumber': '身份证号',
    'about.villageCode': '村（社区）代码', 'reporter.name': '反映人姓名', 'reporter.phone': '反映人电话' };
  const SIZE = 50;
  let page = 0;

  function fail(message) { $('error').textContent = message; $('error').hidden = false; }
  function problem(r) {
    return r.json().catch(() => ({})).then((p) => {
      const fields = (p.errors || []).map((e) => (FIELDS[e.field] || e.field) + '：' + e.message).join('；');
      throw new Error((fields || p.detail || r.statusText) + '（' + r.status + '）');
    });
  }
  function api(path, options) {
    return fetch(location.origin + path, Object.assign({ credentials: 'same-origin' }, options || {}))
      .then((r) => r.ok ? r.json() : problem(r));
  }
  function post(path, body) {
    return api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }
  function cell(tr, text) { const td = document.createElement('td'); td.textContent = text == null ? '' : text; tr.appendChild(td); return td; }
  function time(iso) { return iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : ''; }

  Object.keys(RULES).forEach((k) => { const o = document.createElement('option'); o.value = k; o.textContent = RULES[k]; $('rule-filter').appendChild(o); });

  function load() {
    $('error').hidden = true;
    const f = new FormData($('filter'));
    const q = new URLSearchParams({ page: page, size: SIZE });
    ['region', 'status', 'rule'].forEach((k) => { if (f.get(k)) q.set(k, f.get(k)); });
    const all = new URLSearchParams(q); all.delete('page'); all.delete('size'); all.set('format', 'xlsx');
    $('export').href = '/api/warnings?' + all; // every warning the filters match, not just this page
    api('/api/warnings?' + q).then((p) => {
      const body = $('warnings').querySelector('tbody');
      body.replaceChildren();
      p.items.forEach((w) => {
        const tr = document.createElement('tr');
        const box = document.createElement('input');
        box.type = 'checkbox'; box.value = w.warningId; box.className = 'pick';
        cell(tr, '').appendChild(box);
        cell(tr, w.warningId);
        cell(tr, LEVELS[w.level] || w.level).className = 'level-' + w.level.toLowerCase();
        cell(tr, RULES[w.rule] || w.rule);
        cell(tr, w.reason);
        cell(tr, w.name);
        cell(tr, w.idNumberMasked);
        cell(tr, w.villageName || w.villageCode);
        cell(tr, w.statusLabel);
        cell(tr, time(w.raisedAt));
        cell(tr, w.note);
        body.appendChild(tr);
      });
      $('summary').textContent = '共 ' + p.total + ' 条';
      $('page').textContent = '第 ' + (p.page + 1) + ' 页';
      $('prev').disabled = p.page === 0;
      $('next').disabled = (p.page + 1) * p.size >= p.total;
      $('all').checked = false;
    }).catch((e) => fail('加载预警失败：' + e.message));
    const w = new URLSearchParams({ size: SIZE });
    if (f.get('region')) w.set('region', f.get('region'));
    api('/api/watch-list?' + w).then((p) => {
      const body = $('watch').querySelector('tbody');
      body.replaceChildren();
      p.items.forEach((x) => {
        const tr = document.createElement('tr');
        [x.name, x.idNumberMasked, x.villageName || x.villageCode, x.sourceLabel, x.reason, x.nextCheck].forEach((v) => cell(tr, v));
        body.appendChild(tr);
      });
    }).catch((e) => fail('加载潜在救助对象失败：' + e.message));
    hotlineSize = SIZE;
    loadHotline();
  }

  // 已登记的热线反映: newest first, in the filter's region; the reporter is never listed (the county reads him in the
  // report itself).
  let hotlineSize = SIZE;
  function loadHotline() {
    const f = new FormData($('filter'));
    const q = new URLSearchParams({ size: hotlineSize });
    if (f.get('region')) q.set('region', f.get('region'));
    const all = new URLSearchParams(q); all.delete('size'); all.set('format', 'xlsx');
    $('hotline-export').href = '/api/hotline-reports?' + all;
    api('/api/hotline-reports?' + q).then((p) => {
      const body = $('hotline-list').querySelector('tbody');
      body.replaceChildren();
      p.items.forEach((h) => {
        const tr = document.createElement('tr');
        [h.reportNumber, h.channelLabel, h.kindLabel, h.aboutName + (h.aboutIdNumberMasked ? '（' + h.aboutIdNumberMasked + '）' : ''),
          h.villageName || h.villageCode, h.text, h.statusLabel, h.routedTo === h.reportNumber ? '县级办理' : h.routedTo,
          time(h.receivedAt)].forEach((v) => cell(tr, v));
        body.appendChild(tr);
      });
      $('hotline-summary').textContent = '共 ' + p.total + ' 条';
      $('hotline-more').hidden = p.items.length >= p.total;
    }).catch((e) => fail('加载热线反映失败：' + e.message));
  }
  $('hotline-more').addEventListener('click', () => { hotlineSize = Math.min(hotlineSize + SIZE, 500); loadHotline(); });

  api('/api/me').then((me) => { $('user').textContent = me.userId; }).catch((e) => fail('加载失败：' + e.message));
  load();

  $('filter').addEventListener('submit', (ev) => { ev.preventDefault(); page = 0; load(); });
  $('prev').addEventListener('click', () => { if (page > 0) { page--; load(); } });
  $('next').addEventListener('click', () => { page++; load(); });
  $('all').addEventListener('change', () => document.querySelectorAll('.pick').forEach((b) => { b.checked = $('all').checked; }));

  document.querySelectorAll('#triage button').forEach((button) => button.addEventListener('click', () => {
    const ids = Array.from(document.querySelectorAll('.pick:checked')).map((b) => Number(b.value));
    if (ids.length === 0) { fail('请先勾选要处理的预警'); return; }
    $('error').hidden = true;
    post('/api/warnings/triage', { warningIds: ids, action: button.dataset.action, note: new FormData($('triage')).get('note') || null })
      .then((r) => {
        $('triage-result').textContent = '已处理 ' + r.done + ' 条' + (r.refused.length ? '；未处理 ' + r.refused.length + ' 条：'
          + r.refused.map((x) => x.warningId + '（' + x.reason + '）').join('；') : '');
        load();
      }).catch((e) => fail('处理失败：' + e.message));
  }));

  const ROUTED = { MP: '已转摸排核查', FH: '已转复核', RX: '已交县级办理' };
  $('hotline').addEventListener('submit', (ev) => {
    ev.preventDefault();
    $('error').hidden = true;
    const f = new FormData($('hotline'));
    const reporter = f.get('reporterName') || f.get('reporterPhone')
      ? { name: f.get('reporterName') || null, phone: f.get('reporterPhone') || null } : null;
    post('/api/hotline-reports', { channel: f.get('channel'), kind: f.get('kind'), text: f.get('text'), reporter: reporter,
      about: { name: f.get('name'), idNumber: f.get('idNumber') || null, villageCode: f.get('villageCode') } })
      .then((r) => {
        $('hotline-result').textContent = '已登记，编号 ' + r.reportNumber + '，' + (ROUTED[r.routedTo.substring(0, 2)] || '')
          + (r.routedTo === r.reportNumber ? '' : '：' + r.routedTo);
        $('hotline').reset();
        loadHotline();
      }).catch((e) => fail('登记失败：' + e.message));
  });

  $('run').addEventListener('submit', (ev) => {
    ev.preventDefault();
    $('error').hidden = true;
    $('run-status').textContent = '正在比对……';
    post('/api/monitoring/runs', { region: new FormData($('run')).get('region') }).then((r) => {
      const poll = () => api('/api/monitoring/runs/' + r.runId).then((run) => {
        if (run.status === 'RUNNING') { setTimeout(poll, 1000); return; }
        $('run-status').textContent = run.status === 'DONE'
          ? '比对完成：比对 ' + run.compared + ' 人，新产生预警 ' + run.warningsRaised + ' 条，用时 ' + run.seconds + ' 秒'
          : '比对失败：' + (run.message || '');
        load();
      });
      poll();
    }).catch((e) => { $('run-status').textContent = ''; fail('比对未能开始：' + e.message); });
  });
})();
