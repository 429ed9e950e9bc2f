import { Composer, Markup } from 'telegraf';
import { z } from 'zod';
import { ONE_TIME_CODE_PATTERN } from '../../shared/one-time-code.js';
import { localParts } from '../../shared/when.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { commandArgs, privateOnly } from '../../telegram/guards.js';
import { replyHtml } from '../../telegram/reply.js';
import { displayName } from '../../people/queries.js';
import { isLiaisonOf, isSecretaryOf } from '../../people/access.js';
import { recordScopes } from './access.js';
import { actionDialogue } from './action-dialogue.js';
import { addDialogue, emptyAddDraft, nextAddStep, readNameLine } from './add-dialogue.js';
import { recordButton, sendCard, sendList, type RecordButton } from './card.js';
import { editDialogue } from './edit-dialogue.js';
import { classByRef, findRecords, historyPage, linkedRecord, recordClasses, thoughtReportDates, visibleRecord, type RecordClass } from './queries.js';
import { archiveRecord, createRecordLink, RECORD_LINK_PREFIX, redeemRecordLink, type LinkError } from './service.js';
import { actorFor, chunk, keyboardOptions, tidy, todayOf } from './support.js';
import { parseDate } from './dates.js';
import { historyLine, progressLines } from './views.js';
import { onButton } from '../../telegram/buttons.js';

const HISTORY_PAGE = 10;

/** The caller's classes, or the short refusal already sent (a student, a liaison asking about another class: nothing revealed). */
async function classesOrRefuse(ctx: BotContext): Promise<RecordClass[] | null> {
  const { classIds, branchIds } = recordScopes(ctx.roles);
  if (classIds.length === 0 && branchIds.length === 0) {
    await replyHtml(ctx, ctx.t('records.notAllowed'));
    return null;
  }
  const classes = await recordClasses(ctx.deps.db, ctx.roles);
  if (classes.length === 0) await replyHtml(ctx, ctx.t('records.noClasses'));
  return classes.length > 0 ? classes : null;
}

/** The class named in the command, the only one, or null when the caller must choose (`choose` sent). */
async function classFromArgs(ctx: BotContext, classes: RecordClass[], choose: (c: RecordClass) => RecordButton): Promise<RecordClass | null> {
  const ref = commandArgs(ctx);
  if (ref) {
    const klass = classByRef(classes, ref);
    if (!klass) await replyHtml(ctx, ctx.t('records.classNotFound', { class: ref }));
    return klass ?? null;
  }
  if (classes.length === 1) return classes[0]!;
  const keyboard = chunk(
    classes.slice(0, 60).map((c) => Markup.button.callback(c.name, recordButton.encode(choose(c)))),
    3,
  );
  await ctx.reply(ctx.t('records.chooseClass'), keyboardOptions(keyboard));
  return null;
}

const historyClasses = (ctx: BotContext, classes: RecordClass[]) => classes.filter((c) => isSecretaryOf(ctx.roles, c.branchId) || isLiaisonOf(ctx.roles, c.id));

function stamp(instant: Date, timeZone: string): string {
  const l = localParts(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${l.year}-${pad(l.month)}-${pad(l.day)} ${pad(l.hour)}:${pad(l.minute)}`;
}

async function sendHistory(ctx: BotContext, klass: RecordClass, page: number): Promise<void> {
  const rows = await historyPage(ctx.deps.db, klass.id, page * HISTORY_PAGE, HISTORY_PAGE + 1);
  if (rows.length === 0) return replyHtml(ctx, ctx.t(page === 0 ? 'records.history.none' : 'records.gone', { class: klass.name }));
  const lines = rows.slice(0, HISTORY_PAGE).map((r) =>
    historyLine(ctx.t, {
      when: stamp(r.created_at, ctx.deps.config.timeZone),
      actor: r.actor_first ? displayName(r.actor_first, r.actor_last) : '',
      action: r.action,
      name: r.record_name,
      detail: r.detail,
    }),
  );
  const button = (label: string, p: number) => Markup.button.callback(label, recordButton.encode({ action: 'h', id: klass.id, page: p }));
  const paging = [
    ...(page > 0 ? [button(ctx.t('records.btn.prev'), page - 1)] : []),
    ...(rows.length > HISTORY_PAGE ? [button(ctx.t('records.btn.next'), page + 1)] : []),
  ];
  const text = [ctx.t('records.history.header', { class: klass.name, page: page + 1 }), ...lines].join('\n\n');
  await ctx.reply(text, keyboardOptions(paging.length > 0 ? [paging] : []));
}

const linkErrors: Record<LinkError, 'records.link.invalid' | 'records.link.used' | 'records.link.expired' | 'records.link.linked_elsewhere'> = {
  invalid: 'records.link.invalid',
  used: 'records.link.used',
  expired: 'records.link.expired',
  linked_elsewhere: 'records.link.linked_elsewhere',
};
const linkPayloadSchema = z
  .string()
  .regex(new RegExp(`^${RECORD_LINK_PREFIX}${ONE_TIME_CODE_PATTERN}$`))
  .transform((payload) => payload.slice(RECORD_LINK_PREFIX.length));

/** A press on a list or card button: decoded, and the class or record checked against the caller's access, every time. */
async function onRecordButton(ctx: BotContext, deps: AppDeps, value: RecordButton): Promise<unknown> {
  if (value.action === 'l' || value.action === 'h') {
    const classes = await recordClasses(deps.db, ctx.roles);
    const klass = (value.action === 'h' ? historyClasses(ctx, classes) : classes).find((c) => c.id === value.id);
    if (!klass) return ctx.answerCbQuery(ctx.t('records.notYours'), { show_alert: true });
    await ctx.answerCbQuery();
    if (value.action === 'h') return sendHistory(ctx, klass, value.page ?? 0);
    return sendList(ctx, klass, value.page ?? 0, true);
  }
  const record = await visibleRecord(deps.db, ctx.roles, value.id);
  if (!record || record.archived_at) return ctx.answerCbQuery(ctx.t('records.notYours'), { show_alert: true });
  await ctx.answerCbQuery();
  const now = deps.clock.now();
  switch (value.action) {
    case 'o':
      return sendCard(ctx, record);
    case 's':
    case 't':
      return actionDialogue.begin(
        ctx,
        { action: value.action === 's' ? 'stage' : 'report', classId: record.class_id, recordId: record.id, page: 0, date: null },
        'date',
      );
    case 'e':
      return editDialogue.begin(ctx, { recordId: record.id, field: null });
    case 'a':
      return ctx.reply(
        ctx.t('records.archive.ask', { name: record.name, class: record.class_name }),
        keyboardOptions([[Markup.button.callback(ctx.t('records.btn.archiveConfirm'), recordButton.encode({ action: 'ax', id: record.id }))]]),
      );
    case 'ax': {
      const done = await archiveRecord(deps.db, record.id, actorFor(ctx, record), now);
      await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
      return replyHtml(ctx, ctx.t(done ? 'records.archive.done' : 'records.gone', { name: record.name }));
    }
    case 'k': {
      const code = await createRecordLink(deps.db, record.id, actorFor(ctx, record), now);
      if (!code) return replyHtml(ctx, ctx.t('records.gone'));
      deps.logger.info({ event: 'record_link_created', recordId: record.id }, 'record link created');
      return replyHtml(
        ctx,
        ctx.t('records.link.created', { name: record.name, link: `https://t.me/${deps.botUsername()}?start=${RECORD_LINK_PREFIX}${code}` }),
      );
    }
  }
}

/** `/stage NAME [DATE]`, `/thought_report NAME [DATE]`: the person by name or student number among the caller's classes. */
async function oneLine(ctx: BotContext, classes: RecordClass[], action: 'stage' | 'report', args: string): Promise<void> {
  const words = tidy(args).split(' ');
  const date = words.length > 1 ? parseDate(words.at(-1)!, todayOf(ctx.deps)) : null;
  const wanted = (date ? words.slice(0, -1) : words).join(' ');
  if (date === null && words.length > 1 && /^\d{4}[-/.年]/.test(words.at(-1)!)) return replyHtml(ctx, ctx.t('records.badDate'));
  const found = await findRecords(
    ctx.deps.db,
    classes.map((c) => c.id),
    wanted,
  );
  if (found.length !== 1) return replyHtml(ctx, ctx.t(found.length > 1 ? 'records.pick.several' : 'records.pick.noMatch', { name: wanted }));
  const record = found[0]!;
  await actionDialogue.begin(ctx, { action, classId: record.class_id, recordId: record.id, page: 0, date }, 'date');
}

export function recordsComposer(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.start(async (ctx, next) => {
    const payload = ctx.payload.trim();
    if (!payload.startsWith(RECORD_LINK_PREFIX)) return next();
    if (ctx.chat.type !== 'private') return replyHtml(ctx, ctx.t('records.link.privateOnly'));
    const parsed = linkPayloadSchema.safeParse(payload);
    if (!parsed.success || !ctx.person) return replyHtml(ctx, ctx.t('records.link.invalid'));
    const result = await redeemRecordLink(deps.db, parsed.data, ctx.person.id, deps.clock.now());
    if (!result.ok) return replyHtml(ctx, ctx.t(linkErrors[result.error]));
    deps.logger.info({ event: 'record_linked', personId: ctx.person.id }, 'record linked');
    return replyHtml(ctx, ctx.t('records.link.done'));
  });

  composer.command('people', privateOnly, async (ctx) => {
    const classes = await classesOrRefuse(ctx);
    if (!classes) return;
    const klass = await classFromArgs(ctx, classes, (c) => ({ action: 'l', id: c.id, page: 0 }));
    if (klass) await sendList(ctx, klass, 0);
  });

  composer.command('record_history', privateOnly, async (ctx) => {
    const classes = await classesOrRefuse(ctx);
    if (!classes) return;
    const allowed = historyClasses(ctx, classes);
    if (allowed.length === 0) return replyHtml(ctx, ctx.t('records.history.notAllowed'));
    const klass = await classFromArgs(ctx, allowed, (c) => ({ action: 'h', id: c.id, page: 0 }));
    if (klass) await sendHistory(ctx, klass, 0);
  });

  composer.command('person_add', privateOnly, async (ctx) => {
    const classes = await classesOrRefuse(ctx);
    if (!classes) return;
    const draft = { ...emptyAddDraft, classId: classes.length === 1 ? classes[0]!.id : null };
    const args = commandArgs(ctx);
    if (args) {
      const read = readNameLine(args);
      if (read === 'bad_name') return replyHtml(ctx, ctx.t('records.add.badName', { max: 50 }));
      if (read === 'bad_student_no') return replyHtml(ctx, ctx.t('records.add.badStudentNo'));
      Object.assign(draft, read);
    }
    await addDialogue.begin(ctx, draft, nextAddStep(draft));
  });

  for (const [command, action] of [
    ['stage', 'stage'],
    ['thought_report', 'report'],
  ] as const) {
    composer.command(command, privateOnly, async (ctx) => {
      const classes = await classesOrRefuse(ctx);
      if (!classes) return;
      const args = commandArgs(ctx);
      if (args) return oneLine(ctx, classes, action, args);
      const classId = classes.length === 1 ? classes[0]!.id : null;
      await actionDialogue.begin(ctx, { action, classId, recordId: null, page: 0, date: null }, classId === null ? 'class' : 'person');
    });
  }

  composer.command('my_progress', privateOnly, async (ctx) => {
    const record = ctx.person ? await linkedRecord(deps.db, ctx.person.id) : null;
    if (!record) return replyHtml(ctx, ctx.t('records.my.notLinked'));
    const reports = await thoughtReportDates(deps.db, record.id);
    const lines = [ctx.t('records.my.header', { name: record.name }), ...progressLines(ctx.t, record, reports, todayOf(deps))];
    await replyHtml(ctx, lines.join('\n'));
  });

  onButton(composer, recordButton, (ctx, value) => onRecordButton(ctx, deps, value));

  return composer;
}
