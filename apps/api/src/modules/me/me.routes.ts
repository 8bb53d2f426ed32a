import { meRoutes } from '@muse/contracts';
import { defineRoutes } from '../../http/route-registry.ts';
import { createMeController } from './me.controller.ts';
import { createMeService } from './me.service.ts';

export function createMeRoutes() {
  const controller = createMeController(createMeService());
  return defineRoutes({ contract: meRoutes.get, access: 'me.read', handler: controller.get });
}
