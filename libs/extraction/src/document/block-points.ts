import { singlePoint, splitPoints, type PointText, type TextSpan } from './decision-points';

/**
 * The points of a decision block: numbered ("1.", "1)", "1.)"), bulleted, lettered ("zu a)"), or
 * one point where the text has no list of its own.
 */

/** A line that starts a point: a number or a bullet. */
export const MARKED = /^(?:\d{1,2}(?:\.\)|[.)])|\(\d{1,2}\)|[-–•*])(?:\s|$)/;
/** A line that opens a numbered list: "1.", "1)", "1.)". */
const FIRST_POINT = /^(?:1(?:\.\)|[.)])|\(1\))\s+\S/;
/** Words of a request: a list after one is what it asks for, not the decision's points. */
export const ASKS = /(?<![\p{L}-])(?:bittet|gebeten|beauftragt|ersucht|aufgefordert)(?![\p{L}-])/u;

/** "zu a) - Der Bericht …": a line that starts a lettered point (the letter in group 1). */
const LETTER_POINT = /^(?:zu\s+)?([a-h])\)\s*[-–]?\s*(?=\S)/;

/**
 * Lines lettered "a)", "b)", … in order, at least two, with no request before the first (which
 * would make them what it asks for): each letter a point, numbered 1, 2, … as the labels count.
 */
function letteredPoints(spans: TextSpan[]): PointText[] | undefined {
  const starts: number[] = [];
  spans.forEach((span, i) => {
    const letter = LETTER_POINT.exec(span.text.trim());
    if (letter && letter[1].charCodeAt(0) - 97 === starts.length) starts.push(i);
  });
  if (
    starts.length < 2 ||
    ASKS.test(
      spans
        .slice(0, starts[0])
        .map((s) => s.text)
        .join(' '),
    )
  )
    return undefined;
  const numbered = spans.slice(starts[0]).map((span, i) => {
    const at = starts.indexOf(i + starts[0]);
    if (at < 0) return span;
    return { ...span, text: `${at + 1}. ${span.text.trim().replace(LETTER_POINT, '')}` };
  });
  const points = splitPoints(numbered);
  return points.length === starts.length ? points : undefined;
}

/** Points of a block: numbered or bulleted only where the text starts so; else one point. */
export function pointsOf(spans: TextSpan[]): PointText[] {
  const first = spans.find((s) => s.text.trim() !== '');
  if (!first) return [];
  if (MARKED.test(first.text.trim())) return splitPoints(spans);
  // "zu a) …", "zu b) …" (or "a)", "b)") on lines of their own: points as a lettered list.
  const lettered = letteredPoints(spans);
  if (lettered) return lettered;
  // "Der Rat beschließt:" or a verdict line, then points "1." "2." on lines of their own: the
  // points are the decision's. A list that a request introduces is what it asks for (sub-items).
  const numberedAt = firstNumberedSpan(spans);
  // "Sie beschließt ...:" then bullets "- ...": the bullets are the decision's points too.
  const bulletAt = spans.findIndex((s) => /^[-–•]\s+\S/.test(s.text.trim()));
  const opens =
    numberedAt > 0
      ? numberedAt
      : bulletAt > 0 && /:\s*$/.test(spans[bulletAt - 1].text.trim())
        ? bulletAt
        : -1;
  if (opens > 0) {
    const before = spans.slice(0, opens).map((s) => s.text);
    const points = splitPoints(spans.slice(opens));
    if (points.length >= 2 && !ASKS.test(before.join(' '))) return points;
  }
  // Unnumbered text: bullets and numbers inside are sub-items, the whole is point 1.
  return singlePoint(spans);
}

/**
 * The span that opens the decision's numbered points: "1." (or "1)"), or, in an excerpt of a
 * longer list, any "22." that a "23." follows on a later line.
 */
function firstNumberedSpan(spans: TextSpan[]): number {
  const one = spans.findIndex((s) => FIRST_POINT.test(s.text.trim()));
  if (one >= 0) return one;
  const numbers = spans.map((s) => /^(\d{1,2})\.\s+\p{Lu}/u.exec(s.text.trim())?.[1]);
  // The last span each number opens: "22." opens the list where a later span opens "23.".
  const last = new Map<number, number>();
  numbers.forEach((n, i) => n !== undefined && last.set(Number(n), i));
  return numbers.findIndex((n, i) => n !== undefined && (last.get(Number(n) + 1) ?? -1) > i);
}
