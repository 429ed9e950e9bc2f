import { describe, expect, it } from 'vitest';
import { excelCellDate, excelSerialDate, parseTypedDate } from '../../src/features/records-files/dates.js';
import { stageOfText, resultOfText, columnOfHeader } from '../../src/features/records-files/columns.js';
import { parseVisitDate } from '../../src/features/visits/dates.js';

describe('dates as people type them in a sheet', () => {
  it('reads the usual forms and refuses dates that do not exist', () => {
    for (const text of ['2026-03-01', '2026/3/1', '2026.3.1', '2026年3月1日', ' 2026 年 3 月 1 日 ', '２０２６-０３-０１', '2026-3-1号'])
      expect(parseTypedDate(text), text).toBe('2026-03-01');
    for (const text of ['2026-02-29', '2026/13/1', '3/1/2026', '20260301', '2026-03', 'abc', '']) expect(parseTypedDate(text), text).toBeNull();
    expect(parseTypedDate('2024-02-29')).toBe('2024-02-29');
  });

  it('reads Excel day numbers and date cells', () => {
    expect(excelSerialDate(46082)).toBe('2026-03-01');
    expect(excelSerialDate(61)).toBe('1900-03-01');
    expect(excelSerialDate(46082.5)).toBeNull();
    expect(excelSerialDate(3_000_000)).toBeNull();
    expect(excelCellDate(new Date(Date.UTC(2026, 2, 1)))).toBe('2026-03-01');
    expect(excelCellDate(new Date(Number.NaN))).toBeNull();
  });

  it('reads a visit date relative to today', () => {
    const today = '2026-01-02';
    expect(parseVisitDate('今天', today)).toBe('2026-01-02');
    expect(parseVisitDate('昨天', today)).toBe('2026-01-01');
    expect(parseVisitDate('前天', today)).toBe('2025-12-31');
    expect(parseVisitDate('Yesterday', today)).toBe('2026-01-01');
    expect(parseVisitDate('1月1日', today)).toBe('2026-01-01');
    expect(parseVisitDate('12-31', today)).toBe('2026-12-31'); // this year's: the dialogue refuses it as in the future
    expect(parseVisitDate('2025年12月31日', today)).toBe('2025-12-31');
    for (const text of ['下周一', '2月30日', '13月1日', '']) expect(parseVisitDate(text, today), text).toBeNull();
  });
});

describe('words of the people file', () => {
  it('takes stages, results and headers in Chinese or English', () => {
    expect(['积极分子', '入党积极分子', 'activist', 'Activist', 'ACTIVIST '].map(stageOfText)).toEqual(Array(5).fill('activist'));
    expect(['发展对象', 'development target', 'development_target'].map(stageOfText)).toEqual(Array(3).fill('development_target'));
    expect(stageOfText('党员候选')).toBeUndefined();
    expect(['结业', '合格', 'passed'].map(resultOfText)).toEqual(Array(3).fill('passed'));
    expect(['培养联系人1', 'contact_1', 'Contact 1', 'contact_a'].map(columnOfHeader)).toEqual(Array(4).fill('contact_a'));
    expect(['学号', 'Student No', 'student number'].map(columnOfHeader)).toEqual(Array(3).fill('student_no'));
    expect(columnOfHeader('生日')).toBeUndefined();
  });
});
