import { isRealDate } from '../../shared/when.js';
import type { DateString } from '../records/tables.js';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): DateString | null => (isRealDate(y, m, d) ? `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}` : null);

/** 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日 (full-width digits too): the calendar date, or null. */
export function parseTypedDate(text: string): DateString | null {
  const s = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*(?:日|号)?$/.exec(s);
  return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** Excel's day serial (1900 date system; 1 = 1900-01-01, with its phantom 1900-02-29) as a date. */
export function excelSerialDate(serial: number): DateString | null {
  if (!Number.isInteger(serial) || serial < 61 || serial > 2_958_465) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** A date cell read by exceljs: the wall-clock date Excel shows is the UTC date of the value. */
export function excelCellDate(value: Date): DateString | null {
  if (Number.isNaN(value.getTime())) return null;
  return iso(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
}
