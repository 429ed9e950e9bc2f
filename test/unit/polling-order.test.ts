import { describe, expect, it } from 'vitest';
import type { Update } from 'telegraf/types';
import { ChatQueues } from '../../src/telegram/chat-queues.js';

const message = (updateId: number, chatId: number) => ({ update_id: updateId, message: { chat: { id: chatId } } }) as unknown as Update;
const press = (updateId: number, chatId: number) =>
  ({ update_id: updateId, callback_query: { from: { id: 1 }, message: { chat: { id: chatId } } } }) as unknown as Update;
const turn = () => new Promise((r) => setImmediate(r));

/** A handler whose updates finish only when the test says so. */
function gated() {
  const log: string[] = [];
  const gates = new Map<number, () => void>();
  const handle = (update: Update) =>
    new Promise<void>((resolve) => {
      log.push(`start ${update.update_id}`);
      gates.set(update.update_id, () => (log.push(`end ${update.update_id}`), resolve()));
    });
  return { log, handle, finish: (id: number) => gates.get(id)!() };
}

describe('ChatQueues', () => {
  it('keeps the order within a chat and runs chats side by side', async () => {
    const { log, handle, finish } = gated();
    const queues = new ChatQueues(handle);
    for (const u of [message(1, -5), press(2, -5), message(3, 7)]) queues.push(u);
    await turn();
    expect(log).toEqual(['start 1', 'start 3']); // 2 waits for 1; chat 7 does not wait
    finish(3);
    queues.push(message(4, 7)); // a later update of a free chat starts while chat -5 is still stuck
    await turn();
    expect(log).toContain('start 4');
    expect(log).not.toContain('start 2');
    finish(1);
    await turn();
    expect(log.indexOf('end 1')).toBeLessThan(log.indexOf('start 2'));
    finish(2);
    finish(4);
    await queues.idle();
    expect(queues.size).toBe(0);
  });

  it('bounds the updates in hand, overall and per chat, and frees room as they finish', async () => {
    const { handle, finish } = gated();
    const queues = new ChatQueues(handle, { maxPending: 3, maxPerChat: 2 });
    expect(queues.push(message(1, -5))).toBe(true);
    expect(queues.push(message(2, -5))).toBe(true);
    expect(queues.push(message(3, -5))).toBe(false); // that chat is full
    expect(queues.push(message(4, 7))).toBe(true);
    expect(queues.room).toBe(0);
    let roomy = false;
    const room = queues.whenRoom().then(() => (roomy = true));
    await turn();
    expect(roomy).toBe(false);
    finish(4);
    await room;
    expect(queues.room).toBe(1);
    finish(1);
    await turn();
    finish(2);
    await queues.idle();
  });

  it('goes on with a chat after a failed update, and an abort ends the wait for room', async () => {
    const seen: number[] = [];
    const queues = new ChatQueues(async (u) => {
      seen.push(u.update_id);
      if (u.update_id === 1) throw new Error('boom');
    });
    queues.push(message(1, -5));
    queues.push(message(2, -5));
    await queues.idle();
    expect(seen).toEqual([1, 2]);

    const stuck = new ChatQueues(() => new Promise(() => undefined), { maxPending: 1, maxPerChat: 1 });
    stuck.push(message(3, -5));
    const abort = new AbortController();
    const wait = stuck.whenRoom(abort.signal);
    abort.abort();
    await wait;
  });
});
