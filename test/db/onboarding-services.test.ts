import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addClass } from '../../src/features/classes/service.js';
import { importClassesCsv } from '../../src/features/classes/import-csv.js';
import { bindChat, migrateChat } from '../../src/features/groups/service.js';
import { upsertChat } from '../../src/features/groups/queries.js';
import { hashInviteCode } from '../../src/features/invites/codes.js';
import { createInvite, ensureSetupInvite, redeemInvite } from '../../src/features/invites/service.js';
import { rolesOf, upsertPerson } from '../../src/features/people/queries.js';
import { FixedClock } from '../../src/shared/clock.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;
const clock = new FixedClock(new Date('2026-11-26T08:00:00Z'));
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
  clock.set(new Date('2026-11-26T08:00:00Z'));
});

async function branchWithClass() {
  const branch = await t.db.insertInto('branches').values({ name: '计算机学院第一党支部' }).returning('id').executeTakeFirstOrThrow();
  const klass = await addClass(t.db, branch.id, { name: '计科2101', code: 'CS2101' });
  if (!klass.ok) throw new Error('class not created');
  return { branchId: branch.id, classId: klass.value.id };
}
const person = (id: number, name = `用户${id}`) => upsertPerson(t.db, { id, first_name: name }, 'zh', clock.now());

describe('invites', () => {
  it('registers the opener in the role, once', async () => {
    const { branchId, classId } = await branchWithClass();
    const invite = await createInvite(t.db, clock, { role: 'liaison', branchId, classId, createdBy: null });
    const alice = await person(1001);
    const first = await redeemInvite(t.db, clock, invite.code, alice);
    expect(first).toMatchObject({ ok: true, value: { role: 'liaison', className: '计科2101', classCode: 'CS2101' } });
    expect((await rolesOf(t.db, alice.id)).map((r) => [r.role, r.classId])).toEqual([['liaison', classId]]);
    const bob = await person(1002);
    expect(await redeemInvite(t.db, clock, invite.code, bob)).toMatchObject({ ok: false, error: 'used' });
    expect(await rolesOf(t.db, bob.id)).toEqual([]);
  });

  it('stores only a hash of the code and has at least 128 bits of randomness', async () => {
    const { branchId } = await branchWithClass();
    const invite = await createInvite(t.db, clock, { role: 'secretary', branchId, classId: null, createdBy: null });
    expect(Buffer.from(invite.code, 'base64url').length).toBeGreaterThanOrEqual(16);
    const rows = await t.db.selectFrom('invites').select('code_hash').execute();
    expect(rows).toEqual([{ code_hash: hashInviteCode(invite.code) }]);
    expect(JSON.stringify(rows)).not.toContain(invite.code);
  });

  it('expires after 7 days', async () => {
    const { branchId, classId } = await branchWithClass();
    const invite = await createInvite(t.db, clock, { role: 'counselor', branchId, classId, createdBy: null });
    clock.advance(7 * 24 * 3600 * 1000 + 1);
    expect(await redeemInvite(t.db, clock, invite.code, await person(1))).toMatchObject({ ok: false, error: 'expired' });
  });

  it('refuses an unknown code', async () => {
    expect(await redeemInvite(t.db, clock, 'A'.repeat(22), await person(1))).toMatchObject({ ok: false, error: 'invalid' });
  });

  it('refuses a third liaison and leaves the invite unused', async () => {
    const { branchId, classId } = await branchWithClass();
    for (const id of [1, 2]) {
      const inv = await createInvite(t.db, clock, { role: 'liaison', branchId, classId, createdBy: null });
      expect((await redeemInvite(t.db, clock, inv.code, await person(id))).ok).toBe(true);
    }
    const third = await createInvite(t.db, clock, { role: 'liaison', branchId, classId, createdBy: null });
    expect(await redeemInvite(t.db, clock, third.code, await person(3))).toMatchObject({ ok: false, error: 'class_full' });
    const row = await t.db.selectFrom('invites').select('used_at').where('code_hash', '=', hashInviteCode(third.code)).executeTakeFirstOrThrow();
    expect(row.used_at).toBeNull();
  });

  it('gives the last liaison seat to exactly one of two people redeeming at once', async () => {
    const { branchId, classId } = await branchWithClass();
    const first = await createInvite(t.db, clock, { role: 'liaison', branchId, classId, createdBy: null });
    await redeemInvite(t.db, clock, first.code, await person(1));
    const a = await createInvite(t.db, clock, { role: 'liaison', branchId, classId, createdBy: null });
    const b = await createInvite(t.db, clock, { role: 'liaison', branchId, classId, createdBy: null });
    const [p2, p3] = [await person(2), await person(3)];
    const results = await Promise.all([redeemInvite(t.db, clock, a.code, p2), redeemInvite(t.db, clock, b.code, p3)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toMatchObject([{ error: 'class_full' }]);
    const liaisons = await t.db.selectFrom('role_assignments').select('id').where('class_id', '=', classId).where('role', '=', 'liaison').execute();
    expect(liaisons).toHaveLength(2);
  });

  it('allows one league secretary per class and says who holds it', async () => {
    const { branchId, classId } = await branchWithClass();
    const one = await createInvite(t.db, clock, { role: 'league_secretary', branchId, classId, createdBy: null });
    await redeemInvite(t.db, clock, one.code, await person(1, '张三'));
    const two = await createInvite(t.db, clock, { role: 'league_secretary', branchId, classId, createdBy: null });
    expect(await redeemInvite(t.db, clock, two.code, await person(2))).toMatchObject({
      ok: false,
      error: 'league_taken',
      detail: { name: '张三' },
    });
  });

  it('makes one setup link while there is no secretary, withdrawing the previous one', async () => {
    const first = await ensureSetupInvite(t.db, clock, '默认支部');
    const second = await ensureSetupInvite(t.db, clock, '默认支部');
    expect(first && second).toBeTruthy();
    expect(await redeemInvite(t.db, clock, first!.code, await person(1))).toMatchObject({ ok: false, error: 'revoked' });
    expect(await redeemInvite(t.db, clock, second!.code, await person(1))).toMatchObject({ ok: true, value: { role: 'secretary', branchName: '默认支部' } });
    expect(await ensureSetupInvite(t.db, clock, '默认支部')).toBeNull();
    expect(await t.db.selectFrom('branches').select('name').execute()).toEqual([{ name: '默认支部' }]);
  });
});

describe('classes', () => {
  it('validates names and codes and refuses duplicates', async () => {
    const { branchId } = await branchWithClass();
    expect(await addClass(t.db, branchId, { name: '计科2101' })).toMatchObject({ ok: false, error: 'duplicate_name' });
    expect(await addClass(t.db, branchId, { name: '计科2102', code: 'cs2101' })).toMatchObject({ ok: false, error: 'duplicate_code' });
    expect(await addClass(t.db, branchId, { name: '<b>x</b>' })).toMatchObject({ ok: false, error: 'bad_name' });
    expect(await addClass(t.db, branchId, { name: 'a'.repeat(33) })).toMatchObject({ ok: false, error: 'bad_name' });
    expect(await addClass(t.db, branchId, { name: '软工2101', code: 'bad code!' })).toMatchObject({ ok: false, error: 'bad_code' });
    expect(await addClass(t.db, branchId, { name: '软工2101' })).toMatchObject({ ok: true, value: { code: '2101' } });
    expect(await addClass(t.db, branchId, { name: '网安2101' })).toMatchObject({ ok: true, value: { code: '2101-2' } });
    expect(await addClass(t.db, branchId, { name: '临床医学' })).toMatchObject({ ok: true, value: { code: 'C1' } });
  });

  it('imports a CSV all or nothing, reporting every bad row by line', async () => {
    const { branchId } = await branchWithClass();
    const bad = 'name,code\n软工2101,SE2101\n计科2101,X\n,Y\n网安2101,bad code\n';
    const result = await importClassesCsv(t.db, bad, {});
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 3, message: expect.stringContaining('already exists') },
        { line: 4, message: expect.stringContaining('name must be') },
        { line: 5, message: expect.stringContaining('code must be') },
      ],
    });
    expect(await t.db.selectFrom('classes').select('name').where('branch_id', '=', branchId).execute()).toEqual([{ name: '计科2101' }]);

    const good = '\uFEFFname,code,branch,tags\n软工2101,SE2101,计算机学院第一党支部,2021级;软件\n网安2101,,计算机学院第一党支部,\n';
    expect(await importClassesCsv(t.db, good, {})).toEqual({ ok: true, imported: 2 });
    expect(await t.db.selectFrom('classes').select(['name', 'tags']).where('name', '=', '软工2101').execute()).toEqual([{ name: '软工2101', tags: ['2021级', '软件'] }]);
    expect(await importClassesCsv(t.db, 'name,tags\n物联2101,<x>\n', {})).toMatchObject({ ok: false, errors: [{ line: 2, message: expect.stringContaining('tags') }] });
    expect(await importClassesCsv(t.db, 'name\n物联2101\n', { branch: '不存在的支部' })).toMatchObject({
      ok: false,
      errors: [{ line: 2, message: expect.stringContaining('does not exist') }],
    });
    expect(await importClassesCsv(t.db, 'title\nx\n', {})).toMatchObject({ ok: false, errors: [{ line: 1 }] });
    expect(await importClassesCsv(t.db, 'name,code\n"unclosed,x\n', {})).toMatchObject({ ok: false });
  });
});

describe('group chats', () => {
  it('moves a binding to the new supergroup id whichever message comes first, idempotently', async () => {
    const { classId } = await branchWithClass();
    const secretary = await person(1);
    await t.db.insertInto('role_assignments').values({ person_id: secretary.id, role: 'liaison', branch_id: 1, class_id: classId }).execute();
    const roles = await rolesOf(t.db, secretary.id);
    const bound = await bindChat(t.db, { id: -100, type: 'group', title: '计科2101班群' }, 'cs2101', { roles, isGroupAdmin: false }, clock.now());
    expect(bound).toMatchObject({ ok: true, value: { className: '计科2101', previousChatTitle: null } });

    // new supergroup seen first (bot status update), then both migration messages, one of them twice
    await upsertChat(t.db, { id: -1001, type: 'supergroup', title: '计科2101班群' }, true, clock.now());
    clock.advance(60_000);
    await migrateChat(t.db, -100, -1001, clock.now());
    await migrateChat(t.db, -100, -1001, clock.now());
    const chats = await t.db.selectFrom('chats').select(['telegram_chat_id', 'class_id', 'active', 'updated_at']).execute();
    // The injected clock, not the system time, stamps the change.
    expect(chats).toEqual([{ telegram_chat_id: -1001, class_id: classId, active: true, updated_at: new Date('2026-11-26T08:01:00Z') }]);
  });

  it('refuses binding by a student who is not a group admin, and moves a class to a new group', async () => {
    await branchWithClass();
    const student = await person(5);
    const roles = await rolesOf(t.db, student.id);
    expect(await bindChat(t.db, { id: -1, type: 'group', title: 'A' }, 'CS2101', { roles, isGroupAdmin: false }, clock.now())).toMatchObject({ ok: false, error: 'not_allowed' });
    expect(await bindChat(t.db, { id: -1, type: 'group', title: 'A' }, 'nope', { roles, isGroupAdmin: true }, clock.now())).toMatchObject({ ok: false, error: 'not_found' });
    expect((await bindChat(t.db, { id: -1, type: 'group', title: 'A' }, 'CS2101', { roles, isGroupAdmin: true }, clock.now())).ok).toBe(true);
    expect(await bindChat(t.db, { id: -2, type: 'group', title: 'B' }, '计科2101', { roles, isGroupAdmin: true }, clock.now())).toMatchObject({
      ok: true,
      value: { previousChatTitle: 'A' },
    });
    const chats = await t.db.selectFrom('chats').select(['telegram_chat_id', 'class_id']).orderBy('telegram_chat_id').execute();
    expect(chats).toEqual([
      { telegram_chat_id: -2, class_id: 1 },
      { telegram_chat_id: -1, class_id: null },
    ]);
  });
});
