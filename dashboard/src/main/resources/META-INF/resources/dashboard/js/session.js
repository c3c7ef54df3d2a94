// Sign-in: an API key, checked by asking the gateway who it is; or, where the ministry's OIDC
// provider is configured (config.json), the authorization-code flow with PKCE, whose token the
// gateway verifies as any staff bearer token. Nothing secret ever goes into the address bar: the
// provider's one-time code comes back in it and is removed at once.
import { api, keep, forget } from './api.js';

const FLOW = 'dzn.oidc-flow';

export async function signInWithKey(key) {
  const session = await api('/api/session', { using: { kind: 'key', value: key } });
  keep('key', key);
  return session;
}

export function current() {
  return api('/api/session');
}

export function signOut() {
  forget();
  sessionStorage.removeItem(FLOW);
}

export async function oidcConfig() {
  try {
    const config = await fetch('config.json', { cache: 'no-store' }).then((r) => r.json());
    return config.oidc;
  } catch {
    return null;
  }
}

function random(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function discover(issuer) {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`discovery answered ${response.status}`);
  return response.json();
}

function redirectUri() {
  return `${window.location.origin}/dashboard/`;
}

/** Leaves for the provider's sign-in page; it sends the browser back here with a code. */
export async function beginOidc(oidc) {
  const provider = await discover(oidc.issuer);
  const verifier = random(48);
  const state = random(16);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(FLOW, JSON.stringify({ verifier, state, tokenEndpoint: provider.token_endpoint }));
  const url = new URL(provider.authorization_endpoint);
  Object.entries({
    response_type: 'code', client_id: oidc.clientId, redirect_uri: redirectUri(), scope: 'openid',
    state, code_challenge: challenge, code_challenge_method: 'S256',
  }).forEach(([name, value]) => url.searchParams.set(name, value));
  window.location.assign(url.toString());
}

/** On the way back from the provider: trades the code for a token. False when this is no return. */
export async function completeOidc(oidc) {
  const params = new URLSearchParams(window.location.search);
  if (!params.has('code') && !params.has('error')) return false;
  window.history.replaceState(null, '', window.location.pathname + window.location.hash);
  const flow = JSON.parse(sessionStorage.getItem(FLOW) || 'null');
  sessionStorage.removeItem(FLOW);
  if (params.has('error')) throw new Error(params.get('error_description') || params.get('error'));
  if (!oidc || !flow || flow.state !== params.get('state')) throw new Error('state mismatch');
  const response = await fetch(flow.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      client_id: oidc.clientId, code_verifier: flow.verifier,
    }),
  });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  const tokens = await response.json();
  keep('bearer', tokens.access_token);
  return true;
}
