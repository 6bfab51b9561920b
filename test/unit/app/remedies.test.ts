import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../electron/ipc/errors';
import { remedyFor } from '../../../app/lib/remedies';

describe('remedies by error code', () => {
  it('offers the screen that fixes a failure, and Try again only to a caller that can', () => {
    expect(remedyFor('CONTEXT_OVERFLOW', false)).toEqual({ label: 'remedy.raiseContext', to: '/models' });
    expect(remedyFor('MODEL_NOT_FOUND', true)).toEqual({ label: 'remedy.openModels', to: '/models' });
    expect(remedyFor('AIR_GAP', false)).toMatchObject({ to: '/settings' });
    expect(remedyFor('BUSY', true)).toEqual({ label: 'remedy.tryAgain', retry: true });
    expect(remedyFor('BUSY', false)).toBeNull();
    expect(remedyFor('CANCELLED', true)).toBeNull();
    // A failure saved before codes were kept has none, and gets no remedy.
    expect(remedyFor(null, true)).toBeNull();
  });

  it('sends every remedy to a screen the window has', () => {
    const screens = ['/chat', '/search', '/library', '/models', '/settings'];
    for (const code of ERROR_CODES) {
      const remedy = remedyFor(code, true);
      if (remedy && 'to' in remedy) expect(screens, code).toContain(remedy.to);
    }
  });
});
