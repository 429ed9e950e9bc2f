/**
 * What became of one Bot API call, in the terms the dispatcher acts on. This is the only place
 * that reads Telegram's error codes and descriptions.
 */
export type SendOutcome =
  | { kind: 'ok'; messageId?: number }
  | { kind: 'retry_after'; seconds: number }
  | { kind: 'migrated'; newChatId: number }
  | { kind: 'chat_gone'; reason: string }
  | { kind: 'transient'; reason: string }
  | { kind: 'rejected'; reason: string };

interface TelegramErrorLike {
  response?: { error_code?: number; description?: string; parameters?: { retry_after?: number; migrate_to_chat_id?: number } };
  code?: string;
  type?: string;
  name?: string;
}

const goneDescriptions = [/bot was kicked/i, /bot is not a member/i, /chat not found/i, /bot was blocked/i, /user is deactivated/i, /group chat was deactivated/i, /have no rights to send text/i];
const alreadyDone = [/message is not modified/i, /message to delete not found/i, /message can't be deleted/i];

export function classifyError(error: unknown): SendOutcome {
  const e = error as TelegramErrorLike;
  const response = e?.response;
  if (!response || typeof response.error_code !== 'number') {
    return { kind: 'transient', reason: `network: ${e?.code ?? e?.type ?? e?.name ?? 'error'}` };
  }
  const description = response.description ?? '';
  const code = response.error_code;
  if (code === 429) return { kind: 'retry_after', seconds: Math.max(1, response.parameters?.retry_after ?? 1) };
  if (response.parameters?.migrate_to_chat_id) return { kind: 'migrated', newChatId: response.parameters.migrate_to_chat_id };
  if (alreadyDone.some((p) => p.test(description))) return { kind: 'ok' };
  if (code === 403 || goneDescriptions.some((p) => p.test(description))) return { kind: 'chat_gone', reason: description || `error ${code}` };
  if (code >= 500) return { kind: 'transient', reason: `${code} ${description}`.trim() };
  return { kind: 'rejected', reason: `${code} ${description}`.trim() };
}

/** Runs one Bot API call and classifies the result. */
export async function attempt<T>(call: () => Promise<T>, messageIdOf: (result: T) => number | undefined = () => undefined): Promise<SendOutcome> {
  try {
    const result = await call();
    const messageId = messageIdOf(result);
    return messageId === undefined ? { kind: 'ok' } : { kind: 'ok', messageId };
  } catch (error) {
    return classifyError(error);
  }
}

