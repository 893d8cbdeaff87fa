// The customers module's public surface: other modules use it only through what is exported here.
export { findVipTierOfCustomer, getCustomerProfile, resolveCustomerByIdentity } from './service';
export { findCustomerIdOfShopCustomer, findShopCustomerId } from './shopIdentity';
export { linkShopIdentity } from './shopIdentityRoutes';
export { resolveCustomerByPhone } from './phoneCustomers';
export { attachVerifiedKeys } from './verifiedKeys';
export type { VerifiedKey } from './verifiedKeys';
export { currentCustomerId } from './customerMerges';
export type { ConversationMover } from './customerMerges';
