import { toSimplified } from '@kefu/nlu';
import type { CommerceConnector, CommerceProduct } from '../../commerce';
import { longestSharedHanRun } from '../../commerce';
import { buildProductCard } from '../cards';
import { formatMoney, say } from '../flows/flowKit';
import type { BotDecision, BotStage, BotTurn } from '../pipeline';
import type { ReplyLocale } from '../../../replyLocale';

/** Asking what to buy: "推荐个护肤品", "送女朋友什么好", "1000以内的手机推荐哪个", "any gift ideas under 300?". */
const recommendationCue =
  /推荐|推薦|介绍几款|介紹幾款|有(?:什么|啥)(?:好|值得)?(?:买|買)的|买(?:什么|啥)好|買什麼好|送(?:什么|啥|甚麼|什麼)(?:好|礼物|禮物)?|送礼|送禮|礼物|禮物|\b(?:recommend\w*|suggest\w*|gift ideas?|(?:a|some) gift|what should i (?:get|buy))\b/i;
/** Words of the request itself, left out of the product search. */
const requestWords =
  /推荐|推薦|一下|几款|幾款|哪个|哪款|哪個|什么|什麼|啥|好|礼物|禮物|送给?|给我?|买|買|想|要|个|個|呗|吧|吗|嗎|呢|有|的|以内|以下|左右|预算|預算|块钱|块|元|\d+|\b(?:can|could|you|please|pls|recommend\w*|suggest\w*|some|any|a|an|the|for|my|me|i|want|need|gift|ideas?|under|below|less|than|around|budget|what|should|get|buy|good)\b/gi;
/** "this one / 这款": a question about the product in view, not a request for others. */
const pointsAtProduct = /这款|这个|那款|这件|它|\b(?:this|that|it)\b/i;
const shownCount = 3;

/**
 * Recommends in-stock products matching what the shopper named (a kind of goods, a category), within the
 * budget they gave, best match first. Says nothing
 * when nothing matches, so the flows and the knowledge base can still answer.
 */
export class RecommendationStage implements BotStage {
  readonly name = 'recommendation';

  constructor(private readonly connector: CommerceConnector) {}

  async handle(turn: BotTurn): Promise<BotDecision | null> {
    const text = toSimplified(turn.text);
    if (!recommendationCue.test(text) || pointsAtProduct.test(text)) return null;
    const namesOrder = turn.understanding.entities.some(
      (entity) => entity.type === 'order_number' || entity.type === 'tracking_number',
    );
    if (namesOrder) return null;
    const wanted = text.replace(requestWords, ' ').trim();
    if (!wanted) return null;
    const found = await this.connector.searchProducts(wanted, 10);
    if (!found.ok) return null;
    const budget = budgetOf(text);
    // Products whose name says the kind asked for ("手机" in both phones, not in the phone charger) come
    // before those found only by a tag or a description; without such names every hit counts.
    const byName = found.value.filter((product) => namesKind(wanted, product));
    const candidates = byName.length > 0 ? byName : found.value;
    const fitting = candidates.filter(
      (product) => product.stock > 0 && (budget === null || product.priceCents <= budget),
    );
    if (found.value.length === 0) return null;
    const { locale } = turn;
    if (fitting.length === 0)
      return this.decide(
        say(
          locale,
          budget === null
            ? '您问的这类商品目前都暂时缺货，补货后我们会尽快上架。'
            : `您问的这类商品在 ${formatMoney(budget)} 以内暂时没有有货的款式，最便宜的是「${found.value[0]?.nameZh ?? ''}」。`,
          budget === null
            ? "What you're after is out of stock at the moment."
            : `Nothing of that kind is in stock within ${formatMoney(budget)}; the closest is ${found.value[0]?.nameEn ?? ''}.`,
        ),
        null,
      );
    const shown = fitting.slice(0, shownCount);
    const lines = shown.map((product, index) => `${index + 1}. ${describe(product, locale)}`).join('\n');
    const head = say(
      locale,
      budget === null ? '为您推荐：' : `${formatMoney(budget)} 以内为您推荐：`,
      budget === null ? 'You might like:' : `Within ${formatMoney(budget)}, you might like:`,
    );
    const tail = say(locale, '想了解哪一款，直接问我就好。', 'Ask me about any of them.');
    return this.decide(`${head}\n${lines}\n${tail}`, shown[0] ? { product: shown[0], locale } : null);
  }

  private decide(text: string, card: { product: CommerceProduct; locale: ReplyLocale } | null): BotDecision {
    return {
      stage: this.name,
      replies: [
        {
          text,
          quickReplies: [],
          ...(card && { card: buildProductCard(card.product, card.locale) }),
        },
      ],
      handoff: null,
    };
  }
}

/** Two Chinese characters of the name in a row, or an English word of it, in what the shopper asked for. */
function namesKind(wanted: string, product: CommerceProduct): boolean {
  if (longestSharedHanRun(wanted, toSimplified(product.nameZh)) >= 2) return true;
  const nameWords = new Set(product.nameEn.toLowerCase().split(/[^a-z0-9]+/));
  return wanted
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((word) => word.length >= 4 && nameWords.has(word.replace(/s$/, '')));
}

function describe(product: CommerceProduct, locale: ReplyLocale): string {
  const highlight = product.attributes[0];
  const detail = highlight ? ` — ${say(locale, highlight.valueZh, highlight.valueEn)}` : '';
  return `${say(locale, product.nameZh, product.nameEn)} ${formatMoney(product.priceCents)}${detail}`;
}

/** "1000以内", "500元以下", "预算300", "under 300", "below ¥500": the most the shopper wants to pay, in cents. */
function budgetOf(text: string): number | null {
  const match =
    /(\d+(?:\.\d+)?)\s*(?:块钱?|元|rmb|¥)?\s*(?:以内|以下|之内|左右)|预算\s*(\d+(?:\.\d+)?)|\b(?:under|below|less than|within|max|budget(?: of| is)?)\s*[¥$]?\s*(\d+(?:\.\d+)?)/i.exec(
      text,
    );
  const amount = match ? Number(match[1] ?? match[2] ?? match[3]) : NaN;
  return Number.isFinite(amount) && amount > 0 ? Math.round(amount * 100) : null;
}
