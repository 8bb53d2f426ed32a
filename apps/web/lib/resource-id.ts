import { isUuid } from '@muse/contracts';
import { notFound } from 'next/navigation';

/** An id from the address bar: anything that cannot name a resource is the area's not-found page. */
export function resourceIdOrNotFound(value: string): string {
  if (!isUuid(value)) notFound();
  return value;
}
