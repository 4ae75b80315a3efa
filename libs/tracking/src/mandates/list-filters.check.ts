import { BadRequestException, Injectable } from '@nestjs/common';
import {
  CouncilRepository,
  MandateRepository,
  MeetingRepository,
  MemberRepository,
  ObligationRepository,
} from '@app/persistence';
import type { MandateListQuery } from './mandate-list.query';

/**
 * Filter values that name something (an owner, a session) must name something that exists: a
 * typo gets a 400 naming the value instead of an empty list that looks like "nothing owed".
 */
@Injectable()
export class ListFiltersCheck {
  constructor(
    private readonly councils: CouncilRepository,
    private readonly members: MemberRepository,
    private readonly obligations: ObligationRepository,
    private readonly meetings: MeetingRepository,
    private readonly mandates: MandateRepository,
  ) {}

  /**
   * `matched`: a list with these filters found rows, which proves the council and the owner
   * exist (its statement matched a decision of that council and an obligation of that owner), so
   * they are not read again: the hot list route then runs no statement here. An empty list (a
   * typo, or a page past the end) has them checked as before.
   */
  async check(
    query: Pick<MandateListQuery, 'owner' | 'dueMeeting' | 'meeting' | 'council'>,
    matched = false,
  ): Promise<void> {
    const { owner, dueMeeting, meeting, council } = query;
    if (council !== undefined && !matched) {
      const known = await this.councils.existsNamed(council);
      if (!known)
        throw new BadRequestException(
          `council: Ein Gremium „${council}“ gibt es nicht; nennen Sie es mit seinem Kürzel (z. B. itplr) oder seiner Nummer.`,
        );
    }
    if (owner !== undefined && !matched) {
      // A member's code, or the name an owner the registry does not know is kept by.
      const known =
        (await this.members.existsCode(owner)) || (await this.obligations.existsForOwner(owner));
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
        (await this.meetings.existsNumber(number)) ||
        (name === 'dueMeeting' && (await this.mandates.isDueAtSession(number)));
      if (!known)
        throw new BadRequestException(
          `${name}: Eine ${number}. Sitzung steht nicht im Sitzungskalender.`,
        );
    }
  }
}
