// The tickets module's public surface: other modules use it only through what is exported here.
export { ticketRoutes } from './routes';
export { TicketService } from './service';
export { listenForTicketWork } from './listeners';
export { slaAlertSchema, ticketSchema } from './schemas';
export type { Ticket, TicketDetail } from './schemas';
export { readTicket } from './ticketWrites';
