import type { Metadata } from 'next';
import { AppShell } from '@/components/shell/app-shell';
import { AreaLayout } from '@/components/shell/area-layout';

export const metadata: Metadata = { title: { default: 'Agency', template: '%s · Muse' } };

export default function AgencyLayout({ children }: LayoutProps<'/app'>) {
  return (
    <AreaLayout>
      {(session) => (
        <AppShell area="app" session={session}>
          {children}
        </AppShell>
      )}
    </AreaLayout>
  );
}
