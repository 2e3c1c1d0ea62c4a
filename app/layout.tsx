import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { themeScript } from '@/lib/prefs/theme';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: 'Kafka Console',
  description: 'Admin console and monitoring dashboard for Apache Kafka',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The inline script sets the theme class before the first paint; it changes <html> before
    // React hydrates, hence suppressHydrationWarning (on this element only).
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
