import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addClass } from '../../src/features/classes/service.js';
import { importClassesCsv } from '../../src/features/classes/import-csv.js';
import { createChatMigrator } from '../../src/chats/migrate.js';
import { chatMigratedHooks, allFeatures } from '../../src/features/index.js';
import { bindByClassRef, bindByCode } from '../../src/features/groups/bind.js';
import { createBindCode } from '../../src/features/groups/bind-codes.js';
import { upsertChat } from '../../src/features/groups/queries.js';
import { hashInviteCode } from '../../src/features/invites/codes.js';
import { createInvite, ensureSetupInvite, redeemInvite } from '../../src/features/invites/service.js';
import { rolesOf, upsertPerson } from '../../src/people/queries.js';
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
    expect(await t.db.selectFrom('classes').select(['name', 'tags']).where('name', '=', '软工2101').execute()).toEqual([
      { name: '软工2101', tags: ['2021级', '软件'] },
    ]);
    expect(await importClassesCsv(t.db, 'name,tags\n物联2101,<x>\n', {})).toMatchObject({
      ok: false,
      errors: [{ line: 2, message: expect.stringContaining('tags') }],
    });
    expect(await importClassesCsv(t.db, 'name\n物联2101\n', { branch: '不存在的支部' })).toMatchObject({
      ok: false,
      errors: [{ line: 2, message: expect.stringContaining('does not exist') }],
    });
    expect(await importClassesCsv(t.db, 'title\nx\n', {})).toMatchObject({ ok: false, errors: [{ line: 1 }] });
    expect(await importClassesCsv(t.db, 'name,code\n"unclosed,x\n', {})).toMatchObject({ ok: false });
  });
});

const migrateChat = createChatMigrator(chatMigratedHooks(allFeatures()));

describe('group chats', () => {
  it('moves a binding to the new supergroup id whichever message comes first, idempotently', async () => {
    const { classId } = await branchWithClass();
    const secretary = await person(1);
    await t.db.insertInto('role_assignments').values({ person_id: secretary.id, role: 'liaison', branch_id: 1, class_id: classId }).execute();
    const roles = await rolesOf(t.db, secretary.id);
    const bound = await bindByClassRef(t.db, clock, { id: -100, type: 'group', title: '计科2101班群' }, 'cs2101', { personId: secretary.id, name: 'x', roles });
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

  it('binds only for authority over the class, moves only for a liaison or secretary, and tells who must know', async () => {
    const { branchId, classId } = await branchWithClass();
    const other = await addClass(t.db, branchId, { name: '软工2101', code: 'SE2101' });
    if (!other.ok) throw new Error('class not created');
    const stranger = await person(5);
    const as = async (p: Awaited<ReturnType<typeof person>>) => ({ personId: p.id, name: p.first_name, roles: await rolesOf(t.db, p.id) });
    const group = (id: number, title: string) => ({ id, type: 'group', title });

    // no role at all: the same refusal whether or not the class exists
    expect(await bindByClassRef(t.db, clock, group(-1, 'A'), 'CS2101', await as(stranger))).toMatchObject({ ok: false, error: 'not_allowed' });
    expect(await bindByClassRef(t.db, clock, group(-1, 'A'), 'nope', await as(stranger))).toMatchObject({ ok: false, error: 'not_allowed' });

    const league = await person(6);
    await t.db.insertInto('role_assignments').values({ person_id: league.id, role: 'league_secretary', branch_id: branchId, class_id: classId }).execute();
    // a League secretary binds their own class, cannot name another class, cannot move an active binding
    expect(await bindByClassRef(t.db, clock, group(-1, 'A'), 'SE2101', await as(league))).toMatchObject({ ok: false, error: 'not_found' });
    expect((await bindByClassRef(t.db, clock, group(-1, 'A'), 'cs2101', await as(league))).ok).toBe(true);
    expect(await bindByClassRef(t.db, clock, group(-2, 'B'), 'CS2101', await as(league))).toMatchObject({ ok: false, error: 'move_not_allowed' });

    // the branch secretary may move it; the old group and the other secretaries are told through the outbox
    const secretary = await person(7);
    const secretary2 = await person(8);
    for (const s of [secretary, secretary2]) {
      await t.db.insertInto('role_assignments').values({ person_id: s.id, role: 'secretary', branch_id: branchId, class_id: null }).execute();
    }
    expect(await bindByClassRef(t.db, clock, group(-2, 'B'), '计科2101', await as(secretary))).toMatchObject({ ok: true, value: { previousChatTitle: 'A' } });
    const chats = await t.db.selectFrom('chats').select(['telegram_chat_id', 'class_id']).where('type', '=', 'group').orderBy('telegram_chat_id').execute();
    expect(chats).toEqual([
      { telegram_chat_id: -2, class_id: classId },
      { telegram_chat_id: -1, class_id: null },
    ]);
    const told = await t.db
      .selectFrom('outbox as o')
      .innerJoin('chats as c', 'c.id', 'o.chat_id')
      .select(['c.telegram_chat_id', 'o.payload'])
      .orderBy('c.telegram_chat_id')
      .execute();
    expect(told.map((r) => r.telegram_chat_id)).toEqual([-1, 8]);
    expect(String(told[0]!.payload.html)).toContain('不再是 <b>计科2101</b> 的班级群');
    expect(String(told[1]!.payload.html)).toContain('由 用户7 从“A”改为“B”');

    // a group bound to one class cannot be taken by someone without authority over that class
    expect(await bindByClassRef(t.db, clock, group(-2, 'B'), 'cs2101', await as(league))).toMatchObject({ ok: true, value: { alreadyBound: true } });
    const liaisonOfOther = await person(9);
    await t.db
      .insertInto('role_assignments')
      .values({ person_id: liaisonOfOther.id, role: 'liaison', branch_id: branchId, class_id: other.value.id })
      .execute();
    expect(await bindByClassRef(t.db, clock, group(-2, 'B'), 'SE2101', await as(liaisonOfOther))).toMatchObject({ ok: false, error: 'chat_taken' });
  });

  it('binds with a one-time code: once, before it expires, moving only when its maker could', async () => {
    const { classId } = await branchWithClass();
    const stranger = await person(5);
    const anyone = { personId: stranger.id, name: 'x', roles: await rolesOf(t.db, stranger.id) };
    const group = (id: number) => ({ id, type: 'group', title: `G${id}` });
    const bindOnly = await createBindCode(t.db, clock, { classId, createdBy: null, canMove: false });
    expect((await bindByCode(t.db, clock, group(-1), bindOnly, anyone)).ok).toBe(true);
    expect(await bindByCode(t.db, clock, group(-1), bindOnly, anyone)).toMatchObject({ ok: false, error: 'code_invalid' });

    const cannotMove = await createBindCode(t.db, clock, { classId, createdBy: null, canMove: false });
    expect(await bindByCode(t.db, clock, group(-2), cannotMove, anyone)).toMatchObject({ ok: false, error: 'move_not_allowed' });
    const mover = await createBindCode(t.db, clock, { classId, createdBy: null, canMove: true });
    expect(await bindByCode(t.db, clock, group(-2), mover, anyone)).toMatchObject({ ok: true, value: { previousChatTitle: 'G-1' } });
    // the refused code was not used up; an expired one is refused
    clock.advance(8 * 24 * 3600 * 1000);
    expect(await bindByCode(t.db, clock, group(-3), cannotMove, anyone)).toMatchObject({ ok: false, error: 'code_invalid' });
    expect(await bindByCode(t.db, clock, group(-3), 'A'.repeat(22), anyone)).toMatchObject({ ok: false, error: 'code_invalid' });
    const used = await t.db.selectFrom('bind_codes').select(['can_move', 'used_at']).orderBy('id').execute();
    expect(used.map((u) => u.used_at !== null)).toEqual([true, false, true]);
  });
});
