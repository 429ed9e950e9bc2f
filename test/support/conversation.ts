import type { FakeChat, FakeUser } from './fake-bot-api/index.js';
import type { Harness } from './harness.js';

const sentTo = (h: Harness, since: number, chatId: number) =>
  h.api.calls
    .slice(since)
    .filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(chatId))
    .map((c) => String(c.params.text ?? ''));

/** Send as a user and collect what the bot sent back while handling that update. */
export function conversation(h: Harness) {
  return {
    async private(user: FakeUser, text: string): Promise<string[]> {
      const since = h.api.mark();
      const id = h.api.sendPrivateText(user, text);
      await h.handled(id);
      return sentTo(h, since, user.id);
    },
    async group(chat: FakeChat, user: FakeUser, text: string, extra?: Parameters<Harness['api']['sendGroupText']>[3]): Promise<string[]> {
      const since = h.api.mark();
      const id = h.api.sendGroupText(chat, user, text, extra);
      await h.handled(id);
      return sentTo(h, since, chat.id);
    },
    async update(push: () => number, chatId: number): Promise<string[]> {
      const since = h.api.mark();
      await h.handled(push());
      return sentTo(h, since, chatId);
    },
  };
}
