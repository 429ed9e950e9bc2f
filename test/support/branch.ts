import type { conversation } from './conversation.js';
import type { FakeUser } from './fake-bot-api/index.js';
import { inviteCodeIn, type Harness } from './harness.js';

/**
 * Onboards a branch through the chat, as a secretary would: the setup link, `/class_add` and
 * `/class_tags` lines, then one liaison invite per [person, class code], each opened by that person.
 */
export async function onboardBranch(
  h: Pick<Harness, 'logs'>,
  say: ReturnType<typeof conversation>,
  secretary: FakeUser,
  lines: string[],
  liaisons: Array<readonly [FakeUser, string]>,
): Promise<void> {
  const setup = h.logs.find((l) => l.event === 'setup_link')!;
  await say.private(secretary, `/start ${inviteCodeIn(String(setup.link))}`);
  for (const line of lines) await say.private(secretary, line);
  for (const [liaison, code] of liaisons) {
    const [invite] = await say.private(secretary, `/invite liaison ${code}`);
    await say.private(liaison, `/start ${inviteCodeIn(invite!)}`);
  }
}
