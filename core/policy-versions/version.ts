/**
 * The SLA policy as a versioned document of the platform (issue 25): every published policy is
 * an immutable version with who, when and why; the highest version is the one in force. Rolling
 * back publishes an earlier version's document again, as a new version.
 */
import type { Instant } from '../cases/case.ts';

/** Where a version's document came from. */
export type PolicyOrigin = 'default' | 'file' | 'console' | 'rollback';

/** What a publish does to the steps already open: keep their deadlines (the spec's rule) or recompute them. */
export type OpenStepsMode = 'keep' | 'recompute';

export interface PolicyVersion {
  /** 1, 2, …: the highest is in force. */
  version: number;
  /** The policy document (policy/schema.ts), as validated. */
  document: Record<string, unknown>;
  /** Staff user name, or `system` for a seed. */
  author: string;
  createdAt: Instant;
  reason: string;
  source: PolicyOrigin;
  /** A rollback's version, or the version a console edit started from. */
  basedOn?: number;
  openSteps: OpenStepsMode;
  /** sha256 of the canonical document: a file imported at start is stored once. */
  hash: string;
}

export type PolicyVersionSummary = Omit<PolicyVersion, 'document'>;

export type NewPolicyVersion = Omit<PolicyVersion, 'version'>;

/** Where the versions live (adapters/policy-store: the case table on both homes). */
export interface PolicyVersionStore {
  /** The version in force, without its document; undefined before the first. Cheap: read by every handler each minute. */
  currentVersion(): Promise<number | undefined>;
  /** Throws `PolicyVersionNotFound`. */
  get(version: number): Promise<PolicyVersion>;
  /** Newest first. */
  list(): Promise<PolicyVersionSummary[]>;
  /** Stores `next` as version `expected + 1` (1 when `expected` is undefined); throws `PolicyVersionConflict` when another publish came first. */
  append(expected: number | undefined, next: NewPolicyVersion): Promise<PolicyVersion>;
}

export class PolicyVersionNotFound extends Error {
  override readonly name = 'PolicyVersionNotFound';
  readonly status = 404;
  constructor(readonly version: number) {
    super(`policy version ${version} does not exist`);
  }
}

export class PolicyVersionConflict extends Error {
  override readonly name = 'PolicyVersionConflict';
  readonly status = 409;
  constructor(readonly version: number) {
    super(`policy version ${version} was published meanwhile; reload and try again`);
  }
}
