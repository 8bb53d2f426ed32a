import { NotFoundPanel } from '@/components/shell/not-found-panel';

export default function AgencyNotFound() {
  return <NotFoundPanel home="/app" homeLabel="Back to the dashboard" />;
}
