import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { themeScript } from '@/lib/prefs/theme';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: 'Kafka Console',
  description: 'Admin console and monitoring dashboard for Apache Kafka',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The CSP runs only scripts with this request's nonce (set by proxy.ts); browsers hide the
  // attribute from the DOM after parsing, so it is not compared on hydration.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    // The inline script sets the theme class before the first paint; it changes <html> before
    // React hydrates, hence suppressHydrationWarning (on this element only).
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
