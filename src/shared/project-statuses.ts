/**
 * A project's status: the one list, in lifecycle order, and the named subsets every part of devcoop (server,
 * web, contracts) takes from it. The database's CHECK (migration 0005) holds the same five.
 */
export const PROJECT_STATUSES = ['pipeline', 'appraisal', 'approved', 'active', 'closed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Not yet approved: their money is a probability-weighted prospect, not delivery. */
export const PIPELINE_STATUSES = ['pipeline', 'appraisal'] as const satisfies readonly ProjectStatus[];

/** Approved and later: the projects whose money the delivery views, the watch list and the resource gaps count. */
export const DELIVERY_STATUSES = ['approved', 'active', 'closed'] as const satisfies readonly ProjectStatus[];

/** The projects devcoop publishes to IATI: those delivering. */
export const PUBLISHED_STATUSES = DELIVERY_STATUSES;

/** The lifecycle: each status and the ones it may move to. */
export const TRANSITIONS: Readonly<Record<ProjectStatus, readonly ProjectStatus[]>> = {
  pipeline: ['appraisal'],
  appraisal: ['approved', 'pipeline'],
  approved: ['active'],
  active: ['closed'],
  closed: [],
};

/** Whether a status (a string from the database or a request) is one of the subset. */
export const isStatusIn = (subset: readonly ProjectStatus[], status: string): boolean => (subset as readonly string[]).includes(status);
