// The canned replies module's public surface: other modules use it only through what is exported here.
export { CannedReplies } from './cannedReplies';
export { cannedReplyRoutes } from './routes';
