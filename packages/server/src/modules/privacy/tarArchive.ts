export interface ArchiveFile {
  name: string;
  content: Buffer;
  modifiedAt: Date;
}

const blockBytes = 512;

/**
 * A POSIX ustar archive of the files (names up to 100 bytes): what every system opens without extra tools,
 * built without a dependency.
 */
export function createTarArchive(files: readonly ArchiveFile[]): Buffer {
  const parts: Buffer[] = [];
  for (const file of files) {
    parts.push(tarHeader(file));
    parts.push(file.content);
    const padding = (blockBytes - (file.content.length % blockBytes)) % blockBytes;
    parts.push(Buffer.alloc(padding));
  }
  parts.push(Buffer.alloc(blockBytes * 2));
  return Buffer.concat(parts);
}

function tarHeader(file: ArchiveFile): Buffer {
  const name = Buffer.from(file.name, 'utf8');
  if (name.length > 100) throw new Error(`archive entry name too long: ${file.name}`);
  const header = Buffer.alloc(blockBytes);
  name.copy(header, 0);
  header.write(octal(0o644, 7), 100, 'ascii');
  header.write(octal(0, 7), 108, 'ascii');
  header.write(octal(0, 7), 116, 'ascii');
  header.write(octal(file.content.length, 11), 124, 'ascii');
  header.write(octal(Math.floor(file.modifiedAt.getTime() / 1000), 11), 136, 'ascii');
  header.write('        ', 148, 'ascii');
  header.write('0', 156, 'ascii');
  header.write('ustar\u000000', 257, 'ascii');
  header.write('kefu', 265, 'ascii');
  header.write('kefu', 297, 'ascii');
  const checksum = header.reduce((sum, byte) => sum + byte, 0);
  header.write(`${octal(checksum, 6)}\u0000 `, 148, 'ascii');
  return header;
}

function octal(value: number, digits: number): string {
  return `${value.toString(8).padStart(digits, '0')}\u0000`;
}
