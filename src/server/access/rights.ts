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
} as const satisfies Record<string, Partial<Record<Role, 'all' | 'office'>>>;

export type Right = keyof typeof RIGHTS;

/** How far a right reaches for an actor, as the query layer needs it. */
export type OfficeScope = { kind: 'all' } | { kind: 'subtree'; path: string };

/** The actor's reach for a right; throws FORBIDDEN when the role does not hold it. */
export function officeScope(actor: Actor, right: Right): OfficeScope {
  const reach = (RIGHTS[right] as Partial<Record<Role, 'all' | 'office'>>)[actor.role];
  if (!reach) throw new AppError('FORBIDDEN', `Your role (${actor.role}) does not allow ${right}`);
  if (reach === 'all') return { kind: 'all' };
  if (!actor.officePath) throw new AppError('FORBIDDEN', 'Your account has no office, so it has no office-scoped rights');
  return { kind: 'subtree', path: actor.officePath };
}

export function inScope(scope: OfficeScope, path: string): boolean {
  return scope.kind === 'all' || path.startsWith(scope.path);
}

export function requireRight(actor: Actor, right: Right): void {
  officeScope(actor, right);
}
