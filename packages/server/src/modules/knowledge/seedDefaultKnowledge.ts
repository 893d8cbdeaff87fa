import { countEntries } from './repo';
import type { Db } from '../../db/database';
import { defaultKnowledge } from './defaultContent';
import type { KnowledgeService } from './service';

/** Publishes the default FAQ and articles on first start; a shop with any entry keeps its own. */
export async function seedDefaultKnowledgeIfEmpty(db: Db, knowledge: KnowledgeService): Promise<boolean> {
  if ((await countEntries(db)) > 0) return false;
  for (const entry of defaultKnowledge)
    await knowledge.createEntry({ id: null }, entry.kind, entry.content, { publish: true });
  return true;
}
