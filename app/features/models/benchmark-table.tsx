import type { BenchmarkResult } from '../../../electron/ipc/contract';
import { Trans, useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

/** The last on-device benchmark of a model: one row per thread count. */
export function BenchmarkTable({ result }: { result: BenchmarkResult }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="mt-4 border-t border-border pt-4 text-sm" data-testid="benchmark">
      <p className="mb-2 text-muted-foreground">
        <Trans
          i18nKey="models.bench.summary"
          values={{
            at: format.dateTime(result.ranAt),
            cpu: result.hardware.cpuModel,
            threads: result.recommendedThreads,
            contextSize: format.number(result.recommendedContextSize),
          }}
          components={{ strong: <strong /> }}
        />
      </p>
      <table className="w-full text-left">
        <thead className="text-muted-foreground">
          <tr>
            <th className="font-medium">{t('models.bench.threads')}</th>
            <th className="font-medium">{t('models.bench.prompt')}</th>
            <th className="font-medium">{t('models.bench.generation')}</th>
            <th className="font-medium">{t('models.bench.firstToken')}</th>
            <th className="font-medium">{t('models.bench.memory')}</th>
          </tr>
        </thead>
        <tbody className="font-mono">
          {result.runs.map((run) => (
            <tr key={run.threads}>
              <td>{run.threads}</td>
              <td>{format.rate(run.promptTokensPerSecond)}</td>
              <td>{format.rate(run.generationTokensPerSecond)}</td>
              <td>{format.duration(run.timeToFirstTokenMs)}</td>
              <td>{format.bytes(run.peakMemoryBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
