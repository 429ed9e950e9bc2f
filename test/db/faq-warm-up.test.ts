import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bumpBranchVersion, putBranchEntry } from '../../src/features/faq/branch-kb.js';
import { knowledgeBaseOf } from '../../src/features/faq/service.js';
import { warmUpFaq } from '../../src/features/faq/warm-up.js';
import { loadShippedFaq } from '../faq/setup.js';
import { statementLog } from '../support/statement-log.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
  await loadShippedFaq(t.db);
});

describe('FAQ warm-up after ready', () => {
  it('builds every branch’s index before the first question: that question costs only the version check', async () => {
    const branch = await t.db.insertInto('branches').values({ name: '计算机学院第一党支部' }).returning('id').executeTakeFirstOrThrow();
    const cold = statementLog(t.db);
    const coldDeps = { db: cold.db };
    const first = await knowledgeBaseOf(coldDeps).match('党费交多少', branch.id);
    // without the warm-up the first question waits for the version checks and the rows of the knowledge base
    expect(cold.statements()).toBeGreaterThan(1);

    const warm = statementLog(t.db);
    const deps = { db: warm.db };
    await warmUpFaq(deps);
    warm.reset();
    const { result } = await knowledgeBaseOf(deps).match('党费交多少', branch.id);
    expect(warm.statements()).toBe(1);
    expect(result).toEqual(first.result);
    expect(result.slug).toBe('dues');
  });

  it('a branch that changed nothing shares the base set’s index; its own change gives it one of its own', async () => {
    const branch = await t.db.insertInto('branches').values({ name: '计算机学院第一党支部' }).returning('id').executeTakeFirstOrThrow();
    const kb = knowledgeBaseOf({ db: t.db });
    const base = await kb.current(null);
    expect((await kb.current(branch.id)).matcher).toBe(base.matcher);

    const dues = base.entries.get('dues')!;
    await t.db.transaction().execute(async (trx) => {
      await putBranchEntry(trx, branch.id, { ...dues, answer: '本支部党费每季度初交给组织委员。' }, 'published', new Date(), { updatedBy: null });
      await bumpBranchVersion(trx, branch.id);
    });
    const own = await kb.current(branch.id);
    expect(own.matcher).not.toBe(base.matcher);
    expect(own.entries.get('dues')!.answer).toBe('本支部党费每季度初交给组织委员。');
    expect((await kb.current(null)).matcher).toBe(base.matcher);
  });
});
