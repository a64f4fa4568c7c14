import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { TrustedProxies } from '../../config.ts';

/** Who sent a request and whether the browser's connection was https, as far as the trusted proxies tell. */
export interface RequestOrigin {
  client: string;
  https: boolean;
}

export interface RawOrigin {
  /** The socket's peer; undefined for requests made in-process (tests). */
  socket: string | undefined;
  forwardedFor: string | undefined;
  forwardedProto: string | undefined;
  /** The protocol of the connection the server itself accepted ('https:' when it terminates TLS). */
  protocol: string;
}

const plain = (a: string) => (a.startsWith('::ffff:') && isIP(a.slice(7)) === 4 ? a.slice(7) : a);
const list = (header: string | undefined) =>
  (header ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function blockList(addresses: string[]): BlockList {
  const b = new BlockList();
  for (const a of addresses) {
    const [ip = '', bits] = a.split('/');
    const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) b.addAddress(ip, type);
    else b.addSubnet(ip, Number(bits), type);
  }
  return b;
}

const trusts = new WeakMap<object, BlockList>();
function isTrusted(address: string, addresses: string[]): boolean {
  let b = trusts.get(addresses);
  if (!b) {
    b = blockList(addresses);
    trusts.set(addresses, b);
  }
  const kind = isIP(address);
  return kind !== 0 && b.check(address, kind === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client address and https-ness of a request. Without trusted proxies the socket is the client and
 * X-Forwarded-* headers are ignored (anyone can send them). With `{ hops: n }` the n nearest hops are proxies;
 * with `{ addresses }` a hop is a proxy when its address is listed. X-Forwarded-For is read from the right
 * (each proxy appends the address it saw), and X-Forwarded-Proto is the value written by the farthest trusted proxy.
 */
export function resolveOrigin(raw: RawOrigin, trust: TrustedProxies | null): RequestOrigin {
  const own = raw.protocol === 'https:';
  const socket = raw.socket ? plain(raw.socket) : undefined;
  if (!trust) return { client: socket ?? 'unknown', https: own };
  // Nearest first: the socket's peer, then what each proxy says it saw.
  const hops: (string | undefined)[] = [socket, ...list(raw.forwardedFor).map(plain).reverse()];
  let proxies = 0;
  if ('hops' in trust) proxies = Math.min(trust.hops, hops.length - 1);
  else while (proxies < hops.length - 1 && isTrusted(hops[proxies] ?? '', trust.addresses)) proxies++;
  const client = hops[proxies];
  const protos = list(raw.forwardedProto).map((p) => p.toLowerCase());
  const proto = proxies > 0 ? protos[Math.max(0, protos.length - proxies)] : undefined;
  return { client: client && isIP(client) ? client : (socket ?? 'unknown'), https: own || proto === 'https' };
}

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // requests made in-process (tests) have no socket
  }
}

/** The request's origin under the configured trust in proxies. */
export function requestOrigin(c: Context, trust: TrustedProxies | null): RequestOrigin {
  return resolveOrigin(
    { socket: socketAddress(c), forwardedFor: c.req.header('x-forwarded-for'), forwardedProto: c.req.header('x-forwarded-proto'), protocol: new URL(c.req.url).protocol },
    trust,
  );
}
