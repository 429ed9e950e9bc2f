import { ApiError, downloadOverview, getJson } from './api.js';
import { disposeCharts, renderCharts } from './charts.js';
import { formatDateTime, h, percent } from './dom.js';
import { languageOf, translator, type Key, type Language, type T } from './i18n.js';
import { applyTheme, languageCode, openLink, webApp } from './telegram.js';
import type { Charts, ClassPage, Me, Overview, Row } from './types.js';

const root = document.getElementById('app')!;
let language: Language = languageOf(languageCode() ?? navigator.language);
let t: T = translator(language);

function show(...children: Node[]): void {
  disposeCharts();
  root.replaceChildren(...children);
  window.scrollTo(0, 0);
}

function noticePage(title: Key, text: Key, kind: string): void {
  document.body.dataset.page = kind;
  show(h('section', { class: 'notice-page', 'data-testid': kind }, h('h1', {}, t(title)), h('p', {}, t(text))));
}

function failed(error: unknown): void {
  if (error instanceof ApiError && error.status === 403) return noticePage('forBranchTitle', 'forBranch', 'for-branch');
  if (error instanceof ApiError && error.status === 401) return noticePage('signInTitle', error.code === 'expired' ? 'expired' : 'signIn', 'sign-in');
  noticePage('title', 'failed', 'failed');
}

// ---- the overview: table, filters, total, charts

type SortKey = 'name' | 'liaisons' | 'ack' | 'report' | 'meeting' | 'questions' | 'feedback' | 'applicants' | 'activists' | 'targets' | 'probationary' | 'full';

const state = { tag: '', q: '', sort: 'name' as SortKey, descending: false };
const REPORT_ORDER = { missing: 0, late: 1, none: 2, on_time: 3 };

const sortValue: Record<SortKey, (r: Row) => string | number> = {
  name: (r) => r.name,
  liaisons: (r) => r.liaisons.length,
  ack: (r) => r.acks.rate ?? -1,
  report: (r) => REPORT_ORDER[r.lastReport.status],
  meeting: (r) => r.nextMeeting?.startsAt ?? '9999',
  questions: (r) => r.unansweredQuestions,
  feedback: (r) => r.openFeedback,
  applicants: (r) => r.counts.applicants,
  activists: (r) => r.counts.activists,
  targets: (r) => r.counts.developmentTargets,
  probationary: (r) => r.counts.probationary,
  full: (r) => r.counts.fullMembers,
};

function sorted(rows: Row[]): Row[] {
  const value = sortValue[state.sort];
  const direction = state.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return c * direction || a.name.localeCompare(b.name, 'zh-CN');
  });
}

const query = () => {
  const params = new URLSearchParams();
  if (state.tag) params.set('tag', state.tag);
  if (state.q.trim()) params.set('q', state.q.trim());
  const text = params.toString();
  return text ? `?${text}` : '';
};

const columns: Array<{ key: SortKey; label: Key; num?: boolean }> = [
  { key: 'name', label: 'class' },
  { key: 'liaisons', label: 'liaisons' },
  { key: 'ack', label: 'ackRate', num: true },
  { key: 'report', label: 'lastReport' },
  { key: 'meeting', label: 'nextMeeting' },
  { key: 'questions', label: 'questions', num: true },
  { key: 'feedback', label: 'feedback', num: true },
  { key: 'applicants', label: 'applicants', num: true },
  { key: 'activists', label: 'activists', num: true },
  { key: 'targets', label: 'targets', num: true },
  { key: 'probationary', label: 'probationary', num: true },
  { key: 'full', label: 'full', num: true },
];

function rowCells(r: Row): Node[] {
  const warn = r.liaisonWarning ? t('notTwo') : r.liaisons.some((l) => !l.reachable) ? t('unreachable') : '';
  const group = r.chat === null ? t('groupNone') : r.chat.active ? t('groupActive') : t('groupInactive');
  return [
    h(
      'td',
      {},
      h('a', { href: '#', 'data-class': r.classId }, r.name),
      ' ',
      h('span', { class: 'muted' }, r.code),
      h('div', { class: 'tags' }, r.tags.join(' '), ' · ', h('span', { class: r.chat?.active ? 'ok' : 'bad' }, group)),
    ),
    h('td', {}, r.liaisons.map((l) => l.name).join('、') || '—', warn ? h('div', { class: 'warn' }, `⚠ ${warn}`) : null),
    h('td', { class: 'num' }, percent(r.acks.rate)),
    h(
      'td',
      {},
      h('span', { class: `badge ${r.lastReport.status}` }, t(r.lastReport.status)),
      r.lastReport.period ? h('span', { class: 'muted' }, ` ${r.lastReport.period}`) : null,
    ),
    h(
      'td',
      {},
      r.nextMeeting ? formatDateTime(r.nextMeeting.startsAt, language) : '—',
      r.nextMeeting
        ? h('div', { class: r.nextMeeting.liaisonConfirmed ? 'ok' : 'warn' }, t(r.nextMeeting.liaisonConfirmed ? 'confirmed' : 'notConfirmed'))
        : null,
    ),
    h('td', { class: 'num' }, r.unansweredQuestions),
    h('td', { class: 'num' }, r.openFeedback),
    h('td', { class: 'num' }, r.counts.applicants),
    h('td', { class: 'num' }, r.counts.activists),
    h('td', { class: 'num' }, r.counts.developmentTargets),
    h('td', { class: 'num' }, r.counts.probationary),
    h('td', { class: 'num' }, r.counts.fullMembers),
  ];
}

function table(overview: Overview, rerender: () => void): HTMLElement {
  const total = overview.total;
  const head = h(
    'tr',
    {},
    ...columns.map((c) =>
      h(
        'th',
        {
          class: c.num ? 'num' : undefined,
          'aria-sort': state.sort === c.key ? (state.descending ? 'descending' : 'ascending') : undefined,
          'data-sort': c.key,
          onclick: () => {
            state.descending = state.sort === c.key ? !state.descending : c.num === true;
            state.sort = c.key;
            rerender();
          },
        },
        t(c.label),
      ),
    ),
  );
  const body = h('tbody', {}, ...sorted(overview.rows).map((r) => h('tr', { class: 'class-row', 'data-class-id': r.classId }, ...rowCells(r))));
  body.addEventListener('click', (event) => {
    const row = (event.target as HTMLElement).closest('tr');
    if (!row?.dataset.classId) return;
    event.preventDefault();
    void openClass(Number(row.dataset.classId));
  });
  const foot = h(
    'tr',
    { 'data-testid': 'total' },
    h('td', {}, `${t('total')} · ${t('classes', { n: total.classes })}`),
    h('td', {}, total.liaisonWarnings > 0 ? h('span', { class: 'warn' }, `⚠ ${total.liaisonWarnings}`) : '✓'),
    h('td', {}),
    h(
      'td',
      {},
      h('span', { class: 'on_time' }, total.reports.on_time),
      ' / ',
      h('span', { class: 'late' }, total.reports.late),
      ' / ',
      h('span', { class: 'missing' }, total.reports.missing),
    ),
    h('td', {}, total.meetingsPlanned),
    h('td', { class: 'num' }, total.unansweredQuestions),
    h('td', { class: 'num' }, total.openFeedback),
    h('td', { class: 'num' }, total.counts.applicants),
    h('td', { class: 'num' }, total.counts.activists),
    h('td', { class: 'num' }, total.counts.developmentTargets),
    h('td', { class: 'num' }, total.counts.probationary),
    h('td', { class: 'num' }, total.counts.fullMembers),
  );
  return h('div', { class: 'table-wrap' }, h('table', { 'data-testid': 'overview' }, h('thead', {}, head), body, h('tfoot', {}, foot)));
}

async function openOverview(me: Me): Promise<void> {
  document.body.dataset.page = 'overview';
  webApp()?.BackButton?.hide();
  const [overview, charts] = await Promise.all([getJson<Overview>(`/api/overview${query()}`), getJson<Charts>('/api/charts')]);
  let current = overview;
  const tableSlot = h('div', {});
  const renderTable = () => tableSlot.replaceChildren(table(current, renderTable));
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  const reload = async () => {
    current = await getJson<Overview>(`/api/overview${query()}`);
    renderTable();
  };
  const tagSelect = h(
    'select',
    {
      'aria-label': t('allTags'),
      'data-testid': 'tag-filter',
      onchange: (e: Event) => ((state.tag = (e.target as HTMLSelectElement).value), void reload().catch(failed)),
    },
    h('option', { value: '' }, t('allTags')),
    ...overview.tags.map((tag) => h('option', { value: tag, selected: tag === state.tag }, tag)),
  );
  const search = h('input', {
    type: 'search',
    placeholder: t('search'),
    value: state.q,
    'data-testid': 'search',
    oninput: (e: Event) => {
      state.q = (e.target as HTMLInputElement).value;
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => void reload().catch(failed), 250);
    },
  });
  const downloadButton = h(
    'button',
    { 'data-testid': 'download', onclick: () => void downloadOverview(query(), `${t('title')}.xlsx`).catch(failed) },
    t('download'),
  );
  const charts4 = {
    ack: h('div', { class: 'chart', 'data-testid': 'chart-ack' }),
    timeliness: h('div', { class: 'chart tall', 'data-testid': 'chart-timeliness' }),
    funnel: h('div', { class: 'chart', 'data-testid': 'chart-funnel' }),
    faq: h('div', { class: 'chart', 'data-testid': 'chart-faq' }),
  };
  const card = (title: Key, el: HTMLElement) => h('section', { class: 'chart-card' }, h('h2', {}, t(title)), el);
  show(
    h('h1', {}, t('title'), ' ', h('span', { class: 'muted' }, me.name)),
    h('div', { class: 'toolbar' }, search, tagSelect, downloadButton),
    tableSlot,
    h(
      'div',
      { class: 'charts' },
      card('chartAck', charts4.ack),
      card('chartTimeliness', charts4.timeliness),
      card('chartFunnel', charts4.funnel),
      card('chartFaq', charts4.faq),
    ),
  );
  renderTable();
  renderCharts(charts4, charts, overview.rows, t);
}

// ---- a class

function section(title: Key, ...content: Node[]): HTMLElement {
  return h('section', {}, h('h2', {}, t(title)), ...content);
}

function simpleTable(headers: Key[], rows: Array<Array<string | number | Node>>): Node {
  if (rows.length === 0) return h('p', { class: 'muted' }, t('nothing'));
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, ...headers.map((k) => h('th', {}, t(k))))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c))))),
    ),
  );
}

async function openClass(classId: number): Promise<void> {
  const page = await getJson<ClassPage>(`/api/class?id=${classId}`).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 403) {
      show(h('p', { class: 'bad' }, t('notYourClass')));
      return null;
    }
    throw error;
  });
  if (!page) return;
  document.body.dataset.page = 'class';
  const back = () => void start();
  const backButton = webApp()?.BackButton;
  if (backButton) {
    backButton.show();
    backButton.onClick(function once() {
      backButton.offClick(once);
      back();
    });
  }
  const contacts = h(
    'div',
    { class: 'contacts' },
    page.group?.link ? h('button', { onclick: () => openLink(page.group!.link!) }, t('openGroup')) : null,
    ...page.liaisons.map((l) => h('button', { class: 'secondary', onclick: () => openLink(l.link) }, t('message', { name: l.name }))),
  );
  const c = page.counts;
  show(
    h('a', { href: '#', onclick: (e: Event) => (e.preventDefault(), back()) }, t('back')),
    h('h1', { 'data-testid': 'class-title' }, page.name, ' ', h('span', { class: 'muted' }, page.code)),
    h('div', { class: 'tags' }, page.tags.join(' '), page.group ? ` · ${page.group.title}` : ''),
    contacts,
    section(
      'notices',
      simpleTable(
        ['notices', 'noticeSent', 'state', 'receipts'],
        page.notices.map((n) => [n.title, formatDateTime(n.sentAt, language), t(`delivery.${n.state}` as Key), n.askAck ? `${n.acks} / ${n.members}` : '—']),
      ),
    ),
    section(
      'reports',
      simpleTable(
        ['reports', 'period', 'due', 'state', 'submitted'],
        page.reports.map((r) => [
          r.name,
          r.period,
          formatDateTime(r.dueAt, language),
          h('span', { class: r.timeliness }, t(r.timeliness)),
          formatDateTime(r.submittedAt, language),
        ]),
      ),
    ),
    section(
      'meetings',
      simpleTable(
        ['when', 'place', 'topic', 'answers'],
        page.meetings.map((m) => [
          formatDateTime(m.startsAt, language),
          m.place,
          m.topic,
          [...m.confirmed.map((n) => `✓ ${n}`), ...m.declined.map((n) => `✗ ${n}`)].join(' ') || '—',
        ]),
      ),
    ),
    section(
      'records',
      simpleTable(
        ['applicants', 'activists', 'targets', 'probationary', 'full'],
        [[c.applicants, c.activists, c.developmentTargets, c.probationary, c.fullMembers]],
      ),
      page.records === null
        ? h('p', { class: 'muted' }, t('countsOnly'))
        : simpleTable(
            ['name', 'stage', 'appliedOn', 'activistOn', 'targetOn', 'probationaryOn', 'fullOn'],
            page.records.map((r) => [
              r.name,
              t(`stage.${r.stage}` as Key),
              r.appliedOn ?? '—',
              r.activistOn ?? '—',
              r.targetOn ?? '—',
              r.probationaryOn ?? '—',
              r.fullOn ?? '—',
            ]),
          ),
    ),
  );
}

async function start(): Promise<void> {
  applyTheme();
  const me = await getJson<Me>('/api/me');
  language = me.language;
  t = translator(language);
  document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
  document.title = t('title');
  await openOverview(me);
}

// telegram-web-app.js loads asynchronously (and not at all outside Telegram): tell Telegram the page is ready once it is there.
window.addEventListener('load', () => {
  webApp()?.ready?.();
  webApp()?.expand?.();
  webApp()?.onEvent?.('themeChanged', applyTheme);
  applyTheme();
});
start().catch(failed);
