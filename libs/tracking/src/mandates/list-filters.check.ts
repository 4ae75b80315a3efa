import { BadRequestException, Injectable } from '@nestjs/common';
import { Council, Mandate, Meeting, Member, Obligation } from '@app/persistence';
import { DataSource } from 'typeorm';
import type { MandateListQuery } from './mandate-list.query';
import { councilIdOf } from './mandates.service';

/**
 * Filter values that name something (an owner, a session) must name something that exists: a
 * typo gets a 400 naming the value instead of an empty list that looks like "nothing owed".
 */
@Injectable()
export class ListFiltersCheck {
  constructor(private readonly dataSource: DataSource) {}

  async check(
    query: Pick<MandateListQuery, 'owner' | 'dueMeeting' | 'meeting' | 'council'>,
  ): Promise<void> {
    const { owner, dueMeeting, meeting, council } = query;
    if (council !== undefined) {
      const known = await this.dataSource.getRepository(Council).exists({
        where: [{ code: council }, { id: councilIdOf(council) }],
      });
      if (!known)
        throw new BadRequestException(
          `council: Ein Gremium „${council}“ gibt es nicht; nennen Sie es mit seinem Kürzel (z. B. itplr) oder seiner Nummer.`,
        );
    }
    if (owner !== undefined) {
      // A member's code, or the name an owner the registry does not know is kept by.
      const known =
        (await this.dataSource.getRepository(Member).existsBy({ code: owner })) ||
        (await this.dataSource.getRepository(Obligation).existsBy({ owner }));
      if (!known)
        throw new BadRequestException(
          `owner: „${owner}“ ist weder das Kürzel eines Mitglieds (z. B. HB) noch ein Beteiligter eines Auftrags.`,
        );
    }
    for (const [name, number] of [
      ['dueMeeting', dueMeeting],
      ['meeting', meeting],
    ] as const) {
      if (number === undefined) continue;
      // A deadline may name a session the calendar has no date for yet ("51. Sitzung (Termin
      // offen)"): asking what is due there is a fair question.
      const known =
        (await this.dataSource.getRepository(Meeting).existsBy({ number })) ||
        (name === 'dueMeeting' &&
          (await this.dataSource.getRepository(Mandate).existsBy({ dueMeeting: number })));
      if (!known)
        throw new BadRequestException(
          `${name}: Eine ${number}. Sitzung steht nicht im Sitzungskalender.`,
        );
    }
  }
}
