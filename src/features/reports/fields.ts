import { z } from 'zod';

/** The figures a class reports (counts since the last report), in the order the dialogue asks them. */
export const figureFields = ['applications', 'thought_reports', 'school_attendees', 'dorm_visits', 'meetings_attended'] as const;
/** The written parts: problems found, the proposed solution, classmates' suggestions, highlights. */
export const textFields = ['problems', 'solutions', 'suggestions', 'highlights'] as const;
export const reportFields = [...figureFields, ...textFields] as const;

export type FigureField = (typeof figureFields)[number];
export type TextField = (typeof textFields)[number];
export type ReportField = (typeof reportFields)[number];

export const isFigure = (field: ReportField): field is FigureField => (figureFields as readonly string[]).includes(field);

export const FIGURE_MAX = 9999;
/** Per written part, in UTF-16 code units (Telegram's unit): four of them and the figures fit one message. */
export const TEXT_MAX = 800;

/** A count typed by a liaison: digits only (full-width too), 0–9999. */
export const figureSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)))
  .pipe(z.string().regex(/^\d{1,4}$/))
  .transform(Number)
  .pipe(z.number().int().min(0).max(FIGURE_MAX));

/** A written part: 1–800 characters after trimming. */
export const textSchema = z.string().trim().min(1).max(TEXT_MAX);

export type FieldValues = { [F in FigureField]: number | null } & { [F in TextField]: string | null };
