import type { FastifyBaseLogger } from 'fastify';

export interface LlmSettings {
  /** e.g. http://127.0.0.1:8080 or https://api.example.com/v1 */
  baseUrl: string;
  apiKey: string | null;
  model: string;
  timeoutMs?: number;
}

export interface ComposerPassage {
  entryId: string;
  title: string;
  text: string;
}

export interface ComposedAnswer {
  text: string;
  /** The passages the answer cites, in citation order. */
  citedEntryIds: string[];
}

const refusalMarker = 'NO_ANSWER';

/**
 * Phrases an answer from retrieved passages through an OpenAI-compatible chat-completions endpoint.
 * Guard rails in code, not only in the prompt: no passages → no call; the model's refusal, an answer
 * without a valid citation, or a number that is in neither the passages nor the question (an invented
 * order number, amount or date) → null, and the caller falls back to the stored answer.
 */
export class LlmAnswerComposer {
  private readonly endpoint: string;

  constructor(
    private readonly settings: LlmSettings,
    private readonly logger: FastifyBaseLogger,
  ) {
    const base = settings.baseUrl.replace(/\/+$/, '');
    this.endpoint = base.endsWith('/v1') ? `${base}/chat/completions` : `${base}/v1/chat/completions`;
  }

  async compose(
    question: string,
    passages: readonly ComposerPassage[],
    language: 'zh' | 'en',
  ): Promise<ComposedAnswer | null> {
    if (passages.length === 0) return null;
    let content: string;
    try {
      content = await this.complete(buildMessages(question, passages, language));
    } catch (error) {
      this.logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'LLM composition failed',
      );
      return null;
    }
    return checkComposition(content, question, passages);
  }

  private async complete(messages: { role: string; content: string }[]): Promise<string> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.settings.apiKey) headers.authorization = `Bearer ${this.settings.apiKey}`;
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify({ model: this.settings.model, messages, temperature: 0 }),
      signal: AbortSignal.timeout(this.settings.timeoutMs ?? 8000),
    });
    if (!response.ok) throw new Error(`chat endpoint answered ${response.status}`);
    return readCompletionText(await response.json());
  }
}

export function checkComposition(
  content: string,
  question: string,
  passages: readonly ComposerPassage[],
): ComposedAnswer | null {
  const text = content.trim();
  if (text.length === 0 || text.includes(refusalMarker)) return null;
  const cited = [...text.matchAll(/\[(\d{1,2})\]/g)]
    .map((match) => Number(match[1]))
    .filter((number) => number >= 1 && number <= passages.length);
  if (cited.length === 0) return null;
  const sources = `${question}\n${passages.map((passage) => `${passage.title}\n${passage.text}`).join('\n')}`;
  const withoutCitations = text.replace(/\[\d{1,2}\]/g, '');
  const numbers = withoutCitations.match(/\d+(?:[.,:]\d+)*/g) ?? [];
  if (numbers.some((number) => !sources.includes(number))) return null;
  const citedEntryIds = [...new Set(cited)].flatMap((number) => {
    const passage = passages[number - 1];
    return passage ? [passage.entryId] : [];
  });
  return { text, citedEntryIds };
}

function buildMessages(question: string, passages: readonly ComposerPassage[], language: 'zh' | 'en') {
  const numbered = passages
    .map((passage, index) => `[${index + 1}] ${passage.title}\n${passage.text}`)
    .join('\n\n');
  const system = [
    "You are an online shop's customer-service assistant.",
    'Answer only from the numbered passages and cite each fact with its passage number, like [1].',
    `If the passages do not answer the question, reply exactly ${refusalMarker}.`,
    'Never state or guess anything about a particular order (numbers, amounts, dates, status, tracking):',
    'ask the shopper for the order number instead.',
    language === 'zh'
      ? 'Reply in simplified Chinese, briefly and politely.'
      : 'Reply in English, briefly and politely.',
  ].join(' ');
  return [
    { role: 'system', content: system },
    { role: 'user', content: `Passages:\n${numbered}\n\nQuestion: ${question}` },
  ];
}

function readCompletionText(body: unknown): string {
  if (typeof body !== 'object' || body === null || !('choices' in body) || !Array.isArray(body.choices))
    throw new Error('chat response has no choices');
  const [choice]: unknown[] = body.choices;
  if (typeof choice !== 'object' || choice === null || !('message' in choice))
    throw new Error('chat response has no message');
  const message: unknown = choice.message;
  if (
    typeof message !== 'object' ||
    message === null ||
    !('content' in message) ||
    typeof message.content !== 'string'
  )
    throw new Error('chat response message has no text');
  return message.content;
}
