import type { Reporter, TestModule } from 'vitest/node';
import { ITEMS, type Item } from './summary.ts';

const isItem = (name: string): name is Item => (ITEMS as readonly string[]).includes(name);

/** The item lines a test file recorded, or one naming why it failed before it could record any. */
function linesOf(module: TestModule): { order: number; line: string }[] {
  const tests = [...module.children.allTests()];
  const recorded = tests.flatMap((test) => test.meta().resilience ?? []);
  if (recorded.length > 0 || module.ok()) return recorded;
  const suites = [...module.children.allSuites()];
  const item = suites.map((suite) => suite.name).find(isItem);
  const [error] = [
    ...module.errors(),
    ...suites.flatMap((suite) => suite.errors()),
    ...tests.flatMap((test) => test.result().errors ?? []),
  ];
  const reason = error?.message.split('\n')[0] ?? 'see the errors above';
  return [
    {
      order: item ? ITEMS.indexOf(item) : ITEMS.length,
      line: `resilience: ${item ?? module.relativeModuleId}: FAILED (${reason})`,
    },
  ];
}

/** Prints each item's summary line after vitest's own report, so they are the run's last lines. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const lines = testModules.flatMap(linesOf).sort((a, b) => a.order - b.order);
    for (const { line } of lines) process.stdout.write(`${line}\n`);
  }
}
