// The reading process: reads one file sent by sandboxed-read.ts and answers with its text or the
// problem, then exits. It holds no connections and no secrets (it gets an empty environment).
import { ExtractionError } from '@app/extraction';
import type { ReadLimits } from '../input/read-limits';
import { readDocument, type DocumentKind } from './document.reader';

export interface ReadRequest {
  kind: DocumentKind;
  data: Uint8Array;
  limits: ReadLimits;
}

export type ReadReply =
  | { ok: true; text: string }
  | { ok: false; code: ExtractionError['code']; message: string; line?: number };

async function answer(request: ReadRequest): Promise<ReadReply> {
  try {
    return { ok: true, text: await readDocument(request.kind, request.data, request.limits) };
  } catch (error) {
    if (error instanceof ExtractionError)
      return { ok: false, code: error.code, message: error.message, line: error.line };
    return { ok: false, code: 'unreadable', message: 'die Datei kann nicht gelesen werden' };
  }
}

if (process.send) {
  process.once('message', (request: ReadRequest) => {
    void answer(request).then((reply) => process.send?.(reply, () => process.exit(0)));
  });
}
