import type { Locator, Page } from '@playwright/test';

const clusterBase = (cluster: string) => `/clusters/${encodeURIComponent(cluster)}`;

export class OverviewPage {
  constructor(readonly page: Page, readonly cluster: string) {}
  goto() {
    return this.page.goto(clusterBase(this.cluster));
  }
  get summary(): Locator {
    return this.page.getByTestId('health-summary');
  }
  problemGroup(groupId: string): Locator {
    return this.page.getByTestId(`overview-problem-group-${groupId}`);
  }
  health(id: 'brokers' | 'offline' | 'under-min-isr' | 'under-replicated' | 'groups'): Locator {
    return this.page.getByTestId(`health-${id}`);
  }
}
