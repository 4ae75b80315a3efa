import type { Role } from '@app/persistence';

/** The signed-in person as every request sees it. */
export interface AuthUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** For a delegate: the member it acts for. */
  memberId: number | null;
  memberCode: string | null;
}
