import {
  IntentClassifier,
  loadDefaultEngine,
  NluEngine,
  type Analysis,
  type AnalyzeOptions,
} from '@kefu/nlu';
import type { Db } from '../../db/database';

/** The intent model the bot uses in this process: the promoted version, or the shipped one. */
export class ActiveIntentModel {
  private engine: NluEngine = loadDefaultEngine();
  private loadedId: string | null = null;

  constructor(private readonly db: Db) {}

  get modelId(): string | null {
    return this.loadedId;
  }

  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    return this.engine.analyze(text, options);
  }

  /** Reads which version is promoted and loads it (on start and after a promotion anywhere). */
  async load(): Promise<void> {
    const row = await this.db
      .selectFrom('intent_models')
      .select(['id', 'model'])
      .where('is_active', '=', 1)
      .executeTakeFirst();
    if (!row?.model) {
      this.engine = loadDefaultEngine();
      this.loadedId = null;
      return;
    }
    if (row.id === this.loadedId) return;
    this.engine = new NluEngine(IntentClassifier.fromJSON(JSON.parse(row.model)));
    this.loadedId = row.id;
  }
}
