/* Pages for stock, campaigns, deliveries, models and sources. */
'use strict';
(() => {
  const { t, esc, num, money, pct, time, api, get, chart, page, table } = Q;

  // --- Stock: replenishment list (sortable, CSV) and a forecast with 80 % / 95 % intervals ---------
  page('stock', async (main, args) => {
    const location = args[0] || 'online';
    const list = await get('/v1/replenishment?limit=500&location=' + encodeURIComponent(location));
    const items = list.items || [];
    main.innerHTML = `<h1>${esc(t('page.stock'))}</h1>
      <div class="row"><label>${esc(t('location'))}<input id="location" value="${esc(location)}" size="12"></label>
        <button type="button" id="location-go">${esc(t('show'))}</button>
        <button type="button" id="export-csv">${esc(t('exportCsv'))}</button>
        <span class="muted">${esc(t('replenishmentCount', { n: items.length }))}</span></div>
      <div class="grid"><section class="card"><h2>${esc(t('replenishment'))}</h2><div id="replenishment" class="scroll"></div></section>
        <section class="card"><h2 id="forecast-title">${esc(t('forecast'))}</h2><div class="chart" id="chart-forecast" role="img" aria-label="${esc(t('forecast'))}"></div><p class="muted" id="forecast-meta"></p>
          <h3>${esc(t('accuracy'))}</h3><div id="forecast-accuracy" role="status"></div></section></div>`;
    document.getElementById('location-go').addEventListener('click', () => { location.hash; window.location.hash = '#/stock/' + encodeURIComponent(document.getElementById('location').value.trim()); });
    const columns = [{ key: 'sku', label: 'SKU' }, { key: 'risk', label: t('risk'), fmt: v => t('risk.' + v) },
      { key: 'suggestedOrder', label: t('suggestedOrder'), num: true, fmt: v => num(v, 1) }, { key: 'onHand', label: t('onHand'), num: true, fmt: v => num(v, 1) },
      { key: 'onOrder', label: t('onOrder'), num: true, fmt: v => num(v, 1) }, { key: 'reorderPoint', label: t('reorderPoint'), num: true, fmt: v => num(v, 1) },
      { key: 'daysOfCover', label: t('daysOfCover'), num: true, fmt: v => num(v, 1) }, { key: 'stockoutDate', label: t('stockoutDate') }];
    const tbl = table(document.getElementById('replenishment'), columns, items, {
      sortKey: 'suggestedOrder', desc: true,
      onRow: (tr, item) => { tr.tabIndex = 0; tr.style.cursor = 'pointer'; tr.addEventListener('click', () => forecast(item.sku)); tr.addEventListener('keydown', e => { if (e.key === 'Enter') forecast(item.sku); }); }
    });
    document.getElementById('export-csv').addEventListener('click', () => Q.csv('replenishment-' + location + '.csv', columns, tbl.rows()));
    let fchart = null;
    async function forecast(sku) {
      const doc = await get('/v1/forecasts/' + encodeURIComponent(sku) + '?days=28&location=' + encodeURIComponent(location));
      document.getElementById('forecast-title').textContent = t('forecast') + ' · ' + sku + ' @ ' + location;
      document.getElementById('forecast-meta').textContent = t('forecastMeta', { model: doc.model, origin: doc.origin, mase: doc.backtestMase == null ? '–' : num(doc.backtestMase, 2) });
      // the forecast as issued: the earlier run's days up to the latest run's origin, then the latest run's
      const earlier = doc.earlier ? doc.earlier.days.filter(x => x.date <= doc.origin) : [];
      const d = earlier.concat(doc.days);
      const first = d.length ? d[0].date : doc.origin;
      const actual = await get('/v1/analytics/demand?sku=' + encodeURIComponent(sku) + '&location=' + encodeURIComponent(location)
        + '&from=' + first + '&to=' + d[d.length - 1].date).catch(e => ({ unavailable: e.message, days: [] }));
      const units = new Map(actual.days.map(x => [x.date, x]));
      const dates = d.map(x => x.date);
      const band = (lo, hi, name, color) => [
        { name, type: 'line', data: d.map(x => x[lo]), stack: name, lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false } },
        { name, type: 'line', data: d.map(x => x[hi] - x[lo]), stack: name, lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color }, tooltip: { show: false } }];
      if (fchart) fchart.dispose();
      fchart = chart(document.getElementById('chart-forecast'), {
        tooltip: { trigger: 'axis', formatter: ps => { const x = d[ps[0].dataIndex]; const a = units.get(x.date);
          return `${x.date}<br>${t('forecast')}: ${num(x.forecast, 1)}<br>80 %: ${num(x.lower80, 1)} – ${num(x.upper80, 1)}<br>95 %: ${num(x.lower95, 1)} – ${num(x.upper95, 1)}`
            + (a ? `<br>${t('actualUnits')}: ${num(a.units)}` : ''); } },
        legend: { top: 0, data: [t('interval95'), t('interval80'), t('forecast'), t('actualUnits')] }, grid: { left: 50, right: 16, top: 36, bottom: 30 },
        xAxis: { type: 'category', data: dates, boundaryGap: false }, yAxis: { type: 'value', name: t('units') },
        series: [...band('lower95', 'upper95', t('interval95'), 'rgba(200,16,46,0.12)'), ...band('lower80', 'upper80', t('interval80'), 'rgba(200,16,46,0.25)'),
          { name: t('forecast'), type: 'line', data: d.map(x => x.forecast), color: '#c8102e', symbol: 'circle', symbolSize: 4,
            markLine: { symbol: 'none', silent: true, label: { formatter: t('forecastMade') }, data: [{ xAxis: doc.origin }] } },
          { name: t('actualUnits'), type: 'bar', data: d.map(x => units.has(x.date) ? units.get(x.date).units : null), color: '#1f3a93', barMaxWidth: 8 }]
      });
      accuracy(d, units, actual, doc);
    }

    /**
     * Accuracy over the forecast days whose actuals are complete: WAPE = sum |actual - forecast| / sum actual,
     * bias = sum (forecast - actual) / sum actual, and the share of days inside the 80 % and 95 % intervals.
     */
    function accuracy(d, units, actual, doc) {
      const out = document.getElementById('forecast-accuracy');
      if (actual.unavailable) { out.innerHTML = `<p class="muted">${esc(t('notAvailable'))}: ${esc(actual.unavailable)}</p>`; return; }
      const scored = d.filter(x => units.has(x.date) && units.get(x.date).complete);
      if (!scored.length) { out.innerHTML = `<p class="muted">${esc(t('noActualsYet'))}</p>`; return; }
      let sumActual = 0, sumError = 0, sumBias = 0, in80 = 0, in95 = 0;
      for (const x of scored) {
        const a = units.get(x.date).units;
        sumActual += a; sumError += Math.abs(a - x.forecast); sumBias += x.forecast - a;
        if (a >= x.lower80 && a <= x.upper80) in80++;
        if (a >= x.lower95 && a <= x.upper95) in95++;
      }
      const issued = [...new Set([doc.earlier && scored.some(x => x.date <= doc.origin) ? doc.earlier.origin : null,
        scored.some(x => x.date > doc.origin) ? doc.origin : null].filter(Boolean))].join(', ');
      out.innerHTML = `<table aria-label="${esc(t('accuracy'))}"><tr><th>${esc(t('accuracyDays'))}</th><td class="n" data-metric="days">${scored.length}</td></tr>
        <tr><th>WAPE</th><td class="n" data-metric="wape">${sumActual ? esc(pct(sumError / sumActual)) : '–'}</td></tr>
        <tr><th>${esc(t('bias'))}</th><td class="n" data-metric="bias">${sumActual ? esc(pct(sumBias / sumActual)) : '–'}</td></tr>
        <tr><th>${esc(t('coverage80'))}</th><td class="n" data-metric="coverage80">${esc(pct(in80 / scored.length))}</td></tr>
        <tr><th>${esc(t('coverage95'))}</th><td class="n" data-metric="coverage95">${esc(pct(in95 / scored.length))}</td></tr></table>
        <p class="muted">${esc(t('accuracyExplain', { from: scored[0].date, to: scored[scored.length - 1].date, issued }))}</p>`;
    }
    if (items.length) await forecast(items[0].sku);
  });

  // --- Campaigns and offers --------------------------------------------------------------------------
  page('campaigns', async (main, args) => {
    const [list, uplift] = await Promise.all([get('/v1/campaigns'), get('/v1/offers/uplift').catch(e => ({ unavailable: e.message }))]);
    const campaigns = list.campaigns || list.items || [];
    const today = new Date().toISOString().slice(0, 10);
    const later = new Date(Date.now() + 30 * 864e5).toISOString().slice(0, 10);
    main.innerHTML = `<h1>${esc(t('page.campaigns'))}</h1><div class="grid">
      <section class="card"><h2>${esc(t('campaignList'))}</h2><div id="campaign-table" class="scroll"></div></section>
      <section class="card"><h2>${esc(t('newCampaign'))}</h2><form id="campaign-form">
        <div class="row"><label>${esc(t('campaignId'))}<input id="c-id" required pattern="[a-z0-9\\-]+" value="spring-${Date.now() % 100000}"></label>
        <label>${esc(t('name'))}<input id="c-name" required value="${esc(t('sampleCampaignName'))}"></label></div>
        <div class="row"><label>${esc(t('percentOff'))}<input id="c-percent" type="number" min="1" max="90" value="10"></label>
        <label>${esc(t('budget'))} (CNY)<input id="c-budget" type="number" min="1" step="0.01" value="5000"></label>
        <label>${esc(t('starts'))}<input id="c-start" type="date" value="${today}"></label><label>${esc(t('ends'))}<input id="c-end" type="date" value="${later}"></label></div>
        <fieldset class="row"><legend>${esc(t('channels'))}</legend>${['all', 'web', 'app', 'store', 'wechat'].map(c => `<label style="flex-direction:row;align-items:center"><input type="checkbox" name="ch" value="${c}" ${c === 'all' ? 'checked' : ''}> ${esc(c)}</label>`).join('')}</fieldset>
        <button class="primary" type="submit" id="create-campaign">${esc(t('create'))}</button><p id="campaign-status" role="status"></p></form></section></div>
      <div class="grid"><section class="card" id="campaign-detail"><p class="muted">${esc(t('pickCampaign'))}</p></section>
      <section class="card"><h2>${esc(t('uplift'))}</h2><div id="uplift"></div></section></div>
      <section class="card" id="ad-budget"><h2>${esc(t('adBudget'))}</h2><form id="ad-form" class="row">
        <label>${esc(t('dailyBudget'))} (CNY)<input id="ad-total" type="number" min="1" step="1" value="6000"></label>
        <label>${esc(t('adChannels'))}<input id="ad-channels" size="48" value="wechat-moments:4000, douyin:5000, baidu-search:2500"></label>
        <button class="primary" type="submit" id="ad-allocate">${esc(t('allocate'))}</button></form>
        <p class="muted">${esc(t('adExplain'))}</p><div id="ad-result" role="status"></div><div id="ad-curves" class="curves"></div></section>`;
    table(document.getElementById('campaign-table'), [{ key: 'id', label: 'ID' }, { key: 'name', label: t('name') },
      { key: 'budget', label: t('budget'), num: true }, { key: 'budgetRemaining', label: t('budgetRemaining'), num: true }, { key: 'endsAt', label: t('ends'), fmt: v => time(v) }], campaigns,
    { onRow: (tr, c) => { tr.tabIndex = 0; tr.style.cursor = 'pointer'; const go = () => { window.location.hash = '#/campaigns/' + encodeURIComponent(c.id); }; tr.addEventListener('click', go); tr.addEventListener('keydown', e => { if (e.key === 'Enter') go(); }); } });
    renderUplift(document.getElementById('uplift'), uplift);
    document.getElementById('campaign-form').addEventListener('submit', async e => {
      e.preventDefault();
      const tz = 'T00:00:00+08:00';
      const body = { id: document.getElementById('c-id').value.trim(), name: document.getElementById('c-name').value.trim(), currency: 'CNY',
        offer: { type: 'percent_off', percentOff: Number(document.getElementById('c-percent').value) },
        channels: [...document.querySelectorAll('input[name=ch]:checked')].map(x => x.value),
        budget: Number(document.getElementById('c-budget').value).toFixed(2),
        startsAt: document.getElementById('c-start').value + tz, endsAt: document.getElementById('c-end').value + tz };
      try {
        await api('POST', '/v1/campaigns', body);
        window.location.hash = '#/campaigns/' + encodeURIComponent(body.id);
      } catch (err) { document.getElementById('campaign-status').textContent = t('failed') + ': ' + err.message; }
    });
    document.getElementById('ad-form').addEventListener('submit', e => { e.preventDefault(); allocate().catch(err => { document.getElementById('ad-result').innerHTML = `<p class="error">${esc(err.message)}</p>`; }); });
    await Promise.all([allocate(), args[0] ? detail(args[0]) : null]);
  });

  /** Tomorrow's ad budget split (Thompson sampling over each channel's posterior) with each channel's response curve. */
  async function allocate() {
    const channels = document.getElementById('ad-channels').value.split(',').map(x => x.trim()).filter(Boolean).map(x => {
      const [channel, max] = x.split(':').map(y => y.trim());
      return { channel, max: Number(max || 0).toFixed(2) };
    });
    const plan = await api('POST', '/v1/ads/allocation', { budget: Number(document.getElementById('ad-total').value).toFixed(2), currency: 'CNY', channels });
    const out = document.getElementById('ad-result');
    out.innerHTML = `<p>${esc(t('adPlan', { n: num(plan.expectedConversions, 1), days: num(plan.daysOfHistory) }))}</p><div id="ad-table" class="scroll"></div>`;
    table(document.getElementById('ad-table'), [{ key: 'channel', label: t('channel') }, { key: 'spend', label: t('spendTomorrow'), num: true, fmt: v => money(v) },
      { key: 'expectedConversions', label: t('expectedConversions'), num: true, fmt: v => num(v, 1) },
      { key: 'marginalPerUnit', label: t('marginalPer100'), num: true, fmt: v => num(v * 100, 2) }], plan.channels);
    const curves = document.getElementById('ad-curves');
    curves.innerHTML = plan.channels.map((c, i) => `<figure><figcaption>${esc(c.channel)}</figcaption><div class="chart" id="ad-curve-${i}" data-channel="${esc(c.channel)}" role="img" aria-label="${esc(t('responseCurve') + ' ' + c.channel)}"></div></figure>`).join('');
    plan.channels.forEach((c, i) => {
      const xs = c.curve.map(p => Math.round(p.spend));
      const band = (lo, hi, name, color) => [
        { name, type: 'line', data: c.curve.map(p => [p.spend, p[lo]]), stack: name, lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false } },
        { name, type: 'line', data: c.curve.map(p => [p.spend, p[hi] - p[lo]]), stack: name, lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color }, tooltip: { show: false } }];
      chart(document.getElementById('ad-curve-' + i), {
        tooltip: { trigger: 'item' }, legend: { top: 0, data: [t('interval95'), t('interval80'), t('expectedConversions'), t('observedDays')] },
        grid: { left: 44, right: 12, top: 40, bottom: 36 },
        xAxis: { type: 'value', name: t('spendPerDay'), nameLocation: 'middle', nameGap: 24, max: xs[xs.length - 1] }, yAxis: { type: 'value', name: t('conversionsPerDay') },
        series: [...band('p2_5', 'p97_5', t('interval95'), 'rgba(36,99,235,0.12)'), ...band('p10', 'p90', t('interval80'), 'rgba(36,99,235,0.25)'),
          { name: t('expectedConversions'), type: 'line', color: '#2463eb', symbol: 'none', data: c.curve.map(p => [p.spend, p.mean]),
            markLine: { symbol: 'none', label: { formatter: t('spendTomorrow') }, lineStyle: { color: '#c8102e' }, data: [{ xAxis: c.spend }] } },
          { name: t('observedDays'), type: 'scatter', symbolSize: 5, color: '#6b7280', data: c.observed.map(o => [o.spend, o.conversions]) }]
      });
    });
  }

  async function detail(id) {
    const out = document.getElementById('campaign-detail');
    const camp = await get('/v1/campaigns/' + encodeURIComponent(id));
    const codes = JSON.parse(localStorage.getItem('quanyu.codes.' + camp.id) || '[]');
    out.innerHTML = `<h2>${esc(camp.name)} <span class="pill">${esc(camp.id)}</span> <span class="pill">${esc(camp.status)}</span></h2>
      <p>${esc(t('offer'))}: ${esc(offerText(camp.offer))} · ${esc(t('channels'))}: ${esc((camp.channels || []).join(', '))}</p>
      <p>${esc(t('budgetBurn'))}: <b id="budget-spent">–</b> / ${esc(money(camp.budget, camp.currency))}</p>
      <div class="chart" id="chart-budget" style="height:90px" role="img" aria-label="${esc(t('budgetBurn'))}"></div>
      <div class="row"><button type="button" id="issue-coupon">${esc(t('issueSharedCoupon'))}</button></div>
      <h2>${esc(t('couponCodes'))}</h2><div id="coupon-uses"></div>
      <h2>${esc(t('redemptionsByChannel'))}</h2><div class="chart" id="chart-redemptions" style="height:160px" role="img" aria-label="${esc(t('redemptionsByChannel'))}"></div>
      <h2>${esc(t('redemptionsPerCode'))}</h2><div id="redemption-codes" class="scroll"></div>`;
    document.getElementById('issue-coupon').addEventListener('click', async () => {
      const code = (camp.id.replace(/[^a-z0-9]/gi, '').slice(0, 10) + Math.floor(Math.random() * 1e5)).toUpperCase();
      try {
        const coupon = await api('POST', '/v1/campaigns/' + encodeURIComponent(camp.id) + '/coupons', { code, cap: 100 });
        codes.push(coupon.code || code);
        localStorage.setItem('quanyu.codes.' + camp.id, JSON.stringify(codes));
        await refresh();
      } catch (err) { document.getElementById('coupon-uses').textContent = err.message; }
    });
    let budgetChart = null;
    let redemptionChart = null;
    async function refresh() {
      const [fresh, red] = await Promise.all([get('/v1/campaigns/' + encodeURIComponent(id)), get('/v1/campaigns/' + encodeURIComponent(id) + '/redemptions')]);
      const codesEl = document.getElementById('redemption-codes');
      if (!codesEl) return;
      if (!redemptionChart) redemptionChart = chart(document.getElementById('chart-redemptions'), {});
      redemptionChart.setOption({ tooltip: { trigger: 'axis' }, grid: { left: 90, right: 40, top: 10, bottom: 24 },
        xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: red.channels.map(c => c.channel) },
        series: [{ name: t('redeemed'), type: 'bar', color: '#c8102e', data: red.channels.map(c => c.redeemed), label: { show: true, position: 'right' } }] });
      codesEl.dataset.redeemed = String(red.redeemed);
      table(codesEl, [{ key: 'code', label: t('couponIssued') }, { key: 'redeemed', label: t('redeemed'), num: true },
        { key: 'released', label: t('released'), num: true }, { key: 'discount', label: t('discount'), num: true, fmt: v => money(v, red.currency) },
        { key: 'channels', label: t('channels'), fmt: v => Object.entries(v || {}).map(([c, n]) => c + ' × ' + n).join(', ') }], red.codes);
      if (!red.codes.length) codesEl.insertAdjacentHTML('beforeend', `<p class="muted">${esc(t('noRedemptions'))}</p>`);
      const spent = fresh.budget != null && fresh.budgetRemaining != null ? Number(fresh.budget) - Number(fresh.budgetRemaining) : null;
      const el = document.getElementById('budget-spent');
      if (!el) return;
      el.textContent = spent == null ? t('noBudget') : money(spent, fresh.currency);
      el.dataset.spent = spent == null ? '' : String(spent);
      if (spent != null) {
        if (!budgetChart) budgetChart = chart(document.getElementById('chart-budget'), {});
        budgetChart.setOption({ grid: { left: 10, right: 10, top: 10, bottom: 20 }, xAxis: { type: 'value', max: Number(fresh.budget) }, yAxis: { type: 'category', data: [''] },
          series: [{ type: 'bar', data: [spent], color: '#c8102e', label: { show: true, formatter: () => money(spent, fresh.currency) } }] });
      }
      const uses = document.getElementById('coupon-uses');
      uses.innerHTML = codes.length ? `<ul>${codes.map(c => `<li><code class="coupon-code">${esc(c)}</code></li>`).join('')}</ul>` : `<p class="muted">${esc(t('noCoupons'))}</p>`;
    }
    await refresh();
    Q.every(3000, () => refresh().catch(err => console.warn('refresh failed', err.message)));
  }

  function offerText(o) {
    if (!o) return '–';
    const type = String(o.type || '').toLowerCase();
    if (type === 'percent_off') return t('offer.percent', { n: o.percentOff });
    if (type === 'amount_off') return t('offer.amount', { n: o.amountOff });
    return t('offer.' + type);
  }

  function renderUplift(el, u) {
    if (u.unavailable) { el.innerHTML = `<p class="muted">${esc(t('notAvailable'))}: ${esc(u.unavailable)}</p>`; return; }
    el.innerHTML = `<table>${Object.entries(u).filter(([, v]) => typeof v !== 'object').map(([k, v]) => `<tr><th>${esc(k)}</th><td class="n">${esc(typeof v === 'number' ? num(v, 4) : v)}</td></tr>`).join('')}
      ${Object.entries(u).filter(([, v]) => v && typeof v === 'object').map(([k, v]) => `<tr><th>${esc(k)}</th><td><small>${esc(JSON.stringify(v))}</small></td></tr>`).join('')}</table>`;
  }

  // --- Deliveries: submit a route job, watch it, routes on a map (colour per vehicle) -------------
  page('deliveries', async (main, args) => {
    main.innerHTML = `<h1>${esc(t('page.deliveries'))}</h1>
      <div class="row"><button class="primary" type="button" id="submit-job">${esc(t('submitSampleJob'))}</button><span id="job-status" role="status"></span></div>
      <div class="grid"><section class="card"><h2>${esc(t('routeMap'))}</h2><div class="chart" id="chart-routes" style="height:440px" role="img" aria-label="${esc(t('routeMap'))}"></div></section>
      <section class="card"><h2>${esc(t('routes'))}</h2><div id="route-table" class="scroll"></div></section></div>`;
    const problem = await (await fetch('sample-route-job.json')).json();
    document.getElementById('submit-job').addEventListener('click', async () => {
      const job = await api('POST', '/v1/routes/jobs', problem);
      window.location.hash = '#/deliveries/' + encodeURIComponent(job.jobId || job.id);
    });
    if (!args[0]) { draw(problem, null); return; }
    const status = document.getElementById('job-status');
    const poll = async () => {
      const job = await get('/v1/routes/jobs/' + encodeURIComponent(args[0]));
      status.textContent = t('jobStatus', { id: args[0], status: job.status });
      const solution = job.result || job.solution;
      if (solution && solution.routes) { draw(problem, solution); return true; }
      return false;
    };
    if (!(await poll())) {
      draw(problem, null);
      const timer = setInterval(async () => { try { if (await poll()) clearInterval(timer); } catch (e) { clearInterval(timer); status.textContent = e.message; } }, 1000);
      Q.state.timers.push(timer);
    }
  });

  function draw(problem, solution) {
    const byId = Object.fromEntries(problem.customers.map(c => [c.id, c]));
    const palette = ['#c8102e', '#2463eb', '#1a7f37', '#b45309', '#7c3aed', '#0891b2', '#be185d', '#4d7c0f'];
    const series = [{ name: 'depot', type: 'scatter', symbol: 'diamond', symbolSize: 18, color: '#111', data: [[problem.depot.lon, problem.depot.lat, problem.depot.id]] }];
    const rows = [];
    if (solution) {
      solution.routes.forEach((r, i) => {
        const path = [[problem.depot.lon, problem.depot.lat, problem.depot.id], ...r.stops.map(s => [byId[s].lon, byId[s].lat, s]), [problem.depot.lon, problem.depot.lat, problem.depot.id]];
        series.push({ name: t('vehicle') + ' ' + r.vehicle, type: 'line', color: palette[i % palette.length], data: path, symbolSize: 9,
          tooltip: { formatter: p => `${t('vehicle')} ${r.vehicle} · ${p.value[2]}` } });
        r.stops.forEach((s, k) => rows.push({ vehicle: r.vehicle, stop: s, order: k + 1, demand: byId[s].demand, start: r.serviceStarts ? r.serviceStarts[k] : null, load: r.load }));
      });
    } else {
      series.push({ name: t('customers'), type: 'scatter', color: '#5b6477', data: problem.customers.map(c => [c.lon, c.lat, c.id]) });
    }
    chart(document.getElementById('chart-routes'), {
      tooltip: { trigger: 'item', formatter: p => p.value[2] }, legend: { top: 0, type: 'scroll' }, grid: { left: 60, right: 16, top: 40, bottom: 40 },
      xAxis: { type: 'value', name: 'lon', scale: true }, yAxis: { type: 'value', name: 'lat', scale: true }, series
    });
    table(document.getElementById('route-table'), [{ key: 'vehicle', label: t('vehicle'), num: true }, { key: 'order', label: '#', num: true }, { key: 'stop', label: t('stop') },
      { key: 'demand', label: t('demand'), num: true }, { key: 'start', label: t('serviceStart'), num: true, fmt: v => (v == null ? '–' : num(v, 0) + ' min') }, { key: 'load', label: t('routeLoad'), num: true }], rows);
  }

  // --- Models and sources ----------------------------------------------------------------------------
  page('models', async main => {
    main.innerHTML = `<h1>${esc(t('page.models'))}</h1><div class="grid"><section class="card"><h2>${esc(t('modelVersions'))}</h2><div id="models" class="scroll"></div></section>
      <section class="card"><h2>${esc(t('sources'))}</h2><div id="sources" class="scroll"></div></section></div>`;
    const [models, sources] = await Promise.all([get('/v1/admin/models').catch(e => ({ unavailable: e.message })), get('/v1/admin/sources').catch(e => ({ unavailable: e.message }))]);
    const m = document.getElementById('models');
    if (models.unavailable) m.innerHTML = `<p class="muted">${esc(t('notAvailable'))}: ${esc(models.unavailable)}</p>`;
    else {
      const rows = (models.models || []).flatMap(x => (x.versions || []).map(v => Object.assign({}, v, { task: x.task, live: v.version === x.live, provenance: undefined })));
      table(m, [{ key: 'task', label: t('task') }, { key: 'version', label: t('version') }, { key: 'live', label: t('live'), fmt: v => (v ? '●' : '') },
        { key: 'gate', label: t('gate'), fmt: v => (v && typeof v === 'object' ? (v.passed ? '✓ ' : '✗ ') + v.metric + ' ' + num(v.candidate, 3) + ' vs ' + num(v.live, 3) : '') },
        { key: 'algorithm', label: t('algorithm') },
        { key: 'metrics', label: t('metrics'), fmt: v => Object.entries(v || {}).map(([k, x]) => k + '=' + (typeof x === 'number' ? num(x, 3) : x)).join(' ') },
        { key: 'trainedAt', label: t('trainedAt'), fmt: v => time(v) },
        { key: 'rollback', label: '', html: r => (r.live ? '' : `<button type="button" data-task="${esc(r.task)}" data-version="${esc(r.version)}" class="rollback">${esc(t('rollback'))}</button>`) }], rows);
      m.querySelectorAll('button.rollback').forEach(b => b.addEventListener('click', async () => {
        if (!confirm(t('confirmRollback', { task: b.dataset.task, version: b.dataset.version }))) return;
        try { await api('POST', '/v1/admin/models/' + encodeURIComponent(b.dataset.task) + '/rollback', { version: b.dataset.version }); Q.route(); } catch (e) { alert(e.message); }
      }));
    }
    const s = document.getElementById('sources');
    if (sources.unavailable) s.innerHTML = `<p class="muted">${esc(t('notAvailable'))}: ${esc(sources.unavailable)}</p>`;
    else {
      s.innerHTML = `<form class="row" id="source-form"><label>${esc(t('name'))}<input id="src-name" required value="POS Shanghai"></label>
        <label>${esc(t('channel'))}<input id="src-channel" required pattern="[a-z][a-z0-9_\\-]*" value="store" size="8"></label>
        <button class="primary" type="submit">${esc(t('createSource'))}</button></form><p id="source-key" role="status"></p><div id="source-table"></div>`;
      const showKey = k => { document.getElementById('source-key').innerHTML = `${esc(t('newWriteKey'))} <b>${esc(k.sourceId)}</b>: <code>${esc(k.writeKey)}</code>`; };
      const act = async (path, body) => { try { return await api('POST', path, body); } catch (e) { document.getElementById('source-key').textContent = e.message; return null; } };
      const draw = async () => {
        const fresh = await get('/v1/admin/sources');
        table(document.getElementById('source-table'), [{ key: 'sourceId', label: t('source') }, { key: 'name', label: t('name') }, { key: 'channel', label: t('channel') },
          { key: 'keyId', label: t('keyId') }, { key: 'disabled', label: t('status'), fmt: v => (v ? t('disabled') : t('enabled')) }, { key: 'createdAt', label: t('created'), fmt: v => time(v) },
          { key: 'actions', label: '', html: r => (r.disabled ? '' : `<button type="button" class="rotate" data-id="${esc(r.sourceId)}">${esc(t('rotate'))}</button> <button type="button" class="disable" data-id="${esc(r.sourceId)}">${esc(t('disable'))}</button>`) }],
        fresh.sources || []);
        document.querySelectorAll('#source-table button.rotate').forEach(b => b.addEventListener('click', async () => { const k = await act('/v1/admin/sources/' + encodeURIComponent(b.dataset.id) + '/rotate'); if (k) { await draw(); showKey(k); } }));
        document.querySelectorAll('#source-table button.disable').forEach(b => b.addEventListener('click', async () => { if (confirm(t('confirmDisable', { id: b.dataset.id })) && await act('/v1/admin/sources/' + encodeURIComponent(b.dataset.id) + '/disable')) await draw(); }));
      };
      document.getElementById('source-form').addEventListener('submit', async e => {
        e.preventDefault();
        const k = await act('/v1/admin/sources', { name: document.getElementById('src-name').value.trim(), channel: document.getElementById('src-channel').value.trim() });
        if (k) { await draw(); showKey(k); }
      });
      await draw();
    }
  });
})();
