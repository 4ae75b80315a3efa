import { dueColumns, type Due } from '@app/domain';
import type { Extraction, ExtractedMandate } from '@app/extraction';
import type { Meeting } from '../entities';

/** A resolution's columns as the text states them. */
export function resolutionColumns(
  r: Extraction['resolutions'][number],
  meeting: Meeting,
  documentId: number,
) {
  return {
    meetingId: meeting.id,
    agendaItem: r.agendaItem ?? null,
    title: r.title ?? null,
    voteYes: r.vote?.yes ?? null,
    voteNo: r.vote?.no ?? null,
    voteAbstain: r.vote?.abstain ?? null,
    greenList: r.greenList ?? null,
    incomplete: r.incomplete === true,
    documentId,
    line: r.line,
  };
}

/** A mandate's columns as the text states them. */
export function mandateColumns(x: ExtractedMandate) {
  const due: Due = x.due;
  return {
    owners: x.owners,
    partners: x.partners,
    action: x.action,
    ...dueColumns(due),
    dueText: x.dueText,
    source: x.source,
    sourceLine: x.line,
    basis: x.basis,
    uncertain: x.uncertain.length > 0 ? x.uncertain : null,
  };
}
