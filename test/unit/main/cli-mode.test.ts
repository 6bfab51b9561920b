import { describe, expect, it } from 'vitest';
import { cliArguments } from '../../../electron/main/cli-mode';

describe('cliArguments', () => {
  it('runs the CLI for a command name or --cli, with the arguments after the executable', () => {
    expect(cliArguments(['/opt/Hearth/hearth', 'models', 'list', '--json'], true)).toEqual([
      'models',
      'list',
      '--json',
    ]);
    expect(cliArguments(['/opt/Hearth/hearth', '--cli', '--help'], true)).toEqual(['--help']);
    // Unpackaged, the second argument is the app's path.
    expect(cliArguments(['electron', '/work/hearth', 'serve', '--port', '0'], false)).toEqual(['serve', '--port', '0']);
  });

  it('starts the app otherwise, whatever Chromium switches it was given', () => {
    expect(cliArguments(['/opt/Hearth/hearth'], true)).toBeNull();
    expect(cliArguments(['/opt/Hearth/hearth', '--no-sandbox'], true)).toBeNull();
    expect(cliArguments(['/opt/Hearth/hearth', 'file.gguf'], true)).toBeNull();
    expect(cliArguments(['electron', '/work/hearth'], false)).toBeNull();
    // A prototype key is not a command.
    expect(cliArguments(['/opt/Hearth/hearth', 'toString'], true)).toBeNull();
  });
});
