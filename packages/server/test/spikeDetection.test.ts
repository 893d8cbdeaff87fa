// The spike detector on synthetic series: Poisson noise at every rate, a strong daily rhythm and a promotion
// that lifts the whole shop raise (next to) no alerts; a real surge and a new topic are found.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TopicWindowCounts, VolumeWindowCounts } from '../src/modules/analytics/spikes/spikeDetector';
import { detectSpikes } from '../src/modules/analytics/spikes/spikeDetector';
import { createRandom } from './helpers/historyModel';

const baselineDays = 7;

/** Knuth's Poisson sampler: fine for the small rates of one topic in one hour. */
function poisson(random: () => number, rate: number): number {
  const limit = Math.exp(-rate);
  let product = random();
  let count = 0;
  while (product > limit) {
    product *= random();
    count += 1;
  }
  return count;
}

interface Scenario {
  /** Each topic's hourly rate on the baseline days and now. */
  topics: { usual: number; now: number }[];
  seed: number;
}

/** One detection over Poisson counts drawn for every topic; returns the flagged topics' indexes. */
function flaggedTopics(scenario: Scenario): number[] {
  const random = createRandom(scenario.seed);
  const series: TopicWindowCounts[] = scenario.topics.map((topic, index) => {
    const baseline = Array.from({ length: baselineDays }, () => poisson(random, topic.usual));
    return {
      topicKind: 'keyword',
      topic: `topic-${index}`,
      current: poisson(random, topic.now),
      baseline,
      seenBefore: true,
    };
  });
  const volume: VolumeWindowCounts = {
    current: series.reduce((sum, topic) => sum + topic.current, 0),
    baseline: Array.from({ length: baselineDays }, (_, day) =>
      series.reduce((sum, topic) => sum + (topic.baseline[day] ?? 0), 0),
    ),
  };
  return detectSpikes(series, volume).map((finding) => Number(finding.topic.replace('topic-', '')));
}

function rates(count: number, seed: number, minimum: number, maximum: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => minimum + random() * (maximum - minimum));
}

test('noise: Poisson counts at rates from 0.2 to 30 an hour raise at most 1 alert in 1,000', () => {
  let flagged = 0;
  let evaluated = 0;
  for (let seed = 1; seed <= 30; seed++) {
    const usual = rates(200, seed * 7, 0.2, 30);
    flagged += flaggedTopics({ topics: usual.map((rate) => ({ usual: rate, now: rate })), seed }).length;
    evaluated += usual.length;
  }
  assert.ok(flagged <= evaluated / 1000, `${flagged} false alerts in ${evaluated} noise series`);
});

test('a daily rhythm (quiet nights, busy days) is compared hour with hour and raises nothing', () => {
  let flagged = 0;
  let evaluated = 0;
  for (let hour = 0; hour < 24; hour++) {
    const busy = 0.2 + 9.8 * Math.max(0, Math.sin(((hour - 6) / 24) * 2 * Math.PI));
    const usual = rates(100, hour + 100, 0.5, 3).map((rate) => rate * busy);
    flagged += flaggedTopics({
      topics: usual.map((rate) => ({ usual: rate, now: rate })),
      seed: hour,
    }).length;
    evaluated += usual.length;
  }
  assert.ok(flagged <= evaluated / 1000, `${flagged} false alerts over ${evaluated} hourly series`);
});

test('a promotion doubling the whole shop raises nothing, but a topic growing 4 times faster is found', () => {
  let flagged = 0;
  let found = 0;
  for (let seed = 1; seed <= 20; seed++) {
    const usual = [6, ...rates(99, seed * 13, 1, 20)];
    const topics = usual.map((rate, index) => ({ usual: rate, now: rate * (index === 0 ? 8 : 2) }));
    const flags = flaggedTopics({ topics, seed });
    if (flags.includes(0)) found += 1;
    flagged += flags.filter((index) => index !== 0).length;
  }
  assert.ok(flagged <= 2, `${flagged} of 1,980 steady topics flagged in a promotion`);
  assert.ok(found >= 19, `the fast-growing topic was found in ${found} of 20 promotions`);
});

test('a true surge is found: 3 an hour jumping to 20, 10 an hour to 35', () => {
  for (const [usual, surge] of [
    [3, 20],
    [10, 35],
  ] as const) {
    let found = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const topics = [
        { usual, now: surge },
        ...rates(50, seed, 0.5, 10).map((rate) => ({ usual: rate, now: rate })),
      ];
      if (flaggedTopics({ topics, seed }).includes(0)) found += 1;
    }
    assert.ok(found >= 95, `${usual} → ${surge} an hour found in ${found} of 100 runs`);
  }
});

test('slow growth (30 % up) is not a surge', () => {
  let flagged = 0;
  for (let seed = 1; seed <= 100; seed++) {
    const topics = [
      { usual: 8, now: 10.4 },
      ...rates(20, seed, 0.5, 10).map((rate) => ({ usual: rate, now: rate })),
    ];
    if (flaggedTopics({ topics, seed }).includes(0)) flagged += 1;
  }
  assert.ok(flagged <= 2, `30 % growth flagged in ${flagged} of 100 runs`);
});

test('a keyword never seen before is a new topic once it reaches 5 conversations, not before history exists', () => {
  const volume = { current: 60, baseline: [50, 55, 48, 52, 61, 47, 53] };
  const unseen = (current: number): TopicWindowCounts => ({
    topicKind: 'keyword',
    topic: '发霉',
    current,
    baseline: [0, 0, 0, 0, 0, 0, 0],
    seenBefore: false,
  });
  assert.deepEqual(
    detectSpikes([unseen(6)], volume).map((finding) => [finding.kind, finding.topic, finding.count]),
    [['new_topic', '发霉', 6]],
  );
  assert.deepEqual(detectSpikes([unseen(3)], volume), [], 'three conversations are not yet a topic');
  assert.deepEqual(
    detectSpikes([unseen(6)], { current: 6, baseline: [0, 0, 0, 0, 0, 0, 0] }),
    [],
    'on a fresh install everything is new: nothing is told',
  );
  const intentFromNothing: TopicWindowCounts = { ...unseen(6), topicKind: 'intent', topic: 'complaint' };
  assert.deepEqual(
    detectSpikes([intentFromNothing], volume).map((finding) => finding.kind),
    ['surge'],
    'an intent is a fixed topic: from none to six is a surge',
  );
});
