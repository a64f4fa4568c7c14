import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { ActionItemCreate, ActionItemUpdate, ActionPlanCreate, StatusInput } from '../../../shared/contracts/strategies.ts';
import type { ActionPlanAsAt, ActionPlanList } from '../../../shared/contracts/strategies-answers.ts';
import type { Actor } from '../../access/actor.ts';
import { requireRight } from '../../access/rights.ts';
import { writeAudit } from '../../db/audit-log.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { changeVersioned, updateVersioned } from '../../db/versioned.ts';
import { AppError, notFound } from '../../errors.ts';
import { presentActionItem, presentActionItemStatus, presentActionPlan, presentPlanAsAt } from './action-plan.presenter.ts';
import { selectPlanAsAt, selectPlans } from './action-plans.queries.ts';

type Status = z.infer<typeof StatusInput>;
const invalid = (field: string, message: string) => new AppError('INVALID_INPUT', `${field}: ${message}`, { field });

/** Status updates must come in date order: one dated on or before the previous is refused. */
function checkOrder(field: string, statuses: Status[], previous: string | null, adoptedOn: string) {
  let last = previous;
  statuses.forEach((s, i) => {
    if (s.asOf < adoptedOn) throw invalid(`${field}[${i}].asOf`, `${s.asOf} is before the plan was adopted (${adoptedOn})`);
    if (last && s.asOf <= last) throw invalid(`${field}[${i}].asOf`, `${s.asOf} is not after the previous status update (${last})`);
    last = s.asOf;
  });
}

async function insertStatuses(trx: Transaction<DB>, itemId: string, statuses: Status[], actor: Actor) {
  if (!statuses.length) return [];
  return trx
    .insertInto('action_item_statuses')
    .values(statuses.map((s) => ({ item_id: itemId, as_of: s.asOf, status: s.status, progress: s.progress, narrative: s.narrative ?? null, actor_label: actor.label })))
    .returningAll()
    .execute();
}

/** Creates a whole action plan (components, numbered items, their status history) in one transaction. */
export async function createPlan(db: Kysely<DB>, input: z.infer<typeof ActionPlanCreate>, actor: Actor) {
  requireRight(actor, 'strategies.write');
  input.components.forEach((c, i) => {
    c.items.forEach((item, j) => {
      const field = `components[${i}].items[${j}]`;
      if (item.dueDate && item.dueDate < input.adoptedOn) throw invalid(`${field}.dueDate`, `${item.dueDate} is before the plan was adopted (${input.adoptedOn})`);
      checkOrder(`${field}.statuses`, item.statuses, null, input.adoptedOn);
    });
  });
  return inTransaction(db, async (trx) => {
    const plan = await trx
      .insertInto('action_plans')
      .values({ code: input.code, title: input.title, adopted_on: input.adoptedOn, division_label: input.divisionLabel, introduction: input.introduction ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    for (const [ci, c] of input.components.entries()) {
      const component = await trx
        .insertInto('action_plan_components')
        .values({ plan_id: plan.id, number: c.number, title: c.title, ord: ci })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [ii, item] of c.items.entries()) {
        const row = await trx
          .insertInto('action_items')
          .values({
            component_id: component.id,
            number: item.number,
            title: item.title,
            context: item.context ?? null,
            responsible_unit: item.responsibleUnit ?? null,
            due_text: item.dueText,
            due_date: item.dueDate ?? null,
            ord: ii,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await insertStatuses(trx, row.id, item.statuses, actor);
      }
    }
    await writeAudit(trx, actor, { action: 'create', entityType: 'action_plan', entityId: plan.id, after: input });
    return presentActionPlan(plan);
  });
}

export async function listPlans(db: Kysely<DB>, actor: Actor): Promise<ActionPlanList> {
  requireRight(actor, 'strategies.read');
  const rows = await selectPlans(db);
  return { items: rows.map(presentActionPlan), total: rows.length };
}

/**
 * A plan as at a date: each item with the status reported on or before that date ("status as at"),
 * its history up to then, and whether it is overdue (due date passed, not completed).
 */
export async function planAsAt(db: Kysely<DB>, idOrCode: string, asOf: string, actor: Actor): Promise<ActionPlanAsAt> {
  requireRight(actor, 'strategies.read');
  const byId = /^[0-9a-f-]{36}$/i.test(idOrCode);
  const plan = await db
    .selectFrom('action_plans')
    .selectAll()
    .where(byId ? 'id' : 'code', '=', idOrCode)
    .executeTakeFirst();
  if (!plan) throw notFound('Action plan', idOrCode);
  if (asOf < plan.adopted_on) throw invalid('asOf', `the plan was adopted on ${plan.adopted_on}; there is no status as at ${asOf}`);
  const { components, items, statuses } = await selectPlanAsAt(db, plan.id, asOf);
  return presentPlanAsAt({
    plan,
    asOf,
    components: components.map((c) => ({
      ...c,
      items: items
        .filter((i) => i.component_id === c.id)
        .map((i) => {
          const history = statuses.filter((s) => s.item_id === i.id);
          const current = history.at(-1) ?? null;
          const overdue = i.due_date !== null && i.due_date < asOf && current?.progress !== 'completed';
          return { ...i, status: current, history, overdue };
        }),
    })),
  });
}

/** Adds a dated status update to an item; it must be later than the item's previous one. */
export async function addStatus(db: Kysely<DB>, itemId: string, input: Status, actor: Actor) {
  requireRight(actor, 'strategies.write');
  return inTransaction(db, async (trx) => {
    const item = await trx
      .selectFrom('action_items as i')
      .innerJoin('action_plan_components as c', 'c.id', 'i.component_id')
      .innerJoin('action_plans as p', 'p.id', 'c.plan_id')
      .select(['i.id', 'p.adopted_on'])
      .where('i.id', '=', itemId)
      .forUpdate()
      .executeTakeFirst();
    if (!item) throw notFound('Action item', itemId);
    const last = await trx.selectFrom('action_item_statuses').select('as_of').where('item_id', '=', itemId).orderBy('as_of', 'desc').executeTakeFirst();
    checkOrder('statuses', [input], last?.as_of ?? null, item.adopted_on);
    const [row] = await insertStatuses(trx, itemId, [input], actor);
    if (!row) throw new Error('a status update was not stored');
    await writeAudit(trx, actor, { action: 'create', entityType: 'action_item_status', entityId: itemId, after: presentActionItemStatus(row) });
    return presentActionItemStatus(row);
  });
}

/** Changes an item's wording, responsible unit or due date (optimistic concurrency). */
export async function updateItem(db: Kysely<DB>, id: string, input: z.infer<typeof ActionItemUpdate>, actor: Actor) {
  requireRight(actor, 'strategies.write');
  const row = await changeVersioned(
    db,
    actor,
    { table: 'action_items', id, version: input.version, entityType: 'action_item', label: 'action item', present: presentActionItem, authorize: async () => {} },
    'update',
    async (trx, current) => {
      if (input.number !== undefined) await checkItemNumber(trx, current.component_id, input.number, id);
      return updateVersioned(trx, 'action_items', current, {
        number: input.number,
        title: input.title,
        context: input.context,
        responsible_unit: input.responsibleUnit,
        due_text: input.dueText,
        due_date: input.dueDate,
      });
    },
  );
  return presentActionItem(row);
}

async function checkItemNumber(trx: Transaction<DB>, componentId: string, number: string, except?: string) {
  let q = trx.selectFrom('action_items').select('id').where('component_id', '=', componentId).where('number', '=', number);
  if (except) q = q.where('id', '<>', except);
  if (await q.executeTakeFirst()) throw new AppError('INVALID_INPUT', `number: item ${number} already exists in this component`, { field: 'number', reason: 'taken' });
}

/** Adds one item (and its status history, if any) at the end of a component of a plan, in one transaction, audited. */
export async function createItem(db: Kysely<DB>, componentId: string, input: z.infer<typeof ActionItemCreate>, actor: Actor) {
  requireRight(actor, 'strategies.write');
  return inTransaction(db, async (trx) => {
    const component = await trx
      .selectFrom('action_plan_components as c')
      .innerJoin('action_plans as p', 'p.id', 'c.plan_id')
      .select(['c.id', 'p.adopted_on'])
      .where('c.id', '=', componentId)
      .forUpdate()
      .executeTakeFirst();
    if (!component) throw notFound('Action plan component', componentId);
    if (input.dueDate && input.dueDate < component.adopted_on) throw invalid('dueDate', `${input.dueDate} is before the plan was adopted (${component.adopted_on})`);
    checkOrder('statuses', input.statuses, null, component.adopted_on);
    await checkItemNumber(trx, componentId, input.number);
    const last = await trx
      .selectFrom('action_items')
      .select((eb) => eb.fn.max('ord').as('ord'))
      .where('component_id', '=', componentId)
      .executeTakeFirst();
    const row = await trx
      .insertInto('action_items')
      .values({
        component_id: componentId,
        number: input.number,
        title: input.title,
        context: input.context ?? null,
        responsible_unit: input.responsibleUnit ?? null,
        due_text: input.dueText,
        due_date: input.dueDate ?? null,
        ord: (last?.ord ?? -1) + 1,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const statuses = await insertStatuses(trx, row.id, input.statuses, actor);
    const item = presentActionItem(row);
    await writeAudit(trx, actor, { action: 'create', entityType: 'action_item', entityId: row.id, after: { ...item, statuses: statuses.map(presentActionItemStatus) } });
    return item;
  });
}
