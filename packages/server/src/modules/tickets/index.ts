// The tickets module's public surface: other modules use it only through what is exported here.
export { ticketRoutes } from './routes';
export { TicketService } from './service';
export { SlaEvaluator } from './slaEvaluator';
export { SlaPolicyService } from './slaPolicyService';
export { slaRoutes } from './slaRoutes';
export { listenForTicketWork } from './listeners';
