import { describe, expect, it } from 'vitest';
import { howToOpen } from '../../../../electron/services/library/open-policy';

describe('how "Open file" opens a library file', () => {
  it('hands documents to the system by their extension, whatever their case', () => {
    for (const path of [
      '/d/report.pdf',
      '/d/REPORT.PDF',
      '/d/letter.docx',
      '/d/sheet.xlsx',
      '/d/deck.pptx',
      '/d/mail.eml',
    ]) {
      expect(howToOpen(path, 'pdf'), path).toEqual({ how: 'system' });
    }
  });

  it('shows text, code and scripts in Hearth’s own viewer, never the system’s', () => {
    for (const [path, type] of [
      ['/d/notes.md', 'markdown'],
      ['/d/run.js', 'code'],
      ['/d/setup.ps1', 'code'],
      ['/d/deploy.sh', 'code'],
      ['/d/Makefile', 'text'],
      ['/d/open-me', 'text'],
      ['/d/page.html', 'html'],
      ['/d/start.command', 'text'],
    ]) {
      expect(howToOpen(path!, type!), path).toEqual({ how: 'viewer' });
    }
  });

  it('refuses what could run and is not text, saying why: a PDF named .js, macro documents, programs', () => {
    for (const [path, type] of [
      ['/d/invoice.js', 'pdf'],
      ['/d/budget.xlsm', 'xlsx'],
      ['/d/memo.docm', 'docx'],
      ['/d/page.mht', 'mhtml'],
      ['/d/tool.exe', 'unsupported'],
      ['/d/archive', 'archive'],
    ]) {
      const decision = howToOpen(path!, type!);
      expect(decision.how, path).toBe('folder-only');
      expect(decision.how === 'folder-only' && decision.why.text).toMatch(/could run as a program/);
    }
  });
});
