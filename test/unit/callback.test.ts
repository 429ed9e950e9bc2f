import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CALLBACK_DATA_MAX_BYTES, CallbackDataError, defineCallback } from '../../src/dialogue/callback.js';
import { noticeButton } from '../../src/features/notices/dialogue-views.js';

const faqLike = defineCallback(
  'faq',
  z.object({
    action: z.enum(['s', 'n', 'a', 'm']),
    questionId: z.number().int().nonnegative(),
    slug: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/)
      .optional(),
  }),
);

describe('defineCallback', () => {
  it('writes fields in order and reads them back typed', () => {
    expect(faqLike.encode({ action: 's', questionId: 12, slug: 'party-school' })).toBe('faq:s:12:party-school');
    expect(faqLike.decode('faq:s:12:party-school')).toEqual({ action: 's', questionId: 12, slug: 'party-school' });
    expect(faqLike.encode({ action: 'a', questionId: 3 })).toBe('faq:a:3');
    expect(faqLike.decode('faq:a:3')).toEqual({ action: 'a', questionId: 3 });
  });

  it('keeps the /notice buttons as they were: nd:<action>[:<arg>]', () => {
    expect(noticeButton.encode({ action: 'all' })).toBe('nd:all');
    expect(noticeButton.encode({ action: 't', arg: 17 })).toBe('nd:t:17');
    expect(noticeButton.decode('nd:tag:0')).toEqual({ action: 'tag', arg: 0 });
    expect(noticeButton.decode('nd:t')).toEqual({ action: 't' });
  });

  it('reads forged or outdated data as null', () => {
    for (const data of ['faq:x:1', 'faq:a', 'faq:a:-1', 'faq:a:1.5', 'faq:a:12abc', 'faq:a:1:BAD SLUG', 'faq:s:1:ok:extra', 'faq', 'nd:all', 'faqs:a:1', '']) {
      expect(faqLike.decode(data), data).toBeNull();
    }
    expect(noticeButton.decode('nd:t:99999999999999999999')).toBeNull();
  });

  it('tells its own data from others by the prefix', () => {
    expect(faqLike.owns('faq:a:1')).toBe(true);
    expect(faqLike.owns('faq:garbage')).toBe(true);
    expect(faqLike.owns('faqs:a:1')).toBe(false);
    expect(noticeButton.owns('nl:d:1')).toBe(false);
  });

  it('refuses to build data over 64 bytes (counted in UTF-8) and reads none', () => {
    const text = defineCallback('x', z.object({ value: z.string() }));
    const fits = 'a'.repeat(CALLBACK_DATA_MAX_BYTES - 2);
    expect(text.encode({ value: fits })).toHaveLength(64);
    expect(() => text.encode({ value: `${fits}a` })).toThrow(CallbackDataError);
    // 21 Chinese characters are 63 bytes: with "x:" they no longer fit
    expect(() => text.encode({ value: '党'.repeat(21) })).toThrow(/65 bytes/);
    expect(text.decode(`x:${fits}a`)).toBeNull();
    expect(text.decode(`x:${fits}`)).toEqual({ value: fits });
  });

  it('refuses a separator inside a field, a field after an empty one, and a bad prefix', () => {
    const two = defineCallback('two', z.object({ a: z.string().optional(), b: z.string().optional() }));
    expect(() => two.encode({ a: 'x:y' })).toThrow(CallbackDataError);
    expect(() => two.encode({ b: 'y' })).toThrow(/follows an empty one/);
    expect(two.encode({})).toBe('two');
    expect(() => defineCallback('a:b', z.object({ a: z.string() }))).toThrow(CallbackDataError);
  });
});
