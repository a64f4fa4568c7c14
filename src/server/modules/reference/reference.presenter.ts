import type { Selectable } from 'kysely';
import type { Codelist, CodelistCode, CodelistWithCodes, FundingSource, NamedCode, SdgGoal, SdgIndicator, SdgTarget } from '../../../shared/contracts/reference.ts';
import type { DB } from '../../db/schema.ts';
import type { NamedCodeTable } from '../../db/tables/common.ts';

/** A country, currency or region. */
export function presentNamedCode(r: Selectable<NamedCodeTable>): NamedCode {
  return { code: r.code, nameEn: r.name_en, nameFr: r.name_fr, nameEs: r.name_es, status: r.status };
}

export function presentFundingSource(r: Selectable<DB['funding_sources']>): FundingSource {
  return { code: r.code, nameEn: r.name_en, nameFr: r.name_fr, nameEs: r.name_es, kind: r.kind };
}

type CodelistRow = Selectable<DB['codelists']>;
type CodeRow = Omit<Selectable<DB['codelist_codes']>, 'codelist'>;

export function presentCodelist(r: CodelistRow & { code_count: number | string }): Codelist {
  return {
    name: r.name,
    title: r.title,
    category: r.category,
    complete: r.complete,
    embedded: r.embedded,
    source: r.source,
    codeCount: Number(r.code_count),
  };
}

export function presentCodelistCode(r: CodeRow): CodelistCode {
  return { code: r.code, nameEn: r.name_en, nameFr: r.name_fr, nameEs: r.name_es, description: r.description, category: r.category, status: r.status };
}

export function presentCodelistWithCodes(list: CodelistRow, codes: readonly CodeRow[]): CodelistWithCodes {
  return { ...presentCodelist({ ...list, code_count: codes.length }), codes: codes.map(presentCodelistCode) };
}

export function presentSdgGoal(r: Selectable<DB['sdg_goals']>): SdgGoal {
  return { code: r.code, shortEn: r.short_en, titleEn: r.title_en, titleFr: r.title_fr, titleEs: r.title_es };
}

export function presentSdgTarget(r: Selectable<DB['sdg_targets']>): SdgTarget {
  return { code: r.code, goalCode: r.goal_code, titleEn: r.title_en, titleFr: r.title_fr, titleEs: r.title_es };
}

export function presentSdgIndicator(r: Selectable<DB['sdg_indicators']>): SdgIndicator {
  return { code: r.code, targetCode: r.target_code, titleEn: r.title_en, titleFr: r.title_fr, titleEs: r.title_es };
}
