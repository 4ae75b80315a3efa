import type { AuthUser } from '@app/accounts';
import type { MandateListQuery, MandatesService, MandateView } from '@app/tracking';

/** Enough for every list a page shows whole; a member owes a few hundred at most. */
const LIMIT = 5000;

/** Every mandate of a query, page by page (the service pages by 500 at most). */
export async function allMandates(
  mandates: MandatesService,
  query: MandateListQuery,
  user: AuthUser,
): Promise<MandateView[]> {
  const items: MandateView[] = [];
  for (let page = 1; items.length < LIMIT; page++) {
    const result = await mandates.list({ ...query, page, pageSize: 500 }, user);
    items.push(...result.items);
    if (!result.hasMore) break;
  }
  return items;
}
