import { z } from 'zod';
import { defineCallback } from '../../dialogue/callback.js';
import { defineDialogue, type Turn } from '../../dialogue/define.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { recordScope, refusalText } from './action-dialogue.js';
import { sendCard } from './card.js';
import { parseDate } from './dates.js';
import { visibleRecord, type RecordClass, type RecordWithClass } from './queries.js';
import { checkExtension, stageDateField, type Breach } from './rules.js';
import { updateRecord, type RecordPatch } from './service.js';
import { actorFor, chunk, keyboardOptions, NAME_MAX, NOTE_MAX, textLength, tidy, todayOf, validName, validStudentNo } from './support.js';
import { stages, type PartySchoolResult, type PipelineRecord } from './tables.js';
import { breachText } from './views.js';

/* Editing one field of a record from its card: the field's button, then its value on one line. */

export const editFields = ['school', 'league', 'contacts', 'note', 'applied', 'extension', 'name', 'student_no'] as const;
type EditField = (typeof editFields)[number];

const draftSchema = z.object({ recordId: z.number().int(), field: z.enum(editFields).nullable() });
type EditDraft = z.infer<typeof draftSchema>;
const buttonSchema = z.object({ action: z.enum(['f', 'x']), arg: z.number().int().min(0).optional() });
const button = defineCallback('re', buttonSchema);
type Step = 'field' | 'value';
type EditTurn = Turn<EditDraft, z.output<typeof buttonSchema>, RecordClass[], Step>;

const CLEAR = '-';
const schoolWords: Record<string, PartySchoolResult> = {
  参加: 'attended',
  已参加: 'attended',
  attended: 'attended',
  结业: 'passed',
  合格: 'passed',
  通过: 'passed',
  passed: 'passed',
  未通过: 'failed',
  不合格: 'failed',
  failed: 'failed',
};

type Parsed = { patch: RecordPatch } | { problem: string };

/** A typed value for the field as a patch, or what is wrong with it. */
function parseValue(turn: EditTurn, field: EditField, text: string, record: PipelineRecord): Parsed {
  const value = tidy(text);
  const today = todayOf(turn.deps);
  const clear = value === CLEAR;
  const problem = (key: MessageKey, params?: Record<string, string | number>) => ({ problem: turn.t(key, params) });
  const dateOr = (key: MessageKey) => (clear ? null : (parseDate(value, today) ?? key));
  switch (field) {
    case 'name':
      return validName(value) ? { patch: { name: value } } : problem('records.add.badName', { max: NAME_MAX });
    case 'student_no':
      if (clear) return { patch: { student_no: null } };
      return validStudentNo(value) ? { patch: { student_no: value } } : problem('records.add.badStudentNo');
    case 'note':
      if (clear) return { patch: { note: null } };
      return textLength(value) <= NOTE_MAX && value !== ''
        ? { patch: { note: value } }
        : problem('records.tooLong', { length: textLength(value), max: NOTE_MAX });
    case 'contacts': {
      if (clear) return { patch: { contact_a: null, contact_b: null } };
      const names = value.split(/[ ,，、]+/).filter(Boolean);
      if (names.length < 1 || names.length > 2 || !names.every(validName)) return problem('records.edit.badContacts', { max: NAME_MAX });
      return { patch: { contact_a: names[0]!, contact_b: names[1] ?? null } };
    }
    case 'league': {
      const date = dateOr('records.badDate');
      if (date === 'records.badDate') return problem(date);
      if (date !== null && date > today) return { problem: breachText(turn.ctx.t, [{ rule: 'future_date', exceptable: false }]) };
      return { patch: { league_recommended_on: date } };
    }
    case 'school': {
      if (clear) return { patch: { party_school_on: null, party_school_result: null } };
      const [datePart, resultPart, ...rest] = value.split(' ');
      const date = parseDate(datePart ?? '', today);
      const result = resultPart === undefined ? null : schoolWords[resultPart.toLowerCase()];
      if (!date || result === undefined || rest.length > 0) return problem('records.edit.badSchool');
      if (date > today) return { problem: breachText(turn.ctx.t, [{ rule: 'future_date', exceptable: false }]) };
      return { patch: { party_school_on: date, party_school_result: result } };
    }
    case 'applied': {
      const date = parseDate(value, today);
      if (!date) return problem('records.badDate');
      const later = stages
        .slice(1)
        .map((s) => record[stageDateField[s]])
        .filter((d): d is string => d !== null);
      if (date > today || later.some((d) => d < date)) return problem('records.edit.appliedAfterStage');
      return { patch: { applied_on: date } };
    }
    case 'extension': {
      if (record.stage !== 'probationary') return problem('records.edit.notProbationary');
      const date = dateOr('records.badDate');
      if (date === 'records.badDate') return problem(date);
      const breaches: Breach[] = date === null ? [] : checkExtension(record, date);
      return breaches.length > 0 ? { problem: breachText(turn.ctx.t, breaches) } : { patch: { probation_until: date } };
    }
  }
}

async function recordOf(turn: EditTurn): Promise<RecordWithClass | null> {
  const record = await visibleRecord(turn.deps.db, turn.ctx.roles, turn.data.recordId);
  if (record && !record.archived_at) return record;
  await turn.finish();
  await turn.answer();
  await turn.reply(turn.t('records.gone'));
  return null;
}

export const editDialogue = defineDialogue({
  kind: 'record_edit',
  schema: draftSchema,
  callback: button,
  cancelAction: 'x',
  scope: recordScope,
  start: 'field',
  steps: {
    field: {
      enter: async (turn) => {
        const record = await recordOf(turn);
        if (!record) return;
        const keyboard = chunk(
          editFields.map((f, i) => turn.button(turn.t(`records.edit.field.${f}`), { action: 'f', arg: i })),
          2,
        );
        keyboard.push([turn.button(turn.t('records.btn.cancel'), { action: 'x' })]);
        await turn.ctx.reply(turn.t('records.edit.choose', { name: record.name }), keyboardOptions(keyboard));
      },
      buttons: {
        f: (turn, { arg }) => {
          const field = arg === undefined ? undefined : editFields[arg];
          return field ? turn.goto('value', { ...turn.data, field }) : turn.stale();
        },
      },
    },
    value: {
      enter: (turn) => turn.reply(turn.t(`records.edit.ask.${turn.data.field ?? 'note'}`, { max: turn.data.field === 'note' ? NOTE_MAX : NAME_MAX })),
      message: {
        accepts: ['text'],
        unsupported: 'records.textOnly',
        handle: async (turn, { text }) => {
          const record = await recordOf(turn);
          if (!record || !turn.data.field) return;
          const parsed = parseValue(turn, turn.data.field, text, record);
          if ('problem' in parsed) return turn.reply(parsed.problem);
          const result = await updateRecord(turn.deps.db, record.id, parsed.patch, actorFor(turn.ctx, record), turn.deps.clock.now());
          if (!result.ok) {
            if (result.refusal.kind === 'duplicate_student_no')
              return turn.reply(turn.t('records.add.duplicate', { studentNo: parsed.patch.student_no ?? '' }));
            await turn.finish();
            return turn.reply(refusalText(turn.ctx.t, result.refusal));
          }
          await turn.finish();
          await turn.reply(turn.t(result.value.changed > 0 ? 'records.edit.done' : 'records.edit.unchanged'));
          const fresh = await visibleRecord(turn.deps.db, turn.ctx.roles, record.id);
          if (fresh) await sendCard(turn.ctx, fresh);
        },
      },
    },
  },
});
