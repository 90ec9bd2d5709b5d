/** The policy's `notices` section (service-standards.md §12): the storefront's URL and secret, the shop, the templates. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../policy/compile.ts';
import { PolicyInvalid } from '../../policy/errors.ts';
import { DEFAULT_POLICY_PATH, parsePolicy } from '../../policy/load.ts';
import { DEFAULT_TEMPLATES } from '../../core/notices/templates.ts';

type Doc = Record<string, unknown>;
const withNotices = (notices: unknown): Doc => ({ ...(JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as Doc), notices });

function problems(notices: unknown): readonly string[] {
  try {
    parsePolicy(withNotices(notices), 'p.json');
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyInvalid);
    return (error as PolicyInvalid).problems;
  }
  throw new Error('accepted');
}

describe('the notices section', () => {
  it('defaults to the seed templates and 广西移动商城, with no URL: notices stay on the bus', () => {
    const notices = compilePolicy(parsePolicy(JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as Doc, 'p.json')).notices;
    expect(notices).toEqual({ shop: '广西移动商城', templates: DEFAULT_TEMPLATES });
  });

  it('takes a URL with its secret by reference and one template overridden, keeping the other defaults', () => {
    const doc = parsePolicy(withNotices({ url: 'https://shop.example.com/notices', secret: { secretsManager: 'shop/notices' }, templates: { 'refund-sent': '亲,已经退款,请留意查收。{shop}欢迎您!' } }), 'p.json');
    const notices = compilePolicy(doc).notices;
    expect(notices).toMatchObject({ url: 'https://shop.example.com/notices', secret: { secretsManager: 'shop/notices' } });
    expect(notices.templates['refund-sent']).toBe('亲,已经退款,请留意查收。{shop}欢迎您!');
    expect(notices.templates['ship-time']).toBe(DEFAULT_TEMPLATES['ship-time']);
  });

  it('refuses a URL without a secret, a secret written in the file, and a placeholder the kind does not fill, naming each field', () => {
    expect(problems({ url: 'https://shop.example.com/notices' })).toEqual([expect.stringMatching(/^notices\.secret: a notices\.url needs a signing secret/)]);
    expect(problems({ url: 'https://shop.example.com/notices', secret: 'whsec_plain' })).toEqual([expect.stringMatching(/^notices\.secret: expected \{"env"/)]);
    expect(problems({ templates: { 'refund-sent': '已经退款 {shipTime}' } })).toEqual(['notices.templates["refund-sent"]: unknown placeholder {shipTime} in the refund-sent template (known: {orderId}, {shop})']);
    expect(problems({ url: 'ftp://shop' , secret: { env: 'X' } })).toEqual([expect.stringMatching(/^notices\.url: expected an http:\/\/ or https:\/\/ URL/)]);
  });
});
