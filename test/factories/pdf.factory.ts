/**
 * Writes small, valid PDF files for tests: Helvetica with WinAnsiEncoding (so ä ö ü ß „ “ – encode
 * as single bytes), one text line per string, an empty string leaving a blank line.
 */
const WIN_ANSI_EXTRA: Record<string, number> = {
  '€': 0x80,
  '„': 0x84,
  '…': 0x85,
  '–': 0x96,
  '—': 0x97,
  '“': 0x93,
  '”': 0x94,
  '‚': 0x82,
  '‘': 0x91,
  '’': 0x92,
  '•': 0x95,
};

function encode(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    const byte = WIN_ANSI_EXTRA[ch] ?? (code < 256 ? code : 0x3f);
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) bytes.push(0x5c);
    bytes.push(byte);
  }
  return Buffer.from(bytes);
}

function assemble(objects: Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0].length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n`,
    '0000000000 65535 f \n',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
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

/** Objects: 1 catalog, 2 pages, 3 font, then page + content pairs. */
function document(pageContents: Buffer[]): Buffer {
  const kids = pageContents.map((_, i) => `${4 + i * 2} 0 R`).join(' ');
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from(`<< /Type /Pages /Kids [${kids}] /Count ${pageContents.length} >>`),
    Buffer.from(
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    ),
  ];
  pageContents.forEach((content, i) => {
    objects.push(
      Buffer.from(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`,
      ),
    );
    objects.push(stream(content));
  });
  return assemble(objects);
}

/** Breaks a long line at spaces, as a PDF page of 10 pt Helvetica does (about 90 characters). */
function wrap(line: string, width = 90): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  out.push(current);
  return out;
}

export function makePdf(pages: string[][]): Buffer {
  return document(
    pages.map((lines) => {
      const ops: Buffer[] = [Buffer.from('BT /F1 10 Tf 14 TL 40 800 Td\n')];
      for (const line of lines.flatMap((l) => wrap(l)))
        ops.push(Buffer.concat([Buffer.from('('), encode(line), Buffer.from(") '\n")]));
      ops.push(Buffer.from('ET'));
      return Buffer.concat(ops);
    }),
  );
}

/** A page with a drawn rectangle and no text, like a scan without OCR. */
export function makePdfWithoutText(): Buffer {
  return document([Buffer.from('0.5 g 50 50 200 100 re f')]);
}
