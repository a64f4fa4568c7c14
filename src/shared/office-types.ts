/** The kinds of office of the organisation's tree. */
export const OFFICE_TYPES = ['headquarters', 'hq_department', 'regional_office', 'country_office', 'technical_support_team', 'liaison_office'] as const;
export type OfficeType = (typeof OFFICE_TYPES)[number];
