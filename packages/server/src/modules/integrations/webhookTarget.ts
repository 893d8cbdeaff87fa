import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { BlockList, isIP } from 'node:net';
import { KefuError } from '../../errors';

// Guards against server-side request forgery: a webhook URL is chosen by an admin, but the request leaves from
// Kefu's own network, where loopback services, the LAN and cloud metadata endpoints (169.254.169.254) answer.
// Unless the admin allowed private networks for the subscription, every address the host resolves to must
// be public — checked when the URL is saved and again when each request connects (the checked address is the
// one connected to), so a DNS answer that changes later (rebinding) reaches nothing private either.

const privateRanges = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  privateRanges.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  privateRanges.addSubnet(network, prefix, 'ipv6');

/** True for loopback, private, link-local, shared, multicast and reserved addresses. */
export function isPrivateAddress(address: string): boolean {
  const mappedIpv4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mappedIpv4) return isPrivateAddress(mappedIpv4);
  const family = isIP(address);
  if (family === 0) return true;
  return privateRanges.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Parses and checks a webhook URL: https anywhere, http only to a loopback host (development), no credentials
 * in it; a host on a private network only when `allowPrivateNetwork`. Throws `webhook_target_refused` (400).
 */
export async function checkWebhookTarget(rawUrl: string, allowPrivateNetwork: boolean): Promise<URL> {
  const url = parseUrl(rawUrl);
  const host = hostOf(url);
  if (url.protocol === 'http:' && !isLoopbackHost(host))
    throw refused(
      'plain_http',
      'Use https; plain http is only for a receiver on this machine (localhost) in development',
    );
  if (allowPrivateNetwork) return url;
  const addresses = isIP(host) ? [host] : await resolveAll(host);
  if (addresses.some(isPrivateAddress))
    throw refused(
      'private_network',
      'The address is on a private network (loopback, LAN, link-local); allow private networks for this webhook to use it',
    );
  return url;
}

/** For `http.request`'s `lookup`: resolves as usual, then refuses private addresses unless allowed. */
export function guardedLookup(allowPrivateNetwork: boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { all: true, family: options.family ?? 0 })
      .then((found) => {
        const usable = allowPrivateNetwork
          ? found
          : found.filter((entry) => !isPrivateAddress(entry.address));
        const [first] = usable;
        if (!first) {
          callback(new Error(`${hostname} resolves only to private addresses`), '', 4);
          return;
        }
        if (options.all) callback(null, usable);
        else callback(null, first.address, first.family);
      })
      .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), '', 4));
  };
}

export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function parseUrl(rawUrl: string): URL {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw refused('invalid_url', 'Not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw refused('invalid_url', 'The URL must start with https://');
  if (url.username || url.password)
    throw refused('credentials_in_url', 'Put no user name or password in the URL');
  return url;
}

function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return isIP(host) !== 0 && (host === '::1' || host.startsWith('127.'));
}

async function resolveAll(host: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    throw refused('unresolvable', 'The host name does not resolve');
  }
}

/** Why a target was refused; `details.reason` of the error, for clients to put in words. */
export type TargetRefusal =
  'invalid_url' | 'plain_http' | 'credentials_in_url' | 'private_network' | 'unresolvable';

function refused(reason: TargetRefusal, message: string): KefuError {
  return new KefuError('webhook_target_refused', message, { reason });
}
