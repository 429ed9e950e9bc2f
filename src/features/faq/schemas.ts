import { z } from 'zod';

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
  questions: z.array(line(200)).max(50, 'at most 50 questions').default([]),
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

/**
 * Button data, ≤ 64 bytes: faq:<action>:<question id>[:<slug>]
 *   s = show the suggested entry, n = "that didn't help" / "none of these", a = liaison answers,
 *   m = make the liaison's answer an FAQ entry.
 */
export const callbackSchema = z.union([
  z
    .string()
    .regex(/^faq:s:\d{1,10}:[a-z0-9-]{1,40}$/)
    .transform((s) => {
      const [, , id, slug] = s.split(':');
      return { action: 's' as const, questionId: Number(id), slug: slug! };
    }),
  z
    .string()
    .regex(/^faq:[nam]:\d{1,10}$/)
    .transform((s) => {
      const [, action, id] = s.split(':');
      return { action: action as 'n' | 'a' | 'm', questionId: Number(id) };
    }),
]);
export type FaqCallback = z.output<typeof callbackSchema>;

export const callbackData = {
  show: (questionId: number, slug: string) => `faq:s:${questionId}:${slug}`,
  notHelpful: (questionId: number) => `faq:n:${questionId}`,
  answer: (questionId: number) => `faq:a:${questionId}`,
  makeEntry: (questionId: number) => `faq:m:${questionId}`,
};
