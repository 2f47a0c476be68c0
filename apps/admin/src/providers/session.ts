import { ROLES, type Role } from '@qonys/domain';

/** The signed-in user as the API describes it in login and refresh responses. */
export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  regionId: number | null;
  mfaEnabled: boolean;
  /** The two-factor policy makes the role use a second factor: it cannot be turned off. */
  mfaRequired: boolean;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

/** Body of a successful POST /api/auth/login or /api/auth/refresh. */
export interface SessionResponse extends Session {
  recoveryCodes?: string[];
}

const STORAGE_KEY = 'qonys.session';

const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Checks the shape of a login/refresh body (or of what sessionStorage held). */
export function parseSession(value: unknown): Session | null {
  if (typeof value !== 'object' || value === null) return null;
  const { accessToken, refreshToken, user } = value as Partial<Session>;
  if (typeof accessToken !== 'string' || typeof refreshToken !== 'string') return null;
  if (typeof user !== 'object' || user === null || !isRole(user.role)) return null;
  return {
    accessToken,
    refreshToken,
    user: {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      role: user.role,
      regionId: user.regionId ?? null,
      mfaEnabled: Boolean(user.mfaEnabled),
      mfaRequired: Boolean(user.mfaRequired),
    },
  };
}

/*
 * Tokens live in sessionStorage: they survive a reload but not the closing of
 * the tab, and other tabs do not share them. Parsed once, then kept in memory.
 */
let cached: Session | null | undefined;

export function getSession(): Session | null {
  if (cached === undefined) {
    try {
      const raw = sessionStorage.getItem(STORAGE_KEY);
      cached = raw ? parseSession(JSON.parse(raw)) : null;
    } catch {
      cached = null;
    }
  }
  return cached;
}

export function setSession(session: Session): void {
  cached = session;
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  cached = null;
  sessionStorage.removeItem(STORAGE_KEY);
}

const DEVICE_TOKENS_KEY = 'qonys.deviceTokens';

const deviceTokens = (): Record<string, string> => {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(DEVICE_TOKENS_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
};

/**
 * The device token of this browser's last login as `username` (docs/accounts.md): kept
 * in localStorage, unlike the session, so it outlives the tab and lets its owner in
 * while their account is locked against everyone else.
 */
export function getDeviceToken(username: string): string | undefined {
  const key = username.trim().toLowerCase();
  const tokens = deviceTokens();
  return Object.hasOwn(tokens, key) && typeof tokens[key] === 'string' ? tokens[key] : undefined;
}

export function setDeviceToken(username: string, token: string): void {
  const tokens = new Map(Object.entries(deviceTokens()));
  tokens.set(username.trim().toLowerCase(), token);
  localStorage.setItem(DEVICE_TOKENS_KEY, JSON.stringify(Object.fromEntries(tokens)));
}

/** Records a change to the signed-in user (e.g. two-factor just turned on). */
export function updateSessionUser(patch: Partial<SessionUser>): void {
  const session = getSession();
  if (session) setSession({ ...session, user: { ...session.user, ...patch } });
}
