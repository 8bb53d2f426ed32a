import { notFound } from 'next/navigation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isResourceId = (value: string): boolean => UUID.test(value);

/** An id from the address bar: anything that cannot name a resource is the area's not-found page. */
export function resourceIdOrNotFound(value: string): string {
  if (!isResourceId(value)) notFound();
  return value;
}
