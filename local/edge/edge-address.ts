/**
 * Where the edge port listens and which `Host` values it answers: loopback by default, whatever
 * the HTTP API's `--host` is (issue 21: `--host 0.0.0.0` used to put the AWS emulators on the LAN);
 * another address only when `--edge-host` asks (cli/start.ts then warns).
 */
import { loopbackHosts } from './edge-guard.ts';

/** The edge's address unless `--edge-host` says otherwise. */
export const DEFAULT_EDGE_HOST = '127.0.0.1';

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Whether `host` keeps a listener off the network. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase());
}

/**
 * The URL clients on this machine use for an edge bound to `host` on `port` (a wildcard bind is
 * reached on 127.0.0.1), and the `Host` values it accepts: the loopback names and the bound name;
 * any (`'any'`) for a wildcard bind, which the operator chose to open to the network.
 */
export function edgeAddress(host: string, port: number): { url: string; allowedHosts: ReadonlySet<string> | 'any' } {
  const wildcard = WILDCARD_HOSTS.has(host);
  const name = wildcard ? '127.0.0.1' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return { url: `http://${name}:${port}`, allowedHosts: wildcard ? 'any' : new Set([...loopbackHosts(port), `${name.toLowerCase()}:${port}`]) };
}
