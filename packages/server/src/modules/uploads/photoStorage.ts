import { randomBytes } from 'node:crypto';
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Photo files under the data directory: random names (nothing the sender chose reaches the file system),
 * owner read/write only (0600: never executable, never readable by other users), written once.
 */
export class PhotoStorage {
  private readonly directory: string;

  constructor(dataDir: string) {
    this.directory = path.join(dataDir, 'uploads');
  }

  async write(bytes: Uint8Array): Promise<string> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const storageName = randomBytes(18).toString('hex');
    await writeFile(this.pathOf(storageName), bytes, { mode: 0o600, flag: 'wx' });
    return storageName;
  }

  read(storageName: string): Promise<Buffer> {
    return readFile(this.pathOf(storageName));
  }

  async remove(storageName: string): Promise<void> {
    await unlink(this.pathOf(storageName)).catch(() => undefined);
  }

  pathOf(storageName: string): string {
    if (!/^[0-9a-f]{36}$/.test(storageName)) throw new Error('not a stored photo name');
    return path.join(this.directory, storageName);
  }
}
