import { chineseReviewWeights, englishReviewWeights } from './sentimentReviewLexicon';

/** Weights in [-3, 3]. Chinese entries are simplified; matching is longest-first on normalised text. */
const chinesePositive =
  '好:1 很好:2 不错:2 挺好:2 满意:2 喜欢:2 爱了:3 推荐:2 值得:2 划算:2 实惠:2 便宜:1 快:1 很快:2 及时:1 赞:2 棒:2 好评:2 完美:3 优秀:2 精致:2 漂亮:2 好看:2 舒服:2 舒适:2 耐心:2 贴心:2 专业:1 正品:2 性价比高:2 物美价廉:3 质量好:2 做工好:2 做工精细:2 好用:2 好吃:2 香:1 新鲜:2 清晰:1 流畅:2 稳定:1 结实:2 合身:2 惊喜:2 感谢:0.3 谢谢:0.3 开心:2 高兴:2 放心:2 回购:2 五星:2 超值:3 给力:2 靠谱:2 不后悔:2 完好:1 到位:1 顺滑:1 柔软:2 保暖:1 大方:1 热情:2 周到:2 点赞:2 物超所值:3 好极了:3 太棒了:3 神器:2 方便:1 省心:2 耐用:2 细腻:2 好闻:2 准时:1 赞赞:2 nice:2 ok:1 完美无缺:3 没毛病:2 无可挑剔:3 良心:2 实用:2 还可以:1 还行:1 好的:0 好吧:0 你好:0 您好:0 好不好:0 好了:0 只好:0 好多:0 还好:0.5 好像:0 快点:0 尽快:0 快递:0 好友:0 好几:0 好久:-0.5 一般般:-0.5 一般:-0.5 可爱:2 爱不释手:3 用心:2 很稳:1 惊艳:3 满分:3 超赞:3 杠杠的:3 没得说:2 没话说:2 值了:2 爽:2 显瘦:2 有面子:2 精美:2 清楚:1 大推:3 推推:2 回购:2 对得起:2 一如既往:2 超出预期:3 物有所值:3 物超所值:3 好用:2 耐心:2 cp值高:2 划得来:2 满意:2 很满意:3 放心:2 贴心:2 喜欢:2 好喜欢:3 很喜欢:3 不后悔:2 没毛病:2 很香:2 好棒:3 真香:2 暖和:2 轻便:1 高级:2 有质感:2 质感好:2 手感好:2 结实:2 牢固:2 顺手:2 很值:2 优质:2 满足:1 漂亮:2 帅:2 美:1 赞:2 讚:2 没那么差:1';
const chineseNegative =
  '一点用都没有:-2.5 一点用也没有:-2.5 没啥用:-2 没什么用:-2 不管用:-2 白问:-2 答非所问:-2.5 差:-2 很差:-3 太差:-3 差劲:-3 垃圾:-3 失望:-2 后悔:-2 不满意:-2 难用:-2 难看:-2 难吃:-2 难闻:-2 破:-1 破损:-2 坏:-2 坏了:-2 烂:-2 假货:-3 假的:-2 骗:-3 骗子:-3 坑:-2 坑人:-3 不值:-2 贵:-1 太贵:-2 慢:-1 太慢:-2 很慢:-2 退货:-0.3 退款:-0.3 投诉:-2 差评:-3 质量差:-3 做工差:-2 掉色:-2 起球:-2 异味:-2 味道大:-2 臭:-2 卡顿:-2 发热:-1 发烫:-1 死机:-2 漏水:-2 漏液:-2 开线:-2 褪色:-2 色差:-1 瑕疵:-2 划痕:-2 变形:-2 缩水:-2 不好:-2 不行:-2 不能用:-3 没用:-2 无语:-2 恶心:-3 糟糕:-3 郁闷:-2 生气:-2 愤怒:-3 气死:-3 敷衍:-2 态度差:-3 不耐烦:-2 不理人:-2 不回复:-2 粗糙:-2 劣质:-3 残次:-3 浪费:-2 无效:-2 不靠谱:-2 离谱:-2 过分:-2 坑爹:-3 呵呵:-1 差差:-3 闹心:-2 心累:-2 晦气:-2 翻车:-2 上当:-3 智商税:-3 不推荐:-2 别买:-3 千万别买:-3 不会再买:-3 再也不买:-3 一星:-2 弱:-1 失灵:-2 故障:-2 麻烦:-1 少了:-1 错了:-1 没收到:-2 不合适:-1 小了:-1 大了:-1 偏小:-1 偏大:-1 薄:-1 硬:-1 刺鼻:-2 难受:-2 痒:-1 过敏:-2 不新鲜:-2 发霉:-3 烂了:-2 碎了:-2 骂人:-3 滚:-3 废物:-3 傻:-2 杂音:-2 噪音:-2 吵:-1 简陋:-2 压扁:-2 二手:-2 使用痕迹:-2 翻新:-2 磨脚:-2 扎人:-2 扎手:-2 线头:-1 不怎么样:-2 不一样:-1 不符:-2 不一致:-1 差距:-1 差别:-1 不回:-2 不理:-2 疼:-1 痛:-1 化了:-2 坏点:-2 假:-2 丑:-2 熏:-2 头疼:-2 凑合:-1 勉强:-1 一言难尽:-2 鸡肋:-2 再也不会:-3 不会再:-2 负评:-3 不耐用:-2 不好用:-2 不值:-2 不值得:-2 失灵:-2 不灵:-2 不亮:-2 不转:-2 充不进:-2 开不了:-2 用不了:-2 穿不上:-2 打不开:-2 坏掉:-2 烂透:-3 太慢:-2 慢死:-2 半个月:-1 退了:-1 差评:-3 有瑕疵:-2 起毛:-2 脱线:-2 漏了:-2 洒了:-2 破了:-2 卡顿:-2 很卡:-2 发错:-2 少发:-2 漏发:-2 错发:-2 不新鲜:-2 失望:-2 坑:-2 没想象中好:-2 没有想象中好:-2 没想象的好:-2 没有想象的好:-2 不如想象:-2 不如预期:-2 不及预期:-2 名不副实:-2';
const englishPositive =
  'good:1 great:2 excellent:3 amazing:3 awesome:3 love:2 loved:2 loves:2 like:1 liked:1 perfect:3 nice:2 happy:2 satisfied:2 recommend:2 recommended:2 best:2 fantastic:3 wonderful:3 beautiful:2 comfortable:2 fast:1 quick:1 helpful:2 patient:2 friendly:2 works:1 worked:1 worth:2 sturdy:2 durable:2 fine:1 pleased:2 impressed:2 thanks:0.3 thank:0.3 superb:3 outstanding:3 glad:2 easy:1 smooth:1 soft:1 cute:2 gorgeous:3 lovely:2 cool:1 solid:1 reliable:2 delicious:2 fresh:1 accurate:1 exactly:1 bargain:2 affordable:1 convenient:1 brilliant:3 flawless:3 enjoy:2 enjoyed:2 favorite:2 favourite:2 stars:0 ok:0.3 okay:0.3 decent:1 fits:1 genuine:1 quality:0.5 adore:3 adores:3 happier:2 impressive:2 charm:2 premium:2 pleasantly:2 prettier:2 exceeded:2 stylish:2 work:0.5 cozy:2 warm:1 recommends:2 sturdy:2 well:0.5 early:1 glad:2 cutest:3 comfy:2 stunning:3 pleasure:2 responsive:1 fabulous:3 incredible:3 handy:2 satisfying:2 thrilled:3 delighted:3 wow:2 penny:1 thankful:1 appreciate:1 legit:2';
const englishNegative =
  'bad:-2 terrible:-3 awful:-3 horrible:-3 worst:-3 poor:-2 disappointed:-2 disappointing:-2 disappointment:-2 hate:-3 hated:-3 broken:-2 broke:-2 damaged:-2 defective:-3 faulty:-2 useless:-3 waste:-2 cheap:-1 flimsy:-2 fake:-3 scam:-3 fraud:-3 slow:-1 late:-1 rude:-3 angry:-3 annoyed:-2 annoying:-2 frustrated:-2 frustrating:-2 ridiculous:-3 unacceptable:-3 refund:-0.3 return:-0.3 returned:-0.5 returning:-0.5 complaint:-2 complain:-2 problem:-1 issue:-1 wrong:-2 missing:-2 stopped:-1 fail:-2 failed:-2 fails:-2 crap:-3 garbage:-3 junk:-3 trash:-3 sucks:-3 overpriced:-2 smell:-1 smells:-1 stinks:-2 uncomfortable:-2 leak:-2 leaks:-2 leaking:-2 crack:-2 cracked:-2 scratched:-2 ripped:-2 tore:-2 stained:-2 unhappy:-2 mediocre:-1 meh:-1 regret:-2 furious:-3 pathetic:-3 misleading:-2 lousy:-2 never:-1 nothing:-1 avoid:-3 beware:-3 unusable:-3 disgusting:-3 worse:-2 weak:-1 stupid:-2 idiot:-3 wtf:-3 joke:-2 shame:-2 tiny:-1 small:-0.5 lost:-1 dead:-2 died:-2 sadly:-1 unfortunately:-1 mess:-2 forever:-1 faded:-2 fade:-1 fades:-1 drains:-1 noisy:-2 noise:-1 thin:-1 dirty:-2 cheaply:-2 flimsy:-2 apart:-1 lying:-2 liar:-3 liars:-3 scammers:-3 scammed:-3 ripoff:-3 incompetent:-3 nightmare:-3 worthless:-3 unreliable:-2 uncomfortable:-2 itchy:-2 smelly:-2 sticky:-1 loose:-1 tight:-1 blurry:-2 scratches:-2 dent:-2 dented:-2 stain:-2 ruined:-3 ruin:-2 mistake:-1 sadly:-1 bummer:-2 wasted:-2 refuse:-1 refused:-2 ignored:-2 ignoring:-2 excuses:-2 upset:-2 sad:-2 horrendous:-3 shoddy:-3 subpar:-2 lacking:-1 nope:-1 worthless:-3';
const chineseAngerWords =
  '投诉 12315 差评 负评 举报 检举 曝光 报警 消协 消保官 消基会 工商 骗子 垃圾 气死 欺诈 诈欺 诈骗 坑人 黑心 黑店 滚 废物 傻逼 去死 律师 起诉 法院 受够 愤怒 恶心 什么态度 退钱 太过分 忍无可忍 无良 有病 神经病 装死 骗人 骗钱 脑子 破服务 烂店';
const englishAngerPhrases =
  'scam|scams|scammer|scammers|scammed|fraud|fraudulent|sue|suing|lawsuit|lawyer|attorney|furious|angry|outraged|ridiculous|unacceptable|wtf|damn|hell|idiot|idiots|pathetic|disgrace|report you|reporting you|bbb|police|fed up|had enough|disgusting|chargeback|rip off|ripoff|1 star review|one star review|bad review|negative review|incompetent|kidding me|shame on you|garbage|liar|liars|lying to me|how dare';

function parseWeights(source: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const entry of source.split(' ')) {
    const separator = entry.lastIndexOf(':');
    weights.set(entry.slice(0, separator), Number(entry.slice(separator + 1)));
  }
  return weights;
}

export const chineseSentimentWeights = new Map([
  ...parseWeights(chinesePositive),
  ...parseWeights(chineseNegative),
  ...parseWeights(chineseReviewWeights),
]);
export const englishSentimentWeights = new Map([
  ...parseWeights(englishPositive),
  ...parseWeights(englishNegative),
  ...parseWeights(englishReviewWeights),
]);
/** Chinese anger words, minus compounds where they are harmless (垃圾袋, 滚筒). */
export const chineseAngerPattern = new RegExp(
  `(?:${chineseAngerWords.split(' ').join('|')})(?!袋|桶|分类|筒)`.replace('12315', '(?<!\\d)12315(?!\\d)'),
);
export const englishAngerPattern = new RegExp(`\\b(?:${englishAngerPhrases})\\b`);
/** Negators, matched as whole jieba tokens (so 别 in 特别 or 无 in 无线 negates nothing). */
export const chineseNegators = new Set(
  '不 没 没有 不太 不怎么 不是很 不是 不够 并不 并没有 毫不 毫无 从不 从没 从来不 别 未 无 并非 不算 不大 不会 不再 绝不 决不 没什么 不那么 没那么 不如'.split(
    ' ',
  ),
);
export const englishNegators = new Set([
  'not',
  'no',
  'never',
  'hardly',
  'barely',
  'without',
  'nor',
  'cannot',
  'nothing',
]);
export const chineseIntensifiers: Record<string, number> = {
  非常: 1.6,
  特别: 1.6,
  超级: 1.8,
  超: 1.5,
  太: 1.6,
  很: 1.3,
  十分: 1.5,
  极其: 1.8,
  真: 1.3,
  最: 1.6,
  挺: 1.1,
  巨: 1.7,
  贼: 1.6,
  好: 1.2,
  蛮: 1.1,
  有点: 0.7,
  一点点: 0.5,
  有一点: 0.6,
  有些: 0.7,
  略: 0.6,
  稍: 0.6,
  稍微: 0.6,
  一点: 0.7,
  相当: 1.4,
  实在: 1.4,
  简直: 1.6,
};
export const englishIntensifiers: Record<string, number> = {
  very: 1.5,
  so: 1.4,
  really: 1.4,
  extremely: 1.8,
  too: 1.4,
  super: 1.6,
  totally: 1.5,
  absolutely: 1.7,
  completely: 1.6,
  quite: 1.2,
  highly: 1.5,
  incredibly: 1.8,
  bit: 0.7,
  slightly: 0.6,
  somewhat: 0.7,
  pretty: 1.2,
  way: 1.4,
  truly: 1.4,
  seriously: 1.4,
  utterly: 1.8,
  little: 0.7,
};
/** "A but B": B outweighs A. Soft markers (就是, 只是) concede less than 但是/but. */
export const strongContrastMarkers =
  /但是?|可是|不过|然而|\bbut\b|\bhowever\b|\bthough\b|\balthough\b|\byet\b/;
export const softContrastMarkers = /就是|只是|结果|(?<![冷忘])却|\bexcept\b/;
/** Multi-word English expressions, scored before single words (longest first, one pass) and then blanked out. */
export const englishSentimentPhrases = new Map<string, number>([
  ['could not be happier', 3],
  ['can not complain', 2],
  ['no complaints', 2],
  ['no issues', 1.5],
  ['no problems', 1.5],
  ['not bad', 1.5],
  ['buy again', 2],
  ['order again', 2],
  ['would recommend', 2],
  ['well made', 2],
  ['well packed', 2],
  ['well built', 2],
  ['works like a charm', 3],
  ['as described', 1],
  ['not as described', -2.5],
  ['not what i expected', -2],
  ['not as good as', -2],
  ['not that great', -1.5],
  ['not worth the money', -2.5],
  ['came apart', -2.5],
  ['came unglued', -2.5],
  ['keeps disconnecting', -2.5],
  ['stopped charging', -2.5],
  ['would not recommend', -2.5],
  ['do not buy', -3],
  ['as advertised', 1.5],
  ['works great', 3],
  ['love it', 3],
  ['does not work', -2.5],
  ['do not work', -2.5],
  ['did not work', -2.5],
  ['not working', -2.5],
  ['stopped working', -2.5],
  ['does not fit', -2],
  ['falls apart', -2.5],
  ['fell apart', -2.5],
  ['took forever', -2],
  ['waste of', -2.5],
  ['never again', -2.5],
  ['not worth', -2],
  ['a joke', -2],
  ['way off', -2],
  ['1 star', -2.5],
  ['one star', -2.5],
  ['5 stars', 2.5],
  ['five stars', 2.5],
  ['10/10', 2.5],
  ['a+', 2.5],
]);
export const englishPhrasePattern = new RegExp(
  `(?<![a-z])(?:${[...englishSentimentPhrases.keys()]
    .sort((left, right) => right.length - left.length)
    .map((phrase) => phrase.replace(/[+/.]/g, (character) => `\\${character}`))
    .join('|')})(?![a-z])`,
  'g',
);
export const sarcasmMarkers =
  /真是谢谢|谢谢你们全家|真行|好棒棒|厉害了|可真是|真有你的|服了|yeah right|thanks a lot for nothing|great job(?!.*\b(really|truly)\b)|oh great|just great|what a joke|thanks for nothing|🙄|🙃|🌚|🤡|可真行/;
/** "Great, another late parcel": a positive interjection opening a message whose rest is negative. */
export const ironicOpening =
  /^(?:oh |wow |yeah |well |sure )?(?:great|wonderful|perfect|fantastic|lovely|nice|brilliant|awesome|amazing|terrific|sure|thanks a lot|太好了|真棒|好极了|真好|真行|太棒了)(?:[,.!~ ]|$)/;
export const emojiWeights: Record<string, number> = {
  '😊': 1.5,
  '😀': 1.5,
  '😁': 1.5,
  '😄': 1.5,
  '😍': 2.5,
  '🥰': 2.5,
  '❤': 2,
  '❤️': 2,
  '👍': 2,
  '👏': 1.5,
  '🎉': 1.5,
  '💯': 2,
  '😘': 1.5,
  '🙂': 0.8,
  '😃': 1.5,
  '🌹': 1,
  '💕': 2,
  '😡': -3,
  '😠': -2.5,
  '🤬': -3,
  '💢': -2,
  '😭': -2,
  '😢': -2,
  '😞': -2,
  '😤': -2,
  '👎': -2.5,
  '💩': -2.5,
  '😒': -1.5,
  '🙄': -1.5,
  '😩': -2,
  '😫': -2,
  '😰': -1,
  '🤮': -3,
  '😔': -1.5,
};
export const angerEmoji = /😡|😠|🤬|💢|👊|🖕/u;
