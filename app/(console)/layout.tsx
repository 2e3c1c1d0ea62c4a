import type { ReactNode } from 'react';
import { ExposureBanner } from '@/components/layout/exposure-banner';

export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <ExposureBanner />
      {children}
    </>
  );
}
