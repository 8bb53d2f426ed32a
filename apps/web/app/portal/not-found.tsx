import { NotFoundPanel } from '@/components/shell/not-found-panel';

export default function PortalNotFound() {
  return <NotFoundPanel home="/portal" homeLabel="Back to your reviews" />;
}
