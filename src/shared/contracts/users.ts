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
});
export type User = z.infer<typeof User>;

/** Every user, by e-mail address (administrators). */
export const UserList = listOf(User);
export type UserList = z.infer<typeof UserList>;
