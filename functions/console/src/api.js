// The console's only way to the connector: the public /v1 API, same origin, with the operator's API key.
const KEY = 'tts.console.apiKey';

/** Where /v1 lives: the console is served at <prefix>/console/, the API at <prefix>/v1 (a stage prefix is kept). */
export const apiBase = (() => {
  const path = window.location.pathname;
  const at = path.lastIndexOf('/console');
  return at > 0 ? path.slice(0, at) : '';
})();

export const session = {
  key: () => sessionStorage.getItem(KEY),
  signIn: (key) => sessionStorage.setItem(KEY, key.trim()),
  signOut: () => sessionStorage.removeItem(KEY),
};

/** An API refusal: the API's error code and message, and the field(s) it names. */
export class ApiError extends Error {
  constructor(status, body) {
    const error = (body && body.error) || {};
    super(error.message || `The API answered HTTP ${status}`);
    this.status = status;
    this.code = error.code || null;
    this.field = error.field || null;
    this.details = Array.isArray(error.details) ? error.details : [];
  }

  /** Every field error as {field, message}: the details, or the one field the error names. */
  fieldErrors() {
    if (this.details.length) return this.details;
    return this.field ? [{ field: this.field, message: this.message }] : [];
  }
}

let onUnauthorized = () => {};
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

/**
 * One API call. `query` values that are empty are left out; `body` is sent as JSON.
 * Resolves to {status, body, headers}; rejects with ApiError for 4xx/5xx (401 also signs out).
 */
export async function call(method, path, { query, body, headers } = {}) {
  const url = new URL(apiBase + path, window.location.origin);
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  }
  const h = { Accept: 'application/json', ...(headers || {}) };
  const key = session.key();
  if (key) h.Authorization = `Bearer ${key}`;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, { error: { code: 'network', message: `The API could not be reached (${e.message})` } });
  }
  const text = await response.text();
  let parsed = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, parsed);
    if (response.status === 401) onUnauthorized(error);
    throw error;
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

export const get = async (path, query) => (await call('GET', path, { query })).body;

export const enc = encodeURIComponent;
