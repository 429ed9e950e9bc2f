import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
});
