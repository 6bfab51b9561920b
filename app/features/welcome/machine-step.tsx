import { Trans, useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { mainText } from '../../i18n/main-text';
import { Cpu } from 'lucide-react';
import type { CatalogView } from '../../../electron/ipc/contract';
import { Badge } from '../../ui/badge';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import { predictedSpeed } from '../models/recommended-download';

/** Step 1: what this computer is, as measured, and the pair of models recommended for it. */
export function MachineStep({ catalog }: { catalog: CatalogView | null }) {
  const machine = catalog?.machine ?? null;
  const { t } = useTranslation();
  const format = useFormat();
  const chat = catalog?.models.find((entry) => entry.id === catalog.recommended.chat);
  const embedding = catalog?.models.find((entry) => entry.id === catalog.recommended.embedding);
  const speed = chat ? predictedSpeed(chat, t, format) : null;
  return (
    <Card aria-labelledby="machine-title" data-testid="welcome-machine">
      <CardTitle id="machine-title" className="flex items-center gap-2">
        <Cpu className="size-4" aria-hidden /> {t('welcome.machine.title')}
      </CardTitle>
      <CardDescription>
        {machine
          ? t('welcome.machine.measured', {
              count: machine.physicalCores,
              memory: format.bytes(machine.totalMemory),
              bandwidth: format.bytes(machine.memoryBandwidth),
            })
          : t('welcome.machine.measuring')}
      </CardDescription>
      {chat && (
        <div className="mt-3 text-sm">
          <p className="flex flex-wrap items-center gap-1.5">
            <Trans
              i18nKey="welcome.machine.recommendedChat"
              values={{ name: chat.name }}
              components={{ strong: <strong translate="no" /> }}
            />
            {speed && <Badge tone="good">{speed}</Badge>}
            <Badge>{t('models.facts.ram', { size: format.bytes(chat.minRamBytes) })}</Badge>
            {embedding && (
              <Trans
                i18nKey="welcome.machine.recommendedEmbedding"
                values={{ name: embedding.name }}
                components={{ strong: <strong translate="no" /> }}
              />
            )}
          </p>
          <p className="mt-1 text-xs text-muted-foreground" data-testid="welcome-reason">
            {catalog && mainText(t, catalog.recommended.reason)}
          </p>
        </div>
      )}
    </Card>
  );
}
