/**
 * Idempotency of webhook deliveries on the event id (architecture.md: at-least-once everywhere).
 * A delivery first claims the id (a conditional put of an `in-progress` record with a lease);
 * when it has answered, the record becomes `completed` with the answer, which every redelivery
 * replays unchanged. A claim whose lease ran out (the Lambda died mid-way) may be taken over; the
 * effects are safe to run again (deterministic case ids, conditional writes). Leases are on the
 * real clock; a lease that ends more than a whole lease beyond a new claim's horizon was written
 * before the clock went back and is taken over too (else it would answer 503 for as long as the rewind).
 *
 * An event acknowledged once stored (`order.placed`, README.md "Queued events") skips the
 * `in-progress` stage: one conditional put writes it `queued` with its answer, known before the
 * work is done; the queue's consumer marks it `completed` once applied.
 *
 * Each record keeps a hash of the payload (as Powertools Idempotency's payload validation does):
 * the same id with a different body is not a redelivery but a reused id (api.md: 409 `EventIdReused`).
 */

export interface StoredResponse {
  statusCode: number;
  body: string;
}

export type Claim =
  /** This delivery holds the id: run the effects, then `complete` or `release` (after `accept`: the event is recorded as queued). */
  | { kind: 'claimed' }
  /** A previous delivery answered; replay its answer. */
  | { kind: 'completed'; response: StoredResponse }
  /** A previous delivery was acknowledged and queued, perhaps not applied yet: replay its answer and send it again. */
  | { kind: 'queued'; response: StoredResponse }
  /** Another delivery of the same payload holds an unexpired lease. */
  | { kind: 'in-progress' }
  /** The id is held or was answered for a different payload. */
  | { kind: 'reused' };

export interface IdempotencyStore {
  /** Claims `key` for the payload hashed `payloadHash` at `now` (epoch ms) until `leaseUntil`. */
  claim(key: string, payloadHash: string, now: number, leaseUntil: number): Promise<Claim>;
  /**
   * Records `key` as `queued` with its answer in one write, under the same conditions as `claim`
   * (`now`, epoch ms, decides whether an abandoned claim may be taken over); expires at `expiresAt`
   * (epoch ms). `claimed` means this delivery wrote it and must now queue the event.
   */
  accept(key: string, payloadHash: string, response: StoredResponse, now: number, expiresAt: number): Promise<Claim>;
  /** Stores the answer; the record expires (TTL) at `expiresAt` (epoch ms). */
  complete(key: string, payloadHash: string, response: StoredResponse, expiresAt: number): Promise<void>;
  /** Gives up the claim without an answer (the request failed or was refused): nothing remains written. */
  release(key: string): Promise<void>;
}
