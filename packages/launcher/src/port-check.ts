import { isPortTaken } from '@muse/config/ports';

/**
 * The first port variable whose port is taken, as one line that says which variable to change.
 * Checked before anything starts: a readiness check on a taken port would be answered by
 * whatever holds it, such as another Muse.
 */
export async function takenPortProblem(ports: Record<string, number>): Promise<string | null> {
  for (const [variable, port] of Object.entries(ports)) {
    if (await isPortTaken(port)) {
      return `port ${port} is already in use (${variable}); stop what holds it or set ${variable} to a free port`;
    }
  }
  return null;
}
