import type { Db } from '../../src/db/schema.js';
import { importFaq } from '../../src/features/faq/service.js';
import { systemClock } from '../../src/shared/clock.js';

/**
 * A small base set of its own for the tests of branches and learning, so that they do not depend on
 * the shipped knowledge base (which is being corrected and extended separately). The questions the
 * tests ask were checked against it (and the shipped training lines, which teach it 积极分子要上党校吗):
 * 支部多久联系我 and 交完申请书多久有回音 are "did you mean"s (application-talk first), 积极分子要上课多久 is answered wrongly
 * with activist-period, 我想问一下党支部的培训 and 党员活动室在哪里 get no answer.
 */
export const LEARNING_KB = `version: 1
entries:
  - slug: dues
    category: 党员教育
    title: 学生党员交多少党费？
    answer: 没有收入的学生党员每月交纳党费0.2元。
    questions: [党费交多少, 学生党费每月多少钱, 预备党员要交党费吗]
    keywords: [党费]
  - slug: application-letter
    category: 申请入党
    title: 入党申请书怎么写？
    answer: 入党申请书一般包括对党的认识、入党动机、个人经历和今后的努力方向。
    questions: [入党申请书怎么写, 申请书格式是什么, 申请书要手写吗]
    keywords: [入党申请书, 申请书]
  - slug: activist-period
    category: 积极分子
    title: 积极分子要培养多久？
    answer: 入党积极分子经过一年以上的培养教育和考察，才能列为发展对象。
    questions: [积极分子要考察多久, 积极分子多久能成为发展对象]
    keywords: [积极分子, 培养考察]
  - slug: party-school
    category: 积极分子
    title: 党校培训是什么？
    answer: 发展对象在发展前要参加集中培训，时间一般不少于三天（或不少于24个学时）。
    questions: [党校培训要多久, 什么时候参加党校]
    keywords: [党校, 集中培训]
  - slug: class-liaisons
    category: 班级
    title: 本班的联络员是谁？
    answer: 每个班有两名联系班级的党员。
    questions: [我们班的联络员是谁, 联络员是谁]
    keywords: [联络员]
    live: true
  - slug: application-talk
    category: 申请入党
    title: 递交申请书后会有谈话吗？
    answer: 党组织应当在收到入党申请书后一个月内派人同入党申请人谈话，了解基本情况。
    questions: [递交申请书后多久谈话, 入党谈话是什么]
    keywords: [谈话]
`;

export async function loadLearningKb(db: Db): Promise<void> {
  const result = await importFaq(db, systemClock, LEARNING_KB);
  if (!result.ok) throw new Error(`test knowledge base: ${JSON.stringify(result.errors)}`);
}
