import { z } from 'zod';
import { defineCallback } from '../../dialogue/callback.js';
import { defineDialogue, type Turn } from '../../dialogue/define.js';
import { isSecretaryOf } from '../../people/access.js';
import { recordScope, refusalText } from './action-dialogue.js';
import { parseDate } from './dates.js';
import type { RecordClass } from './queries.js';
import { checkRecordDates, stageDateField, type StageDateField } from './rules.js';
import { createRecord, type Exception, type NewRecord } from './service.js';
import { keyboardOptions, NAME_MAX, splitNameAndNumber, tidy, todayOf, validName, validStudentNo } from './support.js';
import { stages, type Stage } from './tables.js';
import { stageName } from './views.js';
import { blockingText, cancelRow, classStep, confirmView, reasonStep } from './steps.js';

/*
 * /person_add [NAME [STUDENT_NO]]: class (when several) → name → stage → the dates that stage needs,
 * on one line → confirmation. A breach of a minimum period between the dates lets the branch
 * secretary confirm an exception with a reason; anything else is answered and nothing is written.
 */

const dateFieldsSchema = z.object({
  applied_on: z.string().nullable(),
  activist_on: z.string().nullable(),
  target_on: z.string().nullable(),
  probationary_on: z.string().nullable(),
  full_on: z.string().nullable(),
});
const draftSchema = z.object({
  classId: z.number().int().nullable(),
  name: z.string().nullable(),
  studentNo: z.string().nullable(),
  stage: z.enum(stages).nullable(),
  dates: dateFieldsSchema.nullable(),
});
export type AddDraft = z.infer<typeof draftSchema>;
export const emptyAddDraft: AddDraft = { classId: null, name: null, studentNo: null, stage: null, dates: null };

const buttonSchema = z.object({ action: z.enum(['c', 's', 'ok', 'exc', 'x']), arg: z.number().int().min(0).optional() });
const button = defineCallback('ra', buttonSchema);
type Step = 'class' | 'name' | 'stage' | 'dates' | 'confirm' | 'reason';
type AddButton = z.output<typeof buttonSchema>;
type AddTurn = Turn<AddDraft, AddButton, RecordClass[], Step>;

export function nextAddStep(draft: AddDraft): Step {
  if (draft.classId === null) return 'class';
  if (draft.name === null) return 'name';
  if (draft.stage === null) return 'stage';
  if (draft.dates === null) return 'dates';
  return 'confirm';
}

/** The dates a record at `stage` needs: each stage's up to it. */
const neededFields = (stage: Stage): StageDateField[] => stages.slice(0, stages.indexOf(stage) + 1).map((s) => stageDateField[s]);
const fieldLabels = (turn: AddTurn, stage: Stage) => neededFields(stage).map((f) => turn.t(`records.field.${f}`));

/** What is wrong with a name line, or the name and number. */
export function readNameLine(text: string): { name: string; studentNo: string | null } | 'bad_name' | 'bad_student_no' {
  const { name, studentNo } = splitNameAndNumber(text);
  if (!validName(name)) return 'bad_name';
  if (studentNo !== null && !validStudentNo(studentNo)) return 'bad_student_no';
  return { name, studentNo };
}

const klassOf = (turn: AddTurn) => turn.scope.find((c) => c.id === turn.data.classId);
const secretaryHere = (turn: AddTurn) => {
  const klass = klassOf(turn);
  return klass !== undefined && isSecretaryOf(turn.ctx.roles, klass.branchId);
};

function newRecordOf(draft: AddDraft): NewRecord | null {
  if (draft.classId === null || draft.name === null || draft.stage === null || draft.dates === null) return null;
  return { classId: draft.classId, name: draft.name, studentNo: draft.studentNo, stage: draft.stage, ...draft.dates };
}

async function save(turn: AddTurn, exception: Exception | null): Promise<void> {
  const input = newRecordOf(turn.data);
  const klass = klassOf(turn);
  if (!input || !klass) return turn.stale();
  const actor = { personId: turn.person.id, isSecretary: secretaryHere(turn) };
  const result = await createRecord(turn.deps.db, input, actor, turn.deps.clock.now(), todayOf(turn.deps), exception);
  await turn.answer();
  if (!result.ok) {
    if (result.refusal.kind === 'duplicate_student_no') {
      await turn.reply(turn.t('records.add.duplicate', { studentNo: input.studentNo ?? '' }));
      return turn.goto('name', { ...turn.data, name: null, studentNo: null });
    }
    await turn.finish();
    return turn.reply(refusalText(turn.ctx.t, result.refusal));
  }
  await turn.finish();
  turn.deps.logger.info({ event: 'record_created', recordId: result.value.id, classId: klass.id, exception: exception !== null }, 'record created');
  const done = turn.t('records.add.done', { name: input.name, stage: stageName(turn.ctx.t, input.stage), class: klass.name });
  await turn.reply(exception ? `${done}\n${turn.t('records.exception.note', { reason: exception.reason })}` : done);
}

export const addDialogue = defineDialogue({
  kind: 'record_add',
  schema: draftSchema,
  callback: button,
  cancelAction: 'x',
  scope: recordScope,
  start: 'class',
  steps: {
    class: classStep<AddDraft, AddButton, Step>((data) => [nextAddStep(data), data]),
    name: {
      enter: (turn) => turn.reply(turn.t('records.add.askName', { max: NAME_MAX })),
      message: {
        accepts: ['text'],
        unsupported: 'records.textOnly',
        handle: async (turn, { text }) => {
          const read = readNameLine(text);
          if (read === 'bad_name') return turn.reply(turn.t('records.add.badName', { max: NAME_MAX }));
          if (read === 'bad_student_no') return turn.reply(turn.t('records.add.badStudentNo'));
          const data = { ...turn.data, ...read };
          return turn.goto(nextAddStep(data), data);
        },
      },
    },
    stage: {
      enter: (turn) =>
        turn.ctx.reply(
          turn.t('records.add.askStage', { name: turn.data.name ?? '' }),
          keyboardOptions([...stages.map((s, i) => [turn.button(stageName(turn.ctx.t, s), { action: 's', arg: i })]), cancelRow(turn)]),
        ),
      buttons: {
        s: (turn, { arg }) => {
          const stage = arg === undefined ? undefined : stages[arg];
          if (!stage) return turn.stale();
          return turn.goto('dates', { ...turn.data, stage, dates: null });
        },
      },
    },
    dates: {
      enter: (turn) => {
        const stage = turn.data.stage!;
        const example = ['2024-09-10', '2025-03-01', '2026-04-01', '2026-06-15', '2027-06-15'].slice(0, neededFields(stage).length).join(' ');
        return turn.reply(turn.t('records.add.askDates', { fields: fieldLabels(turn, stage).join(' → '), example }));
      },
      message: {
        accepts: ['text'],
        unsupported: 'records.textOnly',
        handle: async (turn, { text }) => {
          const stage = turn.data.stage;
          if (!stage) return turn.stale();
          const fields = neededFields(stage);
          const words = tidy(text)
            .split(/[ ,，、]+/)
            .filter(Boolean);
          if (words.length !== fields.length) {
            return turn.reply(turn.t('records.add.wrongCount', { n: fields.length, got: words.length, fields: fieldLabels(turn, stage).join(' → ') }));
          }
          const today = todayOf(turn.deps);
          const dates = { applied_on: null, activist_on: null, target_on: null, probationary_on: null, full_on: null } as Record<StageDateField, string | null>;
          for (const [i, word] of words.entries()) {
            const date = parseDate(word, today);
            if (!date) return turn.reply(turn.t('records.add.badDateAt', { n: i + 1, text: word }));
            dates[fields[i]!] = date;
          }
          const breaches = checkRecordDates({ ...dates, probation_until: null }, stage, today);
          const blocked = blockingText(turn, breaches, secretaryHere(turn));
          if (blocked) return turn.reply(blocked);
          return turn.goto('confirm', { ...turn.data, dates });
        },
      },
    },
    confirm: {
      enter: (turn) => {
        const input = newRecordOf(turn.data);
        const klass = klassOf(turn);
        if (!input || !klass) return turn.stale();
        const lines = [
          `${input.name}${input.studentNo ? `（${input.studentNo}）` : ''} · ${stageName(turn.ctx.t, input.stage)}`,
          ...neededFields(input.stage).map((f) => `${turn.t(`records.field.${f}`)}：${input[f]}`),
        ];
        const summary = turn.t('records.add.confirm', { class: klass.name, summary: lines.join('\n') });
        return confirmView(turn, summary, checkRecordDates({ ...input, probation_until: null }, input.stage, todayOf(turn.deps)));
      },
      buttons: {
        ok: (turn) => save(turn, null),
        exc: (turn) => {
          if (!secretaryHere(turn)) return turn.answer(turn.t('records.breach.secretaryOnly'), { alert: true });
          return turn.goto('reason', turn.data);
        },
      },
    },
    reason: reasonStep<AddDraft, AddButton, Step>(async (turn, reason) => {
      const input = newRecordOf(turn.data);
      if (!input) return turn.stale();
      const rules = checkRecordDates({ ...input, probation_until: null }, input.stage, todayOf(turn.deps)).map((b) => b.rule);
      return save(turn, { rules, reason });
    }),
  },
});
