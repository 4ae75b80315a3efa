import { Injectable, NotFoundException } from '@nestjs/common';
import {
  composeMemberReport,
  composeSessionPreparation,
  renderReportCsv,
  renderReportHtml,
  renderReportMarkdown,
  renderSessionPreparationCsv,
  renderSessionPreparationHtml,
  renderSessionPreparationMarkdown,
  type MemberReport,
  type SessionPreparation,
} from '@app/follow-up';
import {
  FollowUpDataRepository,
  MemberRepository,
  StoredReportRepository,
  type FollowUpScope,
  type StoredReport,
} from '@app/persistence';

export const REPORT_FORMATS = ['md', 'html', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** How many reports of one member (or one session) are kept; older ones go as new ones come. */
export const REPORTS_KEPT = 50;

/** A composed report: kept (with its id) or composed for one reading only (id null). */
export type ComposedReport = Omit<StoredReport, 'id'> & { id: number | null };

export interface RenderedReport {
  id: number | null;
  generatedAt: string;
  contentType: string;
  fileName: string;
  body: string;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/**
 * Member status reports and session preparation reports: composed, rendered, and kept only where
 * a job or a user asks to keep one (`keep`), at most REPORTS_KEPT per member or session. Reading
 * a report writes nothing.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly members: MemberRepository,
    private readonly reports: StoredReportRepository,
    private readonly data: FollowUpDataRepository,
  ) {}

  async memberReport(
    code: string,
    now: Date,
    baseUrl: string,
    keep: boolean,
    councilId?: number,
  ): Promise<ComposedReport> {
    const member = await this.members.byCode(code, councilId);
    if (!member) throw new NotFoundException(`Ein Mitglied ${code} gibt es nicht.`);
    // A member's report is of its own council: its decisions, resolved against its calendar.
    const report = composeMemberReport({
      member: { code: member.code, name: member.name },
      obligations: await this.data.obligations({ owner: member.code, councilId: member.councilId }),
      sessions: await this.data.sessions(member.councilId),
      now,
      baseUrl,
    });
    return this.compose('member', member.code, now, report, keep);
  }

  /** The scheduled run: a report for every member of the council. */
  async allMemberReports(now: Date, baseUrl: string): Promise<{ reports: number }> {
    const members = await this.members.active(false);
    for (const member of members)
      await this.memberReport(member.code, now, baseUrl, true, member.councilId);
    return { reports: members.length };
  }

  /**
   * Whether session `number` is in the calendar of council `councilId` (the first council's
   * without one): a preparation is only for those.
   */
  async isCalendarSession(number: number, councilId?: number): Promise<boolean> {
    return (await this.data.sessions(councilId)).some((s) => s.number === number);
  }

  /**
   * The preparation for session `meeting`; `scope` narrows it to one member's obligations (a
   * delegate's own) or to one council's decisions, dated by that council's calendar (session
   * numbers are per council); such a narrowed one is never kept.
   */
  async sessionPreparation(
    meeting: number,
    now: Date,
    baseUrl: string,
    keep: boolean,
    scope: FollowUpScope = {},
  ): Promise<ComposedReport> {
    const members = await this.members.all();
    const names = new Map(members.map((m) => [m.code, m.name]));
    const narrowed =
      scope.owner !== undefined || scope.memberId !== undefined || scope.councilId !== undefined;
    const obligations = (await this.data.obligations(scope)).map((o) => ({
      ...o,
      memberName: names.get(o.owner),
    }));
    const report = composeSessionPreparation({
      session: meeting,
      obligations,
      sessions: await this.data.sessions(scope.councilId),
      now,
      baseUrl,
    });
    return this.compose('session', String(meeting), now, report, keep && !narrowed);
  }

  async history(
    kind: 'member' | 'session',
    subject: string,
  ): Promise<Array<{ id: number; generatedAt: string }>> {
    const rows = await this.reports.history(kind, subject);
    return rows.map(({ id, generatedAt }) => ({ id, generatedAt }));
  }

  async find(id: number): Promise<StoredReport> {
    const row = await this.reports.findById(id);
    if (!row) throw new NotFoundException(`Einen Bericht ${id} gibt es nicht.`);
    return row;
  }

  render(stored: ComposedReport, format: ReportFormat): RenderedReport {
    const stamp = stored.generatedAt.slice(0, 10);
    const body =
      stored.kind === 'member'
        ? { md: renderReportMarkdown, html: renderReportHtml, csv: renderReportCsv }[format](
            stored.data as MemberReport,
          )
        : {
            md: renderSessionPreparationMarkdown,
            html: renderSessionPreparationHtml,
            csv: renderSessionPreparationCsv,
          }[format](stored.data as SessionPreparation);
    const name =
      stored.kind === 'member'
        ? `statusbericht-${stored.subject}-${stamp}`
        : `sitzungsvorbereitung-${stored.subject}-${stamp}`;
    return {
      id: stored.id,
      generatedAt: stored.generatedAt,
      contentType: CONTENT_TYPES[format],
      fileName: `${name}.${format}`,
      body,
    };
  }

  private async compose(
    kind: 'member' | 'session',
    subject: string,
    now: Date,
    data: unknown,
    keep: boolean,
  ): Promise<ComposedReport> {
    const row = { kind, subject, generatedAt: now.toISOString(), data };
    if (!keep) return { id: null, ...row };
    return { id: await this.reports.keep(row, REPORTS_KEPT), ...row };
  }
}
