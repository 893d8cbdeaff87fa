// Builds the embeddable widget (dist/widget.js) and the demo shop (dist/demo/), then prints their sizes.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const packageDirectory = dirname(fileURLToPath(import.meta.url));
const distDirectory = join(packageDirectory, 'dist');
const demoDistDirectory = join(distDirectory, 'demo');

const sharedOptions = {
  bundle: true,
  minify: true,
  target: 'es2019',
  legalComments: 'none',
  logLevel: 'warning',
  charset: 'utf8',
};

await mkdir(demoDistDirectory, { recursive: true });
await Promise.all([
  build({
    ...sharedOptions,
    entryPoints: [join(packageDirectory, 'src/loader.ts')],
    outfile: join(distDirectory, 'widget.js'),
    format: 'iife',
  }),
  build({
    ...sharedOptions,
    entryPoints: [join(packageDirectory, 'demo/src/demo.ts')],
    outfile: join(demoDistDirectory, 'demo.js'),
    format: 'iife',
  }),
  build({
    ...sharedOptions,
    entryPoints: [join(packageDirectory, 'demo/demo.css')],
    outfile: join(demoDistDirectory, 'demo.css'),
  }),
  copyFile(join(packageDirectory, 'demo/index.html'), join(demoDistDirectory, 'index.html')),
]);

for (const file of ['widget.js', 'demo/demo.js', 'demo/demo.css', 'demo/index.html']) {
  const contents = await readFile(join(distDirectory, file));
  const path = relative(packageDirectory, join(distDirectory, file));
  console.log(
    `${path.padEnd(24)} ${formatKilobytes(contents.length)}  (gzip ${formatKilobytes(gzipSync(contents).length)})`,
  );
}

function formatKilobytes(bytes) {
  return `${(bytes / 1024).toFixed(1).padStart(6)} kB`;
}
