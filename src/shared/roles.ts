/** The roles a user can hold. Each role's rights are scoped: see `src/server/access/rights.ts`. */
export const ROLES = ['admin', 'hq_officer', 'office_manager', 'programme_officer', 'evaluation_officer', 'viewer', 'donor_viewer', 'constituent_viewer'] as const;

export type Role = (typeof ROLES)[number];

/** What a role's scope is anchored on. */
export const ROLE_SCOPE: Record<Role, 'global' | 'office' | 'partner' | 'country'> = {
  admin: 'global',
  hq_officer: 'global',
  office_manager: 'office',
  programme_officer: 'office',
  evaluation_officer: 'office',
  viewer: 'office',
  donor_viewer: 'partner',
  constituent_viewer: 'country',
};

export const LOCALES = ['en', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export const OFFICE_TYPES = ['headquarters', 'hq_department', 'regional_office', 'country_office', 'technical_support_team', 'liaison_office'] as const;
export type OfficeType = (typeof OFFICE_TYPES)[number];
