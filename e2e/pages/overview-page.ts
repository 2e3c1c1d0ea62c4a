import type { Locator, Page } from '@playwright/test';
import { HistoryChart } from './history-chart';

const clusterBase = (cluster: string) => `/clusters/${encodeURIComponent(cluster)}`;

export class OverviewPage {
  constructor(readonly page: Page, readonly cluster: string) {}
  goto() {
    return this.page.goto(clusterBase(this.cluster));
  }
  get summary(): Locator {
    return this.page.getByTestId('health-summary');
  }
  /** Traffic and health over time. */
  get history(): HistoryChart {
    return new HistoryChart(this.page.getByTestId('overview-history'));
  }
  busiestTopic(topic: string): Locator {
    return this.page.getByTestId(`overview-busiest-${topic}`);
  }
  problemGroup(groupId: string): Locator {
    return this.page.getByTestId(`overview-problem-group-${groupId}`);
  }
  health(id: 'brokers' | 'offline' | 'under-min-isr' | 'under-replicated' | 'groups'): Locator {
    return this.page.getByTestId(`health-${id}`);
  }
}
