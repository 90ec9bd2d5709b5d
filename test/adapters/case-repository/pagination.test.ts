import { describe, expect, it } from 'vitest';
import { DynamoDbCaseRepository } from '../../../adapters/case-repository/dynamodb-case-repository.ts';
import { PAGE_TOKEN_LIFETIME_MS, PageTokens } from '../../../adapters/case-repository/pagination.ts';
import { VirtualClock } from '../../../core/time/clock.ts';
import { givenCase, reviewStep, useCaseRepository } from './fixture.ts';

const key = () => Promise.resolve('page-token-test-key');

describe('page tokens are signed, bound to their query and expire', () => {
  const { table } = useCaseRepository();
  const clock = new VirtualClock('2025-03-03T10:00:00+08:00');
  const repoWith = (tokens: PageTokens) => new DynamoDbCaseRepository({ client: table().client, tableName: table().tableName, pageTokens: tokens });

  async function firstPage(repo: DynamoDbCaseRepository): Promise<string> {
    for (let i = 0; i < 3; i++) await repo.openStep(reviewStep(await givenCase(repo), { due: `2025-03-03T1${i}:00:00+08:00` }));
    const page = await repo.listQueue('ops-cs', { limit: 1 });
    return page.nextToken as string;
  }

  it('pages with a token issued by another instance holding the same key', async () => {
    const token = await firstPage(repoWith(new PageTokens(key, clock)));
    const page = await repoWith(new PageTokens(key, clock)).listQueue('ops-cs', { limit: 1, nextToken: token });
    expect(page.items).toHaveLength(1);
  });

  it.each([
    ['{} in base64 (the old unsigned form)', () => 'e30'],
    ['its key values edited', (token: string) => {
      const [body, signature] = token.split('.') as [string, string];
      const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { k: Record<string, string> };
      payload.k.pk = 'CASE#someone-else';
      return `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
    }],
    ['its signature edited', (token: string) => `${token.slice(0, -4)}AAAA`],
    ['a third part', (token: string) => `${token}.x`],
  ])('refuses a token with %s: 400 InvalidPageToken', async (_label, forge) => {
    const repo = repoWith(new PageTokens(key, clock));
    const token = await firstPage(repo);
    await expect(repo.listQueue('ops-cs', { nextToken: forge(token) })).rejects.toMatchObject({ name: 'InvalidPageToken', status: 400, message: 'nextToken: not a token this API returned' });
  });

  it('refuses a token signed with another key', async () => {
    const token = await firstPage(repoWith(new PageTokens(() => Promise.resolve('another key'), clock)));
    await expect(repoWith(new PageTokens(key, clock)).listQueue('ops-cs', { nextToken: token })).rejects.toMatchObject({ name: 'InvalidPageToken' });
  });

  it('refuses a token of another query, which DynamoDB would fail on', async () => {
    const repo = repoWith(new PageTokens(key, clock));
    const token = await firstPage(repo);
    await expect(repo.listQueue('terminal-admin', { nextToken: token })).rejects.toMatchObject({ name: 'InvalidPageToken', message: 'nextToken: belongs to another query; start again without it' });
  });

  it('refuses a token once it has expired', async () => {
    const clockOfItsOwn = new VirtualClock('2025-03-03T10:00:00+08:00');
    const repo = repoWith(new PageTokens(key, clockOfItsOwn));
    const token = await firstPage(repo);
    await clockOfItsOwn.advance(PAGE_TOKEN_LIFETIME_MS);
    await expect(repo.listQueue('ops-cs', { nextToken: token })).rejects.toMatchObject({ name: 'InvalidPageToken', message: 'nextToken: has expired; start again without it' });
  });
});
