import { KefuError } from '../../errors';

/** A channel's raw request body as JSON, or a 400 (the bytes were kept raw for the signature). */
export function parseJsonBody(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new KefuError('invalid_json');
  }
}
