import { KefuError } from '../../../errors';

/**
 * A mini program's JSON push as its top-level fields, every value a string. MsgId is a 64-bit number that
 * JSON.parse would round, so its digits are quoted before parsing.
 */
export function readWeChatJson(text: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/("(?:MsgId|MsgID|CreateTime)"\s*:\s*)(\d+)/g, '$1"$2"'));
  } catch {
    throw new KefuError('invalid_json');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new KefuError('invalid_json');
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed))
    if (typeof value === 'string') fields[name] = value;
    else if (typeof value === 'number') fields[name] = String(value);
  return fields;
}
