import { z } from 'zod';
import { CF_STAGES, DWCP_STATUSES, MILESTONE_KINDS } from '../../shared/contracts/programming.ts';

/**
 * A country programme as one JSON document (the pure half of `devcoop programme import`): the country's
 * profile, constituents, CF cycles with their structure, DWCPs whose CPOs name CF outcomes and outputs
 * by code, and milestones. Validated whole before anything is written.
 */
const orgRole = z.enum(['lead', 'co_lead', 'participant', 'none']).optional();
const date = z.iso.date();
const decimal = z.union([z.string(), z.number()]).transform((v) => String(v));
const indicators = z
  .array(
    z.strictObject({
      code: z.string().max(20).optional(),
      title: z.string().min(1).max(1000),
      unit: z.string().min(1).max(60),
      baselineValue: decimal.optional(),
      baselineDate: date.optional(),
      targets: z.array(z.strictObject({ kind: z.enum(['target', 'milestone']), periodStart: date, periodEnd: date, value: decimal })).default([]),
    }),
  )
  .default([]);

export const ProgrammeFile = z.strictObject({
  countryCode: z.string().regex(/^[A-Z]{2}$/),
  presence: z.enum(['resident', 'non_resident']),
  coveringOffice: z.string().min(1).max(32),
  deliveringAsOne: z.boolean().optional(),
  rcOffice: z.string().max(200).optional(),
  constituents: z
    .array(
      z.strictObject({ kind: z.enum(['ministry_of_labour', 'other_ministry', 'employers', 'workers']), name: z.string().min(1).max(300), acronym: z.string().max(40).optional() }),
    )
    .default([]),
  cycles: z
    .array(
      z.strictObject({
        kind: z.enum(['undaf', 'cooperation_framework']),
        title: z.string().min(1).max(300),
        periodStart: date,
        periodEnd: date,
        stage: z.enum(CF_STAGES),
        priorities: z
          .array(
            z.strictObject({
              code: z.string().min(1).max(20),
              title: z.string().min(1).max(1000),
              outcomes: z
                .array(
                  z.strictObject({
                    code: z.string().min(1).max(20),
                    text: z.string().min(1).max(2000),
                    orgRole,
                    outcomeGroup: z.string().max(200).optional(),
                    sdgTargets: z.array(z.string()).default([]),
                    outputs: z.array(z.strictObject({ code: z.string().min(1).max(20), text: z.string().min(1).max(2000), orgRole })).default([]),
                    indicators,
                  }),
                )
                .default([]),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
  dwcps: z
    .array(
      z.strictObject({
        title: z.string().min(1).max(300),
        periodStart: date,
        periodEnd: date,
        status: z.enum(DWCP_STATUSES),
        /** The title of the cycle (in this file or already stored) the DWCP is derived from. */
        cycle: z.string().optional(),
        priorities: z
          .array(
            z.strictObject({
              code: z.string().min(1).max(20),
              title: z.string().min(1).max(1000),
              alignmentRecorded: z.enum(['fully', 'partially', 'not']).optional(),
              alignmentEvidence: z.string().max(4000).optional(),
              cpos: z
                .array(
                  z.strictObject({
                    code: z.string().min(1).max(20),
                    derivation: z.enum(['derived', 'additional']),
                    /** Code of the CF outcome (in the DWCP's cycle) a derived CPO copies. */
                    cfOutcome: z.string().optional(),
                    text: z.string().max(2000).optional(),
                    justification: z.string().max(4000).optional(),
                    cfOutputs: z.array(z.string()).default([]),
                    sdgTargets: z.array(z.string()).default([]),
                    indicators,
                  }),
                )
                .default([]),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
  milestones: z
    .array(z.strictObject({ kind: z.enum(MILESTONE_KINDS), title: z.string().min(1).max(300), dueDate: date, notifyDays: z.number().int().min(0).max(365).optional() }))
    .default([]),
});
export type ProgrammeFile = z.infer<typeof ProgrammeFile>;

/** A problem of a programme document, located by its path in the JSON. */
export interface ProgrammeFileIssue {
  path: string;
  message: string;
}

/** Parses the JSON text; problems come back as issues with their place in the document, never thrown. */
export function parseProgrammeFile(text: string): { file?: ProgrammeFile; issues: ProgrammeFileIssue[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { issues: [{ path: '(file)', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  const r = ProgrammeFile.safeParse(json);
  if (r.success) return { file: r.data, issues: [] };
  return {
    issues: r.error.issues.map((i) => ({
      path: i.path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '') || '(root)',
      message: i.message,
    })),
  };
}
