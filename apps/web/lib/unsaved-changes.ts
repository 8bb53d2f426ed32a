'use client';

import { useCallback, useEffect } from 'react';

export const DISCARD_QUESTION = 'Discard your unsaved edits?';

/**
 * While there are unsaved edits: leaving the page (reload, close, another address) asks first,
 * and `confirmDiscard` asks before a close or a switch inside the page throws them away.
 */
export function useUnsavedChanges(unsaved: boolean) {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
  return useCallback(() => !unsaved || window.confirm(DISCARD_QUESTION), [unsaved]);
}
