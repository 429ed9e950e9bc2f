import type { AppDeps } from '../../telegram/context.js';
import { knowledgeBaseOf } from './service.js';

/** A question that goes through every step of a match (the spelling tables load on the first one). */
const SAMPLE_QUESTION = '入党申请书怎么写';

/** Builds the index of the base set and of every branch, and loads the spelling tables, before the first question needs them. */
export async function warmUpFaq(deps: Pick<AppDeps, 'db'>): Promise<void> {
  const kb = knowledgeBaseOf(deps);
  const branches = await deps.db.selectFrom('branches').select('id').execute();
  for (const branchId of [null, ...branches.map((b) => b.id)]) {
    await kb.match(SAMPLE_QUESTION, branchId);
  }
}
