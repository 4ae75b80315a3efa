/**
 * The URLs of the published objects: each object's id is its URL, built from database ids that
 * never change (a decision's number can be corrected, its row id cannot).
 */
export class OparlUrls {
  /** `root`: where the API is reached, "https://tracker.example.org/oparl/v1.1". */
  constructor(readonly root: string) {}

  system(): string {
    return `${this.root}/system`;
  }
  bodies(): string {
    return `${this.root}/body`;
  }
  body(code: string): string {
    return `${this.root}/body/${encodeURIComponent(code)}`;
  }
  /** The external lists of a body: organization, person, meeting, paper, legislative-term. */
  bodyList(code: string, list: OparlBodyList): string {
    return `${this.body(code)}/${list}`;
  }
  councilOrganization(councilId: number): string {
    return `${this.root}/organization/council-${councilId}`;
  }
  memberOrganization(memberId: number): string {
    return `${this.root}/organization/member-${memberId}`;
  }
  meeting(id: number): string {
    return `${this.root}/meeting/${id}`;
  }
  agendaItem(id: number): string {
    return `${this.root}/agenda-item/${id}`;
  }
  /** An agenda item made for a decision whose TOP the protocol does not list. */
  decisionAgendaItem(resolutionId: number): string {
    return `${this.root}/agenda-item/decision-${resolutionId}`;
  }
  paper(resolutionId: number): string {
    return `${this.root}/paper/${resolutionId}`;
  }
  consultation(resolutionId: number): string {
    return `${this.root}/consultation/${resolutionId}`;
  }
  documentFile(documentId: number): string {
    return `${this.root}/file/document-${documentId}`;
  }
  decisionFile(resolutionId: number): string {
    return `${this.root}/file/decision-${resolutionId}`;
  }
}

export const OPARL_BODY_LISTS = [
  'organization',
  'person',
  'meeting',
  'paper',
  'legislative-term',
] as const;
export type OparlBodyList = (typeof OPARL_BODY_LISTS)[number];

/** The schema URL of an OParl type, "https://schema.oparl.org/1.1/Paper". */
export function oparlType(name: string): string {
  return `https://schema.oparl.org/1.1/${name}`;
}

/** The key of a file URL's last segment: a source document or a decision's own text. */
export function parseFileKey(
  key: string,
): { kind: 'document' | 'decision'; id: number } | undefined {
  const match = /^(document|decision)-([1-9]\d{0,9})$/.exec(key);
  return match ? { kind: match[1] as 'document' | 'decision', id: Number(match[2]) } : undefined;
}

/** A positive database id as written in a URL (no leading zeros: one spelling per object). */
export function parseId(text: string): number | undefined {
  return /^[1-9]\d{0,9}$/.test(text) ? Number(text) : undefined;
}
