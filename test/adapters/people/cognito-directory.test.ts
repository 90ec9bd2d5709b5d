/**
 * On AWS the people are the staff user pool's users and groups (issue 23). The Cognito API is faked
 * over HTTP by its documented JSON protocol (X-Amz-Target `AWSCognitoIdentityProviderService.<Op>`;
 * ListUsers pages with `PaginationToken`, ListUsersInGroup with `NextToken`; an unknown group is a
 * 400 `ResourceNotFoundException`), and the real SDK client talks to it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoPeopleDirectory } from '../../../adapters/people/cognito-directory.ts';

const POOL = 'ap-east-1_pool';
const users = [
  { Username: 'li.na', Enabled: true, Attributes: [{ Name: 'name', Value: '李娜' }] },
  { Username: 'wang.wei', Enabled: false, Attributes: [] },
  { Username: 'boss', Enabled: true, Attributes: [{ Name: 'email', Value: 'boss@example.com' }] },
];
const groups: Record<string, string[]> = { 'ops-cs': ['li.na', 'wang.wei', 'boss'], supervisor: ['boss'] };
const calls: string[] = [];
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      const op = String(req.headers['x-amz-target']).split('.')[1] ?? '';
      const body = JSON.parse(text) as { UserPoolId: string; GroupName?: string; PaginationToken?: string; NextToken?: string };
      calls.push(`${op}${body.GroupName ? ` ${body.GroupName}` : ''}${body.PaginationToken ?? body.NextToken ? ' (page 2)' : ''}`);
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      if (body.UserPoolId !== POOL) return void res.writeHead(400).end(JSON.stringify({ __type: 'ResourceNotFoundException', message: 'User pool does not exist.' }));
      if (op === 'ListUsers') {
        // Two pages: the second behind a token.
        const page = body.PaginationToken === undefined ? { Users: users.slice(0, 2), PaginationToken: 't2' } : { Users: users.slice(2) };
        return void res.end(JSON.stringify(page));
      }
      if (op === 'ListUsersInGroup') {
        const members = groups[body.GroupName ?? ''];
        if (!members) return void res.writeHead(400).end(JSON.stringify({ __type: 'ResourceNotFoundException', message: 'Group not found.' }));
        return void res.end(JSON.stringify({ Users: users.filter((u) => members.includes(u.Username)) }));
      }
      res.writeHead(400).end(JSON.stringify({ __type: 'InvalidParameterException', message: op }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('CognitoPeopleDirectory', () => {
  it('lists every user (all pages) with the name attribute, Enabled as active, and their role groups; a role without a group is skipped', async () => {
    const client = new CognitoIdentityProviderClient({ endpoint, region: 'ap-east-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' } });
    let now = 0;
    const directory = new CognitoPeopleDirectory({ client, userPoolId: POOL, roles: ['ops-cs', 'supervisor', 'picker'], now: () => now });
    const people = await directory.list();
    expect(people).toEqual([
      { id: 'li.na', name: '李娜', roles: ['ops-cs'], active: true },
      { id: 'wang.wei', name: 'wang.wei', roles: ['ops-cs'], active: false },
      { id: 'boss', name: 'boss', roles: ['ops-cs', 'supervisor'], active: true },
    ]);
    expect(calls).toEqual(['ListUsers', 'ListUsers (page 2)', 'ListUsersInGroup ops-cs', 'ListUsersInGroup supervisor', 'ListUsersInGroup picker']);
    // Kept a minute: a second read within it asks Cognito nothing.
    now = 59_000;
    await directory.list();
    expect(calls).toHaveLength(5);
    now = 61_000;
    await directory.list();
    expect(calls).toHaveLength(10);
  });
});
