import type { DbExecutor } from '../../../db/database';
import { keepOneStory } from './keepOneStory';
import type { SpikeFinding, SpikeSettings } from './spikeDetector';
import { detectSpikes } from './spikeDetector';
import type { WindowSpec } from './topicCounts';
import { countTopicWindows, findTopicsSeenBefore, listWindowConversations } from './topicCounts';
import { splitProductKeyword } from './topicNames';

/** A finding with the keywords that surged in the same conversations and the window's conversations. */
export interface SpikeStory {
  finding: SpikeFinding;
  /** Keywords told with this one (面包 with 发霉): they surged in mostly the same conversations. */
  relatedKeywords: string[];
  /** The window's conversations about it, newest first. */
  conversationIds: string[];
}

/** Keywords seen together this often in the same conversations are one story. */
const sharedConversationsForOneStory = 0.8;

/** The spikes of the window ending at `spec.endMinute`, strongest first, each story once. */
export async function findSpikeStories(
  db: DbExecutor,
  spec: WindowSpec,
  thresholds: SpikeSettings,
  limit: number,
): Promise<SpikeStory[]> {
  const { topics, volume } = await countTopicWindows(db, spec);
  const unseen = topics.filter((series) => !series.seenBefore);
  for (const kind of new Set(unseen.map((series) => series.topicKind))) {
    const ofKind = unseen.filter((series) => series.topicKind === kind);
    const seen = await findTopicsSeenBefore(
      db,
      spec,
      kind,
      ofKind.map((series) => series.topic),
    );
    for (const series of ofKind) series.seenBefore = seen.has(series.topic);
  }
  const stories: SpikeStory[] = [];
  for (const finding of keepOneStory(detectSpikes(topics, volume, thresholds))) {
    if (stories.length >= limit) break;
    const conversationIds = await listWindowConversations(
      db,
      spec,
      finding.topicKind,
      finding.topic,
      finding.count,
    );
    const twin = stories.find(
      (story) =>
        isSameFamily(story.finding, finding) &&
        sharedShare(story, conversationIds) >= sharedConversationsForOneStory,
    );
    if (twin) twin.relatedKeywords.push(keywordOf(finding));
    else stories.push({ finding, relatedKeywords: [], conversationIds });
  }
  return stories;
}

/** Two keywords, or two keywords about the same product. */
function isSameFamily(left: SpikeFinding, right: SpikeFinding): boolean {
  if (left.topicKind !== right.topicKind) return false;
  if (left.topicKind === 'keyword') return true;
  if (left.topicKind !== 'product_keyword') return false;
  return splitProductKeyword(left.topic)[0] === splitProductKeyword(right.topic)[0];
}

function sharedShare(story: SpikeStory, conversationIds: readonly string[]): number {
  if (conversationIds.length === 0) return 0;
  const known = new Set(story.conversationIds);
  return conversationIds.filter((id) => known.has(id)).length / conversationIds.length;
}

function keywordOf(finding: SpikeFinding): string {
  return finding.topicKind === 'product_keyword' ? splitProductKeyword(finding.topic)[1] : finding.topic;
}
