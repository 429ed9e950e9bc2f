import { describe, expect, it } from 'vitest';
import type { Update } from 'telegraf/types';
import { handleInChatOrder } from '../../src/telegram/polling.js';

const message = (updateId: number, chatId: number) => ({ update_id: updateId, message: { chat: { id: chatId } } }) as unknown as Update;

describe('handleInChatOrder', () => {
  it('keeps the order within a chat and runs chats side by side', async () => {
    const log: string[] = [];
    const gates = new Map<number, () => void>();
    const handle = (update: Update) =>
      new Promise<void>((resolve) => {
        log.push(`start ${update.update_id}`);
        gates.set(update.update_id, () => {
          log.push(`end ${update.update_id}`);
          resolve();
        });
      });
    const done = handleInChatOrder([message(1, -5), message(2, -5), message(3, 7)], handle);
    await Promise.resolve();
    expect(log).toEqual(['start 1', 'start 3']); // 2 waits for 1; chat 7 does not wait
    gates.get(1)!();
    await new Promise((r) => setImmediate(r));
    expect(log).toContain('start 2');
    gates.get(2)!();
    gates.get(3)!();
    await done;
    expect(log.indexOf('end 1')).toBeLessThan(log.indexOf('start 2'));
  });
});
