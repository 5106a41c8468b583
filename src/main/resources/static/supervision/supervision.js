// 督办看板: overdue and soon-due work of a region, from /api/supervision; refreshes itself every minute.
(function () {
  'use strict';
  const REFRESH_MS = 60000;
  const AGING = [[0, 2, '0–2 日'], [3, 5, '3–5 日'], [6, 10, '6–10 日'], [11, Infinity, '10 日以上']];
  // 深度贫困地区: the kind a task's village lies in (its own flag, its township's or its county's), as the rows carry it.
  const DEEP_POVERTY = { SANQU_SANZHOU: '三区三州', DEEP_POVERTY: '深度贫困' };
  const state = { overdue: [], soon: [], groups: [], page: 0 };
  // The overdue table shows a page at a time (the loaded rows: up to 1 000, the most overdue; the export has all).
  const PAGE = 50;
  const $ = (id) => document.getElementById(id);

  function api(path) {
    // location.origin never carries user:password, which fetch() refuses in a URL.
    return fetch(location.origin + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then((r) => {
      if (!r.ok) {
        return r.json().catch(() => ({})).then((p) => { throw new Error((p.detail || r.statusText) + '（' + r.status + '）'); });
      }
      // A list without paging carries at most 1 000 rows (the most overdue); X-Total-Count says how many there are.
      // X-Deep-Poverty-Count: how many of the whole list lie in a deep-poverty area.
      return r.json().then((body) => {
        if (Array.isArray(body)) {
          body.total = Number(r.headers.get('X-Total-Count') || body.length);
          const deep = r.headers.get('X-Deep-Poverty-Count');
          body.deepPovertyTotal = deep == null ? body.filter((t) => t.deepPoverty).length : Number(deep);
        }
        return body;
      });
    });
  }
  function total(list) { return list.total == null ? list.length : list.total; }
  function shown(list) { return total(list) > list.length ? '显示最早到期的 ' + list.length + ' 条，共 ' + total(list) + ' 条' : ''; }

  function text(value) { return value == null ? '' : String(value); }
  function cell(tr, value, cls) { const td = document.createElement('td'); td.textContent = text(value); if (cls) td.className = cls; tr.appendChild(td); return td; }
  function day(iso) {
    if (!iso) return '';
    return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  }
  function levelName(l) { return l >= 2 ? '二级' : l === 1 ? '一级' : '未督办'; }
  // The township's name, with a small tag when the task lies in a deep-poverty area.
  function townshipCell(tr, t) {
    const td = cell(tr, t.townshipName || t.townshipCode);
    if (t.deepPoverty) {
      const tag = document.createElement('span');
      tag.className = 'tag deep-poverty ' + t.deepPoverty.toLowerCase();
      tag.textContent = DEEP_POVERTY[t.deepPoverty] || '深度贫困';
      tag.title = t.deepPoverty === 'SANQU_SANZHOU' ? '三区三州深度贫困地区' : '深度贫困地区';
      td.append(' ', tag);
      tr.dataset.deepPoverty = t.deepPoverty;
    }
    return td;
  }
  // Field checks (MP-) and hotline reports (RX-) have no case file; cases do.
  function isCase(number) { return !/^(MP|RX)-/.test(number); }
  function caseCell(tr, t) {
    if (!isCase(t.caseNumber)) return cell(tr, t.caseNumber);
    const td = document.createElement('td');
    const a = document.createElement('a');
    a.href = '/cases/' + encodeURIComponent(t.caseNumber);
    a.textContent = t.caseNumber;
    a.title = '查看案卷';
    td.appendChild(a);
    tr.appendChild(td);
    return td;
  }
  // The task for those who may work it (its group, or a supervisor once it is escalated to his group); the case file
  // for everyone else (a supervisor cannot open a task that is not escalated to him).
  function mayOpenTask(t) {
    return state.groups.includes(t.group)
      || (t.escalationLevel > 0 && state.groups.some((g) => g.startsWith('supervisor-')));
  }
  function taskLink(tr, t) {
    const td = document.createElement('td');
    const a = document.createElement('a');
    if (mayOpenTask(t)) {
      a.href = '/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(t.taskId);
      a.textContent = '办理或改派';
      a.target = '_blank';
    } else if (isCase(t.caseNumber)) {
      a.href = '/cases/' + encodeURIComponent(t.caseNumber);
      a.textContent = '查看案卷';
    }
    td.appendChild(a);
    tr.appendChild(td);
  }

  function fillSelect(select, values, labels) {
    const current = select.value;
    while (select.options.length > 1) select.remove(1);
    values.forEach((v) => { const o = document.createElement('option'); o.value = v; o.textContent = labels ? labels[v] : v; select.appendChild(o); });
    if (values.includes(current)) select.value = current;
  }

  function renderOverdue() {
    const township = $('filter-township').value, step = $('filter-step').value, level = $('filter-level').value;
    const rows = state.overdue.filter((t) => (!township || t.townshipCode === township) && (!step || t.taskKey === step)
      && (level === '' || String(Math.min(t.escalationLevel, 2)) === level));
    const body = $('overdue').querySelector('tbody');
    body.replaceChildren();
    const pages = Math.max(1, Math.ceil(rows.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    $('overdue-page').textContent = rows.length > PAGE ? '第 ' + (state.page + 1) + ' / ' + pages + ' 页（' + rows.length
      + ' 条' + (total(state.overdue) > state.overdue.length ? '，共 ' + total(state.overdue) + ' 条，全部请导出 Excel' : '') + '）' : '';
    $('overdue-prev').hidden = $('overdue-next').hidden = rows.length <= PAGE;
    $('overdue-prev').disabled = state.page === 0;
    $('overdue-next').disabled = state.page >= pages - 1;
    rows.forEach((t, i) => {
      const tr = document.createElement('tr');
      tr.className = 'level-' + t.escalationLevel;
      tr.dataset.caseNumber = t.caseNumber;
      caseCell(tr, t); cell(tr, t.taskName || t.taskKey); townshipCell(tr, t); cell(tr, t.groupName || t.group);
      cell(tr, day(t.dueDate)); cell(tr, t.workingDaysOverdue, 'num'); cell(tr, levelName(t.escalationLevel));
      taskLink(tr, t);
      tr.hidden = i < state.page * PAGE || i >= (state.page + 1) * PAGE; // the other pages' rows stay, hidden
      body.appendChild(tr);
    });
    $('overdue-empty').hidden = rows.length > 0;
  }

  function renderSummary() {
    $('count-overdue').textContent = total(state.overdue);
    $('count-overdue').title = shown(state.overdue);
    $('count-level1').textContent = state.overdue.filter((t) => t.escalationLevel === 1).length;
    $('count-level2').textContent = state.overdue.filter((t) => t.escalationLevel >= 2).length;
    $('count-soon').textContent = total(state.soon);
    $('count-soon').title = shown(state.soon);
    $('count-deep').textContent = state.overdue.deepPovertyTotal || 0;

    const aging = $('aging');
    aging.replaceChildren();
    const counts = AGING.map(([lo, hi]) => state.overdue.filter((t) => t.workingDaysOverdue >= lo && t.workingDaysOverdue <= hi).length);
    const max = Math.max(1, ...counts);
    AGING.forEach(([, , label], i) => {
      const bar = document.createElement('div'); bar.className = 'bar';
      const l = document.createElement('span'); l.className = 'label'; l.textContent = label;
      const f = document.createElement('span'); f.className = 'fill'; f.style.width = (counts[i] / max * 240) + 'px';
      const n = document.createElement('span'); n.textContent = counts[i];
      bar.append(l, f, n); aging.appendChild(bar);
    });

    const townships = [...new Set(state.overdue.map((t) => t.townshipCode))].sort();
    const townshipNames = {}; state.overdue.forEach((t) => { townshipNames[t.townshipCode] = t.townshipName || t.townshipCode; });
    const steps = [...new Set(state.overdue.map((t) => t.taskKey))].sort();
    const names = {}; state.overdue.forEach((t) => { names[t.taskKey] = t.taskName || t.taskKey; });
    const table = $('matrix');
    const head = document.createElement('tr');
    ['乡镇'].concat(steps.map((s) => names[s])).concat(['合计']).forEach((h) => { const th = document.createElement('th'); th.textContent = h; head.appendChild(th); });
    table.querySelector('thead').replaceChildren(head);
    const body = table.querySelector('tbody');
    body.replaceChildren();
    townships.forEach((code) => {
      const tr = document.createElement('tr');
      cell(tr, townshipNames[code]);
      let total = 0;
      steps.forEach((s) => { const n = state.overdue.filter((t) => t.townshipCode === code && t.taskKey === s).length; total += n; cell(tr, n || '', 'num'); });
      cell(tr, total, 'num');
      body.appendChild(tr);
    });
    fillSelect($('filter-township'), townships, townshipNames);
    fillSelect($('filter-step'), steps, names);
  }

  function renderSoon() {
    const body = $('soon').querySelector('tbody');
    body.replaceChildren();
    state.soon.forEach((t) => {
      const tr = document.createElement('tr');
      caseCell(tr, t); cell(tr, t.taskName || t.taskKey); townshipCell(tr, t); cell(tr, t.groupName || t.group);
      cell(tr, day(t.dueDate)); cell(tr, t.workingDaysLeft, 'num');
      taskLink(tr, t);
      body.appendChild(tr);
    });
    $('soon-empty').hidden = state.soon.length > 0;
  }

  function renderNotifications(list) {
    const ul = $('notifications');
    ul.replaceChildren();
    list.slice(0, 30).forEach((n) => {
      const li = document.createElement('li');
      const t = document.createElement('time'); t.textContent = day(n.createdAt);
      li.append(t, document.createTextNode(n.message));
      ul.appendChild(li);
    });
    if (!list.length) { const li = document.createElement('li'); li.textContent = '暂无通知'; ul.appendChild(li); }
  }

  const OUTCOMES = { 'continue': '继续', adjust: '调整', 'phase-out': '渐退', suspend: '暂停', stop: '停止' };
  function renderCampaigns(list) {
    const body = $('campaigns').querySelector('tbody');
    body.replaceChildren();
    list.forEach((c) => {
      const tr = document.createElement('tr');
      cell(tr, c.campaignId); cell(tr, c.region); cell(tr, c.note); cell(tr, day(c.createdAt) + ' ' + text(c.createdBy));
      cell(tr, c.selected, 'num'); cell(tr, c.started + (c.allStarted ? '' : '（启动中）'), 'num'); cell(tr, c.skipped, 'num');
      cell(tr, c.done, 'num');
      cell(tr, Object.keys(OUTCOMES).filter((k) => c.outcomes[k]).map((k) => OUTCOMES[k] + ' ' + c.outcomes[k]).join('，'));
      cell(tr, c.overdue, 'num');
      body.appendChild(tr);
    });
    $('campaigns-empty').hidden = list.length > 0;
  }

  function load() {
    const region = $('region').value;
    if (!region) return Promise.resolve();
    const q = '?region=' + encodeURIComponent(region);
    // 地区: all, only deep-poverty areas, or only the others; the lists are filtered by the server (their totals too).
    const deep = $('deep-poverty').value;
    const lists = q + (deep ? '&deepPoverty=' + deep : '');
    $('overdue-export').href = '/api/supervision/overdue' + lists + '&format=xlsx'; // every overdue task, with totals
    return Promise.all([api('/api/supervision/overdue' + lists), api('/api/supervision/due-soon' + lists + '&days=3'),
      api('/api/supervision/notifications' + q), api('/api/review-campaigns' + q)])
      .then(([overdue, soon, notifications, campaigns]) => {
        state.overdue = overdue; state.soon = soon;
        renderSummary(); renderOverdue(); renderSoon(); renderNotifications(notifications); renderCampaigns(campaigns);
        $('error').hidden = true;
        $('refreshed').textContent = new Date().toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai' });
        document.body.dataset.loaded = 'true';
      })
      .catch((e) => { $('error').textContent = '加载失败：' + e.message; $('error').hidden = false; });
  }

  api('/api/me').then((me) => {
    $('user').textContent = me.userId;
    state.groups = me.groups || [];
    const regions = me.supervisedRegions || [];
    regions.forEach((r) => { const o = document.createElement('option'); o.value = r.code; o.textContent = r.name + '（' + r.code + '）'; $('region').appendChild(o); });
    if (!regions.length) { $('error').textContent = '您不是督办人员，没有可查看的辖区。'; $('error').hidden = false; return; }
    return load();
  }).catch((e) => { $('error').textContent = '加载失败：' + e.message; $('error').hidden = false; });

  ['filter-township', 'filter-step', 'filter-level'].forEach((id) => $(id).addEventListener('change', () => {
    state.page = 0; renderOverdue();
  }));
  $('overdue-prev').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); renderOverdue(); });
  $('overdue-next').addEventListener('click', () => { state.page++; renderOverdue(); });
  $('region').addEventListener('change', load);
  $('deep-poverty').addEventListener('change', load);
  $('refresh').addEventListener('click', load);
  setInterval(load, REFRESH_MS);
})();
