import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { CountryPageData } from '../../shared/contracts/programming-answers.ts';
import { ApiError } from '../api/client.ts';
import { api } from '../api.ts';
import { AlignmentMatrix } from '../components/AlignmentMatrix.tsx';
import { CfStructure } from '../components/CfStructure.tsx';
import { ConstituentForm, CpoEditor, MilestoneForm, PriorityAssessment } from '../components/CountryEditors.tsx';
import { IndicatorPanel } from '../components/IndicatorPanel.tsx';
import { Notice } from '../components/Layout.tsx';
import { MilestoneTable } from '../components/MilestoneTable.tsx';
import { CycleEditors, DwcpEditors, ProfileEditor } from '../components/ProgrammeEditors.tsx';
import { ReportLinks } from '../components/ReportLinks.tsx';
import { ResourceNeeds } from '../components/ResourceNeeds.tsx';
import { ResultsChain } from '../components/ResultsChain.tsx';
import { useSession } from '../session.tsx';
import { useCountries } from '../useCountries.ts';

/** One country at a glance: presence, constituents, the CF and the DWCP, the results chain, alignment, coming milestones. */
export function CountryPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const { name } = useCountries();
  const [data, setData] = useState<CountryPageData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const { can } = useSession();
  const canWrite = can('programming.write');
  const load = useCallback(() => {
    api
      .countryPage(code)
      .then((d) => {
        setData(d);
        setGeneration((g) => g + 1);
      })
      .catch((e) => setError(e instanceof ApiError && e.status === 404 ? t('errors.notFound') : e.message));
  }, [code, t]);
  useEffect(load, [load]);

  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <p>{t('errors.loading')}</p>;
  const { profile, constituents, cycles, cycle, dwcp, milestones } = data;
  const cfOutputs = cycle?.priorities.flatMap((p) => p.outcomes.flatMap((o) => o.outputs)) ?? [];
  const outputCode = (id: string) => cfOutputs.find((o) => o.id === id)?.code ?? '?';
  const synthetic = (on: unknown) =>
    on ? (
      <span className="badge" title={t('app.syntheticHint')}>
        {t('app.synthetic')}
      </span>
    ) : null;

  return (
    <article aria-labelledby="country-title" className="country">
      <p>
        <Link to="/countries">← {t('countries.title')}</Link>
      </p>
      <h1 id="country-title">
        {name(code)} {synthetic(profile.isSynthetic)}
      </h1>
      <dl className="facts">
        <div>
          <dt>{t('countries.presence')}</dt>
          <dd>{t(`countries.${profile.presence}`)}</dd>
        </div>
        <div>
          <dt>{t('countries.coveringOffice')}</dt>
          <dd>{profile.coveringOfficeName}</dd>
        </div>
        {profile.deliveringAsOne && (
          <div>
            <dt>{t('countries.dao')}</dt>
            <dd>✓</dd>
          </div>
        )}
      </dl>
      <ReportLinks kind="country-brief" subject={code} query={{}} label={t('plans.countryBrief')} />
      {canWrite && <ProfileEditor key={`profile-${generation}`} code={code} data={data} reload={load} />}

      <div className="grid-2">
        <section aria-labelledby="constituents-title" className="card">
          <h2 id="constituents-title">{t('countries.constituents')}</h2>
          <ul className="plain">
            {constituents.map((c) => (
              <li key={c.id}>
                <span className="muted">{t(`countries.kinds.${c.kind}`)}:</span> {c.name}
                {(c.contactName || c.contactEmail) && (
                  <div className="small muted">
                    {c.contactName} {c.contactEmail && <a href={`mailto:${c.contactEmail}`}>{c.contactEmail}</a>}
                  </div>
                )}
              </li>
            ))}
          </ul>
          {canWrite && <ConstituentForm code={code} reload={load} />}
        </section>
        <section aria-labelledby="milestones-title" className="card">
          <h2 id="milestones-title">{t('countries.milestones')}</h2>
          {milestones.length ? <MilestoneTable items={milestones} showCountry={false} onDone={canWrite ? load : undefined} /> : <p>{t('countries.noMilestones')}</p>}
          {canWrite && <MilestoneForm code={code} reload={load} />}
        </section>
      </div>

      <section aria-labelledby="cf-title">
        <h2 id="cf-title">{t('countries.cf')}</h2>
        <table className="data compact">
          <thead>
            <tr>
              <th scope="col">{t('countries.cycles')}</th>
              <th scope="col">{t('countries.period')}</th>
              <th scope="col">{t('countries.stage')}</th>
            </tr>
          </thead>
          <tbody>
            {cycles.map((c) => (
              <tr key={c.id} className={c.id === cycle?.id ? 'current' : undefined}>
                <th scope="row">
                  {c.title} {synthetic(c.isSynthetic)}
                </th>
                <td>
                  {c.periodStart.slice(0, 4)}–{c.periodEnd.slice(0, 4)}
                </td>
                <td>{t(`countries.stages.${c.stage}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <CfStructure data={data} canWrite={canWrite} reload={load} />
        {canWrite && <CycleEditors key={`cf-${generation}`} code={code} data={data} reload={load} />}
      </section>

      <section aria-labelledby="dwcp-title">
        <h2 id="dwcp-title">
          {t('countries.dwcp')}
          {dwcp ? `: ${dwcp.title}` : ''} {synthetic(dwcp?.isSynthetic)}
        </h2>
        {!dwcp ? (
          <p>{t('countries.noDwcp')}</p>
        ) : (
          <ol className="priorities">
            {dwcp.priorities.map((p) => (
              <li key={p.id}>
                <strong>
                  {p.code} {p.title}
                </strong>{' '}
                <span className={`level ${p.alignmentRecorded ?? p.alignmentComputed}`}>{t(`alignmentView.levels.${p.alignmentRecorded ?? p.alignmentComputed}`)}</span>
                {p.alignmentEvidence && <div className="muted small">{p.alignmentEvidence}</div>}
                {canWrite && <PriorityAssessment priority={p} reload={load} />}
                <ul>
                  {p.cpos.map((c) => (
                    <li key={c.id}>
                      <code>{c.code}</code> {c.text}{' '}
                      <span className="muted">{c.derivation === 'derived' ? t('countries.derived', { code: c.cfOutcomeCode }) : t('countries.additional')}</span>
                      {c.drifted && <span className="badge warn">{t('countries.drifted')}</span>}
                      {c.justification && (
                        <div className="muted small">
                          {t('countries.justification')}: {c.justification}
                        </div>
                      )}
                      {c.cfOutputIds.length > 0 && (
                        <div className="muted small">
                          {t('editors.cpo.linkedOutputs')}: {c.cfOutputIds.map(outputCode).join(', ')}
                        </div>
                      )}
                      {canWrite && <CpoEditor cpo={c} outputs={cfOutputs} reload={load} />}
                      <IndicatorPanel nodeType="cpo" nodeId={c.id} all={data.indicators} canWrite={canWrite} reload={load} />
                      <ResourceNeeds cpoId={c.id} canWrite={canWrite} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
        {canWrite && <DwcpEditors key={`dwcp-${generation}`} code={code} data={data} reload={load} />}
      </section>

      <section aria-labelledby="matrix-title">
        <h2 id="matrix-title">{t('alignmentView.matrix')}</h2>
        {dwcp ? <AlignmentMatrix key={generation} code={code} /> : <p>{t('countries.noDwcp')}</p>}
      </section>

      <section aria-labelledby="chain-title">
        <h2 id="chain-title">{t('countries.chain')}</h2>
        <ResultsChain cycle={cycle} dwcp={dwcp} sdgTargets={data.sdgTargets} />
      </section>
    </article>
  );
}
