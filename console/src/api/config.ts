/**
 * The console's runtime settings, read from `config.json` beside the page: written at deploy time
 * on AWS (API URL, Cognito managed-login domain and app client), served by `npm start` locally.
 * Nothing here is baked into the build, so one build serves every stage.
 */
export type AuthConfig = { kind: 'local' } | { kind: 'cognito'; domain: string; clientId: string; redirectUri?: string };

export interface ConsoleConfig {
  /** Base URL of the HTTP API; empty for the same origin (the local home). */
  apiUrl: string;
  auth: AuthConfig;
}

const LOCAL: ConsoleConfig = { apiUrl: '', auth: { kind: 'local' } };
let loaded: ConsoleConfig = LOCAL;

export async function loadConfig(): Promise<ConsoleConfig> {
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-cache' });
    if (response.ok) {
      const body = (await response.json()) as Partial<ConsoleConfig>;
      loaded = { apiUrl: (body.apiUrl ?? '').replace(/\/$/, ''), auth: body.auth ?? LOCAL.auth };
    }
  } catch {
    loaded = LOCAL;
  }
  return loaded;
}

export function config(): ConsoleConfig {
  return loaded;
}
