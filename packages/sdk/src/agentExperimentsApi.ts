// Typed calls of the A/B tests of reply scripts over an agent client's session: `new KefuExperimentsApi(agentClient)`.
import type { KefuAgentClient } from './agentClient';
import {
  readEnum,
  readField,
  readList,
  readNullableString,
  readNumber,
  readString,
  requireRecord,
} from './agentWire';

export const experimentMetrics = ['containment', 'csat', 'engagement'] as const;
export type ExperimentMetric = (typeof experimentMetrics)[number];
export const experimentStatuses = ['draft', 'running', 'stopped'] as const;
export type ExperimentStatus = (typeof experimentStatuses)[number];
export const experimentVerdicts = ['not_enough_data', 'control', 'better', 'worse', 'no_difference'] as const;
export type ExperimentVerdict = (typeof experimentVerdicts)[number];

export interface ExperimentScript {
  key: string;
  kind: 'greeting' | 'rule' | 'knowledge';
  name: string;
  textZh: string;
  textEn: string;
  promotable: boolean;
}

export interface ExperimentVariant {
  key: string;
  name: string;
  weight: number;
  control: boolean;
  textZh: string | null;
  textEn: string | null;
}

export interface Experiment {
  id: string;
  name: string;
  scriptKey: string;
  metric: ExperimentMetric;
  status: ExperimentStatus;
  variants: ExperimentVariant[];
  winnerKey: string | null;
  createdAt: string;
  startedAt: string | null;
  stoppedAt: string | null;
  promotedAt: string | null;
}

/** The control first, without texts; then 1–3 variants with both texts. Weights are percentages summing to 100. */
export interface ExperimentInput {
  name: string;
  scriptKey: string;
  metric: ExperimentMetric;
  variants: { name: string; weight: number; textZh?: string; textEn?: string }[];
}

export interface ExperimentVariantResult {
  key: string;
  name: string;
  control: boolean;
  exposures: number;
  trials: number;
  conversions: number;
  rate: number;
  interval: { lower: number; upper: number };
  comparison: { difference: number; z: number; pValue: number } | null;
  verdict: ExperimentVerdict;
}

export interface ExperimentResults {
  experimentId: string;
  metric: ExperimentMetric;
  minimumSamplePerVariant: number;
  confidenceLevel: number;
  variants: ExperimentVariantResult[];
}

const base = '/api/v1/admin/experiments';

export class KefuExperimentsApi {
  constructor(private readonly client: Pick<KefuAgentClient, 'requestJson'>) {}

  async listScripts(): Promise<ExperimentScript[]> {
    return readList(await this.client.requestJson('GET', `${base}/scripts`), 'scripts', parseScript);
  }

  async list(): Promise<Experiment[]> {
    return readList(await this.client.requestJson('GET', base), 'experiments', parseExperiment);
  }

  async create(input: ExperimentInput): Promise<Experiment> {
    return parseExperiment(readField(await this.client.requestJson('POST', base, input), 'experiment'));
  }

  async start(id: string): Promise<Experiment> {
    return this.act(id, 'start', {});
  }

  async stop(id: string, winnerKey?: string): Promise<Experiment> {
    return this.act(id, 'stop', winnerKey ? { winnerKey } : {});
  }

  async promote(id: string): Promise<Experiment> {
    return this.act(id, 'promote', {});
  }

  async results(id: string): Promise<ExperimentResults> {
    const body = await this.client.requestJson('GET', `${base}/${encodeURIComponent(id)}/results`);
    return parseResults(readField(body, 'results'));
  }

  private async act(id: string, action: string, payload: object): Promise<Experiment> {
    const body = await this.client.requestJson(
      'POST',
      `${base}/${encodeURIComponent(id)}/${action}`,
      payload,
    );
    return parseExperiment(readField(body, 'experiment'));
  }
}

function parseScript(value: unknown): ExperimentScript {
  const record = requireRecord(value);
  return {
    key: readString(record, 'key'),
    kind: readEnum(record.kind, ['greeting', 'rule', 'knowledge'] as const),
    name: readString(record, 'name'),
    textZh: readString(record, 'textZh'),
    textEn: readString(record, 'textEn'),
    promotable: record.promotable === true,
  };
}

function parseExperiment(value: unknown): Experiment {
  const record = requireRecord(value);
  return {
    id: readString(record, 'id'),
    name: readString(record, 'name'),
    scriptKey: readString(record, 'scriptKey'),
    metric: readEnum(record.metric, experimentMetrics),
    status: readEnum(record.status, experimentStatuses),
    variants: readList(record, 'variants', (item) => {
      const variant = requireRecord(item);
      return {
        key: readString(variant, 'key'),
        name: readString(variant, 'name'),
        weight: readNumber(variant, 'weight'),
        control: variant.control === true,
        textZh: readNullableString(variant, 'textZh'),
        textEn: readNullableString(variant, 'textEn'),
      };
    }),
    winnerKey: readNullableString(record, 'winnerKey'),
    createdAt: readString(record, 'createdAt'),
    startedAt: readNullableString(record, 'startedAt'),
    stoppedAt: readNullableString(record, 'stoppedAt'),
    promotedAt: readNullableString(record, 'promotedAt'),
  };
}

function parseResults(value: unknown): ExperimentResults {
  const record = requireRecord(value);
  return {
    experimentId: readString(record, 'experimentId'),
    metric: readEnum(record.metric, experimentMetrics),
    minimumSamplePerVariant: readNumber(record, 'minimumSamplePerVariant'),
    confidenceLevel: readNumber(record, 'confidenceLevel'),
    variants: readList(record, 'variants', (item) => {
      const variant = requireRecord(item);
      const interval = requireRecord(variant.interval);
      const comparison = variant.comparison === null ? null : requireRecord(variant.comparison);
      return {
        key: readString(variant, 'key'),
        name: readString(variant, 'name'),
        control: variant.control === true,
        exposures: readNumber(variant, 'exposures'),
        trials: readNumber(variant, 'trials'),
        conversions: readNumber(variant, 'conversions'),
        rate: readNumber(variant, 'rate'),
        interval: { lower: readNumber(interval, 'lower'), upper: readNumber(interval, 'upper') },
        comparison: comparison && {
          difference: readNumber(comparison, 'difference'),
          z: readNumber(comparison, 'z'),
          pValue: readNumber(comparison, 'pValue'),
        },
        verdict: readEnum(variant.verdict, experimentVerdicts),
      };
    }),
  };
}
