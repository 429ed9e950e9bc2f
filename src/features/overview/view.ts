import type { Translate } from '../../i18n/i18n.js';
import { formatLocal } from '../../shared/local-time.js';
import type { Cell, Sheet } from '../../shared/spreadsheet.js';
import type { PipelineCounts } from '../records/counts.js';
import type { Overview, OverviewRow, OverviewTotal } from './rows.js';

/** Classes on one page of /overview (about 8 lines each: well under Telegram's 4096 characters). */
export const PAGE_SIZE = 10;

export const pageCount = (classes: number) => Math.max(1, Math.ceil(classes / PAGE_SIZE));

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

export function countsLine(t: Translate, c: PipelineCounts): string {
  return t('overview.counts', {
    applications: c.applicationsThisTerm,
    reports: c.thoughtReportsThisQuarter,
    activists: c.activists,
    school: c.activistsAtPartySchool,
    targets: c.developmentTargets,
    probationary: c.probationary,
    full: c.fullMembers,
  });
}

function classBlock(t: Translate, r: OverviewRow, timeZone: string): string {
  const unreachable = t('overview.unreachable');
  const names = r.liaisons.map((l) => `${l.name}${l.reachable ? '' : unreachable}`);
  const lines = [
    t('overview.class', { name: r.name, code: r.code, tags: r.tags.map((tag) => `#${tag}`).join(' ') }).trimEnd(),
    names.length > 0 ? t('overview.liaisons', { names: names.join('、') }) : t('overview.liaisonsNone'),
  ];
  if (r.liaisonWarning) lines.push(t('overview.liaisonWarning', { count: r.liaisons.length }));
  lines.push(!r.chat ? t('overview.chatNone') : t(r.chat.active ? 'overview.chat' : 'overview.chatInactive', { title: r.chat.title }));
  const { notices, acknowledgements, rate } = r.acks;
  lines.push(
    notices === 0
      ? t('overview.acksNone')
      : rate === null
        ? t('overview.acksUnknown', { notices, acks: acknowledgements })
        : t('overview.acks', { rate: percent(rate), notices, acks: acknowledgements }),
  );
  lines.push(
    r.lastReport.status === 'none'
      ? t('overview.reportNone')
      : t('overview.report', { period: r.lastReport.period ?? '', status: t(`overview.status.${r.lastReport.status}`) }),
  );
  const m = r.nextMeeting;
  lines.push(
    m
      ? t('overview.meeting', {
          when: formatLocal(m.startsAt, timeZone).slice(5),
          topic: m.topic,
          confirmed: t(m.liaisonConfirmed ? 'overview.confirmed' : 'overview.unconfirmed'),
        })
      : t('overview.meetingNone'),
  );
  lines.push(t('overview.todo', { questions: r.unansweredQuestions, feedback: r.openFeedback }));
  lines.push(countsLine(t, r.counts));
  return lines.join('\n');
}

export function totalLine(t: Translate, total: OverviewTotal): string {
  return [
    t('overview.total', {
      classes: total.classes,
      warnings: total.liaisonWarnings,
      chats: total.chatsActive,
      onTime: total.reports.on_time,
      late: total.reports.late,
      missing: total.reports.missing,
      meetings: total.meetingsPlanned,
      questions: total.unansweredQuestions,
      feedback: total.openFeedback,
    }),
    countsLine(t, total.counts),
  ].join('\n');
}

/** One page of the overview as HTML: the header, up to PAGE_SIZE classes, the branch total. */
export function renderPage(t: Translate, overview: Overview, page: number, header: string, timeZone: string): string {
  const rows = overview.rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  return [header, ...rows.map((r) => classBlock(t, r, timeZone)), totalLine(t, overview.total)].join('\n\n');
}

/** Catalog strings are HTML; a file wants the text. */
export const plainText = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const countCells = (c: PipelineCounts): Cell[] => [
  c.applicationsThisTerm,
  c.thoughtReportsThisQuarter,
  c.applicants,
  c.activists,
  c.activistsAtPartySchool,
  c.developmentTargets,
  c.probationary,
  c.fullMembers,
];

/** The overview as a sheet: one row per class, then the total row. */
export function overviewSheet(t: Translate, overview: Overview, name: string, timeZone: string): Sheet {
  const p = (key: Parameters<Translate>[0]) => plainText(t(key));
  const yesNo = (v: boolean) => p(v ? 'overview.yes' : 'overview.no');
  const header = [
    'class',
    'code',
    'tags',
    'liaisons',
    'liaisonCount',
    'liaisonWarning',
    'unreachable',
    'chat',
    'chatActive',
    'ackRate',
    'reportPeriod',
    'reportStatus',
    'meeting',
    'meetingConfirmed',
    'questions',
    'feedback',
    'applications',
    'thoughtReports',
    'applicants',
    'activists',
    'school',
    'targets',
    'probationary',
    'full',
  ].map((column) => p(`overview.col.${column}` as Parameters<Translate>[0]));
  const rows: Cell[][] = overview.rows.map((r) => [
    r.name,
    r.code,
    r.tags.join(' '),
    r.liaisons.map((l) => l.name).join('、'),
    r.liaisons.length,
    yesNo(r.liaisonWarning),
    r.liaisons
      .filter((l) => !l.reachable)
      .map((l) => l.name)
      .join('、'),
    r.chat?.title ?? null,
    r.chat ? yesNo(r.chat.active) : null,
    r.acks.rate === null ? null : percent(r.acks.rate),
    r.lastReport.period,
    p(`overview.status.${r.lastReport.status}`),
    r.nextMeeting ? formatLocal(r.nextMeeting.startsAt, timeZone) : null,
    r.nextMeeting ? yesNo(r.nextMeeting.liaisonConfirmed) : null,
    r.unansweredQuestions,
    r.openFeedback,
    ...countCells(r.counts),
  ]);
  const total = overview.total;
  rows.push([
    p('overview.totalRow'),
    null,
    null,
    null,
    null,
    total.liaisonWarnings,
    null,
    null,
    total.chatsActive,
    null,
    null,
    null,
    null,
    null,
    total.unansweredQuestions,
    total.openFeedback,
    ...countCells(total.counts),
  ]);
  return { name, header, rows };
}
