import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/i18n.js';
import { emptyCounts } from '../../src/features/records/counts.js';
import { totalOfRows, type OverviewRow } from '../../src/features/overview/rows.js';
import { PAGE_SIZE, pagesOf, renderPage } from '../../src/features/overview/view.js';
import { plain } from '../../src/features/reports/export.js';

// Issue 11: a page of /overview is one message (it is edited in place by ◀ ▶): ten classes a page,
// fewer when the longest names, titles and topics people can write would pass Telegram's 4096 characters.

const longest = (i: number): OverviewRow => ({
  classId: i,
  name: '班'.repeat(32),
  code: 'C'.repeat(20),
  tags: Array.from({ length: 8 }, () => '标'.repeat(20)),
  liaisons: [0, 1, 2].map((k) => ({ personId: k, name: '名'.repeat(129), reachable: false })),
  liaisonWarning: true,
  chat: { title: '<群>'.repeat(43), active: false },
  acks: { notices: 5, acknowledgements: 99_999, members: 9_999, rate: 0.123 },
  lastReport: { status: 'missing', period: '2026-11', dueAt: new Date() },
  nextMeeting: { startsAt: new Date('2026-12-03T11:30:00Z'), topic: '题'.repeat(200), place: '地'.repeat(100), liaisonConfirmed: false },
  unansweredQuestions: 99_999,
  openFeedback: 99_999,
  counts: { ...emptyCounts(), applicationsThisTerm: 99_999, activists: 99_999, fullMembers: 99_999 },
});

describe('an /overview page', () => {
  it('holds ten classes, fewer when their text would not fit one Telegram message, in both languages', () => {
    for (const language of ['zh', 'en'] as const) {
      const t = translator(language);
      const short = Array.from({ length: 25 }, (_, i) => ({
        ...longest(i),
        name: `计科21${String(i).padStart(2, '0')}`,
        tags: ['2021级'],
        liaisons: [
          { personId: 1, name: '李联络', reachable: true },
          { personId: 2, name: '赵联络', reachable: false },
        ],
        chat: { title: '计科2101班', active: true },
        acks: { notices: 5, acknowledgements: 120, members: 40, rate: 0.6 },
        nextMeeting: { startsAt: new Date('2026-12-03T11:30:00Z'), topic: '学习党章', place: 'A101', liaisonConfirmed: true },
        unansweredQuestions: 2,
        openFeedback: 1,
        counts: { ...emptyCounts(), applicationsThisTerm: 12, activists: 5, fullMembers: 3 },
      }));
      const sizes = pagesOf(t, { rows: short, total: totalOfRows(short) }, 'Asia/Shanghai').map((p) => p.length);
      // the English lines are longer: a page of typical classes holds fewer of them
      expect(sizes).toEqual(language === 'zh' ? [10, 10, 5] : [8, 8, 8, 1]);

      const rows = Array.from({ length: 3 * PAGE_SIZE }, (_, i) => longest(i));
      const overview = { rows, total: totalOfRows(rows) };
      const pages = pagesOf(t, overview, 'Asia/Shanghai');
      expect(pages.flat()).toHaveLength(rows.length); // every class on some page, once
      for (const blocks of pages) {
        const html = renderPage(t, overview, blocks, t('overview.header', { branch: '支'.repeat(64), page: 99, pages: 99, count: 999 }));
        expect(plain(html).length).toBeLessThanOrEqual(4096);
        expect(html).toContain('&lt;群&gt;');
        expect(html).not.toContain('<群>');
      }
    }
  });
});
