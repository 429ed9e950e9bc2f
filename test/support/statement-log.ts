import type { KyselyPlugin, OperationNode, RootOperationNode } from 'kysely';
import type { Db } from '../../src/db/schema.js';

/**
 * A view of a database that counts the statements sent through it (each query, plus `begin` and
 * `commit` for each transaction), remembers which tables were written, and can play an outage
 * (every statement fails while `down` is set). For tests and benchmarks of the dispatcher.
 */
export interface StatementLog {
  db: Db;
  statements(): number;
  /** Writes (insert / update / delete) per table since the start or the last reset. */
  writes(table?: string): number;
  reset(): void;
  down: boolean;
}

const WRITE_KINDS = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode']);

/** The first table a write names: `into` for an insert, `table` for an update, `from` for a delete. */
function tableOf(node: RootOperationNode): string {
  const target =
    (node as { into?: OperationNode; table?: OperationNode; from?: OperationNode }).into ??
    (node as { table?: OperationNode }).table ??
    (node as { from?: OperationNode }).from;
  const match = /"kind":"IdentifierNode","name":"([^"]+)"/.exec(JSON.stringify(target ?? {}));
  return match?.[1] ?? '?';
}

export function statementLog(source: Db): StatementLog {
  let statements = 0;
  const writes = new Map<string, number>();
  const log: StatementLog = {
    db: source,
    statements: () => statements,
    writes: (table) => (table === undefined ? [...writes.values()].reduce((a, b) => a + b, 0) : (writes.get(table) ?? 0)),
    reset: () => {
      statements = 0;
      writes.clear();
    },
    down: false,
  };
  const outage = () => new Error('connection terminated (simulated outage)');
  const plugin: KyselyPlugin = {
    transformQuery({ node }) {
      if (log.down) throw outage();
      statements += 1;
      if (WRITE_KINDS.has(node.kind)) writes.set(tableOf(node), (writes.get(tableOf(node)) ?? 0) + 1);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  const counted = source.withPlugin(plugin);
  log.db = new Proxy(counted, {
    get(target, prop) {
      if (prop === 'transaction') {
        return () => {
          const builder = target.transaction();
          return new Proxy(builder, {
            get(b, p) {
              if (p !== 'execute') return Reflect.get(b, p, b);
              return async (fn: Parameters<typeof builder.execute>[0]) => {
                if (log.down) throw outage();
                statements += 2; // begin, commit (or rollback)
                return b.execute(fn);
              };
            },
          });
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return log;
}
