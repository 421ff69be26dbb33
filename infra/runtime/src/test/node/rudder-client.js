// Sends events with RudderStack's Node.js SDK (@rudderstack/rudder-sdk-node 3.x, from infra/node_modules)
// with its DEFAULTS (gzip bodies, axios' form content type, its own retry policy) to a Quanyu ingest
// endpoint, as a brand's back end would. Prints {"sent": n, "errors": [...]}.
// Usage: node rudder-client.js <host> <writeKey> <runId> <events>
'use strict';
const Analytics = require('@rudderstack/rudder-sdk-node');

const [host, writeKey, run, count] = process.argv.slice(2);
if (!host || !writeKey || !run) {
  console.error('usage: node rudder-client.js <host> <writeKey> <runId> <events>');
  process.exit(2);
}
const events = Number(count || 45);
const errors = [];
// Only where to send and a quiet log: everything else is the SDK's default (gzip: true, flushAt: 20).
const client = new Analytics(writeKey, { dataPlaneUrl: host, logLevel: 'error',
  errorHandler: (err) => errors.push(String(err && (err.message || err))) });

const userId = `rudder-user-${run}`;
const anonymousId = `rudder-anon-${run}`;
// The SDK calls each message's callback once its batch was delivered (or finally failed).
let settled = 0;
const done = (err) => {
  if (err) errors.push(String(err.message || err));
  if (++settled === events) {
    console.log(JSON.stringify({ sent: events, settled, errors }));
    process.exit(errors.length === 0 ? 0 : 1);
  }
};
client.identify({ userId, anonymousId, traits: { email: `Rudder.${run}@Example.com`, name: 'Wang Fang' } }, done);
client.group({ userId, groupId: `rudder-group-${run}`, traits: { name: 'Tea Lovers Club', plan: 'enterprise' } }, done);
for (let i = 0; i < events - 2; i++) {
  if (i % 3 === 0) {
    client.page({ anonymousId, name: 'Catalogue', properties: { path: `/c/${i}` } }, done);
  } else {
    client.track({ userId, event: 'Product Viewed', properties: { sku: `TEA-${i}`, price: 12.5 } }, done);
  }
}
// Push the tail now instead of after the default 10 s flush interval; the SDK serialises flushes.
const pump = setInterval(() => client.flush(), 300);
setTimeout(() => {
  clearInterval(pump);
  console.log(JSON.stringify({ sent: events, settled, errors: [...errors, `only ${settled} of ${events} settled in 60 s`] }));
  process.exit(1);
}, 60000);
