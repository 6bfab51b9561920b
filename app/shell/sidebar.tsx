import { Cpu, FolderOpen, MessageSquare, Search, Settings, type LucideIcon } from 'lucide-react';
import { Link, useLocation } from 'wouter';
import { cn } from '../lib/cn';

export const SCREENS: Array<{ path: string; label: string; icon: LucideIcon }> = [
  { path: '/chat', label: 'Chat', icon: MessageSquare },
  { path: '/search', label: 'Search', icon: Search },
  { path: '/library', label: 'Library', icon: FolderOpen },
  { path: '/models', label: 'Models', icon: Cpu },
  { path: '/settings', label: 'Settings', icon: Settings },
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
