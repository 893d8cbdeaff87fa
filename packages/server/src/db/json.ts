import type { z } from 'zod';

/** Parses a JSON text column and validates it, so a corrupt row fails loudly instead of spreading. */
export function parseJsonColumn<Schema extends z.ZodType>(text: string, schema: Schema): z.infer<Schema> {
  return schema.parse(JSON.parse(text));
}
