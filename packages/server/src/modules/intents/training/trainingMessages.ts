import { z } from 'zod';

const labelledSchema = z.object({ text: z.string(), label: z.string() });

/** What the training thread is given: the built-in corpus, the shop's examples and the model to compare with. */
export const trainingInputSchema = z.object({
  training: z.array(labelledSchema.extend({ group: z.number(), lang: z.enum(['zh-Hans', 'zh-Hant', 'en']) })),
  shopExamples: z.array(labelledSchema),
  heldout: z.array(labelledSchema),
  /** The serialised model the bot uses now; null: the shipped model. */
  baselineModel: z.string().nullable(),
});
export type TrainingInput = z.infer<typeof trainingInputSchema>;

export const trainingOutputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), percent: z.number() }),
  z.object({
    type: z.literal('done'),
    model: z.string(),
    accuracyBefore: z.number(),
    accuracyAfter: z.number(),
  }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);
export type TrainingOutput = z.infer<typeof trainingOutputSchema>;
