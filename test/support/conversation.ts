import type { FakeChat, FakeUser } from './fake-bot-api/index.js';
import type { Harness } from './harness.js';

const sentTo = (h: Pick<Harness, 'api'>, since: number, chatId: number) =>
  h.api.calls
    .slice(since)
    .filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(chatId))
    .map((c) => String(c.params.text ?? ''));

/** Send as a user and collect what the bot sent back while handling that update. */
export function conversation(h: Pick<Harness, 'api' | 'handled'>) {
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
    /** Press the inline button with this callback data on the latest bot message to `chatId` that has it. */
    async press(user: FakeUser, chatId: number, data: string): Promise<void> {
      const call = [...h.api.calls]
        .reverse()
        .find(
          (c) =>
            ['sendMessage', 'sendPhoto', 'sendDocument', 'editMessageText', 'editMessageReplyMarkup'].includes(c.method) &&
            String(c.params.chat_id) === String(chatId) &&
            JSON.stringify(c.params.reply_markup ?? '').includes(`"callback_data":"${data}"`),
        );
      if (!call) throw new Error(`no button ${data} in chat ${chatId}`);
      const messageId = (call.response as { result: { message_id: number } }).result.message_id;
      const chat = chatId > 0 ? { id: chatId, type: 'private' as const } : { id: chatId, type: 'group' as const, title: '' };
      await h.handled(h.api.pressButton(user, { chat, message_id: messageId }, data));
    },
    async update(push: () => number, chatId: number): Promise<string[]> {
      const since = h.api.mark();
      await h.handled(push());
      return sentTo(h, since, chatId);
    },
  };
}
