import type { Selectable } from 'kysely';
import type { IatiActivity } from '../../shared/contracts/iati.ts';
import type { DB } from '../db/schema.ts';

/** The API's shape of another publisher's activity: what identifies it, who publishes it, and our project it is linked to. */
export function presentIatiActivity(r: Selectable<DB['iati_activities']>): IatiActivity {
  return {
    id: r.id,
    identifier: r.iati_identifier,
    title: r.title,
    reportingOrg: r.reporting_org_name ?? r.reporting_org_ref,
    reportingOrgRef: r.reporting_org_ref,
    iatiVersion: r.iati_version,
    plannedStart: r.planned_start,
    plannedEnd: r.planned_end,
    projectId: r.project_id,
    version: r.version,
  };
}
