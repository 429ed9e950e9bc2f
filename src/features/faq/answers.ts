import { escapeHtml, Html, joinHtml, mention } from '../../i18n/html.js';
import type { Translate } from '../../i18n/i18n.js';
import type { Language } from '../../i18n/language.js';
import { liaisonList } from '../groups/liaison-list.js';
import type { ClassMember } from '../people/queries.js';
import type { PipelineCounts } from '../records/counts.js';
import { statsHtml } from '../stats/figures.js';
import type { FaqEntry } from './schemas.js';

/** What a live answer may know about the asker; the class part is looked up only when asked for. */
export interface AnswerContext {
  lang: Language;
  t: Translate;
  /** The asker's class (the group's class in a group; the group they last used, in private), or null. */
  klass(): Promise<{ name: string; liaisons: ClassMember[] } | null>;
  /** The class's pipeline counts today (issue 11), or null when the asker's class is not known. */
  classCounts(): Promise<{ name: string; counts: PipelineCounts } | null>;
}

/** Every answer is one of these; an entry's answer is built by `answerOf`, so callers never special-case. */
export type Answer = { kind: 'static'; html: string } | { kind: 'live'; build: (ctx: AnswerContext) => Promise<string> };

const liaisonNames = (liaisons: ClassMember[]) =>
  joinHtml(
    liaisons.map((l) => joinHtml([mention(l.telegramUserId, l.name), l.username ? ` @${l.username}` : ''], '')),
    '、',
  );

/** The entry's own text as HTML (entries are plain text written by the branch). */
const staticHtml = (entry: FaqEntry, lang: Language) => escapeHtml(lang === 'en' && entry.answerEn ? entry.answerEn : entry.answer);

/** Entry text followed by the asker's class liaisons (or how to find them). */
const withClassLiaisons = (entry: FaqEntry) => async (ctx: AnswerContext) => {
  const klass = await ctx.klass();
  const tail = !klass
    ? ctx.t('faq.live.noClass')
    : klass.liaisons.length === 0
      ? ctx.t('faq.live.noLiaisons', { class: klass.name })
      : ctx.t('faq.live.classLine', { class: klass.name, names: liaisonNames(klass.liaisons) });
  return `${staticHtml(entry, ctx.lang)}\n${tail}`;
};

/** Live answers by slug: registering one here is all a new class-dependent answer needs. */
const LIVE: Record<string, (entry: FaqEntry) => (ctx: AnswerContext) => Promise<string>> = {
  'class-liaisons': () => async (ctx) => {
    const klass = await ctx.klass();
    if (!klass) return ctx.t('faq.live.noClass');
    if (klass.liaisons.length === 0) return ctx.t('faq.live.noLiaisons', { class: klass.name });
    return ctx.t('faq.live.liaisons', { class: klass.name, names: liaisonList(klass.liaisons) });
  },
  'anonymous-feedback': withClassLiaisons,
  'class-stats': () => async (ctx) => {
    const klass = await ctx.classCounts();
    return klass ? statsHtml(ctx.t, klass.name, klass.counts) : ctx.t('faq.live.noClass');
  },
};

export const liveSlugs = Object.keys(LIVE);

export function answerOf(entry: FaqEntry, lang: Language): Answer {
  const live = entry.live ? LIVE[entry.slug] : undefined;
  return live ? { kind: 'live', build: live(entry) } : { kind: 'static', html: staticHtml(entry, lang) };
}

/** The full answer message: the entry's title in bold, then its (static or live) answer. */
export async function renderAnswer(entry: FaqEntry, ctx: AnswerContext): Promise<string> {
  const answer = answerOf(entry, ctx.lang);
  const body = answer.kind === 'static' ? answer.html : await answer.build(ctx);
  return ctx.t('faq.answer', { title: entry.title, answer: new Html(body) });
}
