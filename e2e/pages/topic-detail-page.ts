import type { Locator, Page } from '@playwright/test';
import { HistoryChart } from './history-chart';

const clusterBase = (cluster: string) => `/clusters/${encodeURIComponent(cluster)}`;

export class TopicDetailPage {
  constructor(readonly page: Page, readonly cluster: string, readonly topic: string) {}
  goto() {
    return this.page.goto(`${clusterBase(this.cluster)}/topics/${encodeURIComponent(this.topic)}`);
  }
  get partitionRows(): Locator {
    return this.page.locator('[data-testid^="partition-row-"]');
  }
  partitionRow(partition: number): Locator {
    return this.page.getByTestId(`partition-row-${partition}`);
  }
  replica(partition: number, broker: number): Locator {
    return this.page.getByTestId(`partition-replicas-${partition}-${broker}`);
  }
  /** Throughput and size over time. */
  get history(): HistoryChart {
    return new HistoryChart(this.page.getByTestId('topic-history'));
  }
  get underReplicatedBadge(): Locator {
    return this.page.getByTestId('topic-under-replicated-badge');
  }
}
