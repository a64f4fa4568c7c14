import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { type Actor, systemActor } from '../../src/server/access/actor.ts';
import type { DB } from '../../src/server/db/schema.ts';
import { PLAN_OF_ACTION_2019_20 } from '../../src/server/demo/seed-plans.ts';
import { TC_STRATEGY_2010_15 } from '../../src/server/demo/seed-strategy.ts';
import { createPlan } from '../../src/server/modules/action-plans/action-plans.service.ts';
import { createStrategy } from '../../src/server/modules/strategies/strategies.service.ts';
import { ActionPlanCreate, StrategyCreate } from '../../src/shared/contracts/strategies.ts';

const factoryActor = systemActor('system', 'test factory');

/** A strategy created whole through the service; by default the seed's TC strategy 2010–15 (its formulas included). */
export function buildStrategy(db: Kysely<DB>, input: z.input<typeof StrategyCreate> = TC_STRATEGY_2010_15, as: Actor = factoryActor) {
  return createStrategy(db, StrategyCreate.parse(input), as);
}

/** An action plan created whole through the service; by default the seed's plan of action 2019–20. */
export function buildActionPlan(db: Kysely<DB>, input: z.input<typeof ActionPlanCreate> = PLAN_OF_ACTION_2019_20, as: Actor = factoryActor) {
  return createPlan(db, ActionPlanCreate.parse(input), as);
}
