import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * The SQL of action plans. Plans are the whole organisation's, so no read takes a scope: the right to read
 * them (`strategies.read`) is checked by the service.
 */

/** Every plan, the latest adopted first. */
export function selectPlans(db: Kysely<DB>) {
  return db.selectFrom('action_plans').selectAll().orderBy('adopted_on', 'desc').execute();
}

/** A plan's components and items, and the status updates of its items dated on or before `asOf`, in date order: three statements whatever its size. */
export async function selectPlanAsAt(db: Kysely<DB>, planId: string, asOf: string) {
  const [components, items, statuses] = await Promise.all([
    db.selectFrom('action_plan_components').selectAll().where('plan_id', '=', planId).orderBy('ord').execute(),
    db.selectFrom('action_items as i').innerJoin('action_plan_components as c', 'c.id', 'i.component_id').selectAll('i').where('c.plan_id', '=', planId).orderBy('i.ord').execute(),
    db
      .selectFrom('action_item_statuses as s')
      .innerJoin('action_items as i', 'i.id', 's.item_id')
      .innerJoin('action_plan_components as c', 'c.id', 'i.component_id')
      .selectAll('s')
      .where('c.plan_id', '=', planId)
      .where('s.as_of', '<=', asOf)
      .orderBy('s.as_of')
      .execute(),
  ]);
  return { components, items, statuses };
}
