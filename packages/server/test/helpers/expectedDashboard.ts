// The dashboard's figures for a filter, summed from the expected per-conversation metrics.
import type { ExpectedConversation, ExpectedFilter } from './expectedMetrics';
import {
  average,
  countBy,
  inRange,
  isFirstContactResolution,
  localDate,
  localHour,
  matchesDimensions,
  percentile,
  selectConversations,
} from './expectedMetrics';

const issueIntents = ['complaint', 'return_exchange', 'refund', 'delivery_problem', 'warranty_repair'];

export function expectDashboard(
  all: readonly ExpectedConversation[],
  filter: ExpectedFilter,
  now: number,
  days: readonly string[],
) {
  const selected = selectConversations(all, filter);
  const engaged = selected.filter((conversation) => conversation.engaged);
  const resolved = selected.filter((conversation) => conversation.model.resolvedAt !== null);
  const rated = selected.flatMap((conversation) =>
    conversation.csatRating === null ? [] : [conversation.csatRating],
  );
  const durations = (read: (conversation: ExpectedConversation) => number | null) =>
    selected.flatMap((conversation) => {
      const value = read(conversation);
      return value === null ? [] : [value];
    });
  const stats = (values: number[]) => ({
    count: values.length,
    averageSeconds: average(values),
    medianSeconds: percentile(values, 50),
    p90Seconds: percentile(values, 90),
  });
  const perDay = (items: readonly ExpectedConversation[]) =>
    days.map(
      (day) =>
        items.filter((conversation) => localDate(conversation.model.createdAt, filter.timeZone) === day)
          .length,
    );
  return {
    overview: {
      conversations: selected.length,
      engaged: engaged.length,
      botContained: selected.filter((conversation) => conversation.contained).length,
      handedOff: selected.filter((conversation) => conversation.handedOff).length,
      resolved: resolved.length,
      firstContactResolved: resolved.filter((conversation) => isFirstContactResolution(conversation, all))
        .length,
      messages: {
        customer: sum(selected.map((conversation) => conversation.customerMessages)),
        bot: sum(selected.map((conversation) => conversation.botMessages)),
        agent: sum(selected.map((conversation) => conversation.agentMessages)),
      },
      csat: { rated: rated.length, average: average(rated) },
    },
    volumeByChannel: Object.fromEntries(countBy(selected, (conversation) => conversation.model.channel)),
    volumeByHour: Array.from(
      { length: 24 },
      (_, hour) =>
        selected.filter((conversation) => localHour(conversation.model.createdAt, filter.timeZone) === hour)
          .length,
    ),
    volumeByDay: perDay(selected),
    categories: Object.fromEntries(countBy(selected, (conversation) => conversation.category)),
    intents: Object.fromEntries(countBy(selected, (conversation) => conversation.intent ?? 'null')),
    handoffReasons: Object.fromEntries(
      countBy(
        engaged.filter((conversation) => conversation.handedOff),
        (conversation) => conversation.handoffReason,
      ),
    ),
    containedByDay: perDay(engaged.filter((conversation) => conversation.contained)),
    responseTimes: {
      firstResponse: stats(durations((conversation) => conversation.firstResponseSeconds)),
      handling: stats(durations((conversation) => conversation.handlingSeconds)),
      resolution: stats(durations((conversation) => conversation.resolutionSeconds)),
    },
    csat: {
      requested: selected.filter((conversation) => conversation.csatRequested).length,
      rated: rated.length,
      distribution: [1, 2, 3, 4, 5].map((stars) => rated.filter((rating) => rating === stars).length),
    },
    backlog: expectBacklog(all, filter, now, days),
    agents: expectAgents(selected),
    productIssues: Object.fromEntries(
      countBy(
        selected.filter(
          (conversation) =>
            conversation.productId !== null &&
            ((conversation.intent !== null && issueIntents.includes(conversation.intent)) ||
              conversation.model.issueReason !== null),
        ),
        (conversation) => conversation.productId,
      ),
    ),
    questions: expectQuestions(all, filter),
  };
}

function expectBacklog(
  all: readonly ExpectedConversation[],
  filter: ExpectedFilter,
  now: number,
  days: readonly string[],
) {
  const dimensioned = all.filter((conversation) => matchesDimensions(conversation, filter));
  const open = dimensioned.filter((conversation) =>
    ['queued', 'assigned'].includes(conversation.model.status),
  );
  const withPeople = dimensioned.filter(
    (conversation) => conversation.humanStartAt !== null && conversation.model.status !== 'bot',
  );
  const nowMinute = Math.floor(now / 60_000);
  const limits = [60, 240, 1440];
  const openByAge = [0, 0, 0, 0];
  for (const conversation of open) {
    const start =
      conversation.humanStartAt === null ? nowMinute : Math.floor(conversation.humanStartAt / 60_000);
    const index = limits.findIndex((limit) => nowMinute - start < limit);
    const bucket = index === -1 ? 3 : index;
    openByAge[bucket] = (openByAge[bucket] ?? 0) + 1;
  }
  return {
    open: Object.fromEntries(countBy(open, (conversation) => conversation.model.status)),
    openByAge,
    endOfDay: days.map(
      (day) =>
        withPeople.filter((conversation) => {
          const started = localDate(conversation.humanStartAt ?? 0, filter.timeZone) <= day;
          const resolvedAt = conversation.model.resolvedAt;
          return started && (resolvedAt === null || localDate(resolvedAt, filter.timeZone) > day);
        }).length,
    ),
  };
}

function expectAgents(selected: readonly ExpectedConversation[]) {
  const byAgent = new Map<string, ExpectedConversation[]>();
  for (const conversation of selected)
    if (conversation.agentId)
      byAgent.set(conversation.agentId, [...(byAgent.get(conversation.agentId) ?? []), conversation]);
  const values = (items: ExpectedConversation[], read: (item: ExpectedConversation) => number | null) =>
    items.flatMap((item) => {
      const value = read(item);
      return value === null ? [] : [value];
    });
  return Object.fromEntries(
    [...byAgent.entries()].map(([agentId, items]) => [
      agentId,
      {
        handled: items.length,
        resolved: items.filter((item) => item.model.resolvedAt !== null).length,
        agentMessages: sum(items.map((item) => item.agentMessages)),
        averageFirstResponseSeconds: average(values(items, (item) => item.firstResponseSeconds)),
        averageHandlingSeconds: average(values(items, (item) => item.handlingSeconds)),
        csatRated: values(items, (item) => item.csatRating).length,
        csatAverage: average(values(items, (item) => item.csatRating)),
      },
    ]),
  );
}

function expectQuestions(all: readonly ExpectedConversation[], filter: ExpectedFilter) {
  const asked = all
    .filter((conversation) => matchesDimensions(conversation, filter))
    .flatMap((conversation) => conversation.model.questions)
    .filter((question) => inRange(question.at, filter));
  const byText = new Map<string, { asked: number; answered: number }>();
  for (const question of asked) {
    const counts = byText.get(question.text) ?? { asked: 0, answered: 0 };
    counts.asked += 1;
    if (question.outcome === 'answered') counts.answered += 1;
    byText.set(question.text, counts);
  }
  return {
    byText: Object.fromEntries(byText),
    gapQuestions: asked.filter(
      (question) => question.outcome !== 'answered' || question.feedback === 'not_helpful',
    ).length,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Ticket SLA targets due in the range: met on time, missed (breached, late or overdue); running ones left out. */
export function expectSla(
  all: readonly ExpectedConversation[],
  filter: ExpectedFilter & { teamId?: string },
  now: number,
) {
  const tally = new Map<string, { met: number; missed: number }>();
  for (const { model } of all) {
    const ticket = model.ticket;
    if (!ticket) continue;
    if (filter.channel && ticket.channel !== filter.channel) continue;
    if (filter.category && ticket.category !== filter.category) continue;
    if (filter.agentIds || filter.teamId) {
      const byAgent = ticket.assigneeId !== null && (filter.agentIds ?? []).includes(ticket.assigneeId);
      if (!byAgent && !(filter.teamId && ticket.teamId === filter.teamId)) continue;
    }
    for (const target of ticket.targets) {
      if (!inRange(target.dueAt, filter)) continue;
      let outcome: 'met' | 'missed' | null;
      if (target.breachedAt !== null) outcome = 'missed';
      else if (target.metAt !== null) outcome = target.metAt <= target.dueAt ? 'met' : 'missed';
      else outcome = target.dueAt <= now ? 'missed' : null;
      if (outcome === null) continue;
      const counts = tally.get(target.target) ?? { met: 0, missed: 0 };
      counts[outcome] += 1;
      tally.set(target.target, counts);
    }
  }
  return Object.fromEntries(tally);
}
