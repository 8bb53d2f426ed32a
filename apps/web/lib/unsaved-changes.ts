'use client';

import { useCallback, useEffect } from 'react';

export const DISCARD_QUESTION = 'Discard your unsaved edits?';

/** The in-app link a click follows, if any: those change the page without unloading it. */
function followedLink(event: MouseEvent): HTMLAnchorElement | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
    return null;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== '_self')) return null;
  return new URL(link.href, window.location.href).origin === window.location.origin ? link : null;
}

/**
 * While there are unsaved edits: leaving the page (reload, close, another address, a link of
 * the app such as the sidebar's) asks first, and `confirmDiscard` asks before a close or a
 * switch inside the page throws them away.
 */
export function useUnsavedChanges(unsaved: boolean) {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    // Captured before the link's own handler (Next's client navigation) can act on the click.
    const askBeforeFollowing = (event: MouseEvent) => {
      if (!followedLink(event) || window.confirm(DISCARD_QUESTION)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('beforeunload', warn);
    document.addEventListener('click', askBeforeFollowing, true);
    return () => {
      window.removeEventListener('beforeunload', warn);
      document.removeEventListener('click', askBeforeFollowing, true);
    };
  }, [unsaved]);
  return useCallback(() => !unsaved || window.confirm(DISCARD_QUESTION), [unsaved]);
}
