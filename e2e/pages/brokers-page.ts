import type { Locator, Page } from '@playwright/test';

const clusterBase = (cluster: string) => `/clusters/${encodeURIComponent(cluster)}`;

export class BrokersPage {
  constructor(readonly page: Page, readonly cluster: string) {}
  goto() {
    return this.page.goto(`${clusterBase(this.cluster)}/brokers`);
  }
  get rows(): Locator {
    return this.page.locator('[data-testid^="broker-row-"]');
  }
  row(id: number): Locator {
    return this.page.getByTestId(`broker-row-${id}`);
  }
  status(id: number): Locator {
    return this.page.getByTestId(`broker-status-${id}`);
  }
  /** Broker ids as listed, and which one is the controller. */
  async brokerIds(): Promise<{ ids: number[]; controller: number | undefined }> {
    await this.rows.first().waitFor();
    const ids = (await this.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid') ?? ''))).map((t) => Number(t.replace('broker-row-', '')));
    let controller: number | undefined;
    for (const id of ids) if (await this.page.getByTestId(`broker-controller-${id}`).count()) controller = id;
    return { ids, controller };
  }
}
