import type { Selectable } from 'kysely';
import type { CalendarMilestone, Milestone } from '../../../shared/contracts/programming-answers.ts';
import type { DB } from '../../db/schema.ts';

type MilestoneRow = Selectable<DB['programming_milestones']>;

/** The API's shape of a milestone: explicit fields, camelCase. */
export function presentMilestone(r: MilestoneRow): Milestone {
  return {
    id: r.id,
    countryCode: r.country_code,
    cfCycleId: r.cf_cycle_id,
    dwcpId: r.dwcp_id,
    kind: r.kind as Milestone['kind'],
    title: r.title,
    dueDate: r.due_date,
    doneOn: r.done_on,
    notifyDays: r.notify_days,
    isSynthetic: r.is_synthetic,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A coming milestone with its country's names and the date by which its constituents are to be told. */
export function presentCalendarMilestone(r: MilestoneRow & { country_name_en: string; country_name_fr: string; country_name_es: string }, notifyBy: string): CalendarMilestone {
  return { ...presentMilestone(r), countryNameEn: r.country_name_en, countryNameFr: r.country_name_fr, countryNameEs: r.country_name_es, notifyBy };
}
