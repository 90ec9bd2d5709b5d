/**
 * The policy's `connectors` section (issue 24): which platform shops may push orders to
 * `POST /connectors/<platform>/<shopId>`, each with its own secrets given by reference (as the
 * alarm channels' are: an environment variable's name, or a Secrets Manager secret), never by value.
 */
import { z } from 'zod';

export const CONNECTOR_PLATFORMS = ['shopify', 'youzan', 'douyin', 'wechat-shop', 'tmc'] as const;
export type ConnectorPlatform = (typeof CONNECTOR_PLATFORMS)[number];

/** The secrets each platform signs with (named as the platform's console names them). */
export const REQUIRED_SECRETS: Record<ConnectorPlatform, readonly string[]> = {
  shopify: ['clientSecret'],
  youzan: ['clientSecret'],
  douyin: ['appSecret', 'accessToken'],
  'wechat-shop': ['token', 'encodingAesKey', 'accessToken'],
  tmc: ['appSecret'],
};

/** The public id the platform signs with beside the secret (Youzan client_id, Douyin/TOP app_key, WeChat appid). */
export const REQUIRED_APP_ID: Record<ConnectorPlatform, boolean> = { shopify: false, youzan: true, douyin: true, 'wechat-shop': true, tmc: true };

const secretRef = z.union(
  [
    z.strictObject({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name') }),
    z.strictObject({ secretsManager: z.string().min(1, 'expected a Secrets Manager secret name or ARN') }),
  ],
  { error: () => 'expected {"env": "<VARIABLE>"} or {"secretsManager": "<secret name or ARN>"}: a secret by reference, never its value' },
);

const connector = z
  .strictObject({
    platform: z.enum(CONNECTOR_PLATFORMS, { error: `expected one of: ${CONNECTOR_PLATFORMS.join(', ')}` }),
    /** The path segment of the shop's route: `/connectors/<platform>/<shopId>`. */
    shopId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected 1–64 letters, digits, ".", "_" or "-" (it is a URL path segment)'),
    /** Shown to staff beside the platform's name, e.g. "天猫旗舰店". */
    label: z.string().min(1).optional(),
    appId: z.string().min(1).optional(),
    secrets: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'expected a secret name such as "clientSecret"'), secretRef),
    /** The platform's open API (order details, TMC): its production URL by default; a fake in tests. */
    apiBase: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
    /** How the shop's customers pay when the push does not say (refund-arrival clocks, service-standards.md §6). */
    paymentChannel: z.enum(['alipay', 'bank-card', 'boc'], { error: 'expected alipay, bank-card or boc' }).default('alipay'),
  })
  .superRefine((c, ctx) => {
    for (const name of REQUIRED_SECRETS[c.platform]) {
      if (!Object.hasOwn(c.secrets, name)) ctx.addIssue({ code: 'custom', path: ['secrets', name], message: `${c.platform} needs the secret "${name}"` });
    }
    if (REQUIRED_APP_ID[c.platform] && c.appId === undefined) ctx.addIssue({ code: 'custom', path: ['appId'], message: `${c.platform} needs its app id (the public half of the signing pair)` });
  });

export const connectorsSchema = z.array(connector).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((c, i) => {
    const key = `${c.platform}/${c.shopId}`;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'shopId'], message: `${key} is configured twice` });
    seen.add(key);
  });
});

export type ConnectorConfig = z.output<typeof connector>;
