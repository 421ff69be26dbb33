// Checks Quanyu's LINE webhook route against the LINE bot SDK's own signature check
// (@line/bot-sdk validateSignature): a body the SDK deems correctly signed must be accepted, one it
// rejects must be refused. Prints {"signedStatus": s, "forgedStatus": f, "sdkAccepts": b, "sdkRejectsForged": b}.
// Usage: node line-webhook.js <url> <channelSecret>
'use strict';
const crypto = require('crypto');
const { validateSignature } = require('@line/bot-sdk');

const [url, channelSecret] = process.argv.slice(2);
const run = Date.now().toString(36);
const body = JSON.stringify({
  destination: 'Uquanyu',
  events: [{
    type: 'message', mode: 'active', timestamp: Date.now(), webhookEventId: `01H${run}`,
    deliveryContext: { isRedelivery: false },
    source: { type: 'user', userId: `U${run}` },
    replyToken: `rt-${run}`,
    message: { id: `m-${run}`, type: 'text', text: '你好，我想看看乌龙茶' },
  }],
});
// Signed as the LINE platform signs: HMAC-SHA256 of the exact body bytes, base64.
const signature = crypto.createHmac('SHA256', channelSecret).update(body).digest('base64');
const forged = crypto.createHmac('SHA256', channelSecret + 'x').update(body).digest('base64');

async function post(sig) {
  const response = await fetch(url, { method: 'POST', body,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-line-signature': sig } });
  return response.status;
}

(async () => {
  const result = {
    sdkAccepts: validateSignature(body, channelSecret, signature),
    sdkRejectsForged: !validateSignature(body, channelSecret, forged),
    signedStatus: await post(signature),
    forgedStatus: await post(forged),
  };
  console.log(JSON.stringify(result));
})().catch((err) => { console.log(JSON.stringify({ error: String(err) })); process.exit(1); });
