import { describeUncertain, NOT_ADOPTED_MISS_REASON, POSSIBLE_MISS_REASON } from './doubt.wording';
import type { Extraction } from './extraction.types';

/**
 * The extraction as the contract's JSON (corpus README), plus what review needs: each decision's
 * session and whether it is cut off, each mandate's basis and uncertainties (codes and German
 * sentences), the new owners, the points that may hide a mandate, and doubt about the whole text.
 */
export function toContractJson(extraction: Extraction): object {
  return {
    body: extraction.body,
    meeting: extraction.meeting,
    resolutions: extraction.resolutions.map((r) => ({
      id: r.id,
      ...(r.meeting ? { meeting: r.meeting } : {}),
      ...(r.incomplete ? { incomplete: true } : {}),
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
      basis: m.basis,
      ...(m.uncertain.length > 0
        ? { uncertain: m.uncertain, uncertainReasons: describeUncertain(m.uncertain) }
        : {}),
      ...(m.newOwners.length > 0 ? { newOwners: m.newOwners } : {}),
    })),
    ...(extraction.newOwners.length > 0 ? { newOwners: extraction.newOwners } : {}),
    ...(extraction.possibleMisses.length > 0
      ? {
          possibleMisses: extraction.possibleMisses.map((miss) => ({
            ...miss,
            reason: miss.notAdopted ? NOT_ADOPTED_MISS_REASON : POSSIBLE_MISS_REASON,
          })),
        }
      : {}),
    ...(extraction.shapeDoubt ? { shapeDoubt: extraction.shapeDoubt } : {}),
  };
}
