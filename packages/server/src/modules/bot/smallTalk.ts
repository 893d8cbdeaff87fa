// Recognises small talk: greetings, "are you a bot", requests for the bot's secrets, chit-chat outside the
// shop's business. Text is compared in simplified script, lower case, without emoji and punctuation.

export type SmallTalkKind =
  | 'greeting'
  | 'closing'
  | 'identity'
  | 'name'
  | 'abilities'
  | 'how_are_you'
  | 'secrets'
  | 'weather'
  | 'joke'
  | 'time'
  | 'off_topic'
  | 'business'
  | 'live_demo';

const chineseFillers =
  /亲爱的|亲+|您好|你好|妳好|哈喽|哈啰|哈罗|嗨|喂|在吗|在嘛|在么|在不在|在不|在伐|在没|在线吗|有人吗|有人在吗|有人在|有人没|有人不|有没有人|客服|小哥哥|小姐姐|老板|掌柜|店家|早上好|上午好|中午好|下午好|晚上好|早安|哈+|[啊呀呢哦喔嘛吧嗯]/gu;
const latinFillers =
  /\b(?:hi+|hello+|hey+|hiya|good (?:morning|afternoon|evening)|there|anyone (?:there|here|around)|is anyone there|you there|dear)\b/g;
const vagueRequest =
  /^(?:我)?(?:想|要)?(?:问|咨询|请教|了解)(?:一?下|个|一个|点|些)?(?:东西|事情?|问题|情况|事儿)?$|^(?:我)?有(?:个|一个|点|些)?(?:问题|事情?|事儿)(?:想|要)?(?:问|咨询)?(?:一?下)?$|^(?:请问|麻烦问一?下|打扰一?下|打扰了)$|^(?:i )?(?:have|got) (?:a )?(?:question|quick question|few questions)$|^(?:can|could) you help(?: me)?$|^i need (?:some )?help$|^help(?: me)?$|^(?:i )?(?:want|would like) to ask (?:something|a question)$/;

const patterns: [SmallTalkKind, RegExp][] = [
  [
    'secrets',
    /ignore (?:all |the )?(?:previous|above|prior) (?:instructions|prompts?)|system prompt|admin(?:istrator)? password|your (?:instructions|prompt|api key)|jailbreak|developer mode|忽略(?:之前|以上|前面|上面)的?(?:指令|指示|提示|设定)|系统提示词?|提示词|管理员密码|后台密码|数据库密码|你的(?:指令|设定|提示词)/,
  ],
  [
    'identity',
    /你们?是(?:不是)?(?:机器人|真人|人工|ai|人类|真的人|活人|程序|自动回复)|(?:真人|机器人|人工)在?(?:回复|回答|打字|聊天)(?:吗|么|嘛)|你是人(?:吗|么|嘛|还是)|是(?:不是)?机器人|是真人(?:吗|么|嘛)|是人工还是|(?:are|r) (?:you|u) (?:a )?(?:bot|robot|human|real person|real|an? ai|person|machine)|am i (?:talking|chatting) (?:to|with) (?:a )?(?:bot|human|real person|person|machine)|is this (?:a )?(?:bot|human|real person)/,
  ],
  ['name', /你叫(?:什么|啥|什么名字)|你的名字|怎么称呼你|what(?: s| is|s) your name|who are you|你是谁/],
  ['abilities', /你(?:能|会|可以)(?:做|干|帮我?做?)(?:什么|啥)|你有什么用|what can you do|how can you help/],
  ['how_are_you', /^你好吗|最近(?:好|怎么样)|^how are (?:you|u)|hows it going|how s it going/],
  [
    'weather',
    /天气|下雨|下雪|气温|温度多少|雾霾|weather|forecast|(?:going to|gonna|will it) (?:rain|snow)|(?:rain|snow)(?:ing)? (?:today|tomorrow)/,
  ],
  ['joke', /讲个?笑话|讲个?故事|唱首歌|tell me a joke|tell me a story|\bsing (?:me )?a song/],
  ['time', /现在几点|几点了|今天几号|今天星期几|what time is it|what day is it/],
  // Agencies, wholesale, samples, live-stream selling: for the shop's staff, not a shopper's order.
  [
    'business',
    /招代理|做代理|当代理|代理商|加盟|批发|拿货|进货渠道|(?:寄|要|拿|申请|免费|提供)(?:个|一些|点)?样品|样品(?:吗|么|试用|可以)|试用装|直播带货|带货|商务合作|谈合作|寻求合作|想合作|合作机会|招商|分销|\b(?:wholesale|resellers?|distributors?|distribution|partnership|collaborat\w*|influencers?|bulk (?:orders?|purchases?|buying)|business (?:inquiry|enquiry|cooperation)|free samples?|(?:send|get|have|request) (?:me |us )?(?:a |some )?samples?)\b/,
  ],
  [
    'live_demo',
    /(?:开|做|搞|有没有|有)(?:个|一个|一下)?直播|直播(?:讲解|演示|介绍|看看)|视频讲解|视频通话|视频看看|live ?stream\w*|live demo|video call|facetime/,
  ],
  [
    'off_topic',
    /写(?:一|两|几)?(?:首|个|篇|段|封)?(?:情诗|诗歌?|作文|文章|情书|歌词|小说|论文|代码|文案)|作(?:一)?首诗|做作业|写作业|股票|彩票|基金|比特币|足球|篮球|世界杯|电影推荐|谈恋爱|做我女朋友|做我男朋友|餐厅|饭馆|饭店推荐|write (?:me )?(?:a |an |some )?(?:poem|essay|love letter|story|song lyrics|code)|homework|stock market|bitcoin|lottery|football|girlfriend|boyfriend|restaurants?\b/,
  ],
];

export function detectSmallTalk(text: string): SmallTalkKind | null {
  const plain = comparable(text);
  if (!plain) return null;
  for (const [kind, pattern] of patterns) if (pattern.test(plain)) return kind;
  if (isClosing(plain)) return 'closing';
  return isGreeting(plain) ? 'greeting' : null;
}

/** Thanks, goodbyes and "nothing else", in any order and with acknowledgements around them. */
const closingWords =
  /谢谢(?:你|您|啦|了|哈|亲)?|谢了|多谢|感谢(?:你|您)?|辛苦(?:了|啦|你了|您了)?|麻烦(?:你|您)?了|拜拜|再见|回见|88|没有?(?:别的|其他的?)?(?:事|问题)?了|没事(?:了|啦)?|没别的了|没其他的?了|就这(?:些|样)(?:吧|了)?|\b(?:thanks?(?: (?:so|very) much)?(?: a lot)?|thank (?:you|u)(?: (?:so|very) much)?|thx|ty|tysm|cheers|bye(?: bye)?|goodbye|see (?:you|ya)|that s all|thats all|that s it|thats it|nothing else|no more questions?)\b/g;
/** Words that only acknowledge; with nothing else they answer a question, so they never close on their own. */
const acknowledgements =
  /不用了?|好的?|好吧|好滴|嗯+|哦+|噢|喔|ok(?:ay)?|行|可以了|知道了|明白了|了解了|收到|那|先|啦|呀|啊|哈+|亲|了|\b(?:alright|all right|great|perfect|cool|got it|i see|understood|no|nope|ok|okay|sure|fine|then|and)\b/g;

function isClosing(plain: string): boolean {
  const withoutClosing = plain.replace(closingWords, ' ');
  if (withoutClosing === plain) return false;
  return withoutClosing.replace(acknowledgements, ' ').trim() === '';
}

/**
 * Only greetings, or greetings with a request that says nothing yet ("你好 我想问下东西", "hi, I have a
 * question"): the shopper is invited to ask. "你好，我的快递到哪了" is not a greeting but a question.
 */
function isGreeting(plain: string): boolean {
  const rest = plain.replace(latinFillers, '').replace(chineseFillers, '').trim();
  const greeted = rest.length < plain.length;
  // "嗯" / "哈哈" alone answer or laugh; only a greeting word makes a greeting.
  if (rest === '') return greeted && /[^啊呀呢哦喔嘛吧嗯哈]/u.test(plain);
  return vagueRequest.test(rest);
}

function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, ' ')
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<=[^a-z]) | (?=[^a-z])/g, '');
}

/** The bot itself, named by a shopper. */
const botWords =
  /(?<!扫地|扫拖|掃地|掃拖|一体|一體|拖地|擦窗|陪伴|早教)(?:机器人|機器人)|自动回复|自動回覆|智能客服|\b(?:ro)?bots?\b|\bautomated\b/i;
/** Not wanting to go on with it: "不想跟机器人说", "i don't want to explain it all to a bot". */
const refusal =
  /不想|不要|(?:别|別)(?![的人家处處款样樣])|不用|懒得|懶得|受够|受夠|\b(?:don'?t|do not|won'?t|not going to|not gonna|no more|stop|enough|rather not|tired of|sick of|hate)\b/i;

/** The shopper speaks of the bot ("机器人", "bot"), not of a robot vacuum. */
export function mentionsBot(text: string): boolean {
  return botWords.test(text);
}

/** A shopper who names the bot and does not want to deal with it, whatever the request around it. */
export function refusesBot(text: string): boolean {
  return botWords.test(text) && refusal.test(text);
}
