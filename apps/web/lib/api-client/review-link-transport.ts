import { REVIEW_LINK_HEADER, type Transport } from '@muse/contracts';

/**
 * Calls the API as the holder of a review link: its token in the review-link header, no session
 * and no referrer (the page's address holds the token). `fetchApi` is the browser's fetch, or
 * the server's with its own address and timeout.
 */
export function reviewLinkTransport(
  apiUrl: string,
  token: string,
  fetchApi: typeof fetch = fetch,
): Transport {
  return (path, init) =>
    fetchApi(`${apiUrl}${path}`, {
      ...init,
      referrerPolicy: 'no-referrer',
      headers: { ...(init.headers as Record<string, string>), [REVIEW_LINK_HEADER]: token },
    });
}
