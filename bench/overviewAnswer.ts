import type { Page } from 'playwright-core';

/**
 * Waits until the Overview shows its answer (issue 17): the CAR cards with an amount, the top channels and the small
 * Sankey drawn, the three parts a user reads first on opening a project.
 */
export async function waitForOverviewAnswer(page: Page): Promise<void> {
  const answer = page.locator('.overview-model');
  const timeout = 120_000;
  await answer.locator('[aria-label="Attributed CAR"] .card-value', { hasText: /\d/ }).waitFor({ timeout });
  await answer.locator('table[aria-label="Top channels"] tbody tr').first().waitFor({ timeout });
  await answer.locator('.overview-sankey svg path').first().waitFor({ timeout });
}
