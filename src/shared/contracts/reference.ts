import { z } from 'zod';
import { listOf } from './list.ts';

/**
 * Reference data as the API answers it (published standards: IATI codelists, ISO 4217, the SDG framework).
 * Names in English, French and Spanish, camelCase like every answer.
 */

/** A country, currency or region: a code of an IATI codelist with its names. */
export const NamedCode = z.object({
  code: z.string(),
  nameEn: z.string(),
  nameFr: z.string(),
  nameEs: z.string(),
  status: z.string(),
});
export type NamedCode = z.infer<typeof NamedCode>;
/** A country of the IATI Country codelist (ISO 3166-1 alpha-2). */
export type Country = NamedCode;
export const NamedCodeList = listOf(NamedCode);
export type NamedCodeList = z.infer<typeof NamedCodeList>;

/** One of the organisation's funding sources (regular budget, RBSA, extra-budgetary, …) and its kind. */
export const FundingSource = z.object({
  code: z.string(),
  nameEn: z.string(),
  nameFr: z.string(),
  nameEs: z.string(),
  kind: z.string(),
});
export type FundingSource = z.infer<typeof FundingSource>;
export const FundingSourceList = listOf(FundingSource);
export type FundingSourceList = z.infer<typeof FundingSourceList>;

/** An IATI codelist and how many codes it has. */
export const Codelist = z.object({
  name: z.string(),
  title: z.string(),
  category: z.string().nullable(),
  complete: z.boolean(),
  embedded: z.boolean(),
  source: z.string(),
  codeCount: z.number().int(),
});
export type Codelist = z.infer<typeof Codelist>;

/** A code of an IATI codelist; not every codelist names its codes in French and Spanish. */
export const CodelistCode = z.object({
  code: z.string(),
  nameEn: z.string(),
  nameFr: z.string().nullable(),
  nameEs: z.string().nullable(),
  description: z.string().nullable(),
  category: z.string().nullable(),
  status: z.string(),
});
export type CodelistCode = z.infer<typeof CodelistCode>;

/** A codelist with its codes, in code order. */
export const CodelistWithCodes = Codelist.extend({ codes: z.array(CodelistCode) });
export type CodelistWithCodes = z.infer<typeof CodelistWithCodes>;

const sdgTitles = { titleEn: z.string(), titleFr: z.string(), titleEs: z.string() };

/** A Sustainable Development Goal. */
export const SdgGoal = z.object({ code: z.string(), shortEn: z.string().nullable(), ...sdgTitles });
export type SdgGoal = z.infer<typeof SdgGoal>;

/** An SDG target (8.7) of its goal. */
export const SdgTarget = z.object({ code: z.string(), goalCode: z.string(), ...sdgTitles });
export type SdgTarget = z.infer<typeof SdgTarget>;

/** An SDG indicator (8.7.1) of its target. */
export const SdgIndicator = z.object({ code: z.string(), targetCode: z.string(), ...sdgTitles });
export type SdgIndicator = z.infer<typeof SdgIndicator>;
