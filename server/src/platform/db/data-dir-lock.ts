import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors.ts';

export interface DataDirLock {
  release(): Promise<void>;
}

// PGlite opened by two processes on one folder corrupts it (DESIGN.md section 6), so the folder holds
// a pid file. A pid file whose process is gone (killed, crashed) is taken over at once.
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, 'baken.pid');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => unlink(path).catch(() => undefined) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && isAlive(holder)) {
        throw new AppError(
          'conflict',
          `The data folder ${dataDir} is in use by another Baken process (pid ${holder}). ` +
            'Stop that process first, or point BAKEN_DATA_DIR at another folder.',
        );
      }
      await unlink(path).catch(() => undefined);
    }
  }
  throw new AppError('conflict', `Could not lock the data folder ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
