// Which tabs of the security screen a role may open; the server decides again on every request.
export type SecurityTab = 'widget' | 'channels' | 'integrations' | 'roles' | 'tokens' | 'audit';

const tabPermissions: Record<SecurityTab, string> = {
  widget: 'channels:manage',
  channels: 'channels:accounts',
  integrations: 'integrations:manage',
  roles: 'agents:manage',
  tokens: 'tokens:manage',
  audit: 'audit:read',
};

export function securityTabsFor(permissions: readonly string[]): SecurityTab[] {
  const tabs: SecurityTab[] = ['widget', 'channels', 'integrations', 'roles', 'tokens', 'audit'];
  return tabs.filter((tab) => permissions.includes(tabPermissions[tab]));
}

export function canOpenSecurity(permissions: readonly string[]): boolean {
  return securityTabsFor(permissions).length > 0;
}
