import { type Reach, RIGHTS, type Right, type Role } from '../../shared/rights.ts';
import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';

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
