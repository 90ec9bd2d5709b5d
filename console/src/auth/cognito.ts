/**
 * Cognito managed login for the AWS home: OAuth 2.0 authorization code with PKCE (RFC 7636), as
 * Cognito's /oauth2/authorize and /oauth2/token endpoints document it. The ID token (it carries
 * `cognito:groups`, the roles) becomes the session's bearer token.
 */
import type { AuthConfig } from '../api/config.ts';
import { signIn, type Session } from './session.ts';

type Cognito = Extract<AuthConfig, { kind: 'cognito' }>;
const VERIFIER = 'sla-console.pkce-verifier';
const STATE = 'sla-console.pkce-state';

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function redirectUri(auth: Cognito): string {
  return auth.redirectUri ?? `${location.origin}${import.meta.env.BASE_URL}`;
}

/** Sends the browser to the managed login page. */
export async function startCognitoLogin(auth: Cognito): Promise<void> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(VERIFIER, verifier);
  sessionStorage.setItem(STATE, state);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: auth.clientId,
    redirect_uri: redirectUri(auth),
    scope: 'openid email profile',
    state,
    code_challenge_method: 'S256',
    code_challenge: challenge,
  });
  location.assign(`https://${auth.domain}/oauth2/authorize?${params.toString()}`);
}

/** On the way back from the managed login (`?code=&state=`): trades the code for tokens. */
export async function finishCognitoLogin(auth: Cognito, search: string): Promise<Session | undefined> {
  const params = new URLSearchParams(search);
  const code = params.get('code');
  if (!code) return undefined;
  const verifier = sessionStorage.getItem(VERIFIER);
  const expected = sessionStorage.getItem(STATE);
  sessionStorage.removeItem(VERIFIER);
  sessionStorage.removeItem(STATE);
  if (!verifier || params.get('state') !== expected) return undefined;
  const response = await fetch(`https://${auth.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: auth.clientId, code, redirect_uri: redirectUri(auth), code_verifier: verifier }),
  });
  if (!response.ok) return undefined;
  const tokens = (await response.json()) as { id_token: string; expires_in: number };
  return signIn(tokens.id_token, new Date(Date.now() + tokens.expires_in * 1000).toISOString());
}
