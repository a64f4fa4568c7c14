import { type FormEvent, type ReactElement, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Office } from '../../shared/contracts/offices.ts';
import type { Agreement, Partner, ProjectDetail } from '../../shared/contracts/portfolio.ts';
import { PROJECT_PARTNER_ROLES, PROJECT_PLACES } from '../../shared/contracts/portfolio.ts';
import type { CountryPageData, OrgFrameworkTree } from '../../shared/contracts/programming-answers.ts';
import type { FundingSource } from '../../shared/contracts/reference.ts';
import { api } from '../api.ts';
import { FormField, SaveProblems, useSaveErrors } from '../components/FormParts.tsx';
import { Notice } from '../components/Layout.tsx';
import { fieldLabel } from '../forms/plain-issue.ts';
import { LinkRows } from '../project-form/LinkRows.tsx';
import { bodyOf, changesOf, draftOf, emptyDraft, MARKER_KEYS, type ProjectDraft } from '../project-form/project-draft.ts';
import { useSession } from '../session.tsx';
import { useCountries } from '../useCountries.ts';

/** The form's name: its inputs' ids are `pf-<field>` (FormParts' fieldId), which the summary of a refusal links to. */
const FORM = 'pf';
const inputId = (field: string) => `${FORM}-${field.replace(/\W+/g, '-')}`;

/** What the form chooses from: offices, funding sources, partners, agreements, frameworks, and the chosen country's programme. */
interface Choices {
  offices: Office[];
  sources: FundingSource[];
  partners: Partner[];
  agreements: Agreement[];
  frameworks: OrgFrameworkTree[];
}

/**
 * Create a project, or change one: every field the API holds (place, office, funding source, partners in their
 * roles, agreements, links with shares to country programme, organisation-wide and CF outcomes, SDG targets,
 * markers, dates, confidentiality). An edit sends only what changed, with the version read; a stale save says who
 * changed the project and keeps the draft.
 */
export function ProjectFormPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { user, can } = useSession();
  const { countries, countryName } = useCountries();
  const [project, setProject] = useState<ProjectDetail | null>(null);
  const [draft, setDraft] = useState<ProjectDraft>(emptyDraft());
  const [choices, setChoices] = useState<Choices | null>(null);
  const [country, setCountry] = useState<CountryPageData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = useSaveErrors({ label: (field) => fieldLabel(t, field) });
  const { clear } = errors;

  const load = useCallback(async () => {
    clear();
    try {
      const [offices, sources, partners, agreements, frameworks] = await Promise.all([api.offices(), api.fundingSources(), api.partners(), api.agreements(), api.frameworks()]);
      setChoices({ offices: offices.items, sources: sources.items, partners: partners.items, agreements: agreements.items, frameworks: frameworks.items });
      if (id) {
        const p = await api.project(id);
        setProject(p);
        setDraft(draftOf(p));
      } else setDraft((d) => ({ ...d, officeId: d.officeId || user?.officeId || offices.items[0]?.id || '' }));
    } catch (e) {
      setLoadError((e as Error).message);
    }
  }, [id, user?.officeId, clear]);
  useEffect(() => {
    load();
  }, [load]);

  useEffect(() => {
    if (draft.place !== 'country' || !draft.countryCode) return setCountry(null);
    let live = true;
    api
      .countryPage(draft.countryCode)
      .then((c) => live && setCountry(c))
      .catch(() => live && setCountry(null));
    return () => {
      live = false;
    };
  }, [draft.place, draft.countryCode]);

  const set = <K extends keyof ProjectDraft>(key: K, value: ProjectDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    errors.clear();
    try {
      const saved = project ? await api.updateProject(project.id, { ...changesOf(draftOf(project), draft), version: project.version }) : await api.createProject(bodyOf(draft));
      navigate(`/projects/${saved.id}`, { state: { saved: saved.code } });
    } catch (err) {
      errors.fail(err);
    } finally {
      setBusy(false);
    }
  }

  if (!can('projects.write')) return <Notice kind="error">{t('projectForm.notAllowed')}</Notice>;
  if (!choices) return loadError ? <Notice kind="error">{loadError}</Notice> : <p>{t('errors.loading')}</p>;

  const field = (name: string, label: string, input: (p: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactElement, hint?: string) => (
    <FormField form={FORM} field={name} label={label} problem={errors.problemOf(name)} hint={hint}>
      {input}
    </FormField>
  );
  const text = (name: 'code' | 'title' | 'titleFr' | 'titleEs' | 'regionCode' | 'probability', label: string, maxLength: number, hint?: string) =>
    field(name, label, (p) => <input {...p} value={draft[name]} onChange={(e) => set(name, e.target.value)} maxLength={maxLength} />, hint);
  const lang = i18n.language === 'fr' ? 'Fr' : i18n.language === 'es' ? 'Es' : 'En';
  const cpos = country?.dwcp?.priorities.flatMap((p) => p.cpos) ?? [];
  const cfOutcomes = country?.cycle?.priorities.flatMap((p) => p.outcomes) ?? [];
  const orgOutcomes = choices.frameworks.flatMap((f) => f.outcomes.map((o) => ({ ...o, framework: f.code })));
  const funders = new Set(draft.partners.map((p) => p.partnerId));
  const agreements = choices.agreements.filter((a) => funders.has(a.partnerId) || draft.agreementIds.includes(a.id));

  return (
    <section aria-labelledby="project-form-heading" className="form-page project-form">
      <p>
        <Link to={project ? `/projects/${project.id}` : '/projects'}>← {project ? project.code : t('portfolio.projectsTitle')}</Link>
      </p>
      <h1 id="project-form-heading">{project ? t('projectForm.editTitle', { code: project.code }) : t('projectForm.newTitle')}</h1>
      <SaveProblems form={FORM} errors={errors} onReload={load} />
      <form onSubmit={save} noValidate>
        <fieldset disabled={busy}>
          <legend>{t('projectForm.identity')}</legend>
          {text('code', t('formErrors.fields.code'), 40)}
          {text('title', t('formErrors.fields.title'), 500)}
          {text('titleFr', t('formErrors.fields.titleFr'), 500)}
          {text('titleEs', t('formErrors.fields.titleEs'), 500)}
          {field('description', t('formErrors.fields.description'), (p) => (
            <textarea {...p} rows={4} value={draft.description} onChange={(e) => set('description', e.target.value)} maxLength={10000} />
          ))}
        </fieldset>
        <fieldset disabled={busy}>
          <legend>{t('projectForm.where')}</legend>
          {field('place', t('formErrors.fields.place'), (p) => (
            <select {...p} value={draft.place} onChange={(e) => set('place', e.target.value as ProjectDraft['place'])}>
              {PROJECT_PLACES.map((x) => (
                <option key={x} value={x}>
                  {t(`projectForm.places.${x}`)}
                </option>
              ))}
            </select>
          ))}
          {draft.place === 'country' &&
            field('countryCode', t('formErrors.fields.countryCode'), (p) => (
              <select {...p} value={draft.countryCode} onChange={(e) => setDraft((d) => ({ ...d, countryCode: e.target.value, cpoLinks: [], cfOutcomeIds: [] }))}>
                <option value="">—</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {countryName(c)}
                  </option>
                ))}
              </select>
            ))}
          {draft.place === 'region' && text('regionCode', t('formErrors.fields.regionCode'), 10, t('projectForm.regionHint'))}
          {field('officeId', t('formErrors.fields.officeId'), (p) => (
            <select {...p} value={draft.officeId} onChange={(e) => set('officeId', e.target.value)}>
              {choices.offices.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name} ({o.code})
                </option>
              ))}
            </select>
          ))}
          {field('fundingSource', t('formErrors.fields.fundingSource'), (p) => (
            <select {...p} value={draft.fundingSource} onChange={(e) => set('fundingSource', e.target.value)}>
              <option value="">—</option>
              {choices.sources.map((s) => (
                <option key={s.code} value={s.code}>
                  {s[`name${lang}`]} ({s.code})
                </option>
              ))}
            </select>
          ))}
          <div className="field-row">
            {field('plannedStart', t('formErrors.fields.plannedStart'), (p) => (
              <input {...p} type="date" value={draft.plannedStart} onChange={(e) => set('plannedStart', e.target.value)} />
            ))}
            {field('plannedEnd', t('formErrors.fields.plannedEnd'), (p) => (
              <input {...p} type="date" value={draft.plannedEnd} onChange={(e) => set('plannedEnd', e.target.value)} />
            ))}
          </div>
          {(!project || project.status === 'pipeline') &&
            field(
              'probability',
              t('formErrors.fields.probability'),
              (p) => <input {...p} type="number" min={0} max={100} step="any" inputMode="decimal" value={draft.probability} onChange={(e) => set('probability', e.target.value)} />,
              t('projectForm.probabilityHint'),
            )}
          <div className="field checkbox">
            <input id={inputId('confidential')} type="checkbox" checked={draft.confidential} onChange={(e) => set('confidential', e.target.checked)} />
            <label htmlFor={inputId('confidential')}>{t('projectForm.confidential')}</label>
          </div>
        </fieldset>
        <fieldset disabled={busy}>
          <legend>{t('projectForm.partners')}</legend>
          <LinkRows<ProjectDraft['partners'][number]>
            name="partners"
            rows={draft.partners}
            onChange={(rows) => set('partners', rows)}
            blank={{ partnerId: '', role: 'funding' }}
            problemOf={errors.problemOf}
            inputId={inputId}
            addLabel={t('projectForm.addPartner')}
            columns={[
              { key: 'partnerId', label: t('formErrors.fields.partnerId'), options: choices.partners.map((p) => ({ value: p.id, label: p.name })) },
              { key: 'role', label: t('formErrors.fields.role'), options: PROJECT_PARTNER_ROLES.map((r) => ({ value: r, label: t(`portfolio.roles.${r}`) })) },
            ]}
          />
          <fieldset className="checks">
            <legend>{t('portfolio.agreements')}</legend>
            {agreements.length === 0 && <p className="muted small">{t('projectForm.noAgreements')}</p>}
            {agreements.map((a) => (
              <div className="field checkbox" key={a.id}>
                <input
                  id={inputId(`agreement-${a.id}`)}
                  type="checkbox"
                  checked={draft.agreementIds.includes(a.id)}
                  onChange={(e) => set('agreementIds', e.target.checked ? [...draft.agreementIds, a.id] : draft.agreementIds.filter((x) => x !== a.id))}
                />
                <label htmlFor={inputId(`agreement-${a.id}`)}>
                  <code>{a.code}</code> {a.title} <span className="muted">({a.partnerName})</span>
                </label>
              </div>
            ))}
          </fieldset>
        </fieldset>
        <fieldset disabled={busy}>
          <legend>{t('projectForm.results')}</legend>
          {draft.place === 'country' && !draft.countryCode && <p className="muted small">{t('projectForm.chooseCountry')}</p>}
          {draft.place === 'country' && draft.countryCode && (
            <LinkRows
              name="cpoLinks"
              rows={draft.cpoLinks}
              onChange={(rows) => set('cpoLinks', rows)}
              blank={{ cpoId: '', share: '100' }}
              problemOf={errors.problemOf}
              inputId={inputId}
              addLabel={t('projectForm.addCpo')}
              empty={cpos.length === 0 ? t('projectForm.noCpos') : undefined}
              columns={[
                { key: 'cpoId', label: t('formErrors.fields.cpoId'), options: cpos.map((c) => ({ value: c.id, label: `${c.code} ${c.text}` })) },
                { key: 'share', label: t('projectForm.sharePercent'), number: true },
              ]}
            />
          )}
          <LinkRows
            name="orgOutcomeLinks"
            rows={draft.orgOutcomeLinks}
            onChange={(rows) => set('orgOutcomeLinks', rows)}
            blank={{ orgOutcomeId: '', share: '100' }}
            problemOf={errors.problemOf}
            inputId={inputId}
            addLabel={t('projectForm.addOrgOutcome')}
            columns={[
              { key: 'orgOutcomeId', label: t('formErrors.fields.orgOutcomeId'), options: orgOutcomes.map((o) => ({ value: o.id, label: `${o.framework} ${o.code} ${o.title}` })) },
              { key: 'share', label: t('projectForm.sharePercent'), number: true },
            ]}
          />
          {cfOutcomes.length > 0 && (
            <fieldset className="checks">
              <legend>{t('projectForm.cfOutcomes', { cycle: country?.cycle ? `${country.cycle.periodStart.slice(0, 4)}–${country.cycle.periodEnd.slice(0, 4)}` : '' })}</legend>
              {cfOutcomes.map((o) => (
                <div className="field checkbox" key={o.id}>
                  <input
                    id={inputId(`cf-${o.id}`)}
                    type="checkbox"
                    checked={draft.cfOutcomeIds.includes(o.id)}
                    onChange={(e) => set('cfOutcomeIds', e.target.checked ? [...draft.cfOutcomeIds, o.id] : draft.cfOutcomeIds.filter((x) => x !== o.id))}
                  />
                  <label htmlFor={inputId(`cf-${o.id}`)}>
                    <code>{o.code}</code> {o.text}
                  </label>
                </div>
              ))}
            </fieldset>
          )}
          {field(
            'sdgTargets',
            t('formErrors.fields.sdgTargets'),
            (p) => (
              <input {...p} value={draft.sdgTargets} onChange={(e) => set('sdgTargets', e.target.value)} />
            ),
            t('projectForm.sdgHint'),
          )}
        </fieldset>
        <fieldset disabled={busy}>
          <legend>{t('portfolio.markers')}</legend>
          <div className="field-row">
            {MARKER_KEYS.map((m) => (
              <div className="field" key={m}>
                <label htmlFor={inputId(`markers-${m}`)}>{t(`portfolio.markerNames.${m}`)}</label>
                <select id={inputId(`markers-${m}`)} value={draft.markers[m]} onChange={(e) => set('markers', { ...draft.markers, [m]: Number(e.target.value) })}>
                  {[0, 1, 2].map((v) => (
                    <option key={v} value={v}>
                      {t(`portfolio.significance.${v}`)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {busy ? t('officeForm.saving') : project ? t('officeForm.save') : t('projectForm.create')}
          </button>
          <Link to={project ? `/projects/${project.id}` : '/projects'}>{t('officeForm.cancel')}</Link>
        </div>
      </form>
    </section>
  );
}
