import { Cpu } from 'lucide-react';
import type { CatalogView } from '../../../electron/ipc/contract';
import { formatBytes } from '../../../electron/ipc/format';
import { Badge } from '../../ui/badge';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import { predictedSpeed } from '../models/recommended-download';

/** Step 1: what this computer is, as measured, and the pair of models recommended for it. */
export function MachineStep({ catalog }: { catalog: CatalogView | null }) {
  const machine = catalog?.machine ?? null;
  const chat = catalog?.models.find((entry) => entry.id === catalog.recommended.chat);
  const embedding = catalog?.models.find((entry) => entry.id === catalog.recommended.embedding);
  return (
    <Card aria-labelledby="machine-title" data-testid="welcome-machine">
      <CardTitle id="machine-title" className="flex items-center gap-2">
        <Cpu className="size-4" aria-hidden /> 1. This computer
      </CardTitle>
      <CardDescription>
        {machine
          ? `${machine.physicalCores} cores · ${formatBytes(machine.totalMemory)} of memory · ${formatBytes(machine.memoryBandwidth)}/s memory bandwidth (measured)`
          : 'Measuring this computer to predict how fast each model runs here…'}
      </CardDescription>
      {chat && (
        <div className="mt-3 text-sm">
          <p className="flex flex-wrap items-center gap-1.5">
            Recommended: <strong>{chat.name}</strong> to chat
            {predictedSpeed(chat) && <Badge tone="good">{predictedSpeed(chat)}</Badge>}
            <Badge>{formatBytes(chat.minRamBytes)} RAM</Badge>
            {embedding && (
              <>
                and <strong>{embedding.name}</strong> to search by meaning
              </>
            )}
          </p>
          <p className="mt-1 text-xs text-muted-foreground" data-testid="welcome-reason">
            {catalog?.recommended.reason}
          </p>
        </div>
      )}
    </Card>
  );
}
