import { KefuMarketingApi } from '@kefu/sdk';
import { Tag, Tooltip } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { useMarketingText } from './marketingText';

/** On the customer's profile: shown when the shopper asked for no more recommendations and coupons. */
export function OfferConsentTag({ customerId }: { customerId: string }) {
  const text = useMarketingText();
  const { client } = useSession();
  const api = useMemo(() => new KefuMarketingApi(client), [client]);
  const [optedOut, setOptedOut] = useState<{ bySelf: boolean } | null>(null);
  useEffect(() => {
    let cancelled = false;
    setOptedOut(null);
    void api.consent(customerId).then(
      (consent) =>
        !cancelled && setOptedOut(consent.optedOut ? { bySelf: consent.source === 'shopper' } : null),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api, customerId]);
  if (!optedOut) return null;
  return (
    <Tooltip title={optedOut.bySelf ? text('consentOptedOutByShopper') : text('consentOptedOutByAgent')}>
      <Tag className="offer-consent" style={{ marginLeft: 8 }}>
        {text('consentOptedOut')}
      </Tag>
    </Tooltip>
  );
}
