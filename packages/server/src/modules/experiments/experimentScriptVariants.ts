import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { newId } from '../../ids';
import { pickLocalizedText } from '../../replyLocale';
import type { ScriptChoice, ScriptVariants } from '../bot';
import { assignVariant } from './assignVariant';
import * as experimentsRepo from './repo';
import { parseVariants } from './service';

/**
 * The bot's `ScriptVariants` port answered by the running experiment on the script, if any: the shopper's
 * assigned variant in the conversation's language, its exposure recorded once per conversation. The control,
 * or no running experiment, says the bot's own text.
 */
export class ExperimentScriptVariants implements ScriptVariants {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async choose(choice: ScriptChoice): Promise<string> {
    const experiment = await experimentsRepo.findRunningExperimentRow(this.db, choice.scriptKey);
    if (!experiment) return choice.original;
    const variant = assignVariant(experiment.id, choice.customerId, parseVariants(experiment));
    await experimentsRepo.insertExposureOnce(this.db, {
      id: newId('exx'),
      experiment_id: experiment.id,
      variant_key: variant.key,
      customer_id: choice.customerId,
      conversation_id: choice.conversationId,
      trigger_message_id: choice.triggerMessageId,
      exposed_at: this.clock.now().toISOString(),
      handed_off_at: null,
      replied_at: null,
      csat_rating: null,
    });
    if (variant.control || !variant.textZh || !variant.textEn) return choice.original;
    return pickLocalizedText(choice.locale, { zh: variant.textZh, en: variant.textEn });
  }
}
