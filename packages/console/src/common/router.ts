// A small History API router: the console lives under /console and the server answers every path
// below it with index.html, so deep links (a conversation, an admin screen) survive a reload.
import { useEffect, useState } from 'react';

export type ConsoleRoute =
  | { screen: 'inbox'; conversationId: string | null }
  | { screen: 'agents' }
  | { screen: 'botRules' }
  | { screen: 'intents' }
  | { screen: 'experiments' }
  | { screen: 'canned' }
  | { screen: 'knowledge' }
  | { screen: 'queue' }
  | { screen: 'tickets'; ticketId: string | null; overdue: boolean }
  | { screen: 'serviceSettings'; tab: string }
  | { screen: 'insight'; tab: string; conversationId: string | null }
  | { screen: 'security'; tab: string }
  | { screen: 'marketing' }
  | { screen: 'setup' };

const basePath = '/console';

export function parseRoute(pathname: string): ConsoleRoute {
  const path = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname;
  const segments = path.split('/').filter(Boolean);
  if (segments[0] === 'admin' && segments[1] === 'agents') return { screen: 'agents' };
  if (segments[0] === 'admin' && segments[1] === 'bot') return { screen: 'botRules' };
  if (segments[0] === 'admin' && segments[1] === 'intents') return { screen: 'intents' };
  if (segments[0] === 'admin' && segments[1] === 'experiments') return { screen: 'experiments' };
  if (segments[0] === 'admin' && segments[1] === 'knowledge') return { screen: 'knowledge' };
  if (segments[0] === 'admin' && segments[1] === 'marketing') return { screen: 'marketing' };
  if (segments[0] === 'settings' && segments[1] === 'canned') return { screen: 'canned' };
  if (segments[0] === 'queue') return { screen: 'queue' };
  if (segments[0] === 'setup') return { screen: 'setup' };
  if (segments[0] === 'tickets') {
    const overdue = segments[1] === 'overdue';
    const ticketId = segments[1] && !overdue ? decodeURIComponent(segments[1]) : null;
    return { screen: 'tickets', ticketId, overdue };
  }
  if (segments[0] === 'insight')
    return {
      screen: 'insight',
      tab: segments[1] ?? 'dashboard',
      conversationId: segments[2] ? decodeURIComponent(segments[2]) : null,
    };
  if (segments[0] === 'admin' && segments[1] === 'integrations')
    return { screen: 'security', tab: 'integrations' };
  if (segments[0] === 'admin' && segments[1] === 'security')
    return { screen: 'security', tab: segments[2] ?? 'widget' };
  if (segments[0] === 'admin' && segments[1] === 'service')
    return { screen: 'serviceSettings', tab: segments[2] ?? 'sla' };
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
    case 'intents':
      return `${basePath}/admin/intents`;
    case 'experiments':
      return `${basePath}/admin/experiments`;
    case 'canned':
      return `${basePath}/settings/canned`;
    case 'knowledge':
      return `${basePath}/admin/knowledge`;
    case 'queue':
      return `${basePath}/queue`;
    case 'setup':
      return `${basePath}/setup`;
    case 'tickets':
      if (route.ticketId) return `${basePath}/tickets/${encodeURIComponent(route.ticketId)}`;
      return `${basePath}/tickets${route.overdue ? '/overdue' : ''}`;
    case 'serviceSettings':
      return `${basePath}/admin/service/${route.tab}`;
    case 'insight':
      return `${basePath}/insight/${route.tab}${route.conversationId ? `/${encodeURIComponent(route.conversationId)}` : ''}`;
    case 'security':
      return `${basePath}/admin/security/${route.tab}`;
    case 'marketing':
      return `${basePath}/admin/marketing`;
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
