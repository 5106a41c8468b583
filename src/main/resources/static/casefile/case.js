// 案卷: one case on one page — status, programme, deadlines of its open steps, members, opinions and decisions, the
// evidence (verification, home visit, income, objections, appraisals, spot checks, grants, referrals …), its written
// notices, and for an enrolled household its enrolment. Everything from the API as the user may see it (IDs masked).
(function () {
  'use strict';
  const { $, api, fail, time, day, text, cell, link, row, who, PROGRAMMES, STATUSES } = window.Doudi;
  const number = decodeURIComponent(location.pathname.replace(/\/+$/, '').split('/').pop());
  const RELATIONS = { SELF: '本人', SPOUSE: '配偶', CHILD: '子女', PARENT: '父母', SIBLING: '兄弟姐妹', GRANDCHILD: '孙子女',
    GRANDPARENT: '祖父母', CHILD_IN_LAW: '儿媳女婿', OTHER: '其他' };
  const STAGES = { ACCEPTANCE: '受理', TOWNSHIP_REVIEW: '乡镇初审', OBJECTION: '异议处理', DECISION: '审核确认',
    SPOT_CHECK: '抽查', REVIEW_OPINION: '复核意见', REVIEW_DECISION: '复核决定', EMERGENCY_GRANT: '急难发放',
    PAPERWORK: '补办手续' };
  const KINDS = { EMERGENCY: '急难型', EXPENDITURE: '支出型' };
  // What the evidence's fields are called (the API's names → the forms' Chinese).
  const LABELS = {
    verificationFindings: '信息核对结果', verificationResultNotices: '核对结果告知', homeVisit: '入户调查', income: '收入核算',
    eligibility: '资格判断', objections: '公示异议', appraisals: '民主评议', spotChecks: '抽查', referrals: '转介扶贫部门',
    nearRelative: '近亲属备案', nearRelativeMarks: '近亲属关系', grant: '临时救助发放', authorisations: '核对授权',
    source: '来源', category: '类别', description: '内容', amount: '金额（元）', reference: '编号', member: '家庭成员',
    visitNotes: '入户调查情况', visitedAt: '调查时间', visitedBy: '调查人', assetsWithinLimit: '财产状况符合规定',
    applicantAbleToWork: '申请人有劳动能力', ableToWorkReason: '劳动能力认定理由', wageIncome: '工资性收入',
    employmentCost: '必要就业成本', businessIncome: '经营净收入', propertyIncome: '财产净收入', transferIncome: '转移净收入',
    excludedIncome: '不计入收入的款项', rigidExpense: '因病因残刚性支出', countedIncome: '计入家庭收入',
    perCapitaIncome: '家庭人均收入（元/月）', householdSize: '家庭人口', standard: '保障标准（元/月）',
    policyEffectiveFrom: '标准执行自', computedAmount: '计算金额（元/月）', proposedAmount: '拟保障金额（元/月）',
    deductions: '扣减', ownIncome: '本人收入', enrolmentUnit: '保障单位', enrolledPersons: '保障人数', careLevel: '护理等级',
    supportMode: '供养方式', amountRule: '金额计算方式', unmanagedActivities: '其他说明', objectionText: '异议内容',
    objectionEvidence: '异议证据', objectedAt: '提出时间', objectedBy: '提出人', toldAt: '告知时间', periodEndsAt: '异议期截止',
    text: '内容', receivedAt: '收到时间', receivedBy: '收到人', upheld: '异议成立', findings: '调查情况', resolvedAt: '处理时间',
    heldOn: '评议日期', participants: '参加人员', participantCount: '参加人数', result: '结果', notes: '说明',
    recordedWith: '记录于', recordedBy: '记录人', recordedAt: '记录时间', scope: '抽查范围', checkedBy: '抽查人',
    checkedAt: '抽查时间', memberName: '家庭成员', idNumber: '身份证号', relation: '关系', relationLabel: '关系',
    staffName: '工作人员', staffPost: '岗位', markedAt: '登记时间', trigger: '转介原因类别', reason: '原因', status: '状态',
    referredBy: '转介人', referredAt: '转介时间', outcome: '结果', measures: '帮扶措施', answeredBy: '答复人',
    answeredAt: '答复时间', grantedAt: '发放时间', grantedBy: '发放人', cause: '原因', linkedCaseNumber: '关联案件',
    createdAt: '时间'
  };
  const SHOWN_ELSEWHERE = ['openTasks', 'enrolmentNumber'];
  function label(key) { return LABELS[key] || key; }

  function facts(tbody, pairs) {
    pairs.filter((p) => p[1] !== undefined).forEach(([k, v]) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th'); th.textContent = k; tr.appendChild(th);
      cell(tr, v);
      tbody.appendChild(tr);
    });
  }
  function show(id) { $(id).hidden = false; }

  /** Any value of the evidence: a table for a list of records, a small fact table for a record, text otherwise. */
  function render(value) {
    if (Array.isArray(value)) {
      if (value.length === 0) { const p = document.createElement('p'); p.textContent = '无'; return p; }
      if (typeof value[0] !== 'object' || value[0] === null) { const p = document.createElement('p'); p.textContent = value.map(text).join('；'); return p; }
      const keys = [];
      value.forEach((v) => Object.keys(v).forEach((k) => { if (!keys.includes(k)) keys.push(k); }));
      const table = document.createElement('table');
      const head = table.createTHead().insertRow();
      keys.forEach((k) => { const th = document.createElement('th'); th.textContent = label(k); head.appendChild(th); });
      const body = table.createTBody();
      value.forEach((v) => { const tr = body.insertRow(); keys.forEach((k) => cell(tr, nested(v[k]))); });
      return table;
    }
    if (value !== null && typeof value === 'object') {
      const table = document.createElement('table'); table.className = 'facts';
      const body = table.createTBody();
      Object.keys(value).forEach((k) => {
        const tr = body.insertRow();
        const th = document.createElement('th'); th.textContent = label(k); tr.appendChild(th);
        cell(tr, nested(value[k]));
      });
      return table;
    }
    const p = document.createElement('p'); p.textContent = text(value); return p;
  }
  function nested(v) { return v !== null && typeof v === 'object' ? render(v) : v; }

  function overview(c, villageName) {
    $('title').textContent = '案卷 ' + c.caseNumber;
    document.title = '案卷 ' + c.caseNumber + ' · 兜底';
    facts($('overview').tBodies[0], [
      ['案件编号', c.caseNumber], ['救助项目', (PROGRAMMES[c.programme] || c.programme) + (c.kind ? '（' + (KINDS[c.kind] || c.kind) + '）' : '')],
      ['状态', c.statusLabel || STATUSES[c.status] || c.status], ['申请人', c.applicantName + '（' + c.applicantIdNumber + '）'],
      ['家庭人口', c.householdSize + ' 人'], ['所在村（社区）', (villageName ? villageName + '（' + c.villageCode + '）' : c.villageCode)],
      ['申请时间', c.submittedAt], ['受理时间', c.acceptedAt], ['入户调查开始', c.investigationStartedAt], ['办结时间', c.closedAt],
      ['申请金额（元）', c.requestedAmount], ['月保障金额（元）', c.monthlyAmount], ['保障起始月份', c.benefitStartMonth],
      ['审批权限下放乡镇', c.approvalDelegated], ['近亲属备案', c.nearRelative], ['办理时限延长原因', c.procedureExtendedReason]
    ]);
    show('overview-panel');
  }

  function openTasks(list) {
    if (!list || list.length === 0) return;
    const body = $('open-tasks').tBodies[0];
    list.forEach((t) => {
      const tr = document.createElement('tr');
      cell(tr, t.taskName || t.taskKey);
      cell(tr, t.groupName || t.group);
      cell(tr, time(t.createdAt));
      cell(tr, time(t.dueAt));
      cell(tr, t.overdue ? '已超期' : '未到期', t.overdue ? 'overdue' : null);
      cell(tr, t.escalationLevel > 0 ? t.escalationLevel + ' 级督办' : '—');
      cell(tr, link('/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(t.taskId), '在待办任务中打开'));
      body.appendChild(tr);
    });
    show('open-panel');
  }

  function members(list) {
    const body = $('members').tBodies[0];
    (list || []).forEach((m) => row(body, [m.name, m.idNumber, RELATIONS[m.relation] || m.relation,
      m.disabilityGrade ? m.disabilityGrade + ' 级' : '—', m.seriousIllness, m.ableToWork ? '有' : '无', m.inSchool]));
    if ((list || []).length) show('members-panel');
  }

  function decisions(list) {
    const body = $('decisions').tBodies[0];
    (list || []).forEach((d) => row(body, [time(d.at), STAGES[d.stage] || d.stage, d.outcome, d.opinion, d.actor]));
    if ((list || []).length) show('decisions-panel');
  }

  function evidence(details) {
    const box = $('evidence');
    Object.keys(details || {}).filter((k) => !SHOWN_ELSEWHERE.includes(k)).forEach((k) => {
      const v = details[k];
      if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) return;
      const h = document.createElement('h3'); h.textContent = label(k); box.appendChild(h);
      box.appendChild(render(v));
    });
    if (box.childElementCount) show('evidence-panel');
  }

  function enrolment(enrolmentNumber) {
    if (!enrolmentNumber) return;
    api('/api/enrolments/' + encodeURIComponent(enrolmentNumber)).then((e) => {
      facts($('enrolment').tBodies[0], [['保障编号', e.enrolmentNumber], ['保障状态', e.statusLabel || e.status],
        ['保障人数', e.coveredPeople + ' / ' + e.householdSize + ' 人'], ['月保障金额（元）', e.monthlyAmount],
        ['纳入日期', e.since], ['下次复核', e.nextReviewDue],
        ['最近发放', (e.payments || []).slice(-3).map((p) => p.month + '：' + p.amount + ' 元').join('；') || '—']]);
      show('enrolment-panel');
    }).catch((err) => {
      facts($('enrolment').tBodies[0], [['保障编号', enrolmentNumber], ['详情', '无法读取：' + err.message]]);
      show('enrolment-panel');
    });
  }

  function documents(list) {
    const ul = $('documents');
    list.forEach((d) => {
      const li = document.createElement('li');
      if (d.available) {
        li.appendChild(link('/api/cases/' + encodeURIComponent(number) + '/documents/' + d.kind, d.label + '（PDF）'));
      } else {
        li.className = 'unavailable';
        li.textContent = d.label + '：' + (d.reason || '暂无');
      }
      ul.appendChild(li);
    });
    show('documents-panel');
  }

  function timeline(list) {
    const body = $('timeline').tBodies[0];
    (list || []).forEach((t) => row(body, [time(t.at), t.stepLabel || t.step, t.actor, t.outcome, t.detail]));
    if ((list || []).length) show('timeline-panel');
  }

  who();
  api('/api/cases/' + encodeURIComponent(number)).then((c) => {
    const village = api('/api/regions/' + c.villageCode).then((r) => r.name).catch(() => null);
    return village.then((name) => {
      overview(c, name);
      openTasks(c.details && c.details.openTasks);
      members(c.members);
      enrolment(c.enrolmentNumber);
      decisions(c.decisions);
      evidence(c.details);
      timeline(c.timeline);
      return api('/api/cases/' + encodeURIComponent(number) + '/documents').then(documents);
    });
  }).then(() => { document.body.dataset.loaded = 'true'; })
    .catch((e) => fail('无法打开案卷 ' + number + '：' + e.message));
})();
