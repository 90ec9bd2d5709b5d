/**
 * TransactWriteItems and TransactGetItems (API Reference). A write transaction checks every
 * action's condition against the items as they are, and writes all or nothing: a failed check, or
 * an action's own validation error (its key against the key schema, an update past 400 KB),
 * cancels it with one reason per action, in order (`None` for the actions that would have run). A repeated ClientRequestToken with the same
 * request within 10 minutes succeeds again without writing (idempotency).
 */
import { createHash } from 'node:crypto';
import { isRecord, type AttributeMap } from '../attribute-value.ts';
import { ActionValidationError, DynamoDbApiError, TransactionCanceledException, ValidationException, type CancellationReason } from '../errors.ts';
import { project } from '../expressions/document-path.ts';
import type { StoredTable } from '../item-store.ts';
import { checkKey, storedKey, type StoredKey } from '../table-schema.ts';
import type { StoreContext } from './context.ts';
import { existingTable, readExpressions, requiredMap, tableName, type Body } from './request.ts';
import { conditionHolds, currentItem, prepareConditionCheck, prepareDelete, preparePut, prepareUpdate, store, type PreparedWrite } from './writes.ts';

const MAX_ACTIONS = 100;
const TOKEN_LIFETIME_MS = 10 * 60_000;

class IdempotentParameterMismatchException extends DynamoDbApiError {
  override readonly name = 'IdempotentParameterMismatchException';
}

/** ClientRequestToken → the request's digest and when it was first seen. */
export type TokenLedger = Map<string, { digest: string; at: number }>;

function actions(body: Body): Body[] {
  const items = body.TransactItems;
  if (!Array.isArray(items) || items.length === 0) throw new ValidationException("1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null");
  if (items.length > MAX_ACTIONS) throw new ValidationException(`1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to ${MAX_ACTIONS}`);
  return items as Body[];
}

function checkOneActionPerItem(targets: { table: StoredTable; key: StoredKey }[]): void {
  const keys = new Set(targets.map(({ table, key }) => `${table.id}\u0000${key.pk.toString('hex')}\u0000${key.sk.toString('hex')}`));
  if (keys.size !== targets.length) throw new ValidationException('Transaction request cannot include multiple operations on one item');
}

/** An action's validation error found while running it: its reason, the others' are None or their condition's. */
const validationReason = (error: ActionValidationError): CancellationReason => ({ Code: 'ValidationError', Message: error.reason });

export function transactWriteItems(ctx: StoreContext, tokens: TokenLedger, body: Body): object {
  // A key that does not fit the schema cancels the transaction (a reason for its action); any
  // other error of any action fails the whole request first, as DynamoDB checks those up front.
  const prepared = actions(body).map((action): PreparedWrite | ActionValidationError => {
    const kinds = ['ConditionCheck', 'Put', 'Update', 'Delete'].filter((k) => isRecord(action[k]));
    if (kinds.length !== 1) throw new ValidationException('TransactItems can only contain one of Check, Put, Update or Delete');
    const request = action[kinds[0] as string] as Body;
    try {
      if (kinds[0] === 'Put') return preparePut(ctx.store, request);
      if (kinds[0] === 'Update') return prepareUpdate(ctx.store, request);
      if (kinds[0] === 'Delete') return prepareDelete(ctx.store, request);
      return prepareConditionCheck(ctx.store, request);
    } catch (error) {
      if (error instanceof ActionValidationError) return error;
      throw error;
    }
  });
  const writes = prepared.filter((p): p is PreparedWrite => !(p instanceof ActionValidationError));
  checkOneActionPerItem(writes.map((w) => ({ table: w.table, key: storedKey(w.table.definition, w.key) })));

  const token = typeof body.ClientRequestToken === 'string' ? body.ClientRequestToken : undefined;
  let digest: string | undefined;
  if (token !== undefined) {
    const now = ctx.clock.now();
    // Tokens are added once each, as the clock reads: oldest first, so the expired ones lead the
    // map. Stop at the first live one — scanning the whole ledger on every transaction (the SDK
    // sends a token with each) grew with 10 minutes of traffic (bench:ingest's profile, issue 27).
    for (const [t, seen] of tokens) {
      if (now - seen.at <= TOKEN_LIFETIME_MS) break;
      tokens.delete(t);
    }
    digest = createHash('sha256').update(JSON.stringify(body.TransactItems)).digest('hex');
    const seen = tokens.get(token);
    if (seen && seen.digest !== digest) throw new IdempotentParameterMismatchException('The request uses the same client token as a previous, but non-identical request.');
    if (seen) return {};
  }

  const olds = prepared.map((p) => (p instanceof ActionValidationError ? undefined : currentItem(ctx.store, p)));
  const nexts: (AttributeMap | undefined)[] = [];
  // An action whose condition holds is applied (in memory) at once: an update grown past 400 KB
  // is that action's ValidationError; any other invalid update fails the request as a whole.
  const reasons: CancellationReason[] = prepared.map((write, i) => {
    if (write instanceof ActionValidationError) return validationReason(write);
    const old = olds[i];
    if (conditionHolds(write, old)) {
      try {
        nexts[i] = write.next(old);
      } catch (error) {
        if (error instanceof ActionValidationError) return validationReason(error);
        throw error;
      }
      return { Code: 'None' };
    }
    // DynamoDB words a failed ConditionCheck with a full stop and the other actions without one.
    const message = write.kind === 'ConditionCheck' ? 'The conditional request failed.' : 'The conditional request failed';
    return { Code: 'ConditionalCheckFailed', Message: message, ...(write.returnOldOnFailure && old ? { Item: old } : {}) };
  });
  if (reasons.some((r) => r.Code !== 'None')) throw new TransactionCanceledException(reasons);
  prepared.forEach((write, i) => {
    if (!(write instanceof ActionValidationError)) store(ctx.store, write, olds[i], nexts[i]);
  });
  if (token !== undefined && digest !== undefined) tokens.set(token, { digest, at: ctx.clock.now() });
  return {};
}

export function transactGetItems(ctx: StoreContext, body: Body): object {
  const gets = actions(body).map((action) => {
    if (!isRecord(action.Get)) throw new ValidationException('TransactItems can only contain Get');
    const request = action.Get as Body;
    const table = existingTable(ctx.store, tableName(request));
    const key = requiredMap(request, 'Key');
    checkKey(table.definition, key);
    const { projection } = readExpressions(request, ['ProjectionExpression']);
    return { table, key: storedKey(table.definition, key), projection };
  });
  checkOneActionPerItem(gets);
  return {
    Responses: gets.map(({ table, key, projection }) => {
      const item: AttributeMap | undefined = ctx.store.get(table, key);
      return item ? { Item: projection ? project(item, projection) : item } : {};
    }),
  };
}
