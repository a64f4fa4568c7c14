import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { TrustedProxies } from '../../config.ts';
import { SESSION_COOKIE } from '../../http/session.middleware.ts';
import { DEVICE_COOKIE, DEVICE_TTL_SECONDS } from './trusted-devices.ts';
import { requestOrigin } from './trusted-proxies.ts';

/**
 * The cookies a sign-in sets. Both are HTTP-only; both are `Secure` when the browser's connection is https:
 * the server's own TLS, or a trusted proxy's X-Forwarded-Proto (never the header alone).
 */
export function setSessionCookies(c: Context, trust: TrustedProxies | null, session: { token: string; ttlSeconds: number; deviceToken: string | null }) {
  const secure = requestOrigin(c, trust).https;
  setCookie(c, SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: session.ttlSeconds });
  // Only the sign-in needs to see the device cookie.
  if (session.deviceToken) {
    setCookie(c, DEVICE_COOKIE, session.deviceToken, { httpOnly: true, sameSite: 'Strict', secure, path: '/api/session', maxAge: DEVICE_TTL_SECONDS });
  }
}

export const deviceCookie = (c: Context) => getCookie(c, DEVICE_COOKIE);

export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
