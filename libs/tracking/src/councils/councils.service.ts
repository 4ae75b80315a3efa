import { BadRequestException, Injectable } from '@nestjs/common';
import { councilIdOf, CouncilRepository, ResolutionRepository } from '@app/persistence';

/** A council as lists name it: its id, short name (code) and name. */
export interface CouncilView {
  id: number;
  code: string;
  name: string;
}

/**
 * The councils side by side (the IT-Planungsrat, and each one followed through OParl): lists
 * are filtered by one with `council=<short name or id>`.
 */
@Injectable()
export class CouncilsService {
  constructor(
    private readonly councils: CouncilRepository,
    private readonly resolutions: ResolutionRepository,
  ) {}

  async list(): Promise<CouncilView[]> {
    return (await this.councils.all()).map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
    }));
  }

  /** The council a filter names, by short name or id; a name that fits none is refused. */
  async find(value: string): Promise<CouncilView> {
    const council = (await this.list()).find(
      (c) => c.code === value || c.id === councilIdOf(value),
    );
    if (!council)
      throw new BadRequestException(
        `council: Ein Gremium „${value}“ gibt es nicht; nennen Sie es mit seinem Kürzel (z. B. itplr) oder seiner Nummer.`,
      );
    return council;
  }

  /** The id of the council an optional `council=` filter names; none without one. */
  async idOf(value: string | undefined): Promise<number | undefined> {
    return value ? (await this.find(value)).id : undefined;
  }

  /** Each decision's council name, where more than one council is kept (else empty). */
  async namesOf(resolutionIds: number[]): Promise<Map<number, string>> {
    const councils = await this.list();
    if (councils.length < 2 || resolutionIds.length === 0) return new Map();
    const names = new Map(councils.map((c) => [c.id, c.name]));
    const rows = await this.resolutions.councilsOf([...new Set(resolutionIds)]);
    return new Map(rows.map((r) => [r.id, names.get(r.councilId) ?? '']));
  }
}
