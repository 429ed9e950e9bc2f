import type { Executor } from '../../db/schema.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { classMembers, type ClassMember } from '../../people/queries.js';
import { classCodeSchema, classNameSchema } from './schemas.js';
import type { ClassRow } from './tables.js';

export type AddClassError = 'bad_name' | 'bad_code' | 'duplicate_name' | 'duplicate_code';

/** Validates and inserts one class; the caller's transaction makes a batch all-or-nothing. */
export async function addClass(
  db: Executor,
  branchId: number,
  input: { name: string; code?: string | undefined; tags?: string[] },
  /** For batches: the branch's taken codes (from `takenCodes`), kept up to date here. */
  takenCodes?: Set<string>,
): Promise<Result<ClassRow, AddClassError>> {
  const name = classNameSchema.safeParse(input.name);
  if (!name.success) return fail('bad_name');
  let code: string;
  if (input.code !== undefined && input.code.trim() !== '') {
    const parsed = classCodeSchema.safeParse(input.code);
    if (!parsed.success) return fail('bad_code', { code: input.code });
    code = parsed.data;
  } else {
    code = await generateCode(db, branchId, name.data, takenCodes);
  }

  const clash = await db
    .selectFrom('classes')
    .select(['name', 'code'])
    .where('branch_id', '=', branchId)
    .where((eb) => eb.or([eb('name', '=', name.data), eb(eb.fn('lower', ['code']), '=', code.toLowerCase())]))
    .executeTakeFirst();
  if (clash?.name === name.data) return fail('duplicate_name', { name: name.data });
  if (clash) return fail('duplicate_code', { code });

  const row = await db
    .insertInto('classes')
    .values({ branch_id: branchId, name: name.data, code, tags: input.tags ?? [] })
    .returningAll()
    .executeTakeFirstOrThrow();
  takenCodes?.add(code.toLowerCase());
  return ok(row);
}

/** 计科2101 → "2101"; CS2101 → "CS2101"; a name without ASCII → "C1", "C2", …; always unique in the branch. */
async function generateCode(db: Executor, branchId: number, name: string, cache?: Set<string>): Promise<string> {
  const ascii = name.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 12);
  const taken = cache ?? (await takenCodes(db, branchId));
  const stem = ascii.length >= 2 ? ascii : 'C';
  if (stem !== 'C' && !taken.has(stem.toLowerCase())) return stem;
  for (let n = stem === 'C' ? 1 : 2; ; n++) {
    const candidate = stem === 'C' ? `C${n}` : `${stem}-${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** The branch's class codes in lower case. */
export async function takenCodes(db: Executor, branchId: number): Promise<Set<string>> {
  const rows = await db.selectFrom('classes').select('code').where('branch_id', '=', branchId).execute();
  return new Set(rows.map((r) => r.code.toLowerCase()));
}

export interface ClassOverview {
  klass: ClassRow;
  liaisons: ClassMember[];
  leagueSecretaries: ClassMember[];
  counselors: ClassMember[];
  chat: { title: string; active: boolean } | null;
}

export async function branchOverview(db: Executor, branchId: number): Promise<ClassOverview[]> {
  const classes = await db.selectFrom('classes').selectAll().where('branch_id', '=', branchId).orderBy('name').execute();
  const ids = classes.map((c) => c.id);
  const members = await classMembers(db, ids);
  const chats = ids.length === 0 ? [] : await db.selectFrom('chats').select(['class_id', 'title', 'active']).where('class_id', 'in', ids).execute();
  return classes.map((klass) => {
    const people = members.get(klass.id) ?? [];
    const chat = chats.find((c) => c.class_id === klass.id);
    return {
      klass,
      liaisons: people.filter((p) => p.role === 'liaison'),
      leagueSecretaries: people.filter((p) => p.role === 'league_secretary'),
      counselors: people.filter((p) => p.role === 'counselor'),
      chat: chat ? { title: chat.title, active: chat.active } : null,
    };
  });
}
