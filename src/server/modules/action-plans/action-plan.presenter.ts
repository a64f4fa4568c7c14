import type { Selectable } from 'kysely';
import type { ActionItem, ActionItemStatus, ActionPlan, ActionPlanAsAt, ActionPlanComponent } from '../../../shared/contracts/strategies-answers.ts';
import type { DB } from '../../db/schema.ts';

type Row<T extends keyof DB> = Selectable<DB[T]>;

/** A plan as at a date, as read: the plan, its components with their items, each item's status by then and history. */
export interface PlanAsAtRows {
  plan: Row<'action_plans'>;
  asOf: string;
  components: (Row<'action_plan_components'> & {
    items: (Row<'action_items'> & { status: Row<'action_item_statuses'> | null; history: Row<'action_item_statuses'>[]; overdue: boolean })[];
  })[];
}

/** The API's shape of an action plan (without its components: see presentPlanAsAt). */
export function presentActionPlan(p: Selectable<DB['action_plans']>): ActionPlan {
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    adoptedOn: p.adopted_on,
    divisionLabel: p.division_label,
    introduction: p.introduction,
    isSynthetic: p.is_synthetic,
    version: p.version,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

export function presentActionPlanComponent(c: Selectable<DB['action_plan_components']>): ActionPlanComponent {
  return { id: c.id, planId: c.plan_id, number: c.number, title: c.title, ord: c.ord };
}

export function presentActionItem(i: Selectable<DB['action_items']>): ActionItem {
  return {
    id: i.id,
    componentId: i.component_id,
    number: i.number,
    title: i.title,
    context: i.context,
    responsibleUnit: i.responsible_unit,
    dueText: i.due_text,
    dueDate: i.due_date,
    ord: i.ord,
    version: i.version,
    updatedAt: i.updated_at,
  };
}

export function presentActionItemStatus(s: Selectable<DB['action_item_statuses']>): ActionItemStatus {
  return { id: s.id, itemId: s.item_id, asOf: s.as_of, status: s.status, progress: s.progress, narrative: s.narrative, actorLabel: s.actor_label, at: s.at };
}

/** A plan as at a date, every level explicit: the plan, its components, their items with status, history and overdue flag. */
export function presentPlanAsAt(p: PlanAsAtRows): ActionPlanAsAt {
  return {
    plan: presentActionPlan(p.plan),
    asOf: p.asOf,
    components: p.components.map((c) => ({
      ...presentActionPlanComponent(c),
      items: c.items.map((i) => ({
        ...presentActionItem(i),
        status: i.status && presentActionItemStatus(i.status),
        history: i.history.map(presentActionItemStatus),
        overdue: i.overdue,
      })),
    })),
  };
}
