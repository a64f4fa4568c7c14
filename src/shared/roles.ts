/** The languages of the interface and the office types (the roles and rights: `rights.ts`). */
export const LOCALES = ['en', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export const OFFICE_TYPES = ['headquarters', 'hq_department', 'regional_office', 'country_office', 'technical_support_team', 'liaison_office'] as const;
export type OfficeType = (typeof OFFICE_TYPES)[number];
