// 兜底脱贫行动实施情况: GET /api/reports/progress for a region and quarter, shown as a table by township with the
// totals (deep-poverty areas apart), three bar charts (SVG, drawn here) and the XLSX export.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const LABELS = {
    DIBAO_HOUSEHOLDS: '低保户数（期末）', DIBAO_PEOPLE: '低保人数（期末）', TEKUN_PEOPLE: '特困人数（期末）',
    NEW_HOUSEHOLDS: '本期新纳入户数', NEW_PEOPLE: '本期新纳入人数', NEW_FOUND_ON_THE_GROUND: '其中：主动发现户数',
    NEW_BY_MONITORING: '其中：监测预警发现户数', NEW_BY_HOTLINE: '其中：热线反映发现户数', STOPPED: '本期停止保障户数',
    PHASED_OUT: '本期渐退期满退出户数', WARNINGS_RAISED: '预警产生', WARNINGS_CHECKED: '预警派发摸排核查',
    WARNINGS_HELPED: '核查后启动救助申请', WARNINGS_REFERRED: '核查后转介', WARNINGS_DISMISSED: '预警排除',
    REFERRALS_MADE: '转介扶贫部门', REFERRALS_ANSWERED: '转介已答复', TEMPORARY_GRANTS: '临时救助发放次数',
    TEMPORARY_AMOUNT: '临时救助金额（元）', RESERVE_FUND_USED: '乡镇备用金支出（元）', OVERDUE_TASKS: '超期未办事项（生成时）'
  };
  const DEEP = { SANQU_SANZHOU: '三区三州', DEEP_POVERTY: '深度贫困地区' };
  const SVG = 'http://www.w3.org/2000/svg';

  function fail(message) { $('error').textContent = message; $('error').hidden = false; }
  function problem(r) {
    return r.json().catch(() => ({})).then((p) => {
      const fields = (p.errors || []).map((e) => ({ region: '区划', period: '统计期' }[e.field] || e.field) + '：' + e.message).join('；');
      throw new Error((fields || p.detail || r.statusText) + '（' + r.status + '）');
    });
  }
  function num(v) { return Number(v || 0).toLocaleString('zh-CN'); }

  function bars(target, items, colours) {
    const max = Math.max(1, ...items.flatMap((i) => i.values));
    const rowH = 22 * colours.length + 8, width = 460, labelW = 130;
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', width); svg.setAttribute('height', items.length * rowH + 10);
    items.forEach((item, i) => {
      const y = i * rowH + 4;
      const label = document.createElementNS(SVG, 'text');
      label.setAttribute('x', 0); label.setAttribute('y', y + 14); label.textContent = item.label;
      svg.appendChild(label);
      item.values.forEach((v, k) => {
        const w = Math.round((width - labelW - 60) * v / max);
        const rect = document.createElementNS(SVG, 'rect');
        rect.setAttribute('x', labelW); rect.setAttribute('y', y + k * 22); rect.setAttribute('width', Math.max(w, 1));
        rect.setAttribute('height', 18); rect.setAttribute('fill', colours[k]);
        svg.appendChild(rect);
        const t = document.createElementNS(SVG, 'text');
        t.setAttribute('x', labelW + w + 4); t.setAttribute('y', y + k * 22 + 14); t.textContent = num(v);
        svg.appendChild(t);
      });
    });
    $(target).replaceChildren(svg);
  }

  function show(r) {
    $('meta').textContent = r.regionName + '（' + r.region + '） ' + r.period + '：' + r.from + ' 至 ' + r.to + '，'
      + (r.kept ? '已于 ' + new Date(r.generatedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) + ' 生成并留存（此后的更正不改写本表）'
        : '实时统计（本季度报表尚未留存）');
    const metrics = Object.keys(LABELS);
    const head = $('report').querySelector('thead');
    const tr = document.createElement('tr');
    ['乡镇（街道）', '深度贫困'].concat(metrics.map((m) => LABELS[m])).forEach((h) => {
      const th = document.createElement('th'); th.textContent = h; tr.appendChild(th);
    });
    head.replaceChildren(tr);
    const body = $('report').querySelector('tbody');
    body.replaceChildren();
    r.rows.concat([r.total, r.deepPoverty, r.other]).forEach((row, i) => {
      const x = document.createElement('tr');
      if (i >= r.rows.length) x.className = 'total';
      [row.name, DEEP[row.deepPoverty] || ''].forEach((v) => { const td = document.createElement('td'); td.textContent = v; x.appendChild(td); });
      metrics.forEach((m) => { const td = document.createElement('td'); td.className = 'n'; td.textContent = num(row.values[m]); x.appendChild(td); });
      body.appendChild(x);
    });
    bars('chart-enrolled', r.rows.map((t) => ({ label: t.name, values: [Number(t.values.DIBAO_PEOPLE || 0), Number(t.values.TEKUN_PEOPLE || 0)] })),
      ['#b03a2e', '#d4ac0d']);
    bars('chart-warnings', ['WARNINGS_RAISED', 'WARNINGS_CHECKED', 'WARNINGS_HELPED', 'WARNINGS_DISMISSED']
      .map((m) => ({ label: LABELS[m], values: [Number(r.total.values[m] || 0)] })), ['#2e86c1']);
    bars('chart-deep', ['DIBAO_PEOPLE', 'TEKUN_PEOPLE', 'NEW_HOUSEHOLDS', 'WARNINGS_RAISED']
      .map((m) => ({ label: LABELS[m], values: [Number(r.deepPoverty.values[m] || 0), Number(r.other.values[m] || 0)] })),
      ['#7d3c98', '#95a5a6']);
    $('charts-panel').hidden = false;
    $('table-panel').hidden = false;
    $('report').dataset.loaded = 'true';
  }

  function load() {
    $('error').hidden = true;
    const f = new FormData($('query'));
    const q = new URLSearchParams({ region: f.get('region'), period: f.get('period') });
    $('xlsx').href = location.origin + '/api/reports/progress?' + q + '&format=xlsx';
    $('xlsx').hidden = false;
    fetch(location.origin + '/api/reports/progress?' + q, { credentials: 'same-origin' })
      .then((r) => r.ok ? r.json() : problem(r)).then(show).catch((e) => fail('查询失败：' + e.message));
  }

  const params = new URLSearchParams(location.search);
  const now = new Date();
  $('query').elements.period.value = params.get('period') || (now.getFullYear() + '-Q' + (Math.floor(now.getMonth() / 3) + 1));
  fetch(location.origin + '/api/me', { credentials: 'same-origin' }).then((r) => r.ok ? r.json() : problem(r))
    .then((me) => {
      $('user').textContent = me.userId;
      const own = (me.groups || []).map((g) => /^(?:supervisor-)?(?:county|township)-(\d{6}|\d{9})$/.exec(g)).find((m) => m);
      const region = params.get('region') || (own ? own[1] : '');
      $('query').elements.region.value = region;
      if (region) load();
    }).catch((e) => fail('加载失败：' + e.message));
  $('query').addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
})();
