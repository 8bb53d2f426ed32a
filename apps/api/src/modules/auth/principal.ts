import type { Role, TenantStatus, UserStatus } from '@muse/contracts';

/** The signed-in user as authorization sees it: resolved from the token's subject, never from its claims. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  role: Role;
  status: UserStatus;
  /** Null for platform admins. */
  tenantId: string | null;
  /** The client of a CLIENT user. */
  clientId: string | null;
  tenant: { id: string; name: string; slug: string; status: TenantStatus } | null;
  /** The client of a CLIENT user, as it was named when the principal was resolved. */
  client: { id: string; name: string } | null;
}
