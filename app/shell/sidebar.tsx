import { Cpu, FolderOpen, MessageSquare, Search, Settings, type LucideIcon } from 'lucide-react';
import { Link, useLocation } from 'wouter';
import { cn } from '../lib/cn';

/** The screens, in the sidebar's order, each with its shortcut. */
export const SCREENS: Array<{ path: string; label: string; icon: LucideIcon; keys: string }> = [
  { path: '/chat', label: 'Chat', icon: MessageSquare, keys: 'Mod+1' },
  { path: '/search', label: 'Search', icon: Search, keys: 'Mod+2' },
  { path: '/library', label: 'Library', icon: FolderOpen, keys: 'Mod+3' },
  { path: '/models', label: 'Models', icon: Cpu, keys: 'Mod+4' },
  { path: '/settings', label: 'Settings', icon: Settings, keys: 'Mod+,' },
];

export function Sidebar() {
  const [location] = useLocation();
  return (
    <nav aria-label="Main" className="flex w-52 shrink-0 flex-col gap-1 border-r border-border bg-sidebar p-3">
      <div className="mb-4 px-2 pt-1 text-lg font-semibold tracking-tight">Hearth</div>
      {SCREENS.map(({ path, label, icon: Icon }) => {
        const active = location === path;
        return (
          <Link
            key={path}
            href={path}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-muted-foreground hover:bg-accent hover:text-foreground',
              active && 'bg-accent font-medium text-foreground',
            )}
          >
            <Icon className="size-4" aria-hidden />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
