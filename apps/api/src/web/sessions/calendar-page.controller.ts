import { Body, Get, HttpException, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { Clock } from '@app/config';
import { isCalendarSession, MeetingsService } from '@app/tracking';
import { PageController } from '../page-controller.decorator';
import { PageError } from '../page-error';
import { PageRoles } from '../session/page-access.decorators';
import { seeOther, type Page, type SeeOther } from '../page';
import { PageContext, PageUser } from '../page-params.decorators';
import type { WebContext } from '../web-http';
import { CALENDAR_DONE, calendarPage } from './calendar.view';
import { calendarDay } from './next-session';

type Form = Record<string, unknown>;

const field = (body: Form, name: string) =>
  typeof body[name] === 'string' ? (body[name] as string).trim() : '';

/** A calendar day from a date field; `label` names the field in the message. */
function dateField(body: Form, label: string, required: boolean): string | undefined {
  const value = field(body, 'date');
  if (value === '') {
    if (required) throw new PageError(422, `Bitte geben Sie im Feld „${label}“ ein Datum an.`);
    return undefined;
  }
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw new PageError(
      422,
      `Das Feld „${label}“ enthält kein gültiges Datum (erwartet wie 2026-03-25): „${value.slice(0, 40)}“.`,
    );
  }
  return value;
}

function placeField(body: Form): string | undefined {
  const place = field(body, 'place');
  if (place.length > 200)
    throw new PageError(422, 'Das Feld „Ort“ ist zu lang (höchstens 200 Zeichen).');
  return place || undefined;
}

/** The meetings service words its refusals in German for people: they are the page's message. */
async function refusedInGerman<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof HttpException && error.getStatus() < 500) {
      const body = error.getResponse();
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      if (typeof message === 'string') throw new PageError(error.getStatus(), message);
    }
    throw error;
  }
}

/**
 * The secretariat edits the calendar here with the same rules as the API: a moved session moves
 * the deadlines that name it, a cancelled one hands them to the next session.
 */
@PageRoles('secretariat')
@PageController('sessions/calendar')
export class CalendarPageController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async page(
    @Query('done') done: unknown,
    @Query('meeting') meetingId: unknown,
    @Query('count') count: unknown,
    @PageContext() context: WebContext,
  ): Promise<Page> {
    const meetings = await this.meetings.list();
    const today = calendarDay(this.clock.now());
    const ahead = meetings.filter((m) => (m.date === null ? m.state !== 'held' : m.date >= today));
    const numbers = meetings.filter(isCalendarSession).map((m) => m.number);
    const changed = meetings.find((m) => String(m.id) === meetingId);
    const say = typeof done === 'string' ? CALENDAR_DONE[done] : undefined;
    return calendarPage({
      context,
      ahead,
      nextNumber: (numbers.length ? Math.max(...numbers) : 0) + 1,
      today,
      status: say && changed ? say(changed.name, Number(count) || 0) : undefined,
    });
  }

  @Post('sessions')
  async add(@Body() body: Form, @PageUser() user: AuthUser): Promise<SeeOther> {
    const number = Number(field(body, 'number'));
    if (!Number.isInteger(number) || number < 1 || number > 10_000) {
      throw new PageError(
        422,
        'Das Feld „Nummer der Sitzung“ braucht eine ganze Zahl ab 1, etwa 49.',
      );
    }
    const date = dateField(body, 'Datum', false);
    const added = await refusedInGerman(
      this.meetings.create({ number, date: date ?? null, place: placeField(body) }, user),
    );
    return seeOther(`/sessions/calendar?done=added&meeting=${added.id}`);
  }

  @Post('special')
  async addSpecial(@Body() body: Form, @PageUser() user: AuthUser): Promise<SeeOther> {
    const date = dateField(body, 'Datum', true) as string;
    const added = await refusedInGerman(
      this.meetings.createSpecial({ date, place: placeField(body) }, user),
    );
    return seeOther(`/sessions/calendar?done=special&meeting=${added.id}`);
  }

  @Post(':id/move')
  async move(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: Form,
    @PageUser() user: AuthUser,
  ): Promise<SeeOther> {
    const date = dateField(body, 'Neues Datum', true) as string;
    await refusedInGerman(this.meetings.updateById(id, { date }, user));
    return seeOther(`/sessions/calendar?done=moved&meeting=${id}`);
  }

  @Post(':id/cancel')
  async cancel(
    @Param('id', ParseIntPipe) id: number,
    @PageUser() user: AuthUser,
  ): Promise<SeeOther> {
    const result = await refusedInGerman(
      this.meetings.updateById(id, { state: 'cancelled' }, user),
    );
    return seeOther(
      `/sessions/calendar?done=cancelled&meeting=${id}&count=${result.movedDeadlines ?? 0}`,
    );
  }
}
