import type { ShopperSlots } from './shopperSlots';

/**
 * Invoice details in a message: title type, title, tax id, e-mail, and whether it is about an invoice already
 * requested (send again / correct). Several may come in one line ("抬头xx公司，税号…，邮箱…", "Acme (Shanghai)
 * Co., Ltd., tax ID …, email …"); each field ends where the next one's label begins.
 */
export function extractInvoiceSlots(original: string, simplified: string): ShopperSlots {
  const slots: ShopperSlots = {};
  const email = emailPattern.exec(original)?.[0];
  if (email) slots.email = email.toLowerCase();
  const taxId = taxIdPattern.exec(simplified.replace(emailPattern, ' '))?.[0];
  const namedTaxId = /税号|信用代码|纳税人|识别号|tax|\bTIN\b/i.test(simplified);
  if (taxId && (namedTaxId || (taxId.length === 18 && /\d/.test(taxId) && /[A-Z]/i.test(taxId))))
    slots.taxId = taxId.toUpperCase();
  const aboutInvoice = namedTaxId || /抬头|发票|开票|invoice/i.test(simplified);
  if (!aboutInvoice) return slots;
  if (invoiceCorrectionPattern.test(simplified)) slots.invoiceFollowUp = 'correct';
  else if (invoiceResendPattern.test(simplified)) slots.invoiceFollowUp = 'resend';
  const titleText = companyTitle(original.replace(/^.*?(?:抬头|抬頭|title)\s*(?:是|为|為|:|：)?\s*/i, ''));
  const personName = personalInvoiceName(original);
  if (titleText && titleText.length >= 6 && !/^(?:你们|我们|贵|咱们)/.test(titleText)) {
    slots.invoiceTitle = titleText;
    slots.invoiceTitleType = 'company';
  } else if (/公司|企业|单位|company|business/i.test(simplified)) slots.invoiceTitleType = 'company';
  else if (personName || /个人|personal|individual|myself/i.test(simplified)) {
    slots.invoiceTitleType = 'personal';
    if (personName) slots.invoiceTitle = personName;
  }
  return slots;
}

/** The company name in the text: before the other fields, or else anywhere once the tax id and e-mail are out. */
function companyTitle(text: string): string | undefined {
  for (const candidate of [
    titleBeforeOtherFields(text),
    text.replace(emailPattern, ' ').replace(taxIdPattern, ' '),
  ]) {
    const title = companyTitlePattern.exec(candidate) ?? englishCompanyPattern.exec(candidate);
    const titleText = (title?.[1] ?? title?.[0])?.replace(/^(?:公司|企业|单位)(?:抬头)?/, '');
    if (titleText) return titleText;
  }
  return undefined;
}

/** "Acme Co., Ltd., tax ID 9131…, email a@b.cn" → "Acme Co., Ltd.": a title stops where another field begins. */
export function titleBeforeOtherFields(text: string): string {
  const end = text.search(otherFieldStart);
  return (end >= 0 ? text.slice(0, end) : text).replace(/[\s,，;；:：、]+$/u, '').trim();
}

/** "个人 郭建国 发邮箱…", "personal, name Emily Carter": the person a personal invoice is made out to. */
export function personalInvoiceName(text: string): string | undefined {
  const chinese =
    chinesePersonalName.exec(text)?.[1] ??
    (/个人|個人/.test(text) ? chineseTitledName.exec(text)?.[1] : undefined);
  if (chinese) return chinese;
  const english = englishPersonalName.exec(text)?.[1];
  return english && !notAName.test(english) ? english : undefined;
}

const emailPattern = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/i;
/** 统一社会信用代码: 18 characters (older tax ids: 15–20). */
const taxIdPattern = /(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{15,20}(?![0-9A-Z])/i;
/** Where the next field of an invoice request begins: its label, or the e-mail or tax id itself. */
const otherFieldStart =
  /[\s,，;；、(（]*(?:\b(?:company\s+)?tax\s*(?:id|no\b\.?|number|code|registration)|\bTIN\b|\bVAT\s*(?:id|no\b|number)|税号|稅號|纳税人|納稅人|识别号|識別號|信用代码|信用代碼|\be-?mail\b|\bmail\s+(?:it\s+)?to\b|\bsend\s+(?:it\s+)?to\b|邮箱|郵箱|电子邮件|電子郵件|发到|發到|发送到|發送到|发邮箱|發郵箱|[a-z0-9._%+-]+@|(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{15,20}(?![0-9A-Z]))/iu;
/** "抬头写错了 能重开吗", "税号不对", "reissue it with the right company name". */
const invoiceCorrectionPattern =
  /写错|填错|弄错|开错|搞错|错了|不对|有误|重开|重新开|换开|红冲|作废|(?:改|更正|修改)(?:一下|下)?(?:抬头|税号|名称|发票|开票)|(?:抬头|税号|名称|开票信息)\S{0,4}(?:改|更正|修改)|re-?issue|wrong|incorrect|mistake|amend|correct(?:ed|ion)?\b|change (?:the|my) (?:invoice|title|company|name|tax)/i;
/** "发票没收到", "再发一次", "I never received the invoice". */
const invoiceResendPattern =
  /没收到|没有收到|未收到|收不到|没看到|没见到|找不到|再发|重发|重新发|再次发送|re-?send|send (?:it |the invoice )?again|(?:didn'?t|did not|never|haven'?t|have not|hasn'?t|not) (?:get|got|gotten|receive|received|see|seen|arrived?|c[oa]me)|can'?t find/i;
const companyTitlePattern =
  /[\p{Script=Han}（）()A-Za-z0-9]{2,40}?(?:有限责任公司|股份有限公司|有限公司|集团|公司|工作室|事务所|研究院|中心|大学|学院|学校|医院|商行|经营部)/u;
/** "company Acme Trading Ltd" / "Carter Design Studio (Shanghai) Co., Ltd.": a registered English company name. */
const englishCompanyPattern =
  /(?:company|business|title|name)?\s*(?:is|:)?\s*((?:[A-Z(][\w&'().-]*\s+){0,6}?[A-Z(][\w&'().-]*,?\s+(?:Co\.,?\s*)?(?:Ltd\.?|Limited|Inc\.?|LLC|Corp\.?|Corporation|GmbH|Company|Pte\.?\s*Ltd\.?))/;
/** Common surnames: a name after "个人" is taken only when it starts like one ("个人 就行" is not a name). */
const surnames =
  '王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連麦麥褚娄婁窦竇戚岑景党黨宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏佘池查麻苑迟遲邝鄺';
const chinesePersonalName = new RegExp(
  `(?:个人|個人)(?:抬头|抬頭)?[\\s,，:：、(（-]*(?:(?:抬头|抬頭|名字|姓名|名称|名稱)\\s*(?:是|为|為|写|寫|:|：)?\\s*)?([${surnames}]\\p{Script=Han}{1,2}?)(?=$|[^\\p{Script=Han}]|发|發|邮|郵|寄|开|開)`,
  'u',
);
/** "开个人发票 抬头陈静": the name after 抬头 when the invoice is a personal one. */
const chineseTitledName = new RegExp(
  `(?:抬头|抬頭|名字|姓名)\\s*(?:是|为|為|写|寫|:|：)?\\s*([${surnames}]\\p{Script=Han}{1,2}?)(?=$|[^\\p{Script=Han}]|发|發|邮|郵|寄|开|開)`,
  'u',
);
const englishPersonalName =
  /\b(?:personal|individual)\b[\s,:;(-]*(?:(?:name|title)\s*(?:is|:)?\s*)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\b/;
const notAName = /\b(?:Invoice|Please|Thanks?|Email|Mail|Title|Name|Send|Company)\b/;
