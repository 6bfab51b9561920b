import { useCallback, useEffect, useState } from 'react';
import type { HearthErrorData, LoadedModels, ModelInfo } from '../../../electron/ipc/contract';
import { invoke, on } from '../../api';

export interface ModelsState {
  models: ModelInfo[] | null;
  loaded: LoadedModels;
  error: HearthErrorData | null;
  reload(): void;
}

/** The installed models, kept fresh: reloaded whenever main says something about models changed. */
export function useModels(): ModelsState {
  const [models, setModels] = useState<ModelInfo[] | null>(null);
  const [loaded, setLoaded] = useState<LoadedModels>({ chat: null, embedding: null, reranker: null, all: [] });
  const [error, setError] = useState<HearthErrorData | null>(null);

  const reload = useCallback(() => {
    void invoke('models.list').then((result) => {
      if (result.ok) {
        setModels(result.value);
        setError(null);
      } else setError(result.error);
    });
    void invoke('models.state').then((result) => result.ok && setLoaded(result.value));
  }, []);

  useEffect(() => {
    reload();
    return on('models.changed', (state) => {
      setLoaded(state);
      reload();
    });
  }, [reload]);

  return { models, loaded, error, reload };
}
