'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { KeyboardShortcuts } from '@/components/layout/keyboard-shortcuts';
import { makeQueryClient } from '@/lib/queries/client';

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={client}>
      <KeyboardShortcuts />
      {children}
    </QueryClientProvider>
  );
}
