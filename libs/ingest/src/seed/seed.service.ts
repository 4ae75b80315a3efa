import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { Clock, systemClock } from '@app/config';
import type { Registry, SeedSession } from '@app/extraction';
import {
  CouncilRepository,
  MeetingRepository,
  MemberRepository,
  refreshOverdueFlags,
  Transactions,
} from '@app/persistence';
import type { EntityManager } from 'typeorm';

export interface SeedReport {
  council: string;
  members: { added: number; updated: number };
  meetings: { added: number; updated: number };
}

/**
 * Loads seed data (seeds/<council>/registry.json and sessions.json) into the database. Running it
 * again applies edits to the files; nothing about a council is hard-coded anywhere else.
 */
@Injectable()
export class SeedService {
  constructor(
    private readonly transactions: Transactions,
    private readonly councils: CouncilRepository,
    private readonly members: MemberRepository,
    private readonly meetings: MeetingRepository,
    private readonly clock: Clock = systemClock,
  ) {}

  async seedAll(seedsDir: string): Promise<SeedReport[]> {
    const entries = await readdir(seedsDir, { withFileTypes: true });
    const reports: SeedReport[] = [];
    for (const entry of entries
      .filter((e) => e.isDirectory())
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const dir = join(seedsDir, entry.name);
      const files = await readdir(dir);
      if (!files.includes('registry.json')) continue;
      const registry = JSON.parse(await readFile(join(dir, 'registry.json'), 'utf8')) as Registry;
      const sessions = files.includes('sessions.json')
        ? (
            JSON.parse(await readFile(join(dir, 'sessions.json'), 'utf8')) as {
              sessions: SeedSession[];
            }
          ).sessions
        : [];
      reports.push(
        await this.transactions.run(async (manager) => {
          const report = await this.seed(manager, registry, sessions);
          // A calendar edited and seeded again moves deadlines: overdue is judged again at once.
          await refreshOverdueFlags(manager, this.clock.now());
          return report;
        }),
      );
    }
    return reports;
  }

  async seed(
    manager: EntityManager,
    registry: Registry,
    sessions: SeedSession[],
  ): Promise<SeedReport> {
    let council = await this.councils.withCode(registry.council.code, manager);
    council = await this.councils.save(manager, {
      ...(council ?? {}),
      code: registry.council.code,
      name: registry.council.name,
      aliases: registry.council.aliases,
      fileNumberPattern: registry.council.fileNumberPattern ?? null,
    });
    const report: SeedReport = {
      council: council.code,
      members: { added: 0, updated: 0 },
      meetings: { added: 0, updated: 0 },
    };
    const rows = [
      ...registry.members.map((m) => ({
        code: m.code,
        name: m.name,
        kind: m.kind as string,
        aliases: m.aliases,
        expandsTo: null,
      })),
      ...registry.groups.map((g) => ({
        code: g.name,
        name: g.name,
        kind: 'group',
        aliases: g.aliases,
        expandsTo: g.expandsTo,
      })),
      ...registry.bodies.map((b) => ({
        code: b.name,
        name: b.name,
        kind: b.kind,
        aliases: b.aliases,
        expandsTo: null,
      })),
    ];
    for (const row of rows) {
      const existing = await this.members.inCouncil(manager, council.id, row.code);
      if (!existing) {
        await this.members.add(manager, { ...row, councilId: council.id, active: true });
        report.members.added++;
      } else if (
        JSON.stringify([existing.name, existing.kind, existing.aliases, existing.expandsTo]) !==
        JSON.stringify([row.name, row.kind, row.aliases, row.expandsTo])
      ) {
        await this.members.update(manager, existing.id, row);
        report.members.updated++;
      }
    }
    for (const session of sessions) {
      const existing = await this.meetings.numbered(manager, council.id, session.number);
      // A session the seed lists without a date ("Termin offen") keeps the date and place the
      // secretariat has entered in the calendar since.
      const open = session.date === null;
      const values = {
        date: open ? (existing?.date ?? null) : session.date,
        approximate: session.approximate ?? false,
        place: session.place ?? (open ? (existing?.place ?? null) : null),
        ...(session.cancelled ? { state: 'cancelled' as const } : {}),
      };
      if (!existing) {
        await this.meetings.insert(manager, {
          councilId: council.id,
          number: session.number,
          state: 'planned',
          ...values,
        });
        report.meetings.added++;
      } else if (
        existing.date !== values.date ||
        existing.approximate !== values.approximate ||
        existing.place !== values.place
      ) {
        await this.meetings.update(manager, existing.id, values);
        report.meetings.updated++;
      }
    }
    return report;
  }
}
