import { z } from 'zod';
import { defineDialogue } from '../../dialogue/define.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { mayManage } from './manage-access.js';
import { correctNotice, type ContentError } from './service.js';

const correctErrors: Record<'not_found' | 'retracted' | 'kind_changed' | ContentError, MessageKey> = {
  not_found: 'notice.notFound',
  retracted: 'notice.alreadyRetracted',
  kind_changed: 'notice.correctTextOnly',
  too_long: 'notice.tooLong',
  caption_too_long: 'notice.captionTooLong',
  empty: 'notice.empty',
};

/** "Correct" under /notices: the next text replaces the notice's text everywhere it was sent. */
export const correctDialogue = defineDialogue({
  kind: 'notice_correct',
  schema: z.object({ noticeId: z.number().int().positive() }),
  start: 'text',
  steps: {
    text: {
      enter: (turn) => turn.reply(turn.t('notice.correctPrompt', { id: turn.data.noticeId })),
      message: {
        accepts: ['text'],
        unsupported: 'notice.correctTextOnly',
        async handle(turn, input) {
          const { noticeId } = turn.data;
          const { db, clock, outbox, logger } = turn.deps;
          // the caller's roles may have changed since the button: checked again
          if (!(await mayManage(db, turn.ctx, noticeId))) {
            await turn.finish();
            return turn.reply(turn.t('notice.notFound', { id: noticeId }));
          }
          const notice = await db.selectFrom('notices').select('kind').where('id', '=', noticeId).executeTakeFirst();
          const result = await correctNotice(db, clock.now(), noticeId, {
            kind: notice?.kind ?? 'text',
            text: input.text,
            entities: input.entities,
            fileId: null,
          });
          if (!result.ok) {
            if (result.error === 'not_found' || result.error === 'retracted') await turn.finish();
            return turn.reply(turn.t(correctErrors[result.error], { id: noticeId, ...(result.detail ?? {}) }));
          }
          await turn.finish();
          outbox.poke();
          logger.info({ event: 'notice_corrected', noticeId }, 'notice corrected');
          return turn.reply(turn.t('notice.corrected', { id: noticeId, editing: result.value.editing }));
        },
      },
    },
  },
});
