import { notFound } from 'next/navigation';

/** An address in this area that no page answers: the area's own not-found page, inside its shell. */
export default function Missing() {
  notFound();
}
