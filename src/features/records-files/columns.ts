import type { Language } from '../../i18n/language.js';
import { partySchoolResults, stages, type PartySchoolResult, type Stage } from '../records/tables.js';

/** The columns of the people file, in the order an export writes them. */
export const columnKeys = [
  'class',
  'name',
  'student_no',
  'stage',
  'applied_on',
  'activist_on',
  'target_on',
  'probationary_on',
  'full_on',
  'league_recommended_on',
  'party_school_on',
  'party_school_result',
  'contact_a',
  'contact_b',
  'thought_reports',
  'note',
] as const;
export type ColumnKey = (typeof columnKeys)[number];

export const dateColumns = ['applied_on', 'activist_on', 'target_on', 'probationary_on', 'full_on', 'league_recommended_on', 'party_school_on'] as const;
export type DateColumn = (typeof dateColumns)[number];

export const headers: Record<Language, Record<ColumnKey, string>> = {
  zh: {
    class: '班级',
    name: '姓名',
    student_no: '学号',
    stage: '阶段',
    applied_on: '申请书日期',
    activist_on: '积极分子日期',
    target_on: '发展对象日期',
    probationary_on: '预备党员日期',
    full_on: '转正日期',
    league_recommended_on: '推优日期',
    party_school_on: '党校日期',
    party_school_result: '党校结果',
    contact_a: '培养联系人1',
    contact_b: '培养联系人2',
    thought_reports: '思想汇报日期',
    note: '备注',
  },
  // the English header is the column's key, but for the two contacts
  en: { ...(Object.fromEntries(columnKeys.map((k) => [k, k])) as Record<ColumnKey, string>), contact_a: 'contact_1', contact_b: 'contact_2' },
};

const squash = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_\-（）()]+/g, '');

/** A header cell, in Chinese or English (any case, spaces or underscores), to its column. */
const headerIndex = new Map<string, ColumnKey>([
  ...columnKeys.flatMap((key) => [[squash(headers.zh[key]), key] as const, [squash(headers.en[key]), key] as const, [squash(key), key] as const]),
  [squash('student number'), 'student_no'],
  [squash('联系人1'), 'contact_a'],
  [squash('联系人2'), 'contact_b'],
  [squash('思想汇报'), 'thought_reports'],
]);
export const columnOfHeader = (text: string): ColumnKey | undefined => headerIndex.get(squash(text));

export const stageLabels: Record<Language, Record<Stage, string>> = {
  zh: { applicant: '申请人', activist: '积极分子', development_target: '发展对象', probationary: '预备党员', full_member: '正式党员' },
  en: {
    applicant: 'applicant',
    activist: 'activist',
    development_target: 'development target',
    probationary: 'probationary member',
    full_member: 'full member',
  },
};
const stageIndex = new Map<string, Stage>([
  ...stages.flatMap((s) => [[squash(stageLabels.zh[s]), s] as const, [squash(stageLabels.en[s]), s] as const, [squash(s), s] as const]),
  [squash('入党申请人'), 'applicant'],
  [squash('入党积极分子'), 'activist'],
  [squash('probationary'), 'probationary'],
  [squash('中共预备党员'), 'probationary'],
  [squash('中共党员'), 'full_member'],
]);
export const stageOfText = (text: string): Stage | undefined => stageIndex.get(squash(text));

export const resultLabels: Record<Language, Record<PartySchoolResult, string>> = {
  zh: { attended: '已参加', passed: '结业', failed: '未结业' },
  en: { attended: 'attended', passed: 'passed', failed: 'failed' },
};
const resultIndex = new Map<string, PartySchoolResult>([
  ...partySchoolResults.flatMap((r) => [[squash(resultLabels.zh[r]), r] as const, [squash(resultLabels.en[r]), r] as const]),
  [squash('参加'), 'attended'],
  [squash('合格'), 'passed'],
  [squash('已结业'), 'passed'],
  [squash('通过'), 'passed'],
  [squash('不合格'), 'failed'],
  [squash('未通过'), 'failed'],
]);
export const resultOfText = (text: string): PartySchoolResult | undefined => resultIndex.get(squash(text));

/** Several dates in one cell: 2026-03-01;2026-06-01 or 2026-03-01、2026-06-01. */
export const DATE_LIST_SEPARATOR = /\s*[;；、]\s*/;
