import type { Role } from '@muse/contracts';

/** The seeded demo users, offered as one-click sign-ins in local mode only. */
export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  workspace: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@muse.test', name: 'Morgan Reyes', role: 'PLATFORM_ADMIN', workspace: 'Muse platform' },
  { email: 'owner@northwind.test', name: 'Olivia Hart', role: 'AGENCY_ADMIN', workspace: 'Northwind Social' },
  {
    email: 'member@northwind.test',
    name: 'Sam Okafor',
    role: 'AGENCY_MEMBER',
    workspace: 'Northwind Social',
  },
  {
    email: 'client@acme-coffee.test',
    name: 'Priya Nair',
    role: 'CLIENT',
    workspace: 'Acme Coffee · Northwind Social',
  },
  {
    email: 'client@bloom-fitness.test',
    name: 'Jordan Lee',
    role: 'CLIENT',
    workspace: 'Bloom Fitness · Northwind Social',
  },
  {
    email: 'owner@blueharbor.test',
    name: 'Ethan Brooks',
    role: 'AGENCY_ADMIN',
    workspace: 'Blue Harbor Agency',
  },
  {
    email: 'client@harborbooks.test',
    name: 'Nora Quinn',
    role: 'CLIENT',
    workspace: 'Harbor Books · Blue Harbor Agency',
  },
];
