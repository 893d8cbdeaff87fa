// A small History API router: the console lives under /console and the server answers every path
// below it with index.html, so deep links (a conversation, an admin screen) survive a reload.
import { useEffect, useState } from 'react';

export type ConsoleRoute =
  | { screen: 'inbox'; conversationId: string | null }
  | { screen: 'agents' }
  | { screen: 'botRules' }
  | { screen: 'canned' };

const basePath = '/console';

export function parseRoute(pathname: string): ConsoleRoute {
  const path = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname;
  const segments = path.split('/').filter(Boolean);
  if (segments[0] === 'admin' && segments[1] === 'agents') return { screen: 'agents' };
  if (segments[0] === 'admin' && segments[1] === 'bot') return { screen: 'botRules' };
  if (segments[0] === 'settings' && segments[1] === 'canned') return { screen: 'canned' };
  const conversationId = segments[0] === 'inbox' && segments[1] ? decodeURIComponent(segments[1]) : null;
  return { screen: 'inbox', conversationId };
}

export function routeToPath(route: ConsoleRoute): string {
  switch (route.screen) {
    case 'inbox':
      return `${basePath}/inbox${route.conversationId ? `/${encodeURIComponent(route.conversationId)}` : ''}`;
    case 'agents':
      return `${basePath}/admin/agents`;
    case 'botRules':
      return `${basePath}/admin/bot`;
    case 'canned':
      return `${basePath}/settings/canned`;
  }
}

export function navigate(route: ConsoleRoute): void {
  const path = routeToPath(route);
  if (window.location.pathname === path) return;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): ConsoleRoute {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}
