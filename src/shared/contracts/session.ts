import { z } from 'zod';
import { LOCALES } from '../locales.ts';
import { RIGHT_NAMES } from '../rights.ts';
import { User } from './users.ts';

/** Signing in and the signed-in user's own account (/api/session). Unknown fields are refused. */

export const Credentials = z.strictObject({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) });
export type Credentials = z.infer<typeof Credentials>;

export const PasswordChange = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200).meta({ description: 'At least 12 characters, not guessable (a refusal says why in details.warning and details.suggestions)' }),
});
export type PasswordChange = z.infer<typeof PasswordChange>;

/** What a signed-in user changes of their own account: the language of the interface. */
export const AccountUpdate = z.strictObject({ locale: z.enum(LOCALES) });
export type AccountUpdate = z.infer<typeof AccountUpdate>;

/** The signed-in user as the session shows it, with the rights the screens ask `can(right)` of. */
export const SessionUser = User.pick({ id: true, email: true, name: true, role: true, officeId: true, partnerId: true, countryCode: true, locale: true }).extend({
  rights: z.array(z.enum(RIGHT_NAMES)).meta({
    description: 'The rights the user holds (each within its scope): screens show what these allow, and the server checks every request',
  }),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const Session = z.object({
  user: SessionUser,
  csrfToken: z.string().meta({ description: 'Send it as the X-CSRF-Token header on every request that changes something' }),
  expiresAt: z.string(),
});
export type Session = z.infer<typeof Session>;
