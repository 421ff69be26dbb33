// Sends events with Segment's official Node.js SDK (@segment/analytics-node, from infra/node_modules)
// to a Quanyu ingest endpoint, exactly as a brand's existing back end would.
// Usage: node segment-client.js <host> <writeKey> <runId>
'use strict';
const { Analytics } = require('@segment/analytics-node');

const [host, writeKey, run] = process.argv.slice(2);
if (!host || !writeKey || !run) {
  console.error('usage: node segment-client.js <host> <writeKey> <runId>');
  process.exit(2);
}

const analytics = new Analytics({ writeKey, host, flushAt: 3, flushInterval: 200, maxRetries: 5 });
const errors = [];
analytics.on('error', (err) => errors.push(String(err && (err.reason || err.message || err))));

const anonymousId = `node-anon-${run}`;
const userId = `node-user-${run}`;

analytics.page({ anonymousId, name: 'Home', properties: { path: '/' }, context: { sessionId: `node-s-${run}` } });
analytics.track({ anonymousId, event: 'Product Added', properties: { sku: 'TEA-OOLONG-250', price: 128, quantity: 1 },
  context: { sessionId: `node-s-${run}` } });
analytics.identify({ anonymousId, userId, traits: { email: `Node.${run}@Example.com`, name: '李雷', plan: 'vip' } });
analytics.track({ userId, event: 'Order Completed', context: { sessionId: `node-s-${run}` },
  properties: { order_id: `node-order-${run}`, total: 256, currency: 'CNY',
    products: [{ sku: 'TEA-OOLONG-250', name: 'Tieguanyin oolong 250g', quantity: 2, price: 128 }] } });
analytics.screen({ userId, name: '订单详情' });

analytics.closeAndFlush({ timeout: 20000 }).then(() => {
  console.log(JSON.stringify({ sent: 5, errors }));
  process.exit(errors.length === 0 ? 0 : 1);
}).catch((err) => {
  console.log(JSON.stringify({ sent: 0, errors: [...errors, String(err)] }));
  process.exit(1);
});
