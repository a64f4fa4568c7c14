import { type KyselyPlugin, PostgresQueryCompiler, type RootOperationNode } from 'kysely';

/**
 * A Kysely plugin that records the text of every statement run through it (`db.withPlugin(recorder)`); the
 * parameters vary with the data and are left out. For tests that look at the SQL a request runs.
 */
export class SqlRecorder implements KyselyPlugin {
  statements: string[] = [];
  #compiler = new PostgresQueryCompiler();
  transformQuery(args: { node: RootOperationNode; queryId: { readonly queryId: string } }) {
    this.statements.push(this.#compiler.compileQuery(args.node, args.queryId).sql);
    return args.node;
  }
  async transformResult<T>(args: { result: T }): Promise<T> {
    return args.result;
  }
}
