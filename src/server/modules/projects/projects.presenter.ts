import type { Selectable } from 'kysely';
import type { Project, ProjectDetail, ProjectStatusChange } from '../../../shared/contracts/portfolio.ts';
import type { DB } from '../../db/schema.ts';

type ProjectRow = Selectable<DB['projects']>;

/** A project's own fields (what its audit rows record, with its links): explicit, camelCase. */
export function presentProjectFields(p: ProjectRow): Omit<Project, 'officeName'> {
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    titleFr: p.title_fr,
    titleEs: p.title_es,
    description: p.description,
    place: p.place as Project['place'],
    countryCode: p.country_code,
    regionCode: p.region_code,
    officeId: p.office_id,
    fundingSource: p.funding_source,
    plannedStart: p.planned_start,
    plannedEnd: p.planned_end,
    actualStart: p.actual_start,
    actualEnd: p.actual_end,
    status: p.status as Project['status'],
    probability: p.probability,
    markerGender: p.marker_gender,
    markerStandards: p.marker_standards,
    markerSocialDialogue: p.marker_social_dialogue,
    markerEnvironment: p.marker_environment,
    confidential: p.confidential,
    isSynthetic: p.is_synthetic,
    version: p.version,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

/** The API's shape of a project: its fields and its office's name. */
export function presentProject(p: ProjectRow & { office_name: string }): Project {
  return { ...presentProjectFields(p), officeName: p.office_name };
}

export function presentStatusChange(h: Selectable<DB['project_status_history']>): ProjectStatusChange {
  return {
    id: h.id,
    fromStatus: h.from_status as ProjectStatusChange['fromStatus'],
    toStatus: h.to_status as ProjectStatusChange['toStatus'],
    at: h.at,
    actorLabel: h.actor_label,
    note: h.note,
  };
}

/** What a project is linked to, as read for its page. */
export interface ProjectLinkRows {
  partners: { id: string; name: string; role: string }[];
  agreements: { id: string; code: string; title: string }[];
  cpoLinks: { id: string; code: string; text: string; share: string }[];
  orgOutcomeLinks: { id: string; code: string; title: string; share: string }[];
  cfOutcomes: { id: string; code: string; text: string }[];
  sdgTargets: { target_code: string }[];
  relatedActivities: { activity_ref: string; relation: string }[];
  history: Selectable<DB['project_status_history']>[];
}

/** A project with its partners, agreements, links, SDG targets, related activities and history. */
export function presentProjectDetail(p: ProjectRow & { office_name: string }, l: ProjectLinkRows): ProjectDetail {
  return {
    ...presentProject(p),
    partners: l.partners.map((x) => ({ id: x.id, name: x.name, role: x.role as ProjectDetail['partners'][number]['role'] })),
    agreements: l.agreements.map((a) => ({ id: a.id, code: a.code, title: a.title })),
    cpoLinks: l.cpoLinks.map((c) => ({ id: c.id, code: c.code, text: c.text, share: c.share })),
    orgOutcomeLinks: l.orgOutcomeLinks.map((o) => ({ id: o.id, code: o.code, title: o.title, share: o.share })),
    cfOutcomes: l.cfOutcomes.map((o) => ({ id: o.id, code: o.code, text: o.text })),
    sdgTargets: l.sdgTargets.map((t) => t.target_code),
    relatedActivities: l.relatedActivities.map((r) => ({ ref: r.activity_ref, type: r.relation as ProjectDetail['relatedActivities'][number]['type'] })),
    history: l.history.map(presentStatusChange),
  };
}
