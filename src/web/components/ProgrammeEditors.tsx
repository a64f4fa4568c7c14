import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Office } from '../../shared/contracts/offices.ts';
import {
  CF_STAGES,
  type CfCycleCreate,
  type CfCycleUpdate,
  type CfOutcomeCreate,
  type CfOutputCreate,
  type CfPriorityCreate,
  type CountryProfileUpdate,
  type CpoCreate,
  DWCP_STATUSES,
  type DwcpCreate,
  type DwcpPriorityCreate,
} from '../../shared/contracts/programming.ts';
import type { CfOutput, CountryPageData } from '../../shared/contracts/programming-answers.ts';
import type { In } from '../api/programming.ts';
import { api } from '../api.ts';
import { QuickForm } from './QuickForm.tsx';

/** The editors of the country page, each a QuickForm over one API call; `reload` refreshes the page after. */
type Props = { code: string; data: CountryPageData; reload: () => void };

export function ProfileEditor({ code, data, reload }: Props) {
  const { t } = useTranslation();
  const [offices, setOffices] = useState<Office[]>([]);
  useEffect(() => {
    api
      .offices()
      .then((r) => setOffices(r.items))
      .catch(() => setOffices([]));
  }, []);
  const p = data.profile;
  return (
    <QuickForm
      title={t('edit.editProgramme')}
      onDone={reload}
      onSubmit={(v) => api.updateProgramme(code, { ...v, version: p.version } as In<typeof CountryProfileUpdate>)}
      fields={[
        {
          name: 'presence',
          label: t('countries.presence'),
          type: 'select',
          required: true,
          defaultValue: p.presence,
          options: ['resident', 'non_resident'].map((x) => ({ value: x, label: t(`countries.${x}`) })),
        },
        {
          name: 'coveringOfficeId',
          label: t('countries.coveringOffice'),
          type: 'select',
          required: true,
          defaultValue: p.coveringOfficeId,
          options: offices.map((o) => ({ value: o.id, label: `${o.name} (${o.code})` })),
        },
        { name: 'deliveringAsOne', label: t('countries.dao'), type: 'checkbox', defaultValue: p.deliveringAsOne },
        { name: 'rcOffice', label: t('edit.rcOffice'), defaultValue: p.rcOffice ?? '', maxLength: 200 },
        { name: 'notes', label: t('edit.notes'), type: 'textarea', defaultValue: p.notes ?? '', maxLength: 4000 },
      ]}
    />
  );
}

const roleOptions = (t: (k: string) => string) => ['lead', 'co_lead', 'participant', 'none'].map((r) => ({ value: r, label: t(`countries.orgRole.${r}`) }));

export function CycleEditors({ code, data, reload }: Props) {
  const { t } = useTranslation();
  const cycle = data.cycle;
  const outcomes = cycle?.priorities.flatMap((p) => p.outcomes) ?? [];
  return (
    <div className="editors">
      <QuickForm
        title={t('edit.addCycle')}
        onDone={reload}
        onSubmit={(v) => api.addCycle(code, v as In<typeof CfCycleCreate>)}
        fields={[
          {
            name: 'kind',
            label: t('edit.kindLabel'),
            type: 'select',
            required: true,
            options: [
              { value: 'cooperation_framework', label: t('countries.cf') },
              { value: 'undaf', label: 'UNDAF' },
            ],
          },
          { name: 'title', label: t('edit.title'), required: true, maxLength: 300 },
          { name: 'periodStart', label: t('edit.periodStart'), type: 'date', required: true },
          { name: 'periodEnd', label: t('edit.periodEnd'), type: 'date', required: true },
          { name: 'stage', label: t('countries.stage'), type: 'select', required: true, options: CF_STAGES.map((s) => ({ value: s, label: t(`countries.stages.${s}`) })) },
        ]}
      />
      {cycle && (
        <>
          <QuickForm
            title={t('edit.changeStage')}
            onDone={reload}
            onSubmit={(v) => api.updateCycle(cycle.id, { ...v, version: cycle.version } as In<typeof CfCycleUpdate>)}
            fields={[
              {
                name: 'stage',
                label: t('countries.stage'),
                type: 'select',
                required: true,
                defaultValue: cycle.stage,
                options: CF_STAGES.map((s) => ({ value: s, label: t(`countries.stages.${s}`) })),
              },
            ]}
          />
          <QuickForm
            title={t('edit.addPriority')}
            onDone={reload}
            onSubmit={(v) => api.addCfPriority(cycle.id, v as In<typeof CfPriorityCreate>)}
            fields={[
              { name: 'code', label: t('edit.code'), required: true, maxLength: 20 },
              { name: 'title', label: t('edit.title'), required: true, maxLength: 1000 },
            ]}
          />
          {cycle.priorities.length > 0 && (
            <QuickForm
              title={t('edit.addOutcome')}
              onDone={reload}
              onSubmit={(v) => api.addCfOutcome(cycle.id, v as In<typeof CfOutcomeCreate>)}
              fields={[
                {
                  name: 'priorityId',
                  label: t('edit.priority'),
                  type: 'select',
                  required: true,
                  options: cycle.priorities.map((p) => ({ value: p.id, label: `${p.code} ${p.title}` })),
                },
                { name: 'code', label: t('edit.code'), required: true, maxLength: 20 },
                { name: 'text', label: t('edit.text'), type: 'textarea', required: true, maxLength: 2000 },
                { name: 'orgRole', label: t('edit.orgRole'), type: 'select', required: true, defaultValue: 'participant', options: roleOptions(t) },
                { name: 'outcomeGroup', label: t('edit.outcomeGroup'), maxLength: 200 },
                { name: 'sdgTargets', label: t('edit.sdgTargets'), type: 'list', hint: t('edit.sdgHint') },
              ]}
            />
          )}
          {outcomes.length > 0 && (
            <QuickForm
              title={t('edit.addOutput')}
              onDone={reload}
              onSubmit={({ outcomeId, ...v }) => api.addCfOutput(String(outcomeId), v as In<typeof CfOutputCreate>)}
              fields={[
                { name: 'outcomeId', label: t('edit.outcome'), type: 'select', required: true, options: outcomes.map((o) => ({ value: o.id, label: `${o.code} ${o.text}` })) },
                { name: 'code', label: t('edit.code'), required: true, maxLength: 20 },
                { name: 'text', label: t('edit.text'), type: 'textarea', required: true, maxLength: 2000 },
                { name: 'orgRole', label: t('edit.orgRole'), type: 'select', required: true, defaultValue: 'participant', options: roleOptions(t) },
              ]}
            />
          )}
        </>
      )}
    </div>
  );
}

export function DwcpEditors({ code, data, reload }: Props) {
  const { t } = useTranslation();
  const dwcp = data.dwcp;
  const outcomes = data.cycle?.priorities.flatMap((p) => p.outcomes) ?? [];
  const outputs: CfOutput[] = outcomes.flatMap((o) => o.outputs);
  return (
    <div className="editors">
      <QuickForm
        title={t('edit.addDwcp')}
        onDone={reload}
        onSubmit={(v) => api.addDwcp(code, v as In<typeof DwcpCreate>)}
        fields={[
          { name: 'title', label: t('edit.title'), required: true, maxLength: 300 },
          { name: 'periodStart', label: t('edit.periodStart'), type: 'date', required: true },
          { name: 'periodEnd', label: t('edit.periodEnd'), type: 'date', required: true },
          { name: 'status', label: t('countries.status'), type: 'select', required: true, options: DWCP_STATUSES.map((s) => ({ value: s, label: s })) },
          { name: 'cfCycleId', label: t('edit.cfCycle'), type: 'select', options: data.cycles.map((c) => ({ value: c.id, label: c.title })) },
        ]}
      />
      {dwcp && (
        <>
          <QuickForm
            title={t('edit.addPriority')}
            onDone={reload}
            onSubmit={(v) => api.addDwcpPriority(dwcp.id, v as In<typeof DwcpPriorityCreate>)}
            fields={[
              { name: 'code', label: t('edit.code'), required: true, maxLength: 20 },
              { name: 'title', label: t('edit.title'), required: true, maxLength: 1000 },
            ]}
          />
          {dwcp.priorities.length > 0 && (
            <QuickForm
              title={t('edit.addCpo')}
              onDone={reload}
              onSubmit={({ cfOutputId, ...v }) => api.addCpo(dwcp.id, { ...v, cfOutputIds: cfOutputId ? [String(cfOutputId)] : [] } as In<typeof CpoCreate>)}
              fields={[
                {
                  name: 'priorityId',
                  label: t('edit.priority'),
                  type: 'select',
                  required: true,
                  options: dwcp.priorities.map((p) => ({ value: p.id, label: `${p.code} ${p.title}` })),
                },
                { name: 'code', label: t('edit.code'), required: true, maxLength: 20 },
                {
                  name: 'derivation',
                  label: t('edit.derivation'),
                  type: 'select',
                  required: true,
                  options: [
                    { value: 'derived', label: t('edit.derived') },
                    { value: 'additional', label: t('edit.additional') },
                  ],
                },
                { name: 'cfOutcomeId', label: t('edit.cfOutcome'), type: 'select', options: outcomes.map((o) => ({ value: o.id, label: `${o.code} ${o.text}` })) },
                { name: 'text', label: t('edit.text'), type: 'textarea', maxLength: 2000 },
                { name: 'justification', label: t('edit.justification'), type: 'textarea', maxLength: 4000 },
                { name: 'cfOutputId', label: t('edit.cfOutput'), type: 'select', options: outputs.map((x) => ({ value: x.id, label: `${x.code} ${x.text}` })) },
                { name: 'sdgTargets', label: t('edit.sdgTargets'), type: 'list', hint: t('edit.sdgHint') },
              ]}
            />
          )}
        </>
      )}
    </div>
  );
}
