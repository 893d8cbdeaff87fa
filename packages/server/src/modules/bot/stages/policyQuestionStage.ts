import { toSimplified } from '@kefu/nlu';
import { splitClauses } from '../clauses';
import { beforePurchase } from '../flows/returnExchangeFlow';
import type { BotDecision, BotStage, BotTurn } from '../pipeline';

/**
 * Intents whose questions are about the shopper's own order, a product in the conversation (the flows keep it
 * as context for "它/it"), or feelings — never a general policy.
 */
const flowOwnedIntents = new Set([
  'product_inquiry',
  'stock_availability',
  'order_tracking',
  'urge_shipment',
  'delivery_problem',
  'human_agent',
  'complaint',
  'greeting',
  'goodbye',
]);
const orderEntityTypes = new Set(['order_number', 'tracking_number']);
const questionPattern =
  /[?？]|吗|么|谁|[不没否]\s*[。.!！~～]*$|什么|怎么|如何|多久|多少|几天|哪些|哪里|能不能|可不可以|是否|政策|规则|流程|标准|须知|\b(what|how|when|which|who|can i|can you|do you|is there|are there|policy|policies|rules?)\b/i;
/** Words that make a message a question about the rules even when the match is not certain. */
const explicitPolicyPattern =
  /政策|规则|規則|流程|须知|須知|差价|价保|保价|price protection|price drop|\b(policy|policies|rules?)\b/i;
const ownPattern = /我的|我买的|我刚买|我前天买|我昨天买|帮我|给我|\b(my|me|mine)\b/i;
const contextPattern =
  /这个订单|那个订单|这单|该订单|这件|那件|这款|那款|它|\b(it|this order|that order|this one)\b/i;
const returnPattern = /退|换|換|\b(?:return|exchange|refund)\b/i;
const dispatchPattern = /发货|發貨|出货|出貨|寄出|\b(ship|ships|shipped|dispatch(?:ed)?)\b/i;
const productOrOrderReference =
  /这个订单|那个订单|这单|该订单|这件|那件|这款|那款|\b(this order|that order|this one)\b/i;
/** Price protection is a rule of the shop even when the order is named ("KF… 降价了 能补差价吗"). */
const priceProtectionPattern =
  /差价|价保|保价|降价.{0,8}(?:补|退|返|赔)|price (?:protection|drop|adjustment)|refund the difference/i;
/**
 * Before buying: "今天下单什么时候发货", "现在拍几天能到", "if I order today when does it ship" — the shop's
 * dispatch and delivery times, not an order of the shopper's ("今天下单了…" is one).
 */
const prospectivePurchasePattern =
  /(?:今天|现在|马上|如果|要是|明天|这会儿?|几点前)(?:下单|拍|买|付款)(?![了的过])|(?:下单|拍下|付款|购买)(?:后|以后|之后)(?:多久|几天|什么时候|当天)|\b(?:if i (?:order|buy|pay)|(?:order|buy)(?: it)? (?:today|now|tonight)|after (?:i )?(?:order|pay))\b/i;
/** Questions about the shop's rules even when told as the shopper's own story ("我买的…降价了，能退差价吗"). */
const informationalIntents = new Set(['price_promotion', 'payment', 'shipping_info']);

export interface ConfidentAnswerer {
  answerConfidently(turn: BotTurn, allowSuggestions?: boolean, record?: boolean): Promise<BotDecision | null>;
}

/**
 * A general question about the shop's rules ("退货政策是什么？", "可以开发票吗？") is answered from the knowledge base
 * before a flow asks for an order number; requests about the shopper's own order ("我的快递到哪了", "我想退货")
 * go on to the flows. Only a confident answer is given here, so an unsure match still reaches the flows.
 */
export class PolicyQuestionStage implements BotStage {
  readonly name = 'policy_question';

  constructor(private readonly knowledge: ConfidentAnswerer) {}

  async handle(turn: BotTurn): Promise<BotDecision | null> {
    if (!isGeneralPolicyQuestion(turn)) return null;
    const allowSuggestions = explicitPolicyPattern.test(toSimplified(turn.text));
    const whole = await this.knowledge.answerConfidently(turn, allowSuggestions);
    const clauses = splitClauses(turn.text);
    if (clauses.length < 2) return whole;
    // "运费怎么算？可以寄到台湾吗": each question gets its answer, once.
    const decisions = [whole];
    for (const clause of clauses)
      decisions.push(await this.knowledge.answerConfidently({ ...turn, text: clause }, false, false));
    const found = decisions.filter((decision): decision is BotDecision => decision !== null);
    // A clause answered outright makes a "did you mean" for the whole message redundant.
    const clauseAnswered = found.some(
      (decision) => decision !== whole && !decision.stage.endsWith(':suggest'),
    );
    const answered = clauseAnswered
      ? found.filter((decision) => !decision.stage.endsWith(':suggest'))
      : found;
    const replies = answered
      .flatMap((decision) => decision.replies)
      .filter((reply, index, all) => all.findIndex((other) => other.text === reply.text) === index);
    const first = answered[0];
    if (!first) return null;
    return { stage: first.stage, replies, handoff: null };
  }
}

export function isGeneralPolicyQuestion(
  turn: Pick<BotTurn, 'text' | 'understanding'> & Partial<Pick<BotTurn, 'pageProductId'>>,
): boolean {
  const { intent, entities } = turn.understanding;
  // Patterns are written in simplified script; "可以退差價嗎" is the same question.
  const text = toSimplified(turn.text);
  const namesOrder = entities.some((entity) => orderEntityTypes.has(entity.type));
  // On a product's page, "多久发货" is about that product (a made-to-order item has its own dispatch time).
  if (turn.pageProductId && dispatchPattern.test(text)) return false;
  // "万一不合适能退吗" on a product's page: that product's own return terms (food, cosmetics once tried …).
  if (turn.pageProductId && !namesOrder && returnPattern.test(text) && beforePurchase.test(text))
    return false;
  if (!namesOrder && prospectivePurchasePattern.test(text) && !ownPattern.test(text)) return true;
  if (flowOwnedIntents.has(intent.id)) return false;
  if (namesOrder && !priceProtectionPattern.test(text)) return false;
  // "能补差价不 KF…": the order number after the question does not make it a statement.
  const asked = text.replace(/[A-Za-z]*\d[\w-]*/g, ' ').trim();
  if (!questionPattern.test(text) && !questionPattern.test(asked)) return false;
  // "the price dropped right after I bought it": a rules question told as the shopper's story, unless it
  // points at a product or order in the conversation ("这件降价了吗").
  if (informationalIntents.has(intent.id)) return !productOrOrderReference.test(text);
  return !contextPattern.test(text) && !ownPattern.test(text);
}
