import { Injectable } from '@nestjs/common';
import { validateEnvironment } from '@app/config';
import {
  buildPublication,
  listPage,
  OparlRequestError,
  OparlUrls,
  parseFileKey,
  parseListQuery,
  type OparlBodyList,
  type OparlObject,
  type OparlPublication,
  type OparlPublish,
} from '@app/oparl';
import { Council, SourceDocument } from '@app/persistence';
import { DataSource } from 'typeorm';
import { readOparlData } from './oparl-data.reader';

/** Where the OParl API answers, below the app's address. */
export const OPARL_PATH = 'oparl/v1.1';

const NOT_FOUND = 'Dieses Objekt gibt es nicht.';

/** The OParl publication of the councils, built from the database on each request. */
@Injectable()
export class OparlService {
  private readonly publish: OparlPublish = validateEnvironment(process.env).OPARL_PUBLISH;

  constructor(private readonly dataSource: DataSource) {}

  private async publications(root: string): Promise<OparlPublication[]> {
    const publish = this.publish;
    if (publish === 'off')
      throw new OparlRequestError(
        404,
        'Die OParl-Schnittstelle ist nicht eingeschaltet (OPARL_PUBLISH).',
        'OPARL_PUBLISH=off',
      );
    const councils = await this.dataSource.manager.find(Council, { order: { id: 'ASC' } });
    const urls = new OparlUrls(root);
    const built: OparlPublication[] = [];
    for (const council of councils)
      built.push(
        buildPublication(urls, await readOparlData(this.dataSource, council, publish), publish, {
          name: 'mandate-tracker: Beschlüsse und ihre Umsetzung',
        }),
      );
    return built;
  }

  async system(root: string): Promise<OparlObject> {
    const all = await this.publications(root);
    return all[0]?.system ?? this.emptySystem(root);
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

  async bodies(root: string, query: Record<string, unknown>) {
    const parsed = parseListQuery(query);
    const all = await this.publications(root);
    return listPage(
      all.map((p) => p.body),
      parsed,
      new OparlUrls(root).bodies(),
    );
  }

  async bodyList(root: string, code: string, list: OparlBodyList, query: Record<string, unknown>) {
    const parsed = parseListQuery(query);
    const urls = new OparlUrls(root);
    const publication = (await this.publications(root)).find((p) => p.body.id === urls.body(code));
    if (!publication) throw new OparlRequestError(404, NOT_FOUND, `no body ${code}`);
    return listPage(publication.lists[list], parsed, urls.bodyList(code, list));
  }

  /** Any object by its URL (the URL the request was made to). */
  async object(root: string, id: string): Promise<OparlObject> {
    for (const publication of await this.publications(root)) {
      const found = publication.objects.get(id);
      if (found) return found;
    }
    throw new OparlRequestError(404, NOT_FOUND, `no object ${id}`);
  }

  /** A file's content and name; 410 for a withdrawn decision's file, as the spec advises. */
  async fileContent(root: string, key: string): Promise<{ text: string; fileName: string }> {
    const urls = new OparlUrls(root);
    const parsed = parseFileKey(key);
    const id =
      parsed?.kind === 'document'
        ? urls.documentFile(parsed.id)
        : urls.decisionFile(parsed?.id ?? 0);
    for (const publication of await this.publications(root)) {
      const source = publication.files.get(id);
      if (source?.kind === 'decision') return { text: source.text, fileName: source.fileName };
      if (source?.kind === 'document') {
        const document = await this.dataSource.manager.findOneByOrFail(SourceDocument, {
          id: source.documentId,
        });
        return { text: document.text, fileName: source.fileName };
      }
      if (publication.objects.get(id)?.deleted === true)
        throw new OparlRequestError(410, 'Diese Datei wurde zurückgezogen.', `withdrawn ${id}`);
    }
    throw new OparlRequestError(404, 'Diese Datei gibt es nicht.', `no file ${key}`);
  }
}
