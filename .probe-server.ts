import { createServer } from 'node:http';
import { systemClock } from './core/time/clock.ts';
import { createEmbeddedDynamoDb } from './local/dynamodb/embedded/embedded-dynamodb.ts';
const store = createEmbeddedDynamoDb({ data: ':memory:', clock: systemClock });
createServer(store.listener).listen(18766, '127.0.0.1', () => console.log('up'));
