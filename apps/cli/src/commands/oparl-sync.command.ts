import type { INestApplicationContext } from '@nestjs/common';
import { OparlSyncService } from '@app/ingest';

/** `tracker oparl sync <system-url>`: a line per list page read, then what each text changed. */
export async function oparlSyncCommand(
  app: INestApplicationContext,
  url: string,
  out: (line: string) => void,
): Promise<void> {
  const report = await app.get(OparlSyncService).sync(url, { progress: out });
  for (const council of report.councils)
    out(
      `council ${council.code} (${council.name}): ${council.created ? 'created' : 'known'}${council.members > 0 ? `, ${council.members} owners added to its registry or changed` : ''}`,
    );
  out(
    `${report.meetings} meetings read; calendar: ${report.calendar.added} sessions added, ${report.calendar.updated} updated`,
  );
  for (const text of report.texts)
    out(
      `${text.file}: ${text.status} (${text.meeting !== null ? `${text.meeting}. Sitzung` : 'outside the calendar'}: ${text.resolutions} decisions, ${text.mandates} mandates, ${text.obligations} obligations)`,
    );
}
