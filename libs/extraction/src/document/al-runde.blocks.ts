import { findGermanDate } from '../text/german-dates';
import type { SourceLine } from '../text/source-text';
import { MARKED, pointsOf } from './block-points';
import { CUT, URL_LINE } from './block-lines';
import { splitPoints } from './decision-points';
import type { BlockMeeting, ParsedResolution } from './parsed-document';

// Protocols of the kind FITKO keeps for its AL-Runde, OCR'd: agenda rows ("TOP Thema | Ziel des
// TOP | Quelle | 03 Entscheidung über Projektanträge ...") and decision texts marked "BV".

const BV = /(?:^|\s)BV\s+(?=[\p{Lu}\d])/gu;
const BV_END =
  /\s(?:BV\s+(?=[\p{Lu}\d])|Diskussion\b|Follow-Up\b|TOP\s+Thema\b|U\]?\s*Beschluss\b|\d{1,2}\.\s*Sitzung der Abteilungsleiterrunde\b)|(?<=[.!?)])\s+\d{2}\s+(?=\p{Lu}\p{Ll})|\(\s*(?:einstimmig|mehrheitlich)[^)]*\)/u;

export function bvBlocks(
  section: { lines: SourceLine[] },
  meetingOf: (lines: SourceLine[]) => BlockMeeting | undefined,
): ParsedResolution[] | undefined {
  const joined: Array<{ text: string; line: number; offset: number }> = [];
  let text = '';
  let cut = false;
  for (const line of section.lines) {
    if (CUT.test(line.text)) {
      cut = true;
      continue;
    }
    if (!line.text || URL_LINE.test(line.text)) continue;
    joined.push({ text: line.text, line: line.no, offset: text.length });
    text += `${line.text} `;
  }
  if (!/\bTOP\b/.test(text) || !/(?:^|\s)BV\s+[\p{Lu}\d]/u.test(text)) return undefined;
  const lineAt = (offset: number) => {
    let no = joined[0]?.line ?? 1;
    for (const j of joined) if (j.offset <= offset) no = j.line;
    return no;
  };
  const meeting = meetingOf(joined.map((j) => ({ no: j.line, text: j.text, cells: null }))) ?? {
    kind: 'session' as const,
    body: 'AL-Runde',
  };
  const date = meeting.date ?? findGermanDate(text);

  // Agenda rows open with the table's header ("TOP Thema ..."); "TOP 24" inside a row is a reference.
  const rows = [...text.matchAll(/\bTOP\s+\|?\s*Thema\b/g)].map((m) => m.index as number);
  const tops =
    rows.length > 0 ? rows : [...text.matchAll(/\bTOP\b/g)].map((m) => m.index as number);
  const out: ParsedResolution[] = [];
  tops.forEach((at, n) => {
    const until = n + 1 < tops.length ? tops[n + 1] : text.length;
    const region = text.slice(at, until);
    const starts = [...region.matchAll(BV)].map((m) => (m.index as number) + m[0].length);
    if (starts.length === 0) return;
    const head = region.slice(0, starts[0]).replace(/^.*?\bQuelle\b/, '');
    const item =
      /(?:^|\s)(\d{2})\s+(\p{Lu}[^|>]*?)(?=\s+(?:Beschluss|Information|Diskussion|Kenntnisnahme)\b|\s*[|>]|$)/u.exec(
        head,
      );
    const texts = starts.map((s, k) => {
      const rest = region.slice(s, k + 1 < starts.length ? starts[k + 1] : region.length);
      const stop = BV_END.exec(rest);
      return { text: (stop ? rest.slice(0, stop.index) : rest).trim(), offset: at + s };
    });
    const lastCut = cut && n === tops.length - 1;
    const spans =
      texts.length === 1
        ? [{ text: texts[0].text, line: lineAt(texts[0].offset) }]
        : texts.map((t) => ({ text: `- ${t.text}`, line: lineAt(t.offset) }));
    const agendaItem = item?.[1];
    out.push({
      id: `${date ?? ''} TOP ${agendaItem ?? String(n + 1).padStart(2, '0')}`,
      ...(agendaItem ? { agendaItem } : {}),
      ...(item?.[2] ? { title: item[2].trim() } : {}),
      points:
        texts.length === 1 && MARKED.test(texts[0].text) ? splitPoints(spans) : pointsOf(spans),
      line: lineAt(at),
      meeting: { ...meeting, ...(date ? { date } : {}) },
      ...(lastCut ? { incomplete: true } : {}),
      anchor: 'protocol-bv',
      body: 'AL-Runde',
    });
  });
  return out;
}
