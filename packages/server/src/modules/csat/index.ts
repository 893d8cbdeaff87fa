// The csat module's public surface: other modules use it only through what is exported here.
export { csatRoutes } from './routes';
export { CsatService, parseRatingText } from './service';
export { listenForRatingRequests } from './listeners';
