import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ActionPlanCreate, StrategyCreate } from '../../shared/contracts/strategies.ts';
import { today } from '../../shared/dates.ts';
import { systemActor } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { DEMO_PUBLISHER, setPublisher } from '../iati/iati-settings.service.ts';
import { createPlan } from '../modules/action-plans/action-plans.service.ts';
import { requireStrongPassword } from '../modules/auth/password-strength.ts';
import { createOffice } from '../modules/offices/offices.service.ts';
import { createPartner } from '../modules/partners/partners.service.ts';
import { createStrategy } from '../modules/strategies/strategies.service.ts';
import { createUser } from '../modules/users/users.service.ts';
import { loadGeneratedPortfolio } from './demo-generated.ts';
import { DEMO_OFFICES, DEMO_PARTNERS } from './demo-offices.ts';
import { loadDemoPortfolio } from './demo-portfolio.ts';
import { loadDemoProgramming } from './demo-programming.ts';
import { IMPLEMENTATION_PLAN_1999, PLAN_OF_ACTION_2019_20 } from './seed-plans.ts';
import { TC_STRATEGY_2010_15 } from './seed-strategy.ts';

/** How many synthetic projects the demonstration generates besides the hand-written ones. */
export const DEMO_GENERATED_PROJECTS = 300;

export interface DemoResult {
  loaded: boolean;
  admin?: { email: string; password?: string; generated: boolean };
}

/**
 * Loads the demonstration data through the same services as the API (so it is validated and audited),
 * once and in one transaction: a database that already has offices is left as it is. Creates the
 * first administrator.
 */
export function loadDemo(db: Kysely<DB>, admin: { email?: string; password?: string }): Promise<DemoResult> {
  return inTransaction(db, (trx) => loadAll(trx, admin));
}

async function loadAll(db: Kysely<DB>, admin: { email?: string; password?: string }): Promise<DemoResult> {
  const existing = await db.selectFrom('offices').select('id').limit(1).executeTakeFirst();
  if (existing) return { loaded: false };
  // DEVCOOP_ADMIN_PASSWORD meets the password rules, or nothing is loaded (a generated one always does).
  if (admin.password) await requireStrongPassword(admin.password, [admin.email ?? 'admin@devcoop.local', 'Administrator']);
  const actor = systemActor('demo', 'demo loader');
  // Synthetic data is published under an example identifier (XE-EXAMPLE-…), never a real organisation's.
  await setPublisher(db, DEMO_PUBLISHER, actor);
  const ids = new Map<string, string>();
  for (const o of DEMO_OFFICES) {
    const office = await createOffice(
      db,
      { code: o.code, name: o.name, officeType: o.type, parentId: o.parent ? (ids.get(o.parent) ?? null) : null, countryCode: o.country, city: o.city, email: null },
      actor,
    );
    ids.set(o.code, office.id);
  }
  const partners = new Map<string, string>();
  for (const p of DEMO_PARTNERS) partners.set(p.code, (await createPartner(db, p, actor)).id as string);
  await loadDemoProgramming(db, actor, ids);
  await loadDemoPortfolio(db, actor, ids, partners);
  const now = today();
  await loadGeneratedPortfolio(db, actor, { projects: DEMO_GENERATED_PROJECTS, seed: 2010, firstYear: Number(now.slice(0, 4)) - 2, today: now });
  // The strategy and plans transcribed from the seed documents, through the API's own contracts.
  await createStrategy(db, StrategyCreate.parse(TC_STRATEGY_2010_15), actor);
  for (const plan of [PLAN_OF_ACTION_2019_20, IMPLEMENTATION_PLAN_1999]) await createPlan(db, ActionPlanCreate.parse(plan), actor);
  const email = admin.email ?? 'admin@devcoop.local';
  const hasAdmin = await db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirst();
  if (hasAdmin) return { loaded: true };
  const generated = !admin.password;
  const password = admin.password ?? randomBytes(15).toString('base64url');
  await createUser(db, { email, name: 'Administrator', password, role: 'admin', locale: 'en' }, actor);
  return { loaded: true, admin: { email, password: generated ? password : undefined, generated } };
}
