import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import type { Translate } from '../../i18n/i18n.js';
import { cutText } from '../../shared/text.js';
import { pipelineCounts } from '../records/counts.js';
import { termOf } from '../records/periods.js';
import type { DateString } from '../records/tables.js';

/** The branch's notices of this many days are the "recent activities". */
export const RECENT_NOTICE_DAYS = 30;
const MAX_NOTICES = 8;
const MAX_NAMES = 30;
const HIGHLIGHTS_MAX = 600;

/**
 * The class-meeting briefing (issue 11), written to be forwarded to the class group as it is: the
 * figures of the seed's list as counts, and by name only who is announced anyway — the activists
 * who attended Party school and those recommended by the League this term. Then the class's last
 * report's highlights and the branch's notices of the last 30 days (their first line).
 */
export async function briefingHtml(db: Executor, t: Translate, classId: number, today: DateString, now: Date): Promise<string | null> {
  const klass = await db.selectFrom('classes').select(['id', 'name', 'branch_id']).where('id', '=', classId).executeTakeFirst();
  if (!klass) return null;
  const counts = (await pipelineCounts(db, [classId], today)).get(classId)!;
  const term = termOf(today);
  const announced = await db
    .selectFrom('pipeline_records')
    .select(['name', 'stage', 'party_school_on', 'league_recommended_on'])
    .where('class_id', '=', classId)
    .where('archived_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('stage', '=', 'activist'), eb('party_school_on', 'is not', null)]),
        eb.and([eb('league_recommended_on', '>=', term.start), eb('league_recommended_on', '<', term.end)]),
      ]),
    )
    .orderBy('name')
    .limit(MAX_NAMES * 2)
    .execute();
  const school = announced.filter((r) => r.stage === 'activist' && r.party_school_on !== null).map((r) => r.name);
  const recommended = announced
    .filter((r) => r.league_recommended_on !== null && r.league_recommended_on >= term.start && r.league_recommended_on < term.end)
    .map((r) => r.name);
  const report = await db
    .selectFrom('class_reports as cr')
    .innerJoin('report_occurrences as o', 'o.id', 'cr.occurrence_id')
    .select(['cr.highlights', 'o.period'])
    .where('cr.class_id', '=', classId)
    .where('cr.state', '<>', 'open')
    .orderBy('o.due_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const since = new Date(now.getTime() - RECENT_NOTICE_DAYS * 86_400_000);
  const notices = await db
    .selectFrom('notices')
    .select(['text', sql<Date>`send_at`.as('send_at')])
    .where('branch_id', '=', klass.branch_id)
    .where('retracted_at', 'is', null)
    .where('send_at', '>=', since)
    .where('send_at', '<=', now)
    .orderBy('send_at', 'desc')
    .limit(MAX_NOTICES)
    .execute();

  const names = (list: string[]) => (list.length === 0 ? t('briefing.nobody') : list.slice(0, MAX_NAMES).join('、'));
  const lines = [
    t('briefing.title', { class: klass.name }),
    '',
    t('briefing.applications', { n: counts.applicationsThisTerm }),
    t('briefing.thoughtReports', { n: counts.thoughtReportsThisQuarter }),
    t('briefing.activists', { n: counts.activists, school: counts.activistsAtPartySchool }),
  ];
  if (school.length > 0) lines.push(t('briefing.schoolNames', { names: names(school) }));
  lines.push(t('briefing.targets', { n: counts.developmentTargets }));
  lines.push(t('briefing.members', { n: counts.probationary + counts.fullMembers, probationary: counts.probationary, full: counts.fullMembers }));
  lines.push(t('briefing.recommended', { names: names(recommended) }));
  const highlights = report?.highlights?.trim();
  if (highlights) lines.push('', t('briefing.highlights', { period: report!.period, text: cutText(highlights, HIGHLIGHTS_MAX) }));
  lines.push('', t('briefing.notices', { days: RECENT_NOTICE_DAYS }));
  if (notices.length === 0) lines.push(t('briefing.noNotices'));
  for (const n of notices) lines.push(t('briefing.notice', { title: cutText((n.text.split('\n').find((l) => l.trim() !== '') ?? '').trim(), 60) }));
  return lines.join('\n');
}
