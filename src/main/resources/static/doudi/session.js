// Doudi's pages on the webapps' login: every call of a page to /api goes with the session (and, when it changes
// something, with the webapps' CSRF token), a page whose session has ended goes to /login and comes back, and the header
// gets a 退出 (log out) link that ends the session of Tasklist too. Load it before the page's own script.
(function () {
  'use strict';
  const AUTH = '/camunda/api/admin/auth/user/default';
  const plain = window.fetch.bind(window);
  let token = null;
  function csrf() {
    return token ? Promise.resolve(token)
      : plain(AUTH, { credentials: 'same-origin' }).then((r) => { token = r.headers.get('X-XSRF-TOKEN'); return token; });
  }
  function toLogin() {
    location.href = '/login?return=' + encodeURIComponent(location.pathname + location.search + location.hash);
  }
  window.fetch = function (input, init) {
    const url = new URL(typeof input === 'string' ? input : input.url, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith('/api/')) {
      return plain(input, init);
    }
    const options = Object.assign({ credentials: 'same-origin' }, init || {});
    const headers = new Headers(options.headers || {});
    headers.set('X-Requested-With', 'XMLHttpRequest'); // a 401 without the browser's password dialog
    const method = (options.method || 'GET').toUpperCase();
    const ready = method === 'GET' || method === 'HEAD' ? Promise.resolve()
      : csrf().then((t) => { if (t) headers.set('X-XSRF-TOKEN', t); });
    return ready.then(() => { options.headers = headers; return plain(input, options); }).then((r) => {
      if (r.status === 401) toLogin();
      return r;
    });
  };
  function logout(ev) {
    ev.preventDefault();
    csrf().then((t) => plain(AUTH + '/logout', { method: 'POST', credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': t || '' } }))
      .finally(() => { location.href = '/login'; });
  }
  document.addEventListener('DOMContentLoaded', () => {
    const who = document.querySelector('header .who');
    if (!who) return;
    const a = document.createElement('a');
    a.href = '/login'; a.id = 'logout'; a.textContent = '退出';
    a.addEventListener('click', logout);
    who.append(' · ', a);
  });
})();
