// Unpacks a .vsix (a zip) into a folder, so the end-to-end suite can run the packaged extension
// exactly as a user who installs it gets it: only the files the package holds.
//   node scripts/unpackVsix.mjs out/glossary-lens.vsix out/vsix
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';

const [vsix, target] = process.argv.slice(2);
if (!vsix || !target) {
  console.error('usage: node scripts/unpackVsix.mjs PACKAGE.vsix FOLDER');
  process.exit(2);
}

await rm(target, { recursive: true, force: true });
const root = path.resolve(target);
const files = await new Promise((resolve, reject) => {
  yauzl.open(vsix, { lazyEntries: true }, (error, zip) => {
    if (error) return reject(error);
    let count = 0;
    zip.on('error', reject);
    zip.on('end', () => resolve(count));
    zip.on('entry', (entry) => {
      const destination = path.resolve(root, entry.fileName);
      // A package never writes outside its folder.
      if (!destination.startsWith(root + path.sep)) return reject(new Error(`${entry.fileName} points outside ${target}`));
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (streamError, stream) => {
        if (streamError) return reject(streamError);
        mkdir(path.dirname(destination), { recursive: true })
          .then(() => pipeline(stream, createWriteStream(destination)))
          .then(() => {
            count += 1;
            zip.readEntry();
          }, reject);
      });
    });
    zip.readEntry();
  });
});
const { size } = await stat(vsix);
console.log(`unpacked ${vsix} (${(size / 1024).toFixed(1)} KB, ${files} files) into ${target}`);
