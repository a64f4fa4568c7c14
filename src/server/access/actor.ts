import type { Role } from '../../shared/rights.ts';

export type Via = 'api' | 'cli' | 'import' | 'demo' | 'system';

/** Who is acting, with the scope their rights are anchored on. Every service takes one. */
export interface Actor {
  userId: string | null;
  label: string;
  role: Role;
  /** Path of the actor's office ('/hq/…/office/'), for office-scoped roles. */
  officePath?: string;
  officeId?: string;
  partnerId?: string;
  countryCode?: string;
  via: Via;
  requestId?: string;
}

/** The actor of a command run on the server's own machine (CLI, demo loader): full rights, named as such. */
export function systemActor(via: Via, label = `${via}:${process.env.USER ?? 'operator'}`): Actor {
  return { userId: null, label, role: 'admin', via };
}
