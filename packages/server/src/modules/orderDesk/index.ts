// The order desk module's public surface: other modules use it only through what is exported here.
export { OrderDesk } from './orderDesk';
export { orderDeskRoutes } from './routes';
export type { OrderView } from './schemas';
