import { open, readFile, unlink } from "node:fs/promises";
import path from "node:path";

export interface DataDirLock {
  release(): Promise<void>;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The data directory ${dataDir} is already in use by process ${ownerPid}. ` +
        `Stop that process, or give this one another DATA_DIR (or a DATABASE_URL).`,
    );
    this.name = "DataDirInUseError";
  }
}

/**
 * PGlite itself does not stop two processes from opening one folder, and two writers corrupt it.
 * The lock file records the owner's pid; a lock whose process is gone (killed with SIGKILL, say) is
 * taken over, so a crashed server restarts at once instead of waiting for a lease to expire.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const lockPath = path.join(dataDir, "piiri.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return {
        async release() {
          await unlink(lockPath).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const ownerPid = Number.parseInt(await readFile(lockPath, "utf8").catch(() => ""), 10);
      if (Number.isInteger(ownerPid) && ownerPid !== process.pid && isProcessAlive(ownerPid)) {
        throw new DataDirInUseError(dataDir, ownerPid);
      }
      await unlink(lockPath).catch(() => undefined);
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
