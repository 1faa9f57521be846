import net from 'node:net';

type StoredCookie = { name: string; value: string; path: string };

/** A free TCP port on 127.0.0.1, so a test server can be configured with its public URL before it listens. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Just enough of a browser for protocol tests: a cookie jar that honours Path and expiry, and redirects followed
 * by hand so each hop can be inspected.
 */
export class TestBrowser {
  private readonly jar = new Map<string, StoredCookie>();

  constructor(private readonly origin: string) {}

  cookie(name: string): string | undefined {
    return [...this.jar.values()].find((c) => c.name === name)?.value;
  }

  async request(target: string | URL, init: RequestInit = {}): Promise<Response> {
    const url = new URL(target, this.origin);
    const headers = new Headers(init.headers);
    const cookies = url.origin === new URL(this.origin).origin ? [...this.jar.values()].filter((c) => url.pathname.startsWith(c.path)) : [];
    if (cookies.length > 0) headers.set('cookie', cookies.map((c) => `${c.name}=${c.value}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.store(line);
    return response;
  }

  /** Follows redirects until one points outside this server or at a path `stop` accepts; returns that location. */
  async follow(target: string | URL, stop: (url: URL) => boolean = () => false): Promise<{ location: URL; response: Response }> {
    let url = new URL(target, this.origin);
    for (let hop = 0; hop < 10; hop += 1) {
      const response = await this.request(url);
      const next = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !next) return { location: url, response };
      url = new URL(next, url);
      if (url.origin !== new URL(this.origin).origin || stop(url)) return { location: url, response };
    }
    throw new Error(`too many redirects, last at ${url.href}`);
  }

  private store(line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    let path = '/';
    let isExpired = value === '';
    for (const attribute of attributes) {
      const [key = '', attributeValue = ''] = attribute.split('=');
      if (key.toLowerCase() === 'path') path = attributeValue;
      if (key.toLowerCase() === 'expires' && Date.parse(attributeValue) <= Date.now()) isExpired = true;
      if (key.toLowerCase() === 'max-age' && Number(attributeValue) <= 0) isExpired = true;
    }
    const key = `${name};${path}`;
    if (isExpired) this.jar.delete(key);
    else this.jar.set(key, { name, value, path });
  }
}
