import type { Due } from '@app/domain';
import type { ExtractedMandate } from '../extraction.types';

export function withDue(due: Due | undefined): { due?: Due } {
  return due && due.kind !== 'none' ? { due } : {};
}

/** The deadline of the new decision's mandate made by this sentence, or else in its point. */
export function dueInPoint(
  mandates: ExtractedMandate[],
  resolution: string,
  point: number | null,
  sentence: string,
): Due | undefined {
  const inPoint = mandates.filter((m) => m.resolution === resolution && m.point === point);
  const same = inPoint.find((m) => sentence.includes(m.source) || m.source.includes(sentence));
  return (same ?? inPoint.find((m) => m.due.kind !== 'none'))?.due;
}
