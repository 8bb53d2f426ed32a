import type { Metadata } from 'next';
import { BrandingForm } from '@/components/agency/branding-form';
import { NoAccess } from '@/components/shell/no-access';
import { requireSession } from '@/lib/auth/current-session';

export const metadata: Metadata = { title: 'Branding' };

export default async function BrandingPage() {
  if ((await requireSession()).role !== 'AGENCY_ADMIN') {
    return (
      <NoAccess reason="Only agency admins change how the agency presents itself to clients." home="/app" />
    );
  }
  return <BrandingForm />;
}
