/**
 * The policy a function runs on, kept per version (issue 25): compiled once per version and
 * checked against the store at most once per `checkEveryMs` of the injected clock, so a publish
 * reaches every handler on both homes within that time without a restart. Until the store holds a
 * version (a fresh platform), the configured file's policy applies.
 */
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import type { PolicyVersion, PolicyVersionStore } from '../../core/policy-versions/version.ts';
import type { Clock } from '../../core/time/clock.ts';
import { compilePolicy } from '../../policy/compile.ts';
import { parsePolicy } from '../../policy/load.ts';
import type { PolicyDocument } from '../../policy/schema.ts';
import type { Log } from './logger.ts';

/** How often a handler asks the store which version is in force: a publish applies within this. */
export const POLICY_CHECK_MS = 30_000;

export class PolicyCache {
  private compiled: CompiledPolicy;
  private parsed: PolicyDocument | undefined;
  private loaded: number | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private inflight: Promise<void> | undefined;
  private readonly listeners: ((version: PolicyVersion) => void)[] = [];

  constructor(
    private readonly store: PolicyVersionStore,
    private readonly clock: Clock,
    fallback: CompiledPolicy,
    private readonly log: Pick<Log, 'warn'>,
    private readonly checkEveryMs = POLICY_CHECK_MS,
  ) {
    this.compiled = fallback;
  }

  /** The compiled policy of the version last seen (or the file's, before any). */
  get policy(): CompiledPolicy {
    return this.compiled;
  }

  /** The document of the version last seen (its case rules and connectors, which the compiled policy lacks); undefined while it is the file's. */
  get document(): PolicyDocument | undefined {
    return this.parsed;
  }

  /** The version `policy` is, undefined while it is the file's. */
  get version(): number | undefined {
    return this.loaded;
  }

  /** Called with each version this cache loads (the local runtime mirrors it into its data directory). */
  onLoad(listener: (version: PolicyVersion) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Reads the version in force when the last check is `checkEveryMs` old (or `force`), and
   * compiles it when it changed. A store that cannot be read keeps the policy in hand (logged).
   */
  refresh(force = false): Promise<void> {
    if (!force && this.clock.now() - this.checkedAt < this.checkEveryMs) return Promise.resolve();
    this.inflight ??= this.check().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async check(): Promise<void> {
    const checkedAt = this.clock.now();
    try {
      const current = await this.store.currentVersion();
      if (current !== undefined && current !== this.loaded) {
        const version = await this.store.get(current);
        const document = parsePolicy(version.document, `version ${current}`);
        this.compiled = compilePolicy(document);
        this.parsed = document;
        this.loaded = current;
        for (const listener of this.listeners) listener(version);
      }
      this.checkedAt = checkedAt;
    } catch (error) {
      this.log.warn('policy version check failed; keeping the policy in hand', { error: error instanceof Error ? error.message : String(error), version: this.loaded });
    }
  }
}
