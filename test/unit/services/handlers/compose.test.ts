import { createDispatcher } from '../../../../electron/ipc/dispatch';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../../electron/ipc/contract';
import { createHandlers } from '../../../../electron/services/handlers';
import { composeHandlers } from '../../../../electron/services/handlers/domain';
import type { Services } from '../../../../electron/services';

describe('composeHandlers', () => {
  it('refuses a channel two domains claim', () => {
    const one = { invoke: { 'app.info': () => 1 }, stream: {} };
    const two = { invoke: { 'app.info': () => 2 }, stream: {} };
    expect(() => composeHandlers([one, two])).toThrow('Two domains handle "app.info"');
  });

  it('mounts a handler for every channel of the contract, and nothing else', () => {
    // The handlers only close over the services; building the map calls none of them.
    const handlers = createHandlers({} as Services, {
      pickModelFile: () => Promise.resolve(null),
      pickFolder: () => Promise.resolve(null),
      openPath: () => Promise.resolve(),
      showInFolder: () => Promise.resolve(),
      openLink: () => Promise.resolve(false),
      installUpdate: () => Promise.resolve(),
    });
    expect(Object.keys(handlers.invoke).sort()).toEqual(Object.keys(contract.invoke).sort());
    expect(Object.keys(handlers.stream).sort()).toEqual(Object.keys(contract.stream).sort());
  });

  it('offers only http(s) links to the browser', async () => {
    const offered: string[] = [];
    const dispatcher = createDispatcher(
      contract,
      createHandlers({} as Services, {
        pickModelFile: () => Promise.resolve(null),
        pickFolder: () => Promise.resolve(null),
        openPath: () => Promise.resolve(),
        showInFolder: () => Promise.resolve(),
        openLink: (url) => Promise.resolve(offered.push(url) > 0),
        installUpdate: () => Promise.resolve(),
      }),
    );
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,hi',
      'app://hearth/',
      'not a url',
    ]) {
      expect(await dispatcher.invoke('shell.openLink', { url }), url).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    }
    expect(await dispatcher.invoke('shell.openLink', { url: 'https://example.com/a?b=c' })).toEqual({
      ok: true,
      value: true,
    });
    expect(offered).toEqual(['https://example.com/a?b=c']);
  });
});
