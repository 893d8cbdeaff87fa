import { TicketDetailPage } from './TicketDetailPage';
import { TicketsPage } from './TicketsPage';

/** `/tickets`, `/tickets/overdue` and `/tickets/:id`, loaded together on demand. */
export function TicketsScreen({ ticketId, overdue }: { ticketId: string | null; overdue: boolean }) {
  return ticketId ? (
    <TicketDetailPage key={ticketId} ticketId={ticketId} />
  ) : (
    <TicketsPage overdueOnly={overdue} />
  );
}
