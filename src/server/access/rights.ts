import type { Right } from '../../shared/rights.ts';
import type { Role } from '../../shared/roles.ts';
import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';

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
} as const satisfies Record<Right, Partial<Record<Role, Reach>>>;

type Reach = 'all' | 'office' | 'country' | 'partner';

export type { Right };

/** How far a right reaches for an actor, as the query layer needs it. */
export type OfficeScope = { kind: 'all' } | { kind: 'subtree'; path: string };
/** Countries are reached through their covering office's place in the tree, or directly (constituents). */
export type CountryScope = OfficeScope | { kind: 'country'; code: string };

function reachOf(actor: Actor, right: Right): Reach {
  const reach = (RIGHTS[right] as Partial<Record<Role, Reach>>)[actor.role];
  if (!reach) throw new AppError('FORBIDDEN', `Your role (${actor.role}) does not allow ${right}`);
  return reach;
}

/** The actor's reach for a right over offices; throws FORBIDDEN when the role does not hold it. */
export function officeScope(actor: Actor, right: Right): OfficeScope {
  const reach = reachOf(actor, right);
  if (reach === 'all') return { kind: 'all' };
  if (reach !== 'office' || !actor.officePath) throw new AppError('FORBIDDEN', 'Your account has no office, so it has no office-scoped rights');
  return { kind: 'subtree', path: actor.officePath };
}

/** Any reach: everything, an office subtree, one country, or one partner (donor viewers). */
export type Scope = CountryScope | { kind: 'partner'; id: string };

/** The actor's reach for a right, whatever it is anchored on. */
export function scopeFor(actor: Actor, right: Right): Scope {
  const reach = reachOf(actor, right);
  if (reach === 'partner') {
    if (!actor.partnerId) throw new AppError('FORBIDDEN', 'Your account has no partner, so it has no partner-scoped rights');
    return { kind: 'partner', id: actor.partnerId };
  }
  return countryScope(actor, right);
}

/** The actor's reach for a right over countries: all, those covered by its office subtree, or its own country. */
export function countryScope(actor: Actor, right: Right): CountryScope {
  const reach = reachOf(actor, right);
  if (reach === 'partner') throw new AppError('FORBIDDEN', `Your role (${actor.role}) does not allow ${right}`);
  if (reach === 'country') {
    if (!actor.countryCode) throw new AppError('FORBIDDEN', 'Your account has no country, so it has no country-scoped rights');
    return { kind: 'country', code: actor.countryCode };
  }
  return officeScope(actor, right);
}

export function inScope(scope: OfficeScope, path: string): boolean {
  return scope.kind === 'all' || path.startsWith(scope.path);
}

/** Whether the actor's role holds a right at all (to leave out what a reader may not see). */
export function holds(actor: Pick<Actor, 'role'>, right: Right): boolean {
  return (RIGHTS[right] as Partial<Record<Role, Reach>>)[actor.role] !== undefined;
}

export function requireRight(actor: Actor, right: Right): void {
  officeScope(actor, right);
}

/** The rights the actor's role holds, in the matrix's order: what the session tells the screens. */
export function rightsOf(actor: Pick<Actor, 'role'>): Right[] {
  return (Object.keys(RIGHTS) as Right[]).filter((r) => holds(actor, r));
}
