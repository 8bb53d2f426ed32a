import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export interface AxeFinding {
  screen: string;
  rule: string;
  help: string;
  nodes: string[];
}

/**
 * What axe finds on the page as it stands once its requests and transitions are done: every rule
 * it runs by default, which is WCAG 2 A and AA and its best practices.
 */
export async function axeViolations(page: Page, screen: string): Promise<AxeFinding[]> {
  await page.waitForLoadState('networkidle');
  // Judged at rest: a toast half faded in is not the colour it shows.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((violation) => ({
    screen,
    rule: violation.id,
    help: violation.help,
    nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.html.slice(0, 100)}`),
  }));
}
