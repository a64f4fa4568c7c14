import { z } from 'zod';
import { listOf } from './list.ts';

/** What the API answers about IATI: publishing settings, validation and import reports, other publishers' activities. */

const count = z.number().int();

/** Who publishes the files, and what an activity of the activity file is (a project, or an outcome in a biennium). */
export const IatiPublisher = z.object({
  ref: z.string(),
  name: z.string(),
  type: z.string(),
  defaultSector: z.string(),
  activityUnit: z.enum(['project', 'cpo_biennium']),
});
export type IatiPublisher = z.infer<typeof IatiPublisher>;

export const IatiSeverity = z.enum(['critical', 'error', 'warning']);
export type IatiSeverity = z.infer<typeof IatiSeverity>;

/** One finding of a validation: the rule (the IATI Validator's id, 0.x for the file, `codelist`), where and what. */
export const IatiFinding = z.object({
  rule: z.string(),
  severity: IatiSeverity,
  category: z.string(),
  message: z.string(),
  line: count.nullable(),
  /** where in the record: transaction/description */
  path: z.string(),
  /** the codelist, for codelist findings */
  codelist: z.string().optional(),
  value: z.string().optional(),
});
export type IatiFinding = z.infer<typeof IatiFinding>;

export const IatiCounts = z.object({ critical: count, error: count, warning: count });

/** A record (activity or organisation) with findings: its identifier as written ('' when missing) and line. */
export const IatiRecordReport = z.object({ identifier: z.string(), line: count, findings: z.array(IatiFinding) });
export type IatiRecordReport = z.infer<typeof IatiRecordReport>;

/** A validation report of a whole file: totals, findings about the file, the records with findings, what was counted but not listed. */
export const IatiValidationReport = z.object({
  kind: z.enum(['activities', 'organisations']).nullable(),
  version: z.string().nullable(),
  bytes: count,
  records: count,
  /** true when nothing critical and no error was found (warnings alone keep a file valid) */
  valid: z.boolean(),
  /** every finding, listed or not */
  counts: IatiCounts,
  /** findings about the file as a whole (not XML, not IATI, unsupported version) */
  file: z.array(IatiFinding),
  /** the records with findings, in file order */
  withFindings: z.array(IatiRecordReport),
  /** findings listed per rule (and codelist and severity); those beyond are counted in `unlisted` */
  listedPerRule: count,
  unlisted: z.array(z.object({ rule: z.string(), codelist: z.string().optional(), severity: IatiSeverity, count })),
});
export type IatiValidationReport = z.infer<typeof IatiValidationReport>;

/** The result of a validation job: the report of the file sent, with its name. */
export const IatiValidation = IatiValidationReport.extend({ fileName: z.string() });
export type IatiValidation = z.infer<typeof IatiValidation>;

/** The project an activity of our own file comes from. */
export const IatiFindingProject = z.object({ id: z.uuid(), code: z.string(), title: z.string() });
/** In the outcome-and-biennium mode, the country programme outcome and biennium an activity of our own file comes from. */
export const IatiFindingOutcome = z.object({ code: z.string(), text: z.string(), countryCode: z.string(), biennium: z.string() });

/** The result of a check of what devcoop publishes: the validation of the generated file, each record tied to where it is fixed. */
export const IatiPublicationCheck = IatiValidation.extend({
  withFindings: z.array(IatiRecordReport.extend({ project: IatiFindingProject.nullable(), outcome: IatiFindingOutcome.nullable() })),
});
export type IatiPublicationCheck = z.infer<typeof IatiPublicationCheck>;

/** What was left out of an imported activity (or the activity itself), and why. */
export const IatiSkipped = z.object({ what: z.enum(['activity', 'transaction', 'budget']), line: count, reason: z.string() });
export type IatiSkipped = z.infer<typeof IatiSkipped>;

export const IatiActivityOutcome = z.object({
  identifier: z.string(),
  line: count,
  /** new: not known before; updated: replaced the stored one (its transactions and budgets too) */
  status: z.enum(['new', 'updated', 'skipped']),
  transactions: count,
  skipped: z.array(IatiSkipped),
});
export type IatiActivityOutcome = z.infer<typeof IatiActivityOutcome>;

/** The result of an import job: what was imported, and the activities with something skipped. */
export const IatiImportReport = z.object({
  importId: z.uuid(),
  fileName: z.string(),
  version: z.string().nullable(),
  /** `asProjects`: the organisation's own activities, which became (or updated) its projects */
  activities: z.object({ imported: count, new: count, updated: count, skipped: count, asProjects: count }),
  transactions: z.object({ imported: count, skipped: count }),
  budgets: z.object({ imported: count, skipped: count }),
  outcomes: z.array(IatiActivityOutcome),
});
export type IatiImportReport = z.infer<typeof IatiImportReport>;

/** Another publisher's activity read from an IATI file, and the project of ours it is linked to (co-financing). */
export const IatiActivity = z.object({
  id: z.uuid(),
  identifier: z.string(),
  title: z.string().nullable(),
  /** the reporting organisation's name, or its identifier when the file names none */
  reportingOrg: z.string().nullable(),
  reportingOrgRef: z.string().nullable(),
  iatiVersion: z.string().nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  projectId: z.uuid().nullable(),
  version: count,
});
export type IatiActivity = z.infer<typeof IatiActivity>;

export const IatiActivityList = listOf(IatiActivity);
export type IatiActivityList = z.infer<typeof IatiActivityList>;

/** A transaction in another publisher's file that names our project's activity as provider or receiver. */
export const IatiTracedTransaction = z.object({
  activity: z.string(),
  publisher: z.string().nullable(),
  type: z.string(),
  date: z.string(),
  value: z.string(),
  currency: z.string().nullable(),
  ourRole: z.enum(['provider', 'receiver']),
});
export type IatiTracedTransaction = z.infer<typeof IatiTracedTransaction>;

/** A project's IATI picture: its activity identifier, linked activities of other publishers, transactions naming it. */
export const ProjectIati = z.object({ identifier: z.string(), linked: z.array(IatiActivity), traced: z.array(IatiTracedTransaction) });
export type ProjectIati = z.infer<typeof ProjectIati>;

/** A project's activity as published, validated alone; `notPublished` says why it is not an activity of the file, when it is not. */
export const ProjectIatiCheck = z.object({
  identifier: z.string(),
  notPublished: z.enum(['confidential', 'status', 'outcome_unit', 'synthetic']).nullable(),
  valid: z.boolean(),
  counts: IatiCounts,
  /** findings on this project's activity, each with the path of the element it is about (the field to fix) */
  findings: z.array(IatiFinding),
});
export type ProjectIatiCheck = z.infer<typeof ProjectIatiCheck>;
