import { z } from 'zod';
import { LOCALES } from '../locales.ts';
import { ROLES } from '../rights.ts';
import { listOf } from './list.ts';

export const UserCreate = z.strictObject({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(12, 'at least 12 characters').max(200),
  role: z.enum(ROLES),
  officeId: z.uuid().nullable().optional(),
  partnerId: z.uuid().nullable().optional(),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable()
    .optional(),
  locale: z.enum(LOCALES).optional(),
});
export type UserCreate = z.infer<typeof UserCreate>;

export const UserRoleChange = z.strictObject({
  role: z.enum(ROLES),
  officeId: z.uuid().nullable().optional(),
  partnerId: z.uuid().nullable().optional(),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable()
    .optional(),
  version: z.number().int().positive(),
});
export type UserRoleChange = z.infer<typeof UserRoleChange>;

export const User = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  officeId: z.uuid().nullable(),
  partnerId: z.uuid().nullable(),
  countryCode: z.string().nullable(),
  locale: z.enum(LOCALES),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof User>;

/**
 * A partial change of a user (administrators): only the fields sent change. A role change, or a new office,
 * partner or country, sets the scope the role needs (the anchors it does not need are cleared). `active: false`
 * deactivates the account (its sessions end; it cannot sign in); `true` reactivates it.
 */
export const UserUpdate = z.strictObject({
  email: z.email().max(254).optional(),
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  officeId: z.uuid().nullable().optional(),
  partnerId: z.uuid().nullable().optional(),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable()
    .optional(),
  locale: z.enum(LOCALES).optional(),
  active: z.boolean().optional(),
  version: z.number().int().positive(),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

/** The list's filters: a role, an office (the users anchored on it), active or not, words of the name or e-mail. */
export const UserListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  officeId: z.uuid().optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

/** A temporary password an administrator sets; the same strength rules as any password. */
export const PasswordReset = z.strictObject({
  password: z.string().min(1).max(200).meta({ description: 'At least 12 characters, not guessable (a refusal says why in details.warning and details.suggestions)' }),
});
export type PasswordReset = z.infer<typeof PasswordReset>;

/** Every user, by e-mail address (administrators). */
export const UserList = listOf(User);
export type UserList = z.infer<typeof UserList>;
