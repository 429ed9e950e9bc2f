import { z } from 'zod';
import { defineCallback } from '../../dialogue/callback.js';

export const SLUG_MAX = 40;
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, `must be 1-${SLUG_MAX} of a-z 0-9 and -, starting and ending with a letter or digit`);

const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\r\n]/.test(s), 'must be one line');

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** One knowledge-base entry as people write it (the YAML file, /faq_add, /faq_edit). */
export const faqEntrySchema = z.strictObject({
  slug: slugSchema,
  category: line(32),
  title: line(120),
  answer: text(3000),
  answer_en: text(3000).optional(),
  // the most asked entries (the timeline, eligibility) hold a hundred students' wordings and more
  questions: z.array(line(200)).max(150, 'at most 150 questions').default([]),
  keywords: z.array(line(32)).max(50, 'at most 50 keywords').default([]),
  live: z.boolean().default(false),
});
export type FaqEntryInput = z.input<typeof faqEntrySchema>;

/** Which texts (and versions) the knowledge base follows and when it was last checked against them. */
export const faqBasisSchema = z.strictObject({
  texts: z.array(line(200)).min(1, 'name at least one text').max(20, 'at most 20 texts'),
  reviewed: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real date'),
  note: text(500).optional(),
});
export type FaqBasis = z.output<typeof faqBasisSchema>;

export const faqFileSchema = z.strictObject({
  version: z.literal(1, { error: 'must be 1' }),
  basis: faqBasisSchema.optional(),
  entries: z.array(faqEntrySchema).min(1, 'needs at least one entry'),
});

/** The entry as the app works with it (rows map to this). */
export interface FaqEntry {
  slug: string;
  category: string;
  title: string;
  answer: string;
  answerEn: string | null;
  questions: string[];
  keywords: string[];
  live: boolean;
}

export function entryFromInput(input: z.output<typeof faqEntrySchema>): FaqEntry {
  return {
    slug: input.slug,
    category: input.category,
    title: input.title,
    answer: input.answer.trim(),
    answerEn: input.answer_en?.trim() ?? null,
    questions: input.questions,
    keywords: input.keywords,
    live: input.live,
  };
}

export function entryToInput(entry: FaqEntry): z.output<typeof faqEntrySchema> {
  return {
    slug: entry.slug,
    category: entry.category,
    title: entry.title,
    answer: entry.answer,
    ...(entry.answerEn ? { answer_en: entry.answerEn } : {}),
    questions: entry.questions,
    keywords: entry.keywords,
    live: entry.live,
  };
}

/** Row ids are PostgreSQL integers. */
const INT_MAX = 2_147_483_647;

/**
 * The FAQ's buttons, ≤ 64 bytes: faq:<action>:<question id>[:<slug>]
 *   s = show the suggested entry <slug>, n = "that didn't help" / "none of these", a = liaison answers,
 *   m = make the answer an entry, e = add the question as an example of entry <slug>,
 *   d = dismiss the question from /unanswered.
 */
export const faqButton = defineCallback(
  'faq',
  z.object({
    action: z.enum(['s', 'n', 'a', 'm', 'e', 'd']),
    questionId: z.number().int().positive().max(INT_MAX),
    slug: slugSchema.optional(),
  }),
);
const withSlug = new Set(['s', 'e']);

export type FaqCallback = { action: 's' | 'e'; questionId: number; slug: string } | { action: 'n' | 'a' | 'm' | 'd'; questionId: number };

/** The button's value, or null for data that is forged or outdated (a slug where none belongs, or none where one does). */
export function parseFaqButton(data: string): FaqCallback | null {
  const value = faqButton.decode(data);
  if (!value || withSlug.has(value.action) !== (value.slug !== undefined)) return null;
  return value as FaqCallback;
}

export const callbackData = {
  show: (questionId: number, slug: string) => faqButton.encode({ action: 's', questionId, slug }),
  notHelpful: (questionId: number) => faqButton.encode({ action: 'n', questionId }),
  answer: (questionId: number) => faqButton.encode({ action: 'a', questionId }),
  makeEntry: (questionId: number) => faqButton.encode({ action: 'm', questionId }),
  example: (questionId: number, slug: string) => faqButton.encode({ action: 'e', questionId, slug }),
  dismiss: (questionId: number) => faqButton.encode({ action: 'd', questionId }),
};

/** The secretary's decisions in /faq_learn: ok = approve an example as a question of <slug>, no = reject it; pub / drop a proposed entry. */
export const learnButton = defineCallback(
  'fl',
  z.object({
    action: z.enum(['ok', 'no', 'pub', 'drop']),
    id: z.number().int().positive().max(INT_MAX),
    slug: slugSchema.optional(),
  }),
);
