import { useState } from 'react';
import type { CatalogView } from '../../../electron/ipc/contract';
import { useInvoke } from '../../lib/use-invoke';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { mainText } from '../../i18n/main-text';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import { PartialDownloads } from './partial-downloads';
import { CatalogDownloadButton, RunningDownload, tokensPerSecond } from './recommended-download';
import { UrlDownload } from './url-download';
import { useDownload } from './use-download';

type Entry = CatalogView['models'][number];

/**
 * "≈ 14 tok/s here", amber below the target speed; the tooltip says how the number was made.
 * Rerankers and embedders are not chatted with, so only chat models show it.
 */
function SpeedBadge({ entry, target }: { entry: Entry; target: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (entry.role !== 'chat') return null;
  if (!entry.speed) return <Badge title={t('models.speed.measuringTitle')}>{t('models.speed.measuring')}</Badge>;
  const speed = entry.speed.generationTokensPerSecond;
  const tooltip = t('models.speed.tooltip', {
    speed: tokensPerSecond(speed, format),
    prompt: format.number(entry.speed.promptTokensPerSecond),
    basis: mainText(t, entry.speed.basis),
    target,
  });
  return (
    <Badge tone={speed >= target ? 'good' : 'warn'} title={tooltip} data-testid="predicted-speed">
      {t('models.speed.here', { speed: tokensPerSecond(speed, format) })}
      {entry.speed.calibrated ? ' ✓' : ''}
    </Badge>
  );
}

function CatalogRow({ entry, recommended, target }: { entry: Entry; recommended: boolean; target: number }) {
  const download = useDownload(`catalog:${entry.id}`);
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li className="border-t border-border py-3 first:border-t-0" data-testid="catalog-entry" aria-label={entry.name}>
      <div className="flex items-start justify-between gap-4">
        <div>
          <p className="flex flex-wrap items-center gap-1.5 text-sm font-medium">
            <span translate="no">{entry.name}</span>
            {recommended && <Badge tone="good">{t('models.badge.recommended')}</Badge>}
            {entry.installed && <Badge>{t('models.badge.installed')}</Badge>}
            {!entry.fitsThisMachine && <Badge tone="warn">{t('models.badge.needsRam')}</Badge>}
            <SpeedBadge entry={entry} target={target} />
          </p>
          <p className="mt-0.5 text-xs text-muted-foreground" translate="no">
            {entry.description}
          </p>
          <p className="mt-1 text-xs text-muted-foreground">
            {t('models.facts.params', { count: format.count(entry.parameters) })} · {entry.quantization} ·{' '}
            {format.bytes(entry.sizeBytes)} · {t('models.facts.ctx', { count: format.number(entry.contextLength) })} ·{' '}
            {t('models.facts.ram', { size: format.bytes(entry.minRamBytes) })} · {entry.license}
          </p>
        </div>
        <CatalogDownloadButton entry={entry} download={download} />
      </div>
      <RunningDownload download={download} />
    </li>
  );
}

/** What the catalog shows: a role, a largest size, and only what runs at the target speed here. */
interface Filters {
  role: Entry['role'] | 'all';
  maxBytes: number | null;
  fastHere: boolean;
}

/** The size filter's choices: a model "up to 1 GB" may be a little over (1.1e9 bytes). */
const SIZES: Array<{ gigabytes: number; bytes: number } | { gigabytes: null; bytes: null }> = [
  { gigabytes: null, bytes: null },
  { gigabytes: 1, bytes: 1.1e9 },
  { gigabytes: 4, bytes: 4.4e9 },
  { gigabytes: 8, bytes: 8.8e9 },
];

/** Whether `entry` passes `filters`; "fast here" is about chat models, the only ones read as they come. */
export function shownBy(filters: Filters, entry: Entry, target: number): boolean {
  if (filters.role !== 'all' && entry.role !== filters.role) return false;
  if (filters.maxBytes !== null && entry.sizeBytes > filters.maxBytes) return false;
  if (filters.fastHere && entry.role === 'chat') return (entry.speed?.generationTokensPerSecond ?? 0) >= target;
  return true;
}

function FilterBar({ filters, onChange }: { filters: Filters; onChange(next: Filters): void }) {
  const select = 'rounded-md border border-border bg-background px-2 py-1 text-sm';
  const { t } = useTranslation();
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3 text-sm" role="group" aria-label={t('models.filter.label')}>
      <select
        aria-label={t('models.filter.role')}
        className={select}
        value={filters.role}
        onChange={(event) => onChange({ ...filters, role: event.target.value as Filters['role'] })}
      >
        <option value="all">{t('models.filter.everyRole')}</option>
        <option value="chat">{t('models.filter.chat')}</option>
        <option value="embedding">{t('models.filter.embedding')}</option>
        <option value="reranker">{t('models.filter.reranker')}</option>
      </select>
      <select
        aria-label={t('models.filter.size')}
        className={select}
        value={String(filters.maxBytes)}
        onChange={(event) =>
          onChange({ ...filters, maxBytes: event.target.value === 'null' ? null : Number(event.target.value) })
        }
      >
        {SIZES.map((size) => (
          <option key={String(size.bytes)} value={String(size.bytes)}>
            {size.gigabytes === null ? t('models.size.any') : t('models.size.upTo', { count: size.gigabytes })}
          </option>
        ))}
      </select>
      <label className="flex items-center gap-1.5">
        <input
          type="checkbox"
          checked={filters.fastHere}
          onChange={(event) => onChange({ ...filters, fastHere: event.target.checked })}
        />
        {t('models.filter.fastHere')}
      </label>
    </div>
  );
}

/** Recommended models to download, with the pick for this machine first, filtered as asked. */
export function CatalogPanel() {
  const [catalog] = useInvoke('models.catalog', 'models.changed');
  const [filters, setFilters] = useState<Filters>({ role: 'all', maxBytes: null, fastHere: false });
  const { t } = useTranslation();
  if (catalog.status !== 'ready') return null;
  const view = catalog.value;
  const picks = new Set([view.recommended.chat, view.recommended.embedding]);
  const byRole = (role: Entry['role']) =>
    view.models.filter((entry) => entry.role === role && shownBy(filters, entry, view.targetTokensPerSecond));
  const roles = (['chat', 'embedding', 'reranker'] as const).filter((role) => byRole(role).length > 0);
  return (
    <Card aria-labelledby="catalog-title">
      <CardTitle id="catalog-title">{t('models.catalog.title')}</CardTitle>
      <CardDescription>
        {t('models.catalog.description')}{' '}
        <span data-testid="recommendation-reason">{mainText(t, view.recommended.reason)}</span>
      </CardDescription>
      <PartialDownloads />
      <FilterBar filters={filters} onChange={setFilters} />
      {roles.length === 0 && (
        <p className="mt-4 text-sm text-muted-foreground">
          {t('models.catalog.noMatch')}{' '}
          <Button
            variant="ghost"
            className="px-1.5 py-0.5"
            onClick={() => setFilters({ role: 'all', maxBytes: null, fastHere: false })}
          >
            {t('models.catalog.showAll')}
          </Button>
        </p>
      )}
      {roles.map((role) => (
        <section key={role} className="mt-4">
          <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
            {t(`models.roleHeading.${role}`)}
          </h3>
          <ul>
            {byRole(role).map((entry) => (
              <CatalogRow
                key={entry.id}
                entry={entry}
                recommended={picks.has(entry.id)}
                target={view.targetTokensPerSecond}
              />
            ))}
          </ul>
        </section>
      ))}
      <UrlDownload />
    </Card>
  );
}
