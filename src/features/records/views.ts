import type { MessageKey, Translate } from '../../i18n/i18n.js';
import { html } from '../../i18n/html.js';
import { zh } from '../../i18n/catalog/zh.js';
import { nextStep, stageDateField, type Breach, type RecordFacts } from './rules.js';
import { stages, type DateString, type PipelineRecord, type Stage } from './tables.js';

export const stageName = (t: Translate, stage: Stage) => t(`records.stage.${stage}`);

/** "Not saved:" and each rule broken, named. */
export function breachText(t: Translate, breaches: readonly Breach[]): string {
  return [t('records.breach.header'), ...breaches.map((b) => `• ${t(`records.rule.${b.rule}`, { earliest: b.earliest ?? '' })}`)].join('\n');
}

export const factsOf = (record: PipelineRecord, thoughtReports: readonly DateString[]): RecordFacts => ({ ...record, thoughtReports });

/** The stage dates so far, the earliest date of the next step and what is missing: the card's and /my_progress's core. */
export function progressLines(t: Translate, record: PipelineRecord, thoughtReports: readonly DateString[], today: DateString): string[] {
  const lines = [t('records.card.stage', { stage: stageName(t, record.stage) })];
  for (const stage of stages.slice(0, stages.indexOf(record.stage) + 1)) {
    const date = record[stageDateField[stage]];
    if (date) lines.push(t(`records.card.${stageDateField[stage]}`, { date }));
  }
  if (record.probation_until) lines.push(t('records.card.probation_until', { date: record.probation_until }));
  const step = nextStep(factsOf(record, thoughtReports), today);
  if (step.next === null) lines.push(t('records.next.done'));
  else if (step.earliest)
    lines.push(t('records.next.at', { stage: stageName(t, step.next), date: step.earliest }) + (step.ready ? t('records.next.ready') : ''));
  else lines.push(t('records.next.unknown', { stage: stageName(t, step.next) }));
  if (step.missing.length > 0) lines.push(t('records.next.missing', { items: step.missing.map((m) => t(`records.missing.${m}`)).join('、') }));
  return lines;
}

export function cardText(t: Translate, record: PipelineRecord & { class_name: string }, thoughtReports: readonly DateString[], today: DateString): string {
  const none = t('records.card.none');
  const school = record.party_school_on
    ? `${record.party_school_on}${record.party_school_result ? ` ${t(`records.school.${record.party_school_result}`)}` : ''}`
    : none;
  const contacts = [record.contact_a, record.contact_b].filter(Boolean).join('、') || none;
  const recent = thoughtReports.slice(0, 6).join('、');
  const lines = [
    t('records.card.title', { name: record.name, studentNo: record.student_no ? `（${record.student_no}）` : '', class: record.class_name }),
    ...progressLines(t, record, thoughtReports, today),
    t('records.card.league', { value: record.league_recommended_on ?? none }),
    t('records.card.school', { value: school }),
    t('records.card.contacts', { value: contacts }),
    t('records.card.reports', { n: thoughtReports.length, dates: recent ? ` — ${recent}${thoughtReports.length > 6 ? '…' : ''}` : '' }),
  ];
  if (record.note) lines.push(t('records.card.note', { value: record.note }));
  if (record.person_id) lines.push(t('records.card.linked'));
  return lines.join('\n');
}

export const LIST_PAGE_SIZE = 20;

/** One page of the class's list, grouped by stage, with every stage's count at the top. */
export function listText(t: Translate, className: string, records: readonly PipelineRecord[], page: number): string {
  if (records.length === 0) return t('records.list.empty', { class: className });
  const counts = stages.map((s) => t('records.list.counts', { stage: stageName(t, s), n: records.filter((r) => r.stage === s).length }));
  const pages = Math.ceil(records.length / LIST_PAGE_SIZE);
  const shown = records.slice(page * LIST_PAGE_SIZE, (page + 1) * LIST_PAGE_SIZE);
  const lines = [t('records.list.header', { class: className, total: records.length }), counts.join(' · ')];
  let current: Stage | null = null;
  for (const [i, r] of shown.entries()) {
    if (r.stage !== current) {
      current = r.stage;
      lines.push('', t('records.list.stage', { stage: stageName(t, r.stage), n: records.filter((x) => x.stage === r.stage).length }));
    }
    lines.push(t('records.list.item', { n: page * LIST_PAGE_SIZE + i + 1, name: r.name }));
  }
  lines.push('', t('records.list.page', { page: page + 1, pages }));
  return lines.join('\n');
}

const known = (key: string): key is MessageKey => Object.hasOwn(zh, key);
const labelOf = (t: Translate, prefix: string, key: string) => (known(`${prefix}.${key}`) ? t(`${prefix}.${key}` as MessageKey) : key);

function valueText(t: Translate, field: string, value: unknown): string {
  if (value === null || value === undefined) return t('records.card.none');
  if (field === 'stage' && typeof value === 'string' && (stages as readonly string[]).includes(value)) return stageName(t, value as Stage);
  if (field === 'party_school_result' && typeof value === 'string') return labelOf(t, 'records.school', value);
  if (field === 'exception_rule' && typeof value === 'string') return value;
  return String(value);
}

export interface HistoryView {
  when: string;
  actor: string;
  action: string;
  name: string | null;
  detail: Record<string, unknown>;
}

/** One line of the audit trail: who, when, what (field: before → after). */
export function historyLine(t: Translate, line: HistoryView): string {
  const changes = Object.entries(line.detail)
    .filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]) && entry[1].length === 2)
    .map(([field, [before, after]]) =>
      t('records.history.change', { field: labelOf(t, 'records.field', field), before: valueText(t, field, before), after: valueText(t, field, after) }),
    )
    .join('');
  return t('records.history.line', {
    when: line.when,
    actor: line.actor || t('records.history.nobody'),
    action: labelOf(t, 'records.action', line.action),
    name: line.name ?? '',
    changes: html(changes),
  });
}
