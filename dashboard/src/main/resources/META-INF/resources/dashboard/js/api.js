// Every figure on the page comes from the gateway's public API, with the signed-in credential in
// a header: the X-Api-Key, or a staff token as a bearer. It lives in sessionStorage only (never a
// URL, never localStorage), so it is gone when the tab closes.
const STORE = 'dzn.credential';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

export function credential() {
  try {
    return JSON.parse(sessionStorage.getItem(STORE));
  } catch {
    return null;
  }
}

export function keep(kind, value) {
  sessionStorage.setItem(STORE, JSON.stringify({ kind, value }));
}

export function forget() {
  sessionStorage.removeItem(STORE);
}

/** Answers the parsed JSON; a 4xx or 5xx throws ApiError carrying the problem+json answer. */
export async function api(path, { method = 'GET', ifMatch, body, using } = {}) {
  const headers = { Accept: 'application/json' };
  const signedIn = using ?? credential();
  if (signedIn?.kind === 'key') headers['X-Api-Key'] = signedIn.value;
  if (signedIn?.kind === 'bearer') headers.Authorization = `Bearer ${signedIn.value}`;
  if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store', credentials: 'omit', redirect: 'error',
    });
  } catch (e) {
    throw new ApiError(0, { title: 'network', detail: e.message });
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    const problem = data && typeof data === 'object' ? data : { title: response.statusText, detail: data || '' };
    if (response.status === 401 && !using) window.dispatchEvent(new CustomEvent('dzn:unauthenticated', { detail: problem }));
    throw new ApiError(response.status, problem);
  }
  return data;
}

/** Every item of a keyset-paged list, up to maxPages pages of 500. */
export async function all(path, maxPages = 20) {
  const items = [];
  let next = null;
  for (let page = 0; page < maxPages; page += 1) {
    const separator = path.includes('?') ? '&' : '?';
    const answer = await api(`${path}${separator}limit=500${next ? `&after=${encodeURIComponent(next)}` : ''}`);
    items.push(...answer.items);
    next = answer.next;
    if (!next) break;
  }
  return items;
}
