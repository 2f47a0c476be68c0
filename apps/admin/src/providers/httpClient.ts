import { fetchUtils, HttpError } from 'react-admin';
import { localizeHttpError } from '../common/errors';
import { currentLocale, i18nProvider } from '../i18n/i18nProvider';
import { getSession, parseSession, setSession, type Session } from './session';

export const API_URL = '/api';

type Options = fetchUtils.Options;
export type HttpResponse = Awaited<ReturnType<typeof fetchUtils.fetchJson>>;

/** Marks a 401 that survived a token refresh: the session is over. */
export const REFRESH_FAILED = Symbol('qonys.refreshFailed');

function withHeaders(options: Options, accessToken?: string): Options {
  const headers = new Headers(options.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  headers.set('Accept-Language', currentLocale());
  if (accessToken) headers.set('Authorization', `Bearer ${accessToken}`);
  return { ...options, headers };
}

/** fetchJson whose errors arrive in the UI language (the server sends codes). */
async function fetchLocalized(url: string, options: Options): Promise<HttpResponse> {
  try {
    return await fetchUtils.fetchJson(url, options);
  } catch (error) {
    throw error instanceof HttpError ? localizeHttpError(error, i18nProvider.translate, currentLocale()) : error;
  }
}

/** A call that needs no session (login, refresh): JSON plus the UI language. */
export const publicFetch = (path: string, options: Options = {}): Promise<HttpResponse> =>
  fetchLocalized(`${API_URL}${path}`, withHeaders(options));

let refreshing: Promise<Session | null> | null = null;

async function postRefresh(refreshToken: string): Promise<Session | null> {
  try {
    const { json } = await publicFetch('/auth/refresh', {
      method: 'POST',
      body: JSON.stringify({ refreshToken }),
    });
    const session = parseSession(json);
    if (!session) throw new Error('Malformed refresh response');
    setSession(session);
    return session;
  } catch {
    // The caller's 401 stands; checkError then logs out, which clears the
    // session (keeping it until then lets react-admin say the session ended).
    return null;
  }
}

/**
 * Exchanges the refresh token for a new pair. Concurrent callers share one
 * request (the refresh token rotates, so a second request would be refused);
 * a caller whose token was already replaced gets the new session at once.
 */
export function renewSession(staleAccessToken?: string): Promise<Session | null> {
  const session = getSession();
  if (!session) return Promise.resolve(null);
  if (!refreshing && staleAccessToken && session.accessToken !== staleAccessToken) {
    return Promise.resolve(session);
  }
  if (!refreshing) {
    refreshing = postRefresh(session.refreshToken).finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

/**
 * fetchJson with the bearer token and Accept-Language. On a 401 it refreshes
 * the session once and retries; a second 401 is tagged REFRESH_FAILED so
 * authProvider.checkError logs out without trying again.
 */
export async function httpClient(url: string, options: Options = {}): Promise<HttpResponse> {
  const accessToken = getSession()?.accessToken;
  try {
    return await fetchLocalized(url, withHeaders(options, accessToken));
  } catch (error) {
    if (!(error instanceof HttpError) || error.status !== 401 || !accessToken) throw error;
    const renewed = await renewSession(accessToken);
    if (!renewed) throw Object.assign(error, { [REFRESH_FAILED]: true });
    try {
      return await fetchLocalized(url, withHeaders(options, renewed.accessToken));
    } catch (retryError) {
      if (retryError instanceof HttpError && retryError.status === 401) {
        Object.assign(retryError, { [REFRESH_FAILED]: true });
      }
      throw retryError;
    }
  }
}

/** httpClient for a path under /api. */
export const apiFetch = (path: string, options: Options = {}): Promise<HttpResponse> =>
  httpClient(`${API_URL}${path}`, options);

/** A file fetched with the session (documents, PDFs): never a token in a URL. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
  /** 200, or 202 when the server only started the file (a large export: the body names it). */
  status: number;
}

/** The file name of a Content-Disposition header (RFC 6266: `filename*` first). */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // Fall through to the plain name.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}

async function errorOf(response: Response): Promise<HttpError> {
  let body: { message?: unknown } | null = null;
  try {
    body = (await response.json()) as { message?: unknown };
  } catch {
    // Not JSON: the status text says enough.
  }
  const message = typeof body?.message === 'string' && body.message ? body.message : response.statusText;
  return localizeHttpError(new HttpError(message, response.status, body), i18nProvider.translate, currentLocale());
}

/** GET a binary file under /api with the bearer token, refreshing the session once on a 401. */
export async function apiFetchFile(path: string): Promise<DownloadedFile> {
  const request = (accessToken?: string) =>
    fetch(`${API_URL}${path}`, withHeaders({ headers: new Headers({ Accept: '*/*' }) }, accessToken));
  const accessToken = getSession()?.accessToken;
  let response = await request(accessToken);
  if (response.status === 401 && accessToken) {
    const renewed = await renewSession(accessToken);
    if (renewed) response = await request(renewed.accessToken);
    if (!renewed || response.status === 401) throw Object.assign(await errorOf(response), { [REFRESH_FAILED]: true });
  }
  if (!response.ok) throw await errorOf(response);
  return {
    blob: await response.blob(),
    fileName: fileNameOf(response.headers.get('Content-Disposition')),
    status: response.status,
  };
}
