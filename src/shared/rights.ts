/**
 * Who may do what, in one place: the roles, what each role's reach is anchored on, and the rights matrix. Adding a
 * role touches this file (and its labels in the screens' translations). The server enforces the matrix
 * (`src/server/access/rights.ts` turns a reach into a query scope); the session lists the rights its user holds, so
 * screens ask about a right (`can(right)`), never about a role.
 */

/** The roles a user can hold. */
export const ROLES = ['admin', 'hq_officer', 'office_manager', 'programme_officer', 'evaluation_officer', 'viewer', 'donor_viewer', 'constituent_viewer'] as const;

export type Role = (typeof ROLES)[number];

/** What a role's reach is anchored on: nothing (the whole organisation), the user's office, partner or country. */
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

/** How far a right reaches: everything, the user's office and the offices below it, its country, its partner's projects. */
export type Reach = 'all' | 'office' | 'country' | 'partner';

/**
 * The rights matrix: for each right, the roles that hold it and how far it reaches.
 * 'all' = everything; 'office' = the actor's office and the offices below it. A role absent from a
 * right does not hold it (403). Records outside the reach are invisible (404).
 */
export const RIGHTS = {
  'offices.read': { admin: 'all', hq_officer: 'all', office_manager: 'office', programme_officer: 'office', evaluation_officer: 'office', viewer: 'office' },
  'offices.write': { admin: 'all', office_manager: 'office' },
  'users.read': { admin: 'all' },
  'users.write': { admin: 'all' },
  'audit.read': { admin: 'all', hq_officer: 'all' },
  'programming.read': {
    admin: 'all',
    hq_officer: 'all',
    office_manager: 'office',
    programme_officer: 'office',
    evaluation_officer: 'office',
    viewer: 'office',
    constituent_viewer: 'country',
  },
  'programming.write': { admin: 'all', hq_officer: 'all', office_manager: 'office', programme_officer: 'office' },
  'frameworks.read': { admin: 'all', hq_officer: 'all', office_manager: 'all', programme_officer: 'all', evaluation_officer: 'all', viewer: 'all', constituent_viewer: 'all' },
  'frameworks.write': { admin: 'all', hq_officer: 'all' },
  'partners.read': { admin: 'all', hq_officer: 'all', office_manager: 'all', programme_officer: 'all', evaluation_officer: 'all', viewer: 'all', donor_viewer: 'partner' },
  'partners.write': { admin: 'all', hq_officer: 'all' },
  'projects.read': {
    admin: 'all',
    hq_officer: 'all',
    office_manager: 'office',
    programme_officer: 'office',
    evaluation_officer: 'office',
    viewer: 'office',
    donor_viewer: 'partner',
    constituent_viewer: 'country',
  },
  'projects.write': { admin: 'all', hq_officer: 'all', office_manager: 'office', programme_officer: 'office' },
  /**
   * A project's confidential documents (a grant contract, an internal evaluation). Published documents follow
   * `projects.read`. Staff only: a confidential document is not tied to one funder, so a donor viewer would see
   * another funder's contract.
   */
  'documents.confidential': { admin: 'all', hq_officer: 'all', office_manager: 'office', programme_officer: 'office', evaluation_officer: 'office', viewer: 'office' },
  /**
   * The money of projects: allocations, expenditure, commitments, delivery, forecasts, the aligned share of
   * funding and resource gaps, the reports and downloads that show them. A donor viewer sees the money of the
   * projects its partner funds (the financial statement of its progress report); a constituent viewer none.
   */
  'finance.read': {
    admin: 'all',
    hq_officer: 'all',
    office_manager: 'office',
    programme_officer: 'office',
    evaluation_officer: 'office',
    viewer: 'office',
    donor_viewer: 'partner',
  },
  /** importing ERP exports of expenditure, and the saved column mappings (read, save, delete; scoped by office) */
  'finance.import': { admin: 'all', hq_officer: 'all', office_manager: 'office', programme_officer: 'office' },
  /** the watch list: early-warning flags, what was done about them, the rules (donors: the projects they fund) */
  'warnings.read': {
    admin: 'all',
    hq_officer: 'all',
    office_manager: 'office',
    programme_officer: 'office',
    evaluation_officer: 'office',
    viewer: 'office',
    donor_viewer: 'partner',
  },
  /** acting on the watch list: the office manager's job (004 Part II.2, "preventive action") */
  'warnings.act': { admin: 'all', hq_officer: 'all', office_manager: 'office' },
  /** the organisation's finance settings: early-warning rules, the reporting currency */
  'finance.configure': { admin: 'all', hq_officer: 'all' },
  /** checking any IATI file against the standard: every internal role */
  'iati.validate': { admin: 'all', hq_officer: 'all', office_manager: 'all', programme_officer: 'all', evaluation_officer: 'all', viewer: 'all' },
  /** loading other publishers' IATI files into the database */
  'iati.import': { admin: 'all', hq_officer: 'all' },
  'iati.configure': { admin: 'all', hq_officer: 'all' },
  /** the organisation's strategies and action plans (C8, C9) and the Governing Body reports on them */
  'strategies.read': { admin: 'all', hq_officer: 'all', office_manager: 'all', programme_officer: 'all', evaluation_officer: 'all', viewer: 'all' },
  'strategies.write': { admin: 'all', hq_officer: 'all' },
  /** the jobs other people started (everyone reads their own) */
  'jobs.read': { admin: 'all' },
} as const satisfies Record<string, Partial<Record<Role, Reach>>>;

export type Right = keyof typeof RIGHTS;

/** The names of the rights, in the matrix's order. */
export const RIGHT_NAMES = Object.keys(RIGHTS) as [Right, ...Right[]];
