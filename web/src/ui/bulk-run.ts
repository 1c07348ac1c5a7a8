import { useState } from 'react';
import { messageOf } from './form-errors.ts';

// A few requests at once: fast enough for hundreds of records without flooding the server.
const CONCURRENCY = 4;

export interface BulkFailure {
  name: string;
  message: string;
}

export interface BulkProgress {
  total: number;
  done: number;
  failures: BulkFailure[];
  finished: boolean;
}

/**
 * Runs one request per selected record (the API has no bulk endpoints), counting progress and
 * keeping each failure with its reason, e.g. a 403 for a record someone else owns.
 */
export function useBulkRun() {
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const run = async <T>(items: T[], nameOf: (item: T) => string, action: (item: T) => Promise<unknown>) => {
    const failures: BulkFailure[] = [];
    let done = 0;
    setProgress({ total: items.length, done, failures, finished: false });
    const queue = [...items];
    const worker = async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        try {
          await action(item);
        } catch (error) {
          failures.push({ name: nameOf(item), message: messageOf(error, String(error)) });
        }
        done += 1;
        setProgress({ total: items.length, done, failures: [...failures], finished: false });
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
    setProgress({ total: items.length, done, failures, finished: true });
    return failures;
  };
  return { progress, run, dismiss: () => setProgress(null) };
}
