import { FakeBotApiServer } from './server.js';
import type { FakeBotApi, FakeBotApiOptions, FakeChat, FakeUser } from './types.js';

export type {
  BotInfo,
  ChatMemberStatus,
  FakeBotApi,
  FakeBotApiOptions,
  FakeChat,
  FakeUser,
  Fault,
  FaultOptions,
  RateLimits,
  RecordedCall,
  UpdateInput,
  WaitOptions,
} from './types.js';
export type { UploadedFile } from './http-body.js';

/** Starts a fake Telegram Bot API on 127.0.0.1 with a random port. Always `await api.close()` when done. */
export async function startFakeBotApi(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const server = new FakeBotApiServer(options);
  await server.listen();
  return server;
}

export function makeUser(id: number, first_name: string, extra: Partial<Omit<FakeUser, 'id' | 'first_name'>> = {}): FakeUser {
  if (!Number.isInteger(id) || id <= 0) throw new Error(`makeUser: user ids are positive integers, got ${id}`);
  return { id, first_name, ...extra };
}

export function makeGroup(id: number, title: string, type: 'group' | 'supergroup' = 'group'): FakeChat {
  if (!Number.isInteger(id) || id >= 0) throw new Error(`makeGroup: group chat ids are negative integers, got ${id}`);
  return { id, type, title };
}
