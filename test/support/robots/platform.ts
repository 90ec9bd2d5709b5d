/** What a fake robot's platform rules see of a request, and what they answer. */

export interface RobotRequest {
  /** Path and query as received. */
  url: URL;
  /** The raw body text. */
  raw: string;
  /** The parsed JSON body; undefined when it is not JSON. */
  json: Record<string, unknown> | undefined;
  /** Real epoch ms: signatures are checked against the robot's own (real) clock, as the platforms do. */
  realNow: number;
}

export interface RobotSettings {
  /** The robot's access token / key in its URL. */
  token: string;
  /** Signed mode: the robot's secret. */
  secret?: string;
  /** Keyword mode: a message must contain this word. */
  keyword?: string;
}

export interface Answer {
  status: number;
  body: string | Record<string, unknown>;
  headers?: Record<string, string>;
}

/** A message the robot took: what it posts in the group, as a person reads it. */
export interface Delivered {
  /** Epoch ms on the robot's pacing clock (the platform's clock in tests). */
  at: number;
  /** Title (if the platform shows one apart) and text, joined by a newline. */
  text: string;
  body: Record<string, unknown>;
}

export interface PlatformRules {
  /** The webhook path (with query) for a token. */
  path(token: string): string;
  /**
   * Checks a request against the platform's documented rules (authentication, body schema,
   * keyword). An Answer refuses it; a string is the accepted message's readable text.
   */
  check(request: RobotRequest, settings: RobotSettings): Answer | string;
  /** Messages per window before the platform's rate-limit answer. */
  rateLimit: { max: number; windowMs: number; answer: Answer; /** Once exceeded, the robot refuses everything this long (DingTalk: 10 minutes). */ blockMs?: number }[];
  ok: Answer;
}

/** Within one hour of the robot's clock: both DingTalk and Feishu reject older or future timestamps. */
export const SIGNATURE_WINDOW_MS = 3_600_000;

export const textOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
