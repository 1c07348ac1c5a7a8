// @ts-check
// Plain JavaScript so that it runs as a worker under any loader (tsx, vitest, plain node).
// Runs PGlite in its own thread and speaks the PostgreSQL wire protocol on a unix socket, so that a
// long query never blocks the HTTP thread and both engines share one client path (`pg` + Kysely).
// Exactly one client connection is served at a time (others wait): PGlite has one session, and
// multiplexing clients over it leaks session state between them (DESIGN.md section 7).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

const SSL_REQUEST_CODE = 80877103;
const CANCEL_REQUEST_CODE = 80877102;
const PROTOCOL_V3 = 196608;

/** @type {import('./pglite-messages.ts').PgliteWorkerData} */
const options = workerData;
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);

/** @returns {Promise<PGlite>} */
async function openPglite() {
  const loadDataDir = options.loadDataDirFile
    ? new Blob([await readFile(options.loadDataDirFile)])
    : undefined;
  return PGlite.create({
    dataDir: options.dataDir,
    extensions: { pg_trgm },
    ...(loadDataDir ? { loadDataDir } : {}),
  });
}

/** Length of the first whole protocol message in `buffer`, or 0; startup messages have no type byte. */
/** @param {Buffer} buffer @param {boolean} started @returns {number} */
function messageLength(buffer, started) {
  const headerLength = started ? 5 : 8;
  if (buffer.length < headerLength) return 0;
  const length = started ? 1 + buffer.readInt32BE(1) : buffer.readInt32BE(0);
  return buffer.length >= length ? length : 0;
}

/**
 * Every message and clean-up runs in this one queue, across connections: a new client's first message
 * waits until the session the previous client left behind has been reset.
 */
let queue = Promise.resolve();

/** @param {PGlite} db @param {import('node:net').Socket} socket */
function serve(db, socket) {
  let buffer = Buffer.alloc(0);
  let started = false;
  socket.setNoDelay(true);

  /** @param {Uint8Array} chunk */
  const reply = (chunk) => {
    if (chunk.length > 0 && socket.writable) socket.write(Buffer.from(chunk));
  };
  /** @param {Buffer} message @param {boolean} untyped */
  const handle = async (message, untyped) => {
    const code = untyped ? message.readInt32BE(4) : 0;
    if (code === SSL_REQUEST_CODE) socket.write('N');
    else if (code !== CANCEL_REQUEST_CODE) {
      await db.execProtocolRawStream(new Uint8Array(message), { onRawData: reply });
    }
  };

  socket.on('data', (data) => {
    buffer = Buffer.concat([buffer, data]);
    for (let length = messageLength(buffer, started); length > 0; length = messageLength(buffer, started)) {
      const message = buffer.subarray(0, length);
      buffer = buffer.subarray(length);
      const untyped = !started;
      if (untyped && message.readInt32BE(4) === PROTOCOL_V3) started = true;
      queue = queue.then(() => handle(message, untyped)).catch((error) => socket.destroy(error));
    }
  });
  socket.on('close', () => {
    // The next client starts in a clean session: not inside a transaction a vanished client left
    // open, and without its prepared statements (their names would clash with the new client's).
    queue = queue
      .then(async () => {
        if (db.closed) return;
        if (db.isInTransaction()) await db.exec('ROLLBACK');
        await db.exec('DEALLOCATE ALL');
      })
      .catch(() => {});
  });
  socket.on('error', () => socket.destroy());
}

async function main() {
  const db = await openPglite();
  /** @type {import('node:net').Socket | null} */
  let client = null;
  /**
   * Connections that came while another was served wait their turn (the pool replaces a connection
   * it closed before this side has seen the close).
   * @type {import('node:net').Socket[]}
   */
  const waiting = [];
  /** @param {import('node:net').Socket} socket */
  const start = (socket) => {
    client = socket;
    serve(db, socket);
    socket.on('close', () => {
      client = null;
      const next = waiting.splice(0).filter((candidate) => !candidate.destroyed);
      const [first, ...rest] = next;
      waiting.push(...rest);
      if (first) start(first);
    });
  };
  const server = createServer((socket) => {
    if (client) {
      socket.on('error', () => socket.destroy());
      waiting.push(socket);
    } else start(socket);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.socketPath, resolve);
  });

  port.on('message', async (/** @type {import('./pglite-messages.ts').PgliteWorkerRequest} */ request) => {
    try {
      if (request.type === 'dump') {
        const blob = await db.dumpDataDir('none');
        const data = await blob.arrayBuffer();
        port.postMessage({ type: 'dump', data }, [data]);
      } else if (request.type === 'close') {
        for (const socket of waiting.splice(0)) socket.destroy();
        client?.destroy();
        await new Promise((resolve) => server.close(resolve));
        await db.close();
        port.postMessage({ type: 'closed' });
      }
    } catch (error) {
      port.postMessage({ type: 'error', message: String(error) });
    }
  });
  port.postMessage({ type: 'ready' });
}

main().catch((error) => {
  port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
});
