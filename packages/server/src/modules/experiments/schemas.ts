import { z } from 'zod';

export const experimentMetrics = ['containment', 'csat', 'engagement'] as const;
export type ExperimentMetric = (typeof experimentMetrics)[number];
export const experimentStatuses = ['draft', 'running', 'stopped'] as const;
export type ExperimentStatus = (typeof experimentStatuses)[number];

const variantTextSchema = z.string().trim().max(2000);

export const variantInputSchema = z
  .object({
    name: z.string().trim().min(1).max(60),
    weight: z.number().int(),
    textZh: variantTextSchema.optional(),
    textEn: variantTextSchema.optional(),
  })
  .strict();

/** The control comes first and says the script's current text; each other variant brings both languages. */
export const experimentInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    scriptKey: z.string().trim().min(1).max(100),
    metric: z.enum(experimentMetrics),
    variants: z.array(variantInputSchema).max(10),
  })
  .strict();
export type ExperimentInput = z.infer<typeof experimentInputSchema>;

export const experimentPatchSchema = experimentInputSchema.partial().strict();
export type ExperimentPatch = z.infer<typeof experimentPatchSchema>;

export const storedVariantSchema = z.object({
  key: z.string(),
  name: z.string(),
  weight: z.number().int(),
  control: z.boolean(),
  textZh: z.string().nullable(),
  textEn: z.string().nullable(),
});
export type ExperimentVariant = z.infer<typeof storedVariantSchema>;

export const experimentSchema = z.object({
  id: z.string(),
  name: z.string(),
  scriptKey: z.string(),
  metric: z.enum(experimentMetrics),
  status: z.enum(experimentStatuses),
  variants: z.array(storedVariantSchema),
  winnerKey: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  startedAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  promotedAt: z.string().nullable(),
});
export type Experiment = z.infer<typeof experimentSchema>;

export const stopInputSchema = z.object({ winnerKey: z.string().max(8).optional() }).strict();

export const experimentScriptSchema = z.object({
  key: z.string(),
  kind: z.enum(['greeting', 'rule', 'knowledge']),
  name: z.string(),
  textZh: z.string(),
  textEn: z.string(),
  /** Whether a winning text can be written back into the script. */
  promotable: z.boolean(),
});
export type ExperimentScript = z.infer<typeof experimentScriptSchema>;

export const verdicts = ['not_enough_data', 'control', 'better', 'worse', 'no_difference'] as const;

export const variantResultSchema = z.object({
  key: z.string(),
  name: z.string(),
  control: z.boolean(),
  exposures: z.number().int(),
  /** Who the rate is counted over: every exposure, or (CSAT) the exposures whose shopper rated. */
  trials: z.number().int(),
  conversions: z.number().int(),
  rate: z.number(),
  interval: z.object({ lower: z.number(), upper: z.number() }),
  /** Against the control; null on the control itself. */
  comparison: z.object({ difference: z.number(), z: z.number(), pValue: z.number() }).nullable(),
  verdict: z.enum(verdicts),
  /** Every outcome recorded, whichever metric the experiment judges by. */
  outcomes: z.object({
    handedOff: z.number().int(),
    replied: z.number().int(),
    rated: z.number().int(),
    satisfied: z.number().int(),
  }),
});
export type VariantResult = z.infer<typeof variantResultSchema>;

export const experimentResultsSchema = z.object({
  experimentId: z.string(),
  metric: z.enum(experimentMetrics),
  minimumSamplePerVariant: z.number().int(),
  confidenceLevel: z.number(),
  variants: z.array(variantResultSchema),
});
export type ExperimentResults = z.infer<typeof experimentResultsSchema>;
