import 'server-only';
import { createApi } from '@/lib/api-client/endpoints';
import { serverTransport } from '@/lib/api-client/server-transport';

/**
 * What the pages of a message's links call, without a session: the signed link is the proof
 * (unsubscribe, answering an idea from the email). From the server, so the token never reaches
 * the API in an address.
 */
const anonymous = () => createApi(serverTransport(undefined));

export const unsubscribe = (token: string) => anonymous().notifications.unsubscribe(token);
export const openReviewAction = (token: string) => anonymous().reviewActions.open(token);
export const answerReviewAction = (token: string, comment?: string) =>
  anonymous().reviewActions.answer({ token, ...(comment ? { comment } : {}) });
