/**
 * The names of the rights. Who holds each, and how far it reaches, is decided on the server only
 * (`src/server/access/rights.ts`); the session lists the rights its user holds, so screens ask about a right,
 * never about a role.
 */
export const RIGHT_NAMES = [
  'offices.read',
  'offices.write',
  'users.read',
  'users.write',
  'audit.read',
  'programming.read',
  'programming.write',
  'frameworks.read',
  'frameworks.write',
  'partners.read',
  'partners.write',
  'projects.read',
  'projects.write',
  'documents.confidential',
  'finance.read',
  'finance.import',
  'warnings.read',
  'warnings.act',
  'finance.configure',
  'iati.validate',
  'iati.import',
  'iati.configure',
  'strategies.read',
  'strategies.write',
] as const;

export type Right = (typeof RIGHT_NAMES)[number];
