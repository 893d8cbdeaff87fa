// A generated history of conversations (the truth the report tests check against): who wrote what when, which
// conversations went to people, were resolved, rated, ticketed. Deterministic for a seed.

export interface ModelMessage {
  sender: 'customer' | 'bot' | 'agent' | 'system';
  senderId: string | null;
  isPrivate: boolean;
  text: string;
  at: number;
  intent: string | null;
  sentiment: 'positive' | 'neutral' | 'negative' | null;
}

export interface ModelTicket {
  channel: string;
  category: string;
  assigneeId: string | null;
  teamId: string | null;
  targets: { target: string; dueAt: number; metAt: number | null; breachedAt: number | null }[];
}

export interface ModelConversation {
  id: string;
  customerId: string;
  channel: string;
  createdAt: number;
  status: 'bot' | 'queued' | 'assigned' | 'resolved';
  category: string | null;
  assigneeId: string | null;
  pageProductId: string | null;
  messages: ModelMessage[];
  handoffs: { reason: string; at: number }[];
  resolvedAt: number | null;
  surveys: { rating: number | null; requestedAt: number; respondedAt: number | null }[];
  questions: {
    text: string;
    outcome: string;
    feedback: string | null;
    productId: string | null;
    at: number;
  }[];
  /** What went wrong, as the shopper's words say it (the generator picks words that say it). */
  issueReason: string | null;
  ticket: ModelTicket | null;
}

export interface HistoryWorld {
  start: number;
  days: number;
  customers: number;
  agentIds: string[];
  teamIds: string[];
  productIds: string[];
}

export const channels = ['web', 'app', 'wechat', 'email'];
const topicIntents: [intent: string, text: string][] = [
  ['order_tracking', '我的快递到哪了'],
  ['refund', '退款什么时候到账'],
  ['product_inquiry', '这个面霜的保质期是多久'],
  ['return_exchange', '我想退货'],
  ['complaint', '你们的服务太差了'],
  ['invoice', '可以开发票吗'],
  ['shipping_info', '运费怎么算'],
];
const issueTexts: [reason: string, text: string][] = [
  ['damaged_in_transit', '收到的杯子碎了'],
  ['defective', '用了两天就坏了'],
  ['wrong_size', '尺码小了穿不上'],
];
const handoffReasons = ['customer_request', 'bot_failures', 'anger', 'complaint', 'vip'];
const otherCategories = ['billing', 'account', 'feedback'];
const questionOutcomes = ['answered', 'answered', 'suggested', 'unanswered'];

/** A small fast PRNG (mulberry32), so a seed gives the same history on every run. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function generateHistory(world: HistoryWorld, count: number, seed: number): ModelConversation[] {
  const random = createRandom(seed);
  const pick = <Value>(values: readonly Value[]): Value => {
    const value = values[Math.floor(random() * values.length)];
    if (value === undefined) throw new Error('empty choice');
    return value;
  };
  const seconds = (minimum: number, maximum: number) =>
    Math.round((minimum + random() * (maximum - minimum)) * 1000);
  return Array.from({ length: count }, (_, index) => {
    const day = Math.floor(random() * world.days);
    // Busier in the (Chinese) daytime: hours 01–13 UTC twice as likely.
    const hour = random() < 0.6 ? 1 + Math.floor(random() * 13) : Math.floor(random() * 24);
    const createdAt = world.start + day * 86_400_000 + hour * 3_600_000 + Math.floor(random() * 3_600_000);
    const conversation = newConversation({
      id: `conv_gen${String(index).padStart(6, '0')}`,
      customerId: `cus_gen${String(Math.floor(random() * world.customers)).padStart(5, '0')}`,
      channel: pick(channels),
      createdAt,
      pageProductId: random() < 0.4 ? pick(world.productIds) : null,
    });
    let now = createdAt + seconds(1, 30);
    const say = (message: Omit<ModelMessage, 'at'>) => {
      conversation.messages.push({ ...message, at: now });
      now += seconds(2, 90);
    };
    const silent = random() < 0.05;
    if (!silent) {
      if (random() < 0.4) say(customer('你好', 'greeting', 'neutral'));
      const [intent, text] = pick(topicIntents);
      const issue = intent === 'return_exchange' || intent === 'complaint' ? pick(issueTexts) : null;
      conversation.issueReason = issue?.[0] ?? null;
      say(customer(issue ? `${text}，${issue[1]}` : text, random() < 0.1 ? 'unknown' : intent, mood(random)));
      say({
        sender: 'bot',
        senderId: null,
        isPrivate: false,
        text: '好的，我来帮您看看',
        intent: null,
        sentiment: null,
      });
      if (random() < 0.5) {
        const productId = random() < 0.5 ? pick(world.productIds) : null;
        conversation.questions.push({
          text: pick(topicIntents)[1],
          outcome: pick(questionOutcomes),
          feedback: random() < 0.1 ? 'not_helpful' : null,
          productId,
          at: now,
        });
      }
      if (random() < 0.3) say(customer(pick(topicIntents)[1], pick(topicIntents)[0], mood(random)));
    }
    const handedOff = !silent && random() < 0.4;
    const takenOver = !silent && !handedOff && random() < 0.04;
    if (handedOff) {
      conversation.handoffs.push({ reason: pick(handoffReasons), at: now });
      conversation.status = 'queued';
      now += seconds(5, 600);
    }
    if ((handedOff && random() < 0.85) || takenOver) {
      const agentId = pick(world.agentIds);
      conversation.status = 'assigned';
      conversation.assigneeId = agentId;
      say({
        sender: 'system',
        senderId: null,
        isPrivate: false,
        text: '客服已接入',
        intent: null,
        sentiment: null,
      });
      say(agent(agentId, '您好，我是客服，请问有什么可以帮您'));
      if (random() < 0.2) say({ ...agent(agentId, '内部备注：老顾客'), isPrivate: true });
      if (random() < 0.6) say(customer('好的谢谢', 'goodbye', random() < 0.8 ? 'positive' : 'negative'));
      if (random() < 0.8) {
        conversation.status = 'resolved';
        conversation.resolvedAt = now + seconds(30, 3_600);
        now = conversation.resolvedAt;
        if (random() < 0.9) {
          const rated = random() < 0.6;
          conversation.surveys.push({
            rating: rated ? 1 + Math.floor(random() * 5) : null,
            requestedAt: now,
            respondedAt: rated ? now + seconds(10, 300) : null,
          });
        }
      } else if (random() < 0.15) conversation.assigneeId = null;
    }
    if (handedOff)
      conversation.category =
        random() < 0.1 ? pick(otherCategories) : (categoryOf(firstTopic(conversation)) ?? 'general');
    if (handedOff && random() < 0.3) conversation.ticket = generateTicket(conversation, world, random, pick);
    return conversation;
  });
}

/** A conversation with the bot and nothing else yet. */
export function newConversation(
  start: Pick<ModelConversation, 'id' | 'customerId' | 'channel' | 'createdAt' | 'pageProductId'>,
): ModelConversation {
  return {
    ...start,
    status: 'bot',
    category: null,
    assigneeId: null,
    messages: [],
    handoffs: [],
    resolvedAt: null,
    surveys: [],
    questions: [],
    issueReason: null,
    ticket: null,
  };
}

function customer(
  text: string,
  intent: string,
  sentiment: ModelMessage['sentiment'],
): Omit<ModelMessage, 'at'> {
  return { sender: 'customer', senderId: null, isPrivate: false, text, intent, sentiment };
}

function agent(agentId: string, text: string): Omit<ModelMessage, 'at'> {
  return { sender: 'agent', senderId: agentId, isPrivate: false, text, intent: null, sentiment: null };
}

function mood(random: () => number): ModelMessage['sentiment'] {
  const value = random();
  return value < 0.2 ? 'negative' : value < 0.8 ? 'neutral' : 'positive';
}

const categoryByIntent: Record<string, string> = {
  order_tracking: 'logistics',
  shipping_info: 'logistics',
  refund: 'refund',
  product_inquiry: 'pre_sales',
  return_exchange: 'after_sales',
  complaint: 'complaint',
  invoice: 'billing',
};

export function categoryOf(intent: string | null): string | null {
  return intent === null ? null : (categoryByIntent[intent] ?? null);
}

/** The first customer message's intent that names a topic. */
export function firstTopic(conversation: ModelConversation): string | null {
  const topical = conversation.messages.find(
    (message) =>
      message.sender === 'customer' &&
      !message.isPrivate &&
      message.intent !== null &&
      !['greeting', 'goodbye', 'human_agent', 'unknown'].includes(message.intent),
  );
  return topical?.intent ?? null;
}

function generateTicket(
  conversation: ModelConversation,
  world: HistoryWorld,
  random: () => number,
  pick: <Value>(values: readonly Value[]) => Value,
): ModelTicket {
  const start = conversation.handoffs[0]?.at ?? conversation.createdAt;
  return {
    channel: conversation.channel,
    category: conversation.category ?? 'general',
    assigneeId: conversation.assigneeId,
    teamId: random() < 0.3 ? pick(world.teamIds) : null,
    targets: ['first_response', 'resolution'].map((target) => {
      const dueAt = start + (target === 'first_response' ? 3_600_000 : 86_400_000);
      const outcome = random();
      return {
        target,
        dueAt,
        metAt: outcome < 0.6 ? dueAt - 60_000 : outcome < 0.75 ? dueAt + 60_000 : null,
        breachedAt: outcome >= 0.6 && outcome < 0.9 ? dueAt : null,
      };
    }),
  };
}
