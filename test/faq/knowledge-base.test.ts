import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allFeatures } from '../../src/features/index.js';
import { visibleCommands } from '../../src/telegram/visible-commands.js';
import type { RoleView } from '../../src/people/queries.js';
import { liveSlugs } from '../../src/features/faq/answers.js';
import { formatFaqFile, parseFaqFile } from '../../src/features/faq/kb-file.js';
import { callbackData, learnButton, parseFaqButton } from '../../src/features/faq/schemas.js';
import { entryText } from '../../src/features/faq/service.js';
import { FAQ_FILE } from './setup.js';

const text = readFileSync(FAQ_FILE, 'utf8');
const kb = parseFaqFile(text);
const entries = kb.ok ? kb.entries : [];
const bySlug = new Map(entries.map((e) => [e.slug, e]));

describe('the shipped knowledge base', () => {
  it('is valid and has every required topic, one entry each', () => {
    expect(kb.ok).toBe(true);
    const required = [
      'eligibility',
      'application-letter',
      'application-submit',
      'application-talk',
      'league-recommendation',
      'activist-selection',
      'activist-training',
      'thought-report',
      'party-school',
      'development-target',
      'introducers',
      'political-review',
      'volunteer-form',
      'branch-vote',
      'probation',
      'full-membership',
      'oath',
      'timeline',
      'dues',
      'academic-requirement',
      'transfer',
      'not-selected',
      'graduating-student',
      'documents-checklist',
      'contact-branch',
      'class-liaisons',
      'anonymous-feedback',
      'class-stats',
      // issue 12
      'religion',
      'discipline-record',
      'motives-benefits',
      'study-abroad',
      'status-change',
      'league-vs-party',
      'rights-duties',
      'leaving-party',
      'lost-materials',
      'public-notice',
    ];
    for (const slug of required) expect(bySlug.has(slug), slug).toBe(true);
    for (const e of entries) {
      expect(e.questions.length, e.slug).toBeGreaterThanOrEqual(5);
      expect(e.answer.split('\n').length, e.slug).toBeLessThanOrEqual(10);
    }
    expect(
      entries
        .filter((e) => e.live)
        .map((e) => e.slug)
        .sort(),
    ).toEqual([...liveSlugs].sort());
  });

  it('cites the articles that say it and claims no more than the rules do (issue 12)', () => {
    const a = (slug: string) => bySlug.get(slug)!.answer;
    const en = (slug: string) => bySlug.get(slug)!.answerEn!;
    // 推优 is one route (细则第八条); the under-28 rule is the 1995 opinion, not 第九条 (培养联系人)
    expect(a('league-recommendation')).toContain('《细则》第八条');
    expect(a('league-recommendation')).toContain('1995');
    expect(a('league-recommendation')).not.toContain('第九条');
    expect(a('league-recommendation')).toContain('不是团员能入党吗？可以申请');
    expect(a('activist-training')).toContain('培养联系人（《细则》第九条）');
    expect(a('activist-training')).toContain('不是从递交入党申请书那天算起');
    expect(a('activist-selection')).toContain('《细则》第八条');
    expect(a('activist-selection')).not.toContain('第八、九条');
    expect(a('dues')).toContain('按季度交纳');
    expect(a('dues')).toContain('补交一般不超过6个月');
    expect(a('dues')).toContain('研究生');
    expect(a('dues')).toContain('交给本人所在的党支部');
    expect(a('not-selected')).not.toContain('一直有效');
    expect(a('party-school')).toContain('县级党委组织部门');
    expect(a('party-school')).not.toContain('县级以上');
    expect(a('graduating-student')).toContain('未来3个月内将离开');
    expect(a('graduating-student')).toContain('连续计算（《细则》第十二条）');
    expect(a('full-membership')).toContain('延长只有一次，时间不少于半年、最长一年');
    expect(a('full-membership')).toContain('三个月内审批');
    expect(en('eligibility')).not.toContain('Anyone aged 18');
    expect(en('eligibility')).toContain('art. 1');
    expect(a('timeline')).not.toContain('两年半');
    expect(a('timeline')).toContain('从支部大会通过你为预备党员之日算起（《党章》第七条）');
    expect(a('political-review')).toContain('可以不进行函调或外调（《细则》第十六条）');
    expect(a('anonymous-feedback')).not.toContain('会为你保密');
    expect(a('anonymous-feedback')).toContain('12380');
    expect(a('anonymous-feedback')).toContain('纪检');
    expect(a('rights-duties')).toContain('《党章》第三条');
    expect(a('rights-duties')).toContain('《党章》第四条');
    expect(a('leaving-party')).toContain('（《党章》第九条）');
    expect(a('league-vs-party')).toContain('入团申请书');
    // which texts it follows, and when it was last checked against them
    expect(kb.ok && kb.basis?.texts.join('\n')).toMatch(/2022[\s\S]*2014[\s\S]*2008[\s\S]*1995/);
    expect(kb.ok && kb.basis?.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('states the rules correctly', () => {
    const a = (slug: string) => bySlug.get(slug)!.answer;
    expect(a('eligibility')).toContain('年满十八岁');
    expect(a('application-talk')).toContain('一个月内派人同入党申请人谈话');
    expect(a('league-recommendation')).toContain('28周岁以下的青年入党一般从团员中发展');
    expect(a('activist-selection')).toContain('支部委员会');
    expect(a('activist-selection')).toContain('报上级党委备案');
    expect(a('activist-training')).toContain('一年以上');
    expect(a('introducers')).toContain('两名正式党员');
    expect(a('party-school')).toContain('不少于3天或不少于24个学时');
    expect(a('branch-vote')).toContain('赞成人数超过应到会有表决权的正式党员的半数');
    expect(a('branch-vote')).toContain('三个月内审批');
    expect(a('probation')).toContain('从支部大会通过他为预备党员之日算起');
    expect(a('probation')).toContain('没有表决权、选举权和被选举权');
    expect(a('full-membership')).toContain('不能超过一年');
    expect(a('oath')).toContain('我志愿加入中国共产党，拥护党的纲领，遵守党的章程');
    expect(a('dues')).toContain('学生党员每月交纳党费0.2元');
    expect(a('transfer')).toContain('全国党员管理信息系统');
    expect(a('transfer')).toContain('不超过两年');
    expect(a('academic-requirement')).toContain('以本校规定为准');
    expect(a('thought-report')).toContain('以本支部要求为准');
  });

  it('exports to a file that reads back the same', () => {
    const again = parseFaqFile(formatFaqFile(entries));
    expect(again.ok && again.entries).toEqual(entries);
    const basis = kb.ok ? kb.basis : null;
    const withBasis = parseFaqFile(formatFaqFile(entries, basis));
    expect(withBasis.ok && withBasis.basis).toEqual(basis);
    // a basis must name its texts and a real review date
    const bad = parseFaqFile(`version: 1\nbasis:\n  texts: []\n  reviewed: '2026-02-30'\nentries:\n  - ${entryText(entries[0]!).split('\n').join('\n    ')}`);
    expect(bad.ok ? [] : bad.errors.map((e) => [e.line, e.message])).toEqual([
      [3, expect.stringContaining('basis.texts')],
      [4, expect.stringContaining('basis.reviewed: must be a real date')],
    ]);
    const one = parseFaqFile(`version: 1\nentries:\n  - ${entryText(entries[0]!).split('\n').join('\n    ')}`);
    expect(one.ok && one.entries).toEqual([entries[0]]);
  });
});

describe('reading a knowledge-base file', () => {
  it('reports every problem with its line', () => {
    const bad = parseFaqFile(
      [
        'version: 1',
        'entries:',
        '  - slug: ok-one',
        '    category: c',
        '    title: t',
        '    answer: a',
        '  - slug: x',
        '    category: c',
        '    title: ""',
        '    answer: a',
        '    extra: 1',
      ].join('\n'),
    );
    expect(bad).toEqual({
      ok: false,
      errors: [
        { line: 9, message: 'entries[1].title (x): must not be empty' },
        { line: 11, message: expect.stringContaining('entries[1].extra (x): Unrecognized key') },
      ],
    });
    expect(parseFaqFile('version: 1\nentries:\n  - slug: [unclosed\n')).toMatchObject({
      ok: false,
      errors: [{ line: expect.any(Number), message: expect.stringMatching(/^YAML: /) }],
    });
    expect(parseFaqFile('entries: []')).toMatchObject({ ok: false, errors: [{ line: 1 }, { line: 1 }] });
  });
});

describe('FAQ buttons and commands', () => {
  it('keeps callback data within 64 bytes and refuses anything else', () => {
    for (const data of [
      callbackData.show(2147483647, 'a'.repeat(40)),
      callbackData.notHelpful(2147483647),
      callbackData.answer(1),
      callbackData.makeEntry(1),
      callbackData.example(2147483647, 'a'.repeat(40)),
      callbackData.dismiss(2147483647),
    ]) {
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(parseFaqButton(data), data).not.toBeNull();
    }
    expect(parseFaqButton(callbackData.example(7, 'dues'))).toEqual({ action: 'e', questionId: 7, slug: 'dues' });
    for (const data of [
      'faq:s:1:Bad_Slug',
      'faq:x:1',
      'faq:n:',
      'faq:n:1:2',
      'faq:s:1',
      'faq:e:1',
      'faq:d:1:dues',
      'faq:a:12345678901',
      'faq:a:0',
      'faq:a:-1',
      'ack:1',
    ]) {
      expect(parseFaqButton(data), data).toBeNull();
    }
    const learn = learnButton.encode({ action: 'ok', id: 2147483647, slug: 'a'.repeat(40) });
    expect(Buffer.byteLength(learn)).toBeLessThanOrEqual(64);
    expect(learnButton.decode(learn)).toEqual({ action: 'ok', id: 2147483647, slug: 'a'.repeat(40) });
    for (const data of ['fl:ok:x', 'fl:maybe:1', 'fl:no:1:Bad', 'fl:pub:2147483648', 'faq:n:1']) expect(learnButton.decode(data), data).toBeNull();
  });

  it('shows /ask to everyone in groups and the FAQ admin commands to the secretary only', () => {
    const all = allFeatures().flatMap((f) => f.commands);
    const role = (r: RoleView['role']): RoleView => ({
      role: r,
      branchId: 1,
      branchName: 'b',
      classId: r === 'secretary' ? null : 1,
      className: 'c',
      classCode: 'c',
    });
    const names = (roles: RoleView[], chat: 'private' | 'group') => visibleCommands(all, { chat, roles }).map((c) => c.command);
    const admin = ['faq', 'faq_edit', 'faq_add', 'faq_delete', 'faq_reset', 'faq_learn', 'unanswered'];
    expect(names([], 'group')).toContain('ask'); // in private any text is a question
    expect(names([role('liaison')], 'group')).toContain('ask');
    for (const c of admin) {
      expect(names([], 'private')).not.toContain(c);
      expect(names([role('liaison')], 'private')).not.toContain(c);
      expect(names([role('secretary')], 'private')).toContain(c);
    }
  });
});
