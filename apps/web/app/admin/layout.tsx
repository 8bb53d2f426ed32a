import type { Metadata } from 'next';
import { AppShell } from '@/components/shell/app-shell';
import { AreaLayout } from '@/components/shell/area-layout';

export const metadata: Metadata = { title: { default: 'Admin', template: '%s · Muse admin' } };

export default function AdminLayout({ children }: LayoutProps<'/admin'>) {
  return (
    <AreaLayout>
      {(session) => (
        <AppShell area="admin" session={session}>
          {children}
        </AppShell>
      )}
    </AreaLayout>
  );
}
