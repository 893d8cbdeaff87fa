import type { EventJobs } from '../../events/eventJobs';
import { conversationKey } from '../routing';
import type { CsatService } from './service';

/** A resolved conversation asks the shopper for a rating, as a job (once across all processes). */
export function listenForRatingRequests(eventJobs: EventJobs, csat: CsatService): void {
  eventJobs.listen(
    'conversation.resolved',
    'csat.request_rating',
    ({ payload }) => csat.requestRating(payload.conversation),
    { orderingKey: conversationKey },
  );
}
