'use client';

import { useEffect, useState } from 'react';

/** Where a fixed control sits: along the bottom (a bulk bar) or along the right edge (a side panel). */
export type ClearanceSide = 'bottom' | 'right';

/** The CSS variables the toaster's offset reads (components/ui/toaster.tsx). */
export const TOAST_CLEARANCE_VARIABLES: Record<ClearanceSide, string> = {
  bottom: '--toast-clear-bottom',
  right: '--toast-clear-right',
};

/**
 * Keeps toasts clear of a fixed control while it is on screen: they rise above it (bottom) or
 * move to its left (right), so a toast never covers the buttons or fields a person is using.
 * Returns the ref to put on the control; it may come and go.
 */
export function useToastClearance(side: ClearanceSide): (element: HTMLElement | null) => void {
  const [element, setElement] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!element) return;
    const root = document.documentElement.style;
    const variable = TOAST_CLEARANCE_VARIABLES[side];
    const measure = () => {
      const box = element.getBoundingClientRect();
      const clearance = side === 'bottom' ? window.innerHeight - box.top : window.innerWidth - box.left;
      root.setProperty(variable, `${Math.max(0, Math.round(clearance))}px`);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
      root.removeProperty(variable);
    };
  }, [element, side]);
  return setElement;
}
