import type { RouteContract } from '@muse/contracts';
import type { RequestHandler, Router } from 'express';

/** Mounts handlers on the method and path a route contract declares, so neither is written twice. */
export function mountRoute(router: Router, contract: RouteContract, ...handlers: RequestHandler[]): void {
  const method = contract.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  router[method](contract.path, ...handlers);
}
