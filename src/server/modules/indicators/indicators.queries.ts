import type { Kysely } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { countryScope, requireRight, scopeFor } from '../../access/rights.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import { assertCountryInScope } from '../countries/countries.queries.ts';
import { scopedProjects } from '../projects/projects.queries.ts';

/**
 * The SQL of indicators. An indicator belongs to a results node (a CF outcome, a CPO, an organisation-wide
 * outcome or a project), and whether the actor reaches it is the node's: its country's scope, the
 * frameworks' right, or the project's scope. Every read takes the actor and checks that first.
 */

export type NodeType = 'cf_outcome' | 'cpo' | 'org_outcome' | 'project';
export interface NodeInfo {
  country: string | null;
  /** set for a project's own results framework: access follows the project */
  projectId?: string;
  periodStart: string;
  periodEnd: string;
}

/** Where a results node sits: its country (none for organisation-wide outcomes) and the period its framework covers. */
export async function nodeInfo(db: Kysely<DB>, type: NodeType, id: string): Promise<NodeInfo> {
  if (type === 'project') {
    const p = await db.selectFrom('projects').select(['id', 'planned_start', 'planned_end']).where('id', '=', id).executeTakeFirst();
    if (!p) throw new AppError('INVALID_INPUT', `There is no project ${id}`, { field: 'nodeId' });
    return { country: null, projectId: p.id, periodStart: p.planned_start, periodEnd: p.planned_end };
  }
  const row =
    type === 'cf_outcome'
      ? await db
          .selectFrom('cf_outcomes')
          .innerJoin('cf_cycles', 'cf_cycles.id', 'cf_outcomes.cycle_id')
          .select(['cf_cycles.country_code as country', 'cf_cycles.period_start', 'cf_cycles.period_end'])
          .where('cf_outcomes.id', '=', id)
          .executeTakeFirst()
      : type === 'cpo'
        ? await db
            .selectFrom('cpos')
            .innerJoin('dwcps', 'dwcps.id', 'cpos.dwcp_id')
            .select(['dwcps.country_code as country', 'dwcps.period_start', 'dwcps.period_end'])
            .where('cpos.id', '=', id)
            .executeTakeFirst()
        : await db
            .selectFrom('org_outcomes')
            .innerJoin('org_frameworks', 'org_frameworks.id', 'org_outcomes.framework_id')
            .select((eb) => [eb.val<string | null>(null).as('country'), 'org_frameworks.period_start', 'org_frameworks.period_end'])
            .where('org_outcomes.id', '=', id)
            .executeTakeFirst();
  if (!row) throw new AppError('INVALID_INPUT', `There is no ${type.replace('_', ' ')} ${id}`, { field: 'nodeId' });
  return { country: row.country, periodStart: row.period_start, periodEnd: row.period_end };
}

/** Throws unless the actor may read (or, with `write`, change) the node's indicators. */
export async function authorizeNode(db: Kysely<DB>, actor: Actor, node: NodeInfo, write: boolean) {
  if (node.projectId) {
    const seen = await scopedProjects(db, scopeFor(actor, write ? 'projects.write' : 'projects.read'))
      .select('projects.id')
      .where('projects.id', '=', node.projectId)
      .executeTakeFirst();
    if (!seen) throw notFound('Project', node.projectId);
  } else if (node.country) await assertCountryInScope(db, countryScope(actor, write ? 'programming.write' : 'programming.read'), node.country);
  else requireRight(actor, write ? 'frameworks.write' : 'frameworks.read');
}

/** An indicator and its node, by id (404 when there is none). */
export async function indicatorNode(db: Kysely<DB>, id: string) {
  const ind = await db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
  if (!ind) throw notFound('Indicator', id);
  return { ind, node: await nodeInfo(db, ind.node_type as NodeType, ind.node_id) };
}

/** An indicator the actor may read, with all its targets and milestones (current and superseded) and its actuals. */
export async function selectIndicator(db: Kysely<DB>, actor: Actor, id: string) {
  const { ind, node } = await indicatorNode(db, id);
  await authorizeNode(db, actor, node, false);
  const [targets, actuals] = await Promise.all([
    db.selectFrom('indicator_targets').selectAll().where('indicator_id', '=', id).orderBy('period_start').orderBy('set_at').execute(),
    db.selectFrom('indicator_actuals').selectAll().where('indicator_id', '=', id).orderBy('period_start').execute(),
  ]);
  return { ind, targets, actuals };
}

/** The indicators of one results node the actor may read. */
export async function selectIndicators(db: Kysely<DB>, actor: Actor, type: NodeType, nodeId: string) {
  await authorizeNode(db, actor, await nodeInfo(db, type, nodeId), false);
  return db.selectFrom('indicators').selectAll().where('node_type', '=', type).where('node_id', '=', nodeId).orderBy('code').execute();
}

/**
 * The indicators of many results nodes with their current targets and their actuals, in three statements
 * whatever their number. The caller has read the nodes within the actor's scope (a country page's outcomes and CPOs).
 */
export async function indicatorsOfNodes(db: Kysely<DB>, nodeIds: string[]) {
  if (!nodeIds.length) return { indicators: [], targets: [], actuals: [] };
  const indicators = await db.selectFrom('indicators').selectAll().where('node_id', 'in', nodeIds).orderBy('code').execute();
  if (!indicators.length) return { indicators, targets: [], actuals: [] };
  const ids = indicators.map((i) => i.id);
  const [targets, actuals] = await Promise.all([
    db.selectFrom('indicator_targets').selectAll().where('indicator_id', 'in', ids).where('superseded_at', 'is', null).orderBy('period_start').execute(),
    db.selectFrom('indicator_actuals').selectAll().where('indicator_id', 'in', ids).orderBy('period_start').execute(),
  ]);
  return { indicators, targets, actuals };
}
