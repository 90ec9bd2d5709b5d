/** The embedded store alone in a child process on a free port, for the kill -9 test: prints `port <n>` once listening. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../../../../core/time/clock.ts';
import { createEmbeddedDynamoDb } from '../../../../local/dynamodb/embedded/embedded-dynamodb.ts';

const store = createEmbeddedDynamoDb({ data: process.argv[2] as string, clock: systemClock });
const server = createServer(store.listener);
server.listen(0, '127.0.0.1', () => process.stdout.write(`port ${(server.address() as AddressInfo).port}\n`));
