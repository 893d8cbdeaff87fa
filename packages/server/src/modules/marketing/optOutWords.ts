/**
 * What a shopper writes to stop offers. 退订 / unsubscribe also stop order notifications (the bot's notification
 * words); these are the ones about offers alone: "不要再发了", "别再推荐", "stop sending offers".
 */
export const marketingOptOutPattern =
  /退订|不要再?(给我)?(推送|发|推荐)(优惠|推荐|广告|促销|营销|了|这些|这种)|别再?(给我)?(推送|发|推荐)(优惠|推荐|广告|促销|营销|了|这些|这种)|^不要再发了?[。！!]?$|unsubscribe|stop sending|no more (offers|promotions|ads)/i;
