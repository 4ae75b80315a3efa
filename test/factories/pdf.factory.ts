/**
 * Small, valid PDF 1.4 files for tests, written byte by byte so no PDF library is needed:
 * Helvetica (a standard font, not embedded) with WinAnsiEncoding, so German text is one byte per
 * character.
 */

const FONT_SIZE = 12;
const LEADING = 14;
const MARGIN = 40;

/** WinAnsiEncoding differs from Latin-1 only in 0x80-0x9F; there it has these characters. */
const WIN_ANSI_80_9F = '€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ';

function encode(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    const special = WIN_ANSI_80_9F.indexOf(ch);
    let byte: number;
    if (ch !== '\0' && special >= 0) byte = 0x80 + special;
    else if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff)) byte = code;
    else throw new Error(`makePdf: ${JSON.stringify(ch)} has no WinAnsiEncoding byte`);
    // Parentheses and the backslash delimit and escape PDF strings.
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) bytes.push(0x5c);
    bytes.push(byte);
  }
  return Buffer.from(bytes);
}

/** Numbers the objects from 1 and writes the cross-reference table with their byte offsets. */
export function assemble(objects: Buffer[]): Buffer {
  // A comment with bytes above 127 right after the header marks the file as binary for tools.
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0].length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    length += chunk.length;
  });
  // Each entry is exactly 20 bytes, hence the space before the \n.
  const xref = [
    `xref\n0 ${objects.length + 1}\n`,
    '0000000000 65535 f \n',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(
    Buffer.from(
      `${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}

function stream(content: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<< /Length ${content.length} >>\nstream\n`),
    content,
    Buffer.from('\nendstream'),
  ]);
}

interface Page {
  width: number;
  height: number;
  content: Buffer;
}

/** Objects: 1 catalog, 2 page tree, 3 font, then a page and its content stream for each page. */
function document(pages: Page[]): Buffer {
  const kids = pages.map((_, i) => `${4 + i * 2} 0 R`).join(' ');
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`),
    Buffer.from(
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    ),
  ];
  pages.forEach((page, i) => {
    objects.push(
      Buffer.from(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}]` +
          ` /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`,
      ),
    );
    objects.push(stream(page.content));
  });
  return assemble(objects);
}

/**
 * A PDF with one page per array and one text line per string (12 pt, 14 pt leading); an empty
 * string is a blank line. Lines are not wrapped: an A4 page grows wider or taller instead, so
 * that what a test writes is what a reader of the text layer should give back.
 */
export function makePdf(pages: string[][]): Buffer {
  return document(
    pages.map((lines) => {
      const longest = Math.max(0, ...lines.map((line) => line.length));
      // 0.6 em is about the widest average Helvetica text runs to.
      const width = Math.max(595, Math.ceil(2 * MARGIN + longest * FONT_SIZE * 0.6));
      const height = Math.max(842, 2 * MARGIN + lines.length * LEADING);
      const ops: Buffer[] = [
        // `'` moves down one leading before it shows its line, so start one leading above.
        Buffer.from(
          `BT /F1 ${FONT_SIZE} Tf ${LEADING} TL ${MARGIN} ${height - MARGIN + LEADING} Td\n`,
        ),
      ];
      for (const line of lines) {
        if (line === '') ops.push(Buffer.from('T*\n'));
        else ops.push(Buffer.concat([Buffer.from('('), encode(line), Buffer.from(") '\n")]));
      }
      ops.push(Buffer.from('ET'));
      return { width, height, content: Buffer.concat(ops) };
    }),
  );
}

/** Pages from raw content streams (ASCII, font /F1 = Helvetica), for layouts makePdf cannot write. */
export function makePdfFromContent(pages: string[]): Buffer {
  return document(
    pages.map((content) => ({ width: 595, height: 842, content: Buffer.from(content) })),
  );
}

/** A page with a filled rectangle and no text, like a scan that never went through OCR. */
export function makePdfWithoutText(): Buffer {
  return document([{ width: 595, height: 842, content: Buffer.from('0.5 g 50 50 200 100 re f') }]);
}
