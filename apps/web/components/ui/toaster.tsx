'use client';

import { Toaster as Sonner } from 'sonner';
import { TOAST_CLEARANCE_VARIABLES } from '@/lib/toast-clearance';

const GAP = '16px';
const TOAST_WIDTH = '356px';

/**
 * Bottom right, lifted above a bulk bar and moved left of an open side panel (the clearances
 * `useToastClearance` sets), but never pushed off a narrow screen.
 */
const offset = {
  bottom: `max(24px, calc(var(${TOAST_CLEARANCE_VARIABLES.bottom}, 0px) + ${GAP}))`,
  right: `max(24px, min(calc(var(${TOAST_CLEARANCE_VARIABLES.right}, 0px) + ${GAP}), calc(100vw - ${TOAST_WIDTH} - ${GAP})))`,
};

export function Toaster() {
  return (
    <Sonner
      position="bottom-right"
      offset={offset}
      richColors
      closeButton
      toastOptions={{ duration: 5000 }}
    />
  );
}
