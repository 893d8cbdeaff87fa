/** Weights in [-3, 3]. Chinese entries are simplified; matching is longest-first on normalised text. */
const chinesePositive =
  '好:1 很好:2 不错:2 挺好:2 满意:2 喜欢:2 爱了:3 推荐:2 值得:2 划算:2 实惠:2 便宜:1 快:1 很快:2 及时:1 赞:2 棒:2 好评:2 完美:3 优秀:2 精致:2 漂亮:2 好看:2 舒服:2 舒适:2 耐心:2 贴心:2 专业:1 正品:2 性价比高:2 物美价廉:3 质量好:2 做工好:2 做工精细:2 好用:2 好吃:2 香:1 新鲜:2 清晰:1 流畅:2 稳定:1 结实:2 合身:2 惊喜:2 感谢:1 谢谢:1 开心:2 高兴:2 放心:2 回购:2 五星:2 超值:3 给力:2 靠谱:2 不后悔:2 完好:1 到位:1 顺滑:1 柔软:2 保暖:1 大方:1 热情:2 周到:2 点赞:2 物超所值:3 好极了:3 太棒了:3 神器:2 方便:1 省心:2 耐用:2 细腻:2 好闻:2 准时:1 赞赞:2 nice:2 ok:1 完美无缺:3 没毛病:2 无可挑剔:3 良心:2 实用:2 还可以:1 还行:1 好的:0 好吧:0 你好:0 您好:0 好不好:0 好了:0 只好:0 好多:0 还好:0.5 好像:0 快点:0 尽快:0 快递:0 好友:0 好几:0 好久:-0.5 一般般:-0.5 一般:-0.5';
const chineseNegative =
  '差:-2 很差:-3 太差:-3 差劲:-3 垃圾:-3 失望:-2 后悔:-2 不满意:-2 难用:-2 难看:-2 难吃:-2 难闻:-2 破:-1 破损:-2 坏:-2 坏了:-2 烂:-2 假货:-3 假的:-2 骗:-3 骗子:-3 坑:-2 坑人:-3 不值:-2 贵:-1 太贵:-2 慢:-1 太慢:-2 很慢:-2 退货:-1 退款:-1 投诉:-2 差评:-3 质量差:-3 做工差:-2 掉色:-2 起球:-2 异味:-2 味道大:-2 臭:-2 卡顿:-2 发热:-1 发烫:-1 死机:-2 漏水:-2 漏液:-2 开线:-2 褪色:-2 色差:-1 瑕疵:-2 划痕:-2 变形:-2 缩水:-2 不好:-2 不行:-2 不能用:-3 没用:-2 无语:-2 恶心:-3 糟糕:-3 郁闷:-2 生气:-2 愤怒:-3 气死:-3 敷衍:-2 态度差:-3 不耐烦:-2 不理人:-2 不回复:-2 粗糙:-2 劣质:-3 残次:-3 浪费:-2 无效:-2 不靠谱:-2 离谱:-2 过分:-2 坑爹:-3 呵呵:-1 差差:-3 闹心:-2 心累:-2 晦气:-2 翻车:-2 上当:-3 智商税:-3 不推荐:-2 别买:-3 千万别买:-3 不会再买:-3 再也不买:-3 一星:-2 弱:-1 失灵:-2 故障:-2 麻烦:-1 少了:-1 错了:-1 没收到:-2 不合适:-1 小了:-1 大了:-1 偏小:-1 偏大:-1 薄:-1 硬:-1 刺鼻:-2 难受:-2 痒:-1 过敏:-2 不新鲜:-2 发霉:-3 烂了:-2 碎了:-2 骂人:-3 滚:-3 废物:-3 傻:-2';
const englishPositive =
  'good:1 great:2 excellent:3 amazing:3 awesome:3 love:2 loved:2 loves:2 like:1 liked:1 perfect:3 nice:2 happy:2 satisfied:2 recommend:2 recommended:2 best:2 fantastic:3 wonderful:3 beautiful:2 comfortable:2 fast:1 quick:1 helpful:2 patient:2 friendly:2 works:1 worked:1 worth:2 sturdy:2 durable:2 fine:1 pleased:2 impressed:2 thanks:1 thank:1 superb:3 outstanding:3 glad:2 easy:1 smooth:1 soft:1 cute:2 gorgeous:3 lovely:2 cool:1 solid:1 reliable:2 delicious:2 fresh:1 accurate:1 exactly:1 bargain:2 affordable:1 convenient:1 brilliant:3 flawless:3 enjoy:2 enjoyed:2 favorite:2 favourite:2 stars:0 ok:0.5 okay:0.5 decent:1 fits:1 genuine:1 quality:0.5';
const englishNegative =
  'bad:-2 terrible:-3 awful:-3 horrible:-3 worst:-3 poor:-2 disappointed:-2 disappointing:-2 disappointment:-2 hate:-3 hated:-3 broken:-2 broke:-2 damaged:-2 defective:-3 faulty:-2 useless:-3 waste:-2 cheap:-1 flimsy:-2 fake:-3 scam:-3 fraud:-3 slow:-1 late:-1 rude:-3 angry:-3 annoyed:-2 annoying:-2 frustrated:-2 frustrating:-2 ridiculous:-3 unacceptable:-3 refund:-1 return:-1 returned:-1 returning:-1 complaint:-2 complain:-2 problem:-1 issue:-1 wrong:-2 missing:-2 stopped:-1 fail:-2 failed:-2 fails:-2 crap:-3 garbage:-3 junk:-3 trash:-3 sucks:-3 overpriced:-2 smell:-1 smells:-1 stinks:-2 uncomfortable:-2 leak:-2 leaks:-2 leaking:-2 crack:-2 cracked:-2 scratched:-2 ripped:-2 tore:-2 stained:-2 unhappy:-2 mediocre:-1 meh:-1 regret:-2 furious:-3 pathetic:-3 misleading:-2 lousy:-2 never:-1 nothing:-1 avoid:-3 beware:-3 unusable:-3 disgusting:-3 worse:-2 weak:-1 stupid:-2 idiot:-3 wtf:-3 joke:-2 shame:-2 tiny:-1 small:-0.5 lost:-1 dead:-2 died:-2 sadly:-1 unfortunately:-1 mess:-2';
const angerWords =
  '投诉 12315 差评 举报 曝光 报警 消协 工商 骗子 垃圾 气死 欺诈 坑人 黑心 滚 废物 傻逼 去死 律师 起诉 法院 受够 愤怒 恶心 什么态度 退钱 太过分 忍无可忍 无良 诈骗 媒体 微博 315 scam fraud sue lawsuit lawyer furious angry outraged ridiculous unacceptable wtf damn hell idiot pathetic disgrace report you bbb police fed up had enough disgusting';

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
]);
export const englishSentimentWeights = new Map([
  ...parseWeights(englishPositive),
  ...parseWeights(englishNegative),
]);
export const angerTerms = angerWords.split(' ');
export const chineseNegators = [
  '不太',
  '不怎么',
  '不是很',
  '不够',
  '并不',
  '并没有',
  '毫不',
  '从不',
  '没有',
  '没',
  '不',
  '别',
  '未',
  '无',
  '并非',
];
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
  有些: 0.7,
  略: 0.6,
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
};
export const contrastMarkers = /但是|可是|不过|然而|就是|只是|\bbut\b|\bhowever\b|\bthough\b|\balthough\b/;
export const sarcasmMarkers =
  /呵呵|真是谢谢|谢谢你们全家|真行|好棒棒|厉害了|可真是|真有你的|服了|yeah right|thanks a lot for nothing|great job(?!.*\b(really|truly)\b)|oh great|just great|what a joke|🙄|🙃|😅|🌚/;
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
