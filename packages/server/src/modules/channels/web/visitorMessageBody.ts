import { z } from 'zod';
import { clientMessageIdSchema, messageTextSchema } from '../../../http/wireSchemas';
import { maxPhotosPerMessage } from '../../uploads';

/** The body of POST /api/v1/visitor/messages: text, photos or both (a fixed contract of the visitor API). */
export const sendMessageBodySchema = z
  .object({
    text: messageTextSchema.optional(),
    /** Photos from POST /api/v1/visitor/uploads. */
    attachments: z
      .array(z.string().regex(/^upl_[0-9a-z]{1,40}$/, 'attachments holds upload ids (upl_…)'))
      .min(1)
      .max(maxPhotosPerMessage)
      .optional(),
    clientMessageId: clientMessageIdSchema.optional(),
  })
  .strict()
  .refine((body) => body.text !== undefined || body.attachments !== undefined, {
    message: 'a message needs text, attachments or both',
  });
