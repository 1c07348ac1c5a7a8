// Messages between the server thread and the PGlite worker (pglite-worker.mjs).
export interface PgliteWorkerData {
  dataDir: string;
  socketPath: string;
  loadDataDirFile?: string;
}

export type PgliteWorkerRequest = { type: 'close' } | { type: 'dump' };
export type PgliteWorkerReply =
  | { type: 'ready' }
  | { type: 'closed' }
  | { type: 'dump'; data: ArrayBuffer }
  | { type: 'error'; message: string };
