import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Meeting } from '../entities/meeting.entity';
import { ProtocolNote } from '../entities/protocol-note.entity';
import { Resolution } from '../entities/resolution.entity';
import { ResolutionPoint } from '../entities/resolution-point.entity';
import { SourceDocument } from '../entities/source-document.entity';

/** The document a decision was read from, without its text. */
export type DocumentSummary = Pick<SourceDocument, 'id' | 'fileName' | 'format' | 'documentDate'>;

/** Decisions (Beschlüsse) with their points, protocol notes and the document they were read from. */
@Injectable()
export class ResolutionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(
    id: number,
    councilId?: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Resolution | null> {
    return manager.findOneBy(Resolution, { id, ...(councilId === undefined ? {} : { councilId }) });
  }

  /** A decision by its number ("2021/12"); decision numbers are per council, the first council's wins. */
  async findByCode(code: string, councilId?: number): Promise<Resolution | null> {
    return this.dataSource.manager.findOne(Resolution, {
      where: { code, ...(councilId === undefined ? {} : { councilId }) },
      order: { councilId: 'ASC' },
    });
  }

  /** A decision by its number, in any council (inside a caller's transaction). */
  async findOneByCode(manager: EntityManager, code: string): Promise<Resolution | null> {
    return manager.findOneBy(Resolution, { code });
  }

  /** The decisions of a meeting, by number. */
  async ofMeeting(meetingId: number): Promise<Resolution[]> {
    return this.dataSource.manager.find(Resolution, {
      where: { meetingId },
      order: { code: 'ASC' },
    });
  }

  /** The council of each decision. */
  async councilsOf(resolutionIds: number[]): Promise<Array<Pick<Resolution, 'id' | 'councilId'>>> {
    return this.dataSource.manager.find(Resolution, {
      select: { id: true, councilId: true },
      where: { id: In(resolutionIds) },
    });
  }

  async meetingOf(
    resolution: Resolution,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Meeting> {
    return manager.findOneByOrFail(Meeting, { id: resolution.meetingId });
  }

  /** A decision's numbered points, in order. */
  async pointsOf(
    resolutionId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ResolutionPoint[]> {
    return manager.find(ResolutionPoint, { where: { resolutionId }, order: { number: 'ASC' } });
  }

  /** The protocol notes recorded with a decision. */
  async notesOf(resolutionId: number): Promise<ProtocolNote[]> {
    return this.dataSource.manager.find(ProtocolNote, {
      where: { resolutionId },
      order: { id: 'ASC' },
    });
  }

  /** The document a decision was read from (not its text). */
  async documentOf(resolution: Resolution): Promise<DocumentSummary> {
    return this.dataSource.manager.findOneOrFail(SourceDocument, {
      where: { id: resolution.documentId },
      select: { id: true, fileName: true, format: true, documentDate: true },
    });
  }

  /** How many documents are stored. */
  async documentCount(): Promise<number> {
    return this.dataSource.getRepository(SourceDocument).count();
  }

  /** A stored document with its text. */
  async document(id: number): Promise<SourceDocument | null> {
    return this.dataSource.manager.findOneBy(SourceDocument, { id });
  }
}
