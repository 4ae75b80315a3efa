import type { Due } from '@app/extraction';

export function describeDue(
  due:
    Due | { kind: string; meeting?: number; date?: string; fromMeeting?: number; soft?: boolean },
): string {
  const soft = 'soft' in due && due.soft ? ' (möglichst)' : '';
  switch (due.kind) {
    case 'meeting':
      return `${'meeting' in due ? due.meeting : ''}. Sitzung${soft}`;
    case 'date':
      return `${'date' in due ? due.date : ''}${soft}`;
    case 'recurring':
      return 'fromMeeting' in due && due.fromMeeting
        ? `ab ${due.fromMeeting}. Sitzung`
        : 'wiederkehrend';
    case 'event':
      return `Ereignis${soft}`;
    default:
      return '-';
  }
}
