// Fetching a company's pages politely and safely: our own user agent, a time limit for connecting
// and one for the whole visit, a size limit on what is read (after decompression), a bounded number
// of redirects with the address guard applied to every hop, and robots.txt.
import type { LookupFunction } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import robotsParserModule from 'robots-parser';
import { Agent, request } from 'undici';
import { checkUrl, guardedLookup, RefusedAddressError } from './network-guard.ts';

interface Robots {
  isAllowed(url: string, userAgent: string): boolean | undefined;
}
// The package is CommonJS: its module.exports is the parser function, which its typings call `default`.
const robotsParser = robotsParserModule as unknown as (url: string, contents: string) => Robots;

export interface SiteFetchOptions {
  /** `BakenBot/<version> (+<url>)`; its first word is the name robots.txt rules are matched against. */
  userAgent: string;
  connectTimeoutMs: number;
  /** For the whole visit: robots.txt, redirects and the page together. */
  totalTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Only for tests against a server on 127.0.0.1; never set from the environment. */
  allowPrivateNetwork: boolean;
  /** The system resolver unless a test gives its own. */
  lookup?: LookupFunction;
}

export type FetchFailure =
  | 'refused'
  | 'robots'
  | 'timeout'
  | 'too_large'
  | 'redirects'
  | 'status'
  | 'network';

/** Why a page could not be read, in words for the person who asked. */
export class SiteFetchError extends Error {
  constructor(
    readonly reason: FetchFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SiteFetchError';
  }
}

export interface FetchedPage {
  url: URL;
  status: number;
  headers: Record<string, string[]>;
  body: Buffer;
}

const ROBOTS_MAX_BYTES = 512 * 1024;

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

function headerLists(headers: Record<string, string | string[] | undefined>): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) lists[name.toLowerCase()] = Array.isArray(value) ? value : [value];
  }
  return lists;
}

function decoded(body: Readable, encoding: string | undefined): Readable {
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : null;
  return decoder ? pipeline(body, decoder, () => {}) : body;
}

/** One visit to one site: shares connections and the time limit between robots.txt, redirects and page. */
export class SiteVisit {
  private readonly agent: Agent;
  private readonly deadline = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly robots = new Map<string, Robots | 'all' | 'none'>();
  private readonly robotsName: string;

  constructor(private readonly options: SiteFetchOptions) {
    this.agent = new Agent({
      connect: {
        timeout: options.connectTimeoutMs,
        lookup: options.lookup ?? guardedLookup(options.allowPrivateNetwork),
      },
      headersTimeout: options.totalTimeoutMs,
      bodyTimeout: options.totalTimeoutMs,
      connections: 2,
    });
    this.timer = setTimeout(() => this.deadline.abort(), options.totalTimeoutMs);
    this.robotsName = options.userAgent.split('/')[0] as string;
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    await this.agent.destroy();
  }

  /** The page at `url` after redirects, if robots.txt lets BakenBot read it. */
  async page(url: URL): Promise<FetchedPage> {
    return this.follow(url, this.options.maxBytes, true);
  }

  private async follow(start: URL, maxBytes: number, obeyRobots: boolean): Promise<FetchedPage> {
    let url = start;
    for (let hop = 0; ; hop++) {
      try {
        checkUrl(url, this.options.allowPrivateNetwork);
      } catch (error) {
        throw this.explain(error, url);
      }
      if (obeyRobots && !(await this.allowedByRobots(url))) {
        throw new SiteFetchError(
          'robots',
          `${url.host}/robots.txt asks ${this.robotsName} not to read ${url.pathname}.`,
        );
      }
      const response = await this.get(url, maxBytes);
      const location = response.headers.location?.[0];
      if (response.status < 300 || response.status >= 400 || !location) return response;
      if (hop >= this.options.maxRedirects) {
        throw new SiteFetchError(
          'redirects',
          `${start.host} redirects more than ${this.options.maxRedirects} times.`,
        );
      }
      url = new URL(location, url);
    }
  }

  private async get(url: URL, maxBytes: number): Promise<FetchedPage> {
    try {
      const response = await request(url, {
        dispatcher: this.agent,
        method: 'GET',
        signal: this.deadline.signal,
        headers: {
          'user-agent': this.options.userAgent,
          accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
          'accept-language': 'nl,en;q=0.8',
        },
      });
      const headers = headerLists(response.headers);
      const declared = Number(headers['content-length']?.[0] ?? Number.NaN);
      if (declared > maxBytes) {
        response.body.destroy();
        throw this.tooLarge(url, maxBytes);
      }
      if (response.statusCode >= 300 && response.statusCode < 400) {
        await response.body.dump();
        return { url, status: response.statusCode, headers, body: Buffer.alloc(0) };
      }
      const body = await this.read(decoded(response.body, headers['content-encoding']?.[0]), url, maxBytes);
      return { url, status: response.statusCode, headers, body };
    } catch (error) {
      throw this.explain(error, url);
    }
  }

  private async read(stream: Readable, url: URL, maxBytes: number): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        stream.destroy();
        throw this.tooLarge(url, maxBytes);
      }
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  private tooLarge(url: URL, maxBytes: number) {
    return new SiteFetchError(
      'too_large',
      `${url.href} is larger than ${megabytes(maxBytes)}; Baken stopped reading it.`,
    );
  }

  /** RFC 9309: no robots.txt (4xx) allows everything; one the server fails to give (5xx) allows nothing. */
  private async allowedByRobots(url: URL): Promise<boolean> {
    let robots = this.robots.get(url.origin);
    if (!robots) {
      const address = new URL('/robots.txt', url.origin);
      const response = await this.follow(address, ROBOTS_MAX_BYTES, false).catch((error: unknown) => {
        if (error instanceof SiteFetchError && error.reason === 'too_large') return null;
        throw error;
      });
      if (!response || response.status >= 500) robots = 'none';
      else if (response.status >= 400) robots = 'all';
      else robots = robotsParser(address.href, response.body.toString('utf8'));
      this.robots.set(url.origin, robots);
    }
    if (robots === 'all') return true;
    if (robots === 'none') return false;
    return robots.isAllowed(url.href, this.robotsName) !== false;
  }

  private explain(error: unknown, url: URL): Error {
    if (error instanceof SiteFetchError) return error;
    const chain: unknown[] = [];
    for (let cause: unknown = error; cause && chain.length < 5; cause = (cause as { cause?: unknown }).cause)
      chain.push(cause);
    const refused = chain.find((cause) => cause instanceof RefusedAddressError) as
      | RefusedAddressError
      | undefined;
    if (refused) return new SiteFetchError('refused', refused.message);
    const code = chain.map((cause) => (cause as { code?: string }).code).find(Boolean);
    if (
      this.deadline.signal.aborted ||
      code === 'UND_ERR_HEADERS_TIMEOUT' ||
      code === 'UND_ERR_BODY_TIMEOUT'
    ) {
      return new SiteFetchError(
        'timeout',
        `${url.host} did not answer within ${seconds(this.options.totalTimeoutMs)}; Baken gave up.`,
      );
    }
    if (code === 'UND_ERR_CONNECT_TIMEOUT') {
      return new SiteFetchError(
        'timeout',
        `${url.host} did not accept a connection within ${seconds(this.options.connectTimeoutMs)}.`,
      );
    }
    if (code === 'ENOTFOUND')
      return new SiteFetchError('network', `The domain ${url.hostname} does not exist.`);
    if (code === 'ECONNREFUSED') return new SiteFetchError('network', `${url.host} refused the connection.`);
    const message = error instanceof Error ? error.message : String(error);
    return new SiteFetchError('network', `${url.host} could not be read: ${message}`);
  }
}
