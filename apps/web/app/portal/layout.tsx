import type { Metadata } from 'next';
import { AreaLayout } from '@/components/shell/area-layout';
import { PortalShell } from '@/components/shell/portal-shell';

export const metadata: Metadata = { title: { default: 'Review', template: '%s · Muse' } };

export default function PortalLayout({ children }: LayoutProps<'/portal'>) {
  return <AreaLayout>{(session) => <PortalShell session={session}>{children}</PortalShell>}</AreaLayout>;
}
