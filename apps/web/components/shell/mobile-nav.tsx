'use client';

import type { Role } from '@muse/contracts';
import * as DialogPrimitive from '@radix-ui/react-dialog';
import { Menu } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, SheetContent } from '@/components/ui/dialog';
import { Logo } from './logo';
import { NavLinks, type ShellArea } from './nav-links';

export function MobileNav({ area, role, workspace }: { area: ShellArea; role: Role; workspace: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button variant="ghost" size="icon" aria-label="Open navigation" onClick={() => setOpen(true)}>
        <Menu aria-hidden />
      </Button>
      <SheetContent
        className="left-0 right-auto max-w-72 border-l-0 border-r p-4"
        aria-describedby={undefined}
      >
        <DialogPrimitive.Title className="sr-only">Navigation</DialogPrimitive.Title>
        <Logo subtitle={workspace} className="mb-6 px-2" />
        <NavLinks area={area} role={role} onNavigate={() => setOpen(false)} />
      </SheetContent>
    </Dialog>
  );
}
