import { useState } from 'react';
import { Chat } from './Chat';
import { pickTexts } from './texts';

const demoShoppers = [
  { id: 'cus_demo_01', name: '张伟' },
  { id: 'cus_demo_02', name: '李娜' },
  { id: 'cus_demo_03', name: 'Wang Fang' },
];

/** Sign in as a demo shopper (the dev server signs the identity, as a shop's backend would), then chat. */
export function App() {
  const { texts, locale } = pickTexts(navigator.language);
  const [identity, setIdentity] = useState<{ shopCustomerId: string; signature: string } | null>(null);
  const [status, setStatus] = useState<'idle' | 'busy' | 'failed'>('idle');

  const signIn = async (shopCustomerId: string) => {
    setStatus('busy');
    const response = await fetch(`/dev/identity?shopCustomerId=${encodeURIComponent(shopCustomerId)}`).catch(
      () => null,
    );
    const body: unknown = response?.ok ? await response.json() : null;
    if (isIdentity(body)) {
      setIdentity(body);
      setStatus('idle');
    } else setStatus('failed');
  };

  return (
    <main className="app">
      <h1>{texts.title}</h1>
      {identity ? (
        <Chat identity={identity} locale={locale} texts={texts} onSignOut={() => setIdentity(null)} />
      ) : (
        <section className="sign-in">
          <h2>{texts.signInAs}</h2>
          {demoShoppers.map((shopper) => (
            <button key={shopper.id} disabled={status === 'busy'} onClick={() => void signIn(shopper.id)}>
              {shopper.name}
            </button>
          ))}
          {status === 'busy' && <p>{texts.signingIn}</p>}
          {status === 'failed' && <p role="alert">{texts.signInFailed}</p>}
        </section>
      )}
    </main>
  );
}

function isIdentity(value: unknown): value is { shopCustomerId: string; signature: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'shopCustomerId' in value &&
    typeof value.shopCustomerId === 'string' &&
    'signature' in value &&
    typeof value.signature === 'string'
  );
}
