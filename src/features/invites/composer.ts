import { Composer } from 'telegraf';
import { z } from 'zod';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { commandArgs, privateOnly, secretaryOnly } from '../../telegram/guards.js';
import { replyHtml } from '../../telegram/reply.js';
import { classMembers } from '../../people/queries.js';
import { secretaryBranch } from '../../people/access.js';
import { countRole, findClassInBranch } from '../classes/queries.js';
import type { Role } from '../../people/tables.js';
import type { MessageKey, Params } from '../../i18n/i18n.js';
import { INVITE_PREFIX, invitePayloadSchema, inviteLink } from './codes.js';
import { createInvite, MAX_LIAISONS_PER_CLASS, redeemInvite, type RedeemError } from './service.js';

const roleWords: Record<string, Role> = {
  liaison: 'liaison',
  联络员: 'liaison',
  league: 'league_secretary',
  团支书: 'league_secretary',
  counselor: 'counselor',
  辅导员: 'counselor',
  secretary: 'secretary',
  书记: 'secretary',
};

const inviteArgsSchema = z.union([
  z.tuple([z.enum(['secretary', '书记']).transform(() => 'secretary' as const)]).transform(([role]) => ({ role, classRef: null })),
  z
    .tuple([z.enum(['liaison', '联络员', 'league', '团支书', 'counselor', '辅导员']).transform((w) => roleWords[w]!), z.string().min(1).max(64)])
    .transform(([role, classRef]) => ({ role, classRef: classRef as string | null })),
]);

const redeemMessages: Record<RedeemError, MessageKey> = {
  invalid: 'invite.redeem.invalid',
  used: 'invite.redeem.used',
  expired: 'invite.redeem.expired',
  revoked: 'invite.redeem.revoked',
  class_full: 'invite.redeem.classFull',
  league_taken: 'invite.redeem.leagueTaken',
  already: 'invite.redeem.already',
};

export function invitesComposer(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.start(async (ctx, next) => {
    const payload = ctx.payload.trim();
    if (!payload.startsWith(INVITE_PREFIX)) return next();
    if (ctx.chat.type !== 'private') return replyHtml(ctx, ctx.t('invite.redeem.groupOnlyPrivate'));
    const parsed = invitePayloadSchema.safeParse(payload);
    if (!parsed.success || !ctx.person) return replyHtml(ctx, ctx.t('invite.redeem.invalid'));
    const result = await redeemInvite(deps.db, deps.clock, parsed.data, ctx.person);
    if (!result.ok) {
      const detail = result.detail ?? {};
      const params: Params = { ...detail };
      if (typeof detail.role === 'string') params.role = ctx.t(`role.${detail.role}` as MessageKey);
      return replyHtml(ctx, ctx.t(redeemMessages[result.error], params));
    }
    const r = result.value;
    deps.logger.info({ event: 'invite_redeemed', role: r.role, personId: ctx.person.id }, 'invite redeemed');
    if (r.role === 'secretary') return replyHtml(ctx, ctx.t('invite.redeem.secretary', { branch: r.branchName }));
    return replyHtml(ctx, ctx.t('invite.redeem.classRole', { role: ctx.t(`role.${r.role}`), class: r.className ?? '', code: r.classCode ?? '' }));
  });

  composer.command('invite', privateOnly, secretaryOnly, async (ctx) => {
    const branch = secretaryBranch(ctx.roles)!;
    const words = commandArgs(ctx).split(/\s+/).filter(Boolean);
    const args = inviteArgsSchema.safeParse(words.length > 2 ? [words[0], words.slice(1).join(' ')] : words);
    if (!args.success) return replyHtml(ctx, ctx.t('invite.usage'));
    const { role, classRef } = args.data;

    let classId: number | null = null;
    let target = '';
    if (classRef) {
      const klass = await findClassInBranch(deps.db, branch.branchId, classRef);
      if (!klass) return replyHtml(ctx, ctx.t('invite.classNotFound', { class: classRef }));
      if (role === 'liaison' && (await countRole(deps.db, klass.id, 'liaison')) >= MAX_LIAISONS_PER_CLASS) {
        const members = (await classMembers(deps.db, [klass.id])).get(klass.id) ?? [];
        const names = members
          .filter((m) => m.role === 'liaison')
          .map((m) => m.name)
          .join('、');
        return replyHtml(ctx, ctx.t('invite.classFull', { class: klass.name, names }));
      }
      classId = klass.id;
      target = ` · ${klass.name}`;
    } else {
      target = ` · ${branch.branchName}`;
    }
    const invite = await createInvite(deps.db, deps.clock, { role, branchId: branch.branchId, classId, createdBy: ctx.person?.id ?? null });
    deps.logger.info({ event: 'invite_created', role, branchId: branch.branchId, classId }, 'invite created');
    return replyHtml(ctx, ctx.t('invite.created', { role: ctx.t(`role.${role}`), target, link: inviteLink(deps.botUsername(), invite.code) }));
  });

  return composer;
}
