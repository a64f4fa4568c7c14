import type { Kysely } from 'kysely';
import type {
  WarningAction,
  WarningActionCreate,
  WarningActionList,
  WarningRule as WarningRuleAnswer,
  WarningRuleList,
  WarningRuleUpdate,
} from '../../shared/contracts/finance.ts';
import type { Actor } from '../access/actor.ts';
import { requireRight, scopeFor } from '../access/rights.ts';
import { writeAudit } from '../db/audit-log.ts';
import type { DB } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { changeVersioned, updateVersioned } from '../db/versioned.ts';
import { AppError, notFound } from '../errors.ts';
import { scopedProjects } from '../modules/projects/projects.queries.ts';
import type { WarningRule } from './warning.rules.ts';
import { presentWarningAction, presentWarningRule } from './warnings.presenter.ts';

/** An office manager acts on a flag: acknowledges it, records the action taken, or dismisses it, with a comment. */
export async function actOnWarning(db: Kysely<DB>, input: WarningActionCreate, actor: Actor): Promise<WarningAction> {
  requireRight(actor, 'warnings.act');
  return inTransaction(db, async (trx) => {
    const project = await scopedProjects(trx, scopeFor(actor, 'warnings.act')).select('projects.id').where('projects.id', '=', input.projectId).executeTakeFirst();
    if (!project) throw notFound('Project', input.projectId);
    const rule = await trx.selectFrom('warning_rules').select('code').where('code', '=', input.rule).executeTakeFirst();
    if (!rule) throw new AppError('INVALID_INPUT', `rule: there is no early-warning rule ${input.rule}`, { field: 'rule' });
    const row = await trx
      .insertInto('warning_actions')
      .values({ project_id: input.projectId, rule_code: input.rule, status: input.status, comment: input.comment.trim(), actor_label: actor.label })
      .returningAll()
      .executeTakeFirstOrThrow();
    const action = presentWarningAction(row);
    await writeAudit(trx, actor, { action: 'act_on_warning', entityType: 'project', entityId: input.projectId, after: action });
    return action;
  });
}

/** The history of what was done about a project's flags, newest first (part of the watch list: `warnings.read`). */
export async function warningHistory(db: Kysely<DB>, projectId: string, actor: Actor): Promise<WarningActionList> {
  const project = await scopedProjects(db, scopeFor(actor, 'warnings.read')).select('projects.id').where('projects.id', '=', projectId).executeTakeFirst();
  if (!project) throw notFound('Project', projectId);
  const rows = await db.selectFrom('warning_actions').selectAll().where('project_id', '=', projectId).orderBy('id', 'desc').execute();
  return { items: rows.map(presentWarningAction), total: rows.length };
}

/** The early-warning rules and their parameters: to those who read the watch list. */
export async function listWarningRules(db: Kysely<DB>, actor: Actor): Promise<WarningRuleList> {
  scopeFor(actor, 'warnings.read');
  const rows = await db.selectFrom('warning_rules').selectAll().orderBy('code').execute();
  return { items: rows.map(presentWarningRule), total: rows.length };
}

/** The parameters each kind of rule takes, with their bounds: the code knows the kinds, the values are data. */
export const RULE_PARAMS: Record<WarningRule['kind'], Record<string, [number, number]>> = {
  below_time_curve: { points: [1, 100] },
  no_expenditure: { months: [1, 36] },
  ending_low_delivery: { months: [1, 36], below: [1, 100] },
  allocation_not_committed: { share: [1, 100], months: [1, 12] },
};

/** Changes a rule's name, parameters or whether it is active (optimistic concurrency, audited). */
export async function updateWarningRule(db: Kysely<DB>, code: string, input: WarningRuleUpdate, actor: Actor): Promise<WarningRuleAnswer> {
  requireRight(actor, 'finance.configure');
  const row = await changeVersioned(
    db,
    actor,
    {
      table: 'warning_rules',
      key: 'code',
      id: code,
      version: input.version,
      entityType: 'warning_rule',
      label: 'early-warning rule',
      present: presentWarningRule,
      authorize: async (_trx, current) => {
        if (!input.params) return;
        const { kind } = current;
        const allowed = RULE_PARAMS[kind as WarningRule['kind']];
        for (const [k, [min, max]] of Object.entries(allowed)) {
          const v = input.params[k];
          if (v === undefined) throw new AppError('INVALID_INPUT', `params.${k}: required for a rule of kind ${kind}`, { field: `params.${k}` });
          if (!Number.isInteger(v) || v < min || v > max) throw new AppError('INVALID_INPUT', `params.${k}: a whole number from ${min} to ${max}`, { field: `params.${k}` });
        }
        const extra = Object.keys(input.params).find((k) => !(k in allowed));
        if (extra) throw new AppError('INVALID_INPUT', `params.${extra}: not a parameter of a rule of kind ${kind}`, { field: `params.${extra}` });
      },
    },
    'update',
    async (trx, current) =>
      updateVersioned(
        trx,
        'warning_rules',
        current,
        { name: input.name, params: input.params === undefined ? undefined : JSON.stringify(input.params), active: input.active },
        'code',
      ),
  );
  return presentWarningRule(row);
}
