import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makePdf } from '../factories/pdf.factory';

const T = (name: string) => `https://schema.oparl.org/1.1/${name}`;

export interface TestMeeting {
  key: number;
  name: string;
  start: string;
  state: 'terminiert' | 'durchgeführt';
  modified: string;
  /** Decisions given as the agenda item's resolutionText. */
  texts: string[];
  /** Decisions given only as the PDF main file of a paper (through the consultation). */
  pdfs: string[];
}

/** A council the server publishes: a Body with its organizations and meetings. */
export interface TestBody {
  key: number;
  name: string;
  shortName?: string;
  classification?: string;
  organizations: Array<{ name: string; shortName?: string }>;
  meetings: TestMeeting[];
}

/**
 * A council information system as a client meets it, on 127.0.0.1: System, Body, a meeting list
 * paged one meeting per page that honours modified_since, agenda items with resolution texts,
 * papers whose main file is a PDF. It can answer 429 a number of times first, and logs requests.
 */
export class OparlTestServer {
  readonly meetings: TestMeeting[] = [];
  /** Body 1 (named IT-Planungsrat, for the calendar of the seeded council) serves `meetings`. */
  readonly bodies: TestBody[] = [
    { key: 1, name: 'IT-Planungsrat', organizations: [], meetings: this.meetings },
  ];
  readonly requests: string[] = [];
  /** Answer this many requests with 429 before serving. */
  busy = 0;
  /** Answer every meeting list with this text instead of JSON (a broken server). */
  malformed: string | undefined;
  private server: Server | undefined;
  private base = '';

  get systemUrl(): string {
    return `${this.base}/system`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.requests.push(request.url ?? '');
      if (this.busy > 0) {
        this.busy--;
        response.writeHead(429, { 'retry-after': '0' }).end();
        return;
      }
      const url = new URL(request.url ?? '/', this.base);
      const answer = this.answer(url);
      if (answer === undefined) response.writeHead(404).end();
      else if (Buffer.isBuffer(answer))
        response
          .writeHead(200, {
            'content-type': url.pathname.endsWith('.pdf') ? 'application/pdf' : 'application/json',
          })
          .end(answer);
      else
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private stamp(type: string, id: string, modified = '2024-01-01T00:00:00+01:00') {
    return { id: `${this.base}${id}`, type: T(type), created: modified, modified };
  }

  private meetingObject(m: TestMeeting) {
    return {
      ...this.stamp('Meeting', `/meeting/${m.key}`, m.modified),
      name: m.name,
      start: m.start,
      meetingState: m.state,
      agendaItem: [
        ...m.texts.map((text, i) => ({
          ...this.stamp('AgendaItem', `/agenda-item/${m.key}-${i}`, m.modified),
          order: i + 1,
          resolutionText: text,
        })),
        ...m.pdfs.map((_, i) => ({
          ...this.stamp('AgendaItem', `/agenda-item/${m.key}-p${i}`, m.modified),
          order: m.texts.length + i + 1,
          consultation: `${this.base}/consultation/${m.key}-${i}`,
        })),
      ],
    };
  }

  private answer(url: URL): object | Buffer | undefined {
    const path = url.pathname;
    if (path === '/system')
      return {
        ...this.stamp('System', '/system'),
        oparlVersion: 'https://schema.oparl.org/1.1/',
        body: `${this.base}/bodies`,
      };
    if (path === '/bodies')
      return {
        data: this.bodies.map((body) => ({
          ...this.stamp('Body', `/body/${body.key}`),
          name: body.name,
          ...(body.shortName ? { shortName: body.shortName } : {}),
          ...(body.classification ? { classification: body.classification } : {}),
          meeting: `${this.base}/body/${body.key}/meetings`,
          organization: `${this.base}/body/${body.key}/organizations`,
          mainOrganization: `${this.base}/organization/${body.key}-council`,
        })),
        pagination: {},
        links: {},
      };
    const listOf = /^\/body\/(\d+)\/(meetings|organizations)$/.exec(path);
    const body = this.bodies.find((b) => b.key === Number(listOf?.[1]));
    if (listOf && body && listOf[2] === 'organizations')
      return {
        data: [
          {
            ...this.stamp('Organization', `/organization/${body.key}-council`),
            name: body.name,
          },
          ...body.organizations.map((o, i) => ({
            ...this.stamp('Organization', `/organization/${body.key}-${i}`),
            name: o.name,
            ...(o.shortName ? { shortName: o.shortName } : {}),
          })),
        ],
        pagination: {},
        links: {},
      };
    if (listOf && body) {
      if (this.malformed !== undefined) return Buffer.from(this.malformed);
      const since = url.searchParams.get('modified_since');
      const list = body.meetings.filter(
        (m) => !since || Date.parse(m.modified) >= Date.parse(since),
      );
      const page = Number(url.searchParams.get('page') ?? '1');
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      return {
        data: list.slice(page - 1, page).map((m) => this.meetingObject(m)),
        pagination: { elementsPerPage: 1, currentPage: page },
        links: page < list.length ? { next: next.toString() } : {},
      };
    }
    const [, kind, key] = path.split('/');
    const [meetingKey, index] = (key ?? '').split('-').map(Number);
    const pdf = this.bodies.flatMap((b) => b.meetings).find((m) => m.key === meetingKey)?.pdfs[
      index
    ];
    if (pdf === undefined) return undefined;
    if (kind === 'consultation')
      return { ...this.stamp('Consultation', path), paper: `${this.base}/paper/${key}` };
    if (kind === 'paper')
      return {
        ...this.stamp('Paper', path),
        mainFile: {
          ...this.stamp('File', `/file/${key}`),
          mimeType: 'application/pdf',
          accessUrl: `${this.base}/file/${key}/content.pdf`,
        },
      };
    if (kind === 'file') return makePdf([pdf.split('\n')]);
    return undefined;
  }
}
