import type { Extraction } from '@app/extraction';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Council, SourceDocument } from '../entities';
import { ExtractionWrite } from './extraction.write';

/** The file an extraction was read from, stored as its source document. */
export interface IngestSource {
  text: string;
  sha256: string;
  fileName: string;
}

/** What writing an extraction did. */
export interface IngestWriteResult {
  /** The stored source document. */
  documentId: number;
  /** Whether decisions stored before were updated (a corrected version). */
  updated: boolean;
  /** What a corrected version changed, one line each. */
  changes: string[];
  /** The mandates it created or changed, whose overdue flags are to be judged again. */
  mandateIds: number[];
}

/**
 * The ingest's writes: an extraction's meeting, source document, agenda items, resolutions,
 * points, notes, mandates and one obligation per owner. Every method runs inside the caller's
 * transaction (its `manager`): the use case decides, this stores.
 */
@Injectable()
export class IngestRepository {
  /** Whether the council already stored this very text. */
  hasDocument(manager: EntityManager, councilId: number, sha256: string): Promise<boolean> {
    return manager.existsBy(SourceDocument, { councilId, sha256 });
  }

  /**
   * Stores an extraction. The same decisions again update texts and keep every obligation's
   * history; new rows go in multi-row INSERTs.
   */
  async saveExtraction(
    manager: EntityManager,
    council: Council,
    extraction: Extraction,
    source: IngestSource,
    now: string,
  ): Promise<IngestWriteResult> {
    const write = new ExtractionWrite(manager, council, now);
    const changes = await write.save(extraction, source);
    return {
      documentId: write.documentId as number,
      updated: write.updated,
      changes,
      mandateIds: [...write.mandateIds],
    };
  }
}
