import { useState } from 'react';
import type { CatalogView } from '../../../electron/ipc/contract';
import { useInvoke } from '../../lib/use-invoke';
import { formatBytes, formatCount } from '../../../electron/ipc/format';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import { PartialDownloads } from './partial-downloads';
import { CatalogDownloadButton, RunningDownload } from './recommended-download';
import { UrlDownload } from './url-download';
import { useDownload } from './use-download';

type Entry = CatalogView['models'][number];

/**
 * "≈ 14 tok/s here", amber below the target speed; the tooltip says how the number was made.
 * Rerankers and embedders are not chatted with, so only chat models show it.
 */
function SpeedBadge({ entry, target }: { entry: Entry; target: number }) {
  if (entry.role !== 'chat') return null;
  if (!entry.speed) return <Badge title="Hearth is measuring this computer to predict speeds.">Measuring…</Badge>;
  const speed = entry.speed.generationTokensPerSecond;
  const shown = speed >= 10 ? Math.round(speed).toString() : speed.toFixed(1);
  const tooltip =
    `Predicted generation speed on this computer: ≈ ${shown} tokens/s (prompt ≈ ${Math.round(entry.speed.promptTokensPerSecond)} tokens/s). ` +
    entry.speed.basis +
    ` Recommended models reach ${target} tokens/s (Settings).`;
  return (
    <Badge tone={speed >= target ? 'good' : 'warn'} title={tooltip} data-testid="predicted-speed">
      ≈ {shown} tok/s here{entry.speed.calibrated ? ' ✓' : ''}
    </Badge>
  );
}

function CatalogRow({ entry, recommended, target }: { entry: Entry; recommended: boolean; target: number }) {
  const download = useDownload(`catalog:${entry.id}`);
  return (
    <li className="border-t border-border py-3 first:border-t-0" data-testid="catalog-entry" aria-label={entry.name}>
      <div className="flex items-start justify-between gap-4">
        <div>
          <p className="flex flex-wrap items-center gap-1.5 text-sm font-medium">
            {entry.name}
            {recommended && <Badge tone="good">Recommended</Badge>}
            {entry.installed && <Badge>Installed</Badge>}
            {!entry.fitsThisMachine && <Badge tone="warn">Needs more RAM</Badge>}
            <SpeedBadge entry={entry} target={target} />
          </p>
          <p className="mt-0.5 text-xs text-muted-foreground">{entry.description}</p>
          <p className="mt-1 text-xs text-muted-foreground">
            {formatCount(entry.parameters)} params · {entry.quantization} · {formatBytes(entry.sizeBytes)} ·{' '}
            {entry.contextLength.toLocaleString('en')} ctx · {formatBytes(entry.minRamBytes)} RAM · {entry.license}
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

const SIZES: Array<{ label: string; bytes: number | null }> = [
  { label: 'Any size', bytes: null },
  { label: 'Up to 1 GB', bytes: 1.1e9 },
  { label: 'Up to 4 GB', bytes: 4.4e9 },
  { label: 'Up to 8 GB', bytes: 8.8e9 },
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
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3 text-sm" role="group" aria-label="Filter the catalog">
      <select
        aria-label="Role"
        className={select}
        value={filters.role}
        onChange={(event) => onChange({ ...filters, role: event.target.value as Filters['role'] })}
      >
        <option value="all">Every role</option>
        <option value="chat">Chat</option>
        <option value="embedding">Embedding</option>
        <option value="reranker">Reranker</option>
      </select>
      <select
        aria-label="Size"
        className={select}
        value={String(filters.maxBytes)}
        onChange={(event) =>
          onChange({ ...filters, maxBytes: event.target.value === 'null' ? null : Number(event.target.value) })
        }
      >
        {SIZES.map((size) => (
          <option key={size.label} value={String(size.bytes)}>
            {size.label}
          </option>
        ))}
      </select>
      <label className="flex items-center gap-1.5">
        <input
          type="checkbox"
          checked={filters.fastHere}
          onChange={(event) => onChange({ ...filters, fastHere: event.target.checked })}
        />
        Fast here
      </label>
    </div>
  );
}

/** Recommended models to download, with the pick for this machine first, filtered as asked. */
export function CatalogPanel() {
  const [catalog] = useInvoke('models.catalog', 'models.changed');
  const [filters, setFilters] = useState<Filters>({ role: 'all', maxBytes: null, fastHere: false });
  if (catalog.status !== 'ready') return null;
  const view = catalog.value;
  const picks = new Set([view.recommended.chat, view.recommended.embedding]);
  const byRole = (role: Entry['role']) =>
    view.models.filter((entry) => entry.role === role && shownBy(filters, entry, view.targetTokensPerSecond));
  const roles = (['chat', 'embedding', 'reranker'] as const).filter((role) => byRole(role).length > 0);
  return (
    <Card aria-labelledby="catalog-title">
      <CardTitle id="catalog-title">Download a model</CardTitle>
      <CardDescription>
        Downloads come from Hugging Face and are checked against the pinned or published SHA-256 before use.{' '}
        <span data-testid="recommendation-reason">{view.recommended.reason}</span>
      </CardDescription>
      <PartialDownloads />
      <FilterBar filters={filters} onChange={setFilters} />
      {roles.length === 0 && (
        <p className="mt-4 text-sm text-muted-foreground">
          No model matches these filters.{' '}
          <Button
            variant="ghost"
            className="px-1.5 py-0.5"
            onClick={() => setFilters({ role: 'all', maxBytes: null, fastHere: false })}
          >
            Show all
          </Button>
        </p>
      )}
      {roles.map((role) => (
        <section key={role} className="mt-4">
          <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{role} models</h3>
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
