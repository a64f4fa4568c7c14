import type { Kysely } from 'kysely';
import { FINANCE_LABELS } from '../../../shared/finance-labels.ts';
import type { Locale } from '../../../shared/locales.ts';
import type { ProjectStatus } from '../../../shared/project-statuses.ts';
import type { Actor } from '../../access/actor.ts';
import { scopeFor } from '../../access/rights.ts';
import type { DB } from '../../db/schema.ts';
import { type DownloadFile, tableFile } from '../../spreadsheets/export-table.ts';
import { type ProjectListFilter, selectProjects } from './projects.queries.ts';

/** The most rows a download of the projects list holds (the list's filters narrow it). */
export const PROJECTS_FILE_LIMIT = 50_000;

const WORDS = {
  en: {
    title: 'Projects',
    code: 'Code',
    project: 'Title',
    country: 'Country',
    office: 'Office',
    status: 'Status',
    source: 'Funding source',
    start: 'Planned start',
    end: 'Planned end',
    probability: 'Probability (%)',
  },
  fr: {
    title: 'Projets',
    code: 'Code',
    project: 'Titre',
    country: 'Pays',
    office: 'Bureau',
    status: 'Statut',
    source: 'Source de financement',
    start: 'Début prévu',
    end: 'Fin prévue',
    probability: 'Probabilité (%)',
  },
  es: {
    title: 'Proyectos',
    code: 'Código',
    project: 'Título',
    country: 'País',
    office: 'Oficina',
    status: 'Estado',
    source: 'Fuente de financiación',
    start: 'Inicio previsto',
    end: 'Fin previsto',
    probability: 'Probabilidad (%)',
  },
} satisfies Record<Locale, Record<string, string>>;

/**
 * The projects list as the user filtered it, as a CSV or XLSX file: the columns in the language asked for, the
 * status in words, the title in that language where the project has one.
 */
export async function projectsTableFile(
  db: Kysely<DB>,
  filter: Omit<ProjectListFilter, 'limit' | 'offset'>,
  format: 'csv' | 'xlsx',
  lang: Locale,
  actor: Actor,
): Promise<DownloadFile> {
  const { rows } = await selectProjects(db, scopeFor(actor, 'projects.read'), { ...filter, limit: PROJECTS_FILE_LIMIT, offset: 0 });
  const w = WORDS[lang];
  const statusWord = FINANCE_LABELS[lang].projectStatus;
  const title = (r: (typeof rows)[number]) => (lang === 'fr' ? r.title_fr : lang === 'es' ? r.title_es : null) ?? r.title;
  return tableFile(
    {
      title: w.title,
      columns: [
        { key: 'code', label: w.code },
        { key: 'title', label: w.project },
        { key: 'country', label: w.country },
        { key: 'office', label: w.office },
        { key: 'status', label: w.status },
        { key: 'source', label: w.source },
        { key: 'start', label: w.start },
        { key: 'end', label: w.end },
        { key: 'probability', label: w.probability, numeric: true },
      ],
      rows: rows.map((r) => ({
        code: r.code,
        title: title(r),
        country: r.country_code ?? r.region_code ?? '',
        office: r.office_name,
        status: statusWord[r.status as ProjectStatus],
        source: r.funding_source,
        start: r.planned_start,
        end: r.planned_end,
        probability: r.probability,
      })),
    },
    format,
    `${w.title.toLowerCase()}`,
  );
}
