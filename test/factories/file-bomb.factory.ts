/**
 * The crafted files of the security issue (three PDFs, and a Word file), written byte by byte:
 * small files that cost a naive reader gigabytes of memory or minutes of one busy event loop.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { assemble } from './pdf.factory';

const MB = 1024 * 1024;
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';

function flateStream(compressed: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<< /Length ${compressed.length} /Filter /FlateDecode >>\nstream\n`),
    compressed,
    Buffer.from('\nendstream'),
  ]);
}

/** One page whose content stream is `content` (already Flate-compressed). */
function onePage(content: Buffer): Buffer {
  return assemble([
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [4 0 R] /Count 1 >>'),
    Buffer.from(FONT),
    Buffer.from(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
    ),
    flateStream(content),
  ]);
}

const MOD = 65521;

/** Raw deflate of `data` without a final block, the history reset after it. */
function deflateOpen(data: Buffer): Buffer {
  return deflateRawSync(data, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
}

/** Adler-32 state (a, b) after `count` passes over `block`, from `state`. */
function adlerOver(state: [number, number], block: Buffer, count = 1): [number, number] {
  let sum = 0;
  let weighted = 0;
  block.forEach((x, i) => {
    sum = (sum + x) % MOD;
    weighted = (weighted + (block.length - i) * x) % MOD;
  });
  let [a, b] = state;
  for (let i = 0; i < count; i++) {
    b = (b + (((block.length % MOD) * a) % MOD) + weighted) % MOD;
    a = (a + sum) % MOD;
  }
  return [a, b];
}

/**
 * A zlib stream that inflates to `prefix` and `count` copies of `block` without ever holding
 * them: each deflated without a final block (the compressor's history reset after it, so it
 * references nothing before it), the block's output repeated, then a final empty block and the
 * Adler-32 of the whole.
 */
function repeatedDeflate(prefix: Buffer, block: Buffer, count: number): Buffer {
  const chunk = deflateOpen(block);
  const [a, b] = adlerOver(adlerOver([1, 0], prefix), block, count);
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(((b << 16) | a) >>> 0);
  return Buffer.concat([
    Buffer.from([0x78, 0xda]),
    deflateOpen(prefix),
    ...Array.from({ length: count }, () => chunk),
    Buffer.from([0x03, 0x00]),
    adler,
  ]);
}

/** About 1 MB on disk; its one content stream inflates to `megabytes` MB (1 GB) of spaces. */
export function inflationBombPdf(megabytes = 1024): Buffer {
  return onePage(repeatedDeflate(Buffer.from('\n'), Buffer.alloc(MB, 0x20), megabytes));
}

/** One text-showing operator on a new line: each one an item and a line for a reader. */
const HEAVY_OP = '0 -1 Td (Auftrag) Tj\n';

/**
 * One page whose content stream is tens of millions of tiny text-showing operators (`megabytes`
 * MB of them, about 2 GB by default, a few MB on disk): a naive reader runs for minutes and grows
 * to gigabytes.
 */
export function heavyContentPdf(megabytes = 2048): Buffer {
  const block = Buffer.from(HEAVY_OP.repeat(Math.floor(MB / HEAVY_OP.length)));
  // The operators need a text object and a font; the stream opens one before them.
  return onePage(repeatedDeflate(Buffer.from('BT /F1 12 Tf 40 800 Td\n'), block, megabytes));
}

/**
 * The same operators, few enough megabytes to stay under the limit on unpacked bytes, so that
 * only the time or memory limit can stop the reader.
 */
export function slowContentPdf(megabytes = 20): Buffer {
  return heavyContentPdf(megabytes);
}

/** `pages` empty pages (20,000 by default): a naive reader walks every one. */
export function manyPagesPdf(pages = 20_000): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`).join(' ');
  const objects = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`),
  ];
  const page = Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>');
  for (let i = 0; i < pages; i++) objects.push(page);
  return assemble(objects);
}

/**
 * A Word file (a zip) whose document part unpacks to `megabytes` MB (1 GB) of spaces while the
 * file is about 1 MB; its sizes in the zip's directory say what a packer would write, only the
 * checksum is left at 0 (nothing may get as far as checking it).
 */
export function zipBombDocx(megabytes = 1024): Buffer {
  const chunk = deflateOpen(Buffer.alloc(MB, 0x20));
  const body = Buffer.concat([
    ...Array.from({ length: megabytes }, () => chunk),
    Buffer.from([0x03, 0x00]),
  ]);
  const name = Buffer.from('word/document.xml');
  /** Packed size, unpacked size and name length, at `at` in a local or a central header. */
  const sizes = (header: Buffer, at: number) => {
    header.writeUInt32LE(body.length, at);
    header.writeUInt32LE(Math.min(megabytes * MB, 0xfffffffe), at + 4);
    header.writeUInt16LE(name.length, at + 8);
    return header;
  };
  const local = sizes(Buffer.alloc(30), 18);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  const central = sizes(Buffer.alloc(46), 20);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(0, 42);
  const directoryAt = local.length + name.length + body.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(directoryAt, 16);
  return Buffer.concat([local, name, body, central, name, end]);
}
