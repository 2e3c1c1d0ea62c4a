import type { Locator, Page } from '@playwright/test';

const clusterBase = (cluster: string) => `/clusters/${encodeURIComponent(cluster)}`;

export class TopicsPage {
  constructor(readonly page: Page, readonly cluster: string) {}
  /** Opens the list and waits until it is hydrated: rows can arrive with the HTML, before input works. */
  async goto(search = '') {
    await this.page.goto(`${clusterBase(this.cluster)}/topics${search}`);
    await this.page.locator('[data-testid="topics-results"][data-hydrated="true"], [data-testid="error-state"]').first().waitFor();
  }
  get search(): Locator {
    return this.page.getByTestId('topic-search');
  }
  row(topic: string): Locator {
    return this.page.getByTestId(`topic-row-${topic}`);
  }
  partitions(topic: string): Locator {
    return this.page.getByTestId(`topic-partitions-${topic}`);
  }
  size(topic: string): Locator {
    return this.page.getByTestId(`topic-size-${topic}`);
  }
  messages(topic: string): Locator {
    return this.page.getByTestId(`topic-messages-${topic}`);
  }
  sortBy(key: string): Locator {
    return this.page.getByTestId(`sort-${key}`);
  }
  get rows(): Locator {
    return this.page.locator('[data-testid^="topic-row-"]');
  }
}
