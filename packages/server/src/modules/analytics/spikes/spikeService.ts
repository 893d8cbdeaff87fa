import type { SpikeAlertNotice } from '@kefu/sdk';
import type { Clock } from '../../../clock';
import type { Db } from '../../../db/database';
import { KefuError } from '../../../errors';
import type { UnitOfWork } from '../../../events/outbox';
import { newId } from '../../../ids';
import type { ReportLocale } from '../labels';
import type { ReportDirectory } from '../reports/nameDirectory';
import { loadNameDirectory } from '../reports/nameDirectory';
import { listOpeningCustomerTexts } from '../sources/conversationRecords';
import { describeStory, toSpikeAlert } from './alertMapping';
import type { SpikeAlert } from './alertSchemas';
import {
  acknowledgeAlert,
  findRecentAlert,
  insertAlert,
  listAlerts,
  updateAlertDetection,
} from './alertRepo';
import { maskExcerpt } from './maskExcerpt';
import type { SpikeSettings } from './spikeDetector';
import { defaultSpikeSettings } from './spikeDetector';
import type { SpikeStory } from './spikeFindings';
import { findSpikeStories } from './spikeFindings';
import type { WindowSpec } from './topicCounts';

export interface SpikeWatch {
  windowMinutes: number;
  baselineDays: number;
  /** A topic raised again within this time updates its alert instead of raising a new one. */
  coolDownMs: number;
  thresholds: SpikeSettings;
}

export const defaultSpikeWatch: SpikeWatch = {
  windowMinutes: 60,
  baselineDays: 7,
  coolDownMs: 6 * 3_600_000,
  thresholds: defaultSpikeSettings,
};

const maxAlertsPerRun = 10;
const examplesPerAlert = 5;

/** Spots topics surging or appearing in the last window, raises each once per cool-down, lists and acknowledges. */
export class SpikeService {
  constructor(
    private readonly db: Db,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly directory: ReportDirectory,
    private readonly watch: SpikeWatch = defaultSpikeWatch,
  ) {}

  /** One detection over the window ending now; returns the alerts newly raised (already announced). */
  async detect(): Promise<SpikeAlertNotice[]> {
    const now = this.clock.now();
    const spec: WindowSpec = {
      endMinute: Math.floor(now.getTime() / 60_000),
      windowMinutes: this.watch.windowMinutes,
      days: this.watch.baselineDays,
    };
    const stories = await findSpikeStories(this.db, spec, this.watch.thresholds, maxAlertsPerRun);
    const raised: SpikeAlertNotice[] = [];
    for (const story of stories) {
      const notice = await this.raiseOrRefresh(story, spec, now);
      if (notice) raised.push(notice);
    }
    return raised;
  }

  async list(filter: { status: 'open' | 'all'; limit: number; locale: ReportLocale }): Promise<SpikeAlert[]> {
    const rows = await listAlerts(this.db, filter);
    const names = await loadNameDirectory(this.directory, filter.locale);
    return rows.map((row) => toSpikeAlert(row, names, filter.locale));
  }

  async acknowledge(alertId: string, agentId: string, locale: ReportLocale): Promise<SpikeAlert> {
    const row = await acknowledgeAlert(this.db, alertId, agentId, this.clock.now().toISOString());
    if (!row) throw new KefuError('alert_not_found');
    return toSpikeAlert(row, await loadNameDirectory(this.directory, locale), locale);
  }

  /** A new alert (announced after commit), or, within the cool-down of the topic's last one, an update of it. */
  private async raiseOrRefresh(
    story: SpikeStory,
    spec: WindowSpec,
    now: Date,
  ): Promise<SpikeAlertNotice | null> {
    const { finding, relatedKeywords } = story;
    const exampleIds = story.conversationIds.slice(0, examplesPerAlert);
    const texts = await listOpeningCustomerTexts(this.db, exampleIds);
    const examples = exampleIds.map((conversationId) => ({
      conversationId,
      excerpt: maskExcerpt(texts.get(conversationId) ?? ''),
    }));
    const detection = {
      related_topics: JSON.stringify(relatedKeywords),
      window_start: new Date((spec.endMinute - spec.windowMinutes) * 60_000).toISOString(),
      window_end: new Date(spec.endMinute * 60_000).toISOString(),
      count: finding.count,
      expected: finding.expected,
      score: finding.score,
      examples: JSON.stringify(examples),
      last_detected_at: now.toISOString(),
    };
    const [zh, en] = await Promise.all([
      loadNameDirectory(this.directory, 'zh-CN'),
      loadNameDirectory(this.directory, 'en'),
    ]);
    const coolDownStart = new Date(now.getTime() - this.watch.coolDownMs).toISOString();
    return this.unitOfWork.run(async (context) => {
      const recent = await findRecentAlert(context.trx, finding.topicKind, finding.topic, coolDownStart);
      if (recent) {
        await updateAlertDetection(context.trx, recent.id, detection);
        return null;
      }
      const id = newId('alr');
      await insertAlert(context.trx, {
        id,
        kind: finding.kind,
        topic_kind: finding.topicKind,
        topic: finding.topic,
        ...detection,
        status: 'open',
        detected_at: now.toISOString(),
        acknowledged_by: null,
        acknowledged_at: null,
      });
      const alert: SpikeAlertNotice = {
        id,
        kind: finding.kind,
        topicKind: finding.topicKind,
        topicLabel: {
          'zh-CN': describeStory(finding.topicKind, finding.topic, relatedKeywords, zh, 'zh-CN'),
          en: describeStory(finding.topicKind, finding.topic, relatedKeywords, en, 'en'),
        },
        count: finding.count,
        expected: finding.expected,
        windowStart: detection.window_start,
        windowEnd: detection.window_end,
        conversationIds: exampleIds,
      };
      await context.emit('analytics.spike_detected', { alert });
      return alert;
    });
  }
}
