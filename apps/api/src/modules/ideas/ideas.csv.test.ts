import { describe, expect, it } from 'vitest';
import { csvField } from '../../shared/csv.ts';
import { csvFileName, ideasCsv } from './ideas.csv.ts';
import type { toIdea } from './ideas.presenter.ts';

const idea = (overrides: Partial<ReturnType<typeof toIdea>> = {}): ReturnType<typeof toIdea> => ({
  id: '5b0c8f0e-8a3c-4f5e-9d43-2f7a1c9b6e21',
  campaignId: '6b0c8f0e-8a3c-4f5e-9d43-2f7a1c9b6e21',
  generationId: null,
  type: 'POST',
  platform: 'INSTAGRAM',
  title: 'Meet the growers',
  hook: 'Every bag has a name on it',
  caption: 'From Huila',
  hashtags: ['#Coffee', '#Origin'],
  callToAction: 'Pre-order now',
  visualDirection: null,
  durationSec: null,
  beats: null,
  audioSuggestion: null,
  status: 'PENDING_CLIENT',
  version: 2,
  round: 1,
  sentVersion: 2,
  templateVersion: 'post/v1',
  scheduledFor: null,
  offlineModel: false,
  createdAt: new Date('2026-10-01T09:00:00.000Z'),
  updatedAt: new Date('2026-10-02T09:00:00.000Z'),
  ...overrides,
});

describe('CSV fields', () => {
  it('when text would start a formula (= + - @ tab CR), then an apostrophe keeps it text', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+44 20 7946 0000')).toBe("'+44 20 7946 0000");
    expect(csvField('-50% today')).toBe("'-50% today");
    expect(csvField('@everyone')).toBe("'@everyone");
    expect(csvField('\t=cmd')).toBe("'\t=cmd");
    expect(csvField('\r=cmd')).toBe(`"'\r=cmd"`);
    expect(csvField('a = b')).toBe('a = b');
  });

  it('when text starts with a fullwidth ＝ ＋ － ＠, then an apostrophe keeps it text too', () => {
    expect(csvField('＝1+1')).toBe("'＝1+1");
    expect(csvField('＋44 20 7946 0000')).toBe("'＋44 20 7946 0000");
    expect(csvField('－50% today')).toBe("'－50% today");
    expect(csvField('＠everyone')).toBe("'＠everyone");
    expect(csvField('a ＝ b')).toBe('a ＝ b');
  });

  it('when text has a quote, comma or line break, then it is quoted with quotes doubled (RFC 4180)', () => {
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one, two')).toBe('"one, two"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('=HYPERLINK("http://x.example","go")')).toBe(
      `"'=HYPERLINK(""http://x.example"",""go"")"`,
    );
  });

  it('writes numbers and dates as they are, and null as an empty field', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(csvField(new Date('2026-10-01T09:00:00Z'))).toBe('2026-10-01T09:00:00.000Z');
  });
});

describe('the ideas CSV', () => {
  it('has a header row and one CRLF-terminated row per idea, reel scripts one beat per line', () => {
    const reel = idea({
      type: 'REEL',
      durationSec: 30,
      beats: [
        { startSec: 0, shot: 'Cherry, macro', voiceover: 'It starts here.', onScreenText: 'Huila' },
        { startSec: 6, shot: 'Drying beds', voiceover: '', onScreenText: '' },
      ],
    });
    const csv = ideasCsv([idea(), reel]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'ID,Type,Platform,Status,Round,Title,Hook,Caption,Hashtags,Call to action,Visual direction,Duration (s),Script,Audio,Scheduled for,Offline model,Created at,Updated at',
    );
    expect(lines[1]).toContain(',Post,Instagram,Awaiting client review,');
    expect(lines[2]).toContain(',Reel,');
    expect(lines[1]).toContain(
      ',Meet the growers,Every bag has a name on it,From Huila,#Coffee #Origin,Pre-order now,,,,,,no,',
    );
    expect(csv).toContain('"0s · Cherry, macro · VO: It starts here. · Text: Huila\n6s · Drying beds"');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('names the download after the campaign, in ASCII', () => {
    expect(csvFileName('Autumn Single-Origin Launch')).toBe('autumn-single-origin-launch-ideas.csv');
    expect(csvFileName('Café “Été” 2026!')).toBe('cafe-ete-2026-ideas.csv');
    expect(csvFileName('☕☕')).toBe('campaign-ideas.csv');
  });
});
