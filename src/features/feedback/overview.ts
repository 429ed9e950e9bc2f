import type { Executor } from '../../db/schema.js';
import { t } from '../../i18n/i18n.js';
import type { Language } from '../../i18n/language.js';
import { sendToPerson } from '../../outbox/messages.js';
import type { Schedule } from '../../scheduler/schedule.js';
import { toCsv } from '../../shared/spreadsheet.js';
import { cutText } from '../../shared/text.js';
import type { RoleView } from '../../people/queries.js';
import { branchSecretaries } from './actions.js';
import { categoryLabel } from './queue.js';
import { categories, type Category } from './tables.js';
import { formatLocalDate } from './time.js';

const DAY_MS = 86_400_000;

/** Which items a person may list: their classes as a liaison, their branches as a secretary. */
export function scopeOf(roles: RoleView[]): { classIds: number[]; branchIds: number[] } {
  return {
    classIds: roles.filter((r) => r.role === 'liaison' && r.classId !== null).map((r) => r.classId!),
    branchIds: roles.filter((r) => r.role === 'secretary').map((r) => r.branchId),
  };
}

export async function listItems(db: Executor, roles: RoleView[], lang: Language, timeZone: string): Promise<string> {
  const { classIds, branchIds } = scopeOf(roles);
  const feedback = await db
    .selectFrom('feedback_items as f')
    .leftJoin('classes as c', 'c.id', 'f.class_id')
    .select(['f.id', 'f.status', 'f.category', 'f.batch_at', 'f.body', 'c.name as class_name'])
    .where((eb) => eb.or([eb('f.class_id', 'in', [...classIds, -1]), eb('f.branch_id', 'in', [...branchIds, -1])]))
    .orderBy('f.id', 'desc')
    .limit(30)
    .execute();
  const reports = await db
    .selectFrom('reports as r')
    .leftJoin('classes as c', 'c.id', 'r.class_id')
    .select(['r.id', 'r.status', 'r.created_at', 'r.excerpt', 'r.times', 'c.name as class_name'])
    .where((eb) => eb.or([eb('r.class_id', 'in', [...classIds, -1]), eb('r.branch_id', 'in', [...branchIds, -1])]))
    .orderBy('r.id', 'desc')
    .limit(15)
    .execute();
  const excerpt = (text: string) => cutText(text.replace(/\s+/g, ' '), 40);
  const lines = feedback.length === 0 ? [t(lang, 'feedback.list.none')] : [t(lang, 'feedback.list.header', { count: feedback.length })];
  for (const f of feedback) {
    lines.push(
      t(lang, 'feedback.list.line', {
        id: f.id,
        status: t(lang, `feedback.status.${f.status}`),
        class: f.class_name ?? '',
        category: categoryLabel(lang, f.category),
        date: formatLocalDate(f.batch_at, timeZone),
        excerpt: excerpt(f.body),
      }),
    );
  }
  if (reports.length > 0) {
    lines.push('', t(lang, 'feedback.list.reportsHeader', { count: reports.length }));
    for (const r of reports) {
      lines.push(
        t(lang, 'feedback.list.reportLine', {
          id: r.id,
          status: t(lang, `feedback.status.${r.status}`),
          class: r.class_name ?? '',
          date: formatLocalDate(r.created_at, timeZone),
          times: r.times,
          excerpt: excerpt(r.excerpt || '…'),
        }),
      );
    }
  }
  return lines.join('\n');
}

interface Count {
  className: string;
  category: Category;
  total: number;
  open: number;
  /** Of `total`, the suggestions a liaison collected on a dormitory visit and filed (the rest are classmates' own). */
  passedOn: number;
}

async function countsOf(db: Executor, branchId: number, since: Date | null): Promise<Count[]> {
  let query = db
    .selectFrom('feedback_items as f')
    .leftJoin('classes as c', 'c.id', 'f.class_id')
    .select((eb) => [
      'c.name as class_name',
      'f.category',
      eb.fn.countAll<number>().as('total'),
      eb.fn.count<number>(eb.case().when('f.status', '<>', 'handled').then(1).end()).as('open'),
      eb.fn.count<number>(eb.case().when('f.passed_on', '=', true).then(1).end()).as('passed_on'),
    ])
    .where('f.branch_id', '=', branchId)
    .groupBy(['c.name', 'f.category'])
    .orderBy('c.name');
  if (since) query = query.where('f.batch_at', '>=', since);
  const rows = await query.execute();
  return rows.map((r) => ({
    className: r.class_name ?? '',
    category: r.category,
    total: Number(r.total),
    open: Number(r.open),
    passedOn: Number(r.passed_on),
  }));
}

const byClass = (counts: Count[]) => {
  const map = new Map<string, Count[]>();
  for (const c of counts) map.set(c.className, [...(map.get(c.className) ?? []), c]);
  return map;
};
/** A class's items by where they came from: classmates' own, and passed on from dormitory visits. */
const sourcesText = (lang: Language, list: Count[]) => {
  const passed = list.reduce((n, c) => n + c.passedOn, 0);
  return t(lang, 'feedback.sources', { own: list.reduce((n, c) => n + c.total, 0) - passed, passed });
};
const order = (list: Count[]) => [...list].sort((a, b) => categories.indexOf(a.category) - categories.indexOf(b.category));

/** The secretary's counts per class and category (all / still open), and per class where they came from. */
export async function statsText(db: Executor, branch: { id: number; name: string }, lang: Language): Promise<string> {
  const counts = await countsOf(db, branch.id, null);
  if (counts.length === 0) return t(lang, 'feedback.stats.none');
  const lines = [t(lang, 'feedback.stats.header', { branch: branch.name })];
  for (const [className, list] of byClass(counts)) {
    const cells = order(list).map((c) => t(lang, 'feedback.stats.cell', { category: categoryLabel(lang, c.category), total: c.total, open: c.open }));
    lines.push(t(lang, 'feedback.stats.line', { class: className, counts: cells.join(t(lang, 'feedback.separator')), sources: sourcesText(lang, list) }));
  }
  return lines.join('\n');
}

/** Export for the branch's summary: class, category and text only (no ids, no times). */
export async function exportCsv(db: Executor, branchId: number, lang: Language): Promise<{ file: Buffer; count: number }> {
  const rows = await db
    .selectFrom('feedback_items as f')
    .leftJoin('classes as c', 'c.id', 'f.class_id')
    .select(['c.name as class_name', 'f.category', 'f.body'])
    .where('f.branch_id', '=', branchId)
    .orderBy('c.name')
    .orderBy('f.category')
    .orderBy('f.id')
    .execute();
  const header = t(lang, 'feedback.export.header').split('|');
  return {
    file: toCsv({ name: 'feedback', header, rows: rows.map((r) => [r.class_name ?? '', categoryLabel(lang, r.category), r.body]) }),
    count: rows.length,
  };
}

/** Monday 08:00: each branch's secretaries get the week's counts per class and category. */
export function digestSchedule(): Schedule {
  return {
    name: 'feedback.weekly_digest',
    rule: { kind: 'cron', expression: '0 8 * * 1' },
    async tick(now, trx, run) {
      const since = new Date(now.getTime() - 7 * DAY_MS);
      const branches = await trx
        .selectFrom('feedback_items as f')
        .innerJoin('branches as b', 'b.id', 'f.branch_id')
        .select(['b.id', 'b.name'])
        .distinct()
        .where('f.batch_at', '>=', since)
        .execute();
      const to = formatLocalDate(now, run.timeZone);
      const from = formatLocalDate(since, run.timeZone);
      for (const branch of branches) {
        const counts = await countsOf(trx, branch.id, since);
        const render = (lang: Language) =>
          [
            t(lang, 'feedback.digest.header', { branch: branch.name, from, to }),
            ...[...byClass(counts)].map(([className, list]) =>
              t(lang, 'feedback.digest.line', {
                class: className,
                counts: order(list)
                  .map((c) => t(lang, 'feedback.digest.cell', { category: categoryLabel(lang, c.category), n: c.total }))
                  .join(t(lang, 'feedback.separator')),
                open: list.reduce((n, c) => n + c.open, 0),
                sources: sourcesText(lang, list),
              }),
            ),
          ].join('\n');
        for (const personId of await branchSecretaries(trx, branch.id)) {
          await sendToPerson(trx, personId, render, { dedupeKey: `feedback:digest:${branch.id}:${to}`, now });
        }
      }
    },
  };
}
