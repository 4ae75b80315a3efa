/**
 * Minutes pages that list several agenda items, each with its own result line:
 *
 *   TOP 5 Sanierung der Brücke          TOP 6 Parkraum in der Altstadt
 *   Beschluss: einstimmig beschlossen   Beschluss: abgelehnt
 *   Die Verwaltung wird beauftragt, …   Die Verwaltung wird gebeten, …
 *
 * Each item is a decision of its own; read as one, only the last item's text was kept.
 */

/** "TOP 5 Titel", "TOP 5: Titel", "Tagesordnungspunkt 6.1 Titel", "Ö 7 Titel" on a line of its own. */
const AGENDA_ITEM =
  /^(?:TOP|Tagesordnungspunkt|Ö)\s*:?\s*(\d{1,3}(?:\.\d{1,2})*)\.?(?:\s*[:–-])?\s+(\p{Lu}.{1,150})$/u;

export interface AgendaItem {
  /** Index of the item's heading line: the item runs from it to the next item's heading. */
  from: number;
  number: string;
  title: string;
  /** The record number the heading gives ("TOP 5 Drucksache 21/0345 Radwegekonzept"): its id. */
  record?: string;
  /** A heading with no result line under it: a decision only where it asks someone. */
  unlabelled?: true;
}

/** "Drucksache 21/0345 Radwegekonzept", "Vorlage Nr. 2024/045: Radwegekonzept". */
const RECORD =
  /^(?:Drucksache|Beschlussvorlage|Vorlage|DS)\s*(?:Nr\.)?\s*:?\s*([A-ZÄÖÜ0-9][\w/.-]*\d[\w/.-]*)\s*[:–-]?\s+(\p{Lu}.*)$/u;

/**
 * The agenda items of a section without numbered decisions, where at least two headings each come
 * before a result line of their own ("Beschluss: …", at `labels`); otherwise none (one decision).
 */
export function agendaItems(texts: string[], labels: number[]): AgendaItem[] {
  const items: AgendaItem[] = [];
  for (const label of labels) {
    const last = items[items.length - 1];
    for (let i = label - 1; i >= (last ? last.from + 1 : 0); i--) {
      // "Vorlage 2025/0427 – Digitales Bürgerbüro": a record heading with no agenda number.
      const alone = AGENDA_ITEM.test(texts[i]) ? null : RECORD.exec(texts[i]);
      const heading = alone ? [texts[i], alone[1], texts[i]] : AGENDA_ITEM.exec(texts[i]);
      if (!heading) continue;
      const record = RECORD.exec(heading[2].trim());
      // Two result lines under one heading ("Beschluss:" then "Der Rat beschließt:") are one item.
      if (!items.some((item) => item.from === i))
        items.push({
          from: i,
          number: heading[1],
          ...(record ? { record: record[1], title: record[2] } : { title: heading[2].trim() }),
        });
      break;
    }
  }
  const labelled =
    items.length >= 2 &&
    items.every((item, n) =>
      labels.some((l) => l > item.from && (n + 1 >= items.length || l < items[n + 1].from)),
    );
  // "TOP 5 … (abgesetzt)", "TOP 6 Antrag … – abgelehnt", "TOP 7 … Beschluss: …": where the items
  // with a result line are headed so, every heading of that form is an item of its own, with a
  // result line or not; not an agenda at the top (headings with nothing between them).
  if (items.length === 0) return [];
  const headings = texts.flatMap((text, i) => {
    const heading = AGENDA_ITEM.exec(text);
    return heading && !RECORD.test(text)
      ? [{ from: i, number: heading[1], title: heading[2] }]
      : [];
  });
  const apart = headings.every(
    (h, n) =>
      n + 1 >= headings.length ||
      texts.slice(h.from + 1, headings[n + 1].from).some((t) => t.trim() !== ''),
  );
  if (
    headings.length < 2 ||
    !apart ||
    !items.every((item) => headings.some((h) => h.from === item.from))
  )
    return labelled ? items : [];
  return headings.map((h) => items.find((item) => item.from === h.from) ?? itemOf(h));
}

function itemOf(heading: { from: number; number: string; title: string }): AgendaItem {
  const record = RECORD.exec(heading.title.trim());
  return {
    unlabelled: true,
    from: heading.from,
    number: heading.number,
    ...(record ? { record: record[1], title: record[2] } : { title: heading.title.trim() }),
  };
}
