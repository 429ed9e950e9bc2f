import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Db } from '../../src/db/schema.js';
import { importFaq } from '../../src/features/faq/service.js';
import { INVITE_PREFIX } from '../../src/features/invites/codes.js';
import { createInvite } from '../../src/features/invites/service.js';
import { systemClock, type FixedClock } from '../../src/shared/clock.js';
import type { FakeChat, FakeUser, RecordedCall } from '../support/fake-bot-api/index.js';
import { conversation } from '../support/conversation.js';
import { inviteCodeIn, type Harness } from '../support/harness.js';

export const FAQ_FILE = new URL('../../db/faq/faq.yaml', import.meta.url);

/** Tests empty every table between tests; put the shipped knowledge base back. */
export async function loadShippedFaq(db: Db): Promise<void> {
  const result = await importFaq(db, systemClock, readFileSync(FAQ_FILE, 'utf8'));
  if (!result.ok) throw new Error(`db/faq/faq.yaml: ${JSON.stringify(result.errors)}`);
}

/** Secretary, class 计科2101 (CS2101) with two liaisons, bound to the group. */
export async function setUpClass(h: Harness, people: { secretary: FakeUser; liaisons: FakeUser[]; group: FakeChat; admin: FakeUser }) {
  const say = conversation(h);
  const setup = h.logs.find((l) => l.event === 'setup_link');
  await say.private(people.secretary, `/start ${inviteCodeIn(String(setup!.link))}`);
  await say.private(people.secretary, '/class_add 计科2101 CS2101');
  for (const liaison of people.liaisons) {
    const [created] = await say.private(people.secretary, '/invite liaison CS2101');
    await say.private(liaison, `/start ${inviteCodeIn(created!)}`);
  }
  await say.update(() => h.api.botAddedToGroup(people.group, people.admin), people.group.id);
  const [bound] = await say.group(people.group, people.liaisons[0]!, '/bind CS2101');
  expect(bound).toContain('已把本群绑定到');
}

export const buttonsOf = (call: RecordedCall): Array<{ text: string; callback_data: string }> => {
  const markup = call.params.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> } | string | undefined;
  const parsed = typeof markup === 'string' ? (JSON.parse(markup) as { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> }) : markup;
  return (parsed?.inline_keyboard ?? []).flat();
};

export const messageIdOf = (call: RecordedCall): number => (call.response as { result: { message_id: number } }).result.message_id;

/** A second branch with its own secretary and one class (code CODE) of two liaisons, bound to `group`. */
export async function setUpOtherBranch(
  h: Harness,
  db: Db,
  people: { branch: string; secretary: FakeUser; liaisons: FakeUser[]; group: FakeChat; admin: FakeUser; className: string; code: string },
): Promise<number> {
  const say = conversation(h);
  const branch = await db.insertInto('branches').values({ name: people.branch }).returning('id').executeTakeFirstOrThrow();
  const invite = await createInvite(db, systemClock, { role: 'secretary', branchId: branch.id, classId: null, createdBy: null });
  await say.private(people.secretary, `/start ${INVITE_PREFIX}${invite.code}`);
  await say.private(people.secretary, `/class_add ${people.className} ${people.code}`);
  for (const liaison of people.liaisons) {
    const [created] = await say.private(people.secretary, `/invite liaison ${people.code}`);
    await say.private(liaison, `/start ${inviteCodeIn(created!)}`);
  }
  await say.update(() => h.api.botAddedToGroup(people.group, people.admin), people.group.id);
  const [bound] = await say.group(people.group, people.liaisons[0]!, `/bind ${people.code}`);
  expect(bound).toContain('已把本群绑定到');
  return branch.id;
}

/** The latest message the bot sent to a chat. */
export const lastSentTo = (h: Pick<Harness, 'api'>, chatId: number): RecordedCall =>
  h.api
    .callsTo('sendMessage')
    .filter((c) => String(c.params.chat_id) === String(chatId))
    .at(-1)!;

/** Lets the outbox send what is due (hand-offs, answers), moving the fixed clock on as its pacing needs. */
export async function deliverOutbox(h: Harness, clock: FixedClock, maxRounds = 40): Promise<void> {
  for (let idle = 0, i = 0; i < maxRounds && idle < 3; i++) {
    clock.advance(1_100);
    idle = (await h.app.dispatcher.runOnce()) === 0 ? idle + 1 : 0;
  }
}

/** Presses `data` (a real button's or a forged one) on the latest message the bot sent `user` privately: the callback answers, the edits and the messages sent. */
export async function pressOnLatest(h: Harness, user: FakeUser, data: string): Promise<{ answers: string[]; edits: string[]; sent: string[] }> {
  const since = h.api.mark();
  await h.handled(h.api.pressButton(user, { chat: { id: user.id, type: 'private' }, message_id: messageIdOf(lastSentTo(h, user.id)) }, data));
  const calls = h.api.calls.slice(since);
  const texts = (method: string) => calls.filter((c) => c.method === method).map((c) => String(c.params.text ?? ''));
  return { answers: texts('answerCallbackQuery'), edits: texts('editMessageText'), sent: texts('sendMessage') };
}
