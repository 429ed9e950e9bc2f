import type { Turn } from '../../dialogue/define.js';
import type { RecordClass } from './queries.js';
import type { Breach } from './rules.js';
import { chunk, keyboardOptions, REASON_MAX, textLength, tidy } from './support.js';
import { breachText } from './views.js';

/*
 * Steps the records dialogues share. Their buttons: `c:<class id>` choose a class, `ok` confirm,
 * `exc` confirm an exception (branch secretary), `x` cancel.
 */

type Shared = { action: 'c' | 'ok' | 'exc' | 'x'; arg?: number };
type RecordsTurn<D, C extends { action: string }, K extends string> = Turn<D, C, RecordClass[], K>;

const cancelButton = <D, C extends { action: string }, K extends string>(turn: RecordsTurn<D, C, K>) =>
  turn.button(turn.t('records.btn.cancel'), { action: 'x' } as Shared as unknown as C);

export function cancelRow<D, C extends { action: string }, K extends string>(turn: RecordsTurn<D, C, K>) {
  return [cancelButton(turn)];
}

/** Choose one of the caller's classes (a class not in the scope, from a forged button, is refused). */
export function classStep<D extends { classId: number | null }, C extends { action: string; arg?: number }, K extends string>(next: (data: D) => [K, D]) {
  return {
    enter: (turn: RecordsTurn<D, C, K>) =>
      turn.ctx.reply(
        turn.t('records.chooseClass'),
        keyboardOptions([
          ...chunk(
            turn.scope.slice(0, 60).map((c) => turn.button(c.name, { action: 'c', arg: c.id } as Shared as unknown as C)),
            3,
          ),
          cancelRow(turn),
        ]),
      ),
    buttons: {
      c: (turn: RecordsTurn<D, C, K>, { arg }: C) => {
        if (arg === undefined || !turn.scope.some((c) => c.id === arg)) return turn.answer(turn.t('records.notYours'), { alert: true });
        return turn.goto(...next({ ...turn.data, classId: arg }));
      },
    },
  };
}

/** The question before saving; with the breaches of minimum periods, the branch secretary's "confirm exception" instead. */
export function confirmView<D, C extends { action: string }, K extends string>(turn: RecordsTurn<D, C, K>, question: string, breaches: readonly Breach[]) {
  if (breaches.length === 0) {
    return turn.ctx.reply(
      question,
      keyboardOptions([[turn.button(turn.t('records.btn.confirm'), { action: 'ok' } as Shared as unknown as C)], cancelRow(turn)]),
    );
  }
  const text = `${breachText(turn.ctx.t, breaches)}\n\n${turn.t('records.breach.canConfirm')}\n\n${question}`;
  return turn.ctx.reply(
    text,
    keyboardOptions([[turn.button(turn.t('records.btn.confirmException'), { action: 'exc' } as Shared as unknown as C)], cancelRow(turn)]),
  );
}

/** The answer to breaches found as the dates are typed: null when the dialogue may go on to the confirmation. */
export function blockingText<D, C extends { action: string }, K extends string>(
  turn: RecordsTurn<D, C, K>,
  breaches: readonly Breach[],
  isSecretary: boolean,
): string | null {
  const exceptable = breaches.every((b) => b.exceptable);
  if (breaches.length === 0 || (exceptable && isSecretary)) return null;
  return breachText(turn.ctx.t, breaches) + (exceptable ? `\n${turn.t('records.breach.secretaryOnly')}` : '');
}

/** The exception's reason, one line of text, then `save`. */
export function reasonStep<D, C extends { action: string }, K extends string>(save: (turn: RecordsTurn<D, C, K>, reason: string) => Promise<void>) {
  return {
    enter: (turn: RecordsTurn<D, C, K>) => turn.reply(turn.t('records.exception.askReason', { max: REASON_MAX })),
    message: {
      accepts: ['text'] as const,
      unsupported: 'records.textOnly' as const,
      handle: async (turn: RecordsTurn<D, C, K>, { text }: { text: string }) => {
        const reason = tidy(text);
        if (reason === '') return turn.reply(turn.t('records.exception.askReason', { max: REASON_MAX }));
        if (textLength(reason) > REASON_MAX) return turn.reply(turn.t('records.tooLong', { length: textLength(reason), max: REASON_MAX }));
        return save(turn, reason);
      },
    },
  };
}
