import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceNeed, ResourceNeedCreate, ResourceNeedUpdate } from '../../shared/contracts/finance.ts';
import { today } from '../../shared/dates.ts';
import { api } from '../api.ts';
import { QuickForm } from './QuickForm.tsx';

/**
 * The resources a country programme outcome needs, by period (the outcome-based workplan), with forms to
 * record a need and to change one; the gap against what projects bring is on the alignment dashboard.
 */
export function ResourceNeeds({ cpoId, canWrite }: { cpoId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const [needs, setNeeds] = useState<ResourceNeed[] | null>(null);
  const load = useCallback(() => {
    api.resourceNeeds(cpoId).then(
      (r) => setNeeds(r.items),
      () => setNeeds([]),
    );
  }, [cpoId]);
  useEffect(load, [load]);
  if (!needs || (!needs.length && !canWrite)) return null;
  const money = (v: string, currency: string) => new Intl.NumberFormat(i18n.language, { style: 'currency', currency, maximumFractionDigits: 0 }).format(Number(v));
  const year = new Date().getFullYear();
  return (
    <div className="resource-needs">
      {needs.length > 0 && (
        <table className="data compact">
          <caption className="muted small">{t('needs.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('needs.period')}</th>
              <th scope="col">{t('needs.needed')}</th>
              <th scope="col">{t('needs.availableThen')}</th>
              <th scope="col">{t('needs.identifiedOn')}</th>
              <th scope="col">{t('needs.note')}</th>
              {canWrite && <th scope="col">{t('needs.change')}</th>}
            </tr>
          </thead>
          <tbody>
            {needs.map((n) => (
              <tr key={n.id}>
                <th scope="row">
                  {n.yearFrom}–{n.yearTo}
                </th>
                <td className="num">{money(n.needed, n.currency)}</td>
                <td className="num">{money(n.availableAtIdentification, n.currency)}</td>
                <td>{n.identifiedOn}</td>
                <td>{n.note ?? ''}</td>
                {canWrite && (
                  <td>
                    <QuickForm
                      title={t('needs.changeNeed', { period: `${n.yearFrom}–${n.yearTo}` })}
                      fields={[
                        { name: 'needed', label: t('needs.needed'), required: true, defaultValue: n.needed, hint: n.currency },
                        { name: 'availableAtIdentification', label: t('needs.availableThen'), defaultValue: n.availableAtIdentification, hint: n.currency },
                        { name: 'note', label: t('needs.note'), type: 'textarea', maxLength: 2000, defaultValue: n.note ?? '' },
                      ]}
                      onSubmit={(v) =>
                        api.updateResourceNeed(n.id, { ...(v as Omit<ResourceNeedUpdate, 'version'>), note: (v.note as string | undefined) ?? null, version: n.version })
                      }
                      onDone={load}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && (
        <QuickForm
          title={t('needs.add')}
          fields={[
            { name: 'yearFrom', label: t('needs.yearFrom'), type: 'number', required: true, defaultValue: year },
            { name: 'yearTo', label: t('needs.yearTo'), type: 'number', required: true, defaultValue: year + 1 },
            { name: 'currency', label: t('needs.currency'), required: true, defaultValue: 'USD', maxLength: 3 },
            { name: 'needed', label: t('needs.needed'), required: true },
            { name: 'availableAtIdentification', label: t('needs.availableThen'), hint: t('needs.availableHint') },
            { name: 'identifiedOn', label: t('needs.identifiedOn'), type: 'date', required: true, defaultValue: today() },
            { name: 'note', label: t('needs.note'), type: 'textarea', maxLength: 2000 },
          ]}
          onSubmit={(v) => api.createResourceNeed(cpoId, v as ResourceNeedCreate)}
          onDone={load}
        />
      )}
    </div>
  );
}
