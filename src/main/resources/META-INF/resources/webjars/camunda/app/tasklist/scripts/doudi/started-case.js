// Doudi: after an application is started from Tasklist (发起流程), the new case's number, with a link to its file.
//
// Tasklist confirms a start without saying what was started. The start goes through the start form's submission
// (…/process-definition/…/submit-form), whose answer is the new instance with its business key, the case number
// Doudi gave it. This script watches those answers and shows the number at the top of the page until it is closed.
const SUBMIT = /\/process-definition\/[^?]*\/submit-form(\?|$)/;
const CASE_NUMBER = /^[A-Z]{2,4}-\d{4}-\d{9}-\d{6}$/;

function show(caseNumber) {
  let bar = document.getElementById('doudi-started-case');
  if (!bar) {
    bar = document.createElement('div');
    bar.id = 'doudi-started-case';
    bar.setAttribute('role', 'status');
    bar.style.cssText = 'position:fixed;top:0;left:50%;transform:translateX(-50%);z-index:2000;background:#e8f5e9;'
      + 'border:1px solid #2e7d32;color:#1b5e20;padding:8px 16px;border-radius:0 0 6px 6px;font-size:15px;';
    document.body.appendChild(bar);
  }
  bar.replaceChildren();
  bar.append('已受理，案件编号：');
  const link = document.createElement('a');
  link.href = '/cases/' + encodeURIComponent(caseNumber);
  link.target = '_blank';
  link.textContent = caseNumber;
  link.style.fontWeight = 'bold';
  bar.append(link, '（点击查看案卷）  ');
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '关闭';
  close.className = 'btn btn-xs btn-default';
  close.addEventListener('click', () => bar.remove());
  bar.append(close);
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (String(method).toUpperCase() === 'POST' && SUBMIT.test(String(url))) {
    this.addEventListener('load', () => {
      if (this.status < 200 || this.status >= 300) return;
      try {
        const key = JSON.parse(this.responseText).businessKey;
        if (key && CASE_NUMBER.test(key)) show(key);
      } catch (e) {
        // not the instance's JSON: nothing to show
      }
    });
  }
  return open.call(this, method, url, ...rest);
};

export default [];
