// 登录: logs in to Camunda's webapps (the same session as Tasklist) and goes back to the page that sent the user here.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const AUTH = '/camunda/api/admin/auth/user/default';
  // Only a path of this site: never another origin ("//host", "/\host", "https:").
  function back() {
    const r = new URLSearchParams(location.search).get('return');
    return r && /^\/(?![\/\\])/.test(r) ? r : '/cases';
  }
  function fail(message) { $('error').textContent = message; $('error').hidden = false; }

  $('login').addEventListener('submit', (ev) => {
    ev.preventDefault();
    $('error').hidden = true;
    const f = new FormData($('login'));
    // The webapps' CSRF token comes with any of their answers; the login itself must carry it.
    fetch(AUTH, { credentials: 'same-origin' }).then((r) => r.headers.get('X-XSRF-TOKEN')).then((token) =>
      fetch(AUTH + '/login/tasklist', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': token || '' },
        body: new URLSearchParams({ username: f.get('username'), password: f.get('password') })
      })).then((r) => {
      if (r.ok) { location.href = back(); return; }
      if (r.status === 401) { fail('用户名或密码不正确，或账号因多次输错已被暂时锁定。'); return; }
      fail('登录失败（' + r.status + '），请稍后再试。');
    }).catch((e) => fail('登录失败：' + e.message));
  });
})();
