import { describe, expect, it } from 'vitest';
import { builderConfig as config, isTestCode, shipped, unpacked } from '../../helpers/packaging';

describe('electron-builder.yml', () => {
  it('builds every installer users expect', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb', 'rpm', 'zip']));
    expect(config.mac.target).toEqual(expect.arrayContaining(['dmg', 'zip']));
    expect(config.win.target).toEqual(expect.arrayContaining(['nsis', 'zip']));
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it.each([
    'node_modules/node-llama-cpp/bins/linux-x64/llama-addon.node',
    'node_modules/@node-llama-cpp/linux-x64/bins/linux-x64/llama-addon.node',
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    'node_modules/sqlite-vec-linux-x64/vec0.so',
  ])('unpacks native code from the asar: %s', (path) => {
    expect(unpacked(path)).toBe(true);
  });

  it('ships only the packaged platform’s llama.cpp binaries', () => {
    const base = 'node_modules/@node-llama-cpp';
    expect(shipped(`${base}/linux-x64/bins/linux-x64/llama-addon.node`, 'linux', 'x64')).toBe(true);
    expect(shipped(`${base}/linux-x64-vulkan/bins/linux-x64-vulkan/llama-addon.node`, 'linux', 'x64')).toBe(true);
    expect(shipped(`${base}/linux-arm64/bins/linux-arm64/llama-addon.node`, 'linux', 'x64')).toBe(false);
    expect(shipped(`${base}/win-x64-cuda/bins/win-x64-cuda/llama-addon.node`, 'linux', 'x64')).toBe(false);
    expect(shipped(`${base}/linux-x64-cuda/bins/linux-x64-cuda/llama-addon.node`, 'linux', 'x64')).toBe(false);
    expect(shipped(`${base}/linux-x64-cuda-ext/bins/linux-x64-cuda-ext/libggml-cuda.so`, 'linux', 'x64')).toBe(false);
    expect(shipped(`${base}/win-x64-vulkan/bins/win-x64-vulkan/llama-addon.node`, 'win', 'x64')).toBe(true);
    expect(shipped(`${base}/mac-arm64-metal/bins/mac-arm64-metal/llama-addon.node`, 'mac', 'arm64')).toBe(true);
    expect(shipped(`${base}/linux-x64/bins/linux-x64/llama-addon.node`, 'mac', 'arm64')).toBe(false);
    expect(shipped('out/main/index.js', 'linux', 'x64')).toBe(true);
    expect(shipped('node_modules/zod/index.js.map', 'linux', 'x64')).toBe(false);
  });

  it('ships the one better-sqlite3 binary its loader picks on the packaged platform, and no SQLite sources', () => {
    const prebuilt = (name: string) => `node_modules/better-sqlite3/prebuilds/${name}.node`;
    expect(shipped(prebuilt('linux-x64'), 'linux', 'x64')).toBe(true);
    expect(shipped(prebuilt('linuxmusl-x64'), 'linux', 'x64')).toBe(true);
    expect(shipped(prebuilt('linux-arm64'), 'linux', 'x64')).toBe(false);
    expect(shipped(prebuilt('darwin-arm64'), 'linux', 'x64')).toBe(false);
    expect(shipped(prebuilt('darwin-arm64'), 'mac', 'arm64')).toBe(true);
    expect(shipped(prebuilt('win32-x64'), 'win', 'x64')).toBe(true);
    expect(shipped('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
  });

  it('keeps test code out of the package, even when an e2e run left it in out/', () => {
    expect(shipped('out/test-bridge/shim.js')).toBe(false);
    expect(isTestCode('out/test-bridge/shim.js')).toBe(true);
    expect(shipped('node_modules/zod/tests/index.js')).toBe(false);
    expect(shipped('out/preload/index.cjs')).toBe(true);
    expect(shipped('out/renderer/index.html')).toBe(true);
  });

  it('leaves the checkout’s CLI bundle out: the app runs the command from its own main bundle', () => {
    expect(shipped('out/cli/main.js')).toBe(false);
    expect(shipped('out/cli/index-worker.js')).toBe(false);
    expect(shipped('out/main/index-worker.js')).toBe(true);
  });

  it('never deletes user data on uninstall', () => {
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });
});
