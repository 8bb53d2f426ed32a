'use client';

import { ChevronLeft, ChevronRight } from 'lucide-react';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { cn } from '@/lib/cn';

/**
 * A row wider than the screen scrolls sideways, and says so: a fade and an arrow on each side
 * that has more, which scroll by most of a screen.
 */
export function ScrollingRow({
  label,
  className,
  children,
}: {
  /** What the row holds, for the arrows' names ("Scroll board columns right"). */
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const row = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState({ left: false, right: false });
  const measure = useCallback(() => {
    const element = row.current;
    if (!element) return;
    setMore({
      left: element.scrollLeft > 1,
      right: element.scrollLeft + element.clientWidth < element.scrollWidth - 1,
    });
  }, []);
  useEffect(() => {
    const element = row.current;
    if (!element) return;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    return () => observer.disconnect();
  }, [measure]);
  const scroll = (direction: 1 | -1) =>
    row.current?.scrollBy({ left: direction * row.current.clientWidth * 0.8, behavior: 'smooth' });

  return (
    <div className="relative">
      <div ref={row} onScroll={measure} className={cn('overflow-x-auto', className)}>
        {children}
      </div>
      {(['left', 'right'] as const).map(
        (side) =>
          more[side] && (
            <div
              key={side}
              className={cn(
                'pointer-events-none absolute inset-y-0 flex w-16 items-start pt-2',
                side === 'left'
                  ? 'left-0 justify-start bg-linear-to-r from-slate-50 to-transparent'
                  : 'right-0 justify-end bg-linear-to-l from-slate-50 to-transparent',
              )}
            >
              <button
                type="button"
                aria-label={`Scroll ${label.toLowerCase()} ${side}`}
                onClick={() => scroll(side === 'left' ? -1 : 1)}
                className="pointer-events-auto rounded-full border border-slate-200 bg-white p-1.5 text-slate-600 shadow-md hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-500"
              >
                {side === 'left' ? (
                  <ChevronLeft className="size-4" aria-hidden />
                ) : (
                  <ChevronRight className="size-4" aria-hidden />
                )}
              </button>
            </div>
          ),
      )}
    </div>
  );
}
