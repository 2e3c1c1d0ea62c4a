import type { Locator, Page } from '@playwright/test';

const clusterBase = (cluster: string) => `/clusters/${encodeURIComponent(cluster)}`;

export class OverviewPage {
  constructor(readonly page: Page, readonly cluster: string) {}
  goto() {
    return this.page.goto(clusterBase(this.cluster));
  }
  get brokersTile(): Locator {
    return this.page.getByTestId('overview-brokers');
  }
  get underReplicatedTile(): Locator {
    return this.page.getByTestId('overview-under-replicated');
  }
  health(id: 'brokers' | 'offline' | 'under-min-isr' | 'under-replicated'): Locator {
    return this.page.getByTestId(`health-${id}`);
  }
}
