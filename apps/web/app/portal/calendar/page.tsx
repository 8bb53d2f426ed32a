import type { Metadata } from 'next';
import { ContentCalendar } from '@/components/calendar/content-calendar';
import { serverConfig } from '@/lib/server-config';

export const metadata: Metadata = { title: 'Your calendar' };

export default function PortalCalendarPage() {
  return <ContentCalendar area="portal" apiUrl={serverConfig.PUBLIC_API_URL} />;
}
