import type { Metadata } from 'next';
import { NotificationCentre } from '@/components/notifications/notification-centre';

export const metadata: Metadata = { title: 'Notifications' };

export default function PortalNotificationsPage() {
  return <NotificationCentre area="/portal" />;
}
