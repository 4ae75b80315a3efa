import type { Extraction } from './extraction.types';

/** The extraction as the contract's JSON (corpus README): only the fields it defines. */
export function toContractJson(extraction: Extraction): object {
  return {
    body: extraction.body,
    meeting: extraction.meeting,
    resolutions: extraction.resolutions.map((r) => ({
      id: r.id,
      ...(r.agendaItem !== undefined ? { agendaItem: r.agendaItem } : {}),
      ...(r.title !== undefined ? { title: r.title } : {}),
      ...(r.vote !== undefined ? { vote: r.vote } : {}),
      ...(r.greenList !== undefined ? { greenList: r.greenList } : {}),
      points: r.points.map((p) => p.text),
    })),
    mandates: extraction.mandates.map((m) => ({
      resolution: m.resolution,
      point: m.point,
      owners: m.owners,
      partners: m.partners,
      action: m.action,
      due: m.due,
      source: m.source,
    })),
  };
}
