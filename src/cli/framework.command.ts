import type { Kysely } from 'kysely';
import { systemActor } from '../server/access/actor.ts';
import type { DB } from '../server/db/schema.ts';
import { AppError } from '../server/errors.ts';
import { createFramework, createOrgOutcome, createOrgOutput, findFrameworks } from '../server/modules/frameworks/frameworks.service.ts';
import { OrgFrameworkCreate, OrgOutcomeCreate } from '../shared/contracts/programming.ts';
import { printTable, UsageError } from './output.ts';

type Flags = Record<string, string | boolean | undefined>;
const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

function parse<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } },
  v: unknown,
): T {
  const r = schema.safeParse(v);
  if (r.success) return r.data;
  throw new UsageError(r.error.issues.map((i) => `--${String(i.path[0] ?? '?')}: ${i.message}`).join('\n'));
}

/** `devcoop framework list | create | add-outcome`: organisation-wide frameworks, through the services. */
export async function frameworkCommand(db: Kysely<DB>, sub: string | undefined, flags: Flags): Promise<void> {
  const actor = systemActor('cli');
  if (sub === 'list') {
    const rows = (await findFrameworks(db, actor)).flatMap((f) => [
      { framework: f.code, code: '', title: f.title, period: `${f.periodStart} – ${f.periodEnd}` },
      ...f.outcomes.flatMap((o) => [
        { framework: '', code: o.code, title: o.title, period: '' },
        ...o.outputs.map((x) => ({ framework: '', code: `${o.code}.${x.code}`, title: x.title, period: '' })),
      ]),
    ]);
    printTable(rows, ['framework', 'code', 'title', 'period']);
    return;
  }
  if (sub === 'create') {
    const input = parse(OrgFrameworkCreate, { kind: str(flags.type), code: str(flags.code), title: str(flags.name), periodStart: str(flags.from), periodEnd: str(flags.to) });
    const f = await createFramework(db, input, actor);
    console.log(`Created framework ${f.code}.`);
    return;
  }
  if (sub === 'add-outcome') {
    const fw = await db
      .selectFrom('org_frameworks')
      .select('id')
      .where('code', '=', str(flags.framework) ?? '')
      .executeTakeFirst();
    if (!fw) throw new AppError('NOT_FOUND', `There is no framework with the code ${str(flags.framework) ?? '(none given)'}`);
    const o = await createOrgOutcome(db, fw.id, parse(OrgOutcomeCreate, { code: str(flags.code), title: str(flags.name) }), actor);
    console.log(`Added outcome ${o.code}.`);
    return;
  }
  if (sub === 'add-output') {
    const outcome = await db
      .selectFrom('org_outcomes')
      .innerJoin('org_frameworks', 'org_frameworks.id', 'org_outcomes.framework_id')
      .select('org_outcomes.id')
      .where('org_frameworks.code', '=', str(flags.framework) ?? '')
      .where('org_outcomes.code', '=', str(flags.outcome) ?? '')
      .executeTakeFirst();
    if (!outcome) throw new AppError('NOT_FOUND', `There is no outcome ${str(flags.outcome) ?? '(none given)'} in framework ${str(flags.framework) ?? '(none given)'}`);
    const x = await createOrgOutput(db, outcome.id, parse(OrgOutcomeCreate, { code: str(flags.code), title: str(flags.name) }), actor);
    console.log(`Added output ${x.code}.`);
    return;
  }
  throw new UsageError(
    'devcoop framework list | create --type strategic_plan|programme_budget --code C --name N --from DATE --to DATE | add-outcome --framework C --code C --name N | add-output --framework C --outcome C --code C --name N',
  );
}
