import { describeDecidedIn } from '@app/follow-up';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { ResolutionRepository } from '@app/persistence';
import { CouncilsService } from '../councils/councils.service';
import { MandatesService, type MandateView } from '../mandates/mandates.service';

export interface ResolutionDetail {
  id: number;
  code: string;
  /** The council session; null for decisions of a special session, Umlaufverfahren or AL-Runde. */
  meeting: number | null;
  /** Where it was decided, in words ("34. Sitzung", "Sondersitzung am 08.02.2018"). */
  decidedIn: string;
  /** The text was cut off inside this decision. */
  incomplete: boolean;
  agendaItem: string | null;
  title: string | null;
  vote: { yes: number; no: number; abstain: number } | null;
  greenList: boolean | null;
  points: Array<{ number: number; text: string; line: number }>;
  notes: Array<{ kind: string; heading: string; text: string }>;
  mandates: MandateView[];
  source: {
    document: number;
    fileName: string;
    format: string;
    documentDate: string | null;
    line: number;
  };
}

@Injectable()
export class ResolutionsService {
  constructor(
    private readonly resolutions: ResolutionRepository,
    private readonly mandates: MandatesService,
    private readonly councils: CouncilsService,
  ) {}

  /**
   * A decision by id or number; decision numbers are per council, so with `council` (short name
   * or id) that council's, else the first council's that has it.
   */
  async find(idOrCode: string, user: AuthUser, council?: string): Promise<ResolutionDetail> {
    const councilId = council ? (await this.councils.find(council)).id : undefined;
    const resolution = /^\d+$/.test(idOrCode)
      ? await this.resolutions.findById(Number(idOrCode), councilId)
      : await this.resolutions.findByCode(idOrCode.replace(/\s+/g, ''), councilId);
    if (!resolution)
      throw new NotFoundException(
        councilId === undefined
          ? `Einen Beschluss ${idOrCode} gibt es nicht.`
          : `Einen Beschluss ${idOrCode} gibt es in diesem Gremium nicht.`,
      );
    const meeting = await this.resolutions.meetingOf(resolution);
    const points = await this.resolutions.pointsOf(resolution.id);
    const notes = await this.resolutions.notesOf(resolution.id);
    const document = await this.resolutions.documentOf(resolution);
    const mandates = await this.mandates.list(
      {
        resolution: resolution.code,
        council: String(resolution.councilId),
        pageSize: 500,
        sort: 'resolution',
      },
      user,
    );
    return {
      id: resolution.id,
      code: resolution.code,
      meeting: meeting.number,
      decidedIn: describeDecidedIn(meeting),
      incomplete: resolution.incomplete,
      agendaItem: resolution.agendaItem,
      title: resolution.title,
      vote:
        resolution.voteYes === null
          ? null
          : {
              yes: resolution.voteYes,
              no: resolution.voteNo ?? 0,
              abstain: resolution.voteAbstain ?? 0,
            },
      greenList: resolution.greenList,
      points: points.map(({ number, text, line }) => ({ number, text, line })),
      notes: notes.map(({ kind, heading, text }) => ({ kind, heading, text })),
      mandates: mandates.items,
      source: {
        document: document.id,
        fileName: document.fileName,
        format: document.format,
        documentDate: document.documentDate,
        line: resolution.line,
      },
    };
  }

  /** The text of the document a decision was read from (for the source link). */
  async documentText(id: number): Promise<{ fileName: string; text: string }> {
    const document = await this.resolutions.document(id);
    if (!document) throw new NotFoundException(`Ein Dokument ${id} gibt es nicht.`);
    return { fileName: document.fileName, text: document.text };
  }
}
