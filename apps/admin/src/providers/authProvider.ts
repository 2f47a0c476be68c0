import { type CodedMessage, isMessageCode, type MessageParams } from '@qonys/domain';
import { HttpError, type AuthProvider } from 'react-admin';
import { loadFullCatalogue } from '../i18n/i18nProvider';
import { canAccessAs } from './canAccess';
import { publicFetch, renewSession, REFRESH_FAILED } from './httpClient';
import {
  clearSession,
  getDeviceToken,
  getSession,
  parseSession,
  setDeviceToken,
  setSession,
  type Session,
  type SessionResponse,
} from './session';

export interface Credentials {
  username: string;
  password: string;
  otp?: string;
}

/** What the API sends when a user without a second factor must enrol. */
export interface MfaEnrolment {
  secret: string;
  otpauthUrl: string;
  qrCodeDataUrl: string;
}

/**
 * A refused login. `mfaRequired` asks for the one-time-code step;
 * `mfaEnrolment` also asks to set up the authenticator first. `message` is
 * the server's text, or a translation key when the server sent none.
 */
export class LoginError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly mfaRequired = false,
    readonly mfaEnrolment: MfaEnrolment | null = null,
    /** The server's coded message, for a page that says it in the language chosen since. */
    readonly coded: CodedMessage | null = null,
  ) {
    super(message);
    this.name = 'LoginError';
  }
}

const fallbackMessage = (status: number): string => {
  if (status === 423) return 'app.login.errors.locked';
  if (status === 429) return 'app.login.errors.too_many';
  if (status === 0) return 'app.login.errors.network';
  return 'app.login.errors.failed';
};

/**
 * POST /api/auth/login without keeping anything: the login page decides when
 * the session starts (after recovery codes have been acknowledged).
 */
export async function requestLogin(credentials: Credentials): Promise<SessionResponse> {
  const deviceToken = getDeviceToken(credentials.username);
  const body: Credentials & { deviceToken?: string } = {
    username: credentials.username,
    password: credentials.password,
  };
  if (credentials.otp) body.otp = credentials.otp;
  if (deviceToken) body.deviceToken = deviceToken;
  try {
    const { json } = await publicFetch('/auth/login', { method: 'POST', body: JSON.stringify(body) });
    const session = parseSession(json);
    if (!session) throw new LoginError('app.login.errors.failed', 500);
    if (typeof json.deviceToken === 'string') setDeviceToken(session.user.username, json.deviceToken);
    const recoveryCodes = Array.isArray(json.recoveryCodes) ? (json.recoveryCodes as string[]) : undefined;
    return { ...session, recoveryCodes };
  } catch (error) {
    if (error instanceof LoginError) throw error;
    if (!(error instanceof HttpError)) throw new LoginError('app.login.errors.network', 0);
    const errorBody = (error.body ?? {}) as {
      code?: unknown;
      params?: MessageParams;
      mfaRequired?: unknown;
      mfaEnrolment?: MfaEnrolment;
    };
    // A coded body has been translated by publicFetch; anything else gets the page's own words.
    const message = typeof errorBody.code === 'string' && error.message ? error.message : fallbackMessage(error.status);
    throw new LoginError(
      message,
      error.status,
      errorBody.mfaRequired === true,
      errorBody.mfaEnrolment?.qrCodeDataUrl ? errorBody.mfaEnrolment : null,
      isMessageCode(errorBody.code) ? { code: errorBody.code, params: errorBody.params ?? {} } : null,
    );
  }
}

export interface Permissions {
  role: Session['user']['role'];
  regionId: number | null;
}

export const authProvider: AuthProvider = {
  /**
   * `{ session }` starts a session the login page already obtained;
   * `{ username, password, otp? }` signs in directly (throws LoginError).
   */
  async login(params: Credentials | { session: Session }) {
    setSession('session' in params ? params.session : await requestLogin(params));
    // The screens after this one speak the whole catalogue, not the login page's part of it.
    await loadFullCatalogue();
  },

  async logout() {
    const session = getSession();
    clearSession();
    if (!session) return;
    try {
      await publicFetch('/auth/logout', {
        method: 'POST',
        body: JSON.stringify({ refreshToken: session.refreshToken }),
        headers: new Headers({ Authorization: `Bearer ${session.accessToken}` }),
      });
    } catch {
      // The refresh token is forgotten here either way; it expires on its own.
    }
  },

  async checkAuth() {
    if (!getSession()) throw { message: false };
  },

  /**
   * 401: the HTTP client has already tried a refresh when the error is tagged;
   * otherwise try one now. 403: stay signed in — the caller's error handler
   * shows the server's message (rejecting here would make react-admin treat
   * the failed call as an empty success).
   */
  async checkError(error: { status?: number; [REFRESH_FAILED]?: boolean }) {
    if (error?.status !== 401) return;
    if (!error[REFRESH_FAILED] && (await renewSession())) return;
    throw { redirectTo: '/login' }; // react-admin then calls logout()
  },

  async getIdentity() {
    const user = getSession()?.user;
    if (!user) throw new Error('Not signed in');
    return { id: user.id, fullName: user.fullName };
  },

  async getPermissions(): Promise<Permissions | null> {
    const user = getSession()?.user;
    return user ? { role: user.role, regionId: user.regionId } : null;
  },

  async canAccess({ action, resource, record }) {
    return canAccessAs(getSession()?.user ?? null, { action, resource, record });
  },
};
