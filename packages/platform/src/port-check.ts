import net from 'node:net';

/** Whether something on this machine already listens on the port (on any address). */
export function isPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(true);
      else reject(error);
    });
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve(false)));
  });
}

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
