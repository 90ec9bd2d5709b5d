/**
 * Idempotency of webhook deliveries on the event id (architecture.md: at-least-once everywhere).
 * A delivery first claims the id (a conditional put of an `in-progress` record with a lease);
 * when it has answered, the record becomes `completed` with the answer, which every redelivery
 * replays unchanged. A claim whose lease ran out (the Lambda died mid-way) may be taken over; the
 * effects are safe to run again (deterministic case ids, conditional writes).
 */

export interface StoredResponse {
  statusCode: number;
  body: string;
}

export type Claim =
  /** This delivery holds the id: run the effects, then `complete` or `release`. */
  | { kind: 'claimed' }
  /** A previous delivery answered; replay its answer. */
  | { kind: 'completed'; response: StoredResponse }
  /** Another delivery holds an unexpired lease. */
  | { kind: 'in-progress' };

export interface IdempotencyStore {
  /** Claims `key` at `now` (epoch ms) until `leaseUntil`. */
  claim(key: string, now: number, leaseUntil: number): Promise<Claim>;
  /** Stores the answer; the record expires (TTL) at `expiresAt`. */
  complete(key: string, response: StoredResponse, expiresAt: number): Promise<void>;
  /** Gives up the claim without an answer (the request failed or was refused): nothing remains written. */
  release(key: string): Promise<void>;
}
