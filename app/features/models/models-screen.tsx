import { Cpu } from 'lucide-react';
import { ComingSoon } from '../../ui/coming-soon';
import { Page } from '../../ui/page';

export function ModelsScreen() {
  return (
    <Page title="Models" description="GGUF models that run on this machine.">
      <ComingSoon
        icon={Cpu}
        title="Local models"
        points={[
          'Import any GGUF file and see its metadata and whether it fits in memory.',
          'Download a recommended model, verified before it is used.',
          'Tune settings per model and benchmark it on your hardware.',
        ]}
      />
    </Page>
  );
}
