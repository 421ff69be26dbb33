/* Pages for marketers and agents: sign-in, Overview, Customer 360, Service desk, Segments. */
'use strict';
(() => {
  const { t, esc, num, money, pct, time, api, get, chart, page, table } = Q;
  const CHANNEL_COLORS = { web: '#2463eb', app: '#7c3aed', store: '#c8102e', wechat: '#1aad19', line: '#06c755', telegram: '#229ed9', messenger: '#0866ff', whatsapp: '#25d366', pos: '#b45309' };

  page('signin', async main => {
    const local = Q.state.config.auth === 'local';
    main.innerHTML = `<section class="card signin"><h1>${esc(t('signIn'))}</h1>
      ${local ? `<form id="signin-form">
        <label>${esc(t('username'))}<input id="username" name="username" autocomplete="username" required></label>
        <label>${esc(t('password'))}<input id="password" name="password" type="password" autocomplete="current-password" required></label>
        <button class="primary" type="submit" id="signin-submit">${esc(t('signIn'))}</button>
        <p class="error" id="signin-error" role="alert"></p>
        <p class="muted">${esc(t('signInLocalHint'))}</p></form>`
        : `<button class="primary" type="button" id="hosted-ui">${esc(t('signInCognito'))}</button>`}</section>`;
    if (!local) { document.getElementById('hosted-ui').addEventListener('click', Q.hostedUi); return; }
    document.getElementById('username').focus();
    document.getElementById('signin-form').addEventListener('submit', async ev => {
      ev.preventDefault();
      try {
        await Q.signIn(document.getElementById('username').value.trim(), document.getElementById('password').value);
        location.hash = '#/';
      } catch (e) {
        document.getElementById('signin-error').textContent = t('signInFailed') + ': ' + e.message;
      }
    });
  });

  // --- Overview: KPIs per channel and day, new vs returning, multi-channel share, funnels --------
  page('overview', async (main, args) => {
    const days = Number(args[0]) || 30;
    const ov = await get('/v1/analytics/overview?days=' + days);
    const fu = ov.funnels;
    const tot = ov.totals, prev = ov.previous;
    const delta = (a, b) => (b ? (a - b) / b : null);
    const kpi = (id, label, value, change) => `<div class="card kpi" data-kpi="${id}"><div class="l">${esc(label)}</div><div class="v">${esc(value)}</div>
      <div class="${change == null ? 'muted' : change >= 0 ? 'up' : 'down'}">${change == null ? '' : (change >= 0 ? '▲ ' : '▼ ') + pct(Math.abs(change)) + ' ' + esc(t('vsPrevious'))}</div></div>`;
    main.innerHTML = `<h1>${esc(t('page.overview'))}</h1>
      <div class="row"><label>${esc(t('period'))}<select id="period">${[7, 30, 90].map(d => `<option value="${d}" ${d === days ? 'selected' : ''}>${esc(t('lastDays', { n: d }))}</option>`).join('')}</select></label>
      <span class="muted">${esc(tot.from)} – ${esc(tot.to)} · ${esc(t('previousPeriod'))} ${esc(prev.from)} – ${esc(prev.to)}</span></div>
      <div class="kpis">
        ${kpi('events', t('events'), num(tot.events), delta(tot.events, prev.events))}
        ${kpi('orders', t('orders'), num(tot.orders), delta(tot.orders, prev.orders))}
        ${kpi('revenue', t('revenue'), money(tot.revenue), delta(tot.revenue, prev.revenue))}
        ${kpi('shoppers', t('shoppers'), num(tot.shoppers), null)}
        ${kpi('buyers', t('buyers'), num(tot.buyers), null)}
        ${kpi('new', t('newVsReturning'), num(tot.newCustomerDays) + ' / ' + num(tot.returningCustomerDays), null)}
        ${kpi('multichannel', t('multiChannelShare'), pct(tot.multichannelShare), delta(tot.multichannelShare, prev.multichannelShare))}
      </div>
      <div class="grid">
        <section class="card"><h2>${esc(t('revenueByChannel'))}</h2><div class="chart" id="chart-revenue" role="img" aria-label="${esc(t('revenueByChannel'))}"></div></section>
        <section class="card"><h2>${esc(t('activeByChannel'))}</h2><div class="chart" id="chart-active" role="img" aria-label="${esc(t('activeByChannel'))}"></div></section>
        <section class="card"><h2>${esc(t('newReturningByDay'))}</h2><div class="chart" id="chart-new" role="img" aria-label="${esc(t('newReturningByDay'))}"></div></section>
        <section class="card"><h2>${esc(t('multichannelByDay'))}</h2><div class="chart" id="chart-multi" role="img" aria-label="${esc(t('multichannelByDay'))}"></div></section>
      </div>
      <div class="grid">
        <section class="card"><h2>${esc(t('funnelAll'))}</h2><div class="chart" id="chart-funnel" role="img" aria-label="${esc(t('funnelAll'))}"></div></section>
        <section class="card"><h2>${esc(t('funnelByChannel'))}</h2><div id="funnel-table" class="scroll"></div></section>
      </div>
      <p class="muted">${esc(t('overviewSource'))}</p>`;
    document.getElementById('period').addEventListener('change', e => { location.hash = '#/overview/' + e.target.value; });
    const daysList = [...new Set(ov.daily.map(d => String(d.day)))].sort();
    const channels = [...new Set(ov.daily.map(d => d.channel))].sort();
    const cell = (d, c, field) => { const r = ov.daily.find(x => String(x.day) === d && x.channel === c); return r ? r[field] : null; };
    const series = (field, type, scale) => channels.map(c => ({
      name: c, type, stack: type === 'bar' ? 'all' : undefined, showSymbol: false, connectNulls: false, color: CHANNEL_COLORS[c],
      data: daysList.map(d => { const v = cell(d, c, field); return v == null ? (type === 'bar' ? 0 : null) : (scale ? Math.round(v * scale * 10) / 10 : v); })
    }));
    const base = { tooltip: { trigger: 'axis' }, legend: { top: 0, type: 'scroll' }, grid: { left: 56, right: 16, top: 36, bottom: 30 }, xAxis: { type: 'category', data: daysList }, yAxis: { type: 'value' } };
    chart(document.getElementById('chart-revenue'), Object.assign({}, base, { series: series('revenue', 'bar') }));
    chart(document.getElementById('chart-active'), Object.assign({}, base, { series: series('active_customers', 'line') }));
    const sumDay = (d, field) => ov.daily.filter(x => String(x.day) === d).reduce((a, x) => a + x[field], 0);
    chart(document.getElementById('chart-new'), Object.assign({}, base, { series: [
      { name: t('newCustomers'), type: 'bar', stack: 'c', color: '#c8102e', data: daysList.map(d => sumDay(d, 'new_customers')) },
      { name: t('returningCustomers'), type: 'bar', stack: 'c', color: '#9aa3b5', data: daysList.map(d => sumDay(d, 'returning_customers')) }] }));
    chart(document.getElementById('chart-multi'), Object.assign({}, base, { yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } }, series: series('multichannel_share', 'line', 100) }));
    const steps = fu.steps;
    const all = fu.channels.find(f => f.channel === 'all') || {};
    chart(document.getElementById('chart-funnel'), {
      tooltip: { trigger: 'item' },
      series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%', label: { formatter: '{b}: {c}' },
        data: steps.map(s => ({ name: t('step.' + s), value: all[s] || 0 })) }]
    });
    const rows = fu.channels.map(f => Object.assign({}, f, { channel: f.channel === 'all' ? t('allChannels') : f.channel, conversion: f.viewed ? f.ordered / f.viewed : 0 }));
    table(document.getElementById('funnel-table'), [{ key: 'channel', label: t('channel') },
      ...steps.map(s => ({ key: s, label: t('step.' + s), num: true, fmt: v => num(v) })), { key: 'conversion', label: t('conversion'), num: true, fmt: v => pct(v) }], rows);
  });

  // --- Customer 360 --------------------------------------------------------------------------------
  page('customers', async (main, args) => {
    const query = args[0] || '';
    main.innerHTML = `<h1>${esc(t('page.customers'))}</h1>
      <form class="row" id="search-form" role="search"><label>${esc(t('searchCustomer'))}
        <input id="customer-query" name="q" value="${esc(query)}" placeholder="email:ana@example.com · phone:+8613800000000 · p01..." size="40"></label>
        <button class="primary" type="submit">${esc(t('search'))}</button></form><div id="customer"></div>`;
    document.getElementById('search-form').addEventListener('submit', e => {
      e.preventDefault();
      location.hash = '#/customers/' + encodeURIComponent(document.getElementById('customer-query').value.trim());
    });
    if (!query) {
      document.getElementById('customer').innerHTML = `<p class="muted">${esc(t('searchHint'))}</p>`;
      document.getElementById('customer-query').focus();
      return;
    }
    const out = document.getElementById('customer');
    let profile;
    try {
      profile = await get('/v1/profiles/' + encodeURIComponent(query));
    } catch (e) {
      out.innerHTML = `<p class="error" role="alert">${esc(e.status === 404 ? t('noCustomer') : e.status === 410 ? t('forgotten') : e.message)}</p>`;
      return;
    }
    const id = profile.profileId;
    const enc = encodeURIComponent(id);
    const optional = p => p.catch(e => ({ unavailable: e.message }));
    // the next best offer is per channel: the one the customer was last seen in
    const lastChannel = Object.entries(profile.channels && !Array.isArray(profile.channels) ? profile.channels : {})
      .sort((a, b) => String((b[1] || {}).lastSeen).localeCompare(String((a[1] || {}).lastSeen)))
      .map(([c]) => c)[0] || (Array.isArray(profile.channels) && profile.channels[0]) || 'web';
    const [scores, recs, coupons, loyalty, offer] = await Promise.all([
      optional(get('/v1/profiles/' + enc + '/scores')), optional(get('/v1/profiles/' + enc + '/recommendations?n=5')),
      optional(get('/v1/profiles/' + enc + '/coupons')), optional(get('/v1/profiles/' + enc + '/loyalty')),
      optional(get('/v1/profiles/' + enc + '/offer?channel=' + encodeURIComponent(lastChannel)))]);
    const ids = asList(profile.identifiers || profile.identities);
    const traits = profile.traits || {};
    out.innerHTML = `<div class="grid">
      <section class="card" id="identity"><h2>${esc(t('identities'))}</h2><p><b>${esc(id)}</b></p>
        <p>${ids.map(i => `<span class="pill">${esc(typeof i === 'string' ? i : (i.type || '') + ':' + (i.value || i.id || JSON.stringify(i)))}</span>`).join(' ') || '–'}</p>
        <p>${esc(t('channels'))}: ${asList(profile.channels).map(c => `<span class="pill">${esc(c)}</span>`).join(' ') || '–'}</p>
        <p class="muted">${esc(t('traits'))}: ${esc(Object.entries(traits).map(([k, v]) => k + '=' + v).join(', ') || '–')}</p>
        <p class="muted">${esc(t('firstSeen'))} ${esc(time(profile.firstSeen))} · ${esc(t('lastSeen'))} ${esc(time(profile.lastSeen))}</p>
        <button class="danger" type="button" id="erase">${esc(t('erase'))}</button></section>
      <section class="card" id="scores"><h2>${esc(t('scores'))}</h2>${kv(scores)}</section>
      <section class="card" id="recommendations"><h2>${esc(t('recommendations'))}</h2>${list(recs.items || recs.recommendations, r => (r.sku || r.item) + ' · ' + num(r.score, 3))}${recs.unavailable ? unavailable(recs) : ''}</section>
      <section class="card" id="coupons"><h2>${esc(t('coupons'))}</h2>${list(coupons.coupons || coupons.items, c => c.code + ' · ' + (c.status || '') + ' · ' + (c.campaignId || ''))}${coupons.unavailable ? unavailable(coupons) : ''}</section>
      <section class="card" id="loyalty"><h2>${esc(t('loyalty'))}</h2>${kv(loyalty)}</section>
      <section class="card" id="offer"><h2>${esc(t('nextBestOffer'))}</h2>${kv(offer)}</section>
      <section class="card" id="orders"><h2>${esc(t('orders'))}</h2>${list(profile.recentOrders, o => (o.orderId || '') + ' · ' + money(o.total, o.currency) + ' · ' + (o.channel || '') + ' · ' + time(o.placedAt || o.at))}</section>
      <section class="card" id="timeline"><h2>${esc(t('timeline'))}</h2><div class="chart" id="chart-timeline" style="height:200px" role="img" aria-label="${esc(t('timeline'))}"></div></section>
    </div>
    <dialog id="erase-dialog" aria-labelledby="erase-title"><form method="dialog"><h2 id="erase-title">${esc(t('eraseTitle'))}</h2>
      <p>${esc(t('eraseExplain'))}</p><label>${esc(t('eraseTypeId', { id }))}<input id="erase-confirm" autocomplete="off"></label>
      <div class="row" style="margin-top:12px"><button value="cancel" type="submit">${esc(t('cancel'))}</button><button class="danger" id="erase-go" type="button" disabled>${esc(t('eraseConfirm'))}</button></div>
      <p id="erase-result" role="status"></p></form></dialog>`;
    const orders = profile.recentOrders || [];
    chart(document.getElementById('chart-timeline'), {
      tooltip: { trigger: 'item' }, grid: { left: 50, right: 16, top: 16, bottom: 30 },
      xAxis: { type: 'time' }, yAxis: { type: 'value', name: t('revenue') },
      series: [{ type: 'scatter', symbolSize: 12, data: orders.map(o => [o.placedAt || o.at, o.total]) }]
    });
    const dialog = document.getElementById('erase-dialog');
    document.getElementById('erase').addEventListener('click', () => { dialog.showModal(); document.getElementById('erase-confirm').focus(); });
    document.getElementById('erase-confirm').addEventListener('input', e => { document.getElementById('erase-go').disabled = e.target.value.trim() !== id; });
    document.getElementById('erase-go').addEventListener('click', async () => {
      try {
        const r = await api('DELETE', '/v1/profiles/' + enc);
        document.getElementById('erase-result').textContent = t('erased', { n: (r.profileIds || []).length });
        document.getElementById('erase-go').disabled = true;
      } catch (e) { document.getElementById('erase-result').textContent = e.message; }
    });
  });

  /** A list from an array, or from an object's entries as key:value (the API returns both shapes). */
  function asList(v) {
    if (Array.isArray(v)) return v;
    if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => k + (x === true || x == null ? '' : ':' + (typeof x === 'object' ? JSON.stringify(x) : x)));
    return [];
  }

  function kv(obj) {
    if (!obj) return '–';
    if (obj.unavailable) return unavailable(obj);
    return `<table>${Object.entries(obj).filter(([, v]) => v != null && typeof v !== 'object').map(([k, v]) => `<tr><th>${esc(k)}</th><td class="n">${esc(typeof v === 'number' ? num(v, 3) : v)}</td></tr>`).join('')}
      ${Object.entries(obj).filter(([, v]) => v && typeof v === 'object').map(([k, v]) => `<tr><th>${esc(k)}</th><td><small>${esc(JSON.stringify(v).slice(0, 400))}</small></td></tr>`).join('')}</table>`;
  }
  function list(items, fmt) { return items && items.length ? `<ul>${items.map(i => `<li>${esc(fmt(i))}</li>`).join('')}</ul>` : `<p class="muted">${esc(t('none'))}</p>`; }
  function unavailable(o) { return `<p class="muted">${esc(t('notAvailable'))}: ${esc(o.unavailable)}</p>`; }

  // --- Service desk: handoff queue, transcript, reply through the platform, hand back ------------
  page('desk', async (main, args) => {
    main.innerHTML = `<h1>${esc(t('page.desk'))}</h1><div class="grid"><section class="card"><h2>${esc(t('queue'))}</h2><div id="queue" class="list" role="list"></div></section>
      <section class="card" id="conversation"><p class="muted">${esc(t('pickConversation'))}</p></section></div>`;
    let selected = args[0] ? args[0] + '/' + (args[1] || '') : null;
    async function load() {
      const q = await get('/v1/chat/handoffs');
      const waiting = q.waiting || [];
      const key = w => w.ticket.platform.toLowerCase() + '/' + w.ticket.userId;
      document.getElementById('queue').innerHTML = waiting.length ? waiting.map(w => `<button type="button" role="listitem" data-key="${esc(key(w))}" aria-pressed="${key(w) === selected}">
          <b>${esc(w.ticket.platform)}</b> · ${esc(w.ticket.userId)} <span class="pill">${esc(reasonText(w.ticket.reason))}</span><br>
          <span class="muted">${esc(time(w.ticket.openedAt))} · ${esc(w.ticket.lastText)}</span></button>`).join('')
        : `<p class="muted">${esc(t('queueEmpty'))}</p>`;
      document.querySelectorAll('#queue button').forEach(b => b.addEventListener('click', () => { selected = b.dataset.key; show(waiting.find(w => key(w) === selected)); load(); }));
      const current = waiting.find(w => key(w) === selected);
      if (current && !document.getElementById('reply-text')) show(current);
      return waiting;
    }
    function show(w) {
      const c = document.getElementById('conversation');
      c.innerHTML = `<h2>${esc(w.ticket.platform)} · ${esc(w.ticket.userId)}</h2>
        <p class="muted">${esc(t('language'))}: ${esc(w.ticket.language)} · ${esc(reasonText(w.ticket.reason))}</p>
        <div class="transcript" id="transcript" aria-label="${esc(t('transcript'))}">${orderedLines(w.transcript).map(l => `<div class="msg ${esc(l.role)}"><small class="muted">${esc(t('role.' + l.role))} · ${esc(time(l.at))}</small><br>${esc(l.text)}</div>`).join('')}</div>
        <form id="reply-form" style="margin-top:10px"><label>${esc(t('yourReply'))}<textarea id="reply-text" rows="3" required></textarea></label>
        <div class="row" style="margin-top:8px"><button class="primary" type="submit" id="send-reply">${esc(t('sendReply'))}</button>
        <button type="button" id="hand-back">${esc(t('handBack'))}</button></div><p id="reply-status" role="status"></p></form>`;
      const body = { platform: w.ticket.platform.toLowerCase(), userId: w.ticket.userId };
      document.getElementById('reply-form').addEventListener('submit', async e => {
        e.preventDefault();
        const text = document.getElementById('reply-text').value.trim();
        if (!text) return;
        try {
          await api('POST', '/v1/chat/handoffs/reply', Object.assign({ text }, body));
          document.getElementById('transcript').insertAdjacentHTML('beforeend', `<div class="msg agent"><small class="muted">${esc(t('role.agent'))}</small><br>${esc(text)}</div>`);
          document.getElementById('reply-text').value = '';
          document.getElementById('reply-status').textContent = t('replySent');
        } catch (err) { document.getElementById('reply-status').textContent = t('failed') + ': ' + err.message; }
      });
      document.getElementById('hand-back').addEventListener('click', async () => {
        try {
          await api('POST', '/v1/chat/handoffs/release', body);
          selected = null;
          document.getElementById('conversation').innerHTML = `<p role="status">${esc(t('handedBack'))}</p>`;
          load();
        } catch (err) { document.getElementById('reply-status').textContent = t('failed') + ': ' + err.message; }
      });
    }
    await load();
    Q.every(5000, () => load().catch(e => console.warn('queue refresh failed', e.message)));
  });

  function reasonText(reason) {
    const key = 'reason.' + reason;
    const text = t(key);
    return text === key ? String(reason || '').replace(/_/g, ' ') : text;
  }

  /** Oldest first; a customer's line before the bot's answer stored at the same instant. */
  function orderedLines(lines) {
    const rank = { customer: 0, bot: 1, agent: 2 };
    return lines.slice().sort((a, b) => String(a.at).localeCompare(String(b.at)) || (rank[a.role] - rank[b.role]));
  }

  /** A segment's name in the page's language (the model names them in English, e.g. "loyal customers (spend rank 1 of 2)"). */
  function segmentName(name) {
    const m = /^(.*?)(?: \(spend rank (\d+) of (\d+)\))?$/.exec(name);
    const key = 'segname.' + m[1];
    const base = t(key) === key ? m[1] : t(key);
    return m[2] ? base + t('spendRank', { r: m[2], n: m[3] }) : base;
  }

  /** The live k-means segments: buyers and revenue per segment (chart), their value (table). */
  function drawSegments(seg) {
    const rows = seg.segments.map(x => Object.assign({}, x, { name: segmentName(x.name), share: seg.buyers ? x.customers / seg.buyers : 0,
      perCustomer: x.revenue == null || !x.customers ? null : x.revenue / x.customers }));
    document.getElementById('segment-table').dataset.segments = String(rows.length);
    chart(document.getElementById('chart-segments'), {
      tooltip: { trigger: 'axis' }, legend: { top: 0, data: [t('customers'), t('revenue')] }, grid: { left: 150, right: 60, top: 30, bottom: 24 },
      yAxis: { type: 'category', data: rows.map(r => r.name), axisLabel: { width: 140, overflow: 'truncate' } },
      xAxis: [{ type: 'value', name: t('customers'), minInterval: 1 }, { type: 'value', name: t('revenue'), position: 'top', show: false }],
      series: [{ name: t('customers'), type: 'bar', color: '#c8102e', data: rows.map(r => r.customers), label: { show: true, position: 'right' } },
        { name: t('revenue'), type: 'bar', xAxisIndex: 1, color: '#9aa3b5', data: rows.map(r => r.revenue) }]
    });
    table(document.getElementById('segment-table'), [{ key: 'name', label: t('segment') }, { key: 'customers', label: t('customers'), num: true, fmt: v => num(v) },
      { key: 'share', label: t('share'), num: true, fmt: v => pct(v) }, { key: 'revenue', label: t('revenue'), num: true, fmt: v => money(v) },
      { key: 'perCustomer', label: t('revenuePerCustomer'), num: true, fmt: v => money(v) }, { key: 'meanOrders', label: t('meanOrders'), num: true, fmt: v => num(v, 1) },
      { key: 'meanRecencyDays', label: t('meanRecencyDays'), num: true, fmt: v => num(v, 0) }], rows, { sortKey: 'customers', desc: true });
  }

  // --- Segments and audiences: RFM grid, k-means segments, rule editor with a live count, export ---
  page('segments', async main => {
    const [rfm, seg] = await Promise.all([get('/v1/analytics/rfm'), get('/v1/segments')]);
    main.innerHTML = `<h1>${esc(t('page.segments'))}</h1><div class="grid">
      <section class="card"><h2>${esc(t('rfmGrid'))}</h2><p class="muted">${esc(t('rfmExplain', { n: num(rfm.customers), day: rfm.asOf }))}</p>
        <div class="chart" id="chart-rfm" role="img" aria-label="${esc(t('rfmGrid'))}"></div></section>
      <section class="card" id="kmeans"><h2>${esc(t('kmeansSegments'))}</h2>
        <p class="muted">${esc(seg.live ? t('kmeansExplain', { n: num(seg.buyers), version: seg.live, day: time(seg.asOf || seg.trainedAt) }) : t('kmeansNone'))}</p>
        <div class="chart" id="chart-segments" role="img" aria-label="${esc(t('kmeansSegments'))}"></div><div id="segment-table" class="scroll"></div></section>
    </div><div class="grid">
      <section class="card"><h2>${esc(t('audience'))}</h2>
        <form id="audience-form"><div class="row"><label>${esc(t('audienceId'))}<input id="aud-id" required pattern="[a-z0-9\\-]+" value="high-value-${Date.now() % 100000}"></label>
          <label>${esc(t('name'))}<input id="aud-name" required value="${esc(t('highValue'))}"></label></div>
          <label>${esc(t('rule'))}<textarea id="aud-rule" rows="5">{"all":[{"field":"orders","op":">=","value":2}]}</textarea></label>
          <div class="row" style="margin-top:8px"><label>${esc(t('exportFormat'))}<select id="aud-format"><option>meta</option><option>google</option></select></label>
          <button class="primary" type="submit">${esc(t('createAudience'))}</button></div><div id="aud-result" role="status"></div></form></section></div>`;
    drawSegments(seg);
    const cells = rfm.cells.map(c => [c.frequency - 1, c.recency - 1, c.customers, c.revenue]);
    chart(document.getElementById('chart-rfm'), {
      tooltip: { formatter: p => `R${p.value[1] + 1} F${p.value[0] + 1}: ${num(p.value[2])} · ${money(p.value[3])}` },
      grid: { left: 60, right: 16, top: 16, bottom: 60 },
      xAxis: { type: 'category', name: t('frequency'), data: ['1', '2', '3', '4', '5'] }, yAxis: { type: 'category', name: t('recency'), data: ['1', '2', '3', '4', '5'] },
      visualMap: { min: 0, max: Math.max(1, ...cells.map(c => c[2])), calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#fde7e9', '#c8102e'] } },
      series: [{ type: 'heatmap', data: cells, label: { show: true, formatter: p => p.value[2] } }]
    });
    document.getElementById('audience-form').addEventListener('submit', async e => {
      e.preventDefault();
      const out = document.getElementById('aud-result');
      let rule;
      try { rule = JSON.parse(document.getElementById('aud-rule').value); } catch (err) { out.textContent = t('badJson'); return; }
      try {
        const a = await api('POST', '/v1/audiences', { id: document.getElementById('aud-id').value.trim(), name: document.getElementById('aud-name').value.trim(), rule, exportFormat: document.getElementById('aud-format').value });
        out.innerHTML = `<p>${esc(t('audienceCount', { n: num(a.count != null ? a.count : a.size) }))}</p>${kv(a)}`;
      } catch (err) { out.innerHTML = `<p class="error">${esc(err.message)}</p>`; }
    });
  });
})();
