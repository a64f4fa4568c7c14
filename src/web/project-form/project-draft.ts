import type { PROJECT_MARKERS, PROJECT_PARTNER_ROLES, PROJECT_PLACES, ProjectCreate, ProjectDetail } from '../../shared/contracts/portfolio.ts';

type Place = (typeof PROJECT_PLACES)[number];
type PartnerRole = (typeof PROJECT_PARTNER_ROLES)[number];

export { PROJECT_MARKERS as MARKER_KEYS } from '../../shared/contracts/portfolio.ts';
export type MarkerKey = (typeof PROJECT_MARKERS)[number];

/** A project as its form holds it: every field a string, a flag or a list of rows, as the inputs give them. */
export interface ProjectDraft {
  code: string;
  title: string;
  titleFr: string;
  titleEs: string;
  description: string;
  place: Place;
  countryCode: string;
  regionCode: string;
  officeId: string;
  fundingSource: string;
  plannedStart: string;
  plannedEnd: string;
  probability: string;
  confidential: boolean;
  markers: Record<MarkerKey, number>;
  partners: { partnerId: string; role: PartnerRole }[];
  agreementIds: string[];
  cpoLinks: { cpoId: string; share: string }[];
  orgOutcomeLinks: { orgOutcomeId: string; share: string }[];
  cfOutcomeIds: string[];
  sdgTargets: string;
}

export const emptyDraft = (officeId = ''): ProjectDraft => ({
  code: '',
  title: '',
  titleFr: '',
  titleEs: '',
  description: '',
  place: 'country',
  countryCode: '',
  regionCode: '',
  officeId,
  fundingSource: '',
  plannedStart: '',
  plannedEnd: '',
  probability: '',
  confidential: false,
  markers: { gender: 0, standards: 0, socialDialogue: 0, environment: 0 },
  partners: [],
  agreementIds: [],
  cpoLinks: [],
  orgOutcomeLinks: [],
  cfOutcomeIds: [],
  sdgTargets: '',
});

/** The form's draft of a project as read. */
export const draftOf = (p: ProjectDetail): ProjectDraft => ({
  code: p.code,
  title: p.title,
  titleFr: p.titleFr ?? '',
  titleEs: p.titleEs ?? '',
  description: p.description ?? '',
  place: p.place,
  countryCode: p.countryCode ?? '',
  regionCode: p.regionCode ?? '',
  officeId: p.officeId,
  fundingSource: p.fundingSource,
  plannedStart: p.plannedStart,
  plannedEnd: p.plannedEnd,
  probability: p.probability === null ? '' : String(Number(p.probability)),
  confidential: p.confidential,
  markers: { gender: p.markerGender, standards: p.markerStandards, socialDialogue: p.markerSocialDialogue, environment: p.markerEnvironment },
  partners: p.partners.map((x) => ({ partnerId: x.id, role: x.role })),
  agreementIds: p.agreements.map((a) => a.id),
  cpoLinks: p.cpoLinks.map((l) => ({ cpoId: l.id, share: String(Number(l.share)) })),
  orgOutcomeLinks: p.orgOutcomeLinks.map((l) => ({ orgOutcomeId: l.id, share: String(Number(l.share)) })),
  cfOutcomeIds: p.cfOutcomes.map((o) => o.id),
  sdgTargets: p.sdgTargets.join(', '),
});

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
/** A required choice not made is sent as missing, so the server says it is required rather than malformed. */
const orMissing = (s: string) => (s === '' ? (undefined as unknown as string) : s);

/**
 * What the API is sent for a draft: empty texts as null, the number as a number, the place's own fields only,
 * rows not yet filled in left out, SDG targets split at commas or spaces. The server validates; this only shapes.
 */
export function bodyOf(d: ProjectDraft): ProjectCreate {
  return {
    code: d.code.trim(),
    title: d.title.trim(),
    titleFr: orNull(d.titleFr),
    titleEs: orNull(d.titleEs),
    description: orNull(d.description),
    place: d.place,
    countryCode: d.place === 'country' ? orNull(d.countryCode) : null,
    regionCode: d.place === 'region' ? orNull(d.regionCode) : null,
    officeId: orMissing(d.officeId),
    fundingSource: orMissing(d.fundingSource),
    plannedStart: orMissing(d.plannedStart),
    plannedEnd: orMissing(d.plannedEnd),
    probability: d.probability.trim() === '' ? null : Number(d.probability),
    confidential: d.confidential,
    markers: { ...d.markers },
    partners: d.partners.filter((p) => p.partnerId),
    agreementIds: [...d.agreementIds],
    cpoLinks: d.cpoLinks.filter((l) => l.cpoId).map((l) => ({ cpoId: l.cpoId, share: l.share.trim() })),
    orgOutcomeLinks: d.orgOutcomeLinks.filter((l) => l.orgOutcomeId).map((l) => ({ orgOutcomeId: l.orgOutcomeId, share: l.share.trim() })),
    cfOutcomeIds: [...d.cfOutcomeIds],
    sdgTargets: d.sdgTargets.split(/[\s,;]+/).filter(Boolean),
  };
}

/** Only what the user changed, so a save touches nothing else (the API's partial update replaces a list it is given). */
export function changesOf(before: ProjectDraft, after: ProjectDraft): Partial<ProjectCreate> {
  const a = bodyOf(before) as Record<string, unknown>;
  const b = bodyOf(after) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(b).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(a[k]))) as Partial<ProjectCreate>;
}
