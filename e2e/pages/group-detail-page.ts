import type { Locator, Page } from '@playwright/test';
import { HistoryChart } from './history-chart';

type Strategy = 'earliest' | 'latest' | 'datetime' | 'offset' | 'shift' | 'duration';

// One consumer group: health, lag numbers, the per-partition table, the chart, the reset panel and
// the deletions.
export class GroupDetailPage {
  constructor(private readonly page: Page, private readonly cluster: string) {}

  async goto(group: string) {
    await this.page.goto(`/clusters/${encodeURIComponent(this.cluster)}/groups/${encodeURIComponent(group)}`);
  }

  get title(): Locator {
    return this.page.getByTestId('group-title');
  }

  get health(): Locator {
    return this.page.getByTestId('group-health');
  }

  get healthReason(): Locator {
    return this.page.getByTestId('group-health-reason');
  }

  get totalLag(): Locator {
    return this.page.getByTestId('group-total-lag');
  }

  partitionLag(topic: string, partition: number): Locator {
    return this.page.getByTestId(`partition-lag-${topic}-${partition}`);
  }

  get chart(): Locator {
    return this.page.getByTestId('group-lag-history');
  }

  /** Lag per topic (messages) at the chart's newest point. */
  async chartLastLag(): Promise<Record<string, number | null>> {
    const last = await new HistoryChart(this.chart).last();
    return Object.fromEntries(Object.entries(last).filter(([key]) => key.startsWith('group.lag:')).map(([key, lag]) => [key.slice('group.lag:'.length), lag]));
  }

  async chooseScope(scope: 'all' | 'topic' | 'partitions') {
    await this.page.getByTestId(`reset-scope-${scope}`).check();
  }

  async chooseStrategy(strategy: Strategy) {
    await this.page.getByTestId('reset-strategy').selectOption(strategy);
  }

  async preview() {
    await this.page.getByTestId('reset-preview-button').click();
  }

  get previewTable(): Locator {
    return this.page.getByTestId('reset-preview');
  }

  previewTarget(topic: string, partition: number): Locator {
    return this.page.getByTestId(`reset-preview-target-${topic}-${partition}`);
  }

  previewAfter(topic: string, partition: number): Locator {
    return this.page.getByTestId(`reset-preview-after-${topic}-${partition}`);
  }

  get blocked(): Locator {
    return this.page.getByTestId('reset-blocked');
  }

  get confirmButton(): Locator {
    return this.page.getByTestId('reset-confirm');
  }

  async confirm() {
    await this.page.getByTestId('reset-confirm-check').check();
    await this.confirmButton.click();
  }

  get result(): Locator {
    return this.page.getByTestId('reset-result');
  }

  async chooseOffsetsTopic(topic: string) {
    await this.page.getByTestId('delete-offsets-topic').selectOption(topic);
  }

  get offsetsConfirmInput(): Locator {
    return this.page.getByTestId('delete-offsets-confirm-input');
  }

  get deleteOffsetsButton(): Locator {
    return this.page.getByTestId('delete-offsets');
  }

  get deleteOffsetsResult(): Locator {
    return this.page.getByTestId('delete-offsets-result');
  }

  get groupConfirmInput(): Locator {
    return this.page.getByTestId('delete-group-confirm-input');
  }

  get deleteGroupButton(): Locator {
    return this.page.getByTestId('delete-group');
  }
}
