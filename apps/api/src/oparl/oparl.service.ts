import { Injectable } from '@nestjs/common';
import { validateEnvironment } from '@app/config';
import {
  buildPublication,
  listPage,
  OparlRequestError,
  pagedInDatabase,
  selectedPage,
  type OparlListQuery,
  OparlUrls,
  parseFileKey,
  parseListQuery,
  type OparlBodyList,
  type OparlObject,
  type OparlPublication,
  type OparlPublish,
} from '@app/oparl';
import {
  CouncilRepository,
  OparlReadRepository,
  type Council,
  type OparlObjectKind,
} from '@app/persistence';
import { readOparlData, selectPaperPage } from './oparl-data.reader';

/** Where the OParl API answers, below the app's address. */
export const OPARL_PATH = 'oparl/v1.1';

const NOT_FOUND = 'Dieses Objekt gibt es nicht.';

const PRODUCT = { name: 'mandate-tracker: Beschlüsse und ihre Umsetzung' };

/** The OParl publication of the councils, built from the database on each request. */
@Injectable()
export class OparlService {
  private readonly publish: OparlPublish = validateEnvironment(process.env).OPARL_PUBLISH;

  constructor(
    private readonly reads: OparlReadRepository,
    private readonly councils: CouncilRepository,
  ) {}

  private published(): Exclude<OparlPublish, 'off'> {
    const publish = this.publish;
    if (publish === 'off')
      throw new OparlRequestError(
        404,
        'Die OParl-Schnittstelle ist nicht eingeschaltet (OPARL_PUBLISH).',
        'OPARL_PUBLISH=off',
      );
    return publish;
  }

  /**
   * Every council's publication; `withDecisions: false` leaves the decisions out, for the
   * objects that do not show them (System, Body, organizations and the lists of those).
   */
  private async publications(root: string, withDecisions = true): Promise<OparlPublication[]> {
    const councils = await this.councils.all();
    const built: OparlPublication[] = [];
    for (const council of councils)
      built.push(await this.publicationOf(root, council, withDecisions));
    return built;
  }

  /** One council's publication: what a body's lists and its objects are built from. */
  private async publicationOf(
    root: string,
    council: Council,
    withDecisions: boolean,
  ): Promise<OparlPublication> {
    const publish = this.published();
    return buildPublication(
      new OparlUrls(root),
      await readOparlData(this.reads, council, publish, withDecisions ? undefined : []),
      publish,
      PRODUCT,
    );
  }

  /**
   * The council an object's URL (below the root) belongs to, told by its own row: a body by its
   * code, an organization, meeting, agenda item (or a decision's own) or protocol file by its id,
   * the System by the first council; null when that row
   * does not exist, undefined when the URL alone does not tell. Only that council is then built
   * (with 400 councils, building all took a minute for one meeting list).
   */
  private async councilOf(rest: string): Promise<Council | null | undefined> {
    if (rest === 'system') return (await this.councils.first()) ?? null;
    const body = /^body\/([^/]+)(?:\/[^/]+)?$/.exec(rest);
    if (body) {
      let code: string;
      try {
        code = decodeURIComponent(body[1]);
      } catch {
        return null;
      }
      return this.councils.withCode(code);
    }
    const match =
      /^(organization\/council-|organization\/member-|meeting\/|agenda-item\/decision-|agenda-item\/|file\/document-)([1-9]\d{0,9})(?:\/location)?$/.exec(
        rest,
      );
    if (!match) return undefined;
    return this.reads.councilOfObject(match[1] as OparlObjectKind, Number(match[2]));
  }

  /** The System object is the first council's (its times are that council's). */
  async system(root: string): Promise<OparlObject> {
    this.published();
    const first = await this.councils.first();
    return first ? (await this.publicationOf(root, first, false)).system : this.emptySystem(root);
  }

  private emptySystem(root: string): OparlObject {
    const urls = new OparlUrls(root);
    const at = new Date(0).toISOString();
    return {
      id: urls.system(),
      type: 'https://schema.oparl.org/1.1/System',
      created: at,
      modified: at,
      oparlVersion: 'https://schema.oparl.org/1.1/',
      body: urls.bodies(),
    };
  }

  /**
   * The bodies, one per council in id order. Without filters only the page's councils are built
   * (the same page as from all of them); a filter on the times needs every body.
   */
  async bodies(root: string, query: Record<string, unknown>) {
    const parsed = parseListQuery(query);
    const url = new OparlUrls(root).bodies();
    this.published();
    if (Object.values(parsed.filters).some(Boolean)) {
      const all = await this.publications(root, false);
      return listPage(
        all.map((p) => p.body),
        parsed,
        url,
      );
    }
    const [councils, total] = await this.councils.page(
      (parsed.page - 1) * parsed.limit,
      parsed.limit,
    );
    const bodies: OparlObject[] = [];
    for (const council of councils)
      bodies.push((await this.publicationOf(root, council, false)).body);
    return selectedPage(bodies, total, parsed, url);
  }

  async bodyList(root: string, code: string, list: OparlBodyList, query: Record<string, unknown>) {
    const parsed = parseListQuery(query);
    const urls = new OparlUrls(root);
    if (list === 'paper' && pagedInDatabase(parsed)) return this.paperPage(urls, code, parsed);
    const withDecisions = list === 'meeting' || list === 'paper';
    this.published();
    const council = await this.councils.withCode(code);
    if (!council) throw new OparlRequestError(404, NOT_FOUND, `no body ${code}`);
    const publication = await this.publicationOf(root, council, withDecisions);
    return listPage(publication.lists[list], parsed, urls.bodyList(code, list));
  }

  /**
   * A page of a body's papers, read for that page only: the database picks the page's decisions
   * (order, withdrawn ones, modified_since) and counts all; only those are built.
   */
  private async paperPage(urls: OparlUrls, code: string, query: OparlListQuery) {
    const publish = this.published();
    const council = await this.councils.withCode(code);
    if (!council) throw new OparlRequestError(404, NOT_FOUND, `no body ${code}`);
    const { ids, total } = await selectPaperPage(this.reads, council, publish, query);
    const data = await readOparlData(this.reads, council, publish, ids);
    const publication = buildPublication(urls, data, publish, PRODUCT);
    const papers = ids
      .map((id) => publication.objects.get(urls.paper(id)))
      .filter((paper): paper is OparlObject => paper !== undefined);
    return selectedPage(papers, total, query, urls.bodyList(code, 'paper'));
  }

  /**
   * A decision's own publication (its Paper, Consultation and File), built from that decision
   * alone; undefined where the id names no stored decision.
   */
  private async decisionPublication(
    urls: OparlUrls,
    resolutionId: number,
  ): Promise<OparlPublication | undefined> {
    const publish = this.published();
    const council = await this.reads.councilOfDecision(resolutionId);
    if (!council) return undefined;
    const data = await readOparlData(this.reads, council, publish, [resolutionId]);
    return buildPublication(urls, data, publish, PRODUCT);
  }

  /** Any object by its URL (the URL the request was made to). */
  async object(root: string, id: string): Promise<OparlObject> {
    const urls = new OparlUrls(root);
    const decision = decisionOf(urls, id);
    if (decision !== undefined) {
      const found = (await this.decisionPublication(urls, decision))?.objects.get(id);
      if (found) return found;
      throw new OparlRequestError(404, NOT_FOUND, `no object ${id}`);
    }
    const rest = id.startsWith(`${urls.root}/`) ? id.slice(urls.root.length + 1) : '';
    const withDecisions = !/^(system|body\/[^/]+|organization\/[^/]+)$/.test(rest);
    this.published();
    const council = await this.councilOf(rest);
    if (council === null) throw new OparlRequestError(404, NOT_FOUND, `no object ${id}`);
    const publications = council
      ? [await this.publicationOf(root, council, withDecisions)]
      : await this.publications(root, withDecisions);
    for (const publication of publications) {
      const found = publication.objects.get(id);
      if (found) return found;
    }
    throw new OparlRequestError(404, NOT_FOUND, `no object ${id}`);
  }

  /** The publication a protocol file belongs to (its council's), every one for a key it does not tell. */
  private async documentPublications(root: string, key: string): Promise<OparlPublication[]> {
    const council = await this.councilOf(`file/${key}`);
    if (council === null) return [];
    return council ? [await this.publicationOf(root, council, true)] : this.publications(root);
  }

  /** A file's content and name; 410 for a withdrawn decision's file, as the spec advises. */
  async fileContent(root: string, key: string): Promise<{ text: string; fileName: string }> {
    const urls = new OparlUrls(root);
    const parsed = parseFileKey(key);
    const id =
      parsed?.kind === 'document'
        ? urls.documentFile(parsed.id)
        : urls.decisionFile(parsed?.id ?? 0);
    const publications =
      parsed?.kind === 'decision'
        ? [await this.decisionPublication(urls, parsed.id)].filter(
            (p): p is OparlPublication => p !== undefined,
          )
        : await this.documentPublications(root, key);
    for (const publication of publications) {
      const source = publication.files.get(id);
      if (source?.kind === 'decision') return { text: source.text, fileName: source.fileName };
      if (source?.kind === 'document') {
        return {
          text: await this.reads.documentText(source.documentId),
          fileName: source.fileName,
        };
      }
      if (publication.objects.get(id)?.deleted === true)
        throw new OparlRequestError(410, 'Diese Datei wurde zurückgezogen.', `withdrawn ${id}`);
    }
    throw new OparlRequestError(404, 'Diese Datei gibt es nicht.', `no file ${key}`);
  }
}

/** The decision a Paper, Consultation or decision File URL belongs to. */
function decisionOf(urls: OparlUrls, id: string): number | undefined {
  const prefix = `${urls.root}/`;
  if (!id.startsWith(prefix)) return undefined;
  const match = /^(?:paper\/|consultation\/|file\/decision-)([1-9]\d{0,9})$/.exec(
    id.slice(prefix.length),
  );
  return match ? Number(match[1]) : undefined;
}
