import type { BenchmarkResult } from '../../../electron/ipc/contract';
import { formatBytes, formatRate } from '../../../electron/ipc/format';

/** The last on-device benchmark of a model: one row per thread count. */
export function BenchmarkTable({ result }: { result: BenchmarkResult }) {
  return (
    <div className="mt-4 border-t border-border pt-4 text-sm" data-testid="benchmark">
      <p className="mb-2 text-muted-foreground">
        Benchmarked {new Date(result.ranAt).toLocaleString()} on {result.hardware.cpuModel}. Recommended threads:{' '}
        <strong>{result.recommendedThreads}</strong>, context: <strong>{result.recommendedContextSize}</strong> tokens
      </p>
      <table className="w-full text-left">
        <thead className="text-muted-foreground">
          <tr>
            <th className="font-medium">Threads</th>
            <th className="font-medium">Prompt tok/s</th>
            <th className="font-medium">Generation tok/s</th>
            <th className="font-medium">First token</th>
            <th className="font-medium">Peak memory</th>
          </tr>
        </thead>
        <tbody className="font-mono">
          {result.runs.map((run) => (
            <tr key={run.threads}>
              <td>{run.threads}</td>
              <td>{formatRate(run.promptTokensPerSecond)}</td>
              <td>{formatRate(run.generationTokensPerSecond)}</td>
              <td>{run.timeToFirstTokenMs.toFixed(0)} ms</td>
              <td>{formatBytes(run.peakMemoryBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
