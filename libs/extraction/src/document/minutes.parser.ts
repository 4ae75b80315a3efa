import type { CouncilInfo } from '../extraction.types';
import { findGermanDate, MONTH_PATTERN } from '../text/german-dates';
import type { SourceLine } from '../text/source-text';
import { singlePoint, splitPoints, type PointText, type TextSpan } from './decision-points';
import { taskColumns, taskRow, type Columns } from './task-table';
import { BULLET, listOrder, taskLines } from './task-lines';
import { bracketedTasks } from './bracketed-tasks';
import type {
  BlockMeeting,
  BodySessions,
  ParsedDocument,
  ParsedResolution,
} from './parsed-document';

/** The words that head minutes. */
const MINUTES = String.raw`(?:Ergebnisprotokoll|Ergebnisniederschrift|Kurzprotokoll|Protokoll|Niederschrift|Ergebnisvermerk|Vermerk)`;
/**
 * Minutes of a working group or the council ("Ergebnisprotokoll der 50. Sitzung der AG
 * Informationssicherheit"): agenda items (TOP) with what was agreed, and task tables
 * (`| Nr. | Aufgabe | Verantwortlich | Termin |`). The session is the header's, never one a
 * deadline names ("berichtet in der 51. Sitzung"). A session without a number ("Protokoll der
 * Sitzung der Unterarbeitsgruppe …", "Ergebnisprotokoll⏎Sitzung der …") is known by its date;
 * "Niederschrift über die Sitzung des Stadtrates" heads a council's decisions (read by blocks).
 * Where and how it met may follow the date ("…, Landratsamt, Raum 112").
 */
const HEADER = new RegExp(
  String.raw`^${MINUTES}(?:\b[^|]{0,40}?\b(\d{1,3})\.\s*|(?:\s+der|\s*[-–:])?\s+)(?:Sitzung|Telefonkonferenz|Videokonferenz|Besprechung)\s+(?:der|des)\s+(.+?)(?:\s*(?:,|am|vom)\s*(\d{1,2}\.\s?\d{1,2}\.\s?\d{4})(?:\s*[,(–-].*)?)?\s*$`,
  'iu',
);
/** Minutes of a session (numbered or dated) whose body the line above names. */
const BODY_ABOVE = new RegExp(
  String.raw`^${MINUTES}\s+(?:der|über\s+die)\s+(?:(\d{1,3})\.\s*)?Sitzung(?:\s+(?:am|vom)\s+.*|\s*,.*|\s*\(.*|\s*)$`,
  'i',
);
/** A working body's name on a line of its own ("Arbeitsgruppe Datenschema Gewerbe", "AG Cloud"). */
const GROUP_NAME =
  /^(?:[\p{L}]+-)*(?:Arbeitsgruppe|Unterarbeitsgruppe|Projektgruppe|Lenkungsgruppe|Steuerungsgruppe|Koordinierungsgruppe|Koordinierungsrunde|Kooperationsgruppe|Arbeitskreis|Lenkungskreis|Steuerungskreis|Kooperationsgremium|AG|UAG|PG|AK)\s+\S.{0,140}$/u;
/** Minutes headed by the group alone: "Ergebnisprotokoll der Arbeitsgruppe Schnittstellenregister". */
const OF_GROUP =
  /^(?:Ergebnisprotokoll|Ergebnisniederschrift|Kurzprotokoll|Protokoll)\s+(?:der|des)\s+(\S.{2,80}?)\s*$/u;
/** An item numbered as a heading: a short line, no sentence ("2. Weiteres Vorgehen", "2.1 Bericht"). */
const ITEM_HEADING = new RegExp(
  `^(\\d{1,2}(?:\\.\\d{1,2})?)\\.?\\s+(?!(?:${MONTH_PATTERN})\\b)(\\p{Lu}[^.:;!?]{2,60})$`,
  'u',
);
/** "Im Ergebnis wird festgehalten:", "Festlegungen:": what follows was settled. */
const SETTLED =
  /(?:Im\s+Ergebnis\s+wird\s+(?:festgehalten|vereinbart|festgelegt)|Es\s+wird\s+(?:festgehalten|festgelegt)|Festlegungen|Vereinbarungen)\s*:\s*$/;
/** A header's first word on a line of its own. */
const MINUTES_WORD = new RegExp(String.raw`^${MINUTES}$`, 'i');
/**
 * Minutes of a conference ("Protokoll der 96. Konferenz vom 7. bis 8. November 2018", "105.
 * Konferenz der ... am 10. und 11. Mai 2023 – Protokoll"): number, body, the line for its date.
 */
const CONFERENCE_HEADER =
  /^(?:(?:Ergebnisprotokoll|Ergebnisniederschrift|Protokoll|Niederschrift|Beschlüsse)\s+(?:der|des|über\s+die)\s+(\d{1,3})\.\s*(Konferenz|Tagung|Vollversammlung|Plenarsitzung)\b(.*)|(\d{1,3})\.\s*(Konferenz|Tagung|Vollversammlung)\b(.*?)[-–]\s*(?:Ergebnis)?[Pp]rotokoll\s*)$/;
/**
 * The last resort: a working body named on a line of its own ("Arbeitskreis Digitale Justiz – 31.
 * Sitzung", "Unterarbeitsgruppe … (UAG BF)") or as "Besprechung der Projektgruppe …", with a date
 * and a word of minutes or sessions in the first lines.
 */
function looseHeader(first: SourceLine[], i: number): RegExpExecArray | undefined {
  const line = first[i].text;
  const named = /^(?:Besprechung|Sitzung|Treffen)\s+(?:der|des)\s+(.+)$/.exec(line)?.[1] ?? line;
  const group = named.split(/\s+[–-]\s+/)[0].replace(/\s*\([^()]*\)\s*$/, '');
  if (!GROUP_NAME.test(group)) return undefined;
  const head = first.map((l) => l.text).join('\n');
  const date = findGermanDate(head.replace(/(\d{1,2})\.\s*[–-]\s*(?=\d{1,2}\.\d)/g, ''));
  if (
    i > 1 ||
    !date ||
    /Beschluss\s+\d|Entscheidung\s+\d/.test(head) ||
    !/Protokoll|Niederschrift|Vermerk|Besprechung|Teilnehm|Anwesend|Ort\/Datum|Leitung:/i.test(head)
  )
    return undefined;
  const number = /(\d{1,3})\.\s*Sitzung/.exec(head)?.[1];
  return [line, number, group, dotted(date)] as unknown as RegExpExecArray;
}

/** "2026-03-04" as the header's "04.03.2026". */
const dotted = (iso: string) => iso.split('-').reverse().join('.');

/**
 * "AG Elektronische Akte – 12. Sitzung am 10.12.2025 in Mainz", "Bund-Länder-Arbeitsgruppe „…“ – 7.
 * Sitzung (Videokonferenz)": a group's session line.
 */
const GROUP_SESSION =
  /^(\S.{2,80}?)\s+[–-]\s+(?:(\d{1,3})\.\s*)?Sitzung(?:\s+(?:am|vom)\s+\d.*|\s*\([^()]{3,30}\))$/u;
/** "Sitzung am 03.02.2026 – Kurzprotokoll" under the group's name. */
const SESSION_MINUTES = new RegExp(
  String.raw`^(?:(\d{1,3})\.\s*)?Sitzung\s+(?:am|vom)\s+\d[^–]{5,40}[–-]\s*${MINUTES}\b.*$`,
  'iu',
);
const MINUTES_IN = new RegExp(String.raw`(?:^|[\s–-])${MINUTES}\b`, 'i');
/** "TOP 3", "TOP 02 – Titel", "• TOP I.17 Titel:" (a part in Roman numerals, the item in it). */
const TOP = /^(?:[•·▪]\s*)?TOP\s*((?:[IVX]{1,4}\.\s?)?\d{1,2}(?:\.\d{1,2})?)\s*[:.)–-]?\s*(.*?):?$/;
/** The header of minutes in the first lines of a text, if it has one. */
export function minutesHeader(lines: SourceLine[]): RegExpExecArray | undefined {
  const first = lines.filter((l) => l.text !== '' && !/^https?:\/\//.test(l.text)).slice(0, 4);
  for (const [i, line] of first.entries()) {
    const match = HEADER.exec(line.text);
    if (match) return match;
    // "Ergebnisprotokoll⏎14. Sitzung der AG Informationssicherheit": the header on two lines.
    const joined =
      MINUTES_WORD.test(line.text) && first[i + 1]
        ? HEADER.exec(`${line.text} ${first[i + 1].text}`)
        : null;
    if (joined) return joined;
    // "Ergebnisprotokoll der Arbeitsgruppe Schnittstellenregister⏎Sitzung vom 16. Dezember 2025".
    const group = OF_GROUP.exec(line.text);
    if (group && GROUP_NAME.test(group[1]))
      return [line.text, undefined, group[1], undefined] as unknown as RegExpExecArray;
    // "Arbeitsgruppe Datenschema⏎Ergebnisprotokoll der 5. Sitzung am 2. September 2025": the body
    // named on the line above.
    const untitled = i > 0 ? BODY_ABOVE.exec(line.text) : null;
    if (untitled && GROUP_NAME.test(first[i - 1].text)) {
      const found = [line.text, untitled[1], first[i - 1].text, undefined];
      const date = findGermanDate(line.text);
      if (date) found[3] = dotted(date);
      return found as unknown as RegExpExecArray;
    }
    // "AG Elektronische Akte – 12. Sitzung am 10.12.2025⏎Protokoll (Auszug)", "Projektgruppe
    // Online-Kfz⏎Sitzung am 03.02.2026 – Kurzprotokoll": the group, its session, a minutes word.
    const titled = GROUP_SESSION.exec(line.text);
    const below =
      i > 0 && GROUP_NAME.test(first[i - 1].text) ? SESSION_MINUTES.exec(line.text) : null;
    const near = first.slice(Math.max(0, i - 1), i + 2).some((l) => MINUTES_IN.test(l.text));
    if ((titled && GROUP_NAME.test(titled[1]) && near) || below) {
      const date = findGermanDate(line.text);
      const number = (titled ?? below)?.[titled ? 2 : 1];
      const group = titled ? titled[1] : first[i - 1].text;
      const day = date ? dotted(date) : undefined;
      return [line.text, number, group, day] as unknown as RegExpExecArray;
    }
    const conference = CONFERENCE_HEADER.exec(line.text);
    if (conference) {
      // As a session header: [whole, number, body, date line].
      const number = conference[1] ?? conference[4];
      const body = conference[2] ?? conference[5];
      const rest = conference[3] ?? conference[6] ?? '';
      const named = /\b(?:der|des)\s+([^,–-]+?)(?:\s+(?:am|vom)\b|$)/.exec(rest)?.[1];
      const date = findGermanDate(line.text);
      const found = [
        line.text,
        number,
        named ? `${body} ${named}` : body,
        undefined,
      ] as unknown as RegExpExecArray;
      if (date) found[3] = dotted(date);
      return found;
    }
  }
  // The last resort, once no header of a known form was found.
  for (const i of [0, 1]) {
    const loose = first[i] ? looseHeader(first, i) : undefined;
    if (loose) return loose;
  }
  return undefined;
}

export function parseMinutes(
  lines: SourceLine[],
  header: RegExpExecArray,
  council: CouncilInfo,
): ParsedDocument {
  const date = header[3]
    ? findGermanDate(header[3])
    : findGermanDate(
        lines
          .slice(0, 8)
          .map((l) => l.text)
          .join('\n'),
      );
  const name = header[2].trim();
  const own = council.aliases.some((alias) => name.startsWith(alias));
  // "Protokoll⏎Sitzung der Unterarbeitsgruppe …⏎23.09.2025": a session known by its date only.
  const number = header[1] ? Number(header[1]) : undefined;
  const meeting: BlockMeeting = {
    kind: 'session',
    ...(number !== undefined ? { number } : {}),
    ...(own ? {} : { body: name }),
    ...(date ? { date } : {}),
  };
  const doc: ParsedDocument = {
    format: 'protocol',
    agendaItems: [],
    resolutions: [],
    notes: [],
    ...(own && number !== undefined ? { meetingNumber: number } : {}),
    ...(date ? { documentDate: date, sessionDate: date } : {}),
    ...(own ? {} : { bodySessions: bodySessions(lines, number, date) }),
  };
  // The header's last line: its own, or the one after a minutes word standing alone.
  const headerAt = lines.findIndex(
    (l, i) =>
      HEADER.test(l.text) ||
      (MINUTES_WORD.test(l.text) && HEADER.test(`${l.text} ${lines[i + 1]?.text}`)),
  );
  const headerLine =
    headerAt < 0 ? 1 : lines[headerAt].no + (HEADER.test(lines[headerAt].text) ? 0 : 1);
  let item:
    | { number: string; title: string; line: number; spans: TextSpan[]; tasks: PointText[] }
    | undefined;
  let columns: Columns | undefined;
  /** Prose outside any agenda item: the minutes' whole content where they have no items. */
  const loose: TextSpan[] = [];
  const close = () => {
    if (!item) return;
    // "… zusammenzufassen (verantwortlich: NI, Termin: 15.04.)": a task row told in a sentence.
    item.tasks.unshift(...bracketedTasks(item.spans));
    const prose = item.spans.some((s) => /^(?:\d{1,2}[.)]|[-–•*])\s/.test(s.text))
      ? splitPoints(item.spans)
      : singlePoint(item.spans);
    const points = [
      ...prose,
      ...item.tasks.map((t, i) => ({
        ...t,
        number: prose.length > 0 || t.number === 0 ? prose.length + i + 1 : t.number,
      })),
    ];
    if (points.length > 0) {
      const resolution: ParsedResolution = {
        id: `${date ?? `Sitzung ${header[1] ?? name}`}${item.number ? ` TOP ${item.number}` : ''}`,
        ...(item.number ? { agendaItem: item.number } : {}),
        ...(item.title ? { title: item.title } : {}),
        points,
        line: item.line,
        meeting,
        anchor: 'protocol-bv',
        minutes: true,
        ...(item.spans.some((span) => SETTLED.test(span.text)) ? { settled: true as const } : {}),
        ...(own ? {} : { body: name }),
      };
      doc.resolutions.push(resolution);
    }
    doc.agendaItems.push({ number: item.number, title: item.title, line: item.line });
  };
  // "1. Stand der Schemaänderungen" on a line of its own: minutes that number their items.
  const numbered = !lines.some((l) => TOP.test(l.text));
  /** The order of the parts of task bullets, from the heading over them. */
  let order: Columns | undefined;
  let skip = 0;
  for (const [at, line] of lines.entries()) {
    if (line.no <= headerLine || at < skip) continue;
    // "ToDo: BY, BW – Mustertext zusammenführen – bis 06.03.2026", bullets in a named order, a
    // bullet with an arrow line: tasks on lines of their own (task-lines.ts).
    const listed = taskLines(lines, at, order);
    if (listed) {
      item ??= { number: 'Aufgaben', title: 'Aufgaben', line: line.no, spans: [], tasks: [] };
      item.tasks.push(listed.task);
      skip = at + listed.used;
      continue;
    }
    const heading = listOrder(line.text);
    order = heading ?? (line.text === '' || BULLET.test(line.text) ? order : undefined);
    if (heading) continue;
    const top = TOP.exec(line.text) ?? (numbered ? ITEM_HEADING.exec(line.text) : null);
    if (top && !line.cells) {
      close();
      item = { number: top[1], title: top[2].trim(), line: line.no, spans: [], tasks: [] };
      columns = undefined;
      continue;
    }
    if (line.cells) {
      if (line.cells.length === 0) continue;
      const found = taskColumns(line.cells);
      if (found) {
        columns = found;
        item ??= { number: 'Aufgaben', title: 'Aufgaben', line: line.no, spans: [], tasks: [] };
        continue;
      }
      const task = columns && item ? taskRow(line, columns) : undefined;
      if (task) item?.tasks.push(task);
      continue;
    }
    columns = undefined;
    if (line.text === '') continue;
    if (item) item.spans.push({ text: line.text, line: line.no });
    else if (!findGermanDate(line.text) || /\s\p{Ll}+\s/u.test(line.text))
      loose.push({ text: line.text, line: line.no });
  }
  close();
  // "Ergebnisprotokoll der 4. Sitzung …⏎19. November 2025⏎Brandenburg übernimmt …": minutes
  // without agenda items are one item, named by the session.
  if (doc.agendaItems.length === 0 && loose.length > 0) {
    item = { number: '', title: '', line: loose[0].line, spans: loose, tasks: [] };
    close();
    doc.agendaItems = [];
  }
  return doc;
}

/** "Die nächste Sitzung findet am 21. Oktober 2025 statt", "zur nächsten Sitzung am 4.11.2025 ein". */
const NEXT_SESSION =
  /(?<![\p{L}-])nächsten?\s+(?:Sitzung|Termin|Treffen|Telefonkonferenz|Videokonferenz|Besprechung)\b(?:\s+(?:des|der)\s+([\p{L}-]+))?[^.]{0,60}?(?:\bam|:)\s*(?:\p{L}+,?\s+)?(?:den\s+)?(\d{1,2}\.\s?(?:\d{1,2}\.\s?\d{4}|\p{L}+\s+\d{4}))/iu;
/** "13. Sitzung: 08.12.2025", "12. Sitzung am 20.10.2025": a session of the body by its number. */
const NUMBERED_SESSION =
  /^(?:[-–•]\s*)?(\d{1,3})\.\s*Sitzung\s*(?::|am)\s*(?:\p{L}+,?\s+)?(\S.*)$/iu;

/** A heading or label over the dates of sessions to come. */
const SESSION_DATES =
  /^(?:TOP\s*\d{1,2}\.?\s*)?(?:(?:Weitere|Nächste|Kommende|Künftige)?\s*(?:Sitzungs)?[Tt]ermine|(?:Weitere|Nächste|Kommende|Künftige)\s+Sitzung(?:en)?)\b[^:]{0,40}:?/u;

/** The body's sessions the minutes date, later than the one they record. */
export function bodySessions(
  lines: SourceLine[],
  number: number | undefined,
  held?: string,
): BodySessions {
  const found: BodySessions = {
    ...(number !== undefined ? { number } : {}),
    dated: {},
    upcoming: [],
  };
  for (const [i, line] of lines.entries()) {
    // "TOP 5 Weitere Sitzungstermine⏎10.03.2026 (Videokonferenz), 16.06.2026 (Schwerin)": the
    // sessions to come, in order.
    // Each pattern only where its words occur: this runs over every line of a text.
    if (/ermine|Sitzung/.test(line.text) && SESSION_DATES.test(line.text)) {
      // The dates on the line and on the lines under it ("22.04.2026 (Präsenz)⏎24.06.2026 (…)").
      const under = lines.slice(i + 1, i + 5).map((l) => l.text);
      const listed = [line.text.replace(SESSION_DATES, ''), ...under].join(' ');
      for (const m of listed.matchAll(/\b\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\b/g)) {
        const day = findGermanDate(m[0]);
        if (day && (!held || day > held) && !found.upcoming.includes(day)) found.upcoming.push(day);
      }
    }
    const numbered = line.text.includes('Sitzung') ? NUMBERED_SESSION.exec(line.text) : null;
    const day = numbered ? findGermanDate(numbered[2]) : undefined;
    if (numbered && day && (!held || day > held)) found.dated[Number(numbered[1])] = day;
    const next = found.next || !/ächst/.test(line.text) ? undefined : NEXT_SESSION.exec(line.text);
    const nextDay = next ? findGermanDate(next[2]) : undefined;
    if (nextDay && (!held || nextDay > held)) {
      found.next = nextDay;
      if (next?.[1]) found.nextBody = next[1];
    }
  }
  return found;
}
