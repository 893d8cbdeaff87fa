import { useEffect, useRef } from 'react';

/** Listens to keydown on the window with the latest handler, without re-subscribing every render. */
export function useGlobalKey(handler: (event: KeyboardEvent) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => latest.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
