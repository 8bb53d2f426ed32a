/**
 * Runs `concurrency` loops, each calling `step` back to back, until `stop` is called. Every loop
 * also ends at `maxMs`, so a stuck phase cannot keep the load running forever.
 */
export function startSteadyLoad(options: {
  concurrency: number;
  maxMs: number;
  step: (loop: number, iteration: number) => Promise<void>;
}) {
  let stopped = false;
  const deadline = performance.now() + options.maxMs;
  const loops = Array.from({ length: options.concurrency }, async (_, loop) => {
    for (let iteration = 0; !stopped && performance.now() < deadline; iteration += 1) {
      await options.step(loop, iteration);
    }
  });
  return {
    /** Stops every loop after its current request and waits for them. */
    async stop(): Promise<void> {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
