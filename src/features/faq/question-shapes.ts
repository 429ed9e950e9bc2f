// Shapes of a question that decide what the shared entries can answer, whatever words they share with it.
import { simplified } from './spelling.js';

/** The League's own business (团费, 团员证, 团课, 团组织关系): with no word of the Party, not ours, however like a Party question it reads. */
const LEAGUE_BUSINESS = /团费|团员证|团课|团日|团校|入团积极分子培训|团组织关系|团关系|团员档案|团籍|团员注册|团员教育评议|智慧团建/;
/** Asking for a person (是谁, 叫什么) … */
const WHO = /是谁|是哪位|叫什么|叫啥|谁是|\bwho(?: is|'s| are)\b|\bname of\b/;
/** … of the asker's own (我的, 我们, 本班) or of the school (学院): a name no shared entry can know. */
const OWN = /我的|我们|咱们|本班|本支部|学院|我校|我院|收党费的|组织委员|那个(?:负责|管)|\b(?:my|our)\b/;
/** A date, a contact detail or a place of the asker's own branch, or whether a list is out yet: facts of the day no shared entry holds. */
const LOCAL_FACT =
  /电话|手机号|邮箱|微信号|在哪栋|哪栋楼|几楼|门牌号|几月几[号日]|几号|几点开门|开门时间|截止(?:日期|时间)是(?:哪天|几号)|办公室是在|名单.{0,4}出.{0,2}了|\bwhen is the next\b|\bwhat date\b|\bphone number\b|\bwhich (?:room|building|floor)\b/u;
/** How many of the asker's class are at a stage (我们班有几个党员, 班里多少人交了申请书). */
const COUNT_OF_CLASS =
  /(?:本班|我们班|咱班|咱们班|班里|班上|班级里?|全班).{0,24}(?:几个|多少|几位|几名|人数|比例|几人)(?!年|天|月|字|钱|元|块|次|分|岁|篇|页|小时|周|学时)/u;
/** … but not a quota, a past year or how many liaisons there are: no figure the bot keeps. */
const NOT_A_COUNT_OF_NOW = /名额|能推|能定|去年|往年|联络员/u;
/** Congratulations, whatever follows (恭喜几位同学被确定为积极分子). */
const CONGRATULATIONS = /^(?:恭喜|祝贺|congrat)/u;
/** A reply to a classmate (对啊 我也是这么交的, 不用 我上次就没带) or a joke that says it is one (…开玩笑的, bushi). */
const REPLY_OR_JOKE = /^(?:对啊|对呀|没错|是的|确实|不用|没事|同意|\+1)|开玩笑的|bushi|（不是|\(不是|（狗头）|\(狗头\)|xswl/u;
/** A notice, thanks or cheering (恭喜小王成为预备党员🎉, 入党申请书已经收齐了，辛苦大家配合) … */
const ANNOUNCEMENT_OR_CHEER =
  /恭喜|祝贺|congrat|heads up|reminder|\bfyi\b|\bdue (?:on |by )?(?:mon|tue|wed|thu|fri|sat|sun)|通报|待定|取消|定于|群公告|全体(?:正式)?党员参加|着正装|提前(?:半小时|一小时|\d+分钟)|备注姓名|发到我的?邮箱|别自己(?:写|填)|提前(?:读|看|准备)|统一(?:用|交|到|在)|应到|实到|请尽快|公示期\d|\d{1,2}[./]\d{1,2}\s*[-—~至]\s*\d{1,2}|大家别|别紧张|不用紧张|各位|[一二三四五六日末]前交|地点不变|请(?:大家|同学们?)?(?:自行|自己)|已经?发到|准时|别发错|发群里|已经?贴|已经?交给|挺好|有意思|好喝|开心|终于|借我|请你喝|准备一下|辛苦(?:了|啦|大家)|谢谢|感谢|收到|记得|别忘|冲冲冲|加油|好飒|🎉|👏|配合|收齐|提醒|通知[:：]|大家注意|哈哈哈|笑死|绝了|yyds/u;
/** … or a remark on what happened or will (我的思想汇报交了, 今天党课讲得真好, 宣誓那天好激动) … */
const REMARK =
  /^(?:我觉得|我感觉|说实话|讲真|说真的|我认为|我不同意|建议)|(?:辅导员|导员|学姐|学长|老师|室友|舍友|班长|支书|前辈|我爸|我妈|朋友)说|(?<![为除])了(?!解)|已经|好累|好快|丢人|失落|压力|\blol\b|\bfinally\b|刚|今天|今晚|昨天|明天|下周|这周|本周|周[一二三四五六日末]|全天|那天|嘿嘿|嘻嘻|好好|特别|耐心|厉害|感动|难忘|有意义|那晚|前一晚|群里|哈哈|😂|😭|😵|🙏|激动|真好|挺|不错|超好|太强|呜呜|开心|真快|终于/u;
/** … unless it tells of a trouble, a worry or a rumour, which asks for help without a question word (志愿书弄丢了, 还没人联系我). */
const TROUBLE =
  /丢|找不到|没交|忘了|忘记|来不及|急|求助|担心|慌|怕|紧张|没被|没选上|没有我|没我|落选|被拒|不让|还能|可以不|行不行|对吧|吧$|问问|不想|该|还没|听说|不知道|不懂|不会|不清楚|搞不清|就我|只有我|难过|\b(?:if|whether)\b/u;
/** … or tells what the asker wants or plans, which asks what to do (我满18岁了，想申请入党; 我转专业了，入党的事). */
const WANTS =
  /想要?(?:直接|先|提前)?(?:申请|入党|加入|了解|知道|问|咨询|找|查|看)|打算|准备(?:申请|入党|写|交|递交)|了解一下|下一步|接下来|然后呢|该怎么|的事情?$/u;
/** … or asks for something (入党誓词全文发一下, 流程跟我说下, 统计一下咱班人数, 给个数). */
const REQUEST = /发(?:一下|下(?!来)|我|个)|说说|说一?下$|跟我说|讲讲|讲一下|介绍一下|科普|统计|汇总|给个|呗|\b(?:tell|explain|show|list)\b/u;
/** A statement of at least this many Chinese characters with no question in it is a line of chat (我奶奶信佛 每年初一都拉我去庙里烧香). */
const STATEMENT_LENGTH = 14;
/** … and that asks nothing (a question word, an A-not-A question 够不够, a rumour checked 真的假的). */
const ASKS =
  /[?？]|吗|呢|嘛|么|怎|什么|如何|哪|谁|(?<![好这那前十])几(?!乎)|多少|多久|多长|多[远大高深重宽]|(?<=\p{Script=Han})不(?=[\s，,。])|啥|咋|还是|(\p{Script=Han})[不没]\1|能不能|有没有|要不要|会不会|可不可以|算不算|真的假的|神马|[马码]$|[转交去到]那[里儿]|(?<![要追需征寻祈])求|请问|想问|问一?下|不$|没$|想了解|想知道|请教|科普|唔系|点样|边个|乜|咩|伐$|架$|有冇|\b(?:how|what|when|where|who|why|which|can|do|does|is|are|should)\b/u;
/** Asking classmates for a thing of the day (谁有党校的签到码, 党课在哪个教室, 党费收款码发一下): not a question for the bot. */
const PEER_THING = /签到码|签到表|二维码|收款码|ppt|合影|原图|照片|视频|录像|录音|回放|新闻稿|会议记录|笔记|会议号|腾讯会议|哪个教室|几号楼|教材/u;
const PEER_ASK = /谁|发一下|发我|借我|帮我|带一下|在哪/u;
/** Asking someone in the chat to do a thing now (党旗挂歪了 谁去扶一下). */
const PEER_ERRAND =
  /谁(?:去|来|帮)[^?？]{0,6}一下|谁(?:能|可以)帮我(?:看|改|检查|拍|带|拿)|谁还没|谁看到了?[吗没]?$|谁推(?:给我|一下)|有没有人多(?:的|余)|有人带了?[^?？]{0,8}吗[，,]?\s*(?:我想|借我)/u;
/** The most common surnames, less those that start everyday words (高中, 马上, 周末, 谢谢, 方便, 向党组织, 曾经, 许多, 付款, 范文 …). */
const SURNAMES = '王李张刘陈杨黄赵吴徐孙朱胡郭林罗郑梁唐韩冯邓曹彭肖董袁潘蒋蔡杜叶苏魏吕丁沈姚卢姜崔钟谭汪廖贾韦邹孟熊秦邱尹薛闫段雷侯龙陶黎顾郝龚邵覃';
/**
 * A line addressed to a person of the chat by name: @ and a Chinese name (a bot's username is Latin; @小助手 is the bot), or a
 * name and then 你 or the person's title (孙悦 你的志愿书…, 刘洋学长 我申请书…, 王老师，推优名单已发您邮箱).
 */
const TO_A_NAMED_PERSON = new RegExp(
  `@(?!\\p{Script=Han}{0,4}(?:助手|机器人|小助|bot))\\p{Script=Han}{2,4}|^[${SURNAMES}]\\p{Script=Han}{1,2}(?:[\\s,，:：]*你|(?:同学|学长|学姐|老师|师兄|师姐)?[\\s,，:：]+)`,
  'u',
);
/** A line addressed to an officer of the class (班长 你…, 组委姐姐) or to the classmates as a whole (你们谁, 大家…领了吗, 有没有人一起). */
const TO_SOMEONE =
  /^(?:班长|组委|组织委员|支书|团支书|学委|宣委)(?:姐姐|哥哥|大人)?[\s,，:：]|^(?:学长|学姐|师兄|师姐|前辈)们?[\s,，:：]*你|你们|^那你|你那(?:个|篇|份)|你室友|你家|(?:交|写|填|背)(?:下来)?了?没$|大家[^?？]{0,12}(?:了吗|了没)|有没有人(?:要|一起|想)|谁有空|有人一起|\bdid you (?:get|see|send)\b/u;
/** … or for the time or place of today's meeting (今晚主题党日几点开始, 党校今晚改到几号楼了). */
const EVENT_OF_THE_DAY = /(?:今晚|今天|明天|今早|早上|下午|晚上|这周|本周)[^?？。]{0,12}(?:几点|几号楼|哪个教室|点名|改到|地点)/u;
/** A scope wider than the asker's class. */
const OTHER_SCOPE = /全院|全学院|学院|全校|学校|全国|全省|全党|中国共产党|共产党|每年/;

// Each takes the question as normalise() leaves it.

/** The League's business with no word of the Party: not ours. */
export const isLeagueBusiness = (normalised: string): boolean => LEAGUE_BUSINESS.test(normalised) && !normalised.includes('党');

/** Who a particular person of one's own is (我们支部书记叫什么名字, 我的培养联系人是谁): only an entry made for the asker's class knows. */
export const asksWhoSomeoneIs = (normalised: string): boolean => WHO.test(normalised) && OWN.test(normalised);

/** The date of a particular event, a phone number, a room (下次支部大会几号开, 支部书记电话多少): no shared entry knows it. */
export const asksLocalFact = (normalised: string): boolean => LOCAL_FACT.test(normalised);

/** A count of the asker's class now (咱班几个积极分子): for the entry made for the class's figures, whatever stage it names. */
export const countsTheClass = (normalised: string): boolean => COUNT_OF_CLASS.test(normalised) && !NOT_A_COUNT_OF_NOW.test(normalised);

/** A scope wider than the asker's class (全院, 全国): an entry made for the class does not know it. */
export const reachesBeyondTheClass = (normalised: string): boolean => OTHER_SCOPE.test(normalised) && !normalised.includes('本班');

/** A notice, thanks, cheering or a remark that asks nothing, or classmates asking each other for a thing of the day: chat, not a question, however many of our words it has. */
export const isChatNotQuestion = (normalised: string, raw: string): boolean => {
  const text = raw.toLowerCase();
  if ((PEER_THING.test(normalised) && PEER_ASK.test(normalised)) || PEER_ERRAND.test(normalised) || EVENT_OF_THE_DAY.test(normalised)) return true;
  if (CONGRATULATIONS.test(normalised.trim()) || REPLY_OR_JOKE.test(normalised.trim()) || TO_SOMEONE.test(text) || TO_A_NAMED_PERSON.test(raw.trim()))
    return true;
  const plain = simplified(text);
  if (ASKS.test(normalised) || ASKS.test(plain)) return false;
  if (WANTS.test(normalised) || WANTS.test(plain)) return false;
  if (ANNOUNCEMENT_OR_CHEER.test(normalised)) return true;
  if (TROUBLE.test(normalised) || TROUBLE.test(plain)) return false;
  return REMARK.test(normalised) || ((plain.match(/\p{Script=Han}/gu)?.length ?? 0) >= STATEMENT_LENGTH && !REQUEST.test(plain));
};

/** Whether the line asks, wants, requests or worries about anything at all (a line of no Party word is answered only then). */
export const asksAnything = (normalised: string, raw: string): boolean => {
  const plain = simplified(raw.toLowerCase());
  return [ASKS, WANTS, REQUEST, TROUBLE].some((shape) => shape.test(normalised) || shape.test(plain));
};

/** Where a long message's sentences end (a comma does not end one: 我是预备党员，能出国吗 is one question). */
const SENTENCE_END = /(?<=[。！？!?；;\n…])/u;
/**
 * The part of a message that asks: its last sentence with a question word, or its last sentence (a long
 * message tells where the asker is first, 我上个月刚被定为积极分子…, then asks one thing).
 */
export function askingPart(text: string): string {
  const sentences = text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => s.replace(/[\p{P}\p{S}\s]/gu, '') !== '');
  if (sentences.length <= 1) return text;
  return [...sentences].reverse().find((s) => ASKS.test(s.toLowerCase())) ?? sentences.at(-1)!;
}
