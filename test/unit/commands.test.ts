import { describe, expect, it } from 'vitest';
import { allFeatures } from '../../src/features/index.js';
import { visibleCommands } from '../../src/features/help/visible-commands.js';
import { invitePayloadSchema } from '../../src/features/invites/codes.js';
import type { RoleView } from '../../src/features/people/queries.js';

const all = allFeatures().flatMap((f) => f.commands);
const names = (roles: RoleView[], chat: 'private' | 'group') =>
  visibleCommands(all, { chat, roles })
    .map((c) => c.command)
    .sort();
const role = (r: RoleView['role']): RoleView => ({
  role: r,
  branchId: 1,
  branchName: 'b',
  classId: r === 'secretary' ? null : 1,
  className: 'c',
  classCode: 'c',
});

describe('commands each role sees', () => {
  it('keeps secretary commands from students and liaisons', () => {
    expect(names([], 'private')).toEqual(['cancel', 'feedback', 'help', 'start', 'whoami']);
    expect(names([role('liaison')], 'private')).toEqual([
      'bind_link',
      'briefing',
      'cancel',
      'feedback',
      'feedback_list',
      'help',
      'meeting',
      'meetings',
      'notice',
      'notices',
      'overview',
      'report',
      'start',
      'whoami',
    ]);
    expect(names([role('league_secretary')], 'private')).toEqual(['bind_link', 'cancel', 'feedback', 'help', 'meeting', 'meetings', 'start', 'whoami']);
    expect(names([role('secretary')], 'private')).toEqual([
      'bind_link',
      'branch',
      'briefing',
      'cancel',
      'class_add',
      'class_tags',
      'classes',
      'deadline',
      'faq',
      'faq_add',
      'faq_delete',
      'faq_edit',
      'faq_learn',
      'faq_reset',
      'feedback',
      'feedback_export',
      'feedback_list',
      'feedback_stats',
      'help',
      'invite',
      'meeting',
      'meetings',
      'notice',
      'notices',
      'overview',
      'report',
      'reports',
      'start',
      'unanswered',
      'whoami',
    ]);
  });

  it('shows /bind in groups only to those with authority over a class: liaisons, League secretaries, secretaries', () => {
    expect(names([], 'group')).toEqual(['ask', 'feedback', 'help', 'liaisons', 'report', 'stats']);
    expect(names([role('liaison')], 'group')).toEqual(['ask', 'bind', 'feedback', 'help', 'liaisons', 'report', 'stats']);
    expect(names([role('league_secretary')], 'group')).toEqual(['ask', 'bind', 'feedback', 'help', 'liaisons', 'report', 'stats']);
    expect(names([role('counselor')], 'group')).toEqual(['ask', 'help', 'liaisons', 'feedback', 'report', 'stats'].sort());
  });

  it('has a unique name for every command where it is used (/report: a message report in groups, the class report in private)', () => {
    expect(new Set(all.map((c) => `${c.command}@${c.where}`)).size).toBe(all.length);
  });
});

describe('invite payloads', () => {
  it('accepts only inv_ and 22 base64url characters', () => {
    expect(invitePayloadSchema.safeParse('inv_AAAAAAAAAAAAAAAAAAAAA_').success).toBe(true);
    for (const bad of ['inv_short', 'inv_AAAAAAAAAAAAAAAAAAAAAA=', 'AAAAAAAAAAAAAAAAAAAAAA', `inv_${'A'.repeat(23)}`]) {
      expect(invitePayloadSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
