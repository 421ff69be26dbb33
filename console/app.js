/* Quanyu Console core: configuration, sign-in, the API client, the hash router, helpers. */
'use strict';
const Q = (() => {
  const state = { config: null, lang: localStorage.getItem('quanyu.lang') || 'en', charts: [], timers: [] };
  const pages = {};

  // --- text and formatting ---------------------------------------------------------------
  const t = (key, vars) => {
    let s = (I18N[state.lang] && I18N[state.lang][key]) || I18N.en[key] || key;
    if (vars) Object.keys(vars).forEach(k => { s = s.replace('{' + k + '}', vars[k]); });
    return s;
  };
  const esc = v => String(v == null ? '' : v).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const locale = () => (state.lang === 'zh' ? 'zh-CN' : 'en-US');
  const num = (v, digits) => (v == null || isNaN(v) ? '–' : Number(v).toLocaleString(locale(), { maximumFractionDigits: digits == null ? 0 : digits }));
  const money = (v, currency) => (v == null ? '–' : Number(v).toLocaleString(locale(), { style: 'currency', currency: currency || 'CNY', maximumFractionDigits: 2 }));
  const pct = v => (v == null || isNaN(v) ? '–' : (100 * v).toLocaleString(locale(), { maximumFractionDigits: 1 }) + ' %');
  const time = v => (v ? new Date(v).toLocaleString(locale()) : '–');

  // --- session -----------------------------------------------------------------------------
  const session = () => { try { return JSON.parse(sessionStorage.getItem('quanyu.session')); } catch (e) { return null; } };
  const claims = token => JSON.parse(decodeURIComponent(escape(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')))));
  function remember(idToken, accessToken, expiresIn) {
    const c = claims(idToken);
    sessionStorage.setItem('quanyu.session', JSON.stringify({
      idToken, accessToken, expiresAt: Date.now() + 1000 * (expiresIn || 3600),
      user: c['cognito:username'] || c.username || c.email || c.sub, groups: c['cognito:groups'] || []
    }));
  }
  function signedIn() { const s = session(); return s && s.expiresAt > Date.now() ? s : null; }
  function signOut() { sessionStorage.removeItem('quanyu.session'); location.hash = '#/signin'; }
  async function signIn(username, password) {
    const res = await fetch(state.config.apiBase + '/_local/auth/token', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password })
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(body.message || ('HTTP ' + res.status));
    remember(body.idToken, body.accessToken, body.expiresIn);
  }
  /** Cognito's hosted UI (AWS): implicit grant back to this page with the tokens in the fragment. */
  function hostedUi() {
    const c = state.config;
    const back = location.origin + location.pathname;
    location.href = c.cognitoDomain + '/login?client_id=' + encodeURIComponent(c.clientId) +
      '&response_type=token&scope=openid+email+profile&redirect_uri=' + encodeURIComponent(back);
  }
  function takeHostedUiTokens() {
    if (!location.hash.startsWith('#id_token=') && !location.hash.includes('&id_token=')) return;
    const p = new URLSearchParams(location.hash.slice(1));
    remember(p.get('id_token'), p.get('access_token'), Number(p.get('expires_in')));
    history.replaceState(null, '', location.pathname + '#/');
  }

  // --- API -----------------------------------------------------------------------------------
  class ApiError extends Error { constructor(status, body) { super(body.message || ('HTTP ' + status)); this.status = status; this.code = body.error; } }
  async function api(method, path, body) {
    const s = signedIn();
    const headers = {};
    if (s) headers.authorization = 'Bearer ' + s.idToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(state.config.apiBase + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let json = {};
    try { json = text ? JSON.parse(text) : {}; } catch (e) { json = { message: text }; }
    if (res.status === 401) { signOut(); throw new ApiError(401, json); }
    if (!res.ok) throw new ApiError(res.status, json);
    return json;
  }
  const get = path => api('GET', path);

  // --- charts (Apache ECharts) -----------------------------------------------------------------
  function chart(el, option) {
    const c = echarts.init(el, null, { renderer: 'canvas' });
    c.setOption(Object.assign({ animation: false, textStyle: { fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif' } }, option));
    state.charts.push(c);
    return c;
  }
  window.addEventListener('resize', () => state.charts.forEach(c => c.resize()));

  // --- pages and navigation ----------------------------------------------------------------------
  const NAV = [
    { id: 'overview', groups: ['marketer', 'analyst', 'admin'] },
    { id: 'customers', groups: ['marketer', 'agent', 'admin'] },
    { id: 'desk', groups: ['agent', 'admin'] },
    { id: 'stock', groups: ['analyst', 'admin'] },
    { id: 'campaigns', groups: ['marketer', 'admin'] },
    { id: 'segments', groups: ['marketer', 'analyst', 'admin'] },
    { id: 'deliveries', groups: ['analyst', 'admin'] },
    { id: 'models', groups: ['analyst', 'admin'] }
  ];
  const allowed = s => NAV.filter(p => s.groups.some(g => p.groups.includes(g)));
  function page(id, render) { pages[id] = render; }

  function renderChrome(current) {
    const s = signedIn();
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('console') + (current && current !== 'signin' ? ' · ' + t('page.' + current) : '');
    document.getElementById('lang').textContent = state.lang === 'zh' ? 'English' : '中文';
    document.getElementById('lang').setAttribute('aria-label', t('switchLanguage'));
    document.getElementById('signout').hidden = !s;
    document.getElementById('who').textContent = s ? s.user + ' (' + s.groups.map(g => t('group.' + g)).join(', ') + ')' : '';
    document.getElementById('nav').setAttribute('aria-label', t('pages'));
    document.getElementById('nav').innerHTML = s ? allowed(s).map(p =>
      `<a href="#/${p.id}" ${p.id === current ? 'aria-current="page"' : ''}>${esc(t('page.' + p.id))}</a>`).join('') : '';
    document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  }

  async function route() {
    state.charts.forEach(c => c.dispose());
    state.charts = [];
    state.timers.forEach(clearInterval);
    state.timers = [];
    const [id, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
    const s = signedIn();
    let current = id || '';
    if (!s && current !== 'signin') { location.hash = '#/signin'; return; }
    if (s && (!current || current === 'signin' || !pages[current])) { current = allowed(s)[0] ? allowed(s)[0].id : 'overview'; history.replaceState(null, '', '#/' + current); }
    renderChrome(current);
    const main = document.getElementById('main');
    main.innerHTML = `<p class="muted">${esc(t('loading'))}</p>`;
    main.dataset.page = current;
    main.dataset.ready = 'false';
    const started = performance.now();
    try {
      await pages[current](main, rest.map(decodeURIComponent));
    } catch (e) {
      main.insertAdjacentHTML('beforeend', `<p class="error" role="alert">${esc(t('failed'))}: ${esc(e.message)}</p>`);
      console.warn('page failed', current, e.message);
    }
    main.dataset.ready = 'true';
    main.dataset.renderMillis = String(Math.round(performance.now() - started));
    if (document.activeElement === document.body) main.focus();
  }

  async function start() {
    const res = await fetch('config.json');
    state.config = await res.json();
    takeHostedUiTokens();
    document.getElementById('lang').addEventListener('click', () => {
      state.lang = state.lang === 'zh' ? 'en' : 'zh';
      localStorage.setItem('quanyu.lang', state.lang);
      route();
    });
    document.getElementById('signout').addEventListener('click', signOut);
    window.addEventListener('hashchange', route);
    route();
  }

  // --- shared widgets ------------------------------------------------------------------------------
  /** A table whose columns sort on click or Enter; columns: [{key, label, num?, fmt?}]. */
  function table(el, columns, rows, opts) {
    let sortKey = (opts && opts.sortKey) || null;
    let desc = !!(opts && opts.desc);
    function draw() {
      const sorted = sortKey ? rows.slice().sort((a, b) => {
        const x = a[sortKey], y = b[sortKey];
        const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x == null ? '' : x).localeCompare(String(y == null ? '' : y));
        return desc ? -c : c;
      }) : rows;
      el.innerHTML = `<table><thead><tr>${columns.map(c => `<th class="${c.num ? 'n' : ''}" aria-sort="${c.key === sortKey ? (desc ? 'descending' : 'ascending') : 'none'}"><button type="button" data-key="${esc(c.key)}">${esc(c.label)}${c.key === sortKey ? (desc ? ' ▼' : ' ▲') : ''}</button></th>`).join('')}</tr></thead>
        <tbody>${sorted.map((r, i) => `<tr data-i="${rows.indexOf(r)}">${columns.map(c => `<td class="${c.num ? 'n' : ''}">${c.html ? c.html(r) : esc(c.fmt ? c.fmt(r[c.key], r) : r[c.key])}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
      el.querySelectorAll('th button').forEach(b => b.addEventListener('click', () => {
        desc = b.dataset.key === sortKey ? !desc : false;
        sortKey = b.dataset.key;
        draw();
        el.querySelector(`th button[data-key="${sortKey}"]`).focus();
      }));
      if (opts && opts.onRow) el.querySelectorAll('tbody tr').forEach(tr => opts.onRow(tr, rows[Number(tr.dataset.i)]));
    }
    draw();
    return { rows: () => (sortKey ? rows.slice().sort((a, b) => (a[sortKey] > b[sortKey] ? 1 : -1) * (desc ? -1 : 1)) : rows) };
  }

  function csv(filename, columns, rows) {
    const cell = v => { const s = String(v == null ? '' : v); return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };
    const text = [columns.map(c => cell(c.key)).join(','), ...rows.map(r => columns.map(c => cell(r[c.key])).join(','))].join('\n') + '\n';
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob(['\ufeff' + text], { type: 'text/csv;charset=utf-8' }));
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    return text;
  }

  function every(ms, fn) { state.timers.push(setInterval(fn, ms)); }

  return { t, esc, num, money, pct, time, api, get, chart, page, start, signIn, hostedUi, table, csv, every, state, signedIn, ApiError, route };
})();
window.addEventListener('DOMContentLoaded', () => Q.start());
