import { signStorefrontPayload, SIGNATURE_HEADER } from '../../core/storefront/signature.ts';
import type { Runtime } from './runtime.ts';

/** `'/data/it'\''s here'`: a path as one shell word. */
export function shellQuote(path: string): string {
  return `'${path.replace(/'/g, `'\\''`)}'`;
}

/**
 * What `npm start` prints once ready: where things are and a first request to paste. `now` is the
 * platform's clock (the order's times); `realNow` the system clock, which the webhook's signature
 * is checked against even in a `--time` rehearsal (the transport clock).
 */
export function startupBanner(runtime: Runtime, dataDir: string, startMs: number, now: number, realNow: number = now): string {
  const body = JSON.stringify({
    id: `evt-${now}`,
    type: 'order.placed',
    occurredAt: new Date(now).toISOString(),
    data: {
      orderId: `SO-${now}`,
      placedAt: new Date(now).toISOString(),
      paid: true,
      customer: { name: '张三', phone: '13800000000' },
      address: '上海市浦东新区世纪大道 100 号',
      items: [{ sku: 'PHONE-128G', name: 'Phone 128G', qty: 1, price: 3999 }],
      paymentChannel: 'alipay',
    },
  });
  const timestamp = Math.floor(realNow / 1000);
  // Shell-quoted: the token, the secret and the accounts must come from this data directory, or the API refuses them.
  const quoted = shellQuote(dataDir);
  const signature = signStorefrontPayload({ secret: runtime.webhookSecret, timestamp, body });
  return `
SLA workflow platform is running (ready in ${(startMs / 1000).toFixed(1)} s)

  Staff console     ${runtime.apiUrl}/console/
  HTTP API          ${runtime.apiUrl}        (OpenAPI: ${runtime.apiUrl}/openapi.json)
  AWS emulators     ${runtime.edgeUrl}        (DynamoDB, Step Functions, Lambda, EventBridge, Scheduler, SQS; SigV4 with this data directory's key)
  data directory    ${dataDir}

The AWS CLI or an SDK on the emulators (the key, region and endpoint as environment variables):

  eval "$(npm run -s aws-credentials -- --data ${quoted})"
  aws dynamodb list-tables

A signed storefront webhook (valid for 5 minutes; the secret: npm run -s webhook-secret -- --data ${quoted}):

  curl -sS -X POST ${runtime.apiUrl}/webhooks/storefront \\
    -H 'content-type: application/json' \\
    -H '${SIGNATURE_HEADER}: ${signature}' \\
    --data '${body}'

Create the first account (prints its generated password), then sign in at ${runtime.apiUrl}/console/ or:

  npm run -s user -- add alice --roles ops-cs,supervisor --data ${quoted}
  curl -sS -X POST ${runtime.apiUrl}/auth/login -H 'content-type: application/json' \\
    --data '{"user": "alice", "password": "<the printed password>"}'

Or a staff token without an account, then your queue:

  TOKEN=$(npm run -s token -- --data ${quoted} --user alice --roles ops-cs)
  curl -sS ${runtime.apiUrl}/queue -H "authorization: Bearer $TOKEN"

Ctrl-C stops; npm start again resumes everything.
`;
}
