import type { Parsed } from './types';

const TIMING = /^\s*(\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}\s*(-->|,)\s*(\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}/;

/**
 * Subtitles (SubRip `.srt`, WebVTT `.vtt`, YouTube `.sbv`) as what is said: cue numbers, timings,
 * cue settings, the WEBVTT header and NOTE/STYLE/REGION blocks, voice and styling tags and ASS
 * override codes (`{\an8}`) are dropped; a line repeated by consecutive cues (roll-up captions) is
 * kept once. Each cue's text becomes a line, so the transcript reads as a text.
 */
export function parseSubtitles(text: string): Parsed {
  const lines: string[] = [];
  const blocks = text.replace(/^\ufeff/, '').split(/\r?\n\s*\r?\n/);
  for (const block of blocks) {
    const rows = block.split(/\r?\n/);
    if (/^(WEBVTT|NOTE|STYLE|REGION)\b/.test(rows[0]!.trim())) continue;
    const timing = rows.findIndex((row) => TIMING.test(row));
    // A block without a timing is no cue (a stray line, a cue number on its own).
    if (timing < 0) continue;
    for (const row of rows.slice(timing + 1)) {
      const said = row
        .replace(/<[^>]{1,64}>/g, '')
        .replace(/\{\\[^}]{0,64}\}/g, '')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&nbsp;/g, ' ')
        .trim();
      if (said && said !== lines.at(-1)) lines.push(said);
    }
  }
  return { sections: [{ text: lines.join('\n'), page: null }], markdown: false };
}
