'use client';

import { type DragEvent, useState } from 'react';

/**
 * A place a dragged card may be dropped on (a board column, a calendar day): it takes the drop
 * only while `accepts`, and says whether the card is over it, to light it up.
 */
export function useDropTarget(accepts: boolean, onDrop: () => void) {
  const [over, setOver] = useState(false);
  return {
    over: accepts && over,
    handlers: {
      onDragOver: (event: DragEvent) => {
        if (!accepts) return;
        event.preventDefault();
        setOver(true);
      },
      onDragLeave: () => setOver(false),
      onDrop: (event: DragEvent) => {
        event.preventDefault();
        setOver(false);
        if (accepts) onDrop();
      },
    },
  };
}
