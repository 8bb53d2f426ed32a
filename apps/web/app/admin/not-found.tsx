import { NotFoundPanel } from '@/components/shell/not-found-panel';

export default function AdminNotFound() {
  return <NotFoundPanel home="/admin" homeLabel="Back to the agencies" />;
}
