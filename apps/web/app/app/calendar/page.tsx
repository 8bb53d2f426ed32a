import type { Metadata } from 'next';
import { ContentCalendar } from '@/components/calendar/content-calendar';
import { serverConfig } from '@/lib/server-config';

export const metadata: Metadata = { title: 'Calendar' };

export default function CalendarPage() {
  // The feed's address is the API's public one, which only the server knows.
  return <ContentCalendar area="app" apiUrl={serverConfig.PUBLIC_API_URL} />;
}
