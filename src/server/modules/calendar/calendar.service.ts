import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { MilestoneCreate, MilestoneUpdate } from '../../../shared/contracts/programming.ts';
import type { CalendarList, Notifications } from '../../../shared/contracts/programming-answers.ts';
import { isoDate, today } from '../../../shared/dates.ts';
import type { Actor } from '../../access/actor.ts';
import { countryScope } from '../../access/rights.ts';
import { writeAudit } from '../../db/audit-log.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { changeVersioned, updateVersioned } from '../../db/versioned.ts';
import { AppError } from '../../errors.ts';
import { presentConstituent } from '../countries/countries.presenter.ts';
import { assertCountryInScope, constituentsOf } from '../countries/countries.queries.ts';
import { presentCalendarMilestone, presentMilestone } from './calendar.presenter.ts';
import { selectMilestones } from './calendar.queries.ts';

const addDays = (iso: string, days: number) => isoDate(new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000));
const addMonths = (iso: string, months: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return isoDate(d);
};

async function checkAnchors(db: Kysely<DB>, code: string, input: { cfCycleId?: string | null; dwcpId?: string | null }) {
  if (input.cfCycleId) {
    const c = await db.selectFrom('cf_cycles').select('country_code').where('id', '=', input.cfCycleId).executeTakeFirst();
    if (c?.country_code !== code) throw new AppError('INVALID_INPUT', 'The cycle must be one of the same country', { field: 'cfCycleId' });
  }
  if (input.dwcpId) {
    const d = await db.selectFrom('dwcps').select('country_code').where('id', '=', input.dwcpId).executeTakeFirst();
    if (d?.country_code !== code) throw new AppError('INVALID_INPUT', 'The DWCP must be one of the same country', { field: 'dwcpId' });
  }
}

export async function createMilestone(db: Kysely<DB>, code: string, input: z.infer<typeof MilestoneCreate>, actor: Actor) {
  return inTransaction(db, async (trx) => {
    await assertCountryInScope(trx, countryScope(actor, 'programming.write'), code);
    await checkAnchors(trx, code, input);
    const row = await trx
      .insertInto('programming_milestones')
      .values({
        country_code: code,
        kind: input.kind,
        title: input.title,
        due_date: input.dueDate,
        done_on: input.doneOn ?? null,
        cf_cycle_id: input.cfCycleId ?? null,
        dwcp_id: input.dwcpId ?? null,
        notify_days: input.notifyDays ?? 30,
        is_synthetic: actor.via === 'demo',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'create', entityType: 'milestone', entityId: row.id, after: presentMilestone(row) });
    return presentMilestone(row);
  });
}

export async function updateMilestone(db: Kysely<DB>, id: string, input: z.infer<typeof MilestoneUpdate>, actor: Actor) {
  const scope = countryScope(actor, 'programming.write');
  const row = await changeVersioned(
    db,
    actor,
    {
      table: 'programming_milestones',
      id,
      version: input.version,
      entityType: 'milestone',
      label: 'milestone',
      authorize: (trx, current) => assertCountryInScope(trx, scope, current.country_code),
      present: presentMilestone,
    },
    'update',
    async (trx, current) => {
      await checkAnchors(trx, current.country_code, input);
      return updateVersioned(trx, 'programming_milestones', current, {
        kind: input.kind,
        title: input.title,
        due_date: input.dueDate,
        done_on: input.doneOn,
        cf_cycle_id: input.cfCycleId,
        dwcp_id: input.dwcpId,
        notify_days: input.notifyDays,
      });
    },
  );
  return presentMilestone(row);
}

export interface CalendarQuery {
  asOf?: string;
  months?: number;
  country?: string;
}

/** Coming milestones (not yet done) of the countries in scope, from `asOf` over the next `months` months (24 by default). */
export async function findCalendar(db: Kysely<DB>, q: CalendarQuery, actor: Actor): Promise<CalendarList> {
  const from = q.asOf ?? today();
  const to = addMonths(from, q.months ?? 24);
  const rows = await selectMilestones(db, countryScope(actor, 'programming.read'), { from, to, country: q.country });
  const items = rows.map((r) => presentCalendarMilestone(r, addDays(r.due_date, -r.notify_days)));
  return { items, total: items.length, from, to };
}

/**
 * Milestones whose constituents should be told now (000 §22): due from `asOf` on, and within their
 * notice period (or within `days` when given). Each comes with the constituents to inform.
 */
export async function findNotifications(db: Kysely<DB>, q: { asOf?: string; days?: number }, actor: Actor): Promise<Notifications> {
  const asOf = q.asOf ?? today();
  const { items } = await findCalendar(db, { asOf, months: 24 }, actor);
  const due = items.filter((m) => (q.days === undefined ? m.notifyBy <= asOf : m.dueDate <= addDays(asOf, q.days)));
  const countries = [...new Set(due.map((m) => m.countryCode))];
  const constituents = await constituentsOf(db, countries);
  return {
    items: due.map((m) => ({
      ...m,
      daysLeft: Math.round((Date.parse(m.dueDate) - Date.parse(asOf)) / 86_400_000),
      constituents: constituents.filter((c) => c.country_code === m.countryCode).map(presentConstituent),
    })),
    total: due.length,
    asOf,
  };
}
