import { Cpu, FolderOpen, MessageSquare, Search, Settings, type LucideIcon } from 'lucide-react';
import { Link, useLocation } from 'wouter';
import type { ParseKeys } from 'i18next';
import { cn } from '../lib/cn';
import { useTranslation } from 'react-i18next';

/** The screens, in the sidebar's order, each with its shortcut. */
export const SCREENS: Array<{ path: string; label: `nav.${string}` & ParseKeys; icon: LucideIcon; keys: string }> = [
  { path: '/chat', label: 'nav.chat', icon: MessageSquare, keys: 'Mod+1' },
  { path: '/search', label: 'nav.search', icon: Search, keys: 'Mod+2' },
  { path: '/library', label: 'nav.library', icon: FolderOpen, keys: 'Mod+3' },
  { path: '/models', label: 'nav.models', icon: Cpu, keys: 'Mod+4' },
  { path: '/settings', label: 'nav.settings', icon: Settings, keys: 'Mod+,' },
];

export function Sidebar() {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <nav aria-label={t('nav.main')} className="flex w-52 shrink-0 flex-col gap-1 border-r border-border bg-sidebar p-3">
      <div className="mb-4 px-2 pt-1 text-lg font-semibold tracking-tight" translate="no">
        {t('app.name')}
      </div>
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
            {t(label)}
          </Link>
        );
      })}
    </nav>
  );
}
